"""Programmes in the site search, in English and in their translated texts."""

from django.utils.translation import gettext_lazy as _

from iomsite.search.types import BOTH, ResultType, translated_texts

from .models import Programme

PROGRAMMES = ResultType(
    slug="programmes",
    label=_("Programmes"),
    label_plural=_("programmes"),
    model=Programme,
    weighted_fields=(("title",), ("summary",), ("body",)),
    snippet_fields=("summary", "body"),
    html_fields=("body",),
    languages=(BOTH, *translated_texts(("title",), ("summary",), ("body",))),
)
