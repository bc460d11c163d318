from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from contacts.models import Contact, Office
from contacts.vcards import contact_vcard, escape_text, fold, office_vcard

from ..factories import ContactFactory, OfficeFactory

SERVER = "http://testserver"
UPDATED = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


def make_office(**fields):
    values = {
        "name": "IOM Peru",
        "slug": "iom-peru",
        "country": "PE",
        "city": "Lima",
        "street_address": "Av. José Pardo 601, piso 4\nMiraflores",
        "phones": "+51 1 633 0000, +51 1 633 0001",
        "email": "iomlima@iom.int",
        "website": "https://peru.iom.int/",
        "updated": UPDATED,
    }
    return Office(**{**values, **fields})


def make_contact(**fields):
    values = {
        "name": "Ana María Quispe; Jr.",
        "role": "Press officer, Lima",
        "office": make_office(),
        "phone": "+51 1 633 0002",
        "extension": "12",
        "mobile": "+51 999 888 777",
        "email": "aquispe@iom.int",
        "languages": "Spanish, Quechua",
        "updated": UPDATED,
    }
    return Contact(**{**values, **fields})


def physical_lines(card):
    assert card.endswith("\r\n")
    lines = card[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in lines)
    return lines


def properties(card):
    """The unfolded content lines."""
    return card.replace("\r\n ", "")[:-2].split("\r\n")


# Pure functions


def test_escape_text_escapes_what_could_end_a_value():
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_fold_keeps_lines_short_and_characters_whole():
    line = "NOTE:" + "ñandú " * 40

    folded = fold(line)

    physical = folded.split("\r\n")
    assert len(physical) > 1
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "") == line


def test_short_line_is_not_folded():
    assert fold("FN:Ana") == "FN:Ana"


def test_contact_vcard():
    card = contact_vcard(make_contact(), url=f"{SERVER}/contacts/#contact-7")

    assert properties(card) == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Ana María Quispe\\; Jr.;;;;",
        "FN:Ana María Quispe\\; Jr.",
        "ORG:IOM Peru",
        "TITLE:Press officer\\, Lima",
        "TEL;VALUE=uri;TYPE=work,voice:tel:+5116330002;ext=12",
        "TEL;TYPE=cell,voice:+51 999 888 777",
        "EMAIL;TYPE=internet,work:aquispe@iom.int",
        "ADR;TYPE=work:;;Av. José Pardo 601\\, piso 4\\nMiraflores;Lima;;;Peru",
        "NOTE:Languages: Spanish\\, Quechua",
        f"URL:{SERVER}/contacts/#contact-7",
        f"UID:{SERVER}/contacts/#contact-7",
        "REV:20240506T070809Z",
        "END:VCARD",
    ]
    assert all(len(line.encode()) <= 75 for line in physical_lines(card))


def test_hidden_email_and_phones_stay_out_of_the_card():
    contact = make_contact(show_email=False, show_phones=False)

    card = contact_vcard(contact, url=f"{SERVER}/contacts/")

    assert "EMAIL" not in card
    assert "TEL" not in card
    for detail in ("aquispe@iom.int", "633 0002", "999 888 777"):
        assert detail not in card


def test_hidden_office_stays_out_of_the_card():
    contact = make_contact(office=make_office(is_public=False))

    card = contact_vcard(contact, url=f"{SERVER}/contacts/")

    # Neither its name nor its address, as the API gives office: null.
    assert "IOM Peru" not in card
    assert "ORG" not in card
    assert "ADR" not in card


def test_values_cannot_add_properties():
    contact = make_contact(
        name="Eve\r\nEMAIL:evil@example.com", role="x\nEND:VCARD", office=None
    )

    lines = properties(contact_vcard(contact, url=f"{SERVER}/contacts/"))

    assert "FN:Eve\\nEMAIL:evil@example.com" in lines
    assert not any(line.startswith("EMAIL:evil") for line in lines)
    assert lines.count("END:VCARD") == 1


