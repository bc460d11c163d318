"""Contact blocks of several people, with courtesy titles, extensions,
mobile and WhatsApp numbers, several e-mails, and e-mails spelled out or cut
by the line's end."""

import pytest

from iomsite.legacy.contacts import parse_contact_block
from iomsite.legacy.findings import page_warnings
from iomsite.legacy.parsing import LegacyContact

from .pages import parse, parse_article


def test_several_people_with_titles_extensions_mobiles_and_whatsapp():
    article = parse_article("contacts_several_people.txt")
    assert article.contacts == (
        LegacyContact(
            name="Carla Mendoza",
            role="Communications Officer",
            office_name="IOM Lima",
            phones=("+51 1 633 0000",),
            mobile="+51 987 654 321",
            extension="214",
            email="cmendoza@iom.int",
            other_emails=("pressperu@iom.int",),
        ),
        LegacyContact(
            name="Dr. Pablo Ortiz",
            role="Programme Coordinator",
            office_name="IOM Tacna",
            # The WhatsApp number beside a mobile one is kept with the phones.
            phones=("+51 952 333 444",),
            mobile="+51 952 111 222",
            email="portiz@iom.int",
        ),
    )
    assert "cmendoza" not in article.body_html


def test_the_second_address_of_a_person_is_reported():
    warnings = page_warnings(parse("contacts_several_people.txt"))
    assert warnings == [
        "date not found: “Shelters Reopen in the Northern Border Region”",
        "second e-mail not kept (one per contact): Carla Mendoza, pressperu@iom.int",
    ]


def test_spanish_block_with_spelled_and_cut_addresses():
    article = parse_article("contacts_es_split_email.txt")
    assert article.contacts == (
        LegacyContact(
            name="Daniela Vargas",
            role="Asistente de Comunicación",
            office_name="OIM La Paz",
            phones=("+591 2 278 7000",),
            mobile="+591 700 11 223",
            extension="31",
            email="dvargas@iom.int",
        ),
        LegacyContact(
            name="Jorge Quispe",
            role="Oficial de Proyectos",
            office_name="OIM Cochabamba",
            mobile="+591 711 22 334",
            email="jquispe@iom.int",
        ),
    )


@pytest.mark.parametrize(
    "written",
    [
        "ana.lopez at iom.int",
        "ana.lopez [at] iom.int",
        "ana.lopez(at)iom.int",
        "ana.lopez @ iom.int",
        "ANA.LOPEZ [AT] IOM.INT",
    ],
)
def test_addresses_written_for_people_not_robots(written):
    (contact,) = parse_contact_block(["Ana López, OIM Quito", f"Correo: {written}"])
    assert contact.email == "ana.lopez@iom.int"


def test_an_address_cut_after_the_at_sign_or_the_dot():
    for lines in (["jdoe@", "iom.int"], ["jdoe@iom.", "int"]):
        (contact,) = parse_contact_block(["John Doe, IOM Lima", *lines])
        assert contact.email == "jdoe@iom.int"


def test_mark_at_an_office_is_not_an_address():
    (contact,) = parse_contact_block(
        ["Mark Ellison at IOM Buenos Aires, Tel: +54 11 4813 3330"]
    )
    assert (contact.name, contact.office_name, contact.email) == (
        "Mark Ellison",
        "IOM Buenos Aires",
        "",
    )


@pytest.mark.parametrize(
    ("line", "extension"),
    [
        ("Tel: +51 1 633 0000 ext. 214", "214"),
        ("Teléfono: +591 2 278 7000, Int. 31", "31"),
        ("Tel.: +56 2 2963 3700 anexo 12", "12"),
        ("Phone: +54 11 4813 3330 x 305", "305"),
    ],
)
def test_extensions(line, extension):
    (contact,) = parse_contact_block(["Lucía Rojas, OIM Lima", line])
    assert contact.extension == extension
    assert contact.phones and extension not in contact.phones[0].split()[-1:]
