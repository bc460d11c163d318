"""News pages: press releases and news items with their title, dateline,
metadata, body and media contacts.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .contacts import parse_contact_block
from .dates import (
    DATE_LABEL_RE,
    MONTH_AND_YEAR_RE,
    month_first_in,
    more_precise,
    parse_date,
)
from .lines import Block, Document, Line, blocks_html, build_blocks
from .navigation import (
    METADATA_RE,
    PUNCTUATION_ONLY_RE,
    contact_heading,
    is_footer,
    type_label,
)
from .records import LegacyArticle, LegacyPage, LegacyParseError
from .text import ends_sentence, first_sentence, fold, shorten, summarise
from .topics import PROGRAMMES, detect_language, find_countries, find_programmes

_PLACE_WORD = r"[A-ZÁÉÍÓÚÑÜ][\w'’.]*"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:\s(?:{_PLACE_WORD}|de|del|la|las|los|el|do|da|"
    rf"dos|y))*?)"
    r"(?:,\s*(?P<rest>[^–—\n]{2,60}?))?"
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


@dataclass
class _Metadata:
    """What the Drupal metadata lines (Region-Country, Themes, Press Release
    Type, …) say about an article."""

    countries: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    press_release: bool = False
    feature: bool = False
    # The kind a type-label line above the title names, which wins.
    labelled_kind: str = ""

    def add(self, label: str, value: str) -> None:
        label = fold(label)
        value = value.strip()
        if label.startswith(("press release", "tipo de comunicado")):
            self.press_release = True
            if re.search(r"feature|story|historia|reportaje", value, re.IGNORECASE):
                self.feature = True
        elif label.startswith(("region", "pais")):
            self.countries.extend(find_countries(value))
        elif label.startswith(("theme", "tema", "related")) and value:
            folded = fold(value)
            self.programmes.extend(name for name in PROGRAMMES if fold(name) in folded)
            self.programmes.extend(find_programmes(value))


def _is_metadata_value(text: str) -> bool:
    return len(text) <= 60 and text.count(" ") < 6 and not ends_sentence(text)


@dataclass
class _NewsParts:
    title: str
    stated_date: datetime.datetime | None
    metadata: _Metadata
    body: list[Line]
    warnings: list[str]


def _split_news_lines(document: Document, month_first: bool) -> _NewsParts:
    """Sort a news page's lines into title, date lines, type-label and
    metadata lines (a label with its value, or a label line followed by short
    value lines) and body. The title is the first line that is none of the
    others, unless the HTML gave one; date-only lines count as dates until the
    body starts, read in ``month_first`` order unless their label says."""
    warnings = []
    title = document.title
    title_line_seen = not document.is_html
    stated_date = None
    metadata = _Metadata()
    body: list[Line] = []
    pending_label = ""
    pending_values = 0
    for line in document.lines:
        text = line.text
        if not text:
            if body:
                body.append(line)
            continue
        metadata_match = METADATA_RE.match(text)
        if pending_label and metadata_match is None:
            if pending_values < 8 and _is_metadata_value(text):
                metadata.add(pending_label, text)
                pending_values += 1
                continue
            pending_label = ""
        if metadata_match:
            metadata.add(metadata_match["label"], metadata_match["value"] or "")
            if not metadata_match["value"]:
                pending_label, pending_values = metadata_match["label"], 0
            continue
        label_match = DATE_LABEL_RE.match(text)
        if label_match:
            # The label's language decides, as it frames the date.
            spanish_label = fold(label_match["label"]).startswith(
                ("fecha", "publicado", "actualizado")
            )
            date = parse_date(label_match["value"], month_first=not spanish_label)
            if date is not None:
                stated_date = stated_date or date
                continue
        if not body:
            if PUNCTUATION_ONLY_RE.match(text):
                continue
            date = parse_date(text, month_first=month_first)
            if date is not None:
                stated_date = stated_date or date
                continue
            if MONTH_AND_YEAR_RE.match(text):
                warnings.append(f"date without a day, not used: {text}")
                continue
            if not title and not metadata.labelled_kind:
                kind = type_label(text)
                if kind:
                    metadata.labelled_kind = kind
                    continue
            if not title_line_seen and title and fold(text) == fold(title):
                title_line_seen = True
                continue
            if not title and len(text) <= 200:
                title = text
                continue
        body.append(line)
    return _NewsParts(title, stated_date, metadata, body, warnings)


def _cut_contacts_and_footers(body: list[Line]):
    """(the body without its contact block and footers, the contacts). What
    follows a contact block ("Context", related news) is dropped with it."""
    for index, line in enumerate(body):
        if index and is_footer(line.text):
            return body[:index], []
        rest = contact_heading(line.text)
        if rest is not None:
            contacts = parse_contact_block(
                [rest, *(following.text for following in body[index + 1 :])]
            )
            if contacts:
                return body[:index], contacts
    return body, []


def parse_news(document: Document) -> LegacyPage:
    # The page's language decides how numeric dates read: from the opening
    # lines, before the body is known.
    opening = " ".join(line.text for line in document.lines[:40])
    month_first = month_first_in(detect_language(opening))
    parts = _split_news_lines(document, month_first)
    body, contacts = _cut_contacts_and_footers(parts.body)
    blocks = build_blocks(body, document.is_html)
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
    elif contacts or metadata.press_release:
        kind = "feature" if metadata.feature else "press_release"
    else:
        kind = "news"
    body_text = "\n".join(block.text for block in blocks)
    mentions = f"{title}\n{dateline}\n{body_text}"
    article = LegacyArticle(
        title=title,
        body_html=blocks_html(blocks),
        kind=kind,
        language=detect_language(body_text),
        published_at=published_at,
        date_source=date_source,
        dateline=dateline,
        summary=first_summary(blocks),
        countries=tuple(
            dict.fromkeys([*find_countries(mentions), *metadata.countries])
        ),
        programmes=tuple(
            dict.fromkeys([*find_programmes(mentions), *metadata.programmes])
        ),
        contacts=tuple(contacts),
        source=source,
    )
    return LegacyPage(kind="news", articles=(article,), warnings=tuple(parts.warnings))


def take_dateline(blocks: list[Block], month_first: bool = False):
    """Remove a dateline from the first paragraph; return (place, date)."""
    # A lead image with its caption may come before the first paragraph.
    first = next((block for block in blocks if block.tag != "figure"), None)
    if first is None or first.tag != "p":
        return "", None
    found = _split_dateline(first.texts[0], month_first)
    if found is None:
        return "", None
    place, date, length = found
    remaining = first.texts[0][length:].strip()
    if not remaining:
        return "", None
    first.texts[0] = remaining
    first.htmls[0] = _drop_visible_prefix(first.htmls[0], length)
    return place, date


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
