"""Canonical links, OpenGraph and Twitter tags, and schema.org JSON-LD."""

import json
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from articles.models import Article

from .factories import (
    ArticleFactory,
    ContactFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"
ONE_OF_EACH = [
    ("property", "og:site_name"),
    ("property", "og:type"),
    ("property", "og:title"),
    ("property", "og:description"),
    ("property", "og:url"),
    ("property", "og:locale"),
    ("name", "description"),
    ("name", "twitter:card"),
    ("name", "twitter:title"),
    ("name", "twitter:description"),
]


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    """The content of the one <meta> named ``key`` (by property or name)."""
    tags = soup.find_all("meta", attrs={"property": key}) + soup.find_all(
        "meta", attrs={"name": key}
    )
    assert len(tags) == 1, f"{len(tags)} <meta> {key}"
    return tags[0]["content"]


def canonical(soup):
    links = soup.find_all("link", rel="canonical")
    assert len(links) == 1
    return links[0]["href"]


def all_structured_data(soup):
    return [
        json.loads(script.string)
        for script in soup.find_all("script", type="application/ld+json")
    ]


def structured_data(soup):
    """The page's own JSON-LD, without its breadcrumbs'."""
    return [
        data
        for data in all_structured_data(soup)
        if data.get("@type") != "BreadcrumbList"
    ]


@pytest.fixture
def pages():
    office = OfficeFactory(slug="iom-peru")
    programme = ProgrammeFactory(slug="border-management")
    article = ArticleFactory(slug="news-item")
    ContactFactory(office=office)
    return [
        "/",
        "/es/",
        "/news/",
        "/programmes/",
        "/contacts/",
        article.get_absolute_url(),
        programme.get_absolute_url(),
        office.get_absolute_url(),
    ]


def test_every_public_page_has_one_of_each_tag(client, pages):
    for url in pages:
        soup = soup_of(client.get(url))
        assert len(soup.find_all("title")) == 1, url
        assert canonical(soup).startswith(SERVER)
        for attribute, key in ONE_OF_EACH:
            assert len(soup.find_all("meta", attrs={attribute: key})) == 1, (url, key)
        assert meta(soup, "og:url") == canonical(soup)
        assert meta(soup, "og:title") == meta(soup, "twitter:title")
        assert meta(soup, "og:description") == meta(soup, "description")


def test_titles_and_descriptions_match_the_page(client):
    response = client.get("/programmes/")
    soup = soup_of(response)

    assert soup.title.string == "Programmes · International Organization for Migration"
    assert meta(soup, "og:title") == "Programmes"
    assert meta(soup, "description") == (
        "What IOM does in South America: counter-trafficking, labour migration, "
        "return and reintegration, emergencies and more."
    )
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "og:locale") == "en_US"
    # Without an image of its own, the page is shared with the site's card.
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "og:image") == f"{SERVER}/static/img/share.png"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")
    assert meta(soup, "og:image:alt") == "IOM South America"
    assert meta(soup, "og:image:width") == "1200"


def test_article_page_metadata(client):
    article = ArticleFactory(
        title='Peru & Chile: "safe" <routes>',
        summary="Both countries agree & sign.",
        image=make_image_file("boat.jpg"),
        image_alt='A boat called "Hope"',
        published_at=datetime(2024, 3, 12, 13, 30, tzinfo=UTC),
    )
    url = SERVER + article.get_absolute_url()

    soup = soup_of(client.get(article.get_absolute_url()))

    assert canonical(soup) == url
    assert meta(soup, "og:url") == url
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == 'Peru & Chile: "safe" <routes>'
    assert meta(soup, "og:description") == "Both countries agree & sign."
    assert meta(soup, "og:image") == SERVER + article.image.url
    assert meta(soup, "og:image:alt") == 'A boat called "Hope"'
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == SERVER + article.image.url
    assert meta(soup, "og:locale") == "en_US"
    assert meta(soup, "article:published_time") == "2024-03-12T10:30:00-03:00"


