"""Contact blocks: people with their titles, offices, e-mails and phone
numbers, however the old pages laid them out.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .navigation import PUNCTUATION_ONLY_RE, is_footer
from .records import LegacyContact
from .text import EMAIL_RE, fold

_CONTACT_SPLIT_RE = re.compile(
    r"\s*[,;]\s*|\s+[-–—|]\s+|\s+(?:at|of|from|en|de\s+la)(?:\s+the)?\s+"
    r"(?=(?:IOM|OIM)\b)|"
    r"\s+(?=(?:Tel|Tél|Phone|Teléfono|Telefono|Mobile|"
    r"Mob|Cell|Cel|Celular|Móvil|Movil|Fax|E-mail|Email|E-Mail|Correo|Mail)\b)"
)
_FIELD_LABEL_RE = re.compile(
    r"^(?P<label>tel[eé]fonos?|tel[eé]fono|telf|tel|t[eé]l|phones?|ph|mobile|mob"
    r"|cell(?:ular)?|cel(?:ular)?|m[oó]vil|whats\s?app|fax|e-?mail|correo(?:\s+"
    r"electr[oó]nico)?|mail|ext(?:ension)?|anexo|interno|int(?=\.?\s*\d))"
    r"\b\s*\.?\s*:?\s*",
    re.IGNORECASE,
)
_LABEL_KINDS = {
    "mobile": "mobile",
    "mob": "mobile",
    "cell": "mobile",
    "cellular": "mobile",
    "cel": "mobile",
    "celular": "mobile",
    "movil": "mobile",
    "whatsapp": "whatsapp",
    "whats app": "whatsapp",
    "fax": "fax",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "ext": "extension",
    "extension": "extension",
    "anexo": "extension",
    "interno": "extension",
    "int": "extension",
}
# "jdoe at iom.int", "jdoe [at] iom.int", "jdoe(at)iom.int", "jdoe @ iom.int":
# addresses written so that robots would not read them.
_SPELLED_EMAIL_RE = re.compile(
    r"\b(?P<user>[\w.+-]+)\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|\sat\s|"
    r"\s@\s?|@\s)\s*(?P<domain>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})\b",
    re.IGNORECASE,
)
# An address cut by the line's end: "jdoe@" or "jdoe@iom." before the rest.
_CUT_EMAIL_RE = re.compile(r"[\w.+-]+@(?:[\w-]+\.)*[\w-]*\.?$")
# Courtesy titles, left out of the name so that the same person is one
# contact with or without them ("Ms. Carla Mendoza", "Carla Mendoza").
_COURTESY_TITLE_RE = re.compile(
    r"^(?:mr|mrs|ms|miss|sr|sra|srta|don|doña|dña)\.?\s+(?=[A-ZÁÉÍÓÚÑ])",
    re.IGNORECASE,
)
_ALTERNATIVE_RE = re.compile(r"^(?i:or|o|and|y|also|tambi[eé]n)\s+(?=[A-ZÁÉÍÓÚÑ])")
_EXTENSION_RE = re.compile(
    r"(?:\b(?:ext(?:ension)?|anexo|interno|int)\b\.?|(?<=\s)x)\s*:?\s*(\d{1,6})\b",
    re.IGNORECASE,
)
_PHONE_SPLIT_RE = re.compile(r"\s*(?:/|;|,|\s(?:or|o|y|and)\s)\s*")
_PHONE_ONLY_RE = re.compile(r"^\+?\(?\d[\d\s().\-/]{5,}$")
_ROLE_RE = re.compile(
    r"\b(?:officer|assistant|coordinator|director|head|chief|manager|spokes(?:person|"
    r"man|woman)|communications?|media|press|public\s+information|specialist|"
    r"consultant|advis[eo]r|representative|focal\s+point|oficial|asistente|"
    r"coordinador[a]?|director[a]?|jef[ea]|encargad[oa]|responsable|vocer[oa]|"
    r"portavoz|comunicaci[oó]n(?:es)?|prensa|especialista|consultor[a]?|asesor[a]?|"
    r"representante|punto\s+focal)\b",
    re.IGNORECASE,
)
_OFFICE_RE = re.compile(
    r"^(?:IOM|OIM)\b|organi[sz]ation\s+for\s+migration|organizaci[oó]n\s+"
    r"internacional\s+para\s+las\s+migraciones|\b(?:office|oficina|mission|"
    r"misi[oó]n)\b",
    re.IGNORECASE,
)
_IOM_PREFIX_RE = re.compile(r"(?:IOM|OIM)\b")
_NAME_RE = re.compile(
    r"(?:[A-ZÁÉÍÓÚÑÜ][\w'’.-]*|[A-Z]\.)"
    r"(?:\s+(?:[A-ZÁÉÍÓÚÑÜ][\w'’.-]*|de|del|la|las|los|da|das|do|dos|van|von|der|y|e))+"
)


def _looks_like_name(text: str) -> bool:
    return (
        len(text) <= 60
        and text.count(" ") <= 5
        and not any(character.isdigit() for character in text)
        and _NAME_RE.fullmatch(text) is not None
        and not is_footer(text)
    )


def _digit_count(text: str) -> int:
    return sum(character.isdigit() for character in text)


def _complete_number(full: str, short: str) -> str:
    """'5219-2034' after '+54 11 5219-2033' means '+54 11 5219-2034'."""
    tail = full[-len(short) :]
    if len(full) > len(short) and re.sub(r"\d", "9", tail) == re.sub(r"\d", "9", short):
        return full[: -len(short)] + short
    return short


def split_phone_numbers(value: str) -> tuple[list[str], str]:
    """The numbers in a phone field, each as written, and any extension."""
    extension = ""
    match = _EXTENSION_RE.search(value)
    if match:
        extension = match[1]
        value = value[: match.start()] + value[match.end() :]
    numbers: list[str] = []
    for part in _PHONE_SPLIT_RE.split(value):
        part = part.strip(" .:-–")
        if _digit_count(part) < 4:
            continue
        if numbers and _digit_count(part) < _digit_count(numbers[0]):
            part = _complete_number(numbers[0], part)
        numbers.append(part)
    return numbers, extension


@dataclass
class _ContactDraft:
    name: str = ""
    role: str = ""
    office_name: str = ""
    phones: list[str] = field(default_factory=list)
    mobile: str = ""
    extension: str = ""
    email: str = ""
    other_emails: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.name or self.email or self.phones or self.mobile)

    def freeze(self) -> LegacyContact:
        values = dataclasses.asdict(self)
        for name in ("phones", "other_emails"):
            values[name] = tuple(dict.fromkeys(values[name]))
        return LegacyContact(**values)


class _ContactReader:
    """Reads the lines of a contact block, field by field, into contacts. A new
    contact starts at a second name or at a line opening with "Or"."""

    def __init__(self) -> None:
        self.drafts = [_ContactDraft()]
        self.awaiting_email = False  # an "E-mail:" label whose address follows

    def contacts(self) -> list[LegacyContact]:
        return [draft.freeze() for draft in self.drafts if not draft.is_empty()]

    def start_contact(self) -> _ContactDraft:
        if not self.drafts[-1].is_empty():
            self.drafts.append(_ContactDraft())
        return self.drafts[-1]

    def read_line(self, text: str) -> bool:
        """Take the fields of one line; False when it holds none."""
        alternative = _ALTERNATIVE_RE.match(text)
        if alternative:
            text = text[alternative.end() :]
            self.start_contact()
        recognised = False
        after_office = False
        for segment in _CONTACT_SPLIT_RE.split(text):
            segment = segment.strip()
            if not segment:
                continue
            if alternative := _ALTERNATIVE_RE.match(segment):
                # "…, Email: x@iom.int, or Tomás Weinberg at the IOM …"
                segment = segment[alternative.end() :]
                self.start_contact()
            draft = self.drafts[-1]
            if after_office and _looks_like_name(segment) and draft.name:
                # "IOM Regional Office, Buenos Aires": the office's place
                draft.office_name = f"{draft.office_name}, {segment}"
                recognised = True
                continue
            office_before = draft.office_name
            if self.read_segment(segment):
                recognised = True
            after_office = (
                self.drafts[-1] is draft
                and bool(draft.office_name)
                and draft.office_name != office_before
            )
        return recognised

    def read_segment(self, segment: str) -> bool:
        draft = self.drafts[-1]
        kind, value = _contact_field(segment)
        if kind == "email" or (not kind and EMAIL_RE.search(segment)):
            self.read_email(value, labelled=bool(kind))
        elif kind in ("phone", "mobile", "whatsapp") or (
            not kind and _PHONE_ONLY_RE.match(value)
        ):
            numbers, extension = split_phone_numbers(value)
            # The first mobile or WhatsApp number is the mobile; any other
            # number is kept with the phones.
            if kind in ("mobile", "whatsapp") and not draft.mobile and numbers:
                draft.mobile, numbers = numbers[0], numbers[1:]
            numbers = [number for number in numbers if number != draft.mobile]
            if numbers:
                if draft.phones:
                    numbers = [_complete_number(draft.phones[0], n) for n in numbers]
                draft.phones.extend(numbers)
            draft.extension = draft.extension or extension
        elif kind == "extension":
            digits = re.search(r"\d+", value)
            draft.extension = draft.extension or (digits[0] if digits else "")
        elif kind == "fax":
            pass
        elif _ROLE_RE.search(segment) and not _IOM_PREFIX_RE.match(segment):
            draft.role = draft.role or segment
        elif _OFFICE_RE.search(segment):
            draft.office_name = draft.office_name or segment
        elif _looks_like_name(segment):
            if draft.name:
                draft = self.start_contact()
            draft.name = _COURTESY_TITLE_RE.sub("", segment)
        else:
            return False
        return True

    def read_email(self, value: str, *, labelled: bool) -> None:
        found = EMAIL_RE.search(value)
        if found is None:
            self.awaiting_email = True
            return
        draft = self.drafts[-1]
        # "Walter Arce (warce@iom.int)": a name beside the address
        rest = (value[: found.start()] + value[found.end() :]).strip(" ()<>[]:,-–")
        if not labelled and rest and _looks_like_name(rest):
            if draft.name:
                draft = self.start_contact()
            draft.name = _COURTESY_TITLE_RE.sub("", rest)
        address = found[0].lower()
        if not draft.email or self.awaiting_email:
            draft.email = address
        elif address != draft.email:
            draft.other_emails.append(address)
        self.awaiting_email = False


def parse_contact_block(texts: list[str]) -> list[LegacyContact]:
    """The contacts in the lines of a contact block. The block ends at a
    footer or at a line that holds no contact field."""
    return read_contact_block(texts)[0]


def read_contact_block(texts: list[str]) -> tuple[list[LegacyContact], int]:
    """The contacts of a contact block and how many of ``texts`` it took."""
    reader = _ContactReader()
    used = 0
    for text, end in _joined_addresses(texts):
        if not text or PUNCTUATION_ONLY_RE.match(text):
            used = end
            continue
        if is_footer(text) or not reader.read_line(
            _SPELLED_EMAIL_RE.sub(r"\g<user>@\g<domain>", text)
        ):
            break
        used = end
    return reader.contacts(), used


def _joined_addresses(texts: list[str]):
    """The lines, each with how many of ``texts`` it takes up to, with an
    e-mail address cut at a line's end ("jdoe@" then "iom.int") joined to its
    rest."""
    pending = ""
    for number, text in enumerate(texts, start=1):
        if pending:
            head, _, tail = text.strip().partition(" ")
            text, pending = f"{pending}{head} {tail}".rstrip(), ""
        if _CUT_EMAIL_RE.search(text) and not EMAIL_RE.search(text.rsplit(" ", 1)[-1]):
            pending = text
            continue
        yield text, number
    if pending:
        yield pending, len(texts)


def _contact_field(segment: str) -> tuple[str, str]:
    """The kind of a labelled contact field ("phone", "email", …) and its value;
    ("", segment) for an unlabelled segment."""
    match = _FIELD_LABEL_RE.match(segment)
    if match is None:
        return "", segment
    label = fold(match["label"]).replace(" electronico", "")
    if label.startswith("correo"):
        label = "email"
    return _LABEL_KINDS.get(label, "phone"), segment[match.end() :].strip()
