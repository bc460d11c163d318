"""The page cache keys a page on the query parameters it reads alone: any
other parameter is served the cached page, so it cannot make the server
build one page after another."""

import pytest

from ..factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_parameters_a_page_does_not_read_are_served_from_the_cache(
    client, django_assert_num_queries
):
    ArticleFactory(title="Shelter opens in Lima")
    assert client.get("/news/").status_code == 200
    assert client.get("/es/news/", {"kind": "news"}).status_code == 200

    with django_assert_num_queries(0):
        assert client.get("/news/", {"utm_source": "x", "z": "1"}).status_code == 200
        assert client.get("/es/news/?zz=1&kind=news").status_code == 200


def test_parameters_a_page_reads_still_make_their_own_page(client):
    ArticleFactory(title="Shelter opens in Lima")
    ArticleFactory(title="Border desks")

    shelter = client.get("/news/", {"q": "shelter"}).content.decode()
    border = client.get("/news/", {"q": "border", "x": "1"}).content.decode()

    assert "Shelter opens in Lima" in shelter and "Border desks" not in shelter
    assert "Border desks" in border and "Shelter opens in Lima" not in border
