import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from contacts.models import Office
from tests.factories import (
    ArticleFactory,
    ContactFactory,
    KeyFigureFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("contacts:list")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# The directory ---------------------------------------------------------------


def test_directory_lists_public_contacts_only(client):
    public = ContactFactory(name="Ana Public")
    hidden = ContactFactory(name="Hugo Hidden", is_public=False)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert list(response.context["object_list"]) == [public]
    assert f'id="contact-{public.pk}"' in response.text
    assert f'id="contact-{hidden.pk}"' not in response.text
    assert hidden.email not in response.text


def test_directory_shows_contact_details_as_links(client):
    office = OfficeFactory(name="IOM Peru", slug="iom-peru", country="PE")
    contact = ContactFactory(
        office=office,
        role="Chief of mission",
        phone="+51 1 221 7333, +51 1 221 7334",
        extension="120",
        mobile="+51 999 888 777",
        email="Ana@IOM.int",
        languages="English, Spanish",
        is_media_contact=True,
    )

    response = client.get(LIST_URL)

    assert 'href="tel:+5112217333;ext=120"' in response.text
    assert 'href="tel:+5112217334;ext=120"' in response.text
    assert 'href="tel:+51999888777"' in response.text
    assert 'href="mailto:ana@iom.int"' in response.text
    assert 'href="/contacts/iom-peru/"' in response.text
    assert "Chief of mission" in response.text
    assert "English, Spanish" in response.text
    card = response.text.split(f'id="contact-{contact.pk}"')[1].split("</article>")[0]
    assert "Media contact" in card


def test_directory_marks_only_media_contacts(client):
    ContactFactory(is_media_contact=False)

    response = client.get(LIST_URL)

    assert "Media contact" not in response.text


def test_show_flags_hide_email_and_phones(client):
    contact = ContactFactory(
        email="private@iom.int",
        phone="+591 2 278 7000",
        mobile="+591 700 00000",
        show_email=False,
        show_phones=False,
    )

    response = client.get(LIST_URL)

    assert f'id="contact-{contact.pk}"' in response.text
    assert 'href="mailto:private@iom.int"' not in response.text
    assert "private@iom.int" not in response.text
    assert 'href="tel:' not in response.text.split('id="contact-')[1]


def test_hidden_office_is_neither_named_nor_linked(client):
    office = OfficeFactory(name="IOM Closed", slug="iom-closed", is_public=False)
    ContactFactory(office=office, name="Ana Lima")

    response = client.get(LIST_URL)

    assert "Ana Lima" in response.text
    assert "IOM Closed" not in response.text
    assert 'href="/contacts/iom-closed/"' not in response.text


def test_directory_lists_public_offices(client):
    public = OfficeFactory(name="IOM Chile", slug="iom-chile")
    hidden = OfficeFactory(name="IOM Nowhere", slug="iom-nowhere", is_public=False)

    response = client.get(LIST_URL)

    assert list(response.context["offices"]) == [public]
    assert 'href="/contacts/iom-chile/"' in response.text
    assert f'href="{hidden.get_absolute_url()}"' not in response.text


def test_filter_form_is_a_labelled_get_form(client):
    response = client.get(LIST_URL)

    assert 'id="contact-filter"' in response.text
    assert 'method="get"' in response.text
    for name in ("q", "office", "country", "programme"):
        assert f'for="id_{name}"' in response.text
        assert f'name="{name}"' in response.text
    assert "csrfmiddlewaretoken" not in response.text


def test_filtering_by_office(client):
    lima = OfficeFactory(slug="iom-peru", country="PE")
    ana = ContactFactory(office=lima)
    ContactFactory()

    response = client.get(LIST_URL, {"office": "iom-peru"})

    assert list(response.context["object_list"]) == [ana]


def test_filtering_by_country(client):
    peru = OfficeFactory(country="PE")
    chile = OfficeFactory(country="CL")
    ana = ContactFactory(office=peru)
    ContactFactory(office=chile)

    response = client.get(LIST_URL, {"country": "PE"})

    assert list(response.context["object_list"]) == [ana]


def test_filtering_by_programme(client):
    ana = ContactFactory()
    ContactFactory()
    ProgrammeFactory(slug="labour").focal_points.add(ana)

    response = client.get(LIST_URL, {"programme": "labour"})

    assert list(response.context["object_list"]) == [ana]


def test_searching_by_name(client):
    ana = ContactFactory(name="Ana María Quispe")
    ContactFactory(name="Bruno Díaz")

    response = client.get(LIST_URL, {"q": "quispe ana"})

    assert list(response.context["object_list"]) == [ana]


def test_filters_combine(client):
    peru = OfficeFactory(slug="iom-peru", country="PE")
    chile = OfficeFactory(slug="iom-chile", country="CL")
    programme = ProgrammeFactory(slug="labour")
    match = ContactFactory(name="Ana Quispe", office=peru)
    wrong_name = ContactFactory(name="Bruno Díaz", office=peru)
    wrong_office = ContactFactory(name="Ana Soto", office=chile)
    no_programme = ContactFactory(name="Ana Ríos", office=peru)
    programme.focal_points.add(match, wrong_name, wrong_office)

    response = client.get(
        LIST_URL,
        {"q": "ana", "office": "iom-peru", "country": "PE", "programme": "labour"},
    )

    assert list(response.context["object_list"]) == [match]
    assert no_programme not in response.context["object_list"]


@pytest.mark.parametrize(
    "query",
    [
        {"office": "nope"},
        {"country": "XX"},
        {"programme": "nope"},
        {"page": "abc"},
        {"page": "999"},
        {"page": "-1"},
        {"q": "x" * 500, "office": "", "page": ""},
    ],
)
def test_invalid_values_do_not_break_the_page(client, query):
    ContactFactory()

    response = client.get(LIST_URL, query)

    assert response.status_code == 200


def test_unknown_office_shows_no_contacts_and_an_error(client):
    ContactFactory()

    response = client.get(LIST_URL, {"office": "nope"})

    assert list(response.context["object_list"]) == []
    assert response.context["filter"].errors["office"]


def test_page_past_the_end_shows_the_last_page(client):
    ContactFactory.create_batch(21)

    response = client.get(LIST_URL, {"page": "999"})

    assert response.context["page_obj"].number == 2
    assert len(response.context["object_list"]) == 1


def test_pagination_keeps_the_filters(client):
    peru = OfficeFactory(slug="iom-peru", country="PE")
    ContactFactory.create_batch(25, office=peru, name="Ana")
    ContactFactory.create_batch(3, name="Bruno")

    response = client.get(LIST_URL, {"office": "iom-peru", "q": "ana"})

    assert response.context["paginator"].count == 25
    assert 'href="?office=iom-peru&amp;q=ana&amp;page=2" rel="next"' in response.text

    second = client.get(LIST_URL, {"office": "iom-peru", "q": "ana", "page": "2"})

    assert len(second.context["object_list"]) == 5
    assert 'href="?office=iom-peru&amp;q=ana&amp;page=1" rel="prev"' in second.text


def test_directory_query_count_does_not_grow_with_contacts(client):
    programme = ProgrammeFactory()
    offices = OfficeFactory.create_batch(3)

    def add_contacts(count):
        for index in range(count):
            contact = ContactFactory(office=offices[index % 3])
            programme.focal_points.add(contact)

    add_contacts(5)
    few = count_queries(client, LIST_URL)
    add_contacts(25)
    many = count_queries(client, LIST_URL)

    assert few == many


# The office page --------------------------------------------------------------


@pytest.fixture
def office():
    regional = OfficeFactory(
        name="IOM South America", slug="iom-south-america", kind="regional"
    )
    return OfficeFactory(
        name="IOM Bolivia",
        slug="iom-bolivia",
        kind=Office.Kind.COUNTRY,
        country="BO",
        city="La Paz",
        street_address="Calle 14 No. 8157\nCalacoto",
        phones="+591 2 278 7000, +591 2 278 7001",
        email="iombolivia@iom.int",
        website="https://bolivia.iom.int",
        facebook="https://www.facebook.com/OIMBolivia",
        x_account="https://x.com/OIMBolivia",
        parent=regional,
        introduction="The office opened in 1987.",
        migration_context="<p>Bolivia is a country of <strong>emigration</strong>.</p>",
    )


def test_office_page_shows_address_and_contact_links(client, office):
    response = client.get(office.get_absolute_url())

    assert response.status_code == 200
    assert response.context["office"] == office
    assert "Calle 14 No. 8157<br>Calacoto" in response.text
    assert "La Paz, Bolivia" in response.text
    assert "Country office" in response.text
    assert 'href="tel:+59122787000"' in response.text
    assert 'href="tel:+59122787001"' in response.text
    assert 'href="mailto:iombolivia@iom.int"' in response.text
    assert 'href="https://bolivia.iom.int"' in response.text
    assert 'href="https://www.facebook.com/OIMBolivia"' in response.text
    assert 'href="https://x.com/OIMBolivia"' in response.text
    assert 'href="/contacts/iom-south-america/"' in response.text
    assert "<p>The office opened in 1987.</p>" in response.text
    assert "<title>IOM Bolivia ·" in response.text


def test_hidden_parent_office_is_not_linked(client, office):
    Office.objects.filter(pk=office.parent_id).update(is_public=False)

    response = client.get(office.get_absolute_url())

    assert response.context["parent"] is None
    assert 'href="/contacts/iom-south-america/"' not in response.text


def test_regional_office_lists_its_public_offices(client, office):
    OfficeFactory(slug="iom-hidden", parent=office.parent, is_public=False)

    response = client.get(office.parent.get_absolute_url())

    assert list(response.context["children"]) == [office]
    assert 'href="/contacts/iom-bolivia/"' in response.text


def test_office_page_shows_complete_key_figures_only(client, office):
    complete = KeyFigureFactory(
        office=office,
        label="Bolivians living abroad",
        value="872,000",
        unit="people",
        year=2020,
        source_name="UN DESA",
        source_url="https://www.un.org/development/desa/pd/",
    )
    unlinked = KeyFigureFactory(
        office=office, label="Remittances", value="1,400", source_url=""
    )
    KeyFigureFactory(office=office, label="", value="987654")
    KeyFigureFactory(office=office, value="123456", source_name="", source_url="")

    response = client.get(office.get_absolute_url())

    assert list(response.context["figures"]) == [complete, unlinked]
    assert "<dt>Bolivians living abroad (2020)<br>" in response.text
    assert "<dd>872,000 <small>people</small></dd>" in response.text
    assert '<a href="https://www.un.org/development/desa/pd/">UN DESA</a>' in (
        response.text
    )
    assert '<span class="source">Source: UN DESA</span>' in response.text
    assert "987654" not in response.text
    assert "123456" not in response.text


def test_office_without_complete_figures_has_no_figure_table(client, office):
    KeyFigureFactory(office=office, label="", value="987654")

    response = client.get(office.get_absolute_url())

    assert "<table" not in response.text
    assert "987654" not in response.text


def test_office_page_shows_migration_context_as_html(client, office):
    response = client.get(office.get_absolute_url())

    assert "Migration in Bolivia" in response.text
    assert "<p>Bolivia is a country of <strong>emigration</strong>.</p>" in (
        response.text
    )


def test_office_page_lists_published_programmes(client, office):
    running = ProgrammeFactory(slug="labour")
    draft = ProgrammeFactory(slug="draft-programme", is_published=False)
    elsewhere = ProgrammeFactory(slug="elsewhere")
    running.offices.add(office)
    draft.offices.add(office)

    response = client.get(office.get_absolute_url())

    assert list(response.context["programmes"]) == [running]
    assert 'href="/programmes/labour/"' in response.text
    assert f'href="{draft.get_absolute_url()}"' not in response.text
    assert f'href="{elsewhere.get_absolute_url()}"' not in response.text


def test_office_page_lists_its_public_staff_only(client, office):
    staff = ContactFactory(office=office, email="staff@iom.int")
    hidden = ContactFactory(office=office, email="hidden@iom.int", is_public=False)
    elsewhere = ContactFactory(email="elsewhere@iom.int")

    response = client.get(office.get_absolute_url())

    assert list(response.context["contacts"]) == [staff]
    assert f'id="contact-{staff.pk}"' in response.text
    assert 'href="mailto:staff@iom.int"' in response.text
    assert f'id="contact-{hidden.pk}"' not in response.text
    assert "hidden@iom.int" not in response.text
    assert f'id="contact-{elsewhere.pk}"' not in response.text


def test_office_page_lists_its_published_news(client, office):
    news = ArticleFactory(slug="floods")
    news.offices.add(office)
    draft = ArticleFactory(slug="draft-news", status=Article.Status.DRAFT)
    draft.offices.add(office)
    ArticleFactory(slug="other-news")

    response = client.get(office.get_absolute_url())

    assert list(response.context["articles"]) == [news]
    assert 'href="/news/floods/"' in response.text
    assert 'href="/news/draft-news/"' not in response.text
    assert 'href="/news/other-news/"' not in response.text


def test_office_page_shows_at_most_five_news(client, office):
    for article in ArticleFactory.create_batch(7):
        article.offices.add(office)

    response = client.get(office.get_absolute_url())

    assert len(response.context["articles"]) == 5


def test_hidden_office_is_not_found_for_visitors(client):
    hidden = OfficeFactory(is_public=False)

    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_staff_preview_hidden_office_with_a_banner(admin_client):
    hidden = OfficeFactory(is_public=False)

    response = admin_client.get(hidden.get_absolute_url())

    assert response.status_code == 200
    assert 'class="preview-banner py-2" role="status"' in response.text
    assert f'href="/admin/contacts/office/{hidden.pk}/change/"' in response.text
    assert "no-cache" in response["Cache-Control"]


def test_public_office_has_no_banner(admin_client, office):
    response = admin_client.get(office.get_absolute_url())

    assert "preview-banner" not in response.text


def test_unknown_office_is_not_found(client):
    assert client.get("/contacts/no-such-office/").status_code == 404


def test_office_page_query_count_does_not_grow(client, office):
    programme = ProgrammeFactory()
    programme.offices.add(office)

    def add_contacts(count):
        for _ in range(count):
            contact = ContactFactory(office=office, photo=make_image_file())
            contact.photo_alt = "Portrait"
            contact.save()
            programme.focal_points.add(contact)
        KeyFigureFactory(office=office)
        ArticleFactory().offices.add(office)

    add_contacts(5)
    few = count_queries(client, office.get_absolute_url())
    add_contacts(25)
    many = count_queries(client, office.get_absolute_url())

    assert few == many


def test_phones_are_read_with_the_offices_country(client):
    office = OfficeFactory(
        name="IOM Bolivia",
        slug="iom-bolivia",
        country="BO",
        phones="+59 122 36 90 44, 2 278 7000, +591 2 278 7001/7002",
    )
    ContactFactory(office=office, name="Rosa Quispe", mobile="700 12345")

    office_page = client.get(office.get_absolute_url()).text
    # The old grouping hid the country code: shown as it reads, dialled in E.164.
    assert 'href="tel:+59122369044">+591 2 2369044</a>' in office_page
    # Written without the code: the office's country reads it.
    assert 'href="tel:+59122787000">+591 2 2787000</a>' in office_page
    # Two numbers in one cannot be dialled: shown as written, not linked.
    assert "+591 2 278 7001/7002" in office_page
    assert "tel:+591227870017002" not in office_page

    directory = client.get(reverse("contacts:list"), {"q": "Rosa"}).text
    assert 'href="tel:+59170012345">+591 70012345</a>' in directory
