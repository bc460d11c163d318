"""The API documentation page, rendered from the OpenAPI schema."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    return client.get("/api/v1/schema/").json()


def test_the_schema_is_openapi_with_every_endpoint(schema):
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/articles/",
        "/api/v1/articles/{slug}/",
        "/api/v1/programmes/",
        "/api/v1/programmes/{slug}/",
        "/api/v1/offices/",
        "/api/v1/offices/{slug}/",
        "/api/v1/contacts/",
        "/api/v1/contacts/{id}/",
    }
    for item in schema["paths"].values():
        assert set(item) == {"get"}


def test_the_schema_lists_the_filters_and_the_language(schema):
    def parameters(path):
        return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}

    assert parameters("/api/v1/articles/") == {
        "q",
        "programme",
        "country",
        "kind",
        "year",
        "language",
        "lang",
        "page",
        "page_size",
    }
    assert parameters("/api/v1/contacts/") == {
        "q",
        "office",
        "country",
        "programme",
        "lang",
        "page",
        "page_size",
    }
    assert parameters("/api/v1/offices/{slug}/") == {"slug", "lang"}


def test_the_docs_page_documents_every_operation_and_object(client, schema):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    headings = {h3.get_text(" ", strip=True) for h3 in page.main.find_all("h3")}
    for path in schema["paths"]:
        assert f"GET {path}" in headings
    for name, component in schema["components"]["schemas"].items():
        section = page.find(id=f"schema-{name}")
        assert section is not None, name
        rows = section.find_parent("section").find_all("th", scope="row")
        assert [row.get_text(strip=True) for row in rows] == list(
            component.get("properties", {})
        )
    assert page.find("a", href="/api/v1/schema/")
    code = page.main.find("pre").get_text()
    assert code == (
        "curl -H 'Accept: application/json' "
        "'http://testserver/api/v1/articles/?kind=news&lang=es'"
    )


def test_links_to_objects_on_the_page_all_land(client):
    page = BeautifulSoup(client.get(reverse("api-docs")).content, "html.parser")
    anchors = {a["href"][1:] for a in page.main.find_all("a", href=True)}
    anchors = {anchor for anchor in anchors if anchor.startswith("schema-")}
    assert anchors
    assert all(page.find(id=anchor) for anchor in anchors)


def test_the_docs_page_exists_in_spanish(client):
    response = client.get("/es/api/v1/docs/")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "es"
    assert page.h1.get_text() == "Documentación de la API"


def test_the_docs_page_loads_nothing_from_elsewhere_under_the_sites_policy(client):
    response = client.get(reverse("api-docs"))
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in policy
    page = BeautifulSoup(response.content, "html.parser")
    sources = [script["src"] for script in page.find_all("script")]
    sources += [link["href"] for link in page.find_all("link", rel="stylesheet")]
    sources += [image["src"] for image in page.find_all("img")]
    assert sources
    assert all(source.startswith("/static/") for source in sources), sources
    assert all(script.get("src") for script in page.find_all("script"))


def test_the_docs_page_is_served_from_the_page_cache(client):
    url = reverse("api-docs")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == 0


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_docs_page_reads_as_prose_not_as_source(client, schema, prefix):
    response = client.get(f"{prefix}/api/v1/docs/")
    page = BeautifulSoup(response.content, "html.parser")
    text = page.main.get_text(" ", strip=True)
    # drf-spectacular's Markdown list of choices becomes a list of the page.
    assert "* `" not in text
    kinds = page.find(id="schema-ArticleKindEnum").find_parent("section")
    assert [li.code.get_text() for li in kinds.find_all("li")] == [
        "press_release",
        "news",
        "statement",
        "feature",
    ]
    # No code comment and no admin help text is shown as a description.
    assert "ConditionalGetMiddleware" not in text
    assert "Leave empty" not in text and "Leave it empty" not in text
    assert "``" not in text
    for item in schema["paths"].values():
        assert item["get"]["description"]
    # lang beside language, told apart.
    explained = page.find(id="api-use").find_parent("section").get_text(" ")
    assert "lang" in explained and "language" in explained


def test_the_spanish_schema_says_it_is_spanish(client):
    response = client.get("/api/v1/schema/?lang=es", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    assert "Accept" in response["Vary"]
