"""Imported contacts not reviewed yet: on the articles that named them, as the
old page did, and nowhere else until a publisher decides."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from contacts.models import Contact

pytestmark = pytest.mark.django_db

FIXTURE = (
    Path(__file__).resolve().parent.parent
    / "fixtures"
    / "legacy"
    / "en_media_contact_no_header.txt"
)
CONTACTS_ADMIN = reverse("admin:contacts_contact_changelist")


def import_fixture(*options):
    call_command("import_legacy", str(FIXTURE), *options, stdout=StringIO())
    return Article.objects.get()


def visible_anywhere_but_articles(client, contact):
    """Where the directory, the vCard, the API and search would show it."""
    return {
        "directory": contact.email
        in client.get(reverse("contacts:list"), {"q": contact.name}).content.decode(),
        "vcard": client.get(
            reverse("contacts:contact-vcard", args=[contact.pk])
        ).status_code
        == 200,
        "api": client.get(f"/api/v1/contacts/{contact.pk}/").status_code == 200,
        "search": f"#contact-{contact.pk}"
        in client.get(reverse("search"), {"q": contact.name}).content.decode(),
    }


def test_by_default_a_contact_is_on_its_article_only(client):
    article = import_fixture()
    carla = Contact.objects.get(email="cbenitez@iom.int")
    assert (carla.is_public, carla.imported_unreviewed) == (False, True)

    page = client.get(article.get_absolute_url()).content.decode()
    assert "cbenitez@iom.int" in page
    assert "treyes@iom.int" in page
    assert visible_anywhere_but_articles(client, carla) == {
        "directory": False,
        "vcard": False,
        "api": False,
        "search": False,
    }
    # Nor in the article's API entry, which lists public contacts only.
    detail = client.get(f"/api/v1/articles/{article.slug}/")
    assert detail.status_code == 200
    assert "cbenitez@iom.int" not in detail.content.decode()


def test_public_contacts_are_everywhere_at_once(client):
    article = import_fixture("--contacts", "public")
    carla = Contact.objects.get(email="cbenitez@iom.int")
    assert (carla.is_public, carla.imported_unreviewed) == (True, False)
    assert "cbenitez@iom.int" in client.get(article.get_absolute_url()).content.decode()
    assert visible_anywhere_but_articles(client, carla) == {
        "directory": True,
        "vcard": True,
        "api": True,
        "search": True,
    }


@pytest.mark.parametrize(
    "action, public", [("make_public", True), ("make_hidden", False)]
)
def test_a_publishers_decision_ends_the_review(admin_client, client, action, public):
    article = import_fixture()
    carla = Contact.objects.get(email="cbenitez@iom.int")

    response = admin_client.post(
        CONTACTS_ADMIN, {"action": action, "_selected_action": [carla.pk]}
    )
    assert response.status_code == 302
    carla.refresh_from_db()
    assert (carla.is_public, carla.imported_unreviewed) == (public, False)
    page = client.get(article.get_absolute_url()).content.decode()
    assert ("cbenitez@iom.int" in page) is public
    assert visible_anywhere_but_articles(client, carla)["directory"] is public
    # The other contact, not decided on, is still on the article.
    assert "treyes@iom.int" in page


def test_a_contact_a_person_hid_is_not_on_articles(client):
    article = import_fixture()
    Contact.objects.filter(email="cbenitez@iom.int").update(imported_unreviewed=False)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "cbenitez@iom.int" not in page
    assert "treyes@iom.int" in page
