"""Whatever a visitor puts in the query string, no public page and no API
answer is a server error: property-based, bounded in examples and time."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..factories import ArticleFactory, ContactFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/news/",
    "/es/news/",
    "/programmes/",
    "/contacts/",
    "/es/contacts/",
    "/search/",
    "/news/feed/",
    "/news/feed/atom/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/api/v1/articles/",
    "/api/v1/programmes/",
    "/api/v1/offices/",
    "/api/v1/contacts/",
    "/news/fuzz-item/",
    "/contacts/fuzz-office/",
]
# The parameters the pages and the API read, and a few they do not.
NAMES = [
    "q",
    "page",
    "p",
    "programme",
    "country",
    "kind",
    "year",
    "language",
    "office",
    "lang",
    "format",
    "ordering",
    "limit",
    "offset",
    "cursor",
    "preview",
    "utm_source",
]
VALUES = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "-1", "1e9", "2020.5", "AR", "es", "news", "json"]),
    st.integers(min_value=1, max_value=2000).map(lambda n: " ".join(["w"] * n)),
    st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=20),
)


def test_no_query_string_makes_a_server_error():
    article = ArticleFactory(slug="fuzz-item")
    article.programmes.add(ProgrammeFactory())
    ContactFactory(office=OfficeFactory(slug="fuzz-office"))
    client = Client()

    @settings(
        max_examples=120,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        path=st.sampled_from(PATHS),
        params=st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=4),
    )
    def check(path, params):
        response = client.get(path, params)
        assert response.status_code < 500, (path, params, response.status_code)

    check()
