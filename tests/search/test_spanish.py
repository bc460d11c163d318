"""The Spanish texts of programmes and offices (their ``*_es`` columns) are
searched, stemmed in Spanish on PostgreSQL, from either interface language."""

import pytest
from django.db import connection, transaction
from django.utils import translation

from iomsite.search import PlainSearch, SearchTerms, SiteSearch

from ..factories import OfficeFactory, ProgrammeFactory
from .test_search import RESULT_TYPES, on_postgresql, search_page, section_objects

pytestmark = pytest.mark.django_db
backends = pytest.mark.parametrize(
    "backend", [None, PlainSearch()], ids=["database", "plain"]
)


def found(slug, query, backend=None):
    site_search = SiteSearch(SearchTerms.from_input(query), backend)
    return site_search.ranked(RESULT_TYPES[slug], 0, 10)


@backends
def test_a_word_only_in_a_programmes_spanish_texts_finds_it(backend):
    in_title = ProgrammeFactory(
        title="Border management", title_es="Gestión de fronteras", slug="borders"
    )
    in_body = ProgrammeFactory(
        title="Migration health",
        body="<p>Health checks.</p>",
        body_es="<p>Controles sanitarios en las fronteras.</p>",
    )
    ProgrammeFactory(title="Elsewhere", body_es="<p>Nada que ver.</p>")

    # The title first (tier A), then the body (tier C).
    assert found("programmes", "fronteras", backend) == [in_title, in_body]
    assert found("programmes", "sanitarios", backend) == [in_body]


@backends
def test_a_word_only_in_an_offices_spanish_texts_finds_it(backend):
    office = OfficeFactory(
        name="IOM Paraguay",
        name_es="OIM Paraguay",
        introduction="Our office in Asunción.",
        introduction_es="Nuestra oficina acompaña a las comunidades ribereñas.",
        migration_context_es="<p>Emigración hacia Argentina.</p>",
    )
    OfficeFactory(name="IOM Chile", introduction_es="Oficina en Santiago.")

    assert found("offices", "oim", backend) == [office]
    assert found("offices", "ribereñas", backend) == [office]
    assert found("offices", "emigración argentina", backend) == [office]


@pytest.mark.parametrize("prefix", ["", "/es"], ids=["english", "spanish"])
def test_the_search_page_finds_spanish_texts_in_either_language(client, prefix):
    programme = ProgrammeFactory(
        title="Labour mobility",
        slug="labour-mobility",
        summary="Fair recruitment.",
        summary_es="Contratación equitativa de trabajadores temporeros.",
    )
    office = OfficeFactory(
        name="IOM Uruguay",
        slug="iom-uruguay",
        introduction_es="Trabajamos con los temporeros del campo.",
    )

    response = client.get(f"{prefix}/search/", {"q": "temporeros"})

    assert response.status_code == 200
    assert section_objects(response, "programmes") == [programme]
    assert section_objects(response, "offices") == [office]


def test_the_spanish_interface_shows_the_spanish_snippet(client):
    ProgrammeFactory(
        title="Labour mobility",
        summary="Fair recruitment of seasonal workers.",
        summary_es="Contratación equitativa de trabajadores temporeros.",
    )

    response = client.get("/es/search/", {"q": "temporeros"})

    hit = response.context["sections"][0].hits[0]
    assert hit.title == "Labour mobility"  # no Spanish title: the English one
    assert "<mark>temporeros</mark>" in hit.snippet
    english = search_page(client, q="temporeros").context["sections"][0].hits[0]
    assert "Fair recruitment" in english.snippet


@on_postgresql
def test_spanish_texts_are_stemmed_in_spanish():
    programme = ProgrammeFactory(
        title="Displacement", body_es="<p>Familias afectadas por las inundaciones.</p>"
    )
    office = OfficeFactory(introduction_es="Asistimos a las zonas inundadas.")

    for language in ["en", "es"]:
        with translation.override(language):
            assert found("programmes", "inundación") == [programme]
            assert found("offices", "inundación") == [office]
    # The English texts are not stemmed in Spanish.
    assert found("programmes", "displacements") == [programme]


@on_postgresql
@pytest.mark.parametrize("slug", ["programmes", "offices"])
def test_the_spanish_condition_is_answered_by_its_index(slug):
    result_type = RESULT_TYPES[slug]
    site_search = SiteSearch(SearchTerms.from_input("fronteras"))
    queryset = site_search.within_tier(result_type, 0).values("pk")
    sql, params = queryset.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    name = result_type.model._meta.model_name
    assert f"search_{name}_a_es" in plan, plan
    assert f"search_{name}_a " in plan, plan
