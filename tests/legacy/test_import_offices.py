"""Office pages and contact blocks of other shapes, through the real command
into the real database."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from contacts.models import Contact, Office
from programmes.models import Programme

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"
PAGES = sorted(FIXTURES.glob("office_*.txt")) + sorted(FIXTURES.glob("contacts_*.txt"))


def import_pages(tmp_path):
    report = tmp_path / "report.json"
    call_command(
        "import_legacy",
        *map(str, PAGES),
        "--report",
        str(report),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    return json.loads(report.read_text(encoding="utf-8"))


def test_offices_land_with_their_figures_address_and_kept_sections(tmp_path):
    assert len(PAGES) == 4
    data = import_pages(tmp_path)

    assert data["summary"]["created"] == 4
    paraguay = Office.objects.get(country="PY")
    assert (paraguay.city, paraguay.email) == ("Asunción", "oimasuncion@iom.int")
    assert paraguay.street_address.startswith("Avda. Mariscal López 1234")
    assert [
        (f.label, f.value, f.unit, f.year, f.source_name)
        for f in paraguay.figures.order_by("order")
    ] == [
        ("Población", "7,4 millones", "", 2019, "Banco Central del Paraguay"),
        (
            "Migrantes internacionales",
            "160.000",
            "",
            2020,
            "Banco Central del Paraguay",
        ),
        (
            "Remesas recibidas",
            "620 millones",
            "USD",
            2019,
            "Banco Central del Paraguay",
        ),
    ]
    assert "Guía para la persona migrante" in paraguay.migration_context
    # The list's heading is not a programme.
    assert not Programme.objects.filter(title__icontains="Publicaciones").exists()
    chile = Office.objects.get(country="CL")
    assert chile.figures.get(value="8.4").label == "of the population"

    (paraguay_entry,) = [e for e in data["files"] if "labels_next_line" in e["source"]]
    assert paraguay_entry["warnings"] == [
        "unknown section kept as body text: Publicaciones recientes"
    ]


def test_contacts_land_once_each_with_mobile_extension_and_office(tmp_path):
    data = import_pages(tmp_path)

    carla = Contact.objects.get(email="cmendoza@iom.int")
    assert (carla.name, carla.extension, carla.mobile) == (
        "Carla Mendoza",
        "214",
        "+51 987 654 321",
    )
    assert carla.office is None  # never made from a signature (issue 17)
    pablo = Contact.objects.get(email="portiz@iom.int")
    assert (pablo.mobile, pablo.phone) == ("+51 952 111 222", "+51 952 333 444")
    jorge = Contact.objects.get(email="jquispe@iom.int")
    assert jorge.office is None
    assert Contact.objects.get(email="dvargas@iom.int").extension == "31"
    (entry,) = [e for e in data["files"] if "several_people" in e["source"]]
    assert (
        "second e-mail not kept (one per contact): Carla Mendoza, pressperu@iom.int"
        in entry["warnings"]
    )
    assert [s for s in entry["suggestions"] if s.startswith("office")] == [
        "office (not created, not on the site): IOM Lima, named by Carla Mendoza",
        "office (not created, not on the site): IOM Tacna, named by Dr. Pablo Ortiz",
    ]
