"""The sections of a country-office page: those a heading opens ("Facts and
Figures", "Migration in Bolivia", "Main Areas of Action", "Contact
information", "IOM in Uruguay", "Thematic Areas") and those known by their
form alone: a table of facts ("Population (2015):" | "3.4 million"), an
address block with its Tel and Fax lines, a "Last updated:" field."""

from __future__ import annotations

import re

from .lines import Line
from .navigation import NAV_MARKER_RE, contact_heading
from .text import ends_sentence, fold
from .topics import country_matches

# Headings of the sections of an office page, matched on folded text.
_OFFICE_SECTION_RE = re.compile(
    r"^(?:(?P<figures>facts\s+and\s+figures|key\s+figures|datos\s+y\s+cifras|"
    r"cifras(?:\s+clave)?|hechos\s+y\s+cifras|dados\s+e\s+n[uú]meros)$"
    r"|(?P<context>(?:migration\s+in|(?:la\s+)?migracion\s+en|(?:a\s+)?migracao\s+n[oa])"
    r"\s+)(?P<country>.+)$"
    r"|(?P<areas>(?:main\s+)?areas\s+of\s+(?:action|work)|(?:principales\s+)?areas"
    r"\s+(?:de\s+accion|tematicas|de\s+trabajo)|thematic\s+areas|areas\s+de\s+atuacao)\b"
    r"|(?P<careers>career\s+opportunities|careers|vacancies|job\s+opportunities|"
    r"oportunidades\s+(?:laborales|de\s+empleo)|empleos?|vacantes|"
    r"trabaj[ae]\s+con\s+nosotros)$"
    r"|(?P<contact>contact\s+(?:information|details|us)|contact|informacion\s+de\s+"
    r"contacto|datos\s+de\s+contacto|contactenos|contacto|informacoes\s+de\s+contato)$"
    # "IOM in Uruguay", "La OIM en Bolivia": the office's presence, its
    # introduction.
    r"|(?P<intro>(?:iom|oim)\s+(?:in|en|no|na)\s+)(?P<where>.+)$"
    r"|(?P<updated>last\s+updated|ultima\s+actualizacion)$"
    # Sections the office model has no place for: kept as body text.
    r"|(?P<other>(?:recent\s+|latest\s+)?(?:publications|news|stories|projects|"
    r"resources|events)|(?:publicaciones|noticias|proyectos|recursos|eventos)"
    r"(?:\s+(?:recientes|destacad[oa]s))?|(?:our\s+)?(?:partners|donors)|"
    r"(?:nuestros\s+)?(?:socios|aliados|donantes))$)"
)
SECTION_NAMES = (
    "figures",
    "context",
    "areas",
    "careers",
    "contact",
    "intro",
    "updated",
    "other",
)
_PHONE_FIELD_RE = re.compile(
    r"^(?:tel[eé]fonos?|tel|t[eé]l|phones?|fax)\b\s*[.:]", re.I
)
_FIGURE_VALUE_RE = re.compile(r"^(?:USD|US\$|EUR|€|\$)?\s*[-+−–]?\d")

Section = tuple[str, str]


def office_section(text: str) -> Section | None:
    """(section, heading) when ``text`` heads a section of an office page; the
    heading is returned without bullets, e.g. "Migration in Bolivia"."""
    if len(text) > 120 or not text:
        return None
    heading = NAV_MARKER_RE.sub("", text).strip(" :")
    match = _OFFICE_SECTION_RE.match(fold(heading))
    if match is None:
        return None
    name = next(name for name in SECTION_NAMES if match[name])
    if name == "intro" and next(country_matches(heading), None) is None:
        return None  # "IOM in the world": not a country's office
    return name, heading


def facts_table(line: Line) -> bool:
    """A table of two columns, label and value, most values figures."""
    rows = [row for row in line.rows if len(row) == 2]
    if len(rows) < 3 or len(rows) * 2 < len(line.rows):
        return False
    figures = sum(1 for _, value in rows if _FIGURE_VALUE_RE.match(value.strip()))
    return figures * 2 >= len(rows)


def _address_start(texts: list[str]) -> int | None:
    """Where an office's address block begins: the short lines above its last
    Tel or Fax line, when no contact heading (a press officer's) is above."""
    phone = max(
        (n for n, text in enumerate(texts) if _PHONE_FIELD_RE.match(text)),
        default=None,
    )
    if phone is None or any(
        contact_heading(text) is not None for text in texts[:phone]
    ):
        return None  # a press officer's phone, under "For more information"
    start = phone
    for number in range(phone - 1, max(phone - 9, -1), -1):
        text = texts[number]
        if not text:
            continue
        if len(text) > 90 or ends_sentence(text) or office_section(text):
            break
        start = number
    return start if start < phone else None


def office_sections(lines: list[Line]) -> list[Section | None]:
    """For each line, the section it opens, if any."""
    texts = [line.text for line in lines]
    sections: list[Section | None] = [
        ("figures", "") if line.tag == "table" and facts_table(line) else None
        for line in lines
    ]
    for number, text in enumerate(texts):
        if sections[number] is None:
            sections[number] = office_section(text)
    named = {found[0] for found in sections if found}
    if "contact" not in named and (start := _address_start(texts)) is not None:
        sections[start] = sections[start] or ("contact", "")
    return sections
