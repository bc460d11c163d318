"""The redirects of old addresses, with retiring an address made plain: a
redirect with no new path answers 410 Gone (iomsite/redirects.py)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.redirects.admin import RedirectAdmin as BaseRedirectAdmin
from django.contrib.redirects.models import Redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .publishing.cache import bump_content_version


class RedirectForm(forms.ModelForm):
    class Meta:
        model = Redirect
        fields = ["site", "old_path", "new_path"]
        help_texts = {
            "old_path": _(
                "The old address, from its first slash, for example "
                "“/en/news/old-story.html”."
            ),
            "new_path": _(
                "Where visitors of the old address go: a path such as "
                "“/news/new-story/” or a full address starting with “https://”. "
                "Leave it empty to mark the old address as gone: visitors then "
                "get a “page removed” page (410 Gone) with a search box, and "
                "search engines forget the address. Either applies only where "
                "no page of the site answers."
            ),
        }


class AnswerFilter(admin.SimpleListFilter):
    title = _("answer")
    parameter_name = "answer"

    def lookups(self, request, model_admin):
        return [("redirect", _("Redirect (301)")), ("gone", _("Gone (410)"))]

    def queryset(self, request, queryset):
        if self.value() == "gone":
            return queryset.filter(new_path="")
        if self.value() == "redirect":
            return queryset.exclude(new_path="")
        return queryset


admin.site.unregister(Redirect)


@admin.register(Redirect)
class RedirectAdmin(BaseRedirectAdmin):
    form = RedirectForm
    list_display = ["old_path", "answer", "is_gone"]
    list_filter = [AnswerFilter, "site"]
    search_fields = ["old_path", "new_path"]
    search_help_text = _("Searches the old and the new addresses.")
    actions = ["mark_gone"]

    @admin.display(description=_("answer"), ordering="new_path")
    def answer(self, redirect):
        return redirect.new_path or _("— gone (410) —")

    @admin.display(description=_("gone"), boolean=True, ordering="new_path")
    def is_gone(self, redirect):
        return not redirect.new_path

    @admin.action(
        description=_("Mark the selected old addresses as gone (410)"),
        permissions=["change"],
    )
    def mark_gone(self, request, queryset):
        count = queryset.exclude(new_path="").update(new_path="")
        # update() sends no signal: the cached pages are made stale here.
        bump_content_version()
        self.message_user(
            request,
            ngettext(
                "%(count)d old address now answers “gone” (410).",
                "%(count)d old addresses now answer “gone” (410).",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
