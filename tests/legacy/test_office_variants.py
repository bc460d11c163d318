"""Office pages whose figures put labels below or above their values, with
years and sources, addresses over several lines, and sections the office has
no field for."""

from iomsite.legacy.figures import parse_figures
from iomsite.legacy.findings import page_warnings
from iomsite.legacy.lines import Line
from iomsite.legacy.parsing import LegacyFigure

from .pages import parse


def figures(*texts):
    return parse_figures([Line(text) for text in texts])


def test_labels_above_their_values_and_a_source_with_its_year():
    office = parse("office_es_labels_next_line.txt").office
    assert office.figures == (
        LegacyFigure(
            value="7,4 millones",
            label="Población",
            year=2019,
            source_name="Banco Central del Paraguay",
        ),
        LegacyFigure(
            value="160.000",
            label="Migrantes internacionales",
            year=2020,
            source_name="Banco Central del Paraguay",
        ),
        LegacyFigure(
            value="620 millones",
            label="Remesas recibidas",
            unit="USD",
            year=2019,
            source_name="Banco Central del Paraguay",
        ),
    )


def test_labels_below_their_values():
    office = parse("office_en_values_then_labels.txt").office
    assert [(f.value, f.unit, f.label, f.year) for f in office.figures] == [
        ("1.6 million", "", "international migrants living in Chile", 2021),
        ("8.4", "%", "of the population", 2021),
    ]
    assert {f.source_name for f in office.figures} == {
        "National Institute of Statistics"
    }


def test_the_first_line_of_the_section_says_where_labels_stand():
    above = figures("Population", "33 million", "Migrants", "1.2 million")
    below = figures("33 million", "population", "1.2 million", "migrants")
    assert [(f.value, f.label) for f in above] == [
        ("33 million", "Population"),
        ("1.2 million", "Migrants"),
    ]
    assert [(f.value, f.label) for f in below] == [
        ("33 million", "population"),
        ("1.2 million", "migrants"),
    ]


def test_values_without_labels_stay_unlabelled_and_need_review():
    found = figures("11.7 million", "47.6%", "Source: UN DESA, 2020")
    assert [(f.label, f.year, f.source_name, f.needs_review) for f in found] == [
        ("", 2020, "UN DESA", True),
        ("", 2020, "UN DESA", True),
    ]


def test_a_source_applies_only_to_the_figures_above_it_without_one():
    found = figures(
        "Population: 7.4 million",
        "Source: INE, 2019",
        "Remittances: USD 620 million (2021)",
        "Fuente: Banco Central",
    )
    assert [(f.source_name, f.year) for f in found] == [
        ("INE", 2019),
        ("Banco Central", 2021),
    ]


def test_an_address_over_several_lines_gives_street_city_and_country():
    paraguay = parse("office_es_labels_next_line.txt").office
    chile = parse("office_en_values_then_labels.txt").office
    assert (paraguay.country, paraguay.city, paraguay.address) == (
        "PY",
        "Asunción",
        "Avda. Mariscal López 1234, Edificio Las Palmas, piso 2, "
        "Casilla de correo 1001",
    )
    assert (chile.country, chile.city, chile.address) == (
        "CL",
        "Santiago",
        "Av. Apoquindo 4500, office 1201, Las Condes",
    )
    assert (paraguay.phones, paraguay.email) == (
        ("+595 21 000 111",),
        "oimasuncion@iom.int",
    )


def test_a_section_the_office_has_no_field_for_is_kept_as_body_text():
    page = parse("office_es_labels_next_line.txt")
    office = page.office
    assert [area.name for area in office.areas] == [
        "Migración laboral",
        "Retorno voluntario y reintegración",
    ]
    assert office.migration_context_html.endswith(
        "<h3>Publicaciones recientes</h3>\n<ul><li>Informe de perfil migratorio "
        "2019</li><li>Guía para la persona migrante</li></ul>"
    )
    assert page_warnings(page) == [
        "unknown section kept as body text: Publicaciones recientes"
    ]


def test_a_careers_section_is_reported_as_not_imported():
    page = parse("office_en_values_then_labels.txt")
    assert "Vacancies" not in page.office.migration_context_html
    assert page_warnings(page) == [
        "section not imported (vacancies are not kept): careers"
    ]
