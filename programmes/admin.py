from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "order", "is_published", "thumbnail"]
    list_editable = ["order"]
    list_filter = ["is_published", ("offices", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["offices", "focal_points"]
    readonly_fields = ["created", "updated"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "summary", "body", "order", "is_published"]},
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Where and who"), {"fields": ["offices", "focal_points"]}),
        (_("History"), {"classes": ["collapse"], "fields": ["created", "updated"]}),
    ]

    @admin.display(description=_("image"))
    def thumbnail(self, programme):
        if not programme.image:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="80">',
            programme.image.url,
            programme.image_alt,
        )

    @admin.action(description=_("Publish the selected programmes"))
    def publish(self, request, queryset):
        count = queryset.update(is_published=True)
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
        count = queryset.update(is_published=False)
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
