"""Translation groups of any number of languages: a three-language group links
all three ways in the language switcher, the page head and the sitemap; the
admin starts a missing translation as a copy that visitors never see."""

import pytest
from bs4 import BeautifulSoup

from articles.models import Article

from ..factories import ArticleFactory
from ..test_sitemaps import sitemap_entries

pytestmark = pytest.mark.django_db
SERVER = "http://testserver"
ADDRESSES = {
    "en": "/news/flood-relief/",
    "es": "/es/news/ayuda-inundaciones/",
    "pt": "/pt/news/ajuda-enchentes/",
}


@pytest.fixture
def group():
    english = ArticleFactory(slug="flood-relief", title="Flood relief")
    spanish = ArticleFactory(
        slug="ayuda-inundaciones", language="es", translation_of=english
    )
    portuguese = ArticleFactory(
        slug="ajuda-enchentes", language="pt", translation_of=spanish
    )
    return {"en": english, "es": spanish, "pt": portuguese}


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_each_article_of_a_group_links_the_others(client, group, language):
    soup = page(client, ADDRESSES[language])
    switcher = {
        link["hreflang"]: link["href"]
        for link in soup.select(".language-switcher a[hreflang]")
    }
    current = soup.select_one(".language-switcher [aria-current]")
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }

    assert switcher == {
        code: path for code, path in ADDRESSES.items() if code != language
    }
    assert current["lang"] == language
    assert alternates == {
        **{code: SERVER + path for code, path in ADDRESSES.items()},
        "x-default": SERVER + ADDRESSES["en"],
    }
    assert soup.select_one("#language-notice") is None


def test_the_sitemap_lists_the_group_as_alternates(client, group):
    entries = {
        location: entry["alternates"]
        for location, entry in sitemap_entries(client).items()
    }
    expected = {
        **{code: SERVER + path for code, path in ADDRESSES.items()},
        "x-default": SERVER + ADDRESSES["en"],
    }
    for path in ADDRESSES.values():
        assert entries[SERVER + path] == expected


def test_the_notice_shows_only_when_the_languages_differ(client):
    ArticleFactory(slug="only-english", title="Only English")

    assert page(client, "/news/only-english/").select_one("#language-notice") is None
    notice = page(client, "/pt/news/only-english/").select_one("#language-notice")
    assert notice.get_text(strip=True) == "Disponível somente em inglês"
    notice = page(client, "/es/news/only-english/").select_one("#language-notice")
    assert notice.get_text(strip=True) == "Solo disponible en inglés"


def test_the_admin_lists_the_group_and_starts_a_missing_translation(admin_client):
    english = ArticleFactory(slug="flood-relief", title="Flood relief")
    spanish = ArticleFactory(
        slug="ayuda-inundaciones", language="es", translation_of=english
    )
    change = page(admin_client, f"/admin/articles/article/{english.pk}/change/")
    links = {
        link.get_text(): link["href"] for link in change.select(".field-translations a")
    }
    start = f"/admin/articles/article/add/?translation_from={english.pk}&language=pt"
    assert links == {
        spanish.title: f"/admin/articles/article/{spanish.pk}/change/",
        "Start the translation": start,
    }

    form = admin_client.get(start).context["adminform"].form
    assert form.initial["language"] == "pt"
    assert form.initial["needs_translation"] is True
    assert form.initial["translation_of"] == "flood-relief"
    data = {
        name: value
        for name, value in form.initial.items()
        if name not in ("countries", "programmes", "offices", "contacts")
    }
    data |= {"status": "published", "date_source": "stated"}
    response = admin_client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    copy = Article.objects.get(slug="flood-relief-pt")
    assert (copy.language, copy.needs_translation) == ("pt", True)
    assert copy.translation_group_id == english.translation_group_id
    # Published, but still a copy to translate: visitors never see it.
    assert copy.status == Article.Status.PUBLISHED
    assert not Article.objects.published().filter(pk=copy.pk).exists()
    english.refresh_from_db()
    assert "pt" not in english.counterparts()


def test_a_group_holds_one_article_per_language(admin_client):
    english = ArticleFactory(slug="flood-relief")
    ArticleFactory(slug="ayuda", title="Ayuda", language="es", translation_of=english)
    other = ArticleFactory(slug="otra", language="es", status="draft")
    url = f"/admin/articles/article/{other.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None
        and name not in ("countries", "programmes", "offices")
        and name not in ("contacts", "image", "published_at", "unpublish_at")
    }

    response = admin_client.post(url, data | {"translation_of": "flood-relief"})

    errors = response.context["adminform"].form.errors
    assert errors["translation_of"] == [
        "“Ayuda” is in this language already: choose an article in another language."
    ]
    other.refresh_from_db()
    assert other.translation_group_id is None
