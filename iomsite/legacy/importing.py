"""Writes parsed legacy pages into the site's models.

Each file is imported in its own transaction. What the import writes into an
object is remembered in a ``LegacyRecord``; on the next import a field is only
changed when the page changed it *and* nobody edited it on the site since.
"""

import datetime
import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import Truncator, slugify
from django_countries import countries

from articles.models import Article
from contacts.models import Contact, KeyFigure, Office
from iomsite.models import LegacyRecord
from iomsite.sanitize import clean_html
from iomsite.slugs import reserved_slugs
from programmes.models import Programme

from .parsing import (
    LegacyArticle,
    LegacyContact,
    LegacyOffice,
    LegacyPage,
    LegacyParseError,
    parse_page,
)

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
LEGACY_SUFFIXES = {".txt", ".html", ".htm"}

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
RELATIONS = ("programmes", "contacts", "offices")


class ImportStatus:
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"

    ALL = (CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED)


@dataclass
class FileResult:
    source: str
    status: str = ImportStatus.UNCHANGED
    kind: str | None = None
    objects: list[dict] = field(default_factory=list)
    error: str = ""

    def as_dict(self):
        return {
            "source": self.source,
            "status": self.status,
            "kind": self.kind,
            "objects": self.objects,
            "error": self.error,
        }


class Skip(Exception):
    """The file is left alone, for the reason given."""


class DryRunRollback(Exception):
    """Raised inside the file's transaction to undo a dry run."""


def find_legacy_files(path):
    """The importable files at ``path``: the file itself, or every .txt/.html/.htm
    file under a directory, in a stable order."""
    path = Path(path)
    if path.is_dir():
        return sorted(
            candidate
            for candidate in path.rglob("*")
            if candidate.is_file() and candidate.suffix.lower() in LEGACY_SUFFIXES
        )
    return [path]


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


def import_file(path, **options):
    return LegacyImporter(**options).import_file(path)


