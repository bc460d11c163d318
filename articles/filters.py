import django_filters
from django import forms
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from iomsite import search
from iomsite.content.queries import QueryFilter
from programmes.models import Programme

from .forms import ArticleFilterForm
from .models import Article
from .search import NEWS


def countries_include(code):
    """Articles whose countries include ``code``.

    ``CountryField(multiple=True)`` stores the codes joined by commas, so a plain
    ``contains`` could match across two codes; anchor the code on the commas.
    """
    return (
        Q(countries=code)
        | Q(countries__startswith=f"{code},")
        | Q(countries__endswith=f",{code}")
        | Q(countries__contains=f",{code},")
    )


def distinct_country_values():
    """The distinct values of ``countries`` ("BO", "BO,PE"…) among published
    articles.

    On PostgreSQL, a loose index scan: each step asks the index
    ``article_published_countries`` (migration iomsite.0003) for the next
    value, a few dozen probes instead of reading every published article
    (1 ms rather than 30 ms with 100,000 articles).
    """
    published = Article.objects.published().exclude(countries="").order_by()
    if connection.vendor != "postgresql":
        return list(published.values_list("countries", flat=True).distinct())
    first = published.order_by("countries").values("countries")[:1]
    following = (
        published.filter(countries__gt=RawSQL("previous.countries", ()))
        .order_by("countries")
        .values("countries")[:1]
    )
    first_sql, first_params = first.query.sql_with_params()
    following_sql, following_params = following.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE value(countries) AS (({first_sql}) UNION ALL "
            f"SELECT ({following_sql}) FROM value AS previous "
            "WHERE previous.countries IS NOT NULL) "
            "SELECT countries FROM value WHERE countries IS NOT NULL",
            [*first_params, *following_params],
        )
        return [row[0] for row in cursor.fetchall()]


def article_countries():
    """Choices for the countries named by published articles, by name."""
    return country_choices(distinct_country_values())


def country_choices(values):
    codes = set()
    for value in values:
        codes.update(code for code in value.split(",") if code)
    return sorted(
        ((code, countries.name(code)) for code in codes), key=lambda choice: choice[1]
    )


class YearFilter(django_filters.NumberFilter):
    # Whole years only: the default DecimalField would let "2020.5" through.
    field_class = forms.IntegerField


class ArticleFilter(django_filters.FilterSet):
    q = QueryFilter(label=_("Search"), method="search", widget=forms.SearchInput)
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        field_name="programmes",
        queryset=Programme.objects.published(),
        to_field_name="slug",
        empty_label=_("All programmes"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        method="filter_country",
        empty_label=_("All countries"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=Article.Kind.choices,
        empty_label=_("All types"),
    )
    # Bounded so that the year lookup never builds a datetime out of range.
    year = YearFilter(
        label=_("Year"),
        field_name="published_at",
        lookup_expr="year",
        min_value=1900,
        max_value=2100,
        # Text, not type="number": the page must be able to show back what was
        # typed ("abc") with its error, which a number input may not hold.
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=Article.Language.choices,
        empty_label=_("All languages"),
    )

    class Meta:
        model = Article
        fields = []
        form = ArticleFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read per request: the countries change as articles are published.
        self.country_values = distinct_country_values()
        self.filters["country"].extra["choices"] = country_choices(self.country_values)

    def filter_country(self, queryset, name, value: str):
        # The stored values that include the code, rather than
        # countries_include(): an IN on the indexed column counts 13,000
        # articles of 100,000 by reading them alone, not all of them.
        values = [
            stored for stored in self.country_values if value in stored.split(",")
        ]
        return queryset.filter(countries__in=values)

    def search(self, queryset, name, value):
        # Every word must appear in the title, the summary or the body: the
        # site search's condition (iomsite.search), full-text and indexed on
        # PostgreSQL.
        return queryset.filter(search.matching(NEWS, value))
