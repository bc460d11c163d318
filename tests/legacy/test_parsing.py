"""The parser of the old website's pages, on the five real pages we were given
and on small sample pages of our own for each variant the importer meets."""

import dataclasses
import datetime
import functools
import re
from pathlib import Path

import pytest

from iomsite.legacy.parsing import (
    LegacyArea,
    LegacyContact,
    LegacyFigure,
    LegacyParseError,
    clean_html,
    decode_page,
    legacy_news_path,
    parse_page,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"

BOLIVIA_OFFICE = "000_36b7b844e1140420.txt"
POLICIES_RELEASE = "001_4dcdd40475431c58.txt"
TRAFFICKING_RELEASE = "002_db0905a231be9f70.txt"
COURSE_RELEASE = "003_95162cf8c09813fe.txt"
STATEMENTS = "004_49ae305a080655f7.txt"

FORBIDDEN_MARKUP = re.compile(
    r"<script|<style|\son\w+=|javascript:|style=|<div|<span", re.IGNORECASE
)


@functools.cache
def parse(name):
    """Parse a fixture file once; the results are frozen, so tests share them."""
    return parse_page((FIXTURES / name).read_bytes(), filename=name)


def parse_article(name):
    page = parse(name)
    assert page.kind == "news"
    assert len(page.articles) == 1
    return page.articles[0]


def paragraphs(body_html):
    return re.findall(r"<p>(.*?)</p>", body_html)


def plain_text(body_html):
    inline_removed = re.sub(r"</?(?:a|em|strong)\b[^>]*>", "", body_html)
    return " ".join(re.sub(r"<[^>]+>", " ", inline_removed).split())


# -- the five real pages ------------------------------------------------------


class TestPoliciesRelease:
    """001: a hard-wrapped press release with a one-field-per-line contact."""

    @pytest.fixture
    def article(self):
        return parse_article(POLICIES_RELEASE)

    def test_title_and_kind(self, article):
        assert article.title == (
            "Migration Policies to Foster Development and Human Rights"
        )
        assert article.kind == "press_release"
        assert article.language == "en"

    def test_hard_wrapped_lines_are_joined_into_paragraphs(self, article):
        body = paragraphs(article.body_html)
        assert len(body) == 8
        assert body[0] == (
            "The IOM office in Bolivia with the support of the regional Office in "
            "Lima and the Ministry of Foreign Affairs is hosting a two-day seminar "
            "ending today in the capital, La Paz, aimed at fostering increased "
            "awareness on migration and on the need to generate public policies to "
            "harness the positive aspects of migration."
        )
        assert body[1] == (
            'The conference "Migration Policies, Development, and Human Rights" '
            "brought together more than 50 migration officials to discuss common "
            "migration issues and to provide training on developing comprehensive "
            "migration policies."
        )
        assert body[3].endswith("human rights of Bolivian nationals living abroad.")
        assert body[6] == (
            "The conference aims to produce a final document with a detailed "
            "analysis of current migration policies and recommendations for future "
            "policies."
        )
        assert body[7].endswith(
            "Ministry of Labour and Social Services is presenting his country’s "
            "plan for Migrant Integration."
        )

    def test_navigation_and_contact_block_are_not_in_the_body(self, article):
        text = plain_text(article.body_html)
        assert "WHO WE ARE" not in text
        assert "Take Action" not in text
        assert "For more information" not in text
        assert "warce" not in text
        assert "mailto" not in article.body_html

    def test_contact(self, article):
        assert article.contacts == (
            LegacyContact(
                name="Walter Arce",
                office_name="IOM La Paz",
                phones=("+59 122 36 90 44",),
                email="warce@iom.int",
            ),
        )

    def test_no_date_is_invented(self, article):
        assert article.published_at is None
        assert article.date_source == "unknown"
        assert article.dateline == ""

    def test_countries_programmes_and_address(self, article):
        assert article.countries == ("BO", "AR", "ES", "US", "EC", "GT")
        assert article.programmes == (
            "Policy and Research",
            "Migration and Development",
            "Migrant Integration",
        )
        assert article.source == (
            "/news/migration-policies-foster-development-and-human-rights"
        )

    def test_summary_is_the_opening_cut_at_a_word(self, article):
        assert len(article.summary) <= 300
        assert article.summary.startswith("The IOM office in Bolivia with the support")
        assert article.summary.endswith("harness the positive…")


class TestTraffickingRelease:
    """002: two contacts one after the other, broken mailto fragments."""

    @pytest.fixture
    def article(self):
        return parse_article(TRAFFICKING_RELEASE)

    def test_title(self, article):
        assert article.title == "Regional Network to Combat Human Trafficking"
        assert article.kind == "press_release"
        assert article.source == "/news/regional-network-combat-human-trafficking"

    def test_paragraphs(self, article):
        body = paragraphs(article.body_html)
        assert len(body) == 8
        assert body[0] == (
            "Experts and government officials from Argentina, Bolivia, Brazil, "
            "Chile, Paraguay and Peru have agreed to create a regional network to "
            "combat human trafficking and migrant smuggling."
        )
        # "Region." is a short last line: the paragraph ends there.
        assert body[2].endswith(
            "to build the governments' capacity in the Andean Region."
        )
        assert body[3].startswith("The participants discussed the advances made")
        assert body[7] == (
            "All countries participating in the two-day event are considered "
            "countries of origin and transit for men women and children trafficked "
            'for sexual exploitation and forced labour. They are all on the "watch '
            'list" of the latest US State Department Trafficking in Persons Report.'
        )

    def test_both_contacts(self, article):
        assert article.contacts == (
            LegacyContact(
                name="Dolores Cortés",
                office_name="IOM Lima",
                phones=("+51 1 221 76 98",),
                email="dcortes@iom.int",
            ),
            LegacyContact(
                name="Oscar Sandoval",
                office_name="IOM Lima",
                phones=("+51 1 221 76 98",),
                email="osandoval@iom.int",
            ),
        )

    def test_countries_and_programmes(self, article):
        assert article.countries == ("AR", "BO", "BR", "CL", "PY", "PE", "US")
        assert article.programmes[0] == "Counter-trafficking"
        assert "Voluntary Return and Reintegration" in article.programmes


class TestCourseRelease:
    """003: dateline, contacts on one line each, a "Context" footer."""

    @pytest.fixture
    def article(self):
        return parse_article(COURSE_RELEASE)

    def test_title(self, article):
        assert article.title == (
            "37th Edition of Inter-American Course on International Migration "
            "Commences in Mar del Plata, Argentina"
        )
        assert article.source == (
            "/news/37th-edition-inter-american-course-international-migration-"
            "commences-mar-del-plata-argentina"
        )

    def test_dateline_is_taken_out_of_the_first_paragraph(self, article):
        assert article.dateline == "Argentina"
        body = paragraphs(article.body_html)
        assert body[0] == (
            "IOM started yesterday a new edition of the Inter- American Course on "
            "International Migration, in Mar del Plata, Argentina. This event is "
            "carried out every year and is addressed to government officials from "
            "the Latin-American region."
        )
        assert article.summary == body[0]
        assert article.published_at is None
        assert article.date_source == "unknown"

    def test_paragraphs_stop_before_contacts_and_context(self, article):
        body = paragraphs(article.body_html)
        assert len(body) == 9
        assert body[-1] == (
            "In the framework of the Inter-American Course on International "
            "Migration, IOM has trained up to now more than 800 officials from "
            "government of Latin America and the Caribbean."
        )
        text = plain_text(article.body_html)
        assert "General migration trends" not in text
        assert "Lujan" not in text

    def test_comma_separated_contacts(self, article):
        assert article.contacts == (
            LegacyContact(
                name="Lujan De La Torre",
                office_name="IOM South America",
                phones=("+54 11 5219-2033", "+54 11 5219-2034", "+54 11 5219-2035"),
                email="ldelatorre@iom.int",
            ),
            LegacyContact(
                name="Niurka Piñeiro",
                office_name="IOM Washington",
                phones=("+1 202 862 1826",),
                mobile="1 202 684 0559",
                extension="225",
                email="npineiro@iom.int",
            ),
        )

    def test_countries_only_from_the_article(self, article):
        # The dropped "Context" section names a dozen more countries.
        assert article.countries == ("AR",)
        assert article.kind == "press_release"


class TestStatements:
    """004: three dated statements on one page."""

    @pytest.fixture
    def page(self):
        return parse(STATEMENTS)

    def test_three_statements_with_month_first_dates(self, page):
        assert page.kind == "statements"
        assert [item.published_at for item in page.articles] == [
            datetime.datetime(2018, 3, 16),
            datetime.datetime(2016, 6, 8),
            datetime.datetime(2011, 6, 21),
        ]
        assert {item.kind for item in page.articles} == {"statement"}
        assert {item.date_source for item in page.articles} == {"stated"}
        assert {item.source for item in page.articles} == {""}
        assert {item.language for item in page.articles} == {"en"}

    def test_titles_are_the_first_sentence_cut_at_a_word(self, page):
        assert [item.title for item in page.articles] == [
            "IOM is committed to promoting the orderly, safe, regular and "
            "responsible migration and mobility of people in Latin…",
            "There are approximately 57.5 million international migrants in the "
            "Americas, about 50 million in North America and 7.5…",
            "To contribute to upholding the human rights of migrant workers, the "
            "International Organization for the migration (IOM)…",
        ]
        assert all(len(item.title) <= 120 for item in page.articles)

    def test_bodies(self, page):
        first, second, third = (paragraphs(item.body_html) for item in page.articles)
        assert len(first) == 1
        # The first line broke mid-sentence ("migration / and mobility").
        assert first[0].startswith(
            "IOM is committed to promoting the orderly, safe, regular and "
            "responsible migration and mobility of people in Latin America. This "
            "is represented"
        )
        assert first[0].endswith("improve migration governance in the country.")
        assert len(second) == 5
        assert second[3] == (
            "IOM continues to work to develop governments’ capacities to manage "
            "migration, advocate for international cooperation on migration "
            "initiatives, and include migration issues as a priority in relevant "
            "regional platforms and processes."
        )
        assert len(third) == 2
        assert third[1].endswith("and return to their communities of origin.")

    def test_trailers_and_footer_are_removed(self, page):
        for item in page.articles:
            text = plain_text(item.body_html)
            assert "Paragraphs:" not in text
            assert "Related Resources" not in text
            assert "Date:" not in text

    def test_countries_and_programmes(self, page):
        first, second, third = page.articles
        assert first.countries == ("PA",)
        assert second.countries == ()
        assert third.countries == (
            "CR",
            "DO",
            "SV",
            "GT",
            "HN",
            "NI",
            "CO",
            "ES",
            "CA",
        )
        assert third.programmes == ("Labour Migration",)
        assert "Counter-trafficking" in second.programmes


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
        body = paragraphs(office.migration_context_html)
        assert len(body) == 8
        assert body[0].startswith(
            "Although Bolivia has been characterized as a country of emigration"
        )
        assert body[-1] == (
            "Finally, another older and highly relevant destination for Bolivian "
            "migration is the United States of America."
        )

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

    def test_careers_text_is_dropped(self, office):
        everything = office.migration_context_html + "".join(
            area.body_html for area in office.areas
        )
        assert "equal opportunity employer" not in everything
        assert "International Organization for Migration" not in office.address


# -- our sample pages -----------------------------------------------------------


class TestSpanishPressRelease:
    """Spanish menu, "Lima, 15 de julio de 2016.-" dateline, Spanish contact."""

    @pytest.fixture
    def article(self):
        return parse_article("es_lima_dateline.txt")

    def test_title_language_and_kind(self, article):
        assert article.title == (
            "Perú y Bolivia coordinan la protección de víctimas de trata en la frontera"
        )
        assert article.language == "es"
        assert article.kind == "press_release"

    def test_dateline_gives_place_and_date(self, article):
        assert article.dateline == "Lima"
        assert article.published_at == datetime.datetime(2016, 7, 15)
        assert article.date_source == "dateline"

    def test_body_with_list(self, article):
        assert article.body_html == (
            "<p>Funcionarios de migraciones, fiscales y policías de Perú y Bolivia "
            "acordaron hoy en Lima un protocolo común para identificar y proteger a "
            "las víctimas de trata de personas en los pasos de frontera.</p>\n"
            "<p>El protocolo, elaborado con el apoyo de la OIM, establece tres "
            "pasos:</p>\n"
            "<ul><li>la entrevista inicial en un espacio reservado;</li>"
            "<li>la derivación inmediata a los servicios de protección;</li>"
            "<li>el seguimiento del caso por las fiscalías de ambos países.</li>"
            "</ul>\n"
            "<p>Durante el encuentro, los participantes revisaron casos recientes "
            "de personas captadas con falsas ofertas de empleo en las ciudades "
            "fronterizas Puno y Desaguadero.</p>\n"
            "<p>La OIM continuará brindando capacitación a los equipos de frontera "
            "durante el segundo semestre del año.</p>"
        )

    def test_para_mas_informacion_contact(self, article):
        assert article.contacts == (
            LegacyContact(
                name="Rosa Elena Mamani Quispe",
                role="Oficial de Comunicaciones",
                office_name="OIM Lima",
                phones=("+51 1 633 0000",),
                mobile="+51 987 654 321",
                extension="2114",
                email="rmamani@iom.int",
            ),
        )

    def test_countries_programmes_and_address(self, article):
        assert article.countries == ("PE", "BO")
        assert article.programmes == ("Counter-trafficking",)
        assert article.source == (
            "/news/peru-y-bolivia-coordinan-la-proteccion-de-victimas-de-trata-en-"
            "la-frontera"
        )
        assert "Noticias relacionadas" not in article.body_html


class TestPostedDateAndShortHeader:
    """ "News / Global" header, "Posted:" date, metadata lines, footers."""

    @pytest.fixture
    def article(self):
        return parse_article("en_news_global_posted.txt")

    def test_posted_date_with_time(self, article):
        assert article.published_at == datetime.datetime(2018, 9, 19, 17, 11)
        assert article.date_source == "stated"

    def test_header_metadata_and_footers_are_removed(self, article):
        assert article.title == (
            "New Guide Helps Municipalities Welcome Venezuelan Families"
        )
        assert article.dateline == "Buenos Aires"
        assert paragraphs(article.body_html) == [
            "A guide published today by IOM and the Federation of Municipalities "
            "explains how local governments can help newly arrived families enrol "
            "their children in school and find work.",
            "The guide collects practices from eleven towns, among them a language "
            "café run by volunteers and a desk that helps migrants validate their "
            "diplomas.",
            '"Integration happens in the neighbourhood, not in the capital," said '
            "the mayor of one of the towns.",
        ]

    def test_metadata_feeds_countries_and_programmes(self, article):
        assert article.countries == ("AR",)
        assert article.programmes == ("Migrant Integration",)

    def test_news_without_contacts_is_news(self, article):
        assert article.kind == "news"
        assert article.contacts == ()


class TestOneFieldPerLineContact:
    """ "Press Room" header, "Date:" with non-breaking spaces, a contact with
    role, extension, mobile and a broken mailto fragment."""

    @pytest.fixture
    def article(self):
        return parse_article("en_press_room_contact_lines.txt")

    def test_month_first_date(self, article):
        assert article.published_at == datetime.datetime(2018, 3, 16)
        assert article.date_source == "stated"

    def test_paragraphs(self, article):
        assert article.title == (
            "Training for Consular Staff on Assisting Stranded Migrants"
        )
        assert article.dateline == "Quito"
        assert paragraphs(article.body_html) == [
            "IOM trained thirty consular officers from Ecuador, Peru and Colombia "
            "this week on how to help nationals who are stranded abroad without "
            "money or documents.",
            "The three-day workshop in Quito covered replacement travel documents, "
            "safe shelter and the assisted voluntary return of migrants who ask to "
            "go home.",
            "Participants also practised interviews with people who may have been "
            "exploited on their journey.",
            "Consular networks are often the first door a stranded migrant knocks "
            "on, said the head of the IOM office in Ecuador.",
        ]

    def test_contact(self, article):
        assert article.contacts == (
            LegacyContact(
                name="Ana Lucía Torres",
                role="Public Information Officer",
                office_name="IOM Quito",
                phones=("+593 2 299 3800",),
                mobile="+593 99 870 1234",
                extension="124",
                email="atorres@iom.int",
            ),
        )
        assert "Share this" not in article.body_html

    def test_countries_and_programmes(self, article):
        assert article.countries == ("EC", "PE", "CO")
        assert article.programmes == ("Voluntary Return and Reintegration",)


class TestMediaContactWithoutHeader:
    @pytest.fixture
    def article(self):
        return parse_article("en_media_contact_no_header.txt")

    def test_page_without_navigation(self, article):
        assert article.title == (
            "Caribbean and South American Officials Share Lessons on Disaster "
            "Displacement"
        )
        assert article.kind == "press_release"
        assert article.dateline == "Quito"
        assert len(paragraphs(article.body_html)) == 3
        assert "Press Release Type" not in article.body_html
        assert "Related News" not in article.body_html

    def test_media_contacts(self, article):
        assert article.contacts == (
            LegacyContact(
                name="Carla Benítez",
                office_name="IOM Quito",
                phones=("+593 2 299 3800", "+593 2 299 3801"),
                email="cbenitez@iom.int",
            ),
            LegacyContact(
                name="Tomás Reyes",
                office_name="IOM Bogotá",
                mobile="+57 310 555 0199",
                email="treyes@iom.int",
            ),
        )

    def test_countries_and_programmes(self, article):
        assert article.countries == ("EC", "CO", "HT", "DO")
        assert article.programmes == ("Migration and Climate Change",)


def test_windows_1252_page_with_regional_menu():
    raw = (FIXTURES / "en_cp1252_regional_menu.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = parse_article("en_cp1252_regional_menu.txt")
    assert article.title == (
        "IOM and Bolivia’s Ombudsman Train Officials on Migrants’ Rights"
    )
    assert article.dateline == "La Paz"
    assert paragraphs(article.body_html) == [
        "Twenty officials from the Ombudsman’s office completed a three-day course "
        "in La Paz on the rights of migrants and refugees, organised with IOM’s "
        "support.",
        "The course covered the right to seek asylum, access to health care and the "
        "situation of Bolivians who come back from Chile and Argentina.",
        "“Migrants’ rights do not stop at the border,” said the deputy ombudsman, "
        "José Ñuflo.",
    ]
    assert article.kind == "news"
    assert article.countries == ("BO", "CL", "AR")
    assert (
        article.source
        == "/news/iom-and-bolivias-ombudsman-train-officials-migrants-rights"
    )


def test_utf8_bom_crlf_page_with_english_title_and_spanish_body():
    raw = (FIXTURES / "es_body_english_title_bom_crlf.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    article = parse_article("es_body_english_title_bom_crlf.txt")
    assert article.title == "Migrants in Santa Cruz Get Free Legal Advice"
    assert article.language == "es"
    assert article.dateline == "Santa Cruz"
    assert article.published_at == datetime.datetime(2018, 5, 7, 9, 30)
    assert article.date_source == "stated"
    body = paragraphs(article.body_html)
    assert len(body) == 3
    assert body[0] == (
        "La OIM y el Colegio de Abogados abrieron hoy una oficina de orientación "
        "jurídica gratuita para las personas migrantes que viven en Santa Cruz de "
        "la Sierra."
    )
    assert "\r" not in article.body_html and "\ufeff" not in article.title
    assert article.countries == ("BR", "PY", "PE")
    assert article.programmes == ("Migrant Integration",)


class TestDrupalHtmlPage:
    @pytest.fixture
    def html_article(self):
        return parse_article("drupal_page.html")

    @pytest.fixture
    def text_article(self):
        return parse_article("drupal_page_twin.txt")

    def test_same_article_as_its_text_twin(self, html_article, text_article):
        assert dataclasses.replace(html_article, body_html="") == (
            dataclasses.replace(text_article, body_html="")
        )
        without_images = re.sub(r"<p><img [^>]*></p>\n?", "", html_article.body_html)
        assert plain_text(without_images) == plain_text(text_article.body_html)

    def test_fields(self, html_article):
        assert html_article.title == (
            "Seasonal Workers from Paraguay Receive Guidance Before Travelling"
        )
        assert html_article.source == (
            "/news/seasonal-workers-paraguay-receive-guidance-travelling"
        )
        assert html_article.published_at == datetime.datetime(2018, 9, 19, 17, 11)
        assert html_article.date_source == "stated"
        assert html_article.dateline == "Buenos Aires"
        assert html_article.kind == "press_release"
        assert html_article.countries == ("PY", "AR")
        assert html_article.programmes == ("Labour Migration",)
        assert html_article.contacts == (
            LegacyContact(
                name="Lujan Ortiz",
                office_name="IOM South America",
                phones=("+54 11 4813 3000",),
                extension="118",
                email="lortiz@iom.int",
            ),
        )

    def test_body_is_clean(self, html_article):
        assert html_article.body_html == (
            "<p>IOM and the labour ministries of Argentina and Paraguay opened an "
            "information desk in Encarnación for people who travel each year to "
            "work in the harvest.</p>\n"
            "<p>At the desk, workers can check that their job offer is real, learn "
            "what the minimum wage is and find out where to go if an employer keeps "
            "their documents.</p>\n"
            '<p><img src="/sites/default/files/desk-encarnacion.jpg" alt="Workers '
            'queue at the new information desk in Encarnación"></p>\n'
            "<p>The desk will also hand out a leaflet with the addresses of the "
            "labour inspection offices in both countries:</p>\n"
            "<ul><li>the inspection office in Posadas;</li><li>the labour "
            "delegation in <em>Encarnación</em>.</li></ul>\n"
            "<p>“Knowing your rights before you leave is the best protection,” said "
            "an IOM officer. The leaflet is available in Spanish and Guaraní, and "
            'online in <a href="https://www.iom.int/fair-recruitment">IOM’s fair '
            "recruitment pages</a> and through a printable version.</p>"
        )
        assert not FORBIDDEN_MARKUP.search(html_article.body_html)

    def test_menus_sidebars_and_footers_are_left_out(self, html_article):
        text = plain_text(html_article.body_html)
        for boilerplate in (
            "Skip to main content",
            "Who we are",
            "Another story",
            "Share this",
            "Related News",
            "©",
            "drupalSettings",
            "not content",
        ):
            assert boilerplate not in text


def test_html_field_item_body_without_article():
    raw = (
        b"<html><head><title>IOM Opens an Office in El Alto | IOM South America"
        b"</title></head><body><div id='header'><ul class='menu'><li>Home</li>"
        b"</ul></div><div class='region-sidebar-second'><p>Elsewhere</p></div>"
        b"<div class='field-items'><div class='field-item even'><p>La Paz - IOM "
        b"opened an office in El Alto today for people returning from Chile.</p>"
        b"<p>It will offer <b>counselling</b> and <a href='/es/contacto' "
        b"onclick='x()'>referrals</a>.</p></div></div></body></html>"
    )
    article = parse_page(raw).articles[0]
    assert article.title == "IOM Opens an Office in El Alto"
    assert article.dateline == "La Paz"
    assert article.body_html == (
        "<p>IOM opened an office in El Alto today for people returning from "
        "Chile.</p>\n"
        '<p>It will offer <strong>counselling</strong> and <a href="/es/contacto">'
        "referrals</a>.</p>"
    )
    assert article.source == "/news/iom-opens-office-el-alto"
    assert article.countries == ("CL",)


def test_press_release_type_alone_makes_a_press_release():
    raw = b"A Title for a Release\nPress Release Type: Global\nLima - IOM met today.\n"
    article = parse_page(raw).articles[0]
    assert article.kind == "press_release"
    assert article.body_html == "<p>IOM met today.</p>"


def test_listing_date_line_and_spanish_fecha_are_read():
    listing = parse_page(b"News\n19 September 2018\nA Short Title\nText here.\n")
    assert listing.articles[0].published_at == datetime.datetime(2018, 9, 19)
    assert listing.articles[0].date_source == "stated"
    fecha = parse_page("Un título\nFecha: 3/4/2017\nLa OIM firmó hoy.\n".encode())
    assert fecha.articles[0].published_at == datetime.datetime(2017, 4, 3)


def test_contact_inline_after_the_heading():
    raw = (
        b"Some Title About Migrants\nIOM said something today.\n"
        b"For more information, please contact Juan P\xc3\xa9rez at IOM Lima, "
        b"Tel. +51 1 221 7698, Email: JPerez@iom.int\n"
    )
    assert parse_page(raw).articles[0].contacts == (
        LegacyContact(
            name="Juan Pérez",
            office_name="IOM Lima",
            phones=("+51 1 221 7698",),
            email="jperez@iom.int",
        ),
    )


# -- bad input --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("only_navigation.txt", "the page holds only navigation, no content"),
        ("binary.bin", "binary file: it contains NUL bytes"),
        ("no_content.html", "HTML page without content: no text in its body"),
    ],
)
def test_bad_input_is_refused_with_a_reason(name, reason):
    with pytest.raises(LegacyParseError) as raised:
        parse(name)
    assert str(raised.value) == reason
    assert isinstance(raised.value, ValueError)


def test_whitespace_only_file_is_empty():
    with pytest.raises(LegacyParseError, match="^empty file$"):
        parse_page(b" \r\n\t\n")


def test_binary_without_nul_bytes_is_refused():
    noise = bytes(range(1, 32)) * 20 + bytes(range(128, 256)) * 4
    with pytest.raises(LegacyParseError, match="^(binary|undecodable) file"):
        parse_page(noise)


def test_title_without_body_is_refused():
    with pytest.raises(LegacyParseError, match="no body text"):
        parse_page(b"Only a Title\n")


# -- decoding, addresses, cleaning ---------------------------------------------------


def test_decode_page():
    assert decode_page(b"\xef\xbb\xbfLine one\r\nLine two\r\n") == (
        "Line one\nLine two\n"
    )
    assert decode_page("Migración – “OIM”".encode("cp1252")) == "Migración – “OIM”"
    assert decode_page("Peña\rCañar".encode("latin-1")) == "Peña\nCañar"
    assert decode_page("Perú".encode("utf-16")) == "Perú"


@pytest.mark.parametrize(
    ("title", "path"),
    [
        (
            "Regional Network to Combat Human Trafficking",
            "/news/regional-network-combat-human-trafficking",
        ),
        (
            "Migration Policies to Foster Development and Human Rights",
            "/news/migration-policies-foster-development-and-human-rights",
        ),
        (
            "IOM, Argentina Sign Agreement on the Return of Migrants",
            "/news/iom-argentina-sign-agreement-return-migrants",
        ),
        (
            "Perú: Niños y niñas en situación de calle",
            "/news/peru-ninos-y-ninas-en-situacion-de-calle",
        ),
        ("IOM’s Work in Inter-American Fora", "/news/ioms-work-inter-american-fora"),
        (
            "An Office Up Since 2010 Is Off to a New Start",
            "/news/office-2010-new-start",
        ),
    ],
)
def test_legacy_news_path(title, path):
    assert legacy_news_path(title) == path


def test_legacy_news_path_is_cut_at_a_word_within_100_characters():
    path = legacy_news_path(" ".join(["migration"] * 30))
    slug = path.removeprefix("/news/")
    assert len(slug) <= 100
    assert slug.endswith("migration")


def test_clean_html_keeps_only_the_allowed_markup():
    dirty = (
        '<div class="x"><p style="color:red" onclick="steal()">Hi <b>there</b> '
        '<strong>bold</strong> <a href="javascript:alert(1)">bad</a> '
        '<a href="https://www.iom.int" target="_blank">good</a> '
        '<a href="tel:+5411">call</a> <img src="/a.jpg" alt="A map" onerror="x()">'
        "</p><script>alert(1)</script><h4>Sub</h4><h2>Head</h2></div>"
    )
    assert clean_html(dirty) == (
        "<p>Hi there <strong>bold</strong> <a>bad</a> "
        '<a href="https://www.iom.int">good</a> <a href="tel:+5411">call</a> '
        '<img src="/a.jpg" alt="A map"></p>Sub<h2>Head</h2>'
    )
    assert clean_html("") == ""


def test_every_sample_body_is_safe():
    for path in sorted(FIXTURES.iterdir()):
        try:
            page = parse_page(path.read_bytes(), filename=path.name)
        except LegacyParseError:
            continue
        bodies = [article.body_html for article in page.articles]
        if page.office:
            bodies.append(page.office.migration_context_html)
            bodies.extend(area.body_html for area in page.office.areas)
        for body in bodies:
            assert not FORBIDDEN_MARKUP.search(body), path.name
            assert clean_html(body) == body, path.name


def test_metadata_labels_on_their_own_lines_keep_the_title():
    raw = (
        b"A Short Title Here\nPress Release Type\nGlobal\nRegion-Country\nPeru\n"
        b"Categories: Labour Migration\nLima - IOM and the government of Peru "
        b"signed an agreement today.\n"
    )
    article = parse_page(raw).articles[0]
    assert article.title == "A Short Title Here"
    assert article.kind == "press_release"
    assert article.body_html == (
        "<p>IOM and the government of Peru signed an agreement today.</p>"
    )
    assert article.countries == ("PE",)


def test_page_whose_first_line_is_a_paragraph_is_titled_with_its_opening():
    raw = (
        "Quito – " + "IOM handed over twelve mobile clinics to the health ministry "
        "of Ecuador for the communities along the northern border. " * 3
    ).encode()
    article = parse_page(raw).articles[0]
    assert article.dateline == "Quito"
    assert article.title == (
        "IOM handed over twelve mobile clinics to the health ministry of Ecuador "
        "for the communities along the northern border"
    )
    assert article.source == (
        "/news/iom-handed-over-twelve-mobile-clinics-health-ministry-ecuador-"
        "communities-along-northern-border"
    )


def test_html_with_teasers_and_an_article_header():
    raw = """<!doctype html><html><head><title>Ignored | IOM</title></head><body>
    <header class="site-header"><h1>IOM South America</h1></header>
    <div class="view-related"><article><h2>Teaser</h2><p>Teaser text.</p></article>
    </div>
    <main><article><header><h1>Peru Launches a Migrant Helpline</h1>
    <p>Posted: <time datetime="2019-02-01T08:00:00-05:00">1 February 2019</time></p>
    </header><p>Lima – A free helpline for migrants opened today in Peru.</p>
    <blockquote><p>It answers in Spanish and Creole.</p></blockquote>
    <footer><a href="/share">Share</a></footer></article></main>
    <aside><article><h2>Other teaser</h2><p>More.</p></article></aside>
    </body></html>""".encode()
    article = parse_page(raw).articles[0]
    assert article.title == "Peru Launches a Migrant Helpline"
    assert article.published_at == datetime.datetime(2019, 2, 1, 8, 0)
    assert article.dateline == "Lima"
    assert article.body_html == (
        "<p>A free helpline for migrants opened today in Peru.</p>\n"
        "<blockquote>It answers in Spanish and Creole.</blockquote>"
    )


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
