"""Edit conflicts: a save over a newer version is refused, not lost.

Each change form carries the version of the object it was opened on (a hidden
``_opened_version``: the object's ``updated`` time). When someone else saved
the object in between, the save is refused: the form comes back with the
editor's input kept, a table of the saved version beside theirs for each
field that differs, and the newer version in the hidden field, so that saving
again (after merging) is a deliberate choice.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.core.files import File
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

VERSION_FIELD = "_opened_version"

CONFLICT_MESSAGE = _(
    "Someone else saved this page after you opened it. Nothing of yours was "
    "saved: compare the two versions below, merge what you need into the form, "
    "and save again."
)


def version_of(obj):
    """The token of the version of ``obj`` in the database."""
    if obj is None or obj.pk is None:
        return ""
    updated = getattr(obj, "updated", None)
    if updated is not None:
        return updated.isoformat()
    latest = Version.objects.get_for_object(obj).values_list("pk", flat=True).first()
    return str(latest or "")


@dataclass
class ConflictRow:
    label: str
    saved: str
    yours: str


class ConflictCheckForm:
    """Mixed into the admin's change form (see ``EditorialAdmin.get_form``)."""

    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The version in the database now, before anything of the form is set
        # on the instance.
        self.current_version = version_of(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        opened = self.data.get(VERSION_FIELD)
        if opened and self.current_version and opened != self.current_version:
            # clean() runs before the form's values are set on the instance:
            # it is still the saved version.
            rows = []
            model_fields = {field.name for field in self.instance._meta.get_fields()}
            for name, field in self.fields.items():
                if name not in cleaned_data or name not in model_fields:
                    continue
                saved = _display(self.instance, name, None)
                yours = _display(self.instance, name, cleaned_data[name])
                if yours != saved:
                    rows.append(ConflictRow(str(field.label or name), saved, yours))
            self.conflict = rows
            self.add_error(None, CONFLICT_MESSAGE)
        return cleaned_data


def _display(instance, name, value):
    """``value`` of the field ``name`` as text (the instance's own value when
    ``value`` is None)."""
    field = instance._meta.get_field(name)
    if value is None:
        if field.many_to_many:
            if instance.pk is None:
                return ""
            value = list(getattr(instance, name).all())
        else:
            value = getattr(instance, name)
    if field.many_to_many:
        return ", ".join(sorted(str(item) for item in value))
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | File):
        return ", ".join(sorted(str(item) for item in value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value or ""))
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(field, models.TextField):
        return strip_tags(str(value or "")).strip()
    if isinstance(field, models.FileField):
        return getattr(value, "name", "") or ""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return "" if value is None else str(value)
