import pytest
from django.urls import reverse

from contacts.models import Office
from programmes.models import Programme
from tests.factories import (
    ContactFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db

CHANGELIST_URL = reverse("admin:programmes_programme_changelist")


def listed(response):
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


@pytest.fixture
def programmes():
    Programme.objects.all().delete()
    office = OfficeFactory(slug="iom-peru")
    labour = ProgrammeFactory(
        title="Labour mobility", slug="labour", summary="Fair recruitment."
    )
    labour.offices.add(office)
    draft = ProgrammeFactory(title="Secret plan", slug="secret", is_published=False)
    return {"labour": labour, "draft": draft, "office": office}


def test_changelist_filters_and_search(admin_client, programmes):
    drafts = listed(admin_client.get(CHANGELIST_URL, {"is_published__exact": "0"}))
    in_peru = listed(
        admin_client.get(
            CHANGELIST_URL, {"offices__id__exact": programmes["office"].pk}
        )
    )
    by_summary = listed(admin_client.get(CHANGELIST_URL, {"q": "recruitment"}))

    assert drafts == [programmes["draft"]]
    assert in_peru == [programmes["labour"]]
    assert by_summary == [programmes["labour"]]


def test_changelist_shows_the_image_thumbnail(admin_client):
    programme = ProgrammeFactory(image=make_image_file(), image_alt="Field visit")

    response = admin_client.get(CHANGELIST_URL)

    assert f'<img src="{programme.image.url}" alt="Field visit"' in response.text


def test_order_is_editable_in_the_list(admin_client, programmes):
    labour = programmes["labour"]

    response = admin_client.post(
        f"{CHANGELIST_URL}?q=labour",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(labour.pk),
            "form-0-order": "7",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    labour.refresh_from_db()
    assert labour.order == 7


def test_publish_and_unpublish_actions(admin_client, programmes):
    both = [programmes["labour"].pk, programmes["draft"].pk]

    response = admin_client.post(
        CHANGELIST_URL,
        {"action": "unpublish", "_selected_action": both},
        follow=True,
    )

    assert not Programme.objects.published().exists()
    assert [str(m) for m in response.context["messages"]] == [
        "2 programmes were unpublished."
    ]

    response = admin_client.post(
        CHANGELIST_URL,
        {"action": "publish", "_selected_action": [programmes["draft"].pk]},
        follow=True,
    )

    assert list(Programme.objects.published()) == [programmes["draft"]]
    assert [str(m) for m in response.context["messages"]] == [
        "1 programme was published."
    ]


def test_add_page(admin_client):
    response = admin_client.get(reverse("admin:programmes_programme_add"))

    assert response.status_code == 200


def programme_post_data(**overrides):
    data = {
        "title": "Health and migration",
        "slug": "health",
        "summary": "Health for migrants.",
        "body": "<p>Care <script>x()</script>for all.</p>",
        "order": "50",
        "is_published": "on",
        "image_alt": "",
    }
    data.update(overrides)
    return data


def test_add_with_offices_and_focal_points(admin_client):
    office = OfficeFactory()
    contact = ContactFactory(office=office)
    data = programme_post_data(offices=[office.pk], focal_points=[contact.pk])

    response = admin_client.post(reverse("admin:programmes_programme_add"), data)

    assert response.status_code == 302
    programme = Programme.objects.get(slug="health")
    assert programme.body == "<p>Care for all.</p>"
    assert list(programme.offices.all()) == [office]
    assert list(programme.focal_points.all()) == [contact]


def test_image_needs_alt_text(admin_client):
    data = programme_post_data(image=make_image_file())

    response = admin_client.post(reverse("admin:programmes_programme_add"), data)

    assert response.status_code == 200
    assert "image_alt" in response.context["adminform"].form.errors
    assert not Programme.objects.filter(slug="health").exists()


def test_image_with_alt_text_is_saved(admin_client):
    data = programme_post_data(image=make_image_file(), image_alt="A nurse")

    response = admin_client.post(reverse("admin:programmes_programme_add"), data)

    assert response.status_code == 302
    assert Programme.objects.get(slug="health").image


def test_delete_programme(admin_client, programmes):
    labour = programmes["labour"]

    response = admin_client.post(
        reverse("admin:programmes_programme_delete", args=[labour.pk]),
        {"post": "yes"},
    )

    assert response.status_code == 302
    assert not Programme.objects.filter(pk=labour.pk).exists()
    assert Office.objects.filter(slug="iom-peru").exists()


def test_programme_autocomplete(admin_client, programmes):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "programmes",
            "term": "labour",
        },
    )

    assert response.status_code == 200
    results = response.json()["results"]
    assert results == [{"id": str(programmes["labour"].pk), "text": "Labour mobility"}]
