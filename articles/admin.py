from django.contrib import admin, messages
from django.db.models import Q
from django.db.models.functions import Trim
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter

from .forms import ArticleAdminForm
from .models import Article

UNCERTAIN_DATE_SOURCES = [Article.DateSource.INFERRED, Article.DateSource.UNKNOWN]


class DateFilter(admin.SimpleListFilter):
    title = _("date")
    parameter_name = "dated"

    def lookups(self, request, model_admin):
        return [("yes", _("Dated")), ("no", _("No date"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(published_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(published_at__isnull=True)
        return queryset


class NeedsReviewFilter(admin.SimpleListFilter):
    """What a person should look at before trusting an item, mostly imported
    ones: a published item without a summary, an image without alt text, a date
    that was inferred or is unknown."""

    title = _("needs review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("any", _("For any reason")),
            ("summary", _("Published without a summary")),
            ("alt", _("Image without alt text")),
            ("date", _("Date inferred or unknown")),
        ]

    def queryset(self, request, queryset):
        reasons = {
            "summary": Q(status=Article.Status.PUBLISHED, summary_trimmed=""),
            "alt": ~Q(image="") & Q(image_alt_trimmed=""),
            "date": Q(date_source__in=UNCERTAIN_DATE_SOURCES),
        }
        value = self.value()
        if value not in [*reasons, "any"]:
            return queryset
        queryset = queryset.annotate(
            summary_trimmed=Trim("summary"), image_alt_trimmed=Trim("image_alt")
        )
        if value == "any":
            condition = Q()
            for reason in reasons.values():
                condition |= reason
            return queryset.filter(condition)
        return queryset.filter(reasons[value])


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "kind",
        "status",
        "published_at",
        "language",
        "is_published",
        "thumbnail",
    ]
    list_filter = [
        "status",
        "kind",
        "language",
        DateFilter,
        NeedsReviewFilter,
        ("programmes", admin.RelatedOnlyFieldListFilter),
        ("countries", CountryFilter),
        ("offices", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "summary", "body", "source"]
    search_help_text = _("Searches the title, summary, body and legacy source.")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["programmes", "offices", "contacts"]
    readonly_fields = ["source", "created", "updated"]
    save_on_top = True
    actions = ["publish", "unpublish"]
    fieldsets = [
        (
            _("Content"),
            {"fields": ["title", "slug", "kind", "language", "summary", "body"]},
        ),
        (
            _("Publication"),
            {"fields": ["status", "published_at", "date_source", "dateline"]},
        ),
        (
            _("Image"),
            {"fields": ["image", "image_alt", "image_caption", "image_credit"]},
        ),
        (
            _("Relations"),
            {"fields": ["programmes", "countries", "offices", "contacts"]},
        ),
        (
            _("Legacy source"),
            {
                "classes": ["collapse"],
                "fields": ["source", "created", "updated"],
            },
        ),
    ]

    @admin.display(boolean=True, description=_("public"))
    def is_published(self, obj):
        return obj.is_published

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        if not obj.image:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="80" loading="lazy">',
            obj.image.url,
            obj.image_alt,
        )

    @admin.action(
        description=_("Publish the selected articles"),
        permissions=["change"],
    )
    def publish(self, request, queryset):
        # An item written here with no date is dated now; an imported or
        # undated item keeps its missing date rather than get an invented one.
        dated = (
            queryset.filter(
                published_at__isnull=True,
                date_source=Article.DateSource.STATED,
                source="",
            )
            .exclude(status=Article.Status.PUBLISHED)
            .update(published_at=timezone.now())
        )
        published = queryset.exclude(status=Article.Status.PUBLISHED).update(
            status=Article.Status.PUBLISHED
        )
        message = ngettext(
            "%(count)d article was published.",
            "%(count)d articles were published.",
            published,
        ) % {"count": published}
        if dated:
            message += " " + ngettext(
                "%(count)d of them had no date and is dated now.",
                "%(count)d of them had no date and are dated now.",
                dated,
            ) % {"count": dated}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(
        description=_("Unpublish the selected articles (back to draft)"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        count = queryset.exclude(status=Article.Status.DRAFT).update(
            status=Article.Status.DRAFT
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d article was moved back to draft.",
                "%(count)d articles were moved back to draft.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
