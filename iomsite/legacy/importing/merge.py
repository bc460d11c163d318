"""The three-way merge of an import: what the page says now, what the last
import wrote (its ``LegacyRecord``) and what the object holds, so that a field
is only changed when the page changed it and nobody edited it on the site."""

import datetime

from contacts.models import KeyFigure
from iomsite.models import LegacyRecord

from ..report import ImportStatus

RELATIONS = ("programmes", "contacts", "offices")


class Skip(Exception):
    """The file is left alone, for the reason given."""


def write(obj, wanted, path, *, force=False):
    """Bring ``obj`` to ``wanted``, keeping fields staff edited since the
    last import; returns the object's import status."""
    wanted_json = to_json(wanted)
    if obj.pk is None:
        assign(obj, wanted)
        obj.save()
        assign_relations(obj, wanted, created=True)
        LegacyRecord.objects.create(
            model=obj._meta.label_lower,
            object_pk=obj.pk,
            values=wanted_json,
            source_file=path.name,
        )
        return ImportStatus.CREATED

    current = current_values(obj, wanted)
    record = LegacyRecord.objects.filter(
        model=obj._meta.label_lower, object_pk=obj.pk
    ).first()
    imported = record.values if record else assumed_imported(current, wanted_json)
    page_changed = [n for n in wanted_json if wanted_json[n] != imported.get(n)]
    staff_edited = [n for n in page_changed if current[n] != imported.get(n)]
    if staff_edited and not force:
        raise Skip(
            f"{obj._meta.verbose_name} “{obj}” was edited on the site since "
            f"the last import ({', '.join(staff_edited)}): kept; "
            "use --force to overwrite"
        )
    names = page_changed
    if force:
        names = [n for n in wanted_json if current[n] != wanted_json[n]]
    if record is None or record.values != wanted_json:
        remember(obj, wanted_json, path)
    if not names:
        return ImportStatus.UNCHANGED
    changes = {name: wanted[name] for name in names}
    assign(obj, changes)
    obj.save()
    assign_relations(obj, changes)
    return ImportStatus.UPDATED


def remember(obj, values, path):
    LegacyRecord.objects.update_or_create(
        model=obj._meta.label_lower,
        object_pk=obj.pk,
        defaults={"values": values, "source_file": path.name},
    )


def assumed_imported(current, wanted):
    """For an object the import did not make (staff made it, or it was created
    as a contact's office): blank fields count as untouched, filled ones that
    the page would change as staff's work."""
    return {
        name: value if value in ("", None, []) or value == wanted[name] else EDITED
        for name, value in current.items()
    }


EDITED = object()


def with_value(manager, **field_value):
    """Filter on a field whose unique index is partial (``WHERE NOT field = ''``):
    spelling the condition out lets SQLite use that index instead of a scan."""
    ((name, value),) = field_value.items()
    # Unique, so any order will do: the model's own would only cost compiling.
    return manager.filter(**{name: value}).exclude(**{name: ""}).order_by("pk")


def assign(obj, values):
    for name, value in values.items():
        if name not in RELATIONS and name != "figures":
            setattr(obj, name, value)


def assign_relations(obj, values, *, created=False):
    for name in RELATIONS:
        if name in values:
            if created:
                add_new_relations(obj, name, values[name])
            else:
                getattr(obj, name).set(values[name])
    if "figures" in values:
        if not created:
            obj.figures.all().delete()
        KeyFigure.objects.bulk_create(
            KeyFigure(
                office=obj,
                label=label,
                value=value,
                unit=unit,
                year=year,
                source_name=source_name,
                source_url=source_url,
                order=order,
            )
            for order, (label, value, unit, year, source_name, source_url) in (
                enumerate(values["figures"])
            )
        )


def add_new_relations(obj, name, target_pks):
    """The rows of a new object's many-to-many relation, written in one insert.
    ``.add()`` would first look for rows a new object cannot have yet; the
    object's own save has already told the page cache that content changed."""
    field = obj._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.bulk_create(
        through(**{f"{source}_id": obj.pk, f"{target}_id": pk})
        for pk in dict.fromkeys(target_pks)
    )


def current_values(obj, wanted):
    values = {}
    for name in wanted:
        if name == "figures":
            values[name] = [
                [f.label, f.value, f.unit, f.year, f.source_name, f.source_url]
                for f in obj.figures.all()
            ]
        elif name in RELATIONS:
            values[name] = list(getattr(obj, name).values_list("pk", flat=True))
        else:
            values[name] = getattr(obj, name)
    return to_json(values)


def to_json(values):
    """Field values in the form they are remembered and compared in."""
    converted = {}
    for name, value in values.items():
        if isinstance(value, datetime.datetime):
            value = value.astimezone(datetime.UTC).isoformat()
        elif name == "countries":
            value = sorted(str(code) for code in value)
        elif name in RELATIONS:
            value = sorted(value)
        converted[name] = value
    return converted
