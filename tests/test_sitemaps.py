from datetime import datetime, timedelta
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from programmes.models import Programme

from .factories import ArticleFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_sections(client, **extra):
    """The sitemaps the index at /sitemap.xml names, as paths with queries."""
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SITEMAP}sitemapindex"
    locations = [
        sitemap.find(f"{SITEMAP}loc").text
        for sitemap in root.findall(f"{SITEMAP}sitemap")
    ]
    host = extra.get("HTTP_HOST", "testserver")
    assert all(location.startswith(f"http://{host}/") for location in locations)
    return [location.split(host, 1)[1] for location in locations]


def sitemap_entries(client, **extra):
    """Every address of every sitemap the index names."""
    entries = {}
    for section in sitemap_sections(client, **extra):
        response = client.get(section, **extra)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/xml"
        root = ElementTree.fromstring(response.content)
        assert root.tag == f"{SITEMAP}urlset"
        entries.update(section_entries(root, entries))
    return entries


def section_entries(root, seen):
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        location = url.find(f"{SITEMAP}loc").text
        assert location not in entries, f"{location} is listed twice"
        assert location not in seen, f"{location} is listed twice"
        lastmod = url.find(f"{SITEMAP}lastmod")
        entries[location] = {
            "lastmod": lastmod.text if lastmod is not None else None,
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall(f"{XHTML}link")
            },
        }
    return entries


@pytest.fixture
def content():
    now = timezone.now()
    programme = ProgrammeFactory(slug="border-management")
    office = OfficeFactory(slug="iom-peru")
    english = ArticleFactory(slug="english-item")
    spanish = ArticleFactory(slug="noticia", language=Article.Language.SPANISH)
    undated = ArticleFactory(slug="undated-item", published_at=None)
    hidden = {
        "draft": ArticleFactory(slug="draft-item", status=Article.Status.DRAFT),
        "future": ArticleFactory(
            slug="future-item", published_at=now + timedelta(days=1)
        ),
        "programme": ProgrammeFactory(slug="hidden-programme", is_published=False),
        "office": OfficeFactory(slug="hidden-office", is_public=False),
    }
    return {
        "programme": programme,
        "office": office,
        "english": english,
        "spanish": spanish,
        "undated": undated,
        "hidden": hidden,
    }


def test_sitemap_lists_every_public_page_and_nothing_else(client, content):
    pages = ["/", "/news/", "/programmes/", "/contacts/"]
    pages += [
        programme.get_absolute_url() for programme in Programme.objects.published()
    ]
    pages += [content["office"].get_absolute_url()]
    expected = {SERVER + path for path in pages}
    expected |= {f"{SERVER}/es{path}" for path in pages}
    expected |= {f"{SERVER}/pt{path}" for path in pages}
    expected |= {
        f"{SERVER}/news/english-item/",
        f"{SERVER}/news/undated-item/",
        f"{SERVER}/es/news/noticia/",
    }

    assert set(sitemap_entries(client)) == expected


def test_every_location_answers_200(client, content):
    for location in sitemap_entries(client):
        address = urlsplit(location)
        assert address.netloc == "testserver"
        assert client.get(address.path).status_code == 200, location


def test_hidden_things_are_absent(client, content):
    listed = " ".join(sitemap_entries(client))
    for slug in ("draft-item", "future-item", "hidden-programme", "hidden-office"):
        assert slug not in listed


def test_articles_are_listed_in_their_own_language_only(client, content):
    entries = sitemap_entries(client)
    english = content["english"]

    assert f"{SERVER}/es/news/english-item/" not in entries
    assert f"{SERVER}/news/noticia/" not in entries
    assert entries[SERVER + english.get_absolute_url()]["alternates"] == {
        "en": SERVER + english.get_absolute_url(),
        "x-default": SERVER + english.get_absolute_url(),
    }
    assert entries[f"{SERVER}/es/news/noticia/"]["alternates"] == {
        "es": f"{SERVER}/es/news/noticia/"
    }


def test_interface_pages_have_every_language_and_a_default(client, content):
    entries = sitemap_entries(client)
    office = content["office"]
    expected = {
        "en": f"{SERVER}/contacts/iom-peru/",
        "es": f"{SERVER}/es/contacts/iom-peru/",
        "pt": f"{SERVER}/pt/contacts/iom-peru/",
        "x-default": f"{SERVER}/contacts/iom-peru/",
    }

    assert entries[SERVER + office.get_absolute_url()]["alternates"] == expected
    assert entries[f"{SERVER}/es/contacts/iom-peru/"]["alternates"] == expected
    assert entries[f"{SERVER}/"]["alternates"] == {
        "en": f"{SERVER}/",
        "es": f"{SERVER}/es/",
        "pt": f"{SERVER}/pt/",
        "x-default": f"{SERVER}/",
    }


