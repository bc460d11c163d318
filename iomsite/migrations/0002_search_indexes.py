"""GIN indexes for the site search (iomsite/search/), on PostgreSQL only.

Each index is on exactly the expression the search filters with, so that the
planner can use it: one per ranking tier (title; title and summary; everything)
and per text-search configuration. Articles are stemmed by their language, so
their indexes are partial, one per language. A trigram index on article titles
serves the "Did you mean" suggestions. On SQLite this migration does nothing.
"""

import operator
from functools import reduce

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import Q

TIERS = {"a": 1, "ab": 2, "abc": 3}
ARTICLE_FIELDS = ["title", "summary", "body"]
# model: (app label, fields by weight A, B, C)
OTHER_MODELS = {
    "Programme": ("programmes", [["title"], ["summary"], ["body"]]),
    "Office": (
        "contacts",
        [["name", "city"], ["introduction"], ["migration_context", "street_address"]],
    ),
    "Contact": ("contacts", [["name"], ["role"], ["languages"]]),
}


def vector(fields, configs):
    return reduce(
        operator.add, (SearchVector(*fields, config=config) for config in configs)
    )


def search_indexes():
    """(app label, model name, index) for every index of the search."""
    for tier, size in TIERS.items():
        for language, config in [("en", "english"), ("es", "spanish")]:
            yield (
                "articles",
                "Article",
                GinIndex(
                    vector(ARTICLE_FIELDS[:size], [config]),
                    name=f"search_article_{tier}_{language}",
                    condition=Q(language=language),
                ),
            )
        for model_name, (app_label, weighted_fields) in OTHER_MODELS.items():
            fields = [field for group in weighted_fields[:size] for field in group]
            yield (
                app_label,
                model_name,
                GinIndex(
                    vector(fields, ["english", "simple"]),
                    name=f"search_{model_name.lower()}_{tier}",
                ),
            )
    yield (
        "articles",
        "Article",
        GinIndex(
            fields=["title"],
            opclasses=["gin_trgm_ops"],
            name="search_article_title_trgm",
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
        ("iomsite", "0001_initial"),
        ("articles", "0001_initial"),
        ("contacts", "0001_initial"),
        ("programmes", "0001_initial"),
    ]

    operations = [
        # Does nothing on other databases than PostgreSQL.
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
