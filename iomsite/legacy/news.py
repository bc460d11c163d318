"""News pages: press releases and news items with their title, dateline,
metadata, body and media contacts.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from urllib.parse import urlsplit

from .dates import month_first_in, more_precise, parse_date
from .lines import Block, Document, blocks_html, build_blocks
from .news_lines import cut_contacts_and_footers, split_news_lines
from .records import LegacyArticle, LegacyPage, LegacyParseError
from .text import first_sentence, fold, shorten, summarise
from .topics import detect_language, find_programmes, stated_countries

_PLACE_WORD = r"[A-ZÁÉÍÓÚÑÜ][\w'’.]*"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:\s(?:{_PLACE_WORD}|de|del|la|las|los|el|do|da|"
    rf"dos|y))*?)"
    # "Lima, 15 de julio de 2016.-", or the date without the comma:
    # "Ciudad de Guatemala 26 de agosto de 2019.-"
    r"(?:(?:,\s*|\s+(?=\d))(?P<rest>[^–—\n]{2,60}?))?"
    r"\s*(?:\.\s*[-–—]+|\s[-–—]+|[–—]+)\s*"
    r"(?=[A-ZÁÉÍÓÚÑ\"“¿¡'‘0-9])"
)
_NOT_PLACES = frozenset(
    "iom oim un onu unhcr acnur unicef who oms oas oea eu ue ilo oit undp pnud".split()
)


def _split_dateline(text: str, month_first: bool = False):
    """(place, date or None, characters to drop) when the paragraph opens with
    a dateline like "La Paz -" or "Lima, 15 de julio de 2016.-"."""
    match = _DATELINE_RE.match(text)
    if match is None:
        return None
    place = match["place"]
    if len(place) > 40 or place.count(" ") > 4 or fold(place) in _NOT_PLACES:
        return None
    date = None
    rest = (match["rest"] or "").strip()
    comma = text[match.end("place") : match.end("place") + 1] == ","
    if rest and not comma and parse_date(rest, month_first=month_first) is None:
        return None
    if rest:
        date = parse_date(rest, month_first=month_first)
        if date is None:
            # "Geneva, Switzerland -" names a second place; anything else
            # after a comma means the dash was not a dateline's.
            if not rest[:1].isupper() or rest.count(" ") > 3:
                return None
            if any(character.isdigit() for character in rest):
                return None
            place = f"{place}, {rest}"
    return place, date, match.end()


_ENTITY_RE = re.compile(r"&#?\w{1,10};")
_EMPTY_INLINE_RE = re.compile(r"<(strong|em|a)\b[^>]*>\s*</\1>")


def _drop_visible_prefix(inline_html: str, count: int) -> str:
    """``inline_html`` without its first ``count`` visible characters; the tags
    met on the way are kept so the markup stays balanced."""
    kept = []
    position = 0
    seen = 0
    while position < len(inline_html) and seen < count:
        character = inline_html[position]
        if character == "<":
            end = inline_html.find(">", position)
            end = len(inline_html) - 1 if end < 0 else end
            kept.append(inline_html[position : end + 1])
            position = end + 1
            continue
        if character == "&":
            entity = _ENTITY_RE.match(inline_html, position)
            if entity:
                position = entity.end()
                seen += 1
                continue
        position += 1
        seen += 1
    result = "".join(kept) + inline_html[position:]
    return _EMPTY_INLINE_RE.sub("", result).lstrip()


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
    stated, suggested = stated_countries(
        title, dateline, blocks, metadata.countries
    )
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


def take_dateline(blocks: list[Block], month_first: bool = False):
    """Remove a dateline from the first paragraph (or from the second, under
    a short subtitle); return (place, date)."""
    # A lead image with its caption may come before the first paragraph.
    paragraphs = [block for block in blocks if block.tag != "figure"][:2]
    for number, first in enumerate(paragraphs):
        if first.tag == "h3" and number == 0:
            continue  # a subtitle above the dateline's paragraph
        if first.tag != "p":
            return "", None
        found = _split_dateline(first.texts[0], month_first)
        if found is None:
            if number == 0 and len(first.texts[0]) <= 250:
                continue  # a subtitle: the dateline may open the next one
            return "", None
        place, date, length = found
        remaining = first.texts[0][length:].strip()
        if not remaining:
            return "", None
        first.texts[0] = remaining
        first.htmls[0] = _drop_visible_prefix(first.htmls[0], length)
        return place, date
    return "", None


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
