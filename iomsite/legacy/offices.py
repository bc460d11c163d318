"""Country-office pages: facts and figures, context, areas of action and the
office's address and contact details.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .contacts import split_phone_numbers
from .lines import Document, Line, blocks_html, build_blocks
from .navigation import NAV_MARKER_RE, PUNCTUATION_ONLY_RE
from .records import (
    LegacyArea,
    LegacyFigure,
    LegacyOffice,
    LegacyPage,
    LegacyParseError,
)
from .text import EMAIL_RE, LINKABLE_RE, fold
from .topics import country_code, country_matches, detect_language

# Headings of the sections of an office page, matched on folded text.
_OFFICE_SECTION_RE = re.compile(
    r"^(?:(?P<figures>facts\s+and\s+figures|key\s+figures|datos\s+y\s+cifras|"
    r"cifras(?:\s+clave)?|hechos\s+y\s+cifras)$"
    r"|(?P<context>(?:migration\s+in|(?:la\s+)?migracion\s+en)\s+)(?P<country>.+)$"
    r"|(?P<areas>(?:main\s+)?areas\s+of\s+(?:action|work)|(?:principales\s+)?areas"
    r"\s+(?:de\s+accion|tematicas|de\s+trabajo))\b"
    r"|(?P<careers>career\s+opportunities|careers|vacancies|job\s+opportunities|"
    r"oportunidades\s+(?:laborales|de\s+empleo)|empleos?|vacantes|"
    r"trabaj[ae]\s+con\s+nosotros)$"
    r"|(?P<contact>contact\s+(?:information|details|us)|contact|informacion\s+de\s+"
    r"contacto|datos\s+de\s+contacto|contactenos|contacto)$)"
)
_OFFICE_SECTION_NAMES = ("figures", "context", "areas", "careers", "contact")
_ORGANISATION_LINE_RE = re.compile(
    r"^(?:international\s+organi[sz]ation\s+for\s+migration|organizaci[oó]n\s+"
    r"internacional\s+para\s+las\s+migraciones|iom|oim)\b",
    re.IGNORECASE,
)
_GLUED_FIELD_RE = re.compile(
    r"(?<=[a-záéíóúñ.)])(?=(?:Tel|Tél|Phone|Teléfono|Fax|E-mail|Email|Correo|"
    r"Facebook|Twitter|Website|Web|Sitio web|Instagram)\b\s*[.:])"
)
_OFFICE_FIELD_RE = re.compile(
    r"^(?P<label>tel[eé]fonos?|tel|t[eé]l|phones?|fax|e-?mail|correo(?:\s+"
    r"electr[oó]nico)?|facebook|twitter|x|instagram|youtube|web(?:site)?|"
    r"sitio\s+web|p[aá]gina\s+web|address|direcci[oó]n)\s*[.:]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_FIGURE_RE = re.compile(
    r"^(?P<currency>USD|US\$|U\$S|EUR|€|\$)?\s*"
    r"(?P<number>[-+−–]?\d(?:[\d.,]*\d)?)\s*"
    r"(?P<magnitude>(?:mil\s+)?millones|mill[oó]n|millions?|billions?|bn|"
    r"thousand|mil)?\b\s*"
    r"(?P<unit>.*?)\s*(?:\((?P<year>(?:19|20)\d{2})\))?$",
    re.IGNORECASE,
)
_SOURCE_LINE_RE = re.compile(r"^(?:source|fuente)s?\s*:\s*(?P<value>.+)$", re.I)
_YEAR_SUFFIX_RE = re.compile(r"\s*[,(]?\s*\b((?:19|20)\d{2})\)?$")


def _office_section(text: str) -> tuple[str, str] | None:
    """(section, heading) when ``text`` heads a section of an office page; the
    heading is returned without bullets, e.g. "Migration in Bolivia"."""
    if len(text) > 120 or not text:
        return None
    heading = NAV_MARKER_RE.sub("", text).strip(" :")
    match = _OFFICE_SECTION_RE.match(fold(heading))
    if match is None:
        return None
    return next(name for name in _OFFICE_SECTION_NAMES if match[name]), heading


def office_headings(texts: list[str]) -> list[tuple[str, str] | None] | None:
    """The section heading of each line when the page is a country-office page,
    else None. An office page has two of: key figures, a "Migration in …" text,
    areas of action; or one of them with careers and contact sections."""
    headings = [_office_section(text) for text in texts]
    found = {heading[0] for heading in headings if heading}
    core = len(found & {"figures", "context", "areas"})
    if core >= 2 or (core and len(found) >= 3):
        return headings
    return None


def _parse_figure(text: str) -> LegacyFigure | None:
    label = ""
    if ":" in text and not re.match(r"^[\d\s.,:-]+$", text):
        label, _, text = text.partition(":")
        label, text = label.strip(), text.strip()
    match = _FIGURE_RE.match(text)
    if match is None:
        return None
    value = match["number"].replace("−", "-").replace("–", "-")
    if match["magnitude"]:
        value = f"{value} {match['magnitude']}"
    unit = match["unit"].strip()
    year = int(match["year"]) if match["year"] else None
    if year is None and (year_match := _YEAR_SUFFIX_RE.search(unit)):
        year = int(year_match[1])
        unit = unit[: year_match.start()].strip(" ,")
    if match["currency"]:
        unit = f"{match['currency']} {unit}".strip()
    return LegacyFigure(value=value, label=label, unit=unit, year=year)


def _split_source(value: str) -> tuple[str, str]:
    """(name, address) of a figure's source line."""
    value = value.strip()
    url = LINKABLE_RE.search(value)
    if url is None or not url["url"]:
        return value, ""
    address = url[0] if url[0].startswith("http") else "https://" + url[0]
    return value.replace(url[0], "").strip(" ,;:-–()"), address


