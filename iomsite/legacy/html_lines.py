"""The lines of a page's main content, read from its HTML tree: block
elements become lines, with their inline markup (links, emphasis) kept;
tables and captioned images become lines of their own; site chrome (menus,
sidebars, share buttons, Drupal blocks around the body) is left out."""

from __future__ import annotations

import html
import re

from bs4 import NavigableString, Tag

from .html_figures import CAPTION_CLASS_RE, figure_line
from .html_tables import read_table
from .lines import Line
from .text import ALLOWED_URL_SCHEMES, WHITESPACE_RE, escape_text, normalise_spaces

_DROP_TAGS = frozenset(
    "script style noscript iframe form button input select textarea svg nav header "
    "footer aside template object embed canvas video audio map head title meta "
    "link".split()
)
_BLOCK_TAGS = frozenset(
    "p div section article main li ul ol h1 h2 h3 h4 h5 h6 blockquote table tbody "
    "thead tfoot tr td th dl dt dd figure figcaption address pre hr center "
    "fieldset details summary".split()
)
_BOILERPLATE_CLASS_RE = re.compile(
    r"(?:^|[-_])(?:sidebar|menu|nav|navbar|navigation|breadcrumbs?|share|sharing|"
    r"social|addthis|related|comments?|pager|tabs|skip|footer|header|banner|"
    r"cookies?|links|submitted|meta|byline)(?:$|[-_])|^(?:element-invisible|visually-hidden|sr-only|"
    r"hidden|invisible)$"
)


def is_boilerplate(tag: Tag) -> bool:
    if tag.name in _DROP_TAGS:
        return True
    if tag.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return False
    if tag.get("aria-hidden") == "true" or tag.has_attr("hidden"):
        return True
    names = tag.get("class") or []
    identifier = tag.get("id")
    if identifier:
        names = [*names, identifier]
    return any(_BOILERPLATE_CLASS_RE.search(name.lower()) for name in names)


def _safe_url(url: str | None) -> str:
    url = (url or "").strip()
    if not url or url.startswith("#"):
        return ""
    scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    if scheme and scheme not in ALLOWED_URL_SCHEMES:
        return ""
    return url


