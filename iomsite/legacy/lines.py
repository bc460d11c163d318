"""The line model every page is reduced to, and paragraphs rebuilt from
hard-wrapped lines.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .navigation import PUNCTUATION_ONLY_RE, navigation_end
from .text import (
    LINKABLE_RE,
    MAILTO_JUNK_RE,
    MULTISPACE_RE,
    clean_html,
    ends_sentence,
    fold,
    normalise_spaces,
    strip_markup_debris,
    text_to_inline_html,
)


@dataclass(slots=True)
class Line:
    text: str
    html: str | None = None  # inline HTML; None: build it from the text
    block: int = -1  # the HTML block the line belongs to; -1 in text dumps
    tag: str = ""  # HTML block kind: p, h2, h3, blockquote, li
    list_id: int = -1
    list_kind: str = ""
    # A line the run's other files repeat (learnt chrome): dropped where it
    # stands, unless it is part of a contact block.
    chrome: bool = False
    # The cells' texts of a table line, row by row.
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def inline_html(self) -> str:
        if self.html is None:
            self.html = text_to_inline_html(self.text)
        return self.html


@dataclass(slots=True)
class Document:
    lines: list[Line]
    is_html: bool = False
    title: str = ""
    source: str = ""
    stated_date: datetime.datetime | None = None
    # Why a saved page is not content (a listing, an error page), or "".
    refusal: str = ""


# -- paragraphs --------------------------------------------------

_LIST_ITEM_RE = re.compile(
    r"^(?:(?P<bullet>[-–•*·▪●◦])|(?P<number>\d{1,2}[.)]|[a-h]\)))\s+"
)
_CONTINUATION_WORDS = frozenset(
    "a an and the of to in for with on by from at or as that which who "
    "y e o u el la los las de del en con por para que a al un una su sus como".split()
)


@dataclass(slots=True)
class Block:
    tag: str  # p, h2, h3, blockquote, ul, ol
    texts: list[str]  # one per list item; one for the other kinds
    htmls: list[str]
    line_count: int = 1
    html_block: int = -1  # the HTML block the paragraph or item came from
    list_id: int = -1

    @property
    def text(self) -> str:
        return " ".join(self.texts)

    def to_html(self) -> str:
        if self.tag in ("ul", "ol"):
            items = "".join(f"<li>{item}</li>" for item in self.htmls)
            return f"<{self.tag}>{items}</{self.tag}>"
        return f"<{self.tag}>{self.htmls[0]}</{self.tag}>"


def _wrap_width(texts: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when it was not."""
    lengths = [len(text) for text in texts if text and not _LIST_ITEM_RE.match(text)]
    candidates = [length for length in lengths if length <= 100]
    if len(candidates) < 4:
        return None
    width = max(candidates)
    near = sum(1 for length in lengths if width - 25 <= length <= width)
    return width if width >= 40 and near * 2 >= len(lengths) else None


def _continues(previous: str, following: str, width: int | None) -> bool:
    """Whether ``following`` carries on the paragraph that ``previous`` is in.

    A paragraph ends where a line ends a sentence and the next one starts a
    new one, or, in hard-wrapped text, where a line is clearly short (a
    sub-heading). Unwrapped dumps hold one paragraph per line, so there a line
    only continues when the break fell mid-sentence."""
    if following[0].islower():
        return True
    if ends_sentence(previous):
        return False
    if width is not None:
        return len(previous) >= width * 0.6
    last_word = previous.rsplit(" ", 1)[-1]
    return previous.endswith((",", ";")) or fold(last_word) in _CONTINUATION_WORDS


def _text_blocks(lines: list[Line]) -> list[Block]:
    """Paragraphs and lists from the lines of a text dump, re-joining lines that
    were hard-wrapped."""
    width = _wrap_width([line.text for line in lines])
    blocks: list[Block] = []
    open_list: Block | None = None
    parts: list[Line] = []  # lines of the open paragraph or list item
    previous = ""

    def close_paragraph() -> None:
        nonlocal parts
        if not parts:
            return
        text = " ".join(line.text for line in parts)
        inline = " ".join(line.inline_html for line in parts)
        if open_list is not None:
            open_list.texts.append(text)
            open_list.htmls.append(inline)
        else:
            blocks.append(Block("p", [text], [inline], len(parts)))
        parts = []

    for line in lines:
        text = line.text
        if not text or PUNCTUATION_ONLY_RE.match(text):
            close_paragraph()
            previous = ""
            continue
        item = _LIST_ITEM_RE.match(text)
        if item:
            close_paragraph()
            kind = "ul" if item["bullet"] else "ol"
            if open_list is None or open_list.tag != kind:
                open_list = Block(kind, [], [])
                blocks.append(open_list)
            text = text[item.end() :]
            parts.append(Line(text))
        elif parts and _continues(previous, text, width):
            parts.append(line)
        else:
            close_paragraph()
            open_list = None
            parts.append(line)
        previous = text
    close_paragraph()
    return [block for block in blocks if block.texts]


def _html_blocks(lines: list[Line]) -> list[Block]:
    """Paragraphs and lists from the lines of an HTML page: the lines of one
    block (split by ``<br>``) form one paragraph."""
    blocks: list[Block] = []
    for line in lines:
        if not line.text and "<img" not in (line.html or ""):
            continue
        last = blocks[-1] if blocks else None
        if line.tag == "li":
            if last is not None and last.list_id == line.list_id >= 0:
                if line.block == last.html_block:
                    last.texts[-1] += " " + line.text
                    last.htmls[-1] += " " + line.inline_html
                else:
                    last.texts.append(line.text)
                    last.htmls.append(line.inline_html)
                last.html_block = line.block
                continue
            blocks.append(
                Block(
                    line.list_kind or "ul",
                    [line.text],
                    [line.inline_html],
                    html_block=line.block,
                    list_id=line.list_id,
                )
            )
            continue
        if last is not None and last.list_id < 0 and last.html_block == line.block:
            last.texts[0] = f"{last.texts[0]} {line.text}".strip()
            last.htmls[0] = f"{last.htmls[0]} {line.inline_html}".strip()
            last.line_count += 1
            continue
        blocks.append(
            Block(
                line.tag or "p", [line.text], [line.inline_html], html_block=line.block
            )
        )
    return blocks


def build_blocks(lines: list[Line], is_html: bool) -> list[Block]:
    blocks = _html_blocks(lines) if is_html else _text_blocks(lines)
    # A short line on its own, without final punctuation, between paragraphs
    # is a sub-heading.
    for index, block in enumerate(blocks[:-1]):
        text = block.text
        if (
            block.tag == "p"
            and block.line_count == 1
            and 0 < len(text) <= 80
            and text.count(" ") < 10
            and (text[0].isupper() or text[0].isdigit())
            and not re.search(r"[.!?:;,…\"”'’»)]$", text)
            and not LINKABLE_RE.search(text)
            and blocks[index + 1].tag in ("p", "ul", "ol")
        ):
            block.tag = "h3"
    return blocks


def blocks_html(blocks: list[Block]) -> str:
    return clean_html("\n".join(block.to_html() for block in blocks))


def document_from_text(text: str) -> Document:
    lines = []
    for raw_line in normalise_spaces(text).split("\n"):
        line = raw_line.strip()
        if "mailto:" in line:
            line = MAILTO_JUNK_RE.sub(r"\1 ", line).strip()
        if "=" in line or '">' in line or "px" in line:
            line = strip_markup_debris(line)
        if "  " in line:
            line = MULTISPACE_RE.sub(" ", line)
        lines.append(Line(line))
    start = navigation_end([line.text for line in lines])
    return Document(lines=lines[start:])
