"""Datelines: the place (and date) that opens a news item's first paragraph,
"La Paz -", "Lima, 15 de julio de 2016.-", "Ciudad de Guatemala 26 de agosto
de 2019.-", "Geneva –The"."""

from __future__ import annotations

import re

from .dates import parse_date
from .lines import Block
from .text import fold

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


def split_dateline(text: str, month_first: bool = False):
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


def drop_visible_prefix(inline_html: str, count: int) -> str:
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
        found = split_dateline(first.texts[0], month_first)
        if found is None:
            if number == 0 and len(first.texts[0]) <= 250:
                continue  # a subtitle: the dateline may open the next one
            return "", None
        place, date, length = found
        remaining = first.texts[0][length:].strip()
        if not remaining:
            return "", None
        first.texts[0] = remaining
        first.htmls[0] = drop_visible_prefix(first.htmls[0], length)
        return place, date
    return "", None
