"""Control characters are removed wherever text enters: the admin's forms,
the models saved by any other way, the importer and the API's parameters;
and a feed with such text already stored still answers."""

import pytest
from django.urls import reverse

from articles.models import Article
from contacts.models import Contact, Office
from programmes.models import Programme

from ..editorial.test_publishing import article_data
from ..factories import ArticleFactory, ContactFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

# Null characters get a form error of Django's own, and PostgreSQL refuses
# them: the others are the ones that went through.
DIRTY = "Shelter\x0b opens\x1b[31m in Lima\x85\x7f"
CLEAN = "Shelter opens[31m in Lima"


def test_the_article_admin_form_removes_control_characters(admin_client):
    new = ArticleFactory.build(slug="new-shelter")

    response = admin_client.post(
        reverse("admin:articles_article_add"),
        article_data(
            new, title=DIRTY, summary=DIRTY, body=f"<p>{DIRTY}</p>", dateline=DIRTY
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="new-shelter")
    assert (article.title, article.summary, article.dateline) == (CLEAN,) * 3
    assert article.body == f"<p>{CLEAN}</p>"


def test_programmes_offices_and_contacts_are_saved_without_them():
    programme = ProgrammeFactory(
        title=DIRTY + "\x00", summary=DIRTY, body=f"<p>{DIRTY}</p>"
    )
    office = OfficeFactory(name=DIRTY, city=DIRTY, introduction=DIRTY)
    contact = ContactFactory(name=DIRTY, role=DIRTY, office=office)

    programme = Programme.objects.get(pk=programme.pk)
    assert (programme.title, programme.summary) == (CLEAN, CLEAN)
    assert programme.body == f"<p>{CLEAN}</p>"
    office = Office.objects.get(pk=office.pk)
    assert (office.name, office.city, office.introduction) == (CLEAN,) * 3
    contact = Contact.objects.get(pk=contact.pk)
    assert (contact.name, contact.role) == (CLEAN, CLEAN)


@pytest.mark.parametrize(
    "url",
    ["/news/feed/", "/news/feed/atom/", "/es/news/feed/"],
)
def test_a_feed_answers_with_control_characters_already_stored(client, url):
    article = ArticleFactory()
    article.programmes.add(ProgrammeFactory())
    # Stored before they were removed on save: update() skips save().
    Article.objects.filter(pk=article.pk).update(
        title=DIRTY, summary=DIRTY, body=f"<p>{DIRTY}</p>"
    )
    Programme.objects.filter(pk=article.programmes.last().pk).update(title=DIRTY)

    response = client.get(url)

    assert response.status_code == 200
    assert "Shelter opens" in response.content.decode()
    assert b"\x0b" not in response.content


@pytest.mark.parametrize("url", ["/api/v1/contacts/", "/api/v1/articles/"])
def test_api_parameters_lose_their_control_characters(client, url):
    ContactFactory(name="Ana Lima")

    response = client.get(url, {"q": "Ana\x0b\x1b"})

    assert response.status_code == 200
