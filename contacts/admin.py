from django.contrib import admin, messages
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from reversion_compare.admin import CompareVersionAdmin

from iomsite.editorial.base import BoundedSearchMixin, EditorialAdmin
from iomsite.editorial.filters import (
    ContentCheckFilter,
    RelatedOnlyFilter,
    missing_alt_filter,
    translated_texts_filter,
)
from iomsite.editorial.forms import (
    TRANSLATIONS,
    EnglishFieldsForm,
    translated_fieldsets,
)
from iomsite.editorial.freshness import ReviewAdminMixin, ReviewDueFilter
from iomsite.editorial.guard import GuardedInline
from iomsite.editorial.review import ContentCheckAdmin
from programmes.admin import OfficeProgrammeTextInline, OfficeTextsHistoryMixin

from .models import Contact, KeyFigure, Office

CONTACT_PUBLICATION_FIELDS = [
    "is_public",
    "imported_unreviewed",
    "show_email",
    "show_phones",
]
CONTACT_HIDDEN_VALUES = {"is_public": False, "imported_unreviewed": False}
CONTACT_REFUSED_MESSAGE = _(
    "Only publishers can show a contact, their email or their phones on the site, "
    "or hide them. Save the contact hidden and ask a publisher."
)


def contact_is_shown(values):
    """Anywhere on the site: an imported contact not reviewed yet is on the
    articles that named it."""
    return values["is_public"] or values.get("imported_unreviewed", False)


class OfficeNeedsReviewFilter(admin.SimpleListFilter):
    title = _("key figures")
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", _("Some need review")), ("no", _("All complete"))]

    def queryset(self, request, queryset):
        needing_review = KeyFigure.objects.needing_review().filter(
            office=OuterRef("pk")
        )
        if self.value() == "yes":
            return queryset.filter(Exists(needing_review))
        if self.value() == "no":
            return queryset.filter(~Exists(needing_review))
        return queryset


class KeyFigureNeedsReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", _("Needs review")), ("no", _("Complete"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.needing_review()
        if self.value() == "no":
            return queryset.complete()
        return queryset


class KeyFigureInline(admin.TabularInline):
    model = KeyFigure
    extra = 0
    fields = [
        "order",
        "value",
        "unit",
        "label",
        "year",
        "source_name",
        "source_url",
        "needs_review",
    ]
    readonly_fields = ["needs_review"]

    @admin.display(boolean=True, description=_("needs review"))
    def needs_review(self, figure):
        # A blank extra row has nothing to review yet.
        return figure.needs_review if figure.pk else None


class ContactInline(GuardedInline):
    model = Contact
    extra = 0
    fields = ["name", "role", "email", "is_public"]
    show_change_link = True
    publication_fields = CONTACT_PUBLICATION_FIELDS
    hidden_values = CONTACT_HIDDEN_VALUES
    publish_refused_message = CONTACT_REFUSED_MESSAGE

    def is_public(self, values):
        return contact_is_shown(values)


OFFICE_TRANSLATED_FIELDS = ["name", "introduction", "migration_context"]
OFFICE_TEXTS_FILTER = translated_texts_filter(OFFICE_TRANSLATED_FIELDS)


