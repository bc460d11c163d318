"""News pages: the three real press releases and sample pages of our own."""

import datetime

import pytest

from iomsite.legacy.parsing import (
    LegacyContact,
    legacy_news_path,
    parse_page,
)

from .pages import (
    COURSE_RELEASE,
    POLICIES_RELEASE,
    TRAFFICKING_RELEASE,
    paragraphs,
    parse_article,
    plain_text,
)


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
        # Themes the words suggest are not tags: the page states none.
        assert article.programmes == ()
        assert article.suggested_programmes == (
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
        assert article.programmes == ()
        assert article.suggested_programmes[0] == "Counter-trafficking"
        assert "Voluntary Return and Reintegration" in article.suggested_programmes


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

    def test_the_context_section_after_the_contacts_is_kept(self, article):
        # Issue 17: the "Context" of a press release is part of it; only the
        # contact block between the news and its context is taken out.
        body = paragraphs(article.body_html)
        assert len(body) == 17
        assert body[8] == (
            "In the framework of the Inter-American Course on International "
            "Migration, IOM has trained up to now more than 800 officials from "
            "government of Latin America and the Caribbean."
        )
        assert (
            "</p>\n<h3>Context</h3>\n<h3>General migration trends in the "
            "Latin-American region</h3>\n<p>Argentina is the region’s main pole"
        ) in article.body_html
        assert body[-1].startswith("The migratory flows towards Mesoamerican")
        assert "Lujan" not in plain_text(article.body_html)

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
        # The "Context" section names a dozen more countries: suggested only.
        assert article.countries == ("AR",)
        assert article.suggested_countries[:3] == ("VE", "CL", "BR")
        assert "AR" not in article.suggested_countries
        assert article.kind == "press_release"


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
        assert article.programmes == ()
        assert article.suggested_programmes == ("Counter-trafficking",)
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
