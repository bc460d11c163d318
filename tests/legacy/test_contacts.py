"""Contact blocks as the old pages lay them out."""

import datetime

import pytest

from iomsite.legacy.parsing import (
    LegacyContact,
)

from .pages import (
    FIXTURES,
    paragraphs,
    parse_article,
)


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
        assert article.programmes == ()
        assert article.suggested_programmes == ("Voluntary Return and Reintegration",)


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
        assert article.programmes == ()
        assert article.suggested_programmes == ("Migration and Climate Change",)


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
    # Named only in a list of nationalities: suggested, not tagged.
    assert article.countries == ()
    assert article.suggested_countries == ("BR", "PY", "PE")
    assert article.programmes == ()
    assert article.suggested_programmes == ("Migrant Integration",)
