"""The office page's programmes: each with the office's own text about it
when it has one in the page's language, else the programme's summary."""

import pytest
from bs4 import BeautifulSoup

from ..factories import OfficeFactory, OfficeProgrammeTextFactory, ProgrammeFactory
from ..test_html_validity import check_html, checker_installed  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return OfficeFactory(name="IOM Bolivia", slug="iom-bolivia", country="BO")


@pytest.fixture
def programmes(office):
    """Two programmes of the office, the second with the office's own text."""
    plain = ProgrammeFactory(
        title="Labour migration",
        slug="labour",
        summary="Fair recruitment.",
        order=1,
    )
    written = ProgrammeFactory(
        title="Border management",
        title_es="Gestión de fronteras",
        slug="borders",
        summary="Borders that work.",
        order=2,
    )
    for programme in (plain, written):
        programme.offices.add(office)
    OfficeProgrammeTextFactory(
        office=office,
        programme=written,
        body="<p>Training in Desaguadero.</p><h4>Shelters</h4><p>Two in La Paz.</p>",
        body_es="<p>Capacitación en Desaguadero.</p>",
    )
    return plain, written


def section_of(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return page.find(id="programmes-heading").find_parent("section")


def tiles_of(section):
    """{programme slug: (title link, text shown)}"""
    return {
        tile["id"].removeprefix("programme-"): (
            tile.h3.a["href"],
            tile.find(class_="prose") or tile.p,
        )
        for tile in section.select("li.tile")
    }


def test_the_office_text_stands_in_for_the_summary(client, office, programmes):
    response = client.get(office.get_absolute_url())

    section = section_of(response)
    tiles = tiles_of(section)
    # The programme the office wrote about first, across the section.
    assert list(tiles) == ["borders", "labour"]
    assert tiles["borders"][0] == "/programmes/borders/"
    assert str(tiles["borders"][1]) == (
        '<div class="prose"><p>Training in Desaguadero.</p><h4>Shelters</h4>'
        "<p>Two in La Paz.</p></div>"
    )
    assert "tile-text" in section.find(id="programme-borders")["class"]
    assert tiles["labour"] == ("/programmes/labour/", tiles["labour"][1])
    assert tiles["labour"][1].get_text() == "Fair recruitment."
    assert "Borders that work." not in section.get_text()
    assert [p.office_text for p in response.context["programmes"]][1] is None


def test_headings_follow_the_page_outline(client, office, programmes):
    section = section_of(client.get(office.get_absolute_url()))

    assert [heading.name for heading in section.find_all(["h2", "h3", "h4"])] == [
        "h2",
        "h3",
        "h4",
        "h3",
    ]


def test_the_spanish_page_shows_the_spanish_text(client, office, programmes):
    section = section_of(client.get(f"/es{office.get_absolute_url()}"))

    tiles = tiles_of(section)
    assert tiles["borders"][0] == "/es/programmes/borders/"
    assert section.find(id="programme-borders").h3.get_text() == (
        "Gestión de fronteras"
    )
    assert str(tiles["borders"][1]) == (
        '<div class="prose"><p>Capacitación en Desaguadero.</p></div>'
    )
    assert section.h2.get_text() == "Programas"


def test_the_portuguese_page_falls_back_to_the_english_text(client, office, programmes):
    section = section_of(client.get(f"/pt{office.get_absolute_url()}"))

    text = tiles_of(section)["borders"][1]
    assert text["lang"] == "en"
    assert text.p.get_text() == "Training in Desaguadero."
    assert section.h2.get_text() == "Programas"


def test_a_text_in_another_language_only_leaves_the_summary(client, office):
    programme = ProgrammeFactory(slug="integration", summary="Living together.")
    programme.offices.add(office)
    OfficeProgrammeTextFactory(
        office=office, programme=programme, body="", body_es="<p>Integración.</p>"
    )

    english = tiles_of(section_of(client.get(office.get_absolute_url())))
    spanish = tiles_of(section_of(client.get(f"/es{office.get_absolute_url()}")))

    assert english["integration"][1].get_text() == "Living together."
    assert english["integration"][1].name == "p"
    assert spanish["integration"][1].get_text() == "Integración."


def test_only_this_offices_texts_of_its_published_programmes(client, office):
    other = ProgrammeFactory(slug="other", summary="The programme's own words.")
    other.offices.add(office)
    OfficeProgrammeTextFactory(programme=other, body="<p>Another office's.</p>")
    draft = ProgrammeFactory(slug="draft", is_published=False)
    draft.offices.add(office)
    OfficeProgrammeTextFactory(office=office, programme=draft, body="<p>Draft.</p>")
    elsewhere = ProgrammeFactory(slug="elsewhere")
    OfficeProgrammeTextFactory(office=office, programme=elsewhere, body="<p>Not</p>")

    section = section_of(client.get(office.get_absolute_url()))

    assert list(tiles_of(section)) == ["other"]
    assert tiles_of(section)["other"][1].get_text() == "The programme's own words."


def test_a_text_shows_at_once_on_a_cached_page(client, office, programmes):
    _plain, written = programmes
    url = office.get_absolute_url()
    client.get(url)  # now in the page cache
    text = written.office_texts.get()
    text.body = "<p>Rewritten.</p>"

    text.save()

    assert "<p>Rewritten.</p>" in client.get(url).content.decode()
    text.delete()
    assert "Rewritten." not in client.get(url).content.decode()


@pytest.mark.usefixtures("checker_installed")
def test_the_programme_texts_are_valid_html_in_every_language(
    client, office, programmes, tmp_path
):
    documents = {
        code: client.get(f"{prefix}{office.get_absolute_url()}").content.decode()
        for code, prefix in (("en", ""), ("es", "/es"), ("pt", "/pt"))
    }

    errors = check_html(documents, tmp_path)

    assert errors == {"en": [], "es": [], "pt": []}
