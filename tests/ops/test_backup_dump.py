"""The database part of a backup: what dumpdata would write, in a number of
queries that does not grow with the site, from one snapshot of the database."""

import json
import threading

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from reversion import create_revision, set_user

from articles.models import Article
from iomsite.ops.backup import EXCLUDED, dump_content, read_snapshot

from ..factories import ArticleFactory, ContactFactory, OfficeFactory, ProgrammeFactory


def add_articles(count, user):
    """Articles with programmes, offices and contacts, each saved in a revision
    of ``user``'s (a natural foreign key in the dump)."""
    office = OfficeFactory()
    contact = ContactFactory(office=office)
    programmes = [ProgrammeFactory(), ProgrammeFactory()]
    for _ in range(count):
        with create_revision():
            set_user(user)
            article = ArticleFactory()
        article.programmes.set(programmes)
        article.offices.add(office)
        article.contacts.add(contact)


@pytest.mark.django_db
def test_the_dump_is_what_dumpdata_writes(tmp_path):
    user = User.objects.create_user("eva", is_staff=True)
    add_articles(3, user)
    ours, django_s = tmp_path / "ours.json", tmp_path / "dumpdata.json"

    dump_content(ours)
    call_command(
        "dumpdata",
        exclude=EXCLUDED,
        natural_foreign=True,
        natural_primary=True,
        output=str(django_s),
        verbosity=0,
    )

    dumped = json.loads(ours.read_text(encoding="utf-8"))
    assert dumped == json.loads(django_s.read_text(encoding="utf-8"))
    articles = [item for item in dumped if item["model"] == "articles.article"]
    assert len(articles) == 3
    assert all(len(item["fields"]["programmes"]) == 2 for item in articles)
    (revision,) = {
        tuple(item["fields"]["user"])
        for item in dumped
        if item["model"] == "reversion.revision"
    }
    assert revision == ("eva",)


@pytest.mark.django_db
def test_the_dump_takes_as_many_queries_for_forty_articles_as_for_four(tmp_path):
    user = User.objects.create_user("eva", is_staff=True)
    add_articles(4, user)
    with CaptureQueriesContext(connection) as few:
        dump_content(tmp_path / "few.json")

    add_articles(36, user)
    with CaptureQueriesContext(connection) as many:
        dump_content(tmp_path / "many.json")

    assert len(many.captured_queries) == len(few.captured_queries)
    dumped = json.loads((tmp_path / "many.json").read_text(encoding="utf-8"))
    assert sum(item["model"] == "articles.article" for item in dumped) == 40


@pytest.mark.django_db(transaction=True)
def test_what_staff_publish_during_a_backup_on_postgresql_waits_for_the_next():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite: one process, one writer at a time")
    ArticleFactory()

    def publish_elsewhere():
        ArticleFactory(title="Published during the backup")
        connections.close_all()

    with read_snapshot():
        assert Article.objects.count() == 1
        staff = threading.Thread(target=publish_elsewhere)
        staff.start()
        staff.join(timeout=30)
        assert Article.objects.count() == 1
    assert Article.objects.count() == 2
