"""The offices, contacts and programmes an old page names, found on the site
or created, and kept from file to file to save queries."""

import functools

from django.utils.text import slugify
from django_countries import countries

from contacts.models import Contact, Office
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

    def import_contact(self, item: LegacyContact, default_office=None, *, public):
        """Find the person by email (one person, one record) or by name and
        office; fill in what the site does not know yet, never overwrite. A
        new contact is ``public`` or hidden until staff review it. Returns
        (contact, the office it names that the site does not have, or "")."""
        if not item.name and not item.email:
            return None, ""
        office = self.office_named(item.office_name) if item.office_name else None
        unknown = item.office_name if item.office_name and office is None else ""
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
            contact = Contact(
                is_media_contact=True,
                is_public=public,
                imported_unreviewed=not public,
                **known,
            )
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
        return contact, unknown

    def office_named(self, name):
        name = name.strip()
        if name not in self.offices_by_name:
            self.offices_by_name[name] = self.find_office(name)
        return self.offices_by_name[name]

    def find_office(self, name):
        """The office an old page means by "IOM La Paz" or "IOM South America",
        or None: an office is never made from a contact's signature."""
        place = strip_iom(name)
        key = normalise_place(place)
        if key in REGIONAL_PLACES or key.startswith("regional office"):
            return self.regional_office()
        existing = Office.objects.filter(name__iexact=name).first()
        if existing:
            return existing
        code = country_code(place) or CITY_COUNTRIES.get(key, "")
        if not code:
            return None
        return Office.objects.filter(kind=Office.Kind.COUNTRY, country=code).first()

    def regional_office(self):
        return Office.objects.filter(kind=Office.Kind.REGIONAL).first()

    def office_of_country(self, code, *, regional):
        if regional:
            return self.regional_office()
        return Office.objects.filter(kind=Office.Kind.COUNTRY, country=code).first()

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

    def programme_for_area(self, name):
        """The site's programme an office's area of action names, or None:
        a programme is never made from one office's page."""
        return self.programmes().get(slugify(name))

    # -- addresses and the report ----------------------------------------------


class WaitingContacts:
    """Contacts whose office a later page of the run may bring: at the end of
    the run they join it, and so do their articles, as they would have had
    the office been imported first (the next run then finds them unchanged)."""

    def __init__(self):
        self.by_office = {}  # office name -> {contact pk: [article pks]}

    def add(self, office_name, contact, article=None):
        articles = self.by_office.setdefault(office_name, {}).setdefault(contact.pk, [])
        if article is not None:
            articles.append(article.pk)

    def finish(self, lookups):
        for name, contacts in self.by_office.items():
            lookups.offices_by_name.pop(name.strip(), None)
            office = lookups.office_named(name)
            if office is None:
                continue
            Contact.objects.filter(pk__in=contacts, office=None).update(office=office)
            for article_pks in contacts.values():
                join_office(office, article_pks)
        self.by_office = {}


def join_office(office, article_pks):
    """Add ``office`` to the articles, in their import records too."""
    from articles.models import Article
    from iomsite.models import LegacyRecord

    office.articles.add(*Article.objects.filter(pk__in=article_pks))
    records = LegacyRecord.objects.filter(
        model="articles.article", object_pk__in=article_pks
    )
    for record in records:
        offices = set(record.values.get("offices") or [])
        record.values["offices"] = sorted(offices | {office.pk})
        record.save(update_fields=["values"])


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
