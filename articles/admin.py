from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Q
from django.db.models.functions import Trim
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timesince import timeuntil
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from reversion import set_comment

from iomsite.editorial.base import EditorialAdmin
from iomsite.editorial.filters import (
    ContentCheckFilter,
    RelatedOnlyFilter,
    StaleDraftFilter,
    TranslationFilter,
)
from iomsite.editorial.review import ContentCheckAdmin

from .admin_translations import TranslationGroupAdminMixin
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


class VisibilityFilter(admin.SimpleListFilter):
    title = _("visibility")
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Visitors see it")),
            ("scheduled", _("Scheduled")),
            ("expired", _("Past its unpublish date")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "live":
            return queryset.published(now)
        if self.value() == "scheduled":
            return queryset.scheduled(now)
        if self.value() == "expired":
            return queryset.expired(now)
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
            "alt": ~Q(image="") & Q(image_alt_trimmed="", image_decorative=False),
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
class ArticleAdmin(TranslationGroupAdminMixin, ContentCheckAdmin, EditorialAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "kind",
        "status",
        "published_at",
        "goes_live",
        "language",
        "is_published",
        "thumbnail",
    ]
    # No status editing in the list: one mis-click would publish. The actions
    # publish and unpublish, with the publishing rule.
    list_filter = [
        "status",
        VisibilityFilter,
        "kind",
        "language",
        DateFilter,
        NeedsReviewFilter,
        ContentCheckFilter,
        TranslationFilter,
        StaleDraftFilter,
        ("programmes", RelatedOnlyFilter),
        ("countries", CountryFilter),
        ("offices", RelatedOnlyFilter),
    ]
    search_fields = ["title", "summary", "body", "source"]
    search_help_text = _("Searches the title, summary, body and legacy source.")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["programmes", "offices", "contacts"]
    readonly_fields = [
        "translations",
        "publication_state",
        "image_preview",
        "source",
        "created",
        "updated",
    ]
    save_on_top = True
    actions = ["publish", "unpublish"]
    rich_text_fields = ["body"]
    publication_fields = ["status", "published_at", "unpublish_at"]
    hidden_values = {"status": Article.Status.DRAFT}
    publish_refused_message = _(
        "Only publishers can publish, unpublish or schedule an article, or change "
        "the dates of a published one. Save it as a draft and ask a publisher."
    )
    fieldsets = [
        (
            _("Content"),
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "language",
                    "translations",
                    "translation_of",
                    "needs_translation",
                    "summary",
                    "body",
                ]
            },
        ),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "unpublish_at",
                    "publication_state",
                    "date_source",
                    "dateline",
                ]
            },
        ),
        (
            _("Image"),
            {
                "classes": ["collapse"],
                "fields": [
                    "image_preview",
                    "image",
                    "image_alt",
                    "image_decorative",
                    "image_caption",
                    "image_credit",
                ],
            },
        ),
        (
            _("Relations"),
            {
                "classes": ["collapse"],
                "fields": ["programmes", "countries", "offices", "contacts"],
            },
        ),
        (
            _("Correction"),
            {"classes": ["collapse"], "fields": ["correction", "corrected_at"]},
        ),
        (
            _("Legacy source"),
            {
                "classes": ["collapse"],
                "fields": ["source", "created", "updated"],
            },
        ),
    ]

    def is_public(self, values):
        return values["status"] == Article.Status.PUBLISHED

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("published_at", "unpublish_at"):
            field.help_text = " ".join(
                [
                    str(field.help_text),
                    gettext("Times are in the site’s time zone, %(zone)s.")
                    % {"zone": settings.TIME_ZONE},
                ]
            )
        return field

    @admin.display(boolean=True, description=_("public"))
    def is_published(self, obj):
        return obj.is_published

    @admin.display(description=_("goes live"), ordering="published_at")
    def goes_live(self, obj):
        if not obj.is_scheduled:
            return None
        return gettext("in %(time)s") % {"time": timeuntil(obj.published_at)}

    @admin.display(description=_("visibility"))
    def publication_state(self, obj):
        if obj.pk is None or obj.status == Article.Status.DRAFT:
            return gettext("Draft: visitors cannot see it.")
        values = {"zone": settings.TIME_ZONE}
        if obj.is_scheduled:
            values |= {
                "time": timeuntil(obj.published_at),
                "date": date_format(
                    timezone.localtime(obj.published_at), "DATETIME_FORMAT"
                ),
            }
            return (
                gettext("Scheduled: goes live in %(time)s, on %(date)s (%(zone)s).")
                % values
            )
        if obj.unpublish_at is None:
            return gettext("Live: visitors can see it.")
        values["date"] = date_format(
            timezone.localtime(obj.unpublish_at), "DATETIME_FORMAT"
        )
        if obj.is_published:
            values["time"] = timeuntil(obj.unpublish_at)
            return (
                gettext("Live: leaves the site in %(time)s, on %(date)s (%(zone)s).")
                % values
            )
        return (
            gettext("Unpublished on %(date)s (%(zone)s): visitors no longer see it.")
            % values
        )

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        if not obj.image:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="80" loading="lazy">',
            obj.image.url,
            obj.image_alt_text,
        )

    @admin.action(
        description=_("Publish the selected articles"),
        permissions=["change"],
    )
    def publish(self, request, queryset):
        if self.refuse_unless_publisher(request):
            return
        now = timezone.now()
        published = dated = 0
        queryset = self.without_failing(
            request, queryset.exclude(status=Article.Status.PUBLISHED)
        )
        # Saved one by one, not with update(), so that each is kept as a revision
        # and dated by the model's publishing rule (Article.date_publication).
        for article in queryset:
            article.status = Article.Status.PUBLISHED
            dated += article.date_publication(now)
            article.save()
            published += 1
        if published:
            set_comment(gettext("Published with the “publish” action."))
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
        if self.refuse_unless_publisher(request):
            return
        count = self.save_each(
            request,
            queryset.exclude(status=Article.Status.DRAFT),
            gettext("Moved back to draft with the “unpublish” action."),
            status=Article.Status.DRAFT,
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
