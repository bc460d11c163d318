from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from iomsite.editorial.base import EditorialAdmin
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
from iomsite.editorial.review import ContentCheckAdmin

from .models import Programme

TRANSLATED_FIELDS = ["title", "summary", "body", "image_alt"]
TEXTS_FILTER = translated_texts_filter(["title", "summary", "body"])


@admin.register(Programme)
class ProgrammeAdmin(ReviewAdminMixin, ContentCheckAdmin, EditorialAdmin):
    form = EnglishFieldsForm
    list_display = ["title", "order", "is_published", "thumbnail"]
    list_editable = ["order"]
    list_filter = [
        "is_published",
        ("offices", RelatedOnlyFilter),
        TEXTS_FILTER,
        # The English alt text is the one shown when the Spanish is empty.
        missing_alt_filter("image", "image_alt_en", "image_decorative"),
        ContentCheckFilter,
        ReviewDueFilter,
    ]
    # Both languages' columns: "title" would mean the admin language's only.
    search_fields = ["title_en", "title_es", "title_pt", "summary_en", "summary_es"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["offices", "focal_points"]
    readonly_fields = ["image_preview", "created", "updated"]
    actions = ["publish", "unpublish", "mark_reviewed"]
    rich_text_fields = ["body", "body_es", "body_pt"]
    publication_fields = ["is_published"]
    hidden_values = {"is_published": False}
    publish_refused_message = _(
        "Only publishers can publish or unpublish a programme. Save it unpublished "
        "and ask a publisher."
    )
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "summary", "body", "order", "is_published"]},
        ),
        (
            _("Image"),
            {"fields": ["image_preview", "image", "image_alt", "image_decorative"]},
        ),
        TRANSLATIONS,
        (_("Where and who"), {"fields": ["offices", "focal_points"]}),
        ReviewAdminMixin.review_fieldset(),
        (_("History"), {"classes": ["collapse"], "fields": ["created", "updated"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return translated_fieldsets(
            fieldsets, ["title", "summary", "body", "image_alt"]
        )

    def is_public(self, values):
        return values["is_published"]

    def protecting_articles(self, programme):
        return programme.articles.all()

    @admin.display(description=_("image"))
    def thumbnail(self, programme):
        if not programme.image:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="80" loading="lazy">',
            programme.image.url,
            programme.image_alt_text,
        )

    @admin.action(description=_("Publish the selected programmes"))
    def publish(self, request, queryset):
        if self.refuse_unless_publisher(request):
            return
        queryset = queryset.filter(is_published=True) | self.without_failing(
            request, queryset.filter(is_published=False)
        )
        # Counted like update() did: every selected programme is published now.
        count = queryset.count()
        self.save_each(
            request,
            queryset.filter(is_published=False),
            gettext("Published with the “publish” action."),
            is_published=True,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d programme was published.",
                "%(count)d programmes were published.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected programmes"))
    def unpublish(self, request, queryset):
        if self.refuse_unless_publisher(request):
            return
        count = queryset.count()
        self.save_each(
            request,
            queryset.filter(is_published=True),
            gettext("Unpublished with the “unpublish” action."),
            is_published=False,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d programme was unpublished.",
                "%(count)d programmes were unpublished.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
