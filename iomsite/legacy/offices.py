"""Country-office pages: facts and figures, context, areas of action and the
office's address and contact details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .contacts import split_phone_numbers
from .figures import read_figures
from .lines import Document, Line, blocks_html, build_blocks
from .navigation import PUNCTUATION_ONLY_RE
from .records import (
    LegacyArea,
    LegacyOffice,
    LegacyPage,
    LegacyParseError,
)
from .text import EMAIL_RE, ends_sentence, escape_text, fold
from .topics import country_code, country_matches, detect_language

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


def _areas_html(heading: str, lines: list[Line], is_html: bool):
    """The areas of action, kept as the office's own text (a programme's text
    is the programme's, not one country's), and the areas found in them: a
    name with the paragraphs about it, or the items of a bare list. The HTML
    comes in parts (see ``LegacyOffice.context_parts``)."""
    listed = [line.text for line in lines if line.tag == "li" and line.text]
    areas = () if listed else _parse_areas(lines, is_html)
    title = f"\n<h2>{escape_text(heading or 'Areas of action')}</h2>"
    if listed or not any(area.body_html for area in areas):
        names = listed or [area.name for area in areas]
        html = _other_section_html(lines, is_html)
        areas = tuple(LegacyArea(name=name, body_html="") for name in names)
        return [(f"{title}\n{html.strip()}", ())], areas
    parts = [(title, areas)]
    parts += [
        (f"\n<h3>{escape_text(area.name)}</h3>\n{area.body_html}".rstrip(), (area,))
        for area in areas
    ]
    return parts, areas


def _split_sections(document: Document, headings):
    """The lines of each section, in order: (section, heading, lines)."""
    sections: list[tuple[str, str, list[Line]]] = [("intro", "", [])]
    for line, found in zip(document.lines, headings, strict=True):
        if found is None:
            sections[-1][2].append(line)
            continue
        name, heading = found
        # A section known by its form (a facts table, an address block)
        # starts with its own line.
        sections.append((name, heading, [] if heading else [line]))
        if name == "figures" and not heading:
            sections.append((sections[-2][0], "", []))  # the table alone
    return sections


def _office_country(sections, contact) -> tuple[str, str]:
    """(the country as the page names it, the region for a regional office)."""
    region = country = ""
    for name, heading, _ in sections:
        if name not in ("context", "intro", "areas") or not heading:
            continue
        if name == "context" and (found := _REGION_RE.search(heading)):
            region = found.group(1)  # "Migration in South America"
        named = next(country_matches(heading), None)
        if named and not country:
            country = named[0]
    if region or not country:
        named = next(country_matches(", ".join(contact.address)), None)
        country = named[0] if named else country
    return country, region


def parse_office(document: Document, headings) -> LegacyPage:
    sections = _split_sections(document, headings)
    by_name: dict[str, list[Line]] = {}
    for name, _, lines in sections:
        by_name.setdefault(name, []).extend(lines)
    contact = _parse_office_contact(by_name.get("contact", []))
    context_country, region = _office_country(sections, contact)
    country = country_code(context_country)
    if not country and _is_country_title(document.title):
        context_country, country = document.title, country_code(document.title)
    if not country:
        raise LegacyParseError("office page without a recognisable country")
    warnings: list[str] = []
    context_html = blocks_html(
        build_blocks(by_name.get("context", []), document.is_html)
    )
    areas: tuple[LegacyArea, ...] = ()
    parts: list[tuple[str, tuple[LegacyArea, ...]]] = [(context_html, ())]
    for name, heading, lines in sections:
        if name == "areas":
            found_parts, found = _areas_html(heading, lines, document.is_html)
            parts += found_parts
            areas += found
        elif name == "other":
            warnings.append(f"unknown section kept as body text: {heading}")
            body = _other_section_html(lines, document.is_html)
            parts.append((f"\n<h3>{escape_text(heading)}</h3>\n{body}".rstrip(), ()))
        elif name == "updated" and any(line.text for line in lines):
            texts = "; ".join(line.text for line in lines if line.text)
            warnings.append(f"last updated, not imported: {texts}")
    if by_name.get("careers"):
        warnings.append("section not imported (vacancies are not kept): careers")
    figures, facts = read_figures(by_name.get("figures", []))
    if facts:
        items = "".join(f"<li>{escape_text(fact)}</li>" for fact in facts)
        parts.append((f"\n<ul>{items}</ul>", ()))
        warnings.append(f"facts without a figure kept as text: {len(facts)}")
    context_and_sections = "".join(html for html, _held in parts)
    intro = [
        line
        for line in by_name.get("intro", [])
        if not document.title or line.text != document.title
    ]
    intro_blocks = build_blocks(intro, document.is_html)
    language = detect_language(
        "\n".join(block.text for block in intro_blocks)
        + re.sub(r"<[^>]+>", " ", context_and_sections)
    )
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
        migration_context_html=context_and_sections.strip(),
        figures=figures,
        areas=areas,
        source=document.source,
        language=language,
        context_parts=tuple(parts),
    )
    return LegacyPage(kind="office", office=office, warnings=tuple(warnings))


def _is_country_title(title: str) -> bool:
    match = next(country_matches(title.strip()), None)
    return match is not None and match[0] == title.strip()