def _parse_figures(lines: list[Line]) -> tuple[LegacyFigure, ...]:
    """Key figures, one per line. A label is only taken when the page states it
    (``Label: value``, or a text line right before a value); a "Source:" line
    applies to the figures above it. A figure without label or source is
    flagged ``needs_review``."""
    figures: list[LegacyFigure] = []
    pending_label = ""
    for line in lines:
        text = line.text
        if not text or PUNCTUATION_ONLY_RE.match(text):
            continue
        source = _SOURCE_LINE_RE.match(text)
        if source:
            name, address = _split_source(source["value"])
            figures = [
                figure
                if figure.source_name or figure.source_url
                else dataclasses.replace(figure, source_name=name, source_url=address)
                for figure in figures
            ]
            continue
        figure = _parse_figure(text)
        if figure is None:
            pending_label = text if len(text) <= 120 else ""
            continue
        if pending_label and not figure.label:
            figure = dataclasses.replace(figure, label=pending_label)
        pending_label = ""
        figures.append(figure)
    return tuple(
        dataclasses.replace(
            figure,
            needs_review=not figure.label
            or not (figure.source_name or figure.source_url),
        )
        for figure in figures
    )


def _is_area_name(text: str) -> bool:
    return (
        len(text) <= 80
        and text.count(" ") < 10
        and text[:1].isupper()
        and not re.search(r"[.!?:;,…]$", text)
    )


def _parse_areas(lines: list[Line], is_html: bool) -> tuple[LegacyArea, ...]:
    """Areas of action: a short name line (a heading, in HTML that has them),
    then the paragraphs about it."""
    headed = is_html and any(line.tag in ("h2", "h3") for line in lines)
    areas: list[tuple[str, list[Line]]] = []
    for line in lines:
        text = line.text
        if PUNCTUATION_ONLY_RE.match(text):
            continue
        if line.tag in ("h2", "h3") if headed else _is_area_name(text):
            areas.append((text, []))
        elif areas:
            areas[-1][1].append(line)
    return tuple(
        LegacyArea(name=name, body_html=blocks_html(build_blocks(body, is_html)))
        for name, body in areas
    )


def _social_url(kind: str, value: str) -> str:
    value = value.strip().rstrip("/")
    if not value:
        return ""
    if kind == "twitter" and value.startswith("@"):
        return "https://twitter.com/" + value[1:]
    if not value.lower().startswith(("http://", "https://")):
        value = "https://" + value
    return value


@dataclass
class _OfficeDetails:
    address: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    email: str = ""
    website: str = ""
    facebook: str = ""
    twitter: str = ""

    @property
    def city(self) -> str:
        """What precedes the country on the last address line ("La Paz,
        Bolivia"), without postal codes."""
        if not self.address:
            return ""
        parts = [part.strip() for part in _CITY_SPLIT_RE.split(self.address[-1])]
        if len(parts) < 2 or not country_code(parts[-1]):
            return ""
        return " ".join(
            word for word in parts[-2].split() if not any(c.isdigit() for c in word)
        )

    @property
    def street_address(self) -> str:
        """The address without its last line when that line is only the city
        and the country, which the office keeps in fields of their own."""
        lines = self.address
        if self.city and len(_CITY_SPLIT_RE.split(lines[-1])) == 2:
            lines = lines[:-1]
        return ", ".join(lines)


