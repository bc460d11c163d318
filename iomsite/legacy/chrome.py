"""Chrome learnt from a run: the lines a site's template repeats on its pages.

Before the pages of a run are read, the lines of its text dumps are counted:
a line that stands in several files whose own text differs, and that is not
part of a structure the reader knows (a type label, a contact block, a date,
a section heading), is the template's, wherever it stands.
Pages saved as HTML are not counted: their template is told apart by its
markup. A run of one file learns nothing; the known labels alone apply.

Memory stays flat however long the run: each file leaves a few bytes a line
(the hash and length of its short lines), and when the count of distinct
lines passes ``LIMIT`` the lines seen once are forgotten (a template's line
comes back often enough to be counted again).
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from pathlib import Path

from .chrome_lines import template_line
from .contacts import EMAIL_RE
from .dates import DATE_LABEL_RE, parse_date
from .html import looks_like_html
from .navigation import (
    METADATA_RE,
    PUNCTUATION_ONLY_RE,
    contact_heading,
    footer_kind,
    is_scope_line,
    type_label,
)
from .office_sections import office_section
from .text import WHITESPACE_RE, normalise_spaces

# A line in at least this many files may be chrome.
MIN_FILES = 3
# ... unless the lines the files share make up more than this share of their
# text: then they are copies of one page, not pages of one template.
MAX_SHARE = 0.6
LONGEST = 400  # longer lines are paragraphs, never counted
LIMIT = 200_000
CONTACT_LINES = 12
_PHONE_RE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_FIELD_LABEL_RE = re.compile(
    r"^(?:e-?mail|correo(?:\s+electr[oó]nico)?|tel[eé]fonos?|tel|t[eé]l|phones?|"
    r"fax|mobile|m[oó]vil|cel(?:ular)?|whatsapp)\s*\.?\s*:?$",
    re.IGNORECASE,
)


def chrome_key(text: str) -> str:
    """A line as the counting and the parser compare it."""
    return WHITESPACE_RE.sub(" ", normalise_spaces(text)).strip()


@dataclass(frozen=True)
class LearntChrome:
    lines: frozenset[str] = frozenset()
    # (line, number of files) of each, most frequent first, for the report.
    counts: tuple[tuple[str, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.lines)


def is_known_structure(text: str) -> bool:
    """Lines the reader understands, never taken for chrome: a contact block's
    heading or fields, a type label and its reach, a date, a section heading,
    metadata."""
    return bool(
        PUNCTUATION_ONLY_RE.match(text)
        or _FIELD_LABEL_RE.match(text)
        or contact_heading(text) is not None
        or type_label(text)
        or is_scope_line(text)
        or footer_kind(text) == "section"
        or office_section(text)
        or METADATA_RE.match(text)
        or DATE_LABEL_RE.match(text)
        or EMAIL_RE.search(text)
        or _PHONE_RE.search(text)
        or parse_date(text, whole=False)
        or (template_line(text) or _NO_DATE).date is not None
    )


class _NoDate:
    date = None


_NO_DATE = _NoDate()


class ChromeCounter:
    def __init__(self) -> None:
        self.counts: dict[int, int] = {}
        self.texts: dict[int, str] = {}
        self.files: list[tuple[array, array, int]] = []

    def add_text(self, text: str) -> None:
        hashes, lengths, total = array("q"), array("l"), 0
        seen = set()
        in_contacts = 0  # lines left of a contact block: a person, not chrome
        for raw_line in text.split("\n"):
            line = chrome_key(raw_line)
            if not line:
                continue
            total += len(line)
            if len(line) > LONGEST:
                continue
            if in_contacts:
                in_contacts -= 1
                continue
            if contact_heading(line) is not None:
                in_contacts = CONTACT_LINES
            key = hash(line)
            if key in seen:
                continue
            seen.add(key)
            hashes.append(key)
            lengths.append(len(line))
            count = self.counts.get(key, 0) + 1
            self.counts[key] = count
            if count == 2:
                self.texts[key] = line
        self.files.append((hashes, lengths, total))
        if len(self.counts) > LIMIT:
            self.counts = {key: n for key, n in self.counts.items() if n > 1}

    def learnt(self) -> LearntChrome:
        candidates = {key for key, count in self.counts.items() if count >= MIN_FILES}
        if not candidates:
            return LearntChrome()
        spread: dict[int, int] = {}
        for hashes, lengths, total in self.files:
            shared = [key for key in hashes if key in candidates]
            if not shared:
                continue
            covered = sum(
                length
                for key, length in zip(hashes, lengths, strict=True)
                if key in candidates
            )
            if covered > total * MAX_SHARE:
                continue  # a copy of another page, not a page of the template
            for key in shared:
                spread[key] = spread.get(key, 0) + 1
        counts = sorted(
            (
                (self.texts[key], files)
                for key, files in spread.items()
                if files >= MIN_FILES and key in self.texts
            ),
            key=lambda item: (-item[1], item[0]),
        )
        counts = [item for item in counts if not is_known_structure(item[0])]
        return LearntChrome(frozenset(line for line, _ in counts), tuple(counts))


def _quick_text(raw: bytes) -> str:
    """The text of a file, decoded as the parser does for all but rare
    encodings: enough to count its lines."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def learn_chrome(paths, *, max_bytes: int) -> LearntChrome:
    """The chrome of the text dumps among ``paths`` (files over ``max_bytes``
    or unreadable ones are left to the import to refuse)."""
    counter = ChromeCounter()
    for path in paths:
        path = Path(path)
        try:
            if path.stat().st_size > max_bytes:
                continue
            raw = path.read_bytes()
        except OSError:
            continue
        if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        text = _quick_text(raw).replace("\r\n", "\n").replace("\r", "\n")
        if looks_like_html(text, path.name):
            continue
        counter.add_text(text)
    return counter.learnt()
