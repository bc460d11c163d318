"""Offices and contacts in the site search."""

from django.utils.translation import gettext_lazy as _

from iomsite.search.types import BOTH, ResultType, translated_texts

from .models import Contact, Office

OFFICES = ResultType(
    slug="offices",
    label=_("Offices"),
    label_plural=_("offices"),
    model=Office,
    title_field="name",
    weighted_fields=(
        ("name", "city"),
        ("introduction",),
        ("migration_context", "street_address"),
    ),
    snippet_fields=("introduction", "migration_context"),
    html_fields=("migration_context",),
    # The city and street address have no translation: the English document
    # holds them.
    languages=(
        BOTH,
        *translated_texts(("name",), ("introduction",), ("migration_context",)),
    ),
)

CONTACTS = ResultType(
    slug="contacts",
    label=_("Contacts"),
    label_plural=_("contacts"),
    model=Contact,
    title_field="name",
    weighted_fields=(("name",), ("role",), ("languages",)),
    select_related=("office",),
)
