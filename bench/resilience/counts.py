"""Rows per model of the site that DATABASE_URL points at, as JSON: what a
backup holds (iomsite/ops/backup.py leaves out what a site makes for itself)."""

import json

import django


def counts():
    from django.apps import apps

    from iomsite.ops.backup import EXCLUDED

    result = {}
    # With the many-to-many tables: the relations must come back too.
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.proxy or not model._meta.managed:
            continue
        if model._meta.app_label in EXCLUDED or label in EXCLUDED:
            continue
        result[label] = model._default_manager.count()
    return result


if __name__ == "__main__":
    django.setup()
    print(json.dumps(counts(), sort_keys=True))
