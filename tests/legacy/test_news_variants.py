"""News pages of other sites and shapes: country and regional site headers,
type labels above the title, datelines with dates, numeric dates in the order
of the page's language."""

import datetime

from iomsite.legacy.parsing import LegacyContact

from .pages import paragraphs, parse, parse_article


class TestSpanishCountrySiteRelease:
    """A country site's Spanish header and breadcrumb, a type label, a
    dateline with the date and a Spanish contact heading."""

    def test_header_breadcrumb_and_type_label_are_not_the_title(self):
        article = parse_article("nav_es_country_site.txt")
        assert article.title == (
            "Ferias de empleo para migrantes en cinco regiones del país"
        )
        assert article.kind == "press_release"
        assert article.language == "es"
        assert "Inicio" not in article.body_html
        assert "Comunicado" not in article.body_html

    def test_dateline_gives_place_and_date(self):
        article = parse_article("nav_es_country_site.txt")
        assert article.dateline == "Arequipa"
        assert article.published_at == datetime.datetime(2019, 8, 12)
        assert article.date_source == "dateline"
        assert paragraphs(article.body_html)[0].startswith(
            "La Organización Internacional para las Migraciones (OIM) y el "
            "Ministerio de Trabajo organizaron ferias de empleo en cinco regiones,"
        )

    def test_contact_block_after_the_spanish_heading(self):
        article = parse_article("nav_es_country_site.txt")
        assert article.contacts == (
            LegacyContact(
                name="Lucía Rojas",
                role="Oficial de Comunicación",
                office_name="OIM Lima",
                phones=("+51 1 633 0000",),
                extension="125",
                email="lrojas@iom.int",
            ),
        )
        assert "lrojas" not in article.body_html


class TestRegionalSiteRelease:
    def test_english_header_type_label_and_dateline(self):
        article = parse_article("nav_en_regional_site.txt")
        assert article.title == "Governments Agree on Shared Return Guidelines"
        assert article.kind == "press_release"
        assert article.dateline == "Geneva"
        assert article.published_at == datetime.datetime(2016, 5, 3)
        assert paragraphs(article.body_html)[0].startswith(
            "Delegations of ten South American governments agreed"
        )
        (contact,) = article.contacts
        assert (contact.name, contact.office_name, contact.email) == (
            "Mark Ellison",
            "IOM Buenos Aires",
            "mellison@iom.int",
        )


def test_numeric_dates_read_in_the_order_of_the_page_language():
    english = parse_article("news_no_header_numeric_date_en.txt")
    spanish = parse_article("news_no_header_numeric_date_es.txt")
    assert english.title == "Census Training for Border Officials"
    assert english.published_at == datetime.datetime(2016, 3, 5)
    assert spanish.title == (
        "Capacitación en estadísticas para funcionarios de frontera"
    )
    assert spanish.published_at == datetime.datetime(2016, 5, 3)


def test_a_news_label_and_a_month_first_spanish_date():
    article = parse_article("news_es_month_positions.txt")
    assert article.title == "Nuevo albergue temporal en la frontera norte"
    assert article.kind == "news"
    assert article.published_at == datetime.datetime(2016, 7, 15)
    assert article.dateline == "Tumbes"


def test_a_month_without_its_day_is_not_a_date_and_is_reported():
    page = parse("news_es_month_without_day.txt")
    (article,) = page.articles
    assert article.title == "Informe anual sobre la trata de personas en la región"
    assert article.kind == "press_release"
    assert article.published_at is None
    assert "Julio de 2016" not in article.body_html
    assert page.warnings == ("date without a day, not used: Julio de 2016",)
