"""Slugs that would hide a page behind one of the site's own addresses
(``/news/feed/``) are refused in the admin and never made by the importer."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import resolve, reverse
from django.utils import translation

from articles.models import Article
from contacts.models import Office
from iomsite.content.slugs import reserved_slugs
from iomsite.legacy.importing import LegacyImporter, free_slug
from programmes.models import Programme

from ..factories import ArticleFactory, OfficeFactory, ProgrammeFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"


def test_the_reserved_words_are_those_of_each_apps_addresses():
    assert reserved_slugs(Article) == {"feed", "atom", "programme", "country"}
    assert reserved_slugs(Office) == {"people"}
    assert reserved_slugs(Programme) == set()


def test_an_article_called_feed_would_be_hidden_by_the_feed():
    assert resolve("/news/feed/").url_name == "feed"
    assert resolve("/news/feeding/").url_name == "detail"


def slug_errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        error.get_text(" ", strip=True)
        for error in soup.select(".field-slug .errorlist li")
    ]


def article_form(**changes):
    return {
        "title": "Feed",
        "slug": "feed",
        "kind": Article.Kind.NEWS,
        "language": "en",
        "status": Article.Status.DRAFT,
        "date_source": Article.DateSource.STATED,
        **changes,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["feed", "Atom", "programme", "country"])
def test_the_admin_refuses_a_reserved_article_slug(admin_client, slug):
    response = admin_client.post(
        reverse("admin:articles_article_add"), article_form(slug=slug)
    )

    assert response.status_code == 200
    assert slug_errors(response) == [
        f"“{slug}” cannot be used: the site’s own addresses under /news/ use "
        "this word (reserved: atom, country, feed, programme). Choose another "
        f"slug, for example “{slug.lower()}-article”."
    ]
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_error_is_translated():
    article = ArticleFactory.build(slug="feed")
    with translation.override("es"), pytest.raises(ValidationError) as error:
        article.full_clean()
    (message,) = error.value.message_dict["slug"]
    assert message == (
        "No se puede usar “feed”: las direcciones propias del sitio bajo "
        "/es/news/ usan esta palabra (reservadas: atom, country, feed, "
        "programme). Elija otro slug, por ejemplo “feed-article”."
    )


@pytest.mark.django_db
def test_an_article_slug_that_only_starts_with_a_reserved_word_is_fine(
    admin_client,
):
    response = admin_client.post(
        reverse("admin:articles_article_add"), article_form(slug="feed-the-future")
    )
    assert response.status_code == 302
    assert Article.objects.get().get_absolute_url() == "/news/feed-the-future/"


@pytest.mark.django_db
def test_the_office_admin_refuses_people_and_programmes_have_no_reserved_word():
    office = OfficeFactory.build(slug="people")
    with pytest.raises(ValidationError, match="cannot be used") as error:
        office.full_clean()
    assert list(error.value.message_dict) == ["slug"]
    ProgrammeFactory.build(slug="feed", title="Feed").full_clean()


@pytest.mark.django_db
def test_the_importer_gives_a_reserved_slug_a_suffix():
    ArticleFactory(slug="country-2")
    assert free_slug(Article, "Feed") == "feed-2"
    assert free_slug(Article, "country") == "country-3"
    assert free_slug(Office, "People") == "people-2"
    assert free_slug(Programme, "Feed") == "feed"


@pytest.mark.django_db
def test_an_imported_page_titled_like_a_route_gets_a_reachable_address(tmp_path):
    page = tmp_path / "feed.txt"
    text = (FIXTURES / "en_news_global_posted.txt").read_text()
    page.write_text(
        text.replace(
            "New Guide Helps Municipalities Welcome Venezuelan Families", "Feed"
        )
    )

    result = LegacyImporter().import_file(page)

    assert result.status == "created"
    article = Article.objects.get(title="Feed")
    assert article.slug == "feed-2"
    assert resolve(article.get_absolute_url()).url_name == "detail"
