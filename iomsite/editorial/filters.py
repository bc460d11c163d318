"""Changelist filters that the "Needs attention" page (``iomsite.dashboard``)
links to: each count there is made with the filter's own ``queryset()``, so the
changelist it links to shows exactly the rows counted."""

from datetime import timedelta

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Trim
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..content.problems import CHECKS

STALE_DRAFT_DAYS = 30


class ContentCheckFilter(admin.SimpleListFilter):
    """By the content checks the stored bodies fail (``content_problems``)."""

    title = _("content checks")
    parameter_name = "content_check"

    def lookups(self, request, model_admin):
        return [("any", _("Fails any check")), *CHECKS.items(), ("none", _("Passes"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            return queryset.exclude(content_problems="")
        if value == "none":
            return queryset.filter(content_problems="")
        if value in CHECKS:
            return queryset.filter(content_problems__contains=value)
        return queryset


def missing_alt_filter(image, alt, decorative):
    """A filter of images without alt text that are not marked decorative."""

    class MissingAltFilter(admin.SimpleListFilter):
        title = _("alt text")
        parameter_name = "alt"

        def lookups(self, request, model_admin):
            return [("missing", _("Image without alt text"))]

        def queryset(self, request, queryset):
            if self.value() != "missing":
                return queryset
            return (
                queryset.exclude(**{image: ""})
                .annotate(alt_trimmed=Trim(alt))
                .filter(Q(alt_trimmed="") | Q(alt_trimmed=None), **{decorative: False})
            )

    return MissingAltFilter


def missing_spanish(fields):
    """Q of the rows where a text of ``fields`` is written in English and not
    in Spanish (modeltranslation's ``<field>_en`` and ``<field>_es``)."""
    condition = Q()
    for name in fields:
        english = ~Q(**{f"{name}_en": ""}) & Q(**{f"{name}_en__isnull": False})
        spanish = Q(**{f"{name}_es": ""}) | Q(**{f"{name}_es__isnull": True})
        condition |= english & spanish
    return condition


def spanish_texts_filter(fields):
    """A filter of the rows whose Spanish texts of ``fields`` are complete or
    not (a text is complete when the English one is empty too)."""

    class SpanishTextsFilter(admin.SimpleListFilter):
        title = _("Spanish version")
        parameter_name = "spanish"

        def lookups(self, request, model_admin):
            return [("missing", _("Spanish texts missing")), ("done", _("Translated"))]

        def queryset(self, request, queryset):
            if self.value() == "missing":
                return queryset.filter(missing_spanish(fields))
            if self.value() == "done":
                return queryset.exclude(missing_spanish(fields))
            return queryset

    return SpanishTextsFilter


class TranslationFilter(admin.SimpleListFilter):
    """Published articles with or without a published translation: what a
    visitor switching language finds."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            ("missing", _("Published, not translated")),
            ("done", _("Published and translated")),
        ]

    def queryset(self, request, queryset):
        if self.value() not in ("missing", "done"):
            return queryset
        now = timezone.now()
        published = queryset.model.objects.published(now)
        translated = Exists(
            published.filter(translation_of=OuterRef("pk")).exclude(
                language=OuterRef("language")
            )
        ) | Exists(
            published.filter(pk=OuterRef("translation_of")).exclude(
                language=OuterRef("language")
            )
        )
        queryset = queryset.published(now)
        if self.value() == "done":
            return queryset.filter(translated)
        return queryset.exclude(translated)


class StaleDraftFilter(admin.SimpleListFilter):
    title = _("draft age")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [
            (
                "yes",
                _("Drafts unchanged for %(days)d days") % {"days": STALE_DRAFT_DAYS},
            )
        ]

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        cutoff = timezone.now() - timedelta(days=STALE_DRAFT_DAYS)
        return queryset.filter(status=queryset.model.Status.DRAFT, updated__lt=cutoff)


class RelatedOnlyFilter(admin.RelatedOnlyFieldListFilter):
    """The related objects in use, without the admin's choice of "none",
    which shows as a bare "-" among names."""

    @property
    def include_empty_choice(self):
        return False

    def has_output(self):
        # The changelist applies only the filters it shows: show one choice.
        return bool(self.lookup_choices)
