"""Every public page makes as many SQL queries for 200 items as for 5."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contacts.models import Office

from .factories import (
    ArticleFactory,
    ContactFactory,
    KeyFigureFactory,
    OfficeFactory,
    OfficeProgrammeTextFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

FEW, MANY = 5, 200


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """A page served from the cache makes no query at all: count real work."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }


class Scenario:
    """Items of one kind shown on one page; ``add(count)`` makes more."""

    url = None

    def setup(self):
        pass

    def add(self, count):
        raise NotImplementedError


def articles(count, **fields):
    now = timezone.now()
    created = []
    for _ in range(count):
        article = ArticleFactory(
            published_at=now - timedelta(days=len(created) + 1),
            countries=["BO", "PE"],
            **fields,
        )
        created.append(article)
    return created


class Home(Scenario):
    url = "/"

    def add(self, count):
        programme = ProgrammeFactory()
        for article in articles(count, title="Home news"):
            article.programmes.add(programme)
        ProgrammeFactory.create_batch(count)
        OfficeFactory.create_batch(count)


class NewsList(Scenario):
    url = "/news/"

    def setup(self):
        self.programme = ProgrammeFactory(slug="health")

    def add(self, count):
        for article in articles(count):
            article.programmes.add(self.programme, ProgrammeFactory())


class FilteredNewsList(NewsList):
    url = (
        f"/news/?programme=health&country=BO&kind=news&language=en"
        f"&year={(timezone.now() - timedelta(days=1)).year}&q=body&page=2"
    )


class ArticleDetail(Scenario):
    url = "/news/the-article/"

    def setup(self):
        self.article = ArticleFactory(slug="the-article", countries=["BO"])

    def add(self, count):
        self.article.programmes.add(*ProgrammeFactory.create_batch(count))
        self.article.contacts.add(*ContactFactory.create_batch(count))
        self.article.offices.add(*OfficeFactory.create_batch(count))
        for related in articles(count):
            related.programmes.add(*self.article.programmes.all()[:2])


class ProgrammeList(Scenario):
    url = "/programmes/"

    def add(self, count):
        ProgrammeFactory.create_batch(count)


class ProgrammeDetail(Scenario):
    url = "/programmes/the-programme/"

    def setup(self):
        self.programme = ProgrammeFactory(slug="the-programme")

    def add(self, count):
        self.programme.offices.add(*OfficeFactory.create_batch(count))
        self.programme.focal_points.add(*ContactFactory.create_batch(count))
        for article in articles(count):
            article.programmes.add(self.programme)


class ContactList(Scenario):
    url = "/contacts/"

    def add(self, count):
        for office in OfficeFactory.create_batch(count):
            ContactFactory(office=office)


class OfficeDetail(Scenario):
    url = "/contacts/the-office/"

    def setup(self):
        self.office = OfficeFactory(
            slug="the-office", name="The office", kind=Office.Kind.REGIONAL
        )

    def add(self, count):
        OfficeFactory.create_batch(count, parent=self.office)
        KeyFigureFactory.create_batch(count, office=self.office)
        ContactFactory.create_batch(count, office=self.office)
        for number, programme in enumerate(ProgrammeFactory.create_batch(count)):
            programme.offices.add(self.office)
            # Half of them with the office's own text about them.
            if number % 2:
                OfficeProgrammeTextFactory(office=self.office, programme=programme)
        for article in articles(count):
            article.offices.add(self.office)


class Search(Scenario):
    url = "/search/?q=lagoon"

    def add(self, count):
        articles(count, title="Lagoon news")
        ProgrammeFactory.create_batch(count, summary="Lagoon programme")
        offices = OfficeFactory.create_batch(count, city="Lagoon")
        for office in offices:
            ContactFactory(office=office, role="Lagoon officer")


class SearchNews(Search):
    url = "/search/?q=lagoon&type=news&page=2"


class SearchContacts(Search):
    url = "/search/?q=lagoon&type=contacts"


def measure(client, url):
    """The number of queries, and of links in the page's main content (which
    says that more items are shown)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").main
    return len(queries), len(main.find_all("a", href=True))


@pytest.mark.parametrize(
    "scenario",
    [
        Home,
        NewsList,
        FilteredNewsList,
        ArticleDetail,
        ProgrammeList,
        ProgrammeDetail,
        ContactList,
        OfficeDetail,
        Search,
        SearchNews,
        SearchContacts,
    ],
)
def test_queries_do_not_grow_with_the_items_shown(client, scenario):
    page = scenario()
    page.setup()
    page.add(FEW)
    client.get(page.url)  # Caches of Django (sites, content types) fill up.
    queries_for_few, links_for_few = measure(client, page.url)

    page.add(MANY - FEW)
    queries_for_many, links_for_many = measure(client, page.url)

    assert links_for_many > links_for_few
    assert queries_for_many == queries_for_few
