"""Saved Drupal HTML pages."""

import dataclasses
import datetime
import re

import pytest

from iomsite.legacy.html_figures import is_credit
from iomsite.legacy.parsing import (
    LegacyContact,
    parse_page,
)

from .pages import (
    FORBIDDEN_MARKUP,
    paragraphs,
    parse_article,
    plain_text,
)


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
    # The dateline's city is in Bolivia; Chile is named in the lead.
    assert article.countries == ("CL", "BO")


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


class TestDrupalBodyField:
    """Drupal 7 (``field-name-body`` in a node ``div``) and Drupal 8+
    (``node__content`` / ``field--name-body`` in an ``<article>``), with the
    site's chrome around them."""

    def test_drupal7_node_without_an_article_element(self):
        article = parse_article("html_drupal7_node.html")
        assert article.title == (
            "Border Officials in Uruguay Train to Identify Trafficking Victims"
        )
        assert article.source == (
            "/news/border-officials-uruguay-train-identify-trafficking-victims"
        )
        assert article.published_at == datetime.datetime(2017, 6, 6, 10, 30)
        assert article.dateline == "Montevideo"
        assert article.countries == ("UY",)
        assert [p[:30] for p in paragraphs(article.body_html)] == [
            "Forty border and migration off",
            "The course, run by IOM with th",
            "“An officer at the border is o",
        ]

    def test_drupal7_chrome_is_left_out(self):
        text = plain_text(parse_article("html_drupal7_node.html").body_html)
        for chrome in (
            "Skip to main content",
            "English",
            "Press room",
            "Home",
            "View",
            "Facebook",
            "Printer-friendly",
            "Follow IOM",  # a block of the content region, beside the node
            "Latest news",
            "Copyright",
        ):
            assert chrome not in text

    def test_drupal8_article_with_inline_labels_and_meta(self):
        article = parse_article("html_drupal8_node.html")
        assert article.title == "Ferias de empleo para personas migrantes en Santiago"
        assert article.source == (
            "/es/news/ferias-de-empleo-para-personas-migrantes-en-santiago"
        )
        assert article.language == "es"
        assert article.published_at == datetime.datetime(2021, 3, 22, 9, 15)
        assert article.dateline == "Santiago"
        assert article.countries == ("CL",)  # "Región-País" without a colon
        assert article.body_html.startswith("<p>La OIM y la municipalidad")
        assert "<h3>Próximas ferias</h3>" in article.body_html
        assert article.summary.startswith("La OIM y la municipalidad")

    def test_drupal8_chrome_is_left_out(self):
        text = plain_text(parse_article("html_drupal8_node.html").body_html)
        for chrome in (
            "Pasar al contenido",
            "Quiénes somos",
            "editora",  # node__meta: author and date
            "22/03/2021",
            "Etiquetas",
            "empleo,",
            "Facebook",
            "Noticias relacionadas",
            "Otra noticia",  # a teaser of another node
            "Suscríbase",
            "©",
        ):
            assert chrome not in text


def test_a_teaser_article_is_not_the_page():
    raw = b"""<html><body><div class="view">
    <article class="node node--view-mode-teaser">
    <h2>Teaser title</h2><p>A much longer teaser text that goes on and on about
    another story, longer than the page itself, with many words in it.</p></article>
    </div><article class="node node--view-mode-full"><h1>The Page Itself</h1>
    <p>Quito - The page's own short text.</p></article></body></html>"""
    article = parse_page(raw).articles[0]
    assert article.title == "The Page Itself"
    assert article.body_html == "<p>The page's own short text.</p>"


