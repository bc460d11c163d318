"""Two editors logged in at once edit the same article: the second save is
refused with both versions side by side, the editor's input kept, and saving
again (after merging) goes through."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from articles.models import Article
from iomsite.editorial.conflicts import CONFLICT_MESSAGE, version_of
from iomsite.editorial.roles import EDITOR

from ..articles.test_admin import form_data
from ..factories import ArticleFactory, OfficeFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-for-tests"


def logged_in(django_user_model, username):
    user = django_user_model.objects.create_user(
        username, password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITOR))
    client = Client()
    # Through the login form, as a person logs in (django-axes wants a request).
    response = client.post(
        reverse("admin:login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


@pytest.fixture
def article():
    return ArticleFactory(
        title="Shelter opens",
        slug="shelter-opens",
        status=Article.Status.DRAFT,
        published_at=None,
        summary="The first summary.",
    )


def opened(client, url):
    """The change form's fields as the browser would send them back."""
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.find("input", {"name": "_opened_version"})["value"]


def edit(article, version, **changes):
    values = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "_opened_version": version,
    }
    values.update(changes)
    return form_data(**values)


def test_the_second_save_over_a_newer_version_is_refused(
    roles, django_user_model, article
):
    ana = logged_in(django_user_model, "ana")
    bruno = logged_in(django_user_model, "bruno")
    url = reverse("admin:articles_article_change", args=[article.pk])
    ana_version = opened(ana, url)
    bruno_version = opened(bruno, url)
    assert ana_version == bruno_version == version_of(article)

    saved = ana.post(url, edit(article, ana_version, summary="Ana's summary."))
    assert saved.status_code == 302

    refused = bruno.post(
        url, edit(article, bruno_version, title="Shelter opens in Tumbes")
    )

    assert refused.status_code == 200
    article.refresh_from_db()
    assert article.title == "Shelter opens"
    assert article.summary == "Ana's summary."
    form = refused.context["adminform"].form
    assert form.non_field_errors() == [str(CONFLICT_MESSAGE)]
    rows = {row.label: (row.saved, row.yours) for row in refused.context["conflict"]}
    assert rows == {
        "Title": ("Shelter opens", "Shelter opens in Tumbes"),
        "Summary": ("Ana's summary.", "The first summary."),
    }
    page = BeautifulSoup(refused.content, "html.parser")
    # Bruno's input is kept in the form, to merge.
    assert page.find("input", {"name": "title"})["value"] == "Shelter opens in Tumbes"
    cells = [
        [cell.get_text() for cell in row.find_all(["th", "td"])]
        for row in page.select("#edit-conflict tbody tr")
    ]
    assert ["Title", "Shelter opens", "Shelter opens in Tumbes"] in cells
    newer = page.find("input", {"name": "_opened_version"})["value"]
    assert newer == version_of(article) != bruno_version

    merged = bruno.post(
        url,
        edit(article, newer, title="Shelter opens in Tumbes", summary="Ana's summary."),
    )
    assert merged.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.summary) == (
        "Shelter opens in Tumbes",
        "Ana's summary.",
    )


def test_saving_twice_in_a_row_is_no_conflict(roles, django_user_model, article):
    ana = logged_in(django_user_model, "ana")
    url = reverse("admin:articles_article_change", args=[article.pk])
    first = ana.post(
        url, edit(article, opened(ana, url), summary="One.", _continue="1")
    )
    assert first.status_code == 302
    second = ana.post(url, edit(article, opened(ana, url), summary="Two."))
    assert second.status_code == 302
    article.refresh_from_db()
    assert article.summary == "Two."


def test_a_form_error_keeps_the_version_it_was_opened_on(
    roles, django_user_model, article
):
    ana = logged_in(django_user_model, "ana")
    bruno = logged_in(django_user_model, "bruno")
    url = reverse("admin:articles_article_change", args=[article.pk])
    version = opened(bruno, url)
    invalid = bruno.post(url, edit(article, version, title=""))
    assert invalid.status_code == 200
    assert invalid.context["opened_version"] == version
    ana.post(url, edit(article, opened(ana, url), summary="Ana's."))
    refused = bruno.post(url, edit(article, version, title="Bruno's"))
    assert refused.context["conflict"]


def test_every_editorial_change_form_carries_its_version(admin_client):
    office = OfficeFactory()
    url = reverse("admin:contacts_office_change", args=[office.pk])
    assert opened(admin_client, url) == version_of(office)
    add = BeautifulSoup(
        admin_client.get(reverse("admin:articles_article_add")).content,
        "html.parser",
    )
    assert add.find("input", {"name": "_opened_version"})["value"] == ""
