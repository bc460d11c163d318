"""Portuguese texts: articles written in Portuguese and the ``*_pt`` texts of
programmes and offices are searched on SQLite (by their words) and on
PostgreSQL (stemmed with the ``portuguese`` configuration, from its indexes)."""

import pytest
from django.db import connection, transaction
from django.utils import translation

from iomsite.search import PlainSearch, SearchTerms, SiteSearch

from ..factories import ArticleFactory, OfficeFactory, ProgrammeFactory
from .test_search import RESULT_TYPES, on_postgresql, section_objects

pytestmark = pytest.mark.django_db
backends = pytest.mark.parametrize(
    "backend", [None, PlainSearch()], ids=["database", "plain"]
)


def found(slug, query, backend=None):
    site_search = SiteSearch(SearchTerms.from_input(query), backend)
    return site_search.ranked(RESULT_TYPES[slug], 0, 10)


@backends
def test_portuguese_words_find_portuguese_articles_programmes_and_offices(backend):
    article = ArticleFactory(
        language="pt",
        title="Trabalhadores migrantes no Brasil",
        body="<p>Acolhimento de famílias venezuelanas em Roraima.</p>",
    )
    ArticleFactory(language="es", title="Trabajadores migrantes en Chile")
    programme = ProgrammeFactory(
        title="Labour mobility", body_pt="<p>Integração de trabalhadores.</p>"
    )
    office = OfficeFactory(name="IOM Brazil", name_pt="OIM Brasil")

    assert found("news", "trabalhadores", backend) == [article]
    assert found("news", "acolhimento roraima", backend) == [article]
    assert found("programmes", "integração", backend) == [programme]
    assert found("offices", "oim brasil", backend) == [office]


@on_postgresql
def test_portuguese_texts_are_stemmed_in_portuguese():
    article = ArticleFactory(
        language="pt", title="Famílias afetadas pelas inundações no sul"
    )
    programme = ProgrammeFactory(
        title="Displacement", body_pt="<p>Famílias afetadas pelas inundações.</p>"
    )
    office = OfficeFactory(introduction_pt="Atendemos as famílias deslocadas.")

    for language in ["en", "es", "pt"]:
        with translation.override(language):
            # "inundação" and "inundações", "família" and "famílias": one stem.
            assert found("news", "inundação") == [article]
            assert found("programmes", "inundação") == [programme]
            assert found("offices", "família") == [office]


def test_the_portuguese_search_page_finds_portuguese_news(client):
    article = ArticleFactory(language="pt", title="Migrantes venezuelanos em Manaus")
    response = client.get("/pt/search/", {"q": "venezuelanos"})
    assert response.status_code == 200
    assert response["Content-Language"] == "pt"
    assert section_objects(response, "news") == [article]


@on_postgresql
@pytest.mark.parametrize("slug", ["programmes", "offices"])
def test_the_portuguese_condition_is_answered_by_its_index(slug):
    result_type = RESULT_TYPES[slug]
    site_search = SiteSearch(SearchTerms.from_input("fronteiras"))
    queryset = site_search.within_tier(result_type, 0).values("pk")
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    name = result_type.model._meta.model_name
    assert f"search_{name}_a_pt" in plan, plan


@on_postgresql
def test_did_you_mean_suggests_words_of_the_interfaces_language(client):
    ArticleFactory(language="pt", title="Proteção de migrantes na fronteira")
    ArticleFactory(language="es", title="Protección de migrantes en la frontera")

    portuguese = client.get("/pt/search/", {"q": "protecao"}).context
    spanish = client.get("/es/search/", {"q": "protecion"}).context
    assert portuguese["suggestion"] == "proteção"
    assert spanish["suggestion"] == "protección"