@admin.register(Office)
class OfficeAdmin(
    OfficeTextsHistoryMixin, ReviewAdminMixin, ContentCheckAdmin, EditorialAdmin
):
    form = EnglishFieldsForm
    list_display = [
        "name",
        "kind",
        "country",
        "city",
        "parent",
        "is_public",
        "figures_needing_review",
    ]
    list_filter = [
        "kind",
        ("country", CountryFilter),
        OfficeNeedsReviewFilter,
        "is_public",
        OFFICE_TEXTS_FILTER,
        ContentCheckFilter,
        ReviewDueFilter,
    ]
    list_select_related = ["parent"]
    # Explicit: the annotation below groups rows, and grouped queries drop
    # Meta.ordering (the autocomplete view would paginate an unordered list).
    ordering = ["kind", "name_en"]
    # Every language's names: "name" would mean the admin language's only.
    search_fields = ["name_en", "name_es", "name_pt", "city", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    readonly_fields = ["source", "created", "updated"]
    inlines = [KeyFigureInline, ContactInline, OfficeProgrammeTextInline]
    actions = ["mark_reviewed"]
    view_on_site = True
    rich_text_fields = [
        "migration_context",
        "migration_context_es",
        "migration_context_pt",
    ]
    publication_fields = ["is_public"]
    hidden_values = {"is_public": False}
    publish_refused_message = _(
        "Only publishers can show an office on the site or hide it. Save it hidden "
        "and ask a publisher."
    )
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "parent", "is_public"]}),
        (
            _("Address and contact"),
            {
                "fields": [
                    "street_address",
                    "city",
                    "country",
                    "phones",
                    "email",
                    "website",
                    "facebook",
                    "x_account",
                ]
            },
        ),
        (_("Texts"), {"fields": ["introduction", "migration_context"]}),
        TRANSLATIONS,
        ReviewAdminMixin.review_fieldset(),
        (
            _("Legacy source"),
            {"classes": ["collapse"], "fields": ["source", "created", "updated"]},
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return translated_fieldsets(fieldsets, OFFICE_TRANSLATED_FIELDS)

    def get_queryset(self, request):
        # Same condition as KeyFigureQuerySet.needing_review(), across the join.
        needs_review = Q(figures__label="") | Q(
            figures__source_name="", figures__source_url=""
        )
        return (
            super()
            .get_queryset(request)
            .annotate(review_count=Count("figures", filter=needs_review))
        )

    @admin.display(description=_("figures needing review"), ordering="review_count")
    def figures_needing_review(self, office):
        return office.review_count

    def is_public(self, values):
        return values["is_public"]

    def protecting_articles(self, office):
        return office.articles.all()


@admin.register(KeyFigure)
class KeyFigureAdmin(ReviewAdminMixin, BoundedSearchMixin, CompareVersionAdmin):
    list_display = [
        "value",
        "unit",
        "label",
        "year",
        "source_name",
        "office",
        "needs_review",
    ]
    list_filter = [
        KeyFigureNeedsReviewFilter,
        ("office", RelatedOnlyFilter),
        ReviewDueFilter,
    ]
    actions = ["mark_reviewed"]
    list_select_related = ["office"]
    search_fields = ["label", "value", "source_name", "office__name"]
    autocomplete_fields = ["office"]

    @admin.display(boolean=True, description=_("needs review"))
    def needs_review(self, figure):
        return figure.needs_review


@admin.register(Contact)
class ContactAdmin(ReviewAdminMixin, EditorialAdmin):
    list_display = [
        "name",
        "role",
        "office",
        "email",
        "is_public",
        "is_media_contact",
        "thumbnail",
    ]
    list_filter = [
        ("office", RelatedOnlyFilter),
        "is_public",
        "imported_unreviewed",
        "is_media_contact",
        ("office__country", CountryFilter),
        ("programmes", RelatedOnlyFilter),
        missing_alt_filter("photo", "photo_alt", "photo_decorative"),
        ReviewDueFilter,
    ]
    list_select_related = ["office"]
    search_fields = ["name", "email", "role", "office__name"]
    autocomplete_fields = ["office"]
    readonly_fields = ["image_preview", "created", "updated"]
    preview_field = "photo"
    actions = ["make_public", "make_hidden", "mark_reviewed"]
    publication_fields = CONTACT_PUBLICATION_FIELDS
    hidden_values = CONTACT_HIDDEN_VALUES
    publish_refused_message = CONTACT_REFUSED_MESSAGE
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "role",
                    "office",
                    "is_public",
                    "imported_unreviewed",
                    "is_media_contact",
                ]
            },
        ),
        (
            _("Contact details"),
            {
                "fields": [
                    "phone",
                    "extension",
                    "mobile",
                    "email",
                    "languages",
                    "show_phones",
                    "show_email",
                ]
            },
        ),
        (
            _("Photo"),
            {"fields": ["image_preview", "photo", "photo_alt", "photo_decorative"]},
        ),
        ReviewAdminMixin.review_fieldset(),
        (_("History"), {"classes": ["collapse"], "fields": ["created", "updated"]}),
    ]

    def is_public(self, values):
        return contact_is_shown(values)

    @admin.display(description=_("photo"))
    def thumbnail(self, contact):
        if not contact.photo:
            return ""
        # No height: the Content-Security-Policy forbids the style attribute
        # that would crop it, and a fixed height would squash the photo.
        return format_html(
            '<img src="{}" alt="{}" width="48" loading="lazy">',
            contact.photo.url,
            contact.photo_alt_text,
        )

    @admin.action(description=_("Show the selected contacts on the site"))
    def make_public(self, request, queryset):
        if self.refuse_unless_publisher(request):
            return
        # Counted like update() did: every selected contact is public now.
        count = queryset.count()
        self.save_each(
            request,
            queryset.filter(Q(is_public=False) | Q(imported_unreviewed=True)),
            gettext("Shown with the “show on the site” action."),
            is_public=True,
            imported_unreviewed=False,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d contact is now public.",
                "%(count)d contacts are now public.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Hide the selected contacts from the site"))
    def make_hidden(self, request, queryset):
        if self.refuse_unless_publisher(request):
            return
        count = queryset.count()
        self.save_each(
            request,
            queryset.filter(Q(is_public=True) | Q(imported_unreviewed=True)),
            gettext("Hidden with the “hide from the site” action."),
            is_public=False,
            imported_unreviewed=False,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d contact is now hidden.",
                "%(count)d contacts are now hidden.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
