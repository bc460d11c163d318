"""The admin in each staff member's language: the one they chose
(``iomsite.models.StaffPreference``), else their browser's.

The public pages take their language from the address (English unprefixed,
the others under /<code>/), so LocaleMiddleware gives every page outside them,
the admin included, the default language; this middleware, after the
authentication one, gives the admin pages their staff member's language.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def chosen_language(user):
    preference = getattr(user, "staff_preference", None)
    language = preference.language if preference is not None else ""
    return language if language in dict(settings.LANGUAGES) else ""


class StaffLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith(f"/{settings.ADMIN_PATH}")
            and user is not None
            and user.is_authenticated
            and user.is_staff
        ):
            language = chosen_language(user) or translation.get_language_from_request(
                request
            )
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class StaffLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("admin language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", _("The browser’s language")),
            *settings.LANGUAGES,
        ]


def staff_language(request, preference_model, admin_site):
    """The page where a staff member chooses the admin's language."""
    preference, _created = preference_model.objects.get_or_create(user=request.user)
    form = StaffLanguageForm(
        request.POST or None, initial={"language": preference.language}
    )
    if request.method == "POST" and form.is_valid():
        preference.language = form.cleaned_data["language"]
        preference.save()
        language = preference.language or translation.get_language_from_request(request)
        translation.activate(language)
        messages.success(request, gettext("Your admin language is saved."))
        return redirect("staff-language")
    context = {
        **admin_site.each_context(request),
        "title": gettext("Your admin language"),
        "form": form,
    }
    return TemplateResponse(request, "admin/staff_language.html", context)