def test_lastmod_is_the_last_update_or_publication(client, settings):
    settings.TIME_ZONE = "UTC"
    programme = ProgrammeFactory(slug="border-management")
    Programme.objects.filter(pk=programme.pk).update(
        updated=timezone.make_aware(datetime(2021, 5, 4))
    )
    dated = ArticleFactory(slug="dated-item")
    Article.objects.filter(pk=dated.pk).update(
        updated=timezone.make_aware(datetime(2023, 1, 2)),
        published_at=timezone.make_aware(datetime(2023, 6, 7)),
    )
    Programme.objects.exclude(pk=programme.pk).update(
        updated=timezone.make_aware(datetime(2020, 1, 1))
    )

    entries = sitemap_entries(client)

    assert entries[f"{SERVER}/programmes/border-management/"]["lastmod"] == (
        "2021-05-04"
    )
    assert entries[f"{SERVER}/news/dated-item/"]["lastmod"] == "2023-06-07"
    assert entries[f"{SERVER}/news/"]["lastmod"] == "2023-06-07"
    assert entries[f"{SERVER}/programmes/"]["lastmod"] == "2021-05-04"
    assert entries[f"{SERVER}/"]["lastmod"] == "2023-06-07"


def test_sitemap_uses_the_host_asked_for(client, settings, content):
    settings.ALLOWED_HOSTS = ["www.example.org"]
    entries = sitemap_entries(client, HTTP_HOST="www.example.org")
    assert f"http://www.example.org{content['english'].get_absolute_url()}" in entries
    assert all(location.startswith("http://www.example.org/") for location in entries)


def test_sitemap_is_not_itself_indexed(client):
    response = client.get(reverse("sitemap"))
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_sitemap_is_outside_the_language_prefix(client):
    assert reverse("sitemap") == "/sitemap.xml"
    with translation.override("es"):
        assert reverse("sitemap") == "/sitemap.xml"
    assert client.get("/es/sitemap.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap(client, settings):
    settings.ALLOWED_HOSTS = ["www.example.org"]

    response = client.get("/robots.txt", HTTP_HOST="www.example.org")

    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Sitemap: http://www.example.org/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_the_index_names_a_sitemap_per_section_in_pages(client, monkeypatch):
    from iomsite import sitemaps

    ProgrammeFactory.create_batch(3)
    monkeypatch.setattr(sitemaps, "LIMIT", 2)

    # Each programme is listed in both languages: 3 × 2 addresses, 2 a page.
    sections = sitemap_sections(client)

    assert sections[0] == "/sitemap-pages.xml"
    assert "/sitemap-articles.xml" in sections
    assert "/sitemap-programmes.xml?p=2" in sections
    for section in sections:
        root = ElementTree.fromstring(client.get(section).content)
        assert len(root.findall(f"{SITEMAP}url")) <= 2
    pages = [s for s in sections if s.startswith("/sitemap-programmes.xml")]
    beyond = f"/sitemap-programmes.xml?p={len(pages) + 1}"
    assert client.get(beyond).status_code == 404
    assert client.get("/sitemap-programmes.xml?p=x").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_no_page_of_articles_is_empty_whatever_gaps_the_ids_leave(client, monkeypatch):
    from iomsite import sitemaps

    monkeypatch.setattr(sitemaps, "LIMIT", 2)
    articles = ArticleFactory.create_batch(7)
    # Ids 1-4 of this run deleted or drafts: their ranges hold nothing public.
    for article in articles[:2]:
        article.delete()
    for article in articles[2:4]:
        article.status = Article.Status.DRAFT
        article.save()

    listed = []
    for section in sitemap_sections(client):
        if section.startswith("/sitemap-articles.xml"):
            root = ElementTree.fromstring(client.get(section).content)
            urls = [
                url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")
            ]
            assert urls, f"{section} is empty"
            listed += urls
    assert sorted(listed) == sorted(
        f"{SERVER}{article.get_absolute_url()}" for article in articles[4:]
    )


def test_a_query_string_does_not_make_a_sitemap_anew(client, django_assert_num_queries):
    ArticleFactory()
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/sitemap-articles.xml").status_code == 200

    with django_assert_num_queries(0):
        assert client.get("/sitemap.xml?x=1").status_code == 200
        assert client.get("/sitemap-articles.xml?x=1").status_code == 200
