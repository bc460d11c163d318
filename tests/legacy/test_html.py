"""Saved Drupal HTML pages."""

import dataclasses
import datetime
import re

import pytest

from iomsite.legacy.parsing import (
    LegacyContact,
    parse_page,
)

from .pages import (
    FORBIDDEN_MARKUP,
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
