import pytest
from django.test import RequestFactory

from contacts.filters import ContactFilter, office_countries
from contacts.models import Contact
from tests.factories import ContactFactory, OfficeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def filtered(data):
    filterset = ContactFilter(
        data, queryset=Contact.objects.published(), request=RequestFactory().get("/")
    )
    return filterset, list(filterset.qs) if filterset.is_valid() else None


@pytest.fixture
def people():
    peru = OfficeFactory(slug="iom-peru", country="PE")
    chile = OfficeFactory(slug="iom-chile", country="CL")
    labour = ProgrammeFactory(slug="labour")
    people = {
        "ana": ContactFactory(name="Ana Quispe", office=peru),
        "bruno": ContactFactory(name="Bruno Díaz", office=peru),
        "carla": ContactFactory(name="Carla Ana Soto", office=chile),
        "dora": ContactFactory(name="Dora Ríos", office=None),
    }
    labour.focal_points.add(people["ana"], people["carla"])
    return people


def test_no_filter_keeps_everyone(people):
    _, contacts = filtered({})

    assert set(contacts) == set(people.values())


def test_office_filter_takes_a_slug(people):
    _, contacts = filtered({"office": "iom-peru"})

    assert contacts == [people["ana"], people["bruno"]]


def test_country_filter_goes_through_the_office(people):
    _, contacts = filtered({"country": "CL"})

    assert contacts == [people["carla"]]


def test_programme_filter_goes_through_focal_points(people):
    _, contacts = filtered({"programme": "labour"})

    assert contacts == [people["ana"], people["carla"]]


def test_q_matches_every_word_of_the_name(people):
    _, contacts = filtered({"q": "ana"})
    assert contacts == [people["ana"], people["carla"]]

    _, contacts = filtered({"q": "soto ANA"})
    assert contacts == [people["carla"]]


def test_filters_combine(people):
    _, contacts = filtered({"q": "ana", "programme": "labour", "country": "PE"})

    assert contacts == [people["ana"]]


def test_hidden_office_and_draft_programme_are_not_choices(people):
    OfficeFactory(slug="iom-hidden", is_public=False)
    ProgrammeFactory(slug="draft", is_published=False)

    for data in ({"office": "iom-hidden"}, {"programme": "draft"}):
        filterset, contacts = filtered(data)
        assert contacts is None
        assert filterset.errors


def test_unknown_values_make_the_form_invalid_not_crash(people):
    filterset, contacts = filtered({"office": "nope", "country": "XX"})

    assert contacts is None
    assert set(filterset.errors) == {"office", "country"}


def test_country_choices_are_the_public_offices_countries_by_name():
    OfficeFactory(country="PE")
    OfficeFactory(country="AR")
    OfficeFactory(country="PE")
    OfficeFactory(country="")
    OfficeFactory(country="CL", is_public=False)

    assert office_countries() == [("AR", "Argentina"), ("PE", "Peru")]

    filterset = ContactFilter({}, queryset=Contact.objects.all())
    choices = list(filterset.form.fields["country"].choices)
    assert choices == [("", "All countries"), ("AR", "Argentina"), ("PE", "Peru")]


def test_form_is_a_crispy_get_form():
    filterset = ContactFilter({}, queryset=Contact.objects.all())

    helper = filterset.form.helper
    assert helper.form_method == "get"
    assert list(filterset.form.fields) == ["q", "office", "country", "programme"]
