"""Structures of the real archive (issue 17), each in a page of our own words:
type labels with their reach line, Drupal 7 aggregator and press-room items,
speeches, Portuguese pages, country pages, pages that are not content."""

import datetime

import pytest

from iomsite.legacy.parsing import LegacyParseError, parse_page

from .pages import plain_text


def article_of(text):
    page = parse_page(text.encode("utf-8"))
    assert page.kind == "news"
    (article,) = page.articles
    return article


def test_a_type_label_and_its_reach_line_are_not_the_title():
    article = article_of(
        "Press Release\nGlobal\n\nBakers in Lima Hire Returning Migrants\n\n"
        "Lima – A bakery cooperative in the north of the city has hired twelve "
        "returning migrants this month, IOM said today.\n\n"
        "The cooperative plans to open a second shop next year.\n"
    )
    assert article.title == "Bakers in Lima Hire Returning Migrants"
    assert article.kind == "press_release"
    assert article.dateline == "Lima"
    assert "Global" not in article.body_html


def test_a_portuguese_page_is_read_as_portuguese():
    article = article_of(
        "Notícias\nLocal\n\nOficinas de costura para mulheres migrantes em Manaus\n\n"
        "Manaus, 3 de março de 2020 – A OIM abriu uma oficina de costura para "
        "mulheres migrantes que chegaram ao Brasil no último ano.\n\n"
        "As participantes também recebem orientação sobre os seus direitos e não "
        "pagam nada pelo curso, que dura dois meses.\n\n"
        "Para mais informações: Ana Beatriz Lobo – alobo@iom.int – +55 92 3000-0000\n"
    )
    assert article.title == "Oficinas de costura para mulheres migrantes em Manaus"
    assert article.language == "pt"
    assert article.published_at == datetime.datetime(2020, 3, 3)
    assert [(c.name, c.email) for c in article.contacts] == [
        ("Ana Beatriz Lobo", "alobo@iom.int")
    ]
    assert article.countries == ("BR",)


def test_an_aggregator_item_keeps_its_title_and_date_and_drops_its_chrome():
    article = article_of(
        "Languages\n\n  • English\n  • Deutsch\nSubscribe to Example News feed\n"
        "Updated: 2 hours 5 min ago\n\nBoat Crossings Fall in the Caribbean\n\n"
        "Tue, 04/07/2020 - 09:15\n\n"
        "Santo Domingo – Fewer boats left the northern coast this spring, the "
        "coast guard told IOM this week.\n\n"
        "Language English Posted: Tuesday, April 7, 2020 - 15:00Image: "
        "Region-Country: Dominican RepublicThemes: Migrant AssistanceDefault: "
        "Press Release Type: Global\nCategories: PBN\n"
    )
    assert article.title == "Boat Crossings Fall in the Caribbean"
    assert article.published_at == datetime.datetime(2020, 4, 7, 9, 15)
    assert article.countries == ("DO",)
    text = plain_text(article.body_html)
    for chrome in ("Deutsch", "Subscribe", "Updated", "Posted", "Categories"):
        assert chrome not in text


def test_a_press_room_item_under_its_breadcrumb():
    article = article_of(
        "Home / Press Room IOM\n\nPress Room IOM\n\nSchools in Quito Welcome "
        "New Pupils\n\nIOM - News - Ven, 03/06/2020 - 11:00\nLanguage English\n\n"
        "Quito – Two hundred children who arrived with their families this year "
        "started classes on Monday.\n"
    )
    assert article.title == "Schools in Quito Welcome New Pupils"
    assert article.published_at == datetime.datetime(2020, 3, 6, 11, 0)
    assert "Press Room" not in article.body_html
    assert "Language" not in article.body_html


def test_a_speech_page_label_date_and_title():
    article = article_of(
        "Statements and Speeches\n12 Mar 2015\n\nOpening Words to the Andean "
        "Forum on Mobility\n\nMinisters, colleagues, friends: it is a pleasure to "
        "open this forum on the movement of workers across the Andes.\n"
    )
    assert article.title == "Opening Words to the Andean Forum on Mobility"
    assert article.kind == "statement"
    assert article.published_at == datetime.datetime(2015, 3, 12)


