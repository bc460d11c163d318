"""The content checks are plain functions over cleaned HTML: no database."""

import pytest
from django.utils import translation

from iomsite.content.problems import CHECKS, check_body, stored_codes
from iomsite.content.sanitize import clean_html

OLD = ["robuenosaires.iom.int"]


def codes(html, **options):
    return [
        problem.code
        for problem in check_body(clean_html(html), old_hosts=OLD, **options)
    ]


def test_a_clean_body_passes():
    html = (
        "<h2>Background</h2><p>Text with <a href='https://www.iom.int/'>IOM's "
        "site</a>.</p><h3>Detail</h3><p><img src='/media/a.jpg' alt='A boat'></p>"
        "<h2>Figures</h2><table><thead><tr><th>Year</th></tr></thead>"
        "<tbody><tr><td>2020</td></tr></tbody></table>"
    )
    assert codes(html) == []
    assert check_body("", old_hosts=OLD) == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<h2>A</h2><h4>B</h4>", ["heading-skip"]),
        ("<h3>Starts too deep</h3>", ["heading-skip"]),
        ("<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2><h3>E</h3>", []),
        # One skip is reported once, not again for the next heading at its level.
        ("<h2>A</h2><h4>B</h4><h4>C</h4>", ["heading-skip"]),
    ],
)
def test_heading_levels(html, expected):
    assert codes(html) == expected


def test_heading_levels_under_a_section_heading():
    # An office's migration context sits under the page's h2 "Migration in …".
    assert codes("<h3>Flows</h3>", outline_level=2) == []
    assert codes("<h2>Flows</h2><h4>Detail</h4>", outline_level=2) == ["heading-skip"]


def test_empty_headings():
    assert codes("<h2> </h2><p>Text</p>") == ["heading-empty"]
    assert codes("<h2><strong></strong></h2>") == ["heading-empty"]
    assert codes("<h2><img src='/a.png' alt='Logo of the fund'></h2>") == []


@pytest.mark.parametrize(
    "text",
    ["click here", "Click here.", "here", "aquí", "Haga clic aquí", "clic aquí"],
)
def test_vague_link_texts(text):
    html = f"<p>Read the report <a href='https://www.iom.int/x'>{text}</a></p>"
    assert codes(html) == ["link-text"]


@pytest.mark.parametrize(
    "text", ["https://www.iom.int/report", "www.iom.int", "http://iom.int/x"]
)
def test_bare_url_link_texts(text):
    assert codes(f"<p><a href='https://www.iom.int/x'>{text}</a></p>") == ["link-text"]


def test_a_link_text_that_mentions_here_passes():
    assert codes("<p><a href='https://x.org/'>Where we work here</a></p>") == []


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://robuenosaires.iom.int/news/old", ["old-host"]),
        ("http://ROBUENOSAIRES.iom.int/", ["old-host"]),
        ("https://www.robuenosaires.iom.int/x", ["old-host"]),
        ("https://www.iom.int/news", []),
        ("https://notrobuenosaires.iom.int.example/", []),
        ("/news/local/", []),
        ("mailto:someone@robuenosaires.iom.int", []),
    ],
)
def test_links_to_the_old_host(href, expected):
    assert codes(f"<p><a href='{href}'>The report on flows</a></p>") == expected


def test_old_hosts_come_from_the_setting(settings):
    settings.LEGACY_HOSTS = ["old.example.org"]
    html = "<p><a href='https://old.example.org/a'>The old report</a></p>"
    assert [problem.code for problem in check_body(html)] == ["old-host"]


def test_images_without_alt():
    assert codes("<p><img src='/media/a.jpg'></p>") == ["image-alt"]
    assert codes("<p><img src='/media/a.jpg' alt=' '></p>") == ["image-alt"]
    assert codes("<p><img src='/media/a.jpg' alt='Two boats'></p>") == []


def test_tables_without_header_cells():
    body = "<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    assert codes(body) == ["table-header"]
    with_header = "<table><tbody><tr><th>Year</th><td>2</td></tr></tbody></table>"
    assert codes(with_header) == []


def test_several_problems_in_order_and_stored_codes():
    html = (
        "<h2></h2><h4>Deep</h4><p><a href='https://robuenosaires.iom.int/'>here</a>"
        "<img src='/a.jpg'></p><table><tr><td>1</td></tr></table>"
    )
    assert codes(html) == [
        "heading-empty",
        "heading-skip",
        "old-host",
        "link-text",
        "image-alt",
        "table-header",
    ]
    assert stored_codes(clean_html(html), "<h3>x</h3>", old_hosts=OLD) == (
        "heading-empty heading-skip image-alt link-text old-host table-header"
    )
    assert set(stored_codes(html, old_hosts=OLD).split()) <= set(CHECKS)


def test_messages_are_translated():
    html = "<h2>Inicio</h2><h4>Detalle</h4>"
    with translation.override("es"):
        [problem] = check_body(html, old_hosts=OLD)
    assert problem.code == "heading-skip"
    assert "Detalle" in problem.message
    assert problem.message != check_body(html, old_hosts=OLD)[0].message
