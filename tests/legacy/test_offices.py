"""Country-office pages: the real Bolivia page and sample pages of our own."""

import pytest

from iomsite.legacy.parsing import (
    LegacyArea,
    LegacyFigure,
    parse_page,
)

from .pages import (
    BOLIVIA_OFFICE,
    paragraphs,
    parse,
)


class TestBoliviaOffice:
    """000: a country-office page."""

    @pytest.fixture
    def office(self):
        page = parse(BOLIVIA_OFFICE)
        assert page.kind == "office"
        assert page.articles == ()
        return page.office

    def test_identity(self, office):
        assert office.name == "IOM Bolivia"
        assert office.country == "BO"
        assert office.language == "en"
        assert office.introduction == ""
        assert office.source == ""

    def test_contact_information(self, office):
        assert office.city == "La Paz"
        # "La Paz, Bolivia", the last address line, is the city and the country.
        assert office.address == (
            "Calacoto Calle 22, Edif. Montecristo #7896 1er piso Of. 103"
        )
        assert office.phones == ("+591 2 2770161",)
        assert office.email == "iomlapaz@iom.int"
        assert office.facebook == "https://www.facebook.com/oimbolivia"
        assert office.twitter == "https://twitter.com/OIMBolivia"
        assert office.website == ""
        assert office.contacts == ()

    def test_figures_without_labels_are_flagged(self, office):
        assert office.figures == (
            LegacyFigure(value="11.7 million", needs_review=True),
            LegacyFigure(
                value="-0.4", unit="migrants/ 1,000 population", needs_review=True
            ),
            LegacyFigure(value="1.4 billion", unit="USD", needs_review=True),
            LegacyFigure(value="47.6", unit="%", needs_review=True),
        )

    def test_migration_context(self, office):
        context, areas = office.migration_context_html.split("<h2>", 1)
        body = paragraphs(context)
        assert len(body) == 8
        assert body[0].startswith(
            "Although Bolivia has been characterized as a country of emigration"
        )
        assert body[-1] == (
            "Finally, another older and highly relevant destination for Bolivian "
            "migration is the United States of America."
        )
        # Issue 17: each area's text about Bolivia stays on the office (the
        # programmes' own texts are the programmes').
        assert len(paragraphs(areas)) == 9
        assert areas.startswith("Main Areas of Action")
        assert "<h3>Labour Migration</h3>\n<p>IOM provides specialized" in areas

    def test_nine_areas_of_action(self, office):
        assert [area.name for area in office.areas] == [
            "Emergency Situations",
            "Labour Migration",
            "Migrant Integration",
            "Resettlement Assistance",
            "Migration and Development",
            "Voluntary Return and Reintegration",
            "Policy and Research",
            "Migration and Climate Change",
            "Counter-trafficking",
        ]
        assert office.areas[1] == LegacyArea(
            name="Labour Migration",
            body_html=(
                "<p>IOM provides specialized assistance to governments in "
                "facilitating regulated labor migration processes and direct "
                "assistance to migrants. The purpose of the IOM on the subject of "
                "labor migration is to facilitate the development of policies and "
                "programs that can benefit mutually and individually, the "
                "governments involved, migrants and society.</p>"
            ),
        )
        assert all(len(paragraphs(area.body_html)) == 1 for area in office.areas)
        assert office.areas[-1].body_html.endswith(
            "a database on trafficking in persons, and research.</p>"
        )

    def test_the_import_may_take_areas_out_of_the_context(self, office):
        labour = office.areas[1]
        context = office.migration_context_html.split("\n<h2>", 1)[0]

        without_labour = office.migration_context_without([labour])

        assert office.migration_context_without([]) == office.migration_context_html
        assert without_labour == office.migration_context_html.replace(
            f"\n<h3>Labour Migration</h3>\n{labour.body_html}", ""
        )
        assert "<h3>Emergency Situations</h3>" in without_labour
        # Without any area, nor their heading.
        assert office.migration_context_without(office.areas) == context

    def test_careers_text_is_dropped(self, office):
        everything = office.migration_context_html + "".join(
            area.body_html for area in office.areas
        )
        assert "equal opportunity employer" not in everything
        assert "International Organization for Migration" not in office.address


def test_spanish_office_page_with_labelled_figures():
    raw = """Datos y cifras
Población: 33 millones (2020)
Fuente: Instituto Nacional de Estadística, https://www.inei.gob.pe
La migración en el Perú
El Perú es un país de origen, tránsito y destino de migrantes.
Áreas de acción
Trata de personas
La OIM apoya a las autoridades en la lucha contra la trata de personas.
Migración laboral
La OIM promueve la migración laboral regular.
Información de contacto
Organización Internacional para las Migraciones
Av. Ejemplo 456, San Isidro
Lima - Perú
Teléfono: +51 1 633 0000 / 633 0001
Correo: OIMLima@iom.int
Sitio web: https://peru.iom.int
""".encode()
    page = parse_page(raw)
    assert page.kind == "office"
    office = page.office
    assert (office.name, office.country, office.language) == ("OIM Perú", "PE", "es")
    assert office.city == "Lima"
    assert office.address == "Av. Ejemplo 456, San Isidro"
    assert office.phones == ("+51 1 633 0000", "+51 1 633 0001")
    assert office.email == "oimlima@iom.int"
    assert office.website == "https://peru.iom.int"
    assert office.figures == (
        LegacyFigure(
            value="33 millones",
            label="Población",
            year=2020,
            source_name="Instituto Nacional de Estadística",
            source_url="https://www.inei.gob.pe",
        ),
    )
    assert [area.name for area in office.areas] == [
        "Trata de personas",
        "Migración laboral",
    ]


def test_regional_office_page_is_named_after_its_region():
    page = parse("en_regional_office.txt")

    assert page.kind == "office"
    office = page.office
    assert office.name == "IOM South America"
    assert (office.country, office.city) == ("AR", "Buenos Aires")
    assert office.address == "Av. Callao 1033, piso 3"
    assert office.phones == ("+54 11 4813 3330",)
    assert office.email == "robuenosaires@example.org"
    assert office.twitter == "https://twitter.com/OIMSudamericaDemo"
    assert [area.name for area in office.areas] == [
        "Migration and Development",
        "Counter-trafficking",
        "Policy and Research",
    ]
    assert paragraphs(office.migration_context_html)[0].startswith(
        "South America has become a region where most migrants move"
    )
