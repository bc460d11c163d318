"""The data migration of articles/0006: today's translation pairs become
translation groups, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("articles", "0005_content_problems")]
AFTER = [("articles", "0006_translation_groups")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def make(Article, slug, language, original=None):
    return Article.objects.create(
        title=slug, slug=slug, language=language, translation_of=original
    )


# Serialized rollback: the database comes back as it was, content types and
# all, for the live-server tests that restore it after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pairs_become_groups_and_back():
    old = migrate(BEFORE)
    Article = old.get_model("articles", "Article")
    english = make(Article, "floods", "en")
    make(Article, "inundaciones", "es", english)
    other = make(Article, "drought", "en")
    make(Article, "sequia", "es", other)
    # A translation in the original's own language stays out of the group.
    make(Article, "floods-copy", "en", english)
    make(Article, "alone", "en")

    new = migrate(AFTER)
    Article = new.get_model("articles", "Article")
    groups = {
        article.slug: article.translation_group_id for article in Article.objects.all()
    }
    assert groups["floods"] == groups["inundaciones"] is not None
    assert groups["drought"] == groups["sequia"] is not None
    assert groups["floods"] != groups["drought"]
    assert groups["floods-copy"] is groups["alone"] is None

    old = migrate(BEFORE)
    Article = old.get_model("articles", "Article")
    originals = dict(Article.objects.values_list("slug", "translation_of__slug"))
    assert originals["inundaciones"] == "floods"
    assert originals["sequia"] == "drought"
    assert originals["floods"] is None
    migrate(executor_leaf())


def executor_leaf():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
