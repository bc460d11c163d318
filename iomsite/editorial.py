"""What the admins of articles, programmes, offices and contacts share.

``EditorialAdmin`` keeps every save as a revision (django-reversion, with
django-reversion-compare's readable diff in "History"), edits HTML bodies with
the rich-text editor, and refuses publishing to staff without the model's
``publish_*`` permission (see ``iomsite.roles``):

- on the change form, in an inline and in the changelist's bulk edit, a change
  to a *publication field* (what decides whether visitors see the object) is a
  validation error when the object is public before or after it;
- a publish action answers with an error message instead of running;
- reverting to an old version is checked against the object as it is before
  the revert, not as the revert left it.

Editors may still correct the content of a public object: only its visibility
needs a publisher.
"""

from datetime import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from reversion import set_comment
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from .images import NOT_AN_IMAGE
from .richtext import rich_text_formfield
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
        key = _stash_key(self.instance._meta.model, self.instance.pk)
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


def _stash_key(model, pk):
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


class EditorialAdmin(PublicationGuardMixin, CompareVersionAdmin):
    rich_text_fields = ()
    history_latest_first = True
    # Changes on every save: in a comparison it says nothing the date does not.
    compare_exclude = ["updated"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.rich_text_fields:
            kwargs.pop("widget", None)
            return rich_text_formfield(db_field, **kwargs)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.ImageField):
            # The form field refuses what Pillow cannot open before the model's
            # validate_image() runs: give both refusals the same words.
            field.error_messages["invalid_image"] = NOT_AN_IMAGE
        return field

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return self.guarded(form, request)

    def get_changelist_form(self, request, **kwargs):
        return self.guarded(super().get_changelist_form(request, **kwargs), request)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # django-reversion reverts the object in the database before it builds
        # the form: remember what it was.
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            request.publication_before = {
                _stash_key(self.model, obj.pk): self.publication_values(obj)
            }
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id).first()
        if version is not None:
            # A deleted object brought back is new: it must come back hidden.
            request.publication_before = {
                _stash_key(self.model, version.object_id): None
            }
        return super().recover_view(request, version_id, extra_context)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        protected = list(protected) + [
            self.protected_link(request, article)
            for obj in objs
            for article in self.protecting_articles(obj)
        ]
        return deleted, model_count, perms_needed, protected

    def protecting_articles(self, obj):
        """Articles that keep ``obj`` from being deleted."""
        return []

    def protected_link(self, request, obj):
        """Like the admin's own list of protected objects."""
        options = obj._meta
        label = f"{capfirst(options.verbose_name)}: {obj}"
        try:
            url = reverse(
                f"{self.admin_site.name}:{options.app_label}_{options.model_name}_change",
                args=[quote(obj.pk)],
            )
        except NoReverseMatch:
            return label
        return format_html(
            '{}: <a href="{}">{}</a>', capfirst(options.verbose_name), url, obj
        )

    def save_each(self, request, queryset, comment, **values):
        """Set ``values`` on each object and save it, so that the change is
        kept as a revision (``queryset.update()`` is not). Returns the count."""
        count = 0
        for obj in queryset:
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
            count += 1
        if count:
            set_comment(str(comment))
        return count
