"""A hidden office's name shows nowhere beside its public contacts, as the
API gives ``office: null``."""

import pytest
from django.urls import reverse

from ..factories import ArticleFactory, ContactFactory, OfficeFactory

pytestmark = pytest.mark.django_db

HIDDEN = "IOM Secret Annex"


@pytest.fixture
def contact():
    office = OfficeFactory(name=HIDDEN, slug="secret-annex", is_public=False)
    return ContactFactory(name="Ana Lima", office=office)


def test_the_directory_and_the_search_do_not_name_it(client, contact):
    directory = client.get(reverse("contacts:list")).content.decode()
    search = client.get(reverse("search"), {"q": "Ana"}).content.decode()

    assert "Ana Lima" in directory and "Ana Lima" in search
    assert HIDDEN not in directory
    assert HIDDEN not in search


def test_an_article_page_and_its_json_ld_do_not_name_it(client, contact):
    article = ArticleFactory()
    article.contacts.add(contact)

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Ana Lima" in page
    assert HIDDEN not in page


def test_the_vcard_does_not_name_it(client, contact):
    vcard = client.get(reverse("contacts:contact-vcard", args=[contact.pk]))

    assert vcard.status_code == 200
    assert "Ana Lima" in vcard.content.decode()
    assert HIDDEN not in vcard.content.decode()
    assert "ORG" not in vcard.content.decode()


def test_the_api_agrees(client, contact):
    [row] = client.get("/api/v1/contacts/").json()["results"]

    assert row["office"] is None
