"""Indexes for the news list on PostgreSQL; on SQLite this does nothing.

Measured with 100,000 articles (bench/latency.py): each turns a scan of the
whole table into a short walk of a narrow index.

- ``article_published_order``: the list's order (``Article.Meta.ordering``,
  newest first, undated last) among published rows, so that a page is the first
  rows of the index; it holds ``unpublish_at`` and the filtered columns, so that
  the paginator's count reads the index alone.
- ``article_published_countries``: the country filter and its choices (read as
  a loose index scan, one probe per distinct value: articles/filters.py).
- ``article_published_kind``, ``article_published_language``: the type and
  language filters, and their counts.
- ``article_published_id``: the programme filter joins on ``id``; with the
  filtered columns in the index, the join never reads the table.
- ``article_programme_by_programme``: the articles of one programme.
"""

from django.db import migrations

PUBLISHED = "WHERE status = 'published'"
INDEXES = {
    "article_published_order": (
        "articles_article (published_at DESC NULLS LAST, id DESC) "
        f"INCLUDE (unpublish_at, kind, language, countries) {PUBLISHED}"
    ),
    "article_published_countries": (
        "articles_article (countries) "
        f"INCLUDE (published_at, unpublish_at) {PUBLISHED}"
    ),
    "article_published_kind": (
        "articles_article (kind, language) "
        f"INCLUDE (published_at, unpublish_at, countries) {PUBLISHED}"
    ),
    "article_published_language": (
        "articles_article (language, kind) "
        f"INCLUDE (published_at, unpublish_at, countries) {PUBLISHED}"
    ),
    "article_published_id": (
        "articles_article (id) "
        "INCLUDE (published_at, unpublish_at, kind, language, countries) "
        + PUBLISHED
    ),
    "article_programme_by_programme": (
        "articles_article_programmes (programme_id, article_id)"
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("iomsite", "0002_search_indexes"),
        # The migration that adds Article.unpublish_at.
        ("articles", "0002_publishing_images_unpublish_at"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
