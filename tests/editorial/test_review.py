"""The content checks in the admin: warnings on save, a publisher confirms
before publishing failing content, the publish actions skip it."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import WARNING
from django.urls import reverse

from articles.models import Article
from contacts.models import Office
from programmes.models import Programme

from ..factories import ArticleFactory, OfficeFactory, ProgrammeFactory
from .test_publishing import article_data, change_article, programme_data

pytestmark = pytest.mark.django_db

DRAFT = Article.Status.DRAFT
PUBLISHED = Article.Status.PUBLISHED
FAILING = (
    "<h2>Results</h2><h4>Detail</h4><p><a href='https://x.org/r'>click here</a></p>"
)
ADD_ARTICLE = reverse("admin:articles_article_add")


def new_article_data(**overrides):
    data = article_data(
        Article(title="Flows report", slug="flows-report", body=FAILING), **overrides
    )
    return data


def warnings(response):
    return [str(m) for m in response.context["messages"] if m.level == WARNING]


def test_saving_stores_the_failing_checks():
    article = ArticleFactory(body=FAILING)
    programme = ProgrammeFactory(
        body="<p>Fine.</p>", body_es="<table><tr><td>1</td></tr></table>"
    )
    office = OfficeFactory(migration_context="<h3>Under the h2 of the page</h3>")
    assert article.content_problems == "heading-skip link-text"
    assert Programme.objects.get(pk=programme.pk).content_problems == "table-header"
    assert Office.objects.get(pk=office.pk).content_problems == ""
    article.body = "<h2>Fixed</h2>"
    article.save()
    assert Article.objects.get(pk=article.pk).content_problems == ""


def test_a_publisher_confirms_before_publishing_failing_content(publisher_client):
    refused = publisher_client.post(ADD_ARTICLE, new_article_data(status=PUBLISHED))

    assert refused.status_code == 200
    assert not Article.objects.exists()
    form = refused.context["adminform"].form
    assert list(form.errors) == ["publish_anyway"]
    # Nothing typed is lost, and the problems are listed with the box to tick.
    assert form["title"].value() == "Flows report"
    assert "<h4>Detail</h4>" in form["body"].value()
    html = refused.content.decode()
    assert "The heading “Detail” (h4) skips a level" in html
    assert 'name="publish_anyway"' in html

    confirmed = publisher_client.post(
        ADD_ARTICLE,
        new_article_data(status=PUBLISHED, publish_anyway="on"),
        follow=True,
    )
    article = Article.objects.get(slug="flows-report")
    assert article.status == PUBLISHED
    assert article.content_problems == "heading-skip link-text"
    assert len(warnings(confirmed)) == 2


def test_a_publisher_saves_a_failing_draft_with_warnings_only(publisher_client):
    response = publisher_client.post(ADD_ARTICLE, new_article_data(), follow=True)
    assert Article.objects.get(slug="flows-report").status == DRAFT
    assert warnings(response) == [
        "Flows report: Body: The heading “Detail” (h4) skips a level: the one "
        "before is h2.",
        "Flows report: Body: A link says “click here”: say where it goes instead "
        "(https://x.org/r).",
    ]


def test_keeping_failing_content_public_needs_the_confirmation_too(publisher_client):
    article = ArticleFactory(body=FAILING)
    refused = change_article(publisher_client, article, title="New title")
    assert list(refused.context["adminform"].form.errors) == ["publish_anyway"]
    fixed = change_article(publisher_client, article, body="<h2>Fine</h2>")
    assert fixed.status_code == 302
    article.refresh_from_db()
    assert article.content_problems == ""


def test_an_editor_gets_the_warnings_and_no_confirmation(editor_client):
    article = ArticleFactory(body="<p>Fine.</p>")
    data = article_data(article, body=FAILING, _continue="1")
    del data["_save"]
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 302
    page = editor_client.get(response.url)
    assert len(warnings(page)) == 2
    html = page.content.decode()
    assert "The content checks found problems:" in html
    assert 'name="publish_anyway"' not in html
    article.refresh_from_db()
    assert (article.status, article.content_problems) == (
        PUBLISHED,
        "heading-skip link-text",
    )


def test_the_publish_actions_skip_failing_content(publisher_client):
    failing = ArticleFactory(status=DRAFT, body=FAILING, title="Failing")
    passing = ArticleFactory(status=DRAFT)
    response = publisher_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [failing.pk, passing.pk]},
        follow=True,
    )
    failing.refresh_from_db()
    passing.refresh_from_db()
    assert (failing.status, passing.status) == (DRAFT, PUBLISHED)
    [warning] = warnings(response)
    url = reverse("admin:articles_article_change", args=[failing.pk])
    assert f'<a href="{url}">Failing</a>' in warning
    assert "1 item fails the content checks and was not published" in warning

    hidden = ProgrammeFactory(
        is_published=False, body="<table><tr><td>1</td></tr></table>"
    )
    publisher_client.post(
        reverse("admin:programmes_programme_changelist"),
        {"action": "publish", ACTION_CHECKBOX_NAME: [hidden.pk]},
    )
    hidden.refresh_from_db()
    assert hidden.is_published is False


def test_a_programme_spanish_body_is_checked(publisher_client):
    add_url = reverse("admin:programmes_programme_add")
    refused = publisher_client.post(
        add_url,
        programme_data(
            is_published="on",
            body_es="<p><a href='https://robuenosaires.iom.int/'>Informe</a></p>",
        ),
    )
    assert list(refused.context["adminform"].form.errors) == ["publish_anyway"]
    assert "A link goes to the old site" in refused.content.decode()