class TestFigures:
    @pytest.fixture
    def article(self):
        return parse_article("html_figures.html")

    def test_images_keep_their_captions_and_credits(self, article):
        assert article.body_html == (
            '<figure><img src="/sites/default/files/styles/large/public/'
            'clinic-van.jpg?itok=Xy12" alt="A white van with the IOM logo parked '
            'beside a bus station"><figcaption>The clinic van at the bus terminal '
            "in Colchane.</figcaption></figure>\n"
            "<p>Two mobile clinics run by IOM and the regional health service now "
            "stop every week at the places where people crossing from Bolivia wait "
            "for transport.</p>\n"
            '<figure><img src="clinic_files/nurse-check.jpg" alt="A nurse takes the '
            'blood pressure of a woman holding a baby"><figcaption>A nurse checks a '
            "mother who arrived the night before. Photo: IOM/Carla Medina"
            "</figcaption></figure>\n"
            "<p>The teams give first aid, vaccines and advice on where to find "
            "shelter, and they refer people with serious conditions to the hospital "
            "in Iquique.</p>\n"
            '<figure><img src="/sites/default/files/waiting-room.jpg" alt="People '
            'sitting on benches in a tent"><figcaption>Photo: © OIM/Pablo Ríos 2019'
            "</figcaption></figure>\n"
            '<figure><img src="https://www.iom.int/sites/g/files/tmzbdl486/files/'
            'map-route.png" alt="A map of the route from Pisiga to Iquique">'
            "<figcaption><em>The route most people take, about 220 kilometres."
            "</em></figcaption></figure>\n"
            "<p>More than 1,200 people were seen in the first month, a third of "
            "them children.</p>\n"
            # An inline data: image is never kept; its caption stays as text.
            "<p>A drawing made by a girl at the clinic, given to the team.</p>"
        )

    def test_a_lead_image_leaves_the_dateline_and_summary_to_the_text(self, article):
        assert article.dateline == "Santiago"
        assert article.published_at == datetime.datetime(2019, 11, 4, 12, 0)
        assert article.summary.startswith("Two mobile clinics")

    def test_credit_line_after_a_figure_joins_its_caption(self):
        raw = (
            b"<html><body><article><h1>A Title Here</h1><p>Lima - Text of the "
            b"story, long enough.</p><figure><img src='a.jpg' alt='A'><figcaption>"
            b"Families at the shelter.</figcaption></figure><p>Foto: OIM/Ana Paz</p>"
            b"<p><img src='b.jpg' alt='B'></p><p>An ordinary paragraph after an "
            b"image, which is not a caption.</p></article></body></html>"
        )
        body = parse_page(raw).articles[0].body_html
        assert (
            '<figure><img src="a.jpg" alt="A"><figcaption>Families at the shelter. '
            "Foto: OIM/Ana Paz</figcaption></figure>"
        ) in body
        assert '<p><img src="b.jpg" alt="B"></p>\n<p>An ordinary' in body

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Photo: IOM/Juan Pérez", True),
            ("Foto: © OIM 2019", True),
            ("(Photo credit: IOM)", True),
            ("Crédito: OIM/Mar Díaz", True),
            ("© IOM 2018", True),
            ("Fotografía de OIM: Lima", False),
            ("Photos of the event are online at our page.", False),
            ("The photo shows a family.", False),
        ],
    )
    def test_credit_lines(self, text, expected):
        assert is_credit(text) is expected


class TestTables:
    @pytest.fixture
    def body(self):
        return parse_article("html_tables.html").body_html

    def test_a_table_with_a_head_keeps_its_cells_without_styles(self, body):
        assert (
            "<p>Assisted returns by host country</p>\n"
            "<table><thead><tr><th>Host country</th><th>People</th>"
            "<th>Of them, children</th></tr></thead><tbody>"
            "<tr><td>Argentina</td><td>612</td><td>140</td></tr>"
            "<tr><td>Chile</td><td>498</td><td>97</td></tr>"
            '<tr><td colspan="2"><strong>Total</strong> (with the other countries)'
            "</td><td>1,460</td></tr></tbody></table>"
        ) in body

    def test_a_bold_first_row_becomes_the_header(self, body):
        assert (
            "<table><thead><tr><th>Country of return</th><th>People</th></tr>"
            "</thead><tbody><tr><td>Paraguay</td><td>390</td></tr><tr><td>Bolivia"
            "</td><td>344</td></tr></tbody></table>"
        ) in body

    def test_a_layout_table_gives_its_paragraphs(self, body):
        assert body.endswith(
            "<p>Most returns were by bus, and took less than two days.</p>\n"
            "<p>Flights were paid for families with small children.</p>"
        )
        assert body.count("<table>") == 2
        assert not FORBIDDEN_MARKUP.search(body)

    def test_a_table_without_header_cells_stays_a_table(self):
        raw = (
            b"<html><body><article><h1>Some Title</h1><p>Lima - Text.</p><table>"
            b"<tr><td>Tacna</td><td>12</td></tr><tr><td>Puno</td><td>7</td></tr>"
            b"</table><table><tr><td>One cell only</td></tr></table></article>"
            b"</body></html>"
        )
        assert parse_page(raw).articles[0].body_html == (
            "<p>Text.</p>\n<table><tbody><tr><td>Tacna</td><td>12</td></tr><tr>"
            "<td>Puno</td><td>7</td></tr></tbody></table>\n<p>One cell only</p>"
        )
