from datetime import timedelta
from xml.etree import ElementTree

import feedparser
import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article

from ..factories import ArticleFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"
ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = [
    ("articles:feed", "rss20"),
    ("articles:feed-atom", "atom10"),
]


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def absolute(article):
    return SERVER + article.get_absolute_url()


def test_contract_urls():
    assert reverse("articles:feed") == "/news/feed/"
    assert reverse("articles:feed-atom") == "/news/feed/atom/"
    kwargs = {"slug": "labour-migration"}
    assert (
        reverse("articles:programme-feed", kwargs=kwargs)
        == "/news/feed/programme/labour-migration/"
    )
    assert (
        reverse("articles:programme-feed-atom", kwargs=kwargs)
        == "/news/feed/programme/labour-migration/atom/"
    )
    assert reverse("articles:country-feed", kwargs={"code": "PE"}) == (
        "/news/feed/country/PE/"
    )
    assert reverse("articles:country-feed-atom", kwargs={"code": "PE"}) == (
        "/news/feed/country/PE/atom/"
    )


@pytest.mark.parametrize("name, version", FEEDS)
def test_feed_lists_published_articles_newest_first(client, name, version):
    now = timezone.now()
    older = ArticleFactory(published_at=now - timedelta(days=3))
    newer = ArticleFactory(published_at=now - timedelta(days=1))
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(published_at=now + timedelta(days=1))

    feed = parse(client.get(reverse(name)))

    assert feed.version == version
    assert [entry.link for entry in feed.entries] == [absolute(newer), absolute(older)]
    assert feed.feed.link == SERVER + reverse("articles:list")
    assert feed.feed.title == "IOM South America: news"


@pytest.mark.parametrize("name, version", FEEDS)
def test_entries_carry_the_whole_article(client, name, version):
    published_at = timezone.now().replace(microsecond=0) - timedelta(days=2)
    visible = ProgrammeFactory(title="Labour migration")
    hidden = ProgrammeFactory(title="Old programme", is_published=False)
    article = ArticleFactory(
        title="Fair recruitment & decent work",
        summary="A summary.",
        body="<p>The <strong>whole</strong> body.</p>",
        published_at=published_at,
    )
    article.programmes.add(visible, hidden)

    entry = parse(client.get(reverse(name))).entries[0]

    assert entry.link == absolute(article)
    assert entry.id == absolute(article)
    content = entry.content[0].value if version == "atom10" else entry.summary
    assert "<p><strong>A summary.</strong></p>" in content
    assert "<p>The <strong>whole</strong> body.</p>" in content
    assert [tag.term for tag in entry.tags] == ["Labour migration"]
    assert entry.published_parsed[:6] == published_at.utctimetuple()[:6]


def test_titles_reach_readers_as_written(client):
    ArticleFactory(title='Peru & Chile: "safe" <routes>')

    rss = parse(client.get(reverse("articles:feed"))).entries[0]
    atom = parse(client.get(reverse("articles:feed-atom"))).entries[0]

    # Escaped once, as XML: a second escaping would reach readers as text.
    assert rss.title == 'Peru & Chile: "safe" <routes>'
    assert rss.title_detail.type == "text/plain"
    assert atom.title == 'Peru & Chile: "safe" <routes>'
    assert atom.title_detail.type == "text/plain"


def test_atom_summary_is_the_summary(client):
    ArticleFactory(summary="Short & sweet.", body="<p>Long body.</p>")

    entry = parse(client.get(reverse("articles:feed-atom"))).entries[0]

    assert entry.summary == "Short &amp; sweet."
    assert entry.content[0].value == (
        "<p><strong>Short &amp; sweet.</strong></p><p>Long body.</p>"
    )


def test_undated_article_gets_no_invented_date(client):
    article = ArticleFactory(published_at=None)

    rss = parse(client.get(reverse("articles:feed")))
    atom_response = client.get(reverse("articles:feed-atom"))
    atom = parse(atom_response)

    assert "published" not in rss.entries[0]
    assert "published" not in atom.entries[0]
    entry = ElementTree.fromstring(atom_response.content).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}published") is None
    # Atom requires <updated> in every entry: the last change is a true date.
    updated = entry.find(f"{ATOM}updated").text
    assert updated == article.updated.isoformat()


def test_atom_entries_and_feed_have_what_atom_requires(client):
    ArticleFactory()
    root = ElementTree.fromstring(client.get(reverse("articles:feed-atom")).content)

    assert root.find(f"{ATOM}id").text == SERVER + reverse("articles:list")
    assert root.find(f"{ATOM}updated") is not None
    assert root.find(f"{ATOM}author/{ATOM}name").text == "IOM South America"
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == SERVER + reverse("articles:feed-atom")
    for entry in root.iter(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}") is not None


def test_feed_links_use_the_host_asked_for(client, settings):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    article = ArticleFactory()

    feed = parse(client.get(reverse("articles:feed"), HTTP_HOST="news.example.org"))

    assert feed.entries[0].link == (
        "http://news.example.org" + article.get_absolute_url()
    )


