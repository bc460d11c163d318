"""Every search parameter is bounded: a form error on a page, a 400 from the
API, a message in the admin, never a query of a thousand conditions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..factories import ArticleFactory, ContactFactory

pytestmark = pytest.mark.django_db

MANY_WORDS = " ".join(f"w{number}" for number in range(999))


@pytest.mark.parametrize("url", ["/contacts/", "/news/", "/es/contacts/"])
def test_a_long_search_on_a_page_is_a_form_error(client, url):
    ContactFactory(name="Ana Lima")
    ArticleFactory(title="Ana Lima")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"q": MANY_WORDS})

    assert response.status_code == 200
    form = response.context["filter"].form
    assert "q" in form.errors
    assert not any("w998" in query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize("url", ["/api/v1/contacts/", "/api/v1/articles/"])
def test_a_long_search_in_the_api_is_a_400(client, url):
    response = client.get(url, {"q": MANY_WORDS})

    assert response.status_code == 400
    assert "q" in response.json()


def test_twelve_words_are_still_a_search(client):
    ContactFactory(name="Ana Lima")

    response = client.get("/contacts/", {"q": "Ana " * 12})

    assert not response.context["filter"].form.errors
    assert "Ana Lima" in response.content.decode()


@pytest.mark.parametrize(
    "admin_url",
    [
        "admin:articles_article_changelist",
        "admin:contacts_contact_changelist",
        "admin:contacts_keyfigure_changelist",
        "admin:redirects_redirect_changelist",
    ],
)
def test_a_long_admin_search_is_refused_with_a_message(admin_client, admin_url):
    ArticleFactory(title="w1")

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(reverse(admin_url), {"q": MANY_WORDS})

    assert response.status_code == 200
    assert "Search for at most 12 words (200 characters)" in response.content.decode()
    assert not any("w998" in query["sql"] for query in queries.captured_queries)
