"""The content checks (``iomsite.content.problems``) in the admin.

``ContentCheckAdmin`` is mixed into the admins of articles, programmes and
offices (before ``EditorialAdmin``):

- the change page lists the problems of the object's bodies at the top;
- every save warns about them with a message;
- a publisher whose save makes the object public, or keeps it public, while a
  check fails gets the form back with the problems and a "publish anyway"
  box, everything typed kept; ticking it and saving again publishes;
- editors cannot publish (``iomsite.editorial.guard``): they only get the warnings;
- in the changelist's bulk edit, such a save is refused with an error on the
  row (open the object to publish anyway); the publish actions skip failing
  objects and name them in a warning.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..content.problems import object_problems
from ..content.sanitize import clean_html
from .guard import PublicationGuardMixin

CONFIRM_FIELD = "publish_anyway"


def current_problems(obj):
    """The problems of ``obj``'s bodies as its ``save()`` will store them
    (cleaned first), as [(field verbose name, problem)]."""
    cleaned = {
        name: clean_html(getattr(obj, name) or "") for name, _l in obj.checked_bodies
    }
    found = []
    for name, problem in object_problems(_Bodies(obj, cleaned)):
        found.append((obj._meta.get_field(name).verbose_name, problem))
    return found


class _Bodies:
    """``obj`` as far as the checks read it, with its bodies cleaned."""

    def __init__(self, obj, cleaned):
        self.checked_bodies = obj.checked_bodies
        self.__dict__.update(cleaned)


def problems_html(problems):
    return format_html(
        "<p>{}</p><ul>{}</ul>",
        gettext("The content checks found problems:"),
        format_html_join(
            "",
            "<li>{}: {}</li>",
            ((str(label).capitalize(), problem.message) for label, problem in problems),
        ),
    )


class ContentCheckForm:
    """Mixed into the admin's form by ``ContentCheckAdmin.checked_form``."""

    model_admin = None
    request = None
    content_problems = ()
    confirmation_asked = False

    def _post_clean(self):
        super()._post_clean()
        self.content_problems = current_problems(self.instance)
        if not self.content_problems or not self.model_admin.has_publish_permission(
            self.request
        ):
            return
        values = self.model_admin.publication_values(self.instance)
        if not self.model_admin.is_public(values):
            return
        if CONFIRM_FIELD not in self.fields:
            self.add_error(
                None,
                gettext(
                    "“%(object)s” fails the content checks: open it to see why, "
                    "and to publish it anyway."
                )
                % {"object": self.instance},
            )
        elif not self.cleaned_data.get(CONFIRM_FIELD):
            self.confirmation_asked = True
            self.add_error(
                CONFIRM_FIELD,
                gettext(
                    "This is public once saved, and fails the content checks above. "
                    "Correct it, or tick “publish anyway” and save again."
                ),
            )


class ContentCheckAdmin(PublicationGuardMixin):
    """Reads the publication state through the guard's ``is_public``,
    ``publication_values`` and ``has_publish_permission``."""

    def checked_form(self, form_class, request, *, confirm):
        attrs = {"model_admin": self, "request": request}
        if confirm:
            attrs[CONFIRM_FIELD] = forms.BooleanField(
                label=_("Publish anyway"),
                required=False,
                help_text=_("Publish it with the problems listed above."),
            )
        return type(form_class.__name__, (ContentCheckForm, form_class), attrs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return self.checked_form(form, request, confirm=True)

    def get_changelist_form(self, request, **kwargs):
        form = super().get_changelist_form(request, **kwargs)
        return self.checked_form(form, request, confirm=False)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        admin_form = context.get("adminform")
        if admin_form is not None:
            form = admin_form.form
            if request.method == "POST":
                problems = form.content_problems
            else:
                problems = current_problems(obj) if obj is not None else []
            if problems:
                fields = [CONFIRM_FIELD] if form.confirmation_asked else []
                checks = (
                    _("Content checks"),
                    {"fields": fields, "description": problems_html(problems)},
                )
                admin_form.fieldsets = [checks, *admin_form.fieldsets]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for label, problem in current_problems(obj):
            self.message_user(
                request,
                format_html(
                    "{}: {}: {}", obj, str(label).capitalize(), problem.message
                ),
                messages.WARNING,
            )

    def without_failing(self, request, queryset):
        """For a publish action: ``queryset`` less the objects that fail the
        content checks, after a warning naming them."""
        failing = list(queryset.exclude(content_problems=""))
        if failing:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                ((self.change_url(obj), obj) for obj in failing),
            )
            self.message_user(
                request,
                format_html(
                    "{} {}",
                    ngettext(
                        "%(count)d item fails the content checks and was not "
                        "published: open it to publish it anyway.",
                        "%(count)d items fail the content checks and were not "
                        "published: open each to publish it anyway.",
                        len(failing),
                    )
                    % {"count": len(failing)},
                    links,
                ),
                messages.WARNING,
            )
        return queryset.filter(content_problems="")

    def change_url(self, obj):
        options = obj._meta
        return reverse(
            f"{self.admin_site.name}:{options.app_label}_{options.model_name}_change",
            args=[quote(obj.pk)],
        )