class HtmlLines:
    """Walks the main content of a page and collects its lines. Inside an
    ``<article>``, a ``<header>`` holds the title and date, so it is read."""

    _INLINE_MARKUP = {"strong": "strong", "b": "strong", "em": "em", "i": "em"}

    def __init__(self, *, read_headers: bool = False, body: Tag | None = None) -> None:
        self.read_headers = read_headers
        # Drupal wraps every widget of a region in a "block"; once the page's
        # body field is known, the blocks around it are site chrome.
        self.body_path = {id(tag) for tag in (body, *body.parents)} if body else set()
        self.lines: list[Line] = []
        self.texts: list[str] = []
        self.htmls: list[str] = []
        self.block = 0
        self.tag = "p"
        self.list_id = -1
        self.list_kind = ""
        self.lists = 0
        self.first_heading = ""

    def flush(self) -> None:
        text = "".join(self.texts).strip()
        inline = "".join(self.htmls)
        if text or "<img" in inline:
            inline = re.sub(r"\s+((?:</\w+>)*)$", r"\1", inline.strip())
            self.lines.append(
                Line(
                    text,
                    inline,
                    block=self.block,
                    tag=self.tag,
                    list_id=self.list_id,
                    list_kind=self.list_kind,
                )
            )
        self.texts, self.htmls = [], []

    def add_text(self, text: str) -> None:
        text = WHITESPACE_RE.sub(" ", normalise_spaces(text))
        if not text:
            return
        if not self.texts or self.texts[-1].endswith(" "):
            text = text.lstrip()
            if not text:
                return
        self.texts.append(text)
        self.htmls.append(escape_text(text))

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if type(child) is NavigableString:
                self.add_text(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if is_boilerplate(child) and not (name == "header" and self.read_headers):
                continue
            if (
                self.body_path
                and "block" in (child.get("class") or ())
                and id(child) not in self.body_path
            ):
                continue
            if name == "br":
                self.flush()
            elif name == "table":
                self.add_table(child)
            elif name == "figure" or (name == "div" and _is_caption(child)):
                self.add_figure(child)
            elif name in _BLOCK_TAGS:
                self.walk_block(child)
            elif name == "a":
                href = _safe_url(child.get("href"))
                if href.lower().startswith("mailto:") and "@" not in child.get_text():
                    self.add_text(" " + href[7:].split("?")[0] + " ")
                    continue
                if href:
                    self.htmls.append(f'<a href="{html.escape(href)}">')
                    self.walk(child)
                    self.htmls.append("</a>")
                else:
                    self.walk(child)
            elif name == "img":
                self.htmls.append(_image_html(child))
            elif name in self._INLINE_MARKUP:
                markup = self._INLINE_MARKUP[name]
                self.htmls.append(f"<{markup}>")
                self.walk(child)
                self.htmls.append(f"</{markup}>")
            else:
                self.walk(child)

    def walk_block(self, element: Tag) -> None:
        if (pair := _label_and_value(element)) is not None:
            # A fact as a value and its label side by side: "Label: value"
            text = f"{pair[0].rstrip(' :')}: {pair[1]}"
            self.flush()
            self.lines.append(Line(text, escape_text(text), block=self.block + 1))
            self.block += 2
            return
        self.flush()
        saved = (self.tag, self.list_id, self.list_kind)
        name = element.name
        if name == "h1" and not self.first_heading:
            self.first_heading = element.get_text(" ", strip=True)
        if name in ("ul", "ol"):
            self.lists += 1
            self.list_id, self.list_kind = self.lists, name
        elif name == "li":
            self.tag = "li"
        elif name in ("h1", "h2"):
            self.tag = "h2"
        elif name in ("h3", "h4", "h5", "h6"):
            self.tag = "h3"
        elif name == "blockquote" and not _is_caption(element):
            self.tag = "blockquote"
        elif _is_caption(element) and self.tag != "li":
            self.tag = "caption"  # joined to the image before it: html_figures
        elif self.tag not in ("li", "blockquote", "caption"):
            self.tag = "p"
        self.block += 1
        self.walk(element)
        self.flush()
        self.tag, self.list_id, self.list_kind = saved
        self.block += 1

    def add_lines(self, text: str, inline: str, tag: str) -> None:
        self.flush()
        self.block += 1
        self.lines.append(Line(text, inline, block=self.block, tag=tag))
        self.block += 1

    def inline_of(self, element: Tag) -> tuple[str, str, int]:
        """(text, inline HTML, number of lines) of an element's content, its
        blocks joined by spaces: the content of a table cell or a caption."""
        reader = HtmlLines()
        reader.walk(element)
        reader.flush()
        lines = [line for line in reader.lines if line.text or line.html]
        return (
            " ".join(line.text for line in lines if line.text),
            " ".join(line.inline_html for line in lines),
            len(lines),
        )

    def add_table(self, element: Tag) -> None:
        table = read_table(element, self.inline_of)
        if table is None:
            self.walk_block(element)  # a layout table: its cells as paragraphs
            return
        if table.caption:
            self.add_lines(table.caption, table.caption, "p")
        self.add_lines(table.text, table.html, "table")
        self.lines[-1].rows = table.rows

    def add_figure(self, element: Tag) -> None:
        """An image with its caption and credit (``<figure>``, or a captioned
        image's wrapper)."""
        image = next(
            (found for tag in element.find_all("img") if (found := _image_html(tag))),
            "",
        )
        if not image:
            self.walk_block(element)
            return
        caption = element.find("figcaption") or element.find(_is_caption)
        parts = []
        if caption is not None:
            parts.append(self.inline_of(caption.extract()))
        elif (stated := element.find("img").get("data-caption")) is not None:
            text = WHITESPACE_RE.sub(" ", normalise_spaces(stated)).strip()
            parts.append((text, escape_text(text), 1))
        for tag in element.find_all("img"):
            tag.extract()
        parts.append(self.inline_of(element))  # a credit beside the caption
        text = " ".join(part[0] for part in parts if part[0])
        inline = " ".join(part[1] for part in parts if part[0])
        self.flush()
        self.block += 1
        self.lines.append(figure_line(image, text, inline, self.block))
        self.block += 1


def _image_html(tag: Tag) -> str:
    source = _safe_url(tag.get("src"))
    if not source or source.lower().startswith("data:"):
        return ""
    alt = html.escape(WHITESPACE_RE.sub(" ", tag.get("alt", "")).strip())
    return f'<img src="{html.escape(source)}" alt="{alt}">'


def _is_caption(tag: Tag) -> bool:
    return tag.name == "figcaption" or any(
        CAPTION_CLASS_RE.search(name.lower()) for name in tag.get("class") or ()
    )


_LABEL_CLASS_RE = re.compile(r"[-_]label$")
_VALUE_CLASS_RE = re.compile(r"[-_]value$")


def _label_and_value(element: Tag) -> tuple[str, str] | None:
    """(label, value) of an element whose children are a "…-label" and a
    "…-value" element, in either order (the facts of country pages)."""
    label = value = None
    for child in element.find_all(True, recursive=False):
        names = child.get("class") or ()
        if any(_LABEL_CLASS_RE.search(name) for name in names):
            label = child.get_text(" ", strip=True)
        elif any(_VALUE_CLASS_RE.search(name) for name in names):
            value = child.get_text(" ", strip=True)
    return (label, value) if label and value else None
