"""Publishing needs a publisher: the guard the editorial admins share.

A change to a *publication field* (what decides whether visitors see the
object) is a validation error for staff without the model's ``publish_*``
permission (``iomsite.editorial.roles``) when the object is public before or
after it, on the change form, in an inline and in the changelist's bulk edit.
Editors may still correct the content of a public object: only its visibility
needs a publisher.
"""

from datetime import datetime

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from .roles import can_publish


class PublicationGuardForm:
    """Mixed into an admin form for staff who may not publish (see
    ``EditorialAdmin.guarded``); ``model_admin`` and ``request`` are set then."""

    model_admin = None
    request = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_admin = self.model_admin
        if self.instance._state.adding:
            # A new object starts hidden, so that saving it as it comes is allowed.
            self.initial.update(model_admin.hidden_values)
            self.publication_before = None
        else:
            self.publication_before = model_admin.publication_values(self.instance)
        stash = getattr(self.request, "publication_before", {})
        key = stash_key(self.instance._meta.model, self.instance.pk)
        if key in stash:
            self.publication_before = stash[key]

    def clean(self):
        cleaned_data = super().clean()
        model_admin = self.model_admin
        after = {
            name: cleaned_data[name]
            if name in cleaned_data
            else getattr(self.instance, name)
            for name in model_admin.publication_fields
        }
        before = self.publication_before
        if before is None:
            refused = model_admin.is_public(after)
            changed = [
                name
                for name in model_admin.publication_fields
                if after[name] != model_admin.hidden_values.get(name, after[name])
            ]
        else:
            changed = [
                name
                for name in model_admin.publication_fields
                if _comparable(before[name]) != _comparable(after[name])
            ]
            refused = bool(changed) and (
                model_admin.is_public(before) or model_admin.is_public(after)
            )
        if refused:
            fields = [name for name in changed if name in self.fields] or [None]
            for name in fields:
                self.add_error(name, model_admin.publish_refused_message)
        return cleaned_data


def stash_key(model, pk):
    return (model._meta.label, str(pk))


def _comparable(value):
    # The admin's date and time inputs have no microseconds.
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return value


class PublicationGuardMixin:
    """For ``ModelAdmin`` and ``InlineModelAdmin`` classes of a model with a
    ``publish_<model>`` permission."""

    # The fields that decide what visitors see, and the values of a hidden
    # object (a new object made by an editor starts with them).
    publication_fields = ()
    hidden_values = {}
    publish_refused_message = _(
        "Only publishers can publish or hide this. Save your changes without it "
        "and ask a publisher."
    )

    def is_public(self, values):
        """Whether an object with these publication field values is (or will
        be, when scheduled) seen by visitors."""
        raise NotImplementedError

    def publication_values(self, obj):
        return {name: getattr(obj, name) for name in self.publication_fields}

    def has_publish_permission(self, request):
        return can_publish(request.user, self.model)

    def guarded(self, form_class, request):
        if self.has_publish_permission(request):
            return form_class
        return type(
            form_class.__name__,
            (PublicationGuardForm, form_class),
            {"model_admin": self, "request": request},
        )

    def refuse_unless_publisher(self, request):
        """In an action: True (after telling the user why) when they may not
        publish."""
        if self.has_publish_permission(request):
            return False
        self.message_user(request, self.publish_refused_message, messages.ERROR)
        return True


class GuardedInline(PublicationGuardMixin, admin.TabularInline):
    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = self.guarded(formset.form, request)
        return formset
