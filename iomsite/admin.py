"""The redirects of old addresses, with retiring an address made plain: a
redirect with no new path answers 410 Gone (iomsite/redirects.py)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.redirects.admin import RedirectAdmin as BaseRedirectAdmin
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .publishing.cache import bump_content_version


class RedirectForm(forms.ModelForm):
    # The site has one Site: a redirect belongs to it without asking.
    class Meta:
        model = Redirect
        fields = ["old_path", "new_path"]
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.site_id is None:
            self.instance.site = Site.objects.get_current()

    def clean_old_path(self):
        # The (site, old path) pair is unique; without "site" in the form the
        # model's own check does not run.
        old_path = self.cleaned_data["old_path"]
        taken = Redirect.objects.filter(
            site_id=self.instance.site_id, old_path=old_path
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This old address has a redirect already: change that one.")
            )
        return old_path


def describe(redirect):
    """A redirect as staff read it (its ``__str__`` is “old ---> new”)."""
    if not redirect.new_path:
        return _("%(old)s (gone, 410)") % {"old": redirect.old_path}
    return f"{redirect.old_path} → {redirect.new_path}"


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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        request.saved_redirect = obj

    def message_user(self, request, message, *args, **kwargs):
        # The admin's "was added/changed" message names the redirect by its
        # __str__: name it readably instead.
        saved = getattr(request, "saved_redirect", None)
        if saved is not None:
            message = mark_safe(
                str(message).replace(
                    conditional_escape(str(saved).strip()),
                    conditional_escape(describe(saved)),
                )
            )
        super().message_user(request, message, *args, **kwargs)

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
