"""The redirects of old addresses, with retiring an address made plain: a
redirect with no new path answers 410 Gone (iomsite/redirects.py)."""

from urllib.parse import urlsplit

from django import forms
from django.contrib import admin, messages
from django.contrib.redirects.admin import RedirectAdmin as BaseRedirectAdmin
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .content.text import without_controls
from .editorial.base import BoundedSearchMixin
from .publishing.cache import bump_content_version

# A chain of redirects longer than this is refused as well as a loop.
MAX_CHAIN = 10


def same_path(one, other):
    return one.rstrip("/") == other.rstrip("/")


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

    def clean_new_path(self):
        new_path = self.cleaned_data["new_path"].strip()
        if not new_path:
            return new_path
        # A path of this site, or an https:// address: never javascript:,
        # data:, nor "//other.host/" or "/\\other.host/", which browsers
        # read as an address of another host.
        is_path = new_path.startswith("/") and new_path[1:2] not in ("/", "\\")
        try:
            address = urlsplit(new_path)
        except ValueError:
            address = None
        is_https = bool(address and address.scheme == "https" and address.hostname)
        if (
            not (is_path or (new_path.startswith("https://") and is_https))
            or any(character.isspace() for character in new_path)
            or "\\" in new_path
            or without_controls(new_path) != new_path
        ):
            raise forms.ValidationError(
                _(
                    "Give a path of this site, starting with one slash (such as "
                    "“/news/new-story/”), or a full address starting with "
                    "“https://”."
                ),
                code="invalid_target",
            )
        return new_path

    def clean(self):
        cleaned = super().clean()
        old_path, new_path = cleaned.get("old_path"), cleaned.get("new_path")
        if old_path and new_path and new_path.startswith("/"):
            self.check_no_loop(self.instance.site, old_path, new_path)
        return cleaned

    def check_no_loop(self, site, old_path, new_path):
        """Follow the redirects from ``new_path``: refuse one that leads back
        to ``old_path`` (A→A, A→B→A) or goes on too long."""
        seen, target = [old_path], new_path
        for _step in range(MAX_CHAIN):
            if any(same_path(target, path) for path in seen):
                raise forms.ValidationError(
                    _(
                        "This redirect would make a loop: %(chain)s. Visitors "
                        "would never reach a page."
                    )
                    % {"chain": " → ".join([*seen, target])},
                    code="redirect_loop",
                )
            following = (
                Redirect.objects.filter(
                    site=site,
                    old_path__in=[target.rstrip("/") or "/", target.rstrip("/") + "/"],
                )
                .exclude(pk=self.instance.pk)
                .exclude(new_path="")
                .values_list("new_path", flat=True)
                .first()
            )
            if following is None or not following.startswith("/"):
                return
            seen.append(target)
            target = following
        raise forms.ValidationError(
            _("This redirect leads through more than %(count)d others.")
            % {"count": MAX_CHAIN},
            code="redirect_chain",
        )


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
class RedirectAdmin(BoundedSearchMixin, BaseRedirectAdmin):
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
