"""vCards (version 3.0, RFC 2426) of contacts and offices.

Pure functions from an object to the text of its card: no queries of their own
(pass a contact with its office selected) and nothing about requests, so the
caller gives the absolute URL of the object's page.
"""

from datetime import UTC

from django.utils.translation import gettext as _

from iomsite.content.phones import read_phone

LINE_LIMIT = 75  # octets, without the line break
CRLF = "\r\n"


def escape_text(value):
    """A TEXT value with its backslashes, commas, semicolons and line breaks
    escaped, so that none can end the value or start a new property."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def uri(value):
    # URIs are not escaped like text, but must stay on their line.
    return str(value).replace("\r", "").replace("\n", "")


def fold(line, limit=LINE_LIMIT):
    """Fold a content line into lines of at most ``limit`` octets, each
    continuation starting with a space, never inside a UTF-8 character."""
    if len(line.encode()) <= limit:
        return line
    lines, current, size = [], "", 0
    for character in line:
        octets = len(character.encode())
        if size + octets > limit:
            lines.append(current)
            current, size = " ", 1
        current += character
        size += octets
    lines.append(current)
    return CRLF.join(lines)


def structured(*components):
    """A structured value (N, ADR, ORG): escaped components joined by ";"."""
    return ";".join(escape_text(component) for component in components)


def timestamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def card(properties):
    """The vCard of (name, value) pairs, values already escaped."""
    lines = [fold(f"{name}:{value}") for name, value in properties]
    return CRLF.join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"]) + CRLF


def address(office):
    """The office's postal address as an ADR property, or None without one."""
    if not (office.street_address.strip() or office.city or office.country):
        return None
    country = office.country.name if office.country else ""
    # Post office box; extended address; street; city; region; postal code;
    # country.
    value = structured(
        "", "", office.street_address.strip(), office.city, "", "", country
    )
    return ("ADR;TYPE=work", value)


def contact_vcard(contact, *, url):
    """The public card of a contact: email and phones only where the contact
    shows them on the site."""
    properties = [
        # One field for the whole name: splitting names into given and family
        # names guesses wrong too often (two surnames, one name, …).
        ("N", structured(contact.name, "", "", "", "")),
        ("FN", escape_text(contact.name)),
    ]
    office = contact.public_office
    if office:
        properties.append(("ORG", structured(office.name)))
    if contact.role:
        properties.append(("TITLE", escape_text(contact.role)))
    if contact.show_phones:
        country = contact.office.country if contact.office else ""
        for written in contact.phone_list:
            phone = read_phone(written, country, contact.extension)
            # An extension only fits the URI form (RFC 3966 ";ext="), which
            # phones dial; without one, the number as a person reads it.
            if contact.extension and phone.uri:
                properties.append(("TEL;VALUE=uri;TYPE=work,voice", phone.uri))
            else:
                properties.append(("TEL;TYPE=work,voice", escape_text(phone.shown)))
        if contact.mobile:
            mobile = read_phone(contact.mobile, country).shown
            properties.append(("TEL;TYPE=cell,voice", escape_text(mobile)))
    if contact.show_email and contact.email:
        properties.append(("EMAIL;TYPE=internet,work", escape_text(contact.email)))
    if office and (office_address := address(office)):
        properties.append(office_address)
    if contact.languages:
        note = _("Languages: %(languages)s") % {"languages": contact.languages}
        properties.append(("NOTE", escape_text(note)))
    properties += [
        ("URL", uri(url)),
        ("UID", uri(url)),
        ("REV", timestamp(contact.updated)),
    ]
    return card(properties)


def office_vcard(office, *, url):
    """The card of an office, shown as an organisation by address books."""
    properties = [
        ("N", structured("", "", "", "", "")),
        ("FN", escape_text(office.name)),
        ("ORG", structured(office.name)),
        # Apple's address books show the card as a company, not a person.
        ("X-ABShowAs", "COMPANY"),
    ]
    if office_address := address(office):
        properties.append(office_address)
    properties += [
        ("TEL;TYPE=work,voice", escape_text(read_phone(phone, office.country).shown))
        for phone in office.phone_list
    ]
    if office.email:
        properties.append(("EMAIL;TYPE=internet,work", escape_text(office.email)))
    properties.append(("URL", uri(url)))
    if office.website:
        properties.append(("URL", uri(office.website)))
    if office.facebook:
        properties.append(("X-SOCIALPROFILE;TYPE=facebook", uri(office.facebook)))
    if office.x_account:
        properties.append(("X-SOCIALPROFILE;TYPE=twitter", uri(office.x_account)))
    properties += [
        ("UID", uri(url)),
        ("REV", timestamp(office.updated)),
    ]
    return card(properties)
