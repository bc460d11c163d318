"""Phone numbers as staff and old pages wrote them, read with phonenumbers:
dialled from an RFC 3966 ``tel:`` URI in E.164, and shown in the
international form when the written one hides the country code ("+59 122 36
90 44" is +591 2 2369044)."""

import re
from dataclasses import dataclass

import phonenumbers

_SEPARATOR_RE = re.compile(r"[\s./()-]")


@dataclass(frozen=True)
class Phone:
    written: str
    shown: str
    # "" when the number cannot be read: shown as written, not dialled.
    uri: str = ""


def read_phone(written, country="", extension=""):
    """The ``Phone`` of a number as written; ``country`` (ISO 3166 alpha-2)
    reads a number written without its country code."""
    written = written.strip()
    try:
        number = phonenumbers.parse(written, str(country or "").upper() or None)
    except phonenumbers.NumberParseException:
        return Phone(written, written)
    if not phonenumbers.is_possible_number(number):
        return Phone(written, written)
    uri = "tel:" + phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    )
    extension = "".join(c for c in (extension or number.extension or "") if c.isdigit())
    if extension:
        uri += f";ext={extension}"
    return Phone(written, _shown(written, number), uri)


def _shown(written, number):
    """As written when it opens with its country code; else international."""
    code = f"+{number.country_code}"
    opening = _SEPARATOR_RE.split(written, maxsplit=1)[0]
    if opening == code and phonenumbers.is_valid_number(number):
        return written
    number.extension = None
    return phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
