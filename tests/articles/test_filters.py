from datetime import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from articles.filters import ArticleFilter, article_countries, countries_include
from articles.models import Article

from ..factories import ArticleFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def run(query, queryset=None):
    queryset = Article.objects.published() if queryset is None else queryset
    filterset = ArticleFilter(QueryDict(query), queryset=queryset)
    return filterset, set(filterset.qs) if filterset.is_valid() else None


@pytest.mark.parametrize(
    ("stored", "code", "matches"),
    [
        (["BO"], "BO", True),
        (["BO", "PE"], "BO", True),
        (["BO", "PE"], "PE", True),
        (["AR", "BO", "PE"], "BO", True),
        (["AR", "BO", "PE"], "AR", True),
        (["PE"], "BO", False),
        ([], "BO", False),
    ],
)
def test_countries_include_is_anchored_on_commas(stored, code, matches):
    article = ArticleFactory(countries=stored)
    found = Article.objects.filter(countries_include(code))
    assert (article in found) is matches


def test_country_choices_are_those_of_published_articles_by_name():
    ArticleFactory(countries=["PE", "BO"])
    ArticleFactory(countries=["BO"])
    ArticleFactory(countries=["AR"], status=Article.Status.DRAFT)
    ArticleFactory(countries=["CL"], published_at=timezone.now().replace(year=2999))
    ArticleFactory(countries=[])

    assert article_countries() == [("BO", "Bolivia"), ("PE", "Peru")]
    filterset = ArticleFilter(QueryDict(""))
    assert list(filterset.form.fields["country"].choices) == [
        ("", "All countries"),
        ("BO", "Bolivia"),
        ("PE", "Peru"),
    ]


def test_country_filter_matches_any_listed_country():
    both = ArticleFactory(countries=["BO", "PE"])
    peru = ArticleFactory(countries=["PE"])
    ArticleFactory(countries=["CL"])

    assert run("country=PE")[1] == {both, peru}
    assert run("country=BO")[1] == {both}


def test_country_filter_rejects_a_country_without_news():
    ArticleFactory(countries=["BO"])
    filterset, found = run("country=AR")
    assert found is None
    assert "country" in filterset.errors


def test_programme_filter_by_slug_over_published_programmes():
    programme = ProgrammeFactory(slug="health")
    hidden = ProgrammeFactory(slug="hidden", is_published=False)
    in_programme = ArticleFactory()
    in_programme.programmes.add(programme, hidden)
    ArticleFactory()

    assert run("programme=health")[1] == {in_programme}
    filterset, found = run("programme=hidden")
    assert found is None
    assert "programme" in filterset.errors


def test_programme_filter_gives_no_duplicates():
    first = ProgrammeFactory(slug="first")
    second = ProgrammeFactory(slug="second")
    article = ArticleFactory()
    article.programmes.add(first, second)

    filterset, found = run("programme=first")
    assert list(filterset.qs) == [article]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2023", True),
        ("1900", True),
        ("2100", True),
        ("1899", False),
        ("2101", False),
        ("2023.5", False),
        ("abc", False),
        ("", True),
    ],
)
def test_year_accepts_whole_plausible_years_only(value, valid):
    filterset, _ = run(f"year={value}")
    assert filterset.is_valid() is valid


def test_year_filter_uses_the_local_publication_year():
    new_year = timezone.make_aware(datetime(2024, 1, 1, 0, 30))
    article = ArticleFactory(published_at=new_year)
    ArticleFactory(published_at=timezone.make_aware(datetime(2023, 12, 31, 23, 30)))
    ArticleFactory(published_at=None)

    assert run("year=2024")[1] == {article}


def test_kind_and_language_choices():
    statement = ArticleFactory(kind=Article.Kind.STATEMENT, language="es")
    ArticleFactory(kind=Article.Kind.NEWS, language="es")
    ArticleFactory(kind=Article.Kind.STATEMENT, language="en")

    assert run("kind=statement&language=es")[1] == {statement}
    assert run("kind=opinion")[0].errors


def test_search_needs_every_word_in_some_field():
    both = ArticleFactory(title="Floods in Beni", summary="Families displaced.")
    ArticleFactory(title="Floods in Santa Cruz", summary="Crops lost.")
    in_body = ArticleFactory(body="<p>The Beni floods displaced families.</p>")

    assert run("q=floods+beni")[1] == {both, in_body}
    assert run("q=BENI   displaced")[1] == {both, in_body}
    assert run("q=%20%20")[1] == {both, in_body, *run("q=crops")[1]}


def test_filters_never_reveal_unpublished_items():
    programme = ProgrammeFactory(slug="p")
    draft = ArticleFactory(status=Article.Status.DRAFT, countries=["BO"])
    draft.programmes.add(programme)
    ArticleFactory(countries=["BO"])

    _, found = run("programme=p")
    assert found == set()
