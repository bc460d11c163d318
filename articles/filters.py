import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from programmes.models import Programme

from .forms import ArticleFilterForm
from .models import Article


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


def article_countries():
    """Choices for the countries named by published articles, by name."""
    codes = set()
    for value in (
        Article.objects.published()
        .exclude(countries="")
        .order_by()
        .values_list("countries", flat=True)
        .distinct()
    ):
        codes.update(code for code in value.split(",") if code)
    return sorted(
        ((code, countries.name(code)) for code in codes), key=lambda choice: choice[1]
    )


class YearFilter(django_filters.NumberFilter):
    # Whole years only: the default DecimalField would let "2020.5" through.
    field_class = forms.IntegerField


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=200,
        widget=forms.SearchInput,
    )
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
        self.filters["country"].extra["choices"] = article_countries()

    def filter_country(self, queryset, name, value):
        return queryset.filter(countries_include(value))

    def search(self, queryset, name, value):
        # Every word must appear in the title, the summary or the body.
        for term in value.split():
            queryset = queryset.filter(
                Q(title__icontains=term)
                | Q(summary__icontains=term)
                | Q(body__icontains=term)
            )
        return queryset
