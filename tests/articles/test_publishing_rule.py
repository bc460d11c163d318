"""One publishing rule on every path: publishing without a date dates the
article with the time of publication, an explicit date is kept, and an
article is published undated only when its date is marked unknown."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from iomsite.dashboard import changelist_url

from ..factories import ArticleFactory
from .test_admin import form_data

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED = Article.Status.DRAFT, Article.Status.PUBLISHED
UNKNOWN, STATED = Article.DateSource.UNKNOWN, Article.DateSource.STATED
ADD = reverse("admin:articles_article_add")
CHANGELIST = reverse("admin:articles_article_changelist")

UNDATED_PAGE = """Shelter opens in Tumbes

A new shelter for 200 people opened this week near the border with Ecuador,
run by the municipality with the support of the organization.
"""
DATED_PAGE = """Shelter opens in Piura

Date: 15 July 2016

A new shelter for 200 people opened this week in Piura, run by the
municipality with the support of the organization.
"""


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_saving_published_without_a_date_dates_it_now():
    before = timezone.now()
    article = ArticleFactory(status=PUBLISHED, published_at=None, date_source=STATED)
    article.refresh_from_db()
    assert before <= article.published_at <= timezone.now()
    assert article in Article.objects.published()


def test_an_explicit_date_is_kept_and_a_draft_stays_undated():
    past = timezone.now() - timedelta(days=400)
    dated = ArticleFactory(status=PUBLISHED, published_at=past)
    draft = ArticleFactory(status=DRAFT, published_at=None, date_source=STATED)
    dated.refresh_from_db()
    draft.refresh_from_db()
    assert dated.published_at == past
    assert draft.published_at is None


def test_published_undated_only_when_the_date_is_unknown():
    unknown = ArticleFactory(status=PUBLISHED, published_at=None, date_source=UNKNOWN)
    unknown.refresh_from_db()
    assert unknown.published_at is None
    assert list(Article.objects.undated()) == [unknown]


def test_the_database_refuses_an_undated_publication_by_update():
    draft = ArticleFactory(status=DRAFT, published_at=None, date_source=STATED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=draft.pk).update(status=PUBLISHED)
    Article.objects.filter(pk=draft.pk).update(status=PUBLISHED, date_source=UNKNOWN)


def test_the_form_dates_a_publication_without_a_date(admin_client):
    before = timezone.now()
    response = admin_client.post(ADD, form_data(status=PUBLISHED))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="new-shelter-opens")
    assert before <= article.published_at <= timezone.now()
    assert article.date_source == STATED


def test_the_form_keeps_an_explicit_date_and_an_unknown_one(admin_client):
    response = admin_client.post(
        ADD,
        form_data(
            status=PUBLISHED, published_at_0="2019-03-04", published_at_1="10:00"
        ),
    )
    assert response.status_code == 302
    dated = Article.objects.get(slug="new-shelter-opens")
    assert timezone.localtime(dated.published_at).date().isoformat() == "2019-03-04"

    response = admin_client.post(
        ADD,
        form_data(slug="old-page", status=PUBLISHED, date_source=UNKNOWN),
    )
    assert response.status_code == 302
    assert Article.objects.get(slug="old-page").published_at is None


def test_the_form_publishing_an_existing_draft_dates_it(admin_client):
    draft = ArticleFactory(
        status=DRAFT, published_at=None, date_source=STATED, slug="a-draft"
    )
    response = admin_client.post(
        change_url(draft),
        form_data(title=draft.title, slug="a-draft", status=PUBLISHED),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.published_at is not None
    assert draft.is_published


def test_the_form_refuses_an_unpublish_date_before_the_stamped_one(admin_client):
    response = admin_client.post(
        ADD,
        form_data(status=PUBLISHED, unpublish_at_0="2001-01-01", unpublish_at_1="0:00"),
    )
    assert response.status_code == 200
    assert "unpublish_at" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_the_list_action_follows_the_same_rule(admin_client):
    new = ArticleFactory(status=DRAFT, published_at=None, date_source=STATED)
    old = ArticleFactory(status=DRAFT, published_at=None, date_source=UNKNOWN)
    before = timezone.now()
    admin_client.post(
        CHANGELIST,
        {"action": "publish", ACTION_CHECKBOX_NAME: [new.pk, old.pk]},
    )
    new.refresh_from_db()
    old.refresh_from_db()
    assert (new.status, old.status) == (PUBLISHED, PUBLISHED)
    assert new.published_at >= before
    assert old.published_at is None


def test_the_importer_marks_a_page_without_a_date_unknown(tmp_path):
    (tmp_path / "undated.txt").write_text(UNDATED_PAGE, encoding="utf-8")
    (tmp_path / "dated.txt").write_text(DATED_PAGE, encoding="utf-8")
    call_command("import_legacy", str(tmp_path), stdout=StringIO(), stderr=StringIO())

    undated = Article.objects.get(title="Shelter opens in Tumbes")
    assert (undated.status, undated.published_at) == (PUBLISHED, None)
    assert undated.date_source == UNKNOWN
    dated = Article.objects.get(title="Shelter opens in Piura")
    assert timezone.localtime(dated.published_at).date().isoformat() == "2016-07-15"
    assert list(Article.objects.undated()) == [undated]


def test_the_dashboard_lists_the_undated(admin_client):
    undated = ArticleFactory(status=PUBLISHED, published_at=None, date_source=UNKNOWN)
    ArticleFactory(status=DRAFT, published_at=None, date_source=UNKNOWN)
    ArticleFactory()
    figure = admin_client.get(reverse("needs-attention")).context["schedule"]["undated"]
    assert figure.count == 1
    assert figure.url == changelist_url(Article, dated="no", status__exact=PUBLISHED)
    changelist = admin_client.get(figure.url)
    assert list(changelist.context["cl"].result_list) == [undated]
