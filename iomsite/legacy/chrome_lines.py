"""Lines of the old sites' templates that are never content, known by their
form: the language switcher and feed links of Drupal 7 aggregator pages, their
"Posted: … Region-Country: … Themes: …" field run, the source-and-date line of
aggregator and press-room items ("PBN News Germany - Fri, 05/17/2019 - 10:42",
"IOM - News - Gio, 11/15/2018 - 09:30"), relative "Updated: 3 hours ago"
stamps, a section heading that repeats the breadcrumb's last step, listing
counters. What such a line says (a date, a country, a theme) is read from it
before it is dropped.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import parse_date
from .text import fold

# Languages a switcher offers, folded. A line of one of them alone (a bullet
# of the switcher) or "Language English" (a Drupal language field) is chrome.
_LANGUAGE_NAMES = frozenset(
    "english espanol spanish francais french portugues portuguese deutsch german "
    "italiano italian nederlands russkiy arabic".split()
)
_LANGUAGE_LINE_RE = re.compile(
    r"^(?:languages?|idiomas?|idioma|langues?|sprache|lingua)(?:\s*:)?"
    r"(?:\s+(?P<name>[a-z]+))?$"
)
_BULLET_RE = re.compile(r"^[-–—•*·▪●◦]+\s*")
_SUBSCRIBE_RE = re.compile(
    r"^(?:subscribe\s+to\b.{0,80}\bfeed|suscr[ií]b(?:ir)?se\s+a\b.{0,80}|"
    r"assine\s+o\s+feed\b.{0,80}|rss\s+feed)$",
    re.IGNORECASE,
)
# "Updated: 3 hours 12 min ago", "PBN News Germany - 17 hours 23 min ago"
_AGO_RE = re.compile(
    r"(?:^|\s[-–]\s|^updated:?\s*|^actualizado:?\s*)"
    r"(?:\d+\s+(?:years?|months?|weeks?|days?|hours?|min|mins|minutes?|sec|"
    r"seconds?)\s*){1,3}ago$|^(?:actualizado:?\s*)?hace\s+\d+\s+\w+",
    re.IGNORECASE,
)
# Drupal 7's medium date: a weekday's abbreviation in the site's language,
# then month/day/year and the time ("Thu, 03/14/2019 - 10:05",
# "Gio, 11/15/2018 - 09:30"): always month first.
_DRUPAL_DATE_RE = re.compile(
    r"(?:^|\s[-–]\s)(?P<weekday>[A-Za-zÀ-ÿ]{2,10}\.?),\s*"
    r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})"
    r"(?:\s*[-–]\s*(?P<hour>\d{1,2}):(?P<minute>\d{2}))?\s*$"
)
# "Displaying 721 - 732 of 20317", "Mostrando 1 - 10 de 250"
_COUNTER_RE = re.compile(
    r"^(?:displaying|showing|mostrando|exibindo)\s+\d+\s*[-–]\s*\d+\s+(?:of|de)\s+\d+$",
    re.IGNORECASE,
)
# The fields a Drupal 7 aggregator item prints on one line when its labels
# and values run together: "Language English Posted: Friday, May 17, 2019 -
# 16:02Image: Region-Country: MexicoThemes: Labour MigrationDefault: …".
_FIELD_LABELS = (
    "Language",
    "Posted",
    "Image",
    "Region-Country",
    "Themes",
    "Default",
    "Multimedia",
    "Press Release Type",
    "Categories",
)
_FIELD_LABEL_RE = re.compile(
    r"(?:(?<=\s)|(?<=[a-z0-9:])|^)(?P<label>"
    + "|".join(re.escape(label) for label in _FIELD_LABELS)
    + r")(?::|(?=\s[A-Z]))"
)
_SECTION_HEADING_RE = re.compile(
    r"^(?:press\s+room|newsroom|sala\s+de\s+prensa|sala\s+de\s+imprensa|"
    r"media\s+cent(?:re|er)|centro\s+de\s+prensa)\b.{0,30}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TemplateLine:
    """A chrome line and what it says: ``date`` for a dated line, ``fields``
    for a run of Drupal fields."""

    reason: str
    date: datetime.datetime | None = None
    fields: tuple[tuple[str, str], ...] = ()


def drupal_date(text: str) -> datetime.datetime | None:
    """The date of a "Thu, 03/14/2019 - 10:05" stamp at the line's end."""
    match = _DRUPAL_DATE_RE.search(text)
    if match is None:
        return None
    try:
        return datetime.datetime(
            int(match["year"]),
            int(match["month"]),
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
        )
    except ValueError:
        return None


def field_run(text: str) -> tuple[tuple[str, str], ...]:
    """(label, value) of each field when ``text`` is a run of at least two
    Drupal field labels with their values; () otherwise."""
    matches = list(_FIELD_LABEL_RE.finditer(text))
    if len(matches) < 2 or matches[0].start() > 0:
        return ()
    fields = []
    for number, match in enumerate(matches):
        end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        fields.append((match["label"], text[match.end() : end].strip(" :")))
    return tuple(fields)


def template_line(text: str, previous: str = "") -> TemplateLine | None:
    """What makes ``text`` a line of the site's template, or None. ``previous``
    is the non-empty line before it. Each rule first looks at what its lines
    cannot lack, as every line of a page goes through here."""
    text = text.strip()
    if len(text) > 400 or not text:
        return None
    if len(text) <= 40:
        bare = _BULLET_RE.sub("", fold(text))
        if bare in _LANGUAGE_NAMES:
            return TemplateLine("language switcher")
        language = _LANGUAGE_LINE_RE.match(bare)
        if language and (not language["name"] or language["name"] in _LANGUAGE_NAMES):
            return TemplateLine("language field")
    first = text[0].lower()
    if first in "sar" and _SUBSCRIBE_RE.match(text):
        return TemplateLine("feed link")
    if first in "dsme" and _COUNTER_RE.match(text):
        return TemplateLine("listing counter")
    if len(text) <= 80 and (text.endswith("ago") or "hace" in text):
        if _AGO_RE.search(text):
            return TemplateLine("update stamp")
    if ("Posted" in text or "Region-Country" in text) and (fields := field_run(text)):
        posted = next((value for label, value in fields if label == "Posted"), "")
        return TemplateLine("field run", date=_posted_date(posted), fields=fields)
    if "/" in text and len(text) <= 120 and (" - " in text or " – " in text):
        date = drupal_date(text)
        if date is not None:
            return TemplateLine("source and date", date=date)
    if len(text) <= 60 and previous and _STEP_SPLIT_RE.search(previous):
        if _is_breadcrumb_end(previous, text) or _SECTION_HEADING_RE.match(text):
            return TemplateLine("section heading")
    return None


_STEP_SPLIT_RE = re.compile(r"\s*[/»›>|]\s*")


def _posted_date(value: str) -> datetime.datetime | None:
    value = re.sub(r"\s*[-–]\s*(\d{1,2}:\d{2})$", r" \1", value.strip())
    return parse_date(value, month_first=True)


def _is_breadcrumb_end(previous: str, text: str) -> bool:
    """ "Home / Press Room IOM" then "Press Room IOM": the page heading of a
    section, repeating the breadcrumb's last step."""
    steps = _STEP_SPLIT_RE.split(previous.strip())
    return len(steps) >= 2 and fold(steps[-1]) == fold(text.strip()) != ""