def test_spanish_feed_links_to_spanish_pages(client):
    article = ArticleFactory()

    feed = parse(client.get("/es/news/feed/"))

    with translation.override("es"):
        assert feed.entries[0].link == absolute(article)
    assert feed.entries[0].link == f"{SERVER}/es/news/{article.slug}/"
    assert feed.feed.language == "es"


# Per programme and per country


@pytest.mark.parametrize("suffix", ["programme-feed", "programme-feed-atom"])
def test_programme_feed_lists_the_programme_news(client, suffix):
    programme = ProgrammeFactory(slug="border-management", title="Border management")
    ours = ArticleFactory()
    ours.programmes.add(programme)
    ArticleFactory()

    feed = parse(
        client.get(reverse(f"articles:{suffix}", kwargs={"slug": programme.slug}))
    )

    assert [entry.link for entry in feed.entries] == [absolute(ours)]
    assert feed.feed.title == "IOM South America: news about Border management"
    assert feed.feed.link == f"{SERVER}/news/?programme=border-management"


@pytest.mark.parametrize("suffix", ["programme-feed", "programme-feed-atom"])
def test_unknown_or_unpublished_programme_feed_is_404(client, suffix):
    hidden = ProgrammeFactory(is_published=False)
    for slug in ("no-such-programme", hidden.slug):
        url = reverse(f"articles:{suffix}", kwargs={"slug": slug})
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("suffix", ["country-feed", "country-feed-atom"])
def test_country_feed_lists_the_country_news(client, suffix):
    peru = ArticleFactory(countries=["BO", "PE"])
    ArticleFactory(countries=["BR"])

    feed = parse(client.get(reverse(f"articles:{suffix}", kwargs={"code": "PE"})))
    lower_case = parse(client.get(reverse(f"articles:{suffix}", kwargs={"code": "pe"})))

    assert [entry.link for entry in feed.entries] == [absolute(peru)]
    assert [entry.link for entry in lower_case.entries] == [absolute(peru)]
    assert feed.feed.title == "IOM South America: news about Peru"
    assert feed.feed.link == f"{SERVER}/news/?country=PE"


def test_country_with_no_news_has_an_empty_feed(client):
    ArticleFactory(countries=["BR"])
    feed = parse(client.get(reverse("articles:country-feed", kwargs={"code": "UY"})))
    assert feed.entries == []


@pytest.mark.parametrize(
    "path",
    [
        "/news/feed/country/ZZ/",
        "/news/feed/country/PER/",
        "/news/feed/country/%3Cscript%3E/",
        "/news/feed/country/ZZ/atom/",
    ],
)
def test_unknown_country_feed_is_404(client, path):
    assert client.get(path).status_code == 404


# Conditional GET


def test_feed_answers_304_until_the_news_changes(client):
    article = ArticleFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        last_modified = client.get(reverse("articles:feed"))["Last-Modified"]
        response = client.get(
            reverse("articles:feed"), HTTP_IF_MODIFIED_SINCE=last_modified
        )
        assert response.status_code == 304

    with time_machine.travel(start + timedelta(seconds=3), tick=False):
        # Taking an item out changes the feed although no item is newer.
        article.status = Article.Status.DRAFT
        article.save()
        response = client.get(
            reverse("articles:feed"), HTTP_IF_MODIFIED_SINCE=last_modified
        )

    assert response.status_code == 200
    assert parse(response).entries == []


# Linked from the pages


def alternate_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        (link["type"], link["href"])
        for link in soup.find_all("link", rel="alternate")
        if link.get("type")
    }


def test_every_page_links_the_news_feeds(client):
    links = alternate_links(client.get("/"))
    assert links == {
        ("application/rss+xml", "/news/feed/"),
        ("application/atom+xml", "/news/feed/atom/"),
    }


def test_programme_page_links_its_feeds(client):
    programme = ProgrammeFactory(slug="border-management")

    response = client.get(programme.get_absolute_url())

    assert alternate_links(response) >= {
        ("application/rss+xml", "/news/feed/programme/border-management/"),
        ("application/atom+xml", "/news/feed/programme/border-management/atom/"),
    }
    soup = BeautifulSoup(response.content, "html.parser")
    visible = {a["href"] for a in soup.select("main a[type]")}
    assert "/news/feed/programme/border-management/" in visible


def test_office_page_links_its_country_feeds(client):
    office = OfficeFactory(country="PE")

    links = alternate_links(client.get(office.get_absolute_url()))

    assert links >= {
        ("application/rss+xml", "/news/feed/country/PE/"),
        ("application/atom+xml", "/news/feed/country/PE/atom/"),
    }


def test_news_list_links_the_feeds_visibly(client):
    soup = BeautifulSoup(client.get("/news/").content, "html.parser")
    hrefs = [a["href"] for a in soup.select("main a[type]")]
    assert hrefs == ["/news/feed/", "/news/feed/atom/"]
