"""The demo site's privacy, terms and accessibility pages, published.

A new database has these pages from the migrations (``pages/migrations/
0002_starter_pages.py``): the accessibility statement published in English
and Spanish, privacy and terms as empty drafts for the office to write. The
demo (``make run``, ``generate_content``) shows what they look like written,
in every language. A page is written here only while it is as the migration
made it (or missing): a page that staff wrote is never touched.
"""

from importlib import import_module

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from contacts.models import Office
from pages.models import Page

from .page_texts import PAGES, WRITE_TO, WRITE_TO_OFFICES


def publish_demo_pages():
    """Write and publish the demo's pages where they are untouched; returns
    the slugs of those written."""
    starters = _starter_texts()
    written = []
    for slug, page_texts in PAGES.items():
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            page = Page(slug=slug)
        elif not _untouched(page, starters.get(slug, {})):
            continue
        page.order = page_texts["order"]
        texts = {
            code: (title, body.format(write_to=_write_to(code)))
            for code, (title, body) in page_texts["texts"].items()
        }
        # The untranslated columns hold the default language's texts.
        with translation.override(settings.LANGUAGE_CODE):
            page.title, page.body = texts[settings.LANGUAGE_CODE]
        for code, (title, body) in texts.items():
            setattr(page, _field("title", code), title)
            setattr(page, _field("body", code), body)
        page.is_published = True
        page.save()
        written.append(slug)
    return written


def _field(name, code):
    return f"{name}_{code.replace('-', '_')}"


def _starter_texts():
    """{slug: {field: text}} of the pages as the migrations made them."""
    starters = import_module("pages.migrations.0002_starter_pages")
    portuguese = import_module("pages.migrations.0004_starter_pages_portuguese")
    return {
        fields["slug"]: {
            **{
                name: value
                for name, value in fields.items()
                if name.startswith(("title_", "body_"))
            },
            **portuguese.PORTUGUESE.get(fields["slug"], {}),
        }
        for fields in starters.PAGES
    }


def _untouched(page, starter):
    """Whether every title and body of ``page`` is empty or the migration's."""
    for code, _name in settings.LANGUAGES:
        for name in ("title", "body"):
            field = _field(name, code)
            value = getattr(page, field, None) or ""
            if value and value != starter.get(field):
                return False
    return True


def _write_to(code):
    """Whom to write to, in language ``code``: the regional office's address,
    or the contacts page when it has none."""
    office = (
        Office.objects.published()
        .filter(kind=Office.Kind.REGIONAL)
        .exclude(email="")
        .order_by("pk")
        .first()
    )
    if office:
        link = format_html('<a href="mailto:{0}">{0}</a>', office.email)
        return WRITE_TO[code].format(address=link)
    with translation.override(code):
        contacts = reverse("contacts:list")
    return WRITE_TO_OFFICES[code].format(contacts=contacts)