def test_a_dateline_without_a_comma_before_its_date():
    article = article_of(
        "Ferias de salud en la frontera\n\nCiudad de Panamá 4 de mayo de 2018.- "
        "Más de 900 personas recibieron atención médica gratuita en dos ferias.\n"
    )
    assert article.dateline == "Ciudad de Panamá"
    assert article.published_at == datetime.datetime(2018, 5, 4)


def test_a_context_section_after_the_contacts_is_kept_and_what_else_is_named():
    page = parse_page(
        "Shelter Beds Added in Tacna\n\nTacna – IOM added forty beds to the "
        "municipal shelter this week.\n\nFor more information please contact "
        "Rosa Flores at IOM Peru, Email: rflores@iom.int\n\nA volunteer makes a "
        "bed in the new dormitory.\n\nContext\n\nTacna is the main crossing "
        "point on the border with Chile.\n".encode()
    )
    (article,) = page.articles
    assert "<h3>Context</h3>\n<p>Tacna is the main crossing" in article.body_html
    assert "volunteer" not in article.body_html
    assert page.warnings == (
        "text after the contact block not imported: A volunteer makes a bed in "
        "the new dormitory.",
    )


COUNTRY_PAGE = """<html><head><title>Ruritania | International Organization
for Migration</title></head><body class="node-type-country"><div id="main">
<h1 id="page-title">Paraguay</h1>
<div class="node node-country"><div class="content">
<div class="field field-name-body"><div class="field-items"><div class="field-item">
<h2>IOM in Paraguay</h2><p>IOM has worked with the Government since 1955 on the
movement of people in and out of the country.</p>
<h3>Thematic Areas</h3><ul><li>Counter-trafficking</li><li>Border Management</li></ul>
</div></div></div>
<table class="country-facts"><tr><td>Population (2016):</td><td>6.7 million</td></tr>
<tr><td>Remittances (2015 estimate):</td><td>USD 580 million</td></tr>
<tr><td>Immigrants (2015):</td><td>2.4%</td></tr>
<tr><td>Languages:</td><td>Spanish, Guarani</td></tr></table>
<div class="field field-name-field-contact"><div class="field-items"><div
class="field-item">International Organization for Migration<br />Calle Falsa 742<br />
Asunción<br />Paraguay<br />Tel: +595 21 000 111<br />Fax: +595 21 000 112<br />
Email: iomexample@iom.int</div></div></div></div></div></div></body></html>"""


def test_a_country_page_is_an_office_with_its_facts_table_and_address():
    page = parse_page(COUNTRY_PAGE.encode())
    assert page.kind == "office"
    assert page.kind_reason.startswith("office: key figures, areas of action")
    office = page.office
    assert (office.name, office.country, office.city) == (
        "IOM Paraguay",
        "PY",
        "Asunción",
    )
    assert office.phones == ("+595 21 000 111",)
    assert [(f.label, f.value, f.unit, f.year) for f in office.figures] == [
        ("Population", "6.7 million", "", 2016),
        ("Remittances", "580 million", "USD", 2015),
        ("Immigrants", "2.4", "%", 2015),
    ]
    assert "<li>Languages: Spanish, Guarani</li>" in office.migration_context_html
    assert "<h2>Thematic Areas</h2>" in office.migration_context_html
    assert office.introduction.startswith("IOM has worked with the Government")


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (
            "<html><head><title>Acceso denegado | OIM</title></head><body><main>"
            "<h1>Acceso denegado</h1><p>No puede ver esta página.</p></main></body>"
            "</html>",
            "an error page of the old site (“Acceso denegado”), not content",
        ),
        (
            "<html><body><main><h1>Trata</h1>"
            + "".join(
                f'<div class="node node-teaser"><h2><a href="/n/{n}">Item {n} on '
                f"the theme</a></h2><p>One line about item {n}.</p></div>"
                for n in range(4)
            )
            + "</main></body></html>",
            "a listing of 4 teasers (a tag, category or search page), not one page",
        ),
        (
            '<html><body><article class="node"><h1>Video: A Day at the Border</h1>'
            '<iframe src="https://www.youtube.com/embed/x1?rel=0"></iframe>'
            "</article></body></html>",
            "only a video player (https://www.youtube.com/embed/x1), no text",
        ),
    ],
)
def test_pages_that_are_not_content_are_refused(page, reason):
    with pytest.raises(LegacyParseError) as refused:
        parse_page(page.encode(), filename="page.html")
    assert str(refused.value) == reason
