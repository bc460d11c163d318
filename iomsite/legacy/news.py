"""News pages: press releases and news items with their title, dateline,
metadata, body and media contacts.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from urllib.parse import urlsplit

from .datelines import take_dateline
from .dates import month_first_in, more_precise
from .lines import Block, Document, blocks_html, build_blocks
from .news_lines import cut_contacts_and_footers, split_news_lines
from .records import LegacyArticle, LegacyPage, LegacyParseError
from .text import first_sentence, shorten, summarise
from .topics import detect_language, find_programmes, stated_countries

# -- addresses ---------------------------------------------------

_PATH_STOPWORDS = frozenset(
    "a an as at before but by for from is in into like of off on onto per since "
    "than the this that to up via with".split()
)


def legacy_news_path(title: str) -> str:
    """The address the old Drupal site gave a news item: ``/news/`` and the
    title transliterated to ASCII, lower-cased, with punctuation dropped (a
    hyphen separates words), the short English words pathauto ignored removed,
    joined by hyphens and cut at a word boundary to 100 characters."""
    ascii_title = (
        unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    )
    spaced = re.sub(r"[-_\s]+", " ", ascii_title.lower())
    words = re.sub(r"[^a-z0-9 ]", "", spaced).split()
    slug = "-".join(word for word in words if word not in _PATH_STOPWORDS)
    if len(slug) > 100:
        slug = slug[:101].rsplit("-", 1)[0]
    return f"/news/{slug}"


def url_path(url: str) -> str:
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return ""
    return path if path.startswith("/") and path != "/" else ""


# -- news pages --------------------------------------------------


def parse_news(document: Document) -> LegacyPage:
    # The page's language decides how numeric dates read: from the opening
    # lines, before the body is known.
    opening = " ".join(line.text for line in document.lines[:40])
    month_first = month_first_in(detect_language(opening))
    parts = split_news_lines(document, month_first)
    end = cut_contacts_and_footers(parts.body)
    blocks = build_blocks(end.body, document.is_html)
    if not blocks:
        raise LegacyParseError("the page has a title but no body text")
    dateline, dateline_date = take_dateline(blocks, month_first)
    title = parts.title
    if not title:  # the first line was a paragraph: title it with its opening
        title = shorten(first_sentence(blocks[0].text).rstrip("."), 120)

    published_at = more_precise(parts.stated_date, document.stated_date)
    date_source = "stated"
    if published_at is None and dateline_date is not None:
        published_at, date_source = dateline_date, "dateline"
    source = document.source or legacy_news_path(title)
    if published_at is None:
        published_at = _date_in_path(source)
        date_source = "inferred" if published_at else "unknown"

    metadata = parts.metadata
    if metadata.labelled_kind:
        kind = metadata.labelled_kind
    elif end.contacts or metadata.press_release:
        kind = "feature" if metadata.feature else "press_release"
    else:
        kind = "news"
    body_text = "\n".join(block.text for block in blocks)
    stated, suggested = stated_countries(title, dateline, blocks, metadata.countries)
    programmes = tuple(dict.fromkeys(metadata.programmes))
    warnings = list(parts.warnings)
    warnings += [
        f"text after the contact block not imported: {shorten(text, 80)}"
        for text in end.dropped
    ]
    article = LegacyArticle(
        title=title,
        body_html=blocks_html(blocks),
        kind=kind,
        language=detect_language(f"{title}\n{body_text}"),
        published_at=published_at,
        date_source=date_source,
        dateline=dateline,
        summary=first_summary(blocks),
        countries=stated,
        programmes=programmes,
        contacts=tuple(end.contacts),
        source=source,
        suggested_countries=suggested,
        suggested_programmes=tuple(
            name for name in find_programmes(body_text) if name not in programmes
        ),
    )
    return LegacyPage(kind="news", articles=(article,), warnings=tuple(warnings))


def first_summary(blocks: list[Block]) -> str:
    for block in blocks:
        if block.tag in ("p", "blockquote") and block.text:
            return summarise(block.text)
    return summarise(blocks[0].text) if blocks else ""


_PATH_DATE_RE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")


def _date_in_path(path: str):
    match = _PATH_DATE_RE.search(path)
    if match is None:
        return None
    try:
        return datetime.datetime(*(int(part) for part in match.groups()))
    except ValueError:
        return None
