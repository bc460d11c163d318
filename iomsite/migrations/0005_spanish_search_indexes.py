"""GIN indexes for the Spanish texts of programmes and offices (the ``*_es``
columns of django-modeltranslation), stemmed with the Spanish configuration, on
PostgreSQL only: one per ranking tier, each on exactly the expression the search
(iomsite/search/postgres.py) filters with. On SQLite this does nothing.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

TIERS = {"a": 1, "ab": 2, "abc": 3}
# model: (app label, Spanish fields by weight A, B, C)
MODELS = {
    "Programme": ("programmes", [["title_es"], ["summary_es"], ["body_es"]]),
    "Office": (
        "contacts",
        [["name_es"], ["introduction_es"], ["migration_context_es"]],
    ),
}


def search_indexes():
    """(app label, model name, index) for every index of this migration."""
    for tier, size in TIERS.items():
        for model_name, (app_label, weighted_fields) in MODELS.items():
            fields = [field for group in weighted_fields[:size] for field in group]
            yield (
                app_label,
                model_name,
                GinIndex(
                    SearchVector(*fields, config="spanish"),
                    name=f"search_{model_name.lower()}_{tier}_es",
                ),
            )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, index in search_indexes():
        schema_editor.add_index(apps.get_model(app_label, model_name), index)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, index in search_indexes():
        schema_editor.remove_index(apps.get_model(app_label, model_name), index)


class Migration(migrations.Migration):
    dependencies = [
        ("iomsite", "0004_article_unpublish_index"),
        ("programmes", "0004_translations"),
        ("contacts", "0003_translations"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
