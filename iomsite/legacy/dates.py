"""Dates as the old pages write them, in English, Spanish and Portuguese: a date only
counts when it has a day, a month and a year.

Numeric dates ("03/05/2016") are read in the order of the language that
frames them: month first after an English label ("Date:") or on an English
page, as the old site's English pages write them ("Date: 3/16/2018"); day
first after a Spanish label ("Fecha:") or on a Spanish page. A number over 12
decides the order by itself.
"""

from __future__ import annotations

import datetime
import re

from dateutil import parser as date_parser


class _BilingualDates(date_parser.parserinfo):
    JUMP = [*date_parser.parserinfo.JUMP, "de", "del"]
    # English, Spanish, then Portuguese names.
    MONTHS = [
        ("Jan", "January", "ene", "enero", "janeiro"),
        ("Feb", "February", "febrero", "fev", "fevereiro"),
        ("Mar", "March", "marzo", "março", "marco"),
        ("Apr", "April", "abr", "abril"),
        ("May", "mayo", "maio"),
        ("Jun", "June", "junio", "junho"),
        ("Jul", "July", "julio", "julho"),
        ("Aug", "August", "ago", "agosto"),
        ("Sep", "Sept", "September", "septiembre", "setiembre", "set", "setembro"),
        ("Oct", "October", "octubre", "outubro"),
        ("Nov", "November", "noviembre", "novembro"),
        ("Dec", "December", "dic", "diciembre", "dez", "dezembro"),
    ]
    WEEKDAYS = [
        ("Mon", "Monday", "lunes", "segunda-feira"),
        ("Tue", "Tuesday", "martes", "terça-feira", "terca-feira"),
        ("Wed", "Wednesday", "miércoles", "miercoles", "quarta-feira"),
        ("Thu", "Thursday", "jueves", "quinta-feira"),
        ("Fri", "Friday", "viernes", "sexta-feira"),
        ("Sat", "Saturday", "sábado", "sabado"),
        ("Sun", "Sunday", "domingo"),
    ]


_DATE_INFO = _BilingualDates()
_MONTH_NAMES = sorted(
    {name.lower() for names in _BilingualDates.MONTHS for name in names},
    key=len,
    reverse=True,
)
_WEEKDAY_NAMES = sorted(
    {name.lower() for names in _BilingualDates.WEEKDAYS for name in names},
    key=len,
    reverse=True,
)
_MONTH = "(?:" + "|".join(_MONTH_NAMES) + r")\.?"
_WEEKDAY = "(?:" + "|".join(_WEEKDAY_NAMES) + r")\.?,?\s+"
_TIME = (
    r"(?:\s*(?:[-–,@]|\ba\s+las\b|\bat\b)?\s*(?P<time>\d{1,2}[:h]\d{2}"
    r"(?:\s*[ap]\.?\s?m\.?)?)(?:\s*(?:hs?|horas)\.?)?)?"
)
# A date only counts when it has a day, a month and a year: nothing is guessed.
_DATE_RE = re.compile(
    rf"(?:{_WEEKDAY})?(?P<date>"
    rf"\d{{1,2}}(?:st|nd|rd|th|º|°)?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+|del\s+)?\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?P<numeric>\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}}))"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:[T ](?P<isotime>\d{{2}}:\d{{2}}(?::\d{{2}})?)"
    rf"(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"){_TIME}",
    re.IGNORECASE,
)
# "Julio de 2016": a month without its day, which is not a date here.
MONTH_AND_YEAR_RE = re.compile(
    rf"^{_MONTH},?\s+(?:de\s+|del\s+)?(?:19|20)\d{{2}}\.?$", re.IGNORECASE
)
DATE_LABEL_RE = re.compile(
    r"^(?P<label>posted(?:\s+on)?|published(?:\s+on)?|date|fecha(?:\s+de\s+"
    r"publicaci[oó]n)?|publicado(?:\s+el)?|last\s+updated|updated(?:\s+on)?|"
    r"actualizado(?:\s+el)?)\s*:?\s*(?P<value>.*\d.*)$",
    re.IGNORECASE,
)


def month_first_in(language: str) -> bool:
    """Whether a page in ``language`` writes numeric dates month first."""
    return language != "es"


def parse_date(text: str, *, month_first: bool = True, whole: bool = True):
    """The date (and time) stated in ``text``, or None. With ``whole`` the text
    must be nothing but the date. Numeric dates are read month-first unless
    ``month_first`` is false or a number over 12 says otherwise."""
    text = text.strip(" .,;:-–")
    match = _DATE_RE.fullmatch(text) if whole else _DATE_RE.search(text)
    if match is None:
        return None
    try:
        if match["iso"]:
            value = datetime.datetime.fromisoformat(
                match["iso"] + ("T" + match["isotime"] if match["isotime"] else "")
            )
        else:
            cleaned = match["date"]
            if match["time"]:
                cleaned += " " + match["time"].replace("h", ":")
            value = date_parser.parse(
                cleaned,
                parserinfo=_DATE_INFO,
                dayfirst=not month_first,
                default=datetime.datetime(2000, 1, 1),
            )
    except (ValueError, OverflowError):
        return None
    return value.replace(tzinfo=None, microsecond=0)


def more_precise(first, second):
    """``first``, unless it is missing or is a bare date that ``second`` gives
    with its time."""
    if first is None:
        return second
    if (
        second is not None
        and first.time() == datetime.time()
        and second.date() == first.date()
    ):
        return second
    return first


def parse_iso_datetime(value: str):
    """A naive datetime from an ISO 8601 stamp, keeping the wall-clock time the
    page showed (the offset is dropped, not applied)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        stamp = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return parse_date(value, whole=False)
    return stamp.replace(tzinfo=None, microsecond=0)