def test_office_vcard():
    office = make_office(
        facebook="https://www.facebook.com/OIMPeru", x_account="https://x.com/OIMPeru"
    )

    card = office_vcard(office, url=f"{SERVER}/contacts/iom-peru/")

    assert properties(card) == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:;;;;",
        "FN:IOM Peru",
        "ORG:IOM Peru",
        "X-ABShowAs:COMPANY",
        "ADR;TYPE=work:;;Av. José Pardo 601\\, piso 4\\nMiraflores;Lima;;;Peru",
        "TEL;TYPE=work,voice:+51 1 633 0000",
        "TEL;TYPE=work,voice:+51 1 633 0001",
        "EMAIL;TYPE=internet,work:iomlima@iom.int",
        f"URL:{SERVER}/contacts/iom-peru/",
        "URL:https://peru.iom.int/",
        "X-SOCIALPROFILE;TYPE=facebook:https://www.facebook.com/OIMPeru",
        "X-SOCIALPROFILE;TYPE=twitter:https://x.com/OIMPeru",
        f"UID:{SERVER}/contacts/iom-peru/",
        "REV:20240506T070809Z",
        "END:VCARD",
    ]


def test_office_without_address_has_no_adr():
    office = make_office(street_address="", city="", country="")
    assert "ADR" not in office_vcard(office, url=f"{SERVER}/contacts/iom-peru/")


# Views


@pytest.mark.django_db
def test_contact_vcard_download(client):
    contact = ContactFactory(name="José Pérez")
    url = reverse("contacts:contact-vcard", kwargs={"pk": contact.pk})
    assert url == f"/contacts/people/{contact.pk}.vcf"

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="jose-perez.vcf"'
    contact = Contact.objects.select_related("office").get(pk=contact.pk)
    assert response.content.decode() == contact_vcard(
        contact, url=f"{SERVER}/contacts/?q=Jos%C3%A9+P%C3%A9rez#contact-{contact.pk}"
    )


@pytest.mark.django_db
def test_office_vcard_download(client):
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    url = reverse("contacts:office-vcard", kwargs={"slug": "iom-peru"})
    assert url == "/contacts/iom-peru/vcard.vcf"

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="iom-peru.vcf"'
    office.refresh_from_db()
    assert response.content.decode() == office_vcard(
        office, url=f"{SERVER}/contacts/iom-peru/"
    )


@pytest.mark.django_db
def test_hidden_details_are_not_downloadable(client):
    contact = ContactFactory(
        email="private@iom.int", show_email=False, mobile="+591 7777", show_phones=False
    )

    text = client.get(f"/contacts/people/{contact.pk}.vcf").text

    assert "private@iom.int" not in text
    assert "+591 7777" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/contacts/people/999999.vcf",
        "/contacts/people/99999999999999999999999.vcf",
        "/contacts/no-such-office/vcard.vcf",
    ],
)
def test_unknown_vcard_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_hidden_contact_and_office_have_no_vcard(client):
    contact = ContactFactory(is_public=False)
    office = OfficeFactory(is_public=False)

    assert client.get(f"/contacts/people/{contact.pk}.vcf").status_code == 404
    assert client.get(f"/contacts/{office.slug}/vcard.vcf").status_code == 404


# Linked from the pages


def vcard_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        link["href"]: link.get_text(" ", strip=True)
        for link in soup.find_all("a", type="text/vcard")
    }


@pytest.mark.django_db
def test_directory_links_each_contact_card(client):
    office = OfficeFactory(name="IOM Bolivia")
    ana = ContactFactory(name="Ana", office=office)
    bea = ContactFactory(name="Bea", office=office)

    links = vcard_links(client.get("/contacts/"))

    assert links == {
        f"/contacts/people/{ana.pk}.vcf": "Add to address book : Ana",
        f"/contacts/people/{bea.pk}.vcf": "Add to address book : Bea",
    }


@pytest.mark.django_db
def test_office_page_links_its_card_and_its_staff_cards(client):
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    ana = ContactFactory(name="Ana", office=office)

    links = vcard_links(client.get(office.get_absolute_url()))

    assert links == {
        "/contacts/iom-peru/vcard.vcf": "Add to address book : IOM Peru",
        f"/contacts/people/{ana.pk}.vcf": "Add to address book : Ana",
    }


@pytest.mark.django_db
def test_preview_of_a_hidden_office_links_no_card(client, django_user_model):
    office = OfficeFactory(slug="hidden-office", is_public=False)
    editor = django_user_model.objects.create_user("e", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_office"))
    client.force_login(editor)

    response = client.get(office.get_absolute_url())

    assert response.status_code == 200
    assert "/contacts/hidden-office/vcard.vcf" not in vcard_links(response)
