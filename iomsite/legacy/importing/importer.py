"""Writes parsed legacy pages into the site's models, one file in one
transaction."""

import logging
from pathlib import Path

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.text import Truncator

from articles.models import Article
from contacts.models import Office
from iomsite.content.problems import legacy_hosts
from iomsite.content.sanitize import clean_html
from iomsite.content.text import without_controls

from ..chrome import LearntChrome, learn_chrome
from ..findings import page_warnings
from ..parsing import (
    LegacyArticle,
    LegacyOffice,
    LegacyPage,
    LegacyParseError,
)
from ..paths import folder_of, outside_reason
from ..reading import ParserCrashed, read_page, read_pages
from ..report import FileResult, ImportStatus
from .areas import OfficeAreas
from .images import BodyImages
from .links import BodyLinks
from .lookups import (
    REGIONAL_PLACES,
    SiteLookups,
    WaitingContacts,
    adopt_country_offices,
    free_slug,
    normalise_place,
    strip_iom,
)
from .merge import Skip, with_value, write
from .suggestions import remember_suggestions, report_suggestions

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
LANGUAGE_NAMES = {"pt": "Portuguese", "fr": "French"}
LEGACY_SUFFIXES = {".txt", ".html", ".htm"}


class DryRunRollback(Exception):
    """Raised inside the file's transaction to undo a dry run."""


def find_legacy_files(path, refused=None):
    """The importable files at ``path``: the file itself, or every .txt/.html/.htm
    file under a directory, in a stable order. A file whose links lead out of
    the directory is left out, and added to ``refused`` with the reason."""
    path = Path(path)
    if path.is_dir():
        folder = folder_of(path)
        found = []
        for candidate in sorted(path.rglob("*")):
            if candidate.suffix.lower() not in LEGACY_SUFFIXES:
                continue
            reason = outside_reason(candidate, folder)
            if reason:
                if refused is not None:
                    refused.append((candidate, reason))
            elif candidate.is_file():
                found.append(candidate)
        return found
    return [path]


def import_file(path, **options):
    return LegacyImporter(**options).import_file(path)