class LegacyImporter:
    def __init__(self, *, dry_run=False, force=False, max_bytes=DEFAULT_MAX_BYTES):
        self.dry_run = dry_run
        self.force = force
        self.max_bytes = max_bytes
        self.files_by_source = {}
        self.forget_lookups()

    def forget_lookups(self):
        """Lookups are kept from file to file to save queries, and forgotten
        whenever a file's transaction is rolled back: they may name objects
        that no longer exist."""
        self.offices_by_name = {}
        self.contacts_by_key = {}
        self.programmes_by_key = None
        self.sources_of_this_file = {}

    def import_file(self, path):
        # Translated fields (modeltranslation) read and write the active
        # language's columns: an import writes and matches the English ones.
        with translation.override(settings.LANGUAGE_CODE):
            return self._import_file(Path(path))

    def _import_file(self, path):
        result = FileResult(source=str(path))
        try:
            page = parse_page(self.read(path), filename=path.name)
            result.kind = page.kind
            with transaction.atomic():
                self.apply_page(page, path, result)
                if self.dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        except (LegacyParseError, OSError) as error:
            result.status, result.error, result.objects = "failed", str(error), []
        except Skip as error:
            result.status, result.error, result.objects = "skipped", str(error), []
        except Exception as error:  # one bad file must not stop the others
            logger.exception("Importing %s failed", path)
            message = f"{type(error).__name__}: {error}".splitlines()[0]
            result.status, result.error, result.objects = "failed", message, []
        if self.dry_run or result.status in ("failed", "skipped"):
            self.forget_lookups()
        else:
            self.files_by_source.update(self.sources_of_this_file)
            self.sources_of_this_file = {}
        return result

    def read(self, path):
        if not path.is_file():
            raise LegacyParseError(f"not a file: {path}")
        size = path.stat().st_size
        if size > self.max_bytes:
            raise LegacyParseError(
                f"file is {size:,} bytes, over the {self.max_bytes:,}-byte limit"
            )
        return path.read_bytes()

    # -- pages -------------------------------------------------------------

    def apply_page(self, page: LegacyPage, path: Path, result: FileResult):
        if page.kind == "office":
            statuses = [self.import_office(page.office, path, result)]
        else:
            sources = statement_sources(path, page.articles)
            statuses = [
                self.import_article(item, item.source or sources[number], path, result)
                for number, item in enumerate(page.articles)
            ]
        for status in ("created", "updated"):
            if status in statuses:
                result.status = status
                break
        else:
            result.status = ImportStatus.UNCHANGED

    def import_article(self, item: LegacyArticle, source, path, result):
        first_file = self.files_by_source.get(source)
        if first_file and first_file != path:
            raise Skip(f"the same old page ({source}) as {first_file}, imported above")
        self.sources_of_this_file[source] = path
        contacts = [self.import_contact(contact) for contact in item.contacts]
        contacts = list(dict.fromkeys(contact for contact in contacts if contact))
        offices = list(dict.fromkeys(c.office for c in contacts if c.office_id))
        published_at = item.published_at
        if published_at is not None and timezone.is_naive(published_at):
            published_at = timezone.make_aware(published_at)
        wanted = {
            "title": Truncator(item.title).chars(300),
            "kind": item.kind,
            "status": Article.Status.PUBLISHED,
            "published_at": published_at,
            "date_source": item.date_source,
            "dateline": item.dateline[:100],
            "summary": item.summary,
            "body": clean_html(item.body_html),
            "language": item.language,
            "countries": list(item.countries),
            "programmes": [p.pk for p in self.find_programmes(item.programmes)],
            "contacts": [contact.pk for contact in contacts],
            "offices": [office.pk for office in offices],
        }
        article = with_value(Article.objects, source=source).first()
        if article is None:
            article = Article(source=source, slug=self.article_slug(source, item))
        status = self.write(article, wanted, path)
        self.keep_old_address(article, source)
        self.report(result, article, article.title)
        for contact in contacts:
            self.report(result, contact, contact.name)
        return status

    def import_office(self, item: LegacyOffice, path, result):
        source = item.source or path.name
        office = (
            with_value(Office.objects, source=source).first()
            or Office.objects.filter(name__iexact=item.name).first()
        )
        is_regional = normalise_place(strip_iom(item.name)) in REGIONAL_PLACES
        wanted = {
            "name": item.name[:200],
            "kind": Office.Kind.REGIONAL if is_regional else Office.Kind.COUNTRY,
            "country": item.country,
            "city": item.city[:100],
            "street_address": item.address,
            "phones": ", ".join(item.phones)[:255],
            "email": item.email,
            "website": item.website,
            "facebook": item.facebook,
            "x_account": item.twitter,
            "introduction": item.introduction,
            "migration_context": clean_html(item.migration_context_html),
            "figures": [
                [f.label, f.value, f.unit, f.year, f.source_name, f.source_url]
                for f in item.figures
            ],
        }
        if office is None:
            office = Office(source=source, slug=free_slug(Office, item.name))
            if not is_regional:
                office.parent = self.regional_office(create=False)
        status = self.write(office, wanted, path)
        if is_regional:
            adopt_country_offices(office)
        self.report(result, office, office.name)
        for area in item.areas:
            programme = self.programme_for_area(area.name, area.body_html)
            programme.offices.add(office)
            self.report(result, programme, programme.title)
        for legacy_contact in item.contacts:
            contact = self.import_contact(legacy_contact, default_office=office)
            if contact:
                self.report(result, contact, contact.name)
        return status

    # -- the three-way merge ------------------------------------------------

    def write(self, obj, wanted, path):
        """Bring ``obj`` to ``wanted``, keeping fields staff edited since the
        last import; returns the object's import status."""
        wanted_json = to_json(wanted)
        if obj.pk is None:
            assign(obj, wanted)
            obj.save()
            assign_relations(obj, wanted, created=True)
            LegacyRecord.objects.create(
                model=obj._meta.label_lower,
                object_pk=obj.pk,
                values=wanted_json,
                source_file=path.name,
            )
            return ImportStatus.CREATED

        current = current_values(obj, wanted)
        record = LegacyRecord.objects.filter(
            model=obj._meta.label_lower, object_pk=obj.pk
        ).first()
        imported = record.values if record else assumed_imported(current, wanted_json)
        page_changed = [n for n in wanted_json if wanted_json[n] != imported.get(n)]
        staff_edited = [n for n in page_changed if current[n] != imported.get(n)]
        if staff_edited and not self.force:
            raise Skip(
                f"{obj._meta.verbose_name} “{obj}” was edited on the site since "
                f"the last import ({', '.join(staff_edited)}): kept; "
                "use --force to overwrite"
            )
        names = page_changed
        if self.force:
            names = [n for n in wanted_json if current[n] != wanted_json[n]]
        if record is None or record.values != wanted_json:
            self.remember(obj, wanted_json, path)
        if not names:
            return ImportStatus.UNCHANGED
        changes = {name: wanted[name] for name in names}
        assign(obj, changes)
        obj.save()
        assign_relations(obj, changes)
        return ImportStatus.UPDATED

    def remember(self, obj, values, path):
        LegacyRecord.objects.update_or_create(
            model=obj._meta.label_lower,
            object_pk=obj.pk,
            defaults={"values": values, "source_file": path.name},
        )

    # -- related objects ----------------------------------------------------

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

    def article_slug(self, source, item):
        old_slug = source.rstrip("/").rsplit("/", 1)[-1] if "/" in source else ""
        return free_slug(Article, old_slug or Truncator(item.title).words(10, ""))

    def keep_old_address(self, article, source):
        """Answer the old address with a permanent redirect to the new page."""
        if not source.startswith("/"):
            return
        new_path = article.get_absolute_url()
        old_path = source.rstrip("/")
        if old_path + "/" == new_path:
            return  # the old address is the new one, APPEND_SLASH included
        site = Site.objects.get_current()
        for path in (old_path, old_path + "/"):
            Redirect.objects.update_or_create(
                site=site, old_path=path, defaults={"new_path": new_path}
            )

    def report(self, result, obj, title):
        entry = {
            "model": obj._meta.label_lower,
            "pk": None if self.dry_run else obj.pk,
            "title": str(title),
            "url": None if self.dry_run else obj.get_absolute_url(),
        }
        if entry not in result.objects:
            result.objects.append(entry)


