"""Every API endpoint makes as many SQL queries for 100 items as for 5."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from programmes.models import Programme

from ..factories import (
    ArticleFactory,
    ContactFactory,
    KeyFigureFactory,
    OfficeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

FEW, MANY = 5, 100


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """A response served from the cache makes no query at all: count real work."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }


def article_list(count):
    health, _ = Programme.objects.get_or_create(slug="health", title="Health")
    for _ in range(count):
        article = ArticleFactory(countries=["BO", "PE"])
        article.programmes.add(health, ProgrammeFactory())
        translation = ArticleFactory(language="es", translation_of=article)
        translation.programmes.add(ProgrammeFactory())


def article_detail(count):
    article, _ = Article.objects.get_or_create(
        slug="the-article",
        defaults={"title": "The article", "status": Article.Status.PUBLISHED},
    )
    article.programmes.add(*ProgrammeFactory.create_batch(count))
    article.offices.add(*OfficeFactory.create_batch(count))
    article.contacts.add(*ContactFactory.create_batch(count))


def programme_list(count):
    for programme in ProgrammeFactory.create_batch(count):
        programme.offices.add(*OfficeFactory.create_batch(2))


def programme_detail(count):
    programme, _ = Programme.objects.get_or_create(
        slug="the-programme", defaults={"title": "The programme"}
    )
    programme.offices.add(*OfficeFactory.create_batch(count))
    programme.focal_points.add(*ContactFactory.create_batch(count))


def office_list(count):
    parent = OfficeFactory(slug="regional")
    for office in OfficeFactory.create_batch(count, parent=parent):
        KeyFigureFactory.create_batch(2, office=office)


def office_detail(count):
    office = OfficeFactory(slug="the-office")
    KeyFigureFactory.create_batch(count, office=office)
    ContactFactory.create_batch(count, office=office)


def contact_list(count):
    for office in OfficeFactory.create_batch(count):
        ContactFactory(office=office)


SCENARIOS = {
    "/api/v1/articles/?page_size=100": article_list,
    "/api/v1/articles/?programme=health&country=BO&kind=news&q=body&page_size=100": (
        article_list
    ),
    "/api/v1/articles/the-article/": article_detail,
    "/api/v1/programmes/?page_size=100&lang=es": programme_list,
    "/api/v1/programmes/the-programme/": programme_detail,
    "/api/v1/offices/?page_size=100": office_list,
    "/api/v1/offices/the-office/": office_detail,
    "/api/v1/contacts/?page_size=100&country=BO": contact_list,
}


def measure(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    data = response.json()
    return len(queries), len(str(data))


@pytest.mark.parametrize("url", SCENARIOS)
def test_queries_do_not_grow_with_the_items_returned(client, url):
    add = SCENARIOS[url]
    add(FEW)
    client.get(url)  # Caches of Django (sites, content types) fill up.
    queries_for_few, size_for_few = measure(client, url)

    add(MANY - FEW)
    queries_for_many, size_for_many = measure(client, url)

    assert size_for_many > size_for_few
    assert queries_for_many == queries_for_few
