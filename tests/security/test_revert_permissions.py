"""Reverting to an old version deletes what was added since: only for staff
who may delete it."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from reversion.models import Version

from contacts.models import KeyFigure
from iomsite.editorial.roles import EDITOR, PUBLISHER, sync_roles

from ..editorial.conftest import staff_member
from ..factories import OfficeFactory

pytestmark = pytest.mark.django_db


def office_data(office, figures=()):
    data = {
        "name": office.name,
        "slug": office.slug,
        "kind": office.kind,
        "is_public": "on",
        "figures-TOTAL_FORMS": str(len(figures)),
        "figures-INITIAL_FORMS": "0",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "programme_texts-TOTAL_FORMS": "0",
        "programme_texts-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    for number, label in enumerate(figures):
        data |= {
            f"figures-{number}-order": str(number),
            f"figures-{number}-value": "1.5",
            f"figures-{number}-unit": "million",
            f"figures-{number}-label": label,
            f"figures-{number}-source_name": "R4V",
        }
    return data


@pytest.fixture
def office_with_a_figure_added_since(admin_client):
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    change = reverse("admin:contacts_office_change", args=[office.pk])
    admin_client.post(change, office_data(office))
    admin_client.post(change, office_data(office, ["Venezuelans in Peru"]))
    first = Version.objects.get_for_object(office).last()
    assert KeyFigure.objects.filter(office=office).count() == 1
    return office, first


def revert(client, office, version):
    url = reverse("admin:contacts_office_revision", args=[office.pk, version.pk])
    return client.post(url, office_data(office))


def test_an_editor_cannot_delete_key_figures_by_reverting(
    office_with_a_figure_added_since, client, django_user_model
):
    sync_roles()
    office, first = office_with_a_figure_added_since
    client.force_login(staff_member(django_user_model, "eva", EDITOR))

    response = revert(client, office, first)

    assert response.status_code == 302
    assert KeyFigure.objects.filter(office=office).count() == 1
    [message] = get_messages(response.wsgi_request)
    assert "“1.5 million Venezuelans in Peru”" in str(message)
    assert "you may not delete them" in str(message)


def test_a_publisher_may_revert_and_delete_them(
    office_with_a_figure_added_since, client, django_user_model
):
    sync_roles()
    office, first = office_with_a_figure_added_since
    client.force_login(staff_member(django_user_model, "pablo", PUBLISHER))

    response = revert(client, office, first)

    assert response.status_code == 302
    assert not KeyFigure.objects.filter(office=office).exists()
