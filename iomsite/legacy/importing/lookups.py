"""The offices, contacts and programmes an old page names, found on the site
or created, and kept from file to file to save queries."""

import functools

from bs4 import BeautifulSoup
from django.utils.text import Truncator, slugify
from django_countries import countries

from contacts.models import Contact, Office
from iomsite.content.sanitize import clean_html
from iomsite.content.slugs import reserved_slugs
from programmes.models import Programme

from ..parsing import LegacyContact
from .merge import assign, with_value

# Cities an old contact block may name instead of a country ("IOM La Paz").
CITY_COUNTRIES = {
    "asuncion": "PY",
    "bogota": "CO",
    "brasilia": "BR",
    "buenos aires": "AR",
    "caracas": "VE",
    "cochabamba": "BO",
    "la paz": "BO",
    "lima": "PE",
    "montevideo": "UY",
    "quito": "EC",
    "santa cruz": "BO",
    "santiago": "CL",
    "santiago de chile": "CL",
    "sao paulo": "BR",
}
REGIONAL_PLACES = {
    "america del sur",
    "oficina regional",
    "oficina regional para america del sur",
    "regional office",
    "regional office for south america",
    "south america",
    "sudamerica",
}
REGIONAL_OFFICE_NAME = "IOM South America"


def strip_iom(name):
    """ "IOM La Paz" → "La Paz"."""
    for prefix in ("IOM ", "OIM "):
        if name.upper().startswith(prefix):
            return name[len(prefix) :].strip()
    return name.strip()


@functools.cache
def country_code(name):
    """The ISO code of a country named in English or Spanish, or ""."""
    return countries.by_name(name) or countries.by_name(name, language="es")


def normalise_place(text):
    return slugify(text).replace("-", " ")


class SiteLookups:
    """What the files imported so far found or made; forgotten whenever a
    file's transaction is rolled back, as it may name objects that no longer
    exist."""

    def __init__(self):
        self.offices_by_name = {}
        self.contacts_by_key = {}
        self.programmes_by_key = None

    def import_contact(self, item: LegacyContact, default_office=None):
        """Find the person by email (one person, one record) or by name and
        office; fill in what the site does not know yet, never overwrite."""
        if not item.name and not item.email:
            return None
        office = self.office_named(item.office_name) if item.office_name else None
        office = office or default_office
        # The same press officers sign many pages.
        key = item.email.lower() or (item.name.lower(), office.pk if office else None)
        contact = self.contacts_by_key.get(key)
        if contact is None and item.email:
            contact = (
                with_value(Contact.objects, email=item.email.lower())
                .select_related("office")
                .first()
            )
        if contact is None and item.name:
            contact = (
                Contact.objects.filter(name__iexact=item.name, office=office)
                .select_related("office")
                .first()
            )
        known = {
            "name": item.name[:200],
            "role": item.role[:200],
            "office": office,
            "phone": ", ".join(item.phones)[:100],
            "mobile": item.mobile[:50],
            "extension": item.extension[:20],
            "email": item.email,
        }
        if contact is None:
            contact = Contact(is_media_contact=True, **known)
            contact.save()
        else:
            missing = {
                name: value
                for name, value in known.items()
                if value and not getattr(contact, name)
            }
            if missing:
                assign(contact, missing)
                contact.save()
        self.contacts_by_key[key] = contact
        return contact

    def office_named(self, name):
        name = name.strip()
        if name not in self.offices_by_name:
            self.offices_by_name[name] = self.find_or_create_office(name)
        return self.offices_by_name[name]

    def find_or_create_office(self, name):
        """The office an old page means by "IOM La Paz" or "IOM South America",
        created when the site does not have it yet."""
        place = strip_iom(name)
        key = normalise_place(place)
        if key in REGIONAL_PLACES:
            return self.regional_office(create=True)
        existing = Office.objects.filter(name__iexact=name).first()
        if existing:
            return existing
        code = country_code(place)
        city = ""
        if not code and key in CITY_COUNTRIES:
            code, city = CITY_COUNTRIES[key], place
        if not code:
            # A place we cannot put in a country (another region's office).
            office, _ = Office.objects.get_or_create(
                name=name[:200],
                defaults={"slug": free_slug(Office, name), "kind": "liaison"},
            )
            return office
        office = Office.objects.filter(kind=Office.Kind.COUNTRY, country=code).first()
        if office:
            return office
        office_name = f"IOM {countries.name(code)}"
        office, _ = Office.objects.get_or_create(
            name=office_name,
            defaults={
                "slug": free_slug(Office, office_name),
                "kind": Office.Kind.COUNTRY,
                "country": code,
                "city": city,
                "parent": self.regional_office(create=False),
            },
        )
        return office

    def regional_office(self, *, create):
        office = Office.objects.filter(kind=Office.Kind.REGIONAL).first()
        if office is None and create:
            office = Office.objects.create(
                name=REGIONAL_OFFICE_NAME,
                slug=free_slug(Office, REGIONAL_OFFICE_NAME),
                kind=Office.Kind.REGIONAL,
                country="AR",
                city="Buenos Aires",
            )
            adopt_country_offices(office)
        return office

    def programmes(self):
        """Programmes by the slug of their title and by their own slug."""
        if self.programmes_by_key is None:
            self.programmes_by_key = {}
            for programme in Programme.objects.all():
                self.programmes_by_key[programme.slug] = programme
                self.programmes_by_key[slugify(programme.title)] = programme
        return self.programmes_by_key

    def find_programmes(self, names):
        known = self.programmes()
        found = (known.get(slugify(name)) for name in names)
        return list(dict.fromkeys(programme for programme in found if programme))

    def programme_for_area(self, name, body_html):
        """An office's area of action: the programme of that name, or a new one.
        Text staff wrote on an existing programme is never replaced."""
        known = self.programmes()
        programme = known.get(slugify(name))
        if programme is None:
            programme = Programme.objects.create(
                title=name[:200],
                slug=free_slug(Programme, name),
                body=clean_html(body_html),
                summary=first_sentence(body_html),
            )
            known[programme.slug] = known[slugify(programme.title)] = programme
        return programme

    # -- addresses and the report ----------------------------------------------


def adopt_country_offices(regional):
    """Country offices without a parent belong to the regional office."""
    Office.objects.filter(kind=Office.Kind.COUNTRY, parent=None).update(parent=regional)


def free_slug(model, text):
    """``text`` as a slug no other object has: "title", else "title-2", …"""
    base = (slugify(text) or "item")[:190].strip("-")
    # Never a word of the app's own addresses ("feed"): iomsite.content.slugs.
    reserved = reserved_slugs(model)
    if base not in reserved and not model.objects.filter(slug=base).exists():
        return base
    taken = reserved | set(
        model.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def first_sentence(html, limit=300):
    text = BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
    if not text:
        return ""
    sentence = text.split(". ")[0].rstrip(".") + "."
    return Truncator(sentence).chars(limit)