def test_article_json_ld(client):
    programme = ProgrammeFactory(title="Border management", slug="border-management")
    hidden = ProgrammeFactory(is_published=False)
    article = ArticleFactory(
        title="Floods in the Chaco",
        summary="Thousands moved.",
        published_at=datetime(2024, 3, 12, 13, 30, tzinfo=UTC),
        countries=["PY"],
        dateline="Asunción",
        kind=Article.Kind.PRESS_RELEASE,
    )
    article.programmes.add(programme, hidden)
    url = SERVER + article.get_absolute_url()

    [data] = structured_data(soup_of(client.get(article.get_absolute_url())))

    article.refresh_from_db()
    organization = {
        "@type": "GovernmentOrganization",
        "name": "International Organization for Migration",
        "alternateName": "IOM South America",
        "url": f"{SERVER}/",
    }
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Floods in the Chaco",
        "description": "Thousands moved.",
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en",
        "datePublished": "2024-03-12T13:30:00Z",
        "dateModified": data["dateModified"],
        "author": organization,
        "publisher": organization,
        "articleSection": "Press release",
        "locationCreated": {"@type": "Place", "name": "Asunción"},
        "contentLocation": [{"@type": "Country", "name": "Paraguay"}],
        "about": [
            {
                "@type": "Thing",
                "name": "Border management",
                "url": f"{SERVER}/programmes/border-management/",
            }
        ],
    }
    modified = datetime.fromisoformat(data["dateModified"])
    assert abs((modified - article.updated).total_seconds()) < 0.001


def test_json_ld_cannot_close_its_script_element(client):
    title = "</script><script>alert(1)</script> & <!-- more"
    article = ArticleFactory(title=title)

    response = client.get(article.get_absolute_url())

    assert "<script>alert(1)" not in response.text
    assert "<!-- more" not in response.text.split('type="application/ld+json"')[1]
    [data] = structured_data(soup_of(response))
    assert data["headline"] == title


def test_undated_article_gets_no_invented_date(client):
    article = ArticleFactory(published_at=None)

    soup = soup_of(client.get(article.get_absolute_url()))

    [data] = structured_data(soup)
    assert "datePublished" not in data
    assert not soup.find_all("meta", attrs={"property": "article:published_time"})
    assert len(soup.find_all("meta", attrs={"property": "article:modified_time"})) == 1


def test_article_canonical_page_is_in_its_own_language(client):
    english = ArticleFactory(slug="english-item")
    spanish = ArticleFactory(slug="noticia", language=Article.Language.SPANISH)

    english_in_spanish_frame = soup_of(client.get("/es/news/english-item/"))
    spanish_without_prefix = soup_of(client.get("/news/noticia/"))

    assert canonical(english_in_spanish_frame) == SERVER + "/news/english-item/"
    assert meta(english_in_spanish_frame, "og:locale") == "en_US"
    assert canonical(spanish_without_prefix) == SERVER + "/es/news/noticia/"
    assert meta(spanish_without_prefix, "og:locale") == "es_LA"
    assert english.language == "en" and spanish.language == "es"


def test_spanish_interface_page_is_its_own_canonical(client):
    soup = soup_of(client.get("/es/programmes/"))
    assert canonical(soup) == f"{SERVER}/es/programmes/"
    assert meta(soup, "og:locale") == "es_LA"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", "/news/"),
        ("?page=1", "/news/"),
        ("?page=2", "/news/?page=2"),
        ("?page=2&utm_source=newsletter", "/news/?page=2"),
        ("?page=abc", "/news/"),
        ("?page=99", "/news/?page=2"),
        ("?kind=news&page=2", "/news/"),
        ("?q=floods", "/news/"),
    ],
)
def test_list_canonical_keeps_only_the_page_of_an_unfiltered_list(
    client, query, expected
):
    for _ in range(13):
        ArticleFactory()

    soup = soup_of(client.get(f"/news/{query}"))

    assert canonical(soup) == SERVER + expected


