"""The admin side of freshness (``iomsite.content.freshness``): who checked
an item last and when, an action to record a review, and a filter of what is
overdue or due soon, which the "Needs attention" page links to."""

from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion import set_comment

REVIEW_FIELDS = ["review_interval", "reviewed_at", "reviewed_by", "review_due"]


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review_due"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue or never reviewed")), ("soon", _("Due soon"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "soon":
            return queryset.review_due_soon()
        return queryset


class ReviewAdminMixin:
    """For the admin of a ``Reviewed`` model: add ``review_fieldset()`` to
    its fieldsets, ReviewDueFilter to ``list_filter`` (the dashboard links to
    it) and "mark_reviewed" to ``actions``."""

    review_readonly_fields = ["reviewed_at", "reviewed_by", "review_due"]

    @staticmethod
    def review_fieldset():
        return (_("Review"), {"classes": ["collapse"], "fields": REVIEW_FIELDS})

    def get_readonly_fields(self, request, obj=None):
        return [
            *super().get_readonly_fields(request, obj),
            *self.review_readonly_fields,
        ]

    @admin.action(
        description=_("Mark the selected as reviewed today"), permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        count = 0
        # One by one, so that each review is kept as a revision.
        for obj in queryset:
            obj.mark_reviewed(request.user)
            obj.save()
            count += 1
        if count:
            set_comment(gettext("Marked as reviewed."))
        self.message_user(
            request,
            ngettext(
                "%(count)d item was marked as reviewed.",
                "%(count)d items were marked as reviewed.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
