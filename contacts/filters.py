import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from iomsite.api.base import AnyCountryFilter
from iomsite.content.queries import QueryFilter
from programmes.models import Programme

from .forms import ContactFilterForm
from .models import Contact, Office


def office_countries():
    """Choices for the countries that have a public office, by name."""
    codes = set(
        Office.objects.published()
        .exclude(country="")
        .order_by()
        .values_list("country", flat=True)
    )
    return sorted(
        ((code, countries.name(code)) for code in codes), key=lambda choice: choice[1]
    )


class ContactFilter(django_filters.FilterSet):
    q = QueryFilter(label=_("Name"), method="search", widget=forms.SearchInput)
    office = django_filters.ModelChoiceFilter(
        label=_("Office"),
        queryset=Office.objects.published(),
        to_field_name="slug",
        empty_label=_("All offices"),
    )
    # The list offers the countries with an office, but any code is taken,
    # as in the offices' filter: a country without an office has no contacts.
    country = AnyCountryFilter(
        label=_("Country"),
        field_name="office__country",
        empty_label=_("All countries"),
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        field_name="programmes",
        queryset=Programme.objects.published(),
        to_field_name="slug",
        empty_label=_("All programmes"),
    )

    class Meta:
        model = Contact
        fields = []
        form = ContactFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read per request: offices are added and moved after start-up.
        self.filters["country"].extra["choices"] = office_countries()

    def search(self, queryset, name, value):
        for term in value.split():
            queryset = queryset.filter(name__icontains=term)
        return queryset
