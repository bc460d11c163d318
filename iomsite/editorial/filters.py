"""Changelist filters that the "Needs attention" page (``iomsite.dashboard``)
links to: each count there is made with the filter's own ``queryset()``, so the
changelist it links to shows exactly the rows counted."""

from datetime import timedelta

from django.conf import settings
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


def translated_languages():
    """The codes and names of the languages texts are translated into: those
    of settings.LANGUAGES but the default (the English texts)."""
    return [
        (code, name)
        for code, name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


def missing_texts(fields, language):
    """Q of the rows where a text of ``fields`` is written in English and not
    in ``language`` (modeltranslation's ``<field>_en`` and ``<field>_<code>``)."""
    default = settings.LANGUAGE_CODE
    condition = Q()
    for name in fields:
        english = ~Q(**{f"{name}_{default}": ""}) & Q(
            **{f"{name}_{default}__isnull": False}
        )
        translated = Q(**{f"{name}_{language}": ""}) | Q(
            **{f"{name}_{language}__isnull": True}
        )
        condition |= english & translated
    return condition


def translated_texts_filter(fields):
    """A filter of the rows whose texts of ``fields`` in a language are
    complete or not (a text is complete when the English one is empty too):
    ``?texts=missing-pt``, ``?texts=done-es``."""

    class TranslatedTextsFilter(admin.SimpleListFilter):
        title = _("translated texts")
        parameter_name = "texts"

        def lookups(self, request, model_admin):
            choices = []
            for code, name in translated_languages():
                values = {"language": name}
                choices += [
                    (f"missing-{code}", _("%(language)s texts missing") % values),
                    (f"done-{code}", _("Translated into %(language)s") % values),
                ]
            return choices

        def queryset(self, request, queryset):
            state, _sep, code = (self.value() or "").partition("-")
            if code not in dict(translated_languages()):
                return queryset
            if state == "missing":
                return queryset.filter(missing_texts(fields, code))
            if state == "done":
                return queryset.exclude(missing_texts(fields, code))
            return queryset

    return TranslatedTextsFilter


class TranslationFilter(admin.SimpleListFilter):
    """Published articles with or without a published translation (in any
    other language, or in one: ``?translation=missing-pt``): what a visitor
    switching language finds."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = [
            ("missing", _("Published, not translated")),
            ("done", _("Published and translated")),
        ]
        for code, name in settings.LANGUAGES:
            values = {"language": name}
            choices += [
                (f"missing-{code}", _("Published, not in %(language)s") % values),
                (f"done-{code}", _("Published and in %(language)s") % values),
            ]
        return choices

    def queryset(self, request, queryset):
        state, _sep, code = (self.value() or "").partition("-")
        if state not in ("missing", "done"):
            return queryset
        now = timezone.now()
        published = queryset.model.objects.published(now)
        same_group = published.filter(translation_group=OuterRef("translation_group"))
        if not code:
            translated = Exists(same_group.exclude(language=OuterRef("language")))
        elif code in dict(settings.LANGUAGES):
            translated = Exists(same_group.filter(language=code))
            queryset = queryset.exclude(language=code)
        else:
            return queryset
        queryset = queryset.published(now)
        if state == "done":
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
