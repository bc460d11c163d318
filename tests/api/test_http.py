"""The API over HTTP: languages, pagination, absolute links, conditional GET,
the page cache, CORS, read-only methods and the rate limit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contacts.models import Office

from ..factories import ArticleFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory(
        slug="health",
        title="Migration health",
        title_es="Salud y migración",
        summary="Care for migrants.",
        summary_es="Atención a migrantes.",
    )


@pytest.fixture
def office():
    return OfficeFactory(
        slug="iom-peru",
        name="IOM Peru",
        name_es="OIM Perú",
        country="PE",
        kind=Office.Kind.COUNTRY,
    )


def test_lang_es_gives_the_spanish_texts(client, programme, office):
    data = client.get("/api/v1/programmes/health/?lang=es").json()
    assert data["title"] == "Salud y migración"
    assert data["summary"] == "Atención a migrantes."
    assert data["url"] == "http://testserver/es/programmes/health/"
    assert data["api_url"] == "http://testserver/api/v1/programmes/health/?lang=es"

    office_data = client.get("/api/v1/offices/iom-peru/?lang=es").json()
    assert office_data["name"] == "OIM Perú"
    assert office_data["country"] == {"code": "PE", "name": "Perú"}
    assert office_data["kind_display"] == "Oficina de país"


def test_english_by_default(client, programme, office):
    response = client.get("/api/v1/offices/iom-peru/")
    assert response["Content-Language"] == "en"
    data = response.json()
    assert data["name"] == "IOM Peru"
    assert data["country"] == {"code": "PE", "name": "Peru"}
    assert data["url"] == "http://testserver/contacts/iom-peru/"
    spanish = client.get("/api/v1/offices/iom-peru/?lang=es")
    assert spanish["Content-Language"] == "es"


def test_an_unknown_language_is_a_clear_error(client, programme):
    response = client.get("/api/v1/programmes/?lang=fr")
    assert response.status_code == 400
    assert response.json() == {"lang": ["Choose one of these languages: en, es, pt."]}


def test_an_article_links_to_its_translation_in_its_own_language(client):
    original = ArticleFactory(slug="flood-relief", title="Flood relief")
    ArticleFactory(
        slug="ayuda-inundaciones",
        title="Ayuda tras las inundaciones",
        language="es",
        translation_of=original,
    )
    data = client.get("/api/v1/articles/flood-relief/?lang=es").json()
    assert data["url"] == "http://testserver/news/flood-relief/"
    assert data["translation"] == {
        "slug": "ayuda-inundaciones",
        "title": "Ayuda tras las inundaciones",
        "language": "es",
        "url": "http://testserver/es/news/ayuda-inundaciones/",
        "api_url": "http://testserver/api/v1/articles/ayuda-inundaciones/?lang=es",
    }
    spanish = client.get("/api/v1/articles/ayuda-inundaciones/").json()
    assert spanish["translation"]["slug"] == "flood-relief"
    ArticleFactory(
        slug="ajuda-enchentes", language="pt", translation_of=original, title="Ajuda"
    )
    data = client.get("/api/v1/articles/ayuda-inundaciones/?lang=pt").json()
    assert [(item["language"], item["url"]) for item in data["translations"]] == [
        ("en", "http://testserver/news/flood-relief/"),
        ("pt", "http://testserver/pt/news/ajuda-enchentes/"),
    ]


def test_pagination_keeps_the_filters(client):
    for number in range(5):
        ArticleFactory(slug=f"story-{number}", countries=["BO"])
    ArticleFactory(slug="elsewhere", countries=["CL"])
    data = client.get("/api/v1/articles/?country=BO&page_size=2").json()
    assert data["count"] == 5
    assert len(data["results"]) == 2
    assert data["next"] == (
        "http://testserver/api/v1/articles/?country=BO&page=2&page_size=2"
    )
    last = client.get("/api/v1/articles/?country=BO&page_size=2&page=3").json()
    assert [item["slug"] for item in last["results"]] == ["story-0"]  # The oldest.
    assert last["next"] is None


def test_a_page_past_the_end_is_not_found(client):
    ArticleFactory()
    assert client.get("/api/v1/articles/?page=9").status_code == 404


def test_an_invalid_filter_is_a_clear_error(client):
    response = client.get("/api/v1/articles/?year=abc&page_size=0&programme=nope")
    assert response.status_code == 400
    assert set(response.json()) == {"year"}
    response = client.get("/api/v1/articles/?page_size=0&programme=nope")
    assert response.status_code == 400
    assert set(response.json()) == {"page_size"}


def test_a_slug_or_country_naming_nothing_gives_an_empty_list(client):
    # As the offices' country filter always did: the endpoints agree.
    for query in ("programme=nope", "country=PA"):
        response = client.get(f"/api/v1/articles/?{query}")
        assert response.status_code == 200, query
        assert response.json()["results"] == []


def test_image_addresses_are_absolute(client, settings):
    from ..factories import make_image_file

    programme = ProgrammeFactory(slug="with-image", image_alt="A training room")
    programme.image = make_image_file()
    programme.save()
    data = client.get("/api/v1/programmes/with-image/").json()
    assert data["image"] == {
        "url": f"http://testserver{programme.image.url}",
        "alt": "A training room",
    }


def test_conditional_get_answers_304_until_something_changes(client, programme):
    url = "/api/v1/programmes/health/"
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    not_modified = client.get(url, headers={"if-modified-since": last_modified})
    assert not_modified.status_code == 304

    programme.summary = "Care for migrants and their families."
    programme.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.json()["summary"] == "Care for migrants and their families."


def test_responses_come_from_the_page_cache_per_query_and_language(client, programme):
    url = "/api/v1/programmes/health/"
    client.get(url)
    client.get(url + "?lang=es")
    with CaptureQueriesContext(connection) as queries:
        english = client.get(url).json()
        spanish = client.get(url + "?lang=es").json()
    assert len(queries) == 0
    assert (english["title"], spanish["title"]) == (
        "Migration health",
        "Salud y migración",
    )

    programme.title = "Health and migration"
    programme.save()
    assert client.get(url).json()["title"] == "Health and migration"


def test_cors_is_open_for_reading_only(client, programme):
    origin = {"origin": "https://partner.example.org"}
    response = client.get("/api/v1/programmes/", headers=origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    cached = client.get("/api/v1/programmes/", headers=origin)
    assert cached["Access-Control-Allow-Origin"] == "*"

    preflight = client.options(
        "/api/v1/programmes/",
        headers={**origin, "access-control-request-method": "DELETE"},
    )
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"

    page = client.get(reverse("programmes:list"), headers=origin)
    assert "Access-Control-Allow-Origin" not in page


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_refused(client, programme, method):
    for url in ("/api/v1/programmes/", "/api/v1/programmes/health/"):
        response = getattr(client, method)(url, {}, content_type="application/json")
        assert response.status_code == 405
    assert client.get("/api/v1/programmes/health/").status_code == 200


def test_anonymous_clients_are_rate_limited(client, settings, programme):
    settings.API_ANON_RATE = "3/min"
    for page_size in range(1, 4):
        url = f"/api/v1/programmes/?page_size={page_size}"
        assert client.get(url).status_code == 200
    refused = client.get("/api/v1/programmes/?page_size=9")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    other_client = client.get(
        "/api/v1/programmes/?page_size=9", REMOTE_ADDR="192.0.2.7"
    )
    assert other_client.status_code == 200


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(
    client, settings, programme
):
    settings.API_ANON_RATE = "2/min"
    statuses = [
        client.get(
            f"/api/v1/programmes/?page_size={number}",
            headers={"x-forwarded-for": f"198.51.100.{number}"},
        ).status_code
        for number in range(1, 5)
    ]
    assert statuses == [200, 200, 429, 429]


def test_the_api_root_lists_the_endpoints(client):
    data = client.get("/api/v1/").json()
    assert data == {
        "articles": "http://testserver/api/v1/articles/",
        "programmes": "http://testserver/api/v1/programmes/",
        "offices": "http://testserver/api/v1/offices/",
        "contacts": "http://testserver/api/v1/contacts/",
        "schema": "http://testserver/api/v1/schema/",
        "docs": "http://testserver/api/v1/docs/",
    }


def test_the_page_cache_keeps_one_answer_per_accept(client):
    ArticleFactory()
    url = "/api/v1/articles/"
    for accept, status in [("*/*", 200), ("application/xml", 406)] * 2:
        response = client.get(url, HTTP_ACCEPT=accept)
        assert response.status_code == status, accept
        assert "Accept" in response["Vary"]
    # The JSON answer is kept: asked again, no query is made.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_ACCEPT="*/*")
    assert response.status_code == 200
    assert len(queries) == 0
    assert client.get(url, HTTP_ACCEPT="application/json").status_code == 200
