import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from contacts.models import Contact, KeyFigure, Office
from tests.factories import (
    ContactFactory,
    KeyFigureFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db

OFFICES_URL = reverse("admin:contacts_office_changelist")
FIGURES_URL = reverse("admin:contacts_keyfigure_changelist")
CONTACTS_URL = reverse("admin:contacts_contact_changelist")


def listed(response):
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


@pytest.fixture
def offices():
    peru = OfficeFactory(name="IOM Peru", slug="iom-peru", country="PE", city="Lima")
    chile = OfficeFactory(
        name="IOM Chile",
        slug="iom-chile",
        country="CL",
        city="Santiago",
        email="iomchile@iom.int",
    )
    regional = OfficeFactory(
        name="IOM South America",
        slug="iom-south-america",
        kind=Office.Kind.REGIONAL,
        country="AR",
        city="Buenos Aires",
    )
    return {"peru": peru, "chile": chile, "regional": regional}


# Offices ----------------------------------------------------------------------


def test_office_changelist_counts_figures_needing_review(admin_client, offices):
    KeyFigureFactory(office=offices["peru"])
    KeyFigureFactory(office=offices["peru"], label="")
    KeyFigureFactory(office=offices["peru"], source_name="", source_url="")
    KeyFigureFactory(office=offices["chile"])

    rows = {office.slug: office for office in listed(admin_client.get(OFFICES_URL))}

    assert rows["iom-peru"].review_count == 2
    assert rows["iom-chile"].review_count == 0
    assert rows["iom-south-america"].review_count == 0


def test_office_needs_review_filter(admin_client, offices):
    KeyFigureFactory(office=offices["peru"], label="")
    KeyFigureFactory(office=offices["peru"])
    KeyFigureFactory(office=offices["chile"])

    needing = listed(admin_client.get(OFFICES_URL, {"needs_review": "yes"}))
    complete = listed(admin_client.get(OFFICES_URL, {"needs_review": "no"}))

    assert needing == [offices["peru"]]
    assert set(complete) == {offices["chile"], offices["regional"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind__exact": "regional"}, {"regional"}),
        ({"country": "PE"}, {"peru"}),
        ({"is_public__exact": "1"}, {"peru", "chile", "regional"}),
        ({"q": "santiago"}, {"chile"}),
        ({"q": "iomchile@iom.int"}, {"chile"}),
        ({"q": "Peru"}, {"peru"}),
    ],
)
def test_office_changelist_filters_and_search(admin_client, offices, query, expected):
    rows = listed(admin_client.get(OFFICES_URL, query))

    assert set(rows) == {offices[key] for key in expected}


def test_office_add_page(admin_client):
    response = admin_client.get(reverse("admin:contacts_office_add"))

    assert response.status_code == 200
    assert 'name="figures-TOTAL_FORMS"' in response.text
    assert 'name="contacts-TOTAL_FORMS"' in response.text


def test_office_change_page_shows_inlines_and_review_flags(admin_client, offices):
    KeyFigureFactory(office=offices["peru"], label="", value="987654")
    contact = ContactFactory(office=offices["peru"], name="Ana Quispe")

    response = admin_client.get(
        reverse("admin:contacts_office_change", args=[offices["peru"].pk])
    )

    assert response.status_code == 200
    assert 'value="987654"' in response.text
    assert "needs review" in response.text.lower()
    assert 'alt="True"' in response.text  # the read-only flag's icon
    assert 'value="Ana Quispe"' in response.text
    assert reverse("admin:contacts_contact_change", args=[contact.pk]) in (
        response.text
    )
    content_type = ContentType.objects.get_for_model(Office)
    view_on_site = reverse(
        "admin:view_on_site", args=[content_type.pk, offices["peru"].pk]
    )
    assert f'href="{view_on_site}"' in response.text


def office_post_data(**overrides):
    data = {
        "name": "IOM Ecuador",
        "slug": "iom-ecuador",
        "kind": "country",
        "parent": "",
        "is_public": "on",
        "street_address": "Av. Amazonas",
        "city": "Quito",
        "country": "EC",
        "phones": "+593 2 393 4400",
        "email": "iomecuador@iom.int",
        "website": "",
        "facebook": "",
        "x_account": "",
        "introduction": "",
        "migration_context": "<p>Ecuador <script>x()</script>receives migrants.</p>",
        "figures-TOTAL_FORMS": "1",
        "figures-INITIAL_FORMS": "0",
        "figures-MIN_NUM_FORMS": "0",
        "figures-MAX_NUM_FORMS": "1000",
        "figures-0-order": "1",
        "figures-0-value": "474,000",
        "figures-0-unit": "people",
        "figures-0-label": "",
        "figures-0-year": "2023",
        "figures-0-source_name": "R4V",
        "figures-0-source_url": "https://www.r4v.info/",
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
        "contacts-0-name": "Rosa Quito",
        "contacts-0-role": "Head of office",
        "contacts-0-email": "rquito@iom.int",
        "contacts-0-is_public": "on",
        "programme_texts-TOTAL_FORMS": "0",
        "programme_texts-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_office_add_with_a_key_figure_and_a_contact(admin_client, offices):
    data = office_post_data(parent=str(offices["regional"].pk))

    response = admin_client.post(reverse("admin:contacts_office_add"), data)

    assert response.status_code == 302
    office = Office.objects.get(slug="iom-ecuador")
    assert office.parent == offices["regional"]
    assert office.migration_context == "<p>Ecuador receives migrants.</p>"
    figure = office.figures.get()
    assert (figure.value, figure.year, figure.source_name) == ("474,000", 2023, "R4V")
    # Saved without a label: kept for staff, not shown to the public.
    assert figure.needs_review
    assert list(office.figures.complete()) == []
    contact = office.contacts.get()
    assert (contact.name, contact.email) == ("Rosa Quito", "rquito@iom.int")


def test_office_add_rejects_a_figure_without_a_value(admin_client):
    data = office_post_data(**{"figures-0-value": ""})

    response = admin_client.post(reverse("admin:contacts_office_add"), data)

    assert response.status_code == 200
    assert not Office.objects.filter(slug="iom-ecuador").exists()


def test_office_with_contacts_cannot_be_deleted(admin_client, offices):
    office = offices["peru"]
    ContactFactory(office=office, name="Ana Quispe")
    url = reverse("admin:contacts_office_delete", args=[office.pk])

    page = admin_client.get(url)

    assert page.status_code == 200
    assert page.context["protected"]
    assert "Cannot delete office" in page.text
    assert "Ana Quispe" in page.text

    # Confirming anyway gets the same page again, never a 500.
    attempt = admin_client.post(url, {"post": "yes"})

    assert attempt.status_code == 200
    assert attempt.context["protected"]
    assert Office.objects.filter(pk=office.pk).exists()


def test_parent_office_cannot_be_deleted_through_the_bulk_action(admin_client, offices):
    OfficeFactory(slug="iom-bolivia", parent=offices["regional"])

    response = admin_client.post(
        OFFICES_URL,
        {"action": "delete_selected", "_selected_action": [offices["regional"].pk]},
    )

    assert response.status_code == 200
    assert response.context["protected"]
    assert Office.objects.filter(pk=offices["regional"].pk).exists()


def test_office_without_contacts_can_be_deleted(admin_client, offices):
    office = offices["chile"]
    KeyFigureFactory(office=office)
    ProgrammeFactory().offices.add(office)

    response = admin_client.post(
        reverse("admin:contacts_office_delete", args=[office.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Office.objects.filter(pk=office.pk).exists()
    assert not KeyFigure.objects.filter(office_id=office.pk).exists()


def test_offices_without_contacts_can_be_deleted_in_bulk(admin_client, offices):
    KeyFigureFactory(office=offices["chile"], label="")

    response = admin_client.post(
        OFFICES_URL,
        {
            "action": "delete_selected",
            "_selected_action": [offices["chile"].pk, offices["peru"].pk],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert set(Office.objects.all()) == {offices["regional"]}


# Key figures --------------------------------------------------------------------


def test_key_figure_changelist_needs_review_filter(admin_client, offices):
    complete = KeyFigureFactory(office=offices["peru"])
    no_label = KeyFigureFactory(office=offices["peru"], label="")
    no_source = KeyFigureFactory(office=offices["chile"], source_name="", source_url="")

    assert set(listed(admin_client.get(FIGURES_URL, {"needs_review": "yes"}))) == {
        no_label,
        no_source,
    }
    assert listed(admin_client.get(FIGURES_URL, {"needs_review": "no"})) == [complete]
    office_query = {"office__id__exact": offices["chile"].pk}
    assert listed(admin_client.get(FIGURES_URL, office_query)) == [no_source]


def test_key_figure_add_page(admin_client):
    response = admin_client.get(reverse("admin:contacts_keyfigure_add"))

    assert response.status_code == 200


# Contacts ---------------------------------------------------------------------


@pytest.fixture
def contacts(offices):
    labour = ProgrammeFactory(slug="labour")
    people = {
        "ana": ContactFactory(
            name="Ana Quispe",
            office=offices["peru"],
            email="aquispe@iom.int",
            role="Media officer",
            is_media_contact=True,
        ),
        "bruno": ContactFactory(
            name="Bruno Díaz", office=offices["chile"], is_public=False
        ),
        "carla": ContactFactory(name="Carla Soto", office=offices["chile"]),
    }
    labour.focal_points.add(people["carla"])
    return people


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"is_public__exact": "0"}, {"bruno"}),
        ({"is_media_contact__exact": "1"}, {"ana"}),
        ({"office__country": "CL"}, {"bruno", "carla"}),
        ({"q": "quispe"}, {"ana"}),
        ({"q": "aquispe@iom.int"}, {"ana"}),
        ({"q": "media officer"}, {"ana"}),
        ({"q": "IOM Chile"}, {"bruno", "carla"}),
    ],
)
def test_contact_changelist_filters_and_search(admin_client, contacts, query, expected):
    rows = listed(admin_client.get(CONTACTS_URL, query))

    assert set(rows) == {contacts[key] for key in expected}


def test_contact_changelist_filters_by_office_and_programme(
    admin_client, contacts, offices
):
    by_office = listed(
        admin_client.get(CONTACTS_URL, {"office__id__exact": offices["peru"].pk})
    )
    labour = contacts["carla"].programmes.get()
    by_programme = listed(
        admin_client.get(CONTACTS_URL, {"programmes__id__exact": labour.pk})
    )

    assert by_office == [contacts["ana"]]
    assert by_programme == [contacts["carla"]]


def test_contact_changelist_shows_a_photo_thumbnail(admin_client, offices):
    contact = ContactFactory(office=offices["peru"], photo=make_image_file())
    contact.photo_alt = "Ana smiling"
    contact.save()

    response = admin_client.get(CONTACTS_URL)

    assert f'<img src="{contact.photo.url}" alt="Ana smiling"' in response.text


def test_contact_changelist_query_count_does_not_grow(
    admin_client, offices, django_assert_max_num_queries
):
    ContactFactory.create_batch(5, office=offices["peru"])
    with django_assert_max_num_queries(30) as few:
        admin_client.get(CONTACTS_URL)
    ContactFactory.create_batch(25, office=offices["chile"])
    with django_assert_max_num_queries(30) as many:
        admin_client.get(CONTACTS_URL)

    assert len(few.captured_queries) == len(many.captured_queries)


def test_contact_actions_make_public_and_hide(admin_client, contacts):
    selected = [contacts["ana"].pk, contacts["bruno"].pk]

    response = admin_client.post(
        CONTACTS_URL,
        {"action": "make_hidden", "_selected_action": selected},
        follow=True,
    )

    assert set(Contact.objects.filter(is_public=False)) == {
        contacts["ana"],
        contacts["bruno"],
    }
    assert [str(m) for m in response.context["messages"]] == [
        "2 contacts are now hidden."
    ]

    response = admin_client.post(
        CONTACTS_URL,
        {"action": "make_public", "_selected_action": selected},
        follow=True,
    )

    assert not Contact.objects.filter(is_public=False).exists()
    assert [str(m) for m in response.context["messages"]] == [
        "2 contacts are now public."
    ]


def test_contact_add_page(admin_client):
    response = admin_client.get(reverse("admin:contacts_contact_add"))

    assert response.status_code == 200
    # The office is picked through the autocomplete widget.
    assert 'class="admin-autocomplete' in response.text


def contact_post_data(**overrides):
    data = {
        "name": "Rosa Quito",
        "role": "Head of office",
        "office": "",
        "is_public": "on",
        "phone": "",
        "extension": "",
        "mobile": "",
        "email": "rquito@iom.int",
        "languages": "",
        "show_phones": "on",
        "show_email": "on",
        "photo_alt": "",
    }
    data.update(overrides)
    return data


def test_contact_photo_needs_alt_text(admin_client):
    data = contact_post_data(photo=make_image_file())

    response = admin_client.post(reverse("admin:contacts_contact_add"), data)

    assert response.status_code == 200
    assert "photo_alt" in response.context["adminform"].form.errors
    assert not Contact.objects.exists()


def test_contact_photo_with_alt_text_is_saved(admin_client, offices):
    data = contact_post_data(
        photo=make_image_file(),
        photo_alt="Rosa at her desk",
        office=str(offices["peru"].pk),
    )

    response = admin_client.post(reverse("admin:contacts_contact_add"), data)

    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.photo
    assert contact.office == offices["peru"]


# Autocomplete -------------------------------------------------------------------


def autocomplete(client, app_label, model_name, field_name, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": app_label,
            "model_name": model_name,
            "field_name": field_name,
            "term": term,
        },
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_office_autocomplete(admin_client, offices):
    assert autocomplete(admin_client, "contacts", "contact", "office", "peru") == [
        "IOM Peru"
    ]
    assert autocomplete(admin_client, "contacts", "office", "parent", "Buenos") == [
        "IOM South America"
    ]
    assert autocomplete(
        admin_client, "programmes", "programme", "offices", "santiago"
    ) == ["IOM Chile"]


def test_contact_autocomplete(admin_client, contacts):
    texts = autocomplete(
        admin_client, "programmes", "programme", "focal_points", "quispe"
    )

    assert texts == ["Ana Quispe (IOM Peru)"]
