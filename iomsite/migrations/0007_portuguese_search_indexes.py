"""GIN indexes for the Portuguese texts, stemmed with PostgreSQL's
``portuguese`` configuration, on PostgreSQL only: articles written in
Portuguese (partial indexes, as 0002 makes for English and Spanish), and the
Portuguese texts of programmes and offices (their ``*_pt`` columns, as 0005
makes for Spanish). One per ranking tier, each on exactly the expression the
search (iomsite/search/postgres.py) filters with. On SQLite this does nothing.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import Q

TIERS = {"a": 1, "ab": 2, "abc": 3}
ARTICLE_FIELDS = ["title", "summary", "body"]
# model: (app label, Portuguese fields by weight A, B, C)
MODELS = {
    "Programme": ("programmes", [["title_pt"], ["summary_pt"], ["body_pt"]]),
    "Office": (
        "contacts",
        [["name_pt"], ["introduction_pt"], ["migration_context_pt"]],
    ),
}


def search_indexes():
    """(app label, model name, index) for every index of this migration."""
    for tier, size in TIERS.items():
        yield (
            "articles",
            "Article",
            GinIndex(
                SearchVector(*ARTICLE_FIELDS[:size], config="portuguese"),
                name=f"search_article_{tier}_pt",
                condition=Q(language="pt"),
            ),
        )
        for model_name, (app_label, weighted_fields) in MODELS.items():
            fields = [field for group in weighted_fields[:size] for field in group]
            yield (
                app_label,
                model_name,
                GinIndex(
                    SearchVector(*fields, config="portuguese"),
                    name=f"search_{model_name.lower()}_{tier}_pt",
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
        ("iomsite", "0006_site_domain"),
        ("articles", "0006_translation_groups"),
        ("programmes", "0006_programme_portuguese"),
        ("contacts", "0005_office_portuguese"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