def test_office_json_ld(client):
    regional = OfficeFactory(name="IOM Regional Office", slug="regional")
    office = OfficeFactory(
        name="IOM Peru",
        slug="iom-peru",
        country="PE",
        city="Lima",
        street_address="Av. José Pardo 601",
        phones="+51 1 633 0000, +51 1 633 0001",
        email="iomlima@iom.int",
        website="https://peru.iom.int/",
        parent=regional,
    )
    shown = ContactFactory(
        office=office,
        name="Ana Quispe",
        role="Press officer",
        phone="+51 1 633 0002",
        extension="12",
        email="aquispe@iom.int",
        languages="Spanish, Quechua",
    )
    discreet = ContactFactory(
        office=office,
        name="Luis Rojas",
        role="",
        email="lrojas@iom.int",
        show_email=False,
        show_phones=False,
    )
    ContactFactory(office=office, name="Hidden Person", is_public=False)

    [data] = structured_data(soup_of(client.get(office.get_absolute_url())))

    assert data == {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": "IOM Peru",
        "url": f"{SERVER}/contacts/iom-peru/",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Av. José Pardo 601",
            "addressLocality": "Lima",
            "addressCountry": "PE",
        },
        "email": "iomlima@iom.int",
        "telephone": "+51 1 633 0000",
        "contactPoint": [
            {
                "@type": "ContactPoint",
                "contactType": "general enquiries",
                "email": "iomlima@iom.int",
                "areaServed": "PE",
                "telephone": phone,
            }
            for phone in ("+51 1 633 0000", "+51 1 633 0001")
        ],
        "sameAs": ["https://peru.iom.int/"],
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": "IOM Regional Office",
            "url": f"{SERVER}/contacts/regional/",
        },
        "employee": [
            {
                "@type": "Person",
                "name": "Ana Quispe",
                "url": f"{SERVER}/contacts/?q=Ana+Quispe#contact-{shown.pk}",
                "jobTitle": "Press officer",
                "email": "aquispe@iom.int",
                "telephone": "+51 1 633 0002 ext. 12",
                "knowsLanguage": ["Spanish", "Quechua"],
            },
            {
                "@type": "Person",
                "name": "Luis Rojas",
                "url": f"{SERVER}/contacts/?q=Luis+Rojas#contact-{discreet.pk}",
            },
        ],
    }


def test_contacts_directory_json_ld_lists_the_people_shown(client):
    office = OfficeFactory(name="IOM Bolivia", slug="iom-bolivia")
    hidden_office = OfficeFactory(name="IOM Project Office", is_public=False)
    ContactFactory(
        office=office, name="Ana", email="ana@iom.int", phone="", mobile="+591 7"
    )
    ContactFactory(office=hidden_office, name="Bea", show_email=False, phone="")
    ContactFactory(name="Hidden", is_public=False)

    [data] = structured_data(soup_of(client.get("/contacts/")))

    people = {person["name"]: person for person in data["@graph"]}
    assert set(people) == {"Ana", "Bea"}
    assert people["Ana"]["email"] == "ana@iom.int"
    assert people["Ana"]["telephone"] == "+591 7"
    assert people["Ana"]["worksFor"] == {
        "@type": "GovernmentOrganization",
        "name": "IOM Bolivia",
        "url": f"{SERVER}/contacts/iom-bolivia/",
    }
    assert "email" not in people["Bea"]
    # A hidden office is not named, as the API gives office: null.
    assert "worksFor" not in people["Bea"]


def test_programme_page_shares_its_image(client):
    programme = ProgrammeFactory(
        image=make_image_file("camp.jpg"), image_alt="Tents in a camp"
    )

    soup = soup_of(client.get(programme.get_absolute_url()))

    assert meta(soup, "og:image") == SERVER + programme.image.url
    assert meta(soup, "og:image:alt") == "Tents in a camp"
    assert meta(soup, "twitter:card") == "summary_large_image"


def test_search_canonical_drops_the_query_and_its_page(client):
    for _ in range(30):
        ArticleFactory(title="Floods in the Chaco")

    response = client.get("/search/?q=floods&type=news&page=2")

    assert response.context["page_obj"].number == 2
    assert canonical(soup_of(response)) == f"{SERVER}/search/"