def adopt_country_offices(regional):
    """Country offices without a parent belong to the regional office."""
    Office.objects.filter(kind=Office.Kind.COUNTRY, parent=None).update(parent=regional)


def statement_sources(path, items):
    """Items without an address of their own are named after the file and
    their date, so a re-import finds them again."""
    sources, seen = [], set()
    for number, item in enumerate(items, start=1):
        anchor = item.published_at.date().isoformat() if item.published_at else ""
        source = f"{path.name}#{anchor or number}"
        if source in seen:
            source = f"{source}-{number}"
        seen.add(source)
        sources.append(source)
    return sources


def assumed_imported(current, wanted):
    """For an object the import did not make (staff made it, or it was created
    as a contact's office): blank fields count as untouched, filled ones that
    the page would change as staff's work."""
    return {
        name: value if value in ("", None, []) or value == wanted[name] else EDITED
        for name, value in current.items()
    }


EDITED = object()


def with_value(manager, **field_value):
    """Filter on a field whose unique index is partial (``WHERE NOT field = ''``):
    spelling the condition out lets SQLite use that index instead of a scan."""
    ((name, value),) = field_value.items()
    # Unique, so any order will do: the model's own would only cost compiling.
    return manager.filter(**{name: value}).exclude(**{name: ""}).order_by("pk")


def free_slug(model, text):
    """``text`` as a slug no other object has: "title", else "title-2", …"""
    base = (slugify(text) or "item")[:190].strip("-")
    # Never a word of the app's own addresses ("feed"): iomsite.slugs.
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


def assign(obj, values):
    for name, value in values.items():
        if name not in RELATIONS and name != "figures":
            setattr(obj, name, value)


def assign_relations(obj, values, *, created=False):
    for name in RELATIONS:
        if name in values:
            if created:
                add_new_relations(obj, name, values[name])
            else:
                getattr(obj, name).set(values[name])
    if "figures" in values:
        if not created:
            obj.figures.all().delete()
        KeyFigure.objects.bulk_create(
            KeyFigure(
                office=obj,
                label=label,
                value=value,
                unit=unit,
                year=year,
                source_name=source_name,
                source_url=source_url,
                order=order,
            )
            for order, (label, value, unit, year, source_name, source_url) in (
                enumerate(values["figures"])
            )
        )


def add_new_relations(obj, name, target_pks):
    """The rows of a new object's many-to-many relation, written in one insert.
    ``.add()`` would first look for rows a new object cannot have yet; the
    object's own save has already told the page cache that content changed."""
    field = obj._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.bulk_create(
        through(**{f"{source}_id": obj.pk, f"{target}_id": pk})
        for pk in dict.fromkeys(target_pks)
    )


def current_values(obj, wanted):
    values = {}
    for name in wanted:
        if name == "figures":
            values[name] = [
                [f.label, f.value, f.unit, f.year, f.source_name, f.source_url]
                for f in obj.figures.all()
            ]
        elif name in RELATIONS:
            values[name] = list(getattr(obj, name).values_list("pk", flat=True))
        else:
            values[name] = getattr(obj, name)
    return to_json(values)


def to_json(values):
    """Field values in the form they are remembered and compared in."""
    converted = {}
    for name, value in values.items():
        if isinstance(value, datetime.datetime):
            value = value.astimezone(datetime.UTC).isoformat()
        elif name == "countries":
            value = sorted(str(code) for code in value)
        elif name in RELATIONS:
            value = sorted(value)
        converted[name] = value
    return converted
