"""Turn pages of the old IOM South America website into plain data.

The old site survives as text dumps (the visible text of each page, one block
per line) and as saved Drupal HTML. ``parse_page`` takes the raw bytes of one
such page and returns a ``LegacyPage``: one news item, a list of dated
statements, or a country office. Nothing here touches Django or the database,
so every rule can be tested on its own.

The parser works on *lines*. A text dump is split at line breaks; an HTML page
is first reduced to the lines of its main content (one per paragraph, list
item, heading or ``<br>``-separated line, each with its inline markup), so both
kinds of input go through the same rules: drop the navigation header, read the
title, dates and metadata lines, cut the contact block and the footers, and
rebuild paragraphs.

``parse_page`` is that pipeline; each step lives in a module of its own:
``decoding`` (bytes to text), ``html`` (saved pages to lines), ``lines`` (the
line model and paragraphs), ``navigation`` (headers, metadata, footers),
``dates``, ``contacts``, ``topics`` (language, countries, programmes), then one
reader per page kind: ``news``, ``statements`` and ``offices``. The records
they return are in ``records``.
"""

from __future__ import annotations

import dataclasses

from .chrome import chrome_key
from .decoding import decode_page
from .html import document_from_html, looks_like_html, only_links
from .kinds import decide_kind
from .lines import document_from_text
from .news import legacy_news_path, parse_news
from .offices import parse_office
from .records import (
    LegacyArea,
    LegacyArticle,
    LegacyContact,
    LegacyFigure,
    LegacyOffice,
    LegacyPage,
    LegacyParseError,
)
from .statements import parse_statements
from .text import clean_html
from .topics import PROGRAMMES

__all__ = [
    "PROGRAMMES",
    "LegacyArea",
    "LegacyArticle",
    "LegacyContact",
    "LegacyFigure",
    "LegacyOffice",
    "LegacyPage",
    "LegacyParseError",
    "clean_html",
    "decode_page",
    "legacy_news_path",
    "parse_page",
]


# A text dump holds one paragraph a line at most; a longer line is data (a
# database export, base64, a minified file) that the readers would only choke on.
MAX_LINE = 50_000


def parse_page(
    raw: bytes, *, filename: str = "", chrome: frozenset[str] = frozenset()
) -> LegacyPage:
    """Parse one page of the old site (a text dump or saved HTML, told apart by
    content) into a news item, a page of statements or a country office.
    ``chrome``: the lines the run's files repeat (``chrome.learn_chrome``),
    dropped where they stand, except in a contact block.

    Raises ``LegacyParseError`` for an empty or binary file, a text of
    kilometre-long lines, and a page without content (only navigation, only
    links)."""
    text = decode_page(raw)
    if looks_like_html(text, filename):
        document = document_from_html(text)
        if document.refusal:
            raise LegacyParseError(document.refusal)
        if not any(line.text for line in document.lines):
            raise LegacyParseError("HTML page without content: no text in its body")
        if only_links(document.lines):
            raise LegacyParseError(
                "the page holds only links (a menu or a listing), no content"
            )
    else:
        longest = max(map(len, text.split("\n"))) if len(text) > MAX_LINE else 0
        if longest > MAX_LINE:
            raise LegacyParseError(
                f"not a page: a line of {longest:,} characters (data, not a text dump)"
            )
        document = document_from_text(text)
        if not any(line.text for line in document.lines):
            raise LegacyParseError("the page holds only navigation, no content")
    if chrome:
        for line in document.lines:
            line.chrome = bool(line.text) and chrome_key(line.text) in chrome
    content = dataclasses.replace(
        document, lines=[line for line in document.lines if not line.chrome]
    )
    decision = decide_kind(content)
    if decision.kind != "news":  # a news page keeps its contact block's lines
        document = content
    if decision.kind == "statements":
        page = parse_statements(document.lines, document.is_html)
    elif decision.kind == "office":
        page = parse_office(document, decision.sections)
    else:
        page = parse_news(document)
    return dataclasses.replace(page, kind_reason=decision.reason)