_CITY_SPLIT_RE = re.compile(r",|\s[-–]\s")


def _parse_office_contact(lines: list[Line]) -> _OfficeDetails:
    """Address, phones, email and social links of a "Contact information"
    section. Unlabelled lines other than the organisation's name are the
    address."""
    details = _OfficeDetails()
    texts = []
    for line in lines:
        texts.extend(part.strip() for part in _GLUED_FIELD_RE.split(line.text))
    for text in texts:
        if not text or PUNCTUATION_ONLY_RE.match(text):
            continue
        match = _OFFICE_FIELD_RE.match(text)
        label, value = (
            (fold(match["label"]), match["value"].strip()) if match else ("", text)
        )
        lowered = value.lower()
        if label.startswith(("tel", "phone")):
            details.phones.extend(split_phone_numbers(value)[0])
        elif (
            label in ("e-mail", "email")
            or label.startswith("correo")
            or (not label and EMAIL_RE.fullmatch(value))
        ):
            email = EMAIL_RE.search(value)
            details.email = details.email or (email[0].lower() if email else "")
        elif label == "facebook" or "facebook.com" in lowered:
            details.facebook = details.facebook or _social_url("facebook", value)
        elif label in ("twitter", "x") or "twitter.com" in lowered:
            details.twitter = details.twitter or _social_url("twitter", value)
        elif label.startswith(("web", "sitio", "pagina")) or (
            not label and lowered.startswith(("http://", "https://", "www."))
        ):
            details.website = details.website or _social_url("website", value)
        elif label.startswith(("address", "direccion")):
            details.address.append(value)
        elif label:
            continue  # fax, Instagram, YouTube: not kept
        elif _ORGANISATION_LINE_RE.match(text) and not any(c.isdigit() for c in text):
            continue
        else:
            details.address.append(text)
    return details


_REGION_RE = re.compile(
    r"\b(South America|Sudam[ée]rica|Am[ée]rica del Sur)\b", re.IGNORECASE
)


def parse_office(document: Document, headings) -> LegacyPage:
    sections: dict[str, list[Line]] = {"intro": []}
    context_country = areas_heading = region = ""
    current = "intro"
    for line, found in zip(document.lines, headings, strict=True):
        if found is None:
            sections[current].append(line)
            continue
        current, heading = found
        sections.setdefault(current, [])
        if current == "context" and not context_country:
            # A regional office's page: "Migration in South America"
            region_match = _REGION_RE.search(heading)
            region = region_match.group(1) if region_match else ""
            # "Migration in Bolivia" → "Bolivia", as the page writes it
            named = next(country_matches(heading), None)
            context_country = named[0] if named else heading.rsplit(" en ", 1)[-1]
        elif current == "areas" and not areas_heading:
            areas_heading = heading
    contact = _parse_office_contact(sections.get("contact", []))
    if region:
        # Where the regional office sits: the country of its address.
        context_country = ""
    if not context_country:
        named = next(country_matches(areas_heading), None) or next(
            country_matches(", ".join(contact.address)), None
        )
        context_country = named[0] if named else ""
    country = country_code(context_country)
    if not country:
        raise LegacyParseError("office page without a recognisable country")
    context_blocks = build_blocks(sections.get("context", []), document.is_html)
    areas = _parse_areas(sections.get("areas", []), document.is_html)
    intro_blocks = build_blocks(sections.get("intro", []), document.is_html)
    language_sample = "\n".join(
        [block.text for block in context_blocks + intro_blocks]
        + [re.sub(r"<[^>]+>", " ", area.body_html) for area in areas]
    )
    language = detect_language(language_sample)
    office = LegacyOffice(
        name=f"{'OIM' if language == 'es' else 'IOM'} {region or context_country}",
        country=country,
        city=contact.city,
        address=contact.street_address,
        phones=tuple(dict.fromkeys(contact.phones)),
        email=contact.email,
        website=contact.website,
        facebook=contact.facebook,
        twitter=contact.twitter,
        introduction="\n\n".join(block.text for block in intro_blocks),
        migration_context_html=blocks_html(context_blocks),
        figures=_parse_figures(sections.get("figures", [])),
        areas=areas,
        source=document.source,
        language=language,
    )
    return LegacyPage(kind="office", office=office)
