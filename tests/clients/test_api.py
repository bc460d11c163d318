"""The API as schemathesis and openapi-spec-validator read it: the schema is
valid OpenAPI, and every operation answers what the schema says, for any
parameters the schema allows or forbids, in every language, from a cold page
cache and then from a warm one."""

import json

import pytest
import schemathesis
from django.conf import settings
from django.core.cache import caches
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from schemathesis.generation import GenerationMode

from .conftest import fetch

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_schema_is_valid_openapi_in_json(site, language):
    for accept in ("application/json", "application/vnd.oai.openapi+json", "*/*"):
        status, headers, body = fetch(
            f"{site}/api/v1/schema/?lang={language}", headers={"Accept": accept}
        )
        assert status == 200, (accept, body[:200])
        assert headers["Content-Language"] == language
        validate(json.loads(body))


def check(operation, mode):
    """All of schemathesis's checks on a bounded number of cases of one
    operation: parameters the schema allows (positive: each asked in every
    language) or forbids (negative); each case once with the page cache
    empty, then once more from it, which must answer the same."""

    @hypothesis_settings(
        max_examples=10,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def answers_as_documented(case):
        languages = LANGUAGES if mode == GenerationMode.POSITIVE else [None]
        for language in languages:
            if language:
                case.query = {**(case.query or {}), "lang": language}
            caches["default"].clear()
            cold = case.call_and_validate()
            warm = case.call_and_validate()
            assert warm.status_code == cold.status_code
            assert warm.content == cold.content

    answers_as_documented()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_as_documented(site, mode):
    schema = schemathesis.openapi.from_url(f"{site}/api/v1/schema/")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 8
    for operation in operations:
        check(operation, mode)


@pytest.mark.parametrize(
    "path", ["/api/v1/schema/", "/api/v1/articles/", "/api/v1/offices/"]
)
def test_the_answer_to_accept_does_not_depend_on_what_was_asked_before(site, path):
    asked = [
        ("*/*", 200),
        ("application/xml", 406),
        ("application/json", 200),
        ("application/xml", 406),
        ("*/*", 200),
    ]
    for accept, expected in asked:
        status, headers, _body = fetch(site + path, headers={"Accept": accept})
        assert (accept, status) == (accept, expected)
        assert "accept" in headers["Vary"].lower()


def test_the_root_links_to_the_docs_and_the_schema(site):
    status, _headers, body = fetch(f"{site}/api/v1/")
    assert status == 200
    links = json.loads(body)
    assert links["schema"] == f"{site}/api/v1/schema/"
    assert links["docs"] == f"{site}/api/v1/docs/"
    assert fetch(links["docs"])[0] == 200


@pytest.mark.parametrize(
    "query",
    [
        "lang=",
        "lang=AAA",
        "page_size=0",
        "page_size=abc",
        "page_size=101",
        "page=",
        "page=0",
        "page=last",
    ],
)
def test_bad_parameters_are_refused_not_replaced(site, query):
    status, _headers, body = fetch(f"{site}/api/v1/articles/?{query}")
    assert status == 400
    assert query.partition("=")[0] in json.loads(body)


def test_the_country_filters_agree(site):
    for endpoint in ("articles", "offices", "contacts"):
        status, _headers, body = fetch(f"{site}/api/v1/{endpoint}/?country=PA")
        assert status == 200, endpoint
        assert json.loads(body)["results"] == []
        status, _headers, body = fetch(f"{site}/api/v1/{endpoint}/?country=PE")
        assert status == 200
    assert fetch(f"{site}/api/v1/contacts/?country=XX")[0] == 400
