"""Country-office pages: facts and figures, context, areas of action and the
office's address and contact details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .contacts import split_phone_numbers
from .figures import parse_figures
from .lines import Document, Line, blocks_html, build_blocks
from .navigation import NAV_MARKER_RE, PUNCTUATION_ONLY_RE
from .records import (
    LegacyArea,
    LegacyOffice,
    LegacyPage,
    LegacyParseError,
)
from .text import EMAIL_RE, ends_sentence, escape_text, fold
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
    r"contacto|datos\s+de\s+contacto|contactenos|contacto)$"
    # Sections the office model has no place for: kept as body text.
    r"|(?P<other>(?:recent\s+|latest\s+)?(?:publications|news|stories|projects|"
    r"resources|events)|(?:publicaciones|noticias|proyectos|recursos|eventos)"
    r"(?:\s+(?:recientes|destacad[oa]s))?|(?:our\s+)?(?:partners|donors)|"
    r"(?:nuestros\s+)?(?:socios|aliados|donantes))$)"
)
_OFFICE_SECTION_NAMES = ("figures", "context", "areas", "careers", "contact", "other")
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
    found = {heading[0] for heading in headings if heading} - {"other"}
    core = len(found & {"figures", "context", "areas"})
    if core >= 2 or (core and len(found) >= 3):
        return headings
    return None


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

    def _place_lines(self) -> tuple[str, int]:
        """(city, how many of the address's last lines give only the city and
        the country). Either "La Paz, Bolivia" on the last line, or the city
        and then the country on lines of their own ("Asunción" / "Paraguay")."""
        lines = self.address
        if not lines:
            return "", 0
        parts = [part.strip() for part in _CITY_SPLIT_RE.split(lines[-1])]
        if len(parts) >= 2 and country_code(parts[-1]):
            return _without_postal_code(parts[-2]), 1 if len(parts) == 2 else 0
        if len(parts) == 1 and country_code(parts[0]) and len(lines) >= 2:
            city_parts = [part.strip() for part in _CITY_SPLIT_RE.split(lines[-2])]
            city = _without_postal_code(city_parts[-1])
            if city and not _ADDRESS_WORD_RE.search(city):
                return city, 2 if len(city_parts) == 1 else 1
            return "", 1
        return "", 0

    @property
    def city(self) -> str:
        """The city of the address, without postal codes."""
        return self._place_lines()[0]

    @property
    def street_address(self) -> str:
        """The address without its last lines when they only give the city and
        the country, which the office keeps in fields of their own."""
        _, place_lines = self._place_lines()
        return ", ".join(self.address[: len(self.address) - place_lines])


def _without_postal_code(text: str) -> str:
    """ "Santiago 7550000" → "Santiago"; "CP 1001 Asunción" → "Asunción"."""
    words = [
        word
        for word in text.split()
        if not any(c.isdigit() for c in word)
        and fold(word).strip(".") not in ("cp", "c.p")
    ]
    return " ".join(words)


# Words of a street or a building, never of a city's name.
_ADDRESS_WORD_RE = re.compile(
    r"\b(?:av|avda|avenida|calle|street|st|road|edificio|building|piso|floor|"
    r"oficina|office|casilla|p\.?\s?o\.?\s+box|apartado)\b\.?",
    re.IGNORECASE,
)


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


def _other_section_html(lines: list[Line], is_html: bool) -> str:
    """A section the office has no field for, as body text: a list when its
    lines are all short items (titles of publications, partners' names)."""
    texts = [line.text for line in lines if line.text]
    if texts and all(len(text) <= 120 and not ends_sentence(text) for text in texts):
        items = "".join(f"<li>{line.inline_html}</li>" for line in lines if line.text)
        return f"<ul>{items}</ul>"
    return blocks_html(build_blocks(lines, is_html))


_REGION_RE = re.compile(
    r"\b(South America|Sudam[ée]rica|Am[ée]rica del Sur)\b", re.IGNORECASE
)


def parse_office(document: Document, headings) -> LegacyPage:
    sections: dict[str, list[Line]] = {"intro": []}
    others: list[tuple[str, list[Line]]] = []  # (heading, lines) of each
    context_country = areas_heading = region = ""
    current = "intro"
    for line, found in zip(document.lines, headings, strict=True):
        if found is None:
            (others[-1][1] if current == "other" else sections[current]).append(line)
            continue
        current, heading = found
        sections.setdefault(current, [])
        if current == "other":
            others.append((heading, []))
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
    warnings = []
    # An area without text is a list's heading, not a programme: kept as text.
    for area in areas:
        if not area.body_html:
            others.append((area.name, []))
    areas = tuple(area for area in areas if area.body_html)
    other_html = ""
    for heading, lines in others:
        warnings.append(f"unknown section kept as body text: {heading}")
        body = _other_section_html(lines, document.is_html)
        other_html += f"\n<h3>{escape_text(heading)}</h3>\n{body}".rstrip()
    if sections.get("careers"):
        warnings.append("section not imported (vacancies are not kept): careers")
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
        migration_context_html=(blocks_html(context_blocks) + other_html).strip(),
        figures=parse_figures(sections.get("figures", [])),
        areas=areas,
        source=document.source,
        language=language,
    )
    return LegacyPage(kind="office", office=office, warnings=tuple(warnings))
