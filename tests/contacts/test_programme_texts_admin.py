"""The office's own texts about its programmes, edited on the office's change
form (programmes.admin.OfficeProgrammeTextInline)."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from reversion.models import Version

from iomsite.editorial.roles import EDITOR, sync_roles
from programmes.models import OfficeProgrammeText

from ..editorial.conftest import staff_member
from ..factories import OfficeFactory, OfficeProgrammeTextFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

PREFIX = "programme_texts"


@pytest.fixture
def office():
    return OfficeFactory(name="IOM Bolivia", slug="iom-bolivia", country="BO")


@pytest.fixture
def programme():
    return ProgrammeFactory(title="Border management", slug="border-management")


def change_url(office):
    return reverse("admin:contacts_office_change", args=[office.pk])


def office_form(office, rows=(), initial=0):
    """The office's change form as posted, with ``rows`` of texts ({field:
    value}; the first ``initial`` of them saved already)."""
    data = {
        "name": office.name,
        "slug": office.slug,
        "kind": office.kind,
        "is_public": "on" if office.is_public else "",
        "figures-TOTAL_FORMS": "0",
        "figures-INITIAL_FORMS": "0",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        f"{PREFIX}-TOTAL_FORMS": str(len(rows)),
        f"{PREFIX}-INITIAL_FORMS": str(initial),
        "_save": "Save",
    }
    for number, row in enumerate(rows):
        data |= {f"{PREFIX}-{number}-{name}": value for name, value in row.items()}
    return data


def saved_row(text, **changes):
    row = {
        "id": str(text.pk),
        "office": str(text.office_id),
        "programme": str(text.programme_id),
        "body": text.body_en or "",
        "body_es": text.body_es or "",
        "body_pt": text.body_pt or "",
    }
    return row | changes


def test_the_office_form_has_each_language_of_the_texts(admin_client, office):
    OfficeProgrammeTextFactory(office=office, body_es="<p>Texto.</p>")

    page = BeautifulSoup(admin_client.get(change_url(office)).text, "html.parser")

    group = page.find(id=f"{PREFIX}-group")
    assert group.find("h2").get_text(strip=True) == (
        "What the office does in each programme"
    )
    spanish = group.find("h4", string="Spanish version").find_parent("fieldset")
    portuguese = group.find("h4", string="Portuguese version").find_parent("fieldset")
    assert [field["name"] for field in spanish.select("textarea")] == [
        f"{PREFIX}-0-body_es"
    ]
    assert [field["name"] for field in portuguese.select("textarea")] == [
        f"{PREFIX}-0-body_pt"
    ]
    # Under the programme's h3 on the office page: h4 headings only.
    english = group.find("textarea", attrs={"name": f"{PREFIX}-0-body"})
    config = json.loads(english["data-django-prose-editor-configurable"])
    assert config["extensions"]["Heading"] == {"levels": [4]}


def test_the_texts_are_saved_in_each_language(admin_client, office, programme):
    row = {
        "programme": str(programme.pk),
        "body": "<p>Training for <script>x()</script>border officials.</p>",
        "body_es": "<p>Capacitación de funcionarios de frontera.</p>",
        "body_pt": "<p>Capacitação de agentes de fronteira.</p>",
    }

    response = admin_client.post(change_url(office), office_form(office, [row]))

    assert response.status_code == 302
    text = OfficeProgrammeText.objects.get(office=office, programme=programme)
    assert (text.body_en, text.body_es, text.body_pt) == (
        "<p>Training for border officials.</p>",
        "<p>Capacitación de funcionarios de frontera.</p>",
        "<p>Capacitação de agentes de fronteira.</p>",
    )


def test_in_a_spanish_admin_the_plain_field_is_still_the_english_text(
    admin_client, office
):
    text = OfficeProgrammeTextFactory(
        office=office, body="<p>English.</p>", body_es="<p>Español.</p>"
    )
    url = change_url(office)

    shown = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    response = admin_client.post(
        url,
        office_form(office, [saved_row(text, body="<p>English, changed.</p>")], 1),
        HTTP_ACCEPT_LANGUAGE="es",
    )

    form = shown.context["inline_admin_formsets"][-1].formset.forms[0]
    assert (form.initial["body"], form.initial["body_es"]) == (
        "<p>English.</p>",
        "<p>Español.</p>",
    )
    assert "Versión en Español" in shown.text
    assert response.status_code == 302
    text.refresh_from_db()
    assert (text.body_en, text.body_es) == (
        "<p>English, changed.</p>",
        "<p>Español.</p>",
    )


def test_headings_above_h4_are_not_kept(admin_client, office, programme):
    row = {"programme": str(programme.pk), "body": "<h2>Lima</h2><h4>Tumbes</h4>"}

    admin_client.post(change_url(office), office_form(office, [row]))

    text = OfficeProgrammeText.objects.get(office=office)
    assert text.body_en == "Lima<h4>Tumbes</h4>"


def test_a_text_needs_one_language(admin_client, office, programme):
    row = {"programme": str(programme.pk), "body": "", "body_es": "", "body_pt": ""}

    response = admin_client.post(change_url(office), office_form(office, [row]))

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][-1].formset
    assert formset.errors[0] == {"body": ["Write the text in at least one language."]}
    assert not OfficeProgrammeText.objects.exists()


def test_one_text_per_programme_on_the_form(admin_client, office, programme):
    rows = [
        {"programme": str(programme.pk), "body": "<p>One.</p>"},
        {"programme": str(programme.pk), "body": "<p>Two.</p>"},
    ]

    response = admin_client.post(change_url(office), office_form(office, rows))

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][-1].formset
    assert formset.non_form_errors() == [
        "Please correct the duplicate data for programme."
    ]
    assert not OfficeProgrammeText.objects.exists()


def test_published_programmes_are_offered(admin_client, office, programme):
    draft = ProgrammeFactory(title="Draft programme", is_published=False)

    response = admin_client.get(change_url(office))

    field = response.context["inline_admin_formsets"][-1].formset.empty_form.fields[
        "programme"
    ]
    assert programme in field.queryset
    assert draft not in field.queryset


def test_a_text_about_a_programme_unpublished_since_keeps_the_form_working(
    admin_client, office
):
    draft = ProgrammeFactory(title="Paused programme", is_published=False)
    text = OfficeProgrammeTextFactory(office=office, programme=draft)

    shown = admin_client.get(change_url(office))
    response = admin_client.post(
        change_url(office),
        office_form(office, [saved_row(text, body="<p>Paused.</p>")], 1),
    )

    page = BeautifulSoup(shown.text, "html.parser")
    select = page.find("select", attrs={"name": f"{PREFIX}-0-programme"})
    assert select.find("option", selected=True).get_text() == (
        "Paused programme (not published)"
    )
    assert response.status_code == 302
    text.refresh_from_db()
    assert text.body_en == "<p>Paused.</p>"


def test_a_text_adds_the_office_to_the_programme(admin_client, office, programme):
    listed = ProgrammeFactory(title="Listed programme")
    listed.offices.add(office)
    rows = [
        {"programme": str(programme.pk), "body": "<p>New here.</p>"},
        {"programme": str(listed.pk), "body": "<p>Runs here already.</p>"},
    ]

    response = admin_client.post(change_url(office), office_form(office, rows))

    assert response.status_code == 302
    assert set(office.programmes.all()) == {programme, listed}
    assert [str(message) for message in get_messages(response.wsgi_request)][0] == (
        "“IOM Bolivia” was added to the offices of the programme “Border "
        "management”, so that its text shows on the office’s page."
    )
    [version] = Version.objects.get_for_object(programme)
    assert version.field_dict["offices"] == [office.pk]


def test_an_office_version_includes_its_texts(admin_client, office, programme):
    row = {"programme": str(programme.pk), "body": "<p>Shelters.</p>"}

    admin_client.post(change_url(office), office_form(office, [row]))

    [version] = Version.objects.get_for_object(office)
    text = OfficeProgrammeText.objects.get()
    in_revision = {
        (item.content_type.model, item.object_id)
        for item in version.revision.version_set.all()
    }
    assert ("officeprogrammetext", str(text.pk)) in in_revision


def test_an_editor_writes_texts_but_does_not_delete_them(
    client, django_user_model, office, programme
):
    sync_roles()
    client.force_login(staff_member(django_user_model, "eva-editor", EDITOR))
    text = OfficeProgrammeTextFactory(office=office)
    row = {"programme": str(programme.pk), "body": "<p>Written by Eva.</p>"}

    shown = client.get(change_url(office))
    response = client.post(
        change_url(office),
        office_form(office, [saved_row(text, DELETE="on"), row], 1),
    )

    assert not shown.context["inline_admin_formsets"][-1].formset.can_delete
    assert response.status_code == 302
    assert set(office.programme_texts.values_list("body_en", flat=True)) == {
        text.body_en,
        "<p>Written by Eva.</p>",
    }


def test_the_history_compares_two_versions_with_their_texts(
    admin_client, office, programme
):
    row = {"programme": str(programme.pk), "body": "<p>Shelters in Lima.</p>"}
    admin_client.post(change_url(office), office_form(office, [row]))
    text = OfficeProgrammeText.objects.get()
    changed = saved_row(text, body="<p>Shelters in Lima and Tumbes.</p>")
    admin_client.post(change_url(office), office_form(office, [changed], 1))
    first, second = Version.objects.get_for_object(office).order_by("pk")

    response = admin_client.get(
        reverse("admin:contacts_office_compare", args=[office.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )

    assert response.status_code == 200
    diff = BeautifulSoup(response.text, "html.parser").select_one("pre.text-diff")
    assert [line.get_text() for line in diff.select("del")] == ["- Shelters in Lima."]
    assert [line.get_text() for line in diff.select("ins")] == [
        "+ Shelters in Lima and Tumbes."
    ]


def test_an_editor_may_not_revert_to_before_a_text(
    admin_client, client, django_user_model, office, programme
):
    admin_client.post(change_url(office), office_form(office))
    row = {"programme": str(programme.pk), "body": "<p>Shelters.</p>"}
    admin_client.post(change_url(office), office_form(office, [row]))
    before = Version.objects.get_for_object(office).order_by("pk").first()
    sync_roles()
    client.force_login(staff_member(django_user_model, "eva-editor", EDITOR))

    response = client.post(
        reverse("admin:contacts_office_revision", args=[office.pk, before.pk]),
        office_form(office),
    )

    assert response.status_code == 302
    message = str(next(iter(get_messages(response.wsgi_request))))
    assert message.startswith("You cannot revert to this version: it would delete")
    assert OfficeProgrammeText.objects.filter(office=office).exists()