class LegacyImporter:
    def __init__(
        self,
        *,
        dry_run=False,
        force=False,
        max_bytes=DEFAULT_MAX_BYTES,
        parser_processes=None,
        status=Article.Status.PUBLISHED,
        contacts_public=False,
        learn=True,
        folders=(),
    ):
        """``parser_processes``: how many processes parse the files of a run
        beside this one (by default one for a long run, when there is a core
        for it; 0 parses them here). ``status``: what imported articles become
        (a page in a language the site does not have stays a draft).
        ``contacts_public``: whether new contacts are public, else hidden until
        staff review them. ``learn``: count the run's lines first, to learn its
        chrome. ``folders``: those the run was given; a page's images are read
        from its own one alone (``iomsite.legacy.paths``)."""
        self.dry_run = dry_run
        self.status = status
        self.contacts_public = contacts_public
        self.learn = learn
        self.chrome = LearntChrome()
        self.parser_processes = parser_processes
        self.force = force
        self.max_bytes = max_bytes
        self.files_by_source = {}
        self.waiting = WaitingContacts()
        self.forget_lookups()
        self.images = BodyImages(dry_run=dry_run, hosts=legacy_hosts(), folders=folders)
        self.links = BodyLinks(dry_run=dry_run, hosts=legacy_hosts())

    def import_files(self, paths):
        """Import the files of a run, yielding their results; a file whose links
        wait for a page imported later in the run is reported at its end."""
        paths = list(paths)
        if self.learn:
            self.chrome = learn_chrome(paths, max_bytes=self.max_bytes)
        for path, read in read_pages(
            paths,
            max_bytes=self.max_bytes,
            processes=self.parser_processes,
            chrome=self.chrome.lines,
        ):
            result = self._import_file(path, read)
            if not self.links.is_pending(result):
                yield result
        if not self.dry_run:
            with transaction.atomic():
                self.waiting.finish(self.lookups)
        yield from self.links.finish()

    def forget_lookups(self):
        self.lookups = SiteLookups()
        self.sources_of_this_file = {}

    def import_file(self, path):
        path = Path(path)
        return self._import_file(path, lambda: read_page(path, self.max_bytes))

    def _import_file(self, path, read):
        """Import the page that ``read()`` returns, parsed from ``path``."""
        # Translated fields (modeltranslation) read and write the active
        # language's columns: an import writes and matches the English ones.
        with translation.override(settings.LANGUAGE_CODE):
            result = FileResult(source=str(path))
            try:
                page = read()
                result.kind = page.kind
                result.kind_reason = page.kind_reason
                result.warnings = page_warnings(page)
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
            except ParserCrashed as error:
                logger.error("Parsing %s failed\n%s", path, error.traceback)
                result.status, result.error, result.objects = "failed", str(error), []
            except Exception as error:  # one bad file must not stop the others
                logger.exception("Importing %s failed", path)
                message = f"{type(error).__name__}: {error}".splitlines()[0]
                result.status, result.error, result.objects = "failed", message, []
            if result.status in ("failed", "skipped"):
                self.links.forget(result)
                result.suggestions, result.notes = [], []
            if self.dry_run or result.status in ("failed", "skipped"):
                self.forget_lookups()
            else:
                self.files_by_source.update(self.sources_of_this_file)
                self.sources_of_this_file = {}
            return result

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
        contacts, waiting = self.import_contacts(item.contacts, result)
        offices = list(dict.fromkeys(c.office for c in contacts if c.office_id))
        body = self.images.bring(item.body_html, path, result.warnings)
        body, old_links = self.links.rewrite(body, result.warnings)
        report_suggestions(item, result)
        published_at = item.published_at
        if published_at is not None and timezone.is_naive(published_at):
            published_at = timezone.make_aware(published_at)
        wanted = {
            "title": Truncator(item.title).chars(300),
            "kind": item.kind,
            "status": self.article_status(item, result),
            "published_at": published_at,
            # Published undated only as "date unknown": the publishing rule
            # would otherwise date an old page with the day of the import.
            "date_source": item.date_source
            if published_at is not None
            else Article.DateSource.UNKNOWN,
            "dateline": item.dateline[:100],
            "summary": item.summary,
            "body": clean_html(body),
            "language": item.language,
            "countries": list(item.countries),
            "programmes": [p.pk for p in self.lookups.find_programmes(item.programmes)],
            "contacts": [contact.pk for contact in contacts],
            "offices": [office.pk for office in offices],
        }
        article = with_value(Article.objects, source=source).first()
        if article is None:
            article = Article(source=source, slug=self.article_slug(source, item))
        status = write(article, without_controls_in(wanted), path, force=self.force)
        if status != ImportStatus.UNCHANGED:
            remember_suggestions(
                article,
                item.suggested_countries,
                self.lookups.find_programmes(item.suggested_programmes),
            )
        self.keep_old_address(article, source)
        self.links.imported(article, result, old_links)
        self.report(result, article, article.title)
        for contact in contacts:
            self.report(result, contact, contact.name)
        for office_name, contact in waiting:
            self.waiting.add(office_name, contact, article)
        return status

    def import_office(self, item: LegacyOffice, path, result):
        source = item.source or path.name
        is_regional = normalise_place(strip_iom(item.name)) in REGIONAL_PLACES
        office = (
            with_value(Office.objects, source=source).first()
            or Office.objects.filter(name__iexact=item.name).first()
            or self.lookups.office_of_country(item.country, regional=is_regional)
        )
        name = item.name
        if office is not None and strip_iom(office.name) == strip_iom(item.name):
            name = office.name  # "OIM Bolivia" is the office "IOM Bolivia"
        areas = OfficeAreas(item, self.lookups)
        wanted = {
            "name": name[:200],
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
            "migration_context": areas.migration_context(),
            "figures": [
                [f.label, f.value, f.unit, f.year, f.source_name, f.source_url]
                for f in item.figures
            ],
        }
        if office is None:
            office = Office(source=source, slug=free_slug(Office, item.name))
            if not is_regional:
                office.parent = self.lookups.regional_office()
        status = write(office, without_controls_in(wanted), path, force=self.force)
        if is_regional:
            adopt_country_offices(office)
        self.report(result, office, office.name)
        programmes, texts = areas.write(office, path, result, force=self.force)
        for programme in programmes:
            self.report(result, programme, programme.title)
        if status == ImportStatus.UNCHANGED:
            status = texts
        for contact in self.import_contacts(item.contacts, result, office)[0]:
            self.report(result, contact, contact.name)
        return status

    def import_contacts(self, items, result, default_office=None):
        """The contacts of a page, new ones hidden unless ``contacts_public``,
        and (office name, contact) of those whose office is not on the site."""
        contacts, waiting = [], []
        for item in items:
            contact, unknown = self.lookups.import_contact(
                item, default_office, public=self.contacts_public
            )
            if contact is None:
                continue
            contacts.append(contact)
            if unknown:
                waiting.append((unknown, contact))
            if contact.imported_unreviewed:
                result.notes.append(
                    f"contact shown on its articles only, until reviewed: {contact}"
                )
        unknown = {}
        for office_name, contact in waiting:
            unknown.setdefault(office_name, []).append(contact.name or contact.email)
        result.suggestions += [
            f"office (not created, not on the site): {name}, named by "
            f"{', '.join(dict.fromkeys(people))}"
            for name, people in unknown.items()
        ]
        return list(dict.fromkeys(contacts)), waiting

    def article_status(self, item, result):
        if item.language not in dict(Article.Language.choices):
            result.notes.append(
                f"in {LANGUAGE_NAMES.get(item.language, item.language)}, a language "
                f"the site does not have yet: kept as a draft “{item.title[:60]}”"
            )
            return Article.Status.DRAFT
        return self.status

    # -- the three-way merge ------------------------------------------------

    def article_slug(self, source, item):
        old_slug = source.rstrip("/").rsplit("/", 1)[-1] if "/" in source else ""
        # "/news/" (the old address a title of short words alone gives) is a
        # section of the site, not a page: its word is no slug.
        if site_answers(source.rstrip("/")):
            old_slug = ""
        return free_slug(Article, old_slug or Truncator(item.title).words(10, ""))

    def keep_old_address(self, article, source):
        """Answer the old address with a permanent redirect to the new page."""
        if not source.startswith("/"):
            return
        new_path = article.get_absolute_url()
        old_path = source.rstrip("/")
        if old_path + "/" == new_path:
            return  # the old address is the new one, APPEND_SLASH included
        if site_answers(old_path):
            return  # a page of the site's own ("/news/"): never redirected away
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


def without_controls_in(wanted):
    """``wanted`` with the control characters of its text removed, as the
    models' ``save()`` removes them: what the import remembers is what the
    object holds, so the next import sees no change."""
    return {name: without_controls(value) for name, value in wanted.items()}


def site_answers(old_path):
    """Whether an address of the site's own, one with no slug or other part
    read from the database (a list, a feed, the home page), is ``old_path``
    or the same with a slash."""
    for path in (old_path or "/", old_path + "/"):
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if not match.kwargs:
            return True
    return False


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
