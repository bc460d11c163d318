"""Only what the public site shows is ever in the API: no draft, scheduled or
expired article, unpublished programme, hidden office or contact, hidden e-mail
address or phone, incomplete key figure, nor any staff-only field."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from programmes.models import Programme

from ..factories import (
    ArticleFactory,
    ContactFactory,
    KeyFigureFactory,
    OfficeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "hidden.person@iom.int"
SECRET_PHONE = "+591 2 999 9999"
SECRET_MOBILE = "+591 7 888 8888"
SECRET_EXTENSION = "4321"
HIDDEN_TEXTS = [
    "Draft story",
    "Scheduled story",
    "Expired story",
    "Hidden programme",
    "Hidden office",
    "Hidden person",
    "Figure without source",
    SECRET_EMAIL,
    SECRET_PHONE,
    SECRET_MOBILE,
    SECRET_EXTENSION,
    "legacy/secret-source.html",
]

# Every field of each object, and no other: a new field must be added here,
# deliberately.
ARTICLE_FIELDS = {
    "slug",
    "kind",
    "kind_display",
    "title",
    "summary",
    "language",
    "published_at",
    "dateline",
    "countries",
    "programmes",
    "image",
    "image_caption",
    "image_credit",
    "translation",
    "translations",
    "url",
    "api_url",
}
ARTICLE_DETAIL_FIELDS = ARTICLE_FIELDS | {"body", "offices", "contacts"}
PROGRAMME_FIELDS = {"slug", "title", "summary", "image", "offices", "url", "api_url"}
PROGRAMME_DETAIL_FIELDS = PROGRAMME_FIELDS | {"body", "focal_points"}
OFFICE_FIELDS = {
    "slug",
    "name",
    "kind",
    "kind_display",
    "country",
    "city",
    "street_address",
    "phones",
    "email",
    "website",
    "facebook",
    "x_account",
    "parent",
    "key_figures",
    "url",
    "api_url",
    "vcard_url",
}
OFFICE_DETAIL_FIELDS = OFFICE_FIELDS | {"introduction", "migration_context", "contacts"}
CONTACT_FIELDS = {
    "id",
    "name",
    "role",
    "office",
    "phones",
    "extension",
    "mobile",
    "email",
    "languages",
    "is_media_contact",
    "photo",
    "url",
    "vcard_url",
}
STAFF_ONLY_FIELDS = {
    "status",
    "unpublish_at",
    "date_source",
    "source",
    "created",
    "updated",
    "is_public",
    "is_published",
    "show_email",
    "show_phones",
    "order",
    "image_decorative",
    "photo_decorative",
    "translation_group",
    "needs_translation",
}


@pytest.fixture
def site():
    now = timezone.now()
    Programme.objects.all().delete()  # The programmes a migration creates.
    office = OfficeFactory(slug="iom-bolivia", name="IOM Bolivia")
    hidden_office = OfficeFactory(
        slug="hidden-office", name="Hidden office", is_public=False
    )
    KeyFigureFactory(office=office, label="Migrants", value="160,000")
    KeyFigureFactory(
        office=office, label="Figure without source", source_name="", source_url=""
    )
    programme = ProgrammeFactory(slug="health", title="Migration health")
    hidden_programme = ProgrammeFactory(
        slug="hidden-programme", title="Hidden programme", is_published=False
    )
    programme.offices.add(office, hidden_office)
    public = ContactFactory(name="Ana Public", office=office)
    discreet = ContactFactory(
        name="Bea Discreet",
        office=office,
        email=SECRET_EMAIL,
        phone=SECRET_PHONE,
        mobile=SECRET_MOBILE,
        extension=SECRET_EXTENSION,
        show_email=False,
        show_phones=False,
    )
    in_hidden_office = ContactFactory(name="Carl Elsewhere", office=hidden_office)
    hidden = ContactFactory(name="Hidden person", is_public=False, office=office)
    programme.focal_points.add(public, discreet, hidden)
    article = ArticleFactory(
        slug="published", title="Published story", source="legacy/secret-source.html"
    )
    article.programmes.add(programme, hidden_programme)
    article.offices.add(office, hidden_office)
    article.contacts.add(public, discreet, hidden)
    ArticleFactory(slug="draft", title="Draft story", status=Article.Status.DRAFT)
    ArticleFactory(
        slug="scheduled", title="Scheduled story", published_at=now + timedelta(days=1)
    )
    ArticleFactory(
        slug="expired",
        title="Expired story",
        published_at=now - timedelta(days=10),
        unpublish_at=now - timedelta(days=1),
    )
    return {
        "office": office,
        "programme": programme,
        "public": public,
        "discreet": discreet,
        "in_hidden_office": in_hidden_office,
        "hidden": hidden,
    }


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    return response.json()


def assert_nothing_hidden(data):
    text = json.dumps(data, ensure_ascii=False)
    leaked = [hidden for hidden in HIDDEN_TEXTS if hidden in text]
    assert not leaked


def test_lists_hold_public_objects_only(client, site):
    articles = get_json(client, "/api/v1/articles/")
    assert [item["slug"] for item in articles["results"]] == ["published"]
    programmes = get_json(client, "/api/v1/programmes/")
    assert [item["slug"] for item in programmes["results"]] == ["health"]
    offices = get_json(client, "/api/v1/offices/")
    assert [item["slug"] for item in offices["results"]] == ["iom-bolivia"]
    contacts = get_json(client, "/api/v1/contacts/")
    assert [item["name"] for item in contacts["results"]] == [
        "Ana Public",
        "Bea Discreet",
        "Carl Elsewhere",
    ]
    for data in (articles, programmes, offices, contacts):
        assert_nothing_hidden(data)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/draft/",
        "/api/v1/articles/scheduled/",
        "/api/v1/articles/expired/",
        "/api/v1/programmes/hidden-programme/",
        "/api/v1/offices/hidden-office/",
    ],
)
def test_a_hidden_objects_detail_is_not_found(client, site, url):
    assert client.get(url).status_code == 404


def test_a_hidden_contacts_detail_is_not_found(client, site):
    assert client.get(f"/api/v1/contacts/{site['hidden'].pk}/").status_code == 404


def test_staff_signed_in_get_only_what_visitors_get(admin_client, site):
    assert admin_client.get("/api/v1/articles/draft/").status_code == 404
    data = get_json(admin_client, "/api/v1/articles/")
    assert [item["slug"] for item in data["results"]] == ["published"]


def test_details_show_only_public_relations(client, site):
    article = get_json(client, "/api/v1/articles/published/")
    assert set(article) == ARTICLE_DETAIL_FIELDS
    assert [p["slug"] for p in article["programmes"]] == ["health"]
    assert [o["slug"] for o in article["offices"]] == ["iom-bolivia"]
    assert [c["name"] for c in article["contacts"]] == ["Ana Public", "Bea Discreet"]

    programme = get_json(client, "/api/v1/programmes/health/")
    assert set(programme) == PROGRAMME_DETAIL_FIELDS
    assert [o["slug"] for o in programme["offices"]] == ["iom-bolivia"]
    assert [c["name"] for c in programme["focal_points"]] == [
        "Ana Public",
        "Bea Discreet",
    ]

    office = get_json(client, "/api/v1/offices/iom-bolivia/")
    assert set(office) == OFFICE_DETAIL_FIELDS
    assert [f["label"] for f in office["key_figures"]] == ["Migrants"]
    assert [c["name"] for c in office["contacts"]] == ["Ana Public", "Bea Discreet"]

    for data in (article, programme, office):
        assert_nothing_hidden(data)


def test_list_items_have_exactly_their_public_fields(client, site):
    article = get_json(client, "/api/v1/articles/")["results"][0]
    assert set(article) == ARTICLE_FIELDS
    programme = get_json(client, "/api/v1/programmes/")["results"][0]
    assert set(programme) == PROGRAMME_FIELDS
    office = get_json(client, "/api/v1/offices/")["results"][0]
    assert set(office) == OFFICE_FIELDS
    assert set(office["key_figures"][0]) == {
        "label",
        "value",
        "unit",
        "year",
        "source_name",
        "source_url",
    }
    contact = get_json(client, "/api/v1/contacts/")["results"][0]
    assert set(contact) == CONTACT_FIELDS


def test_a_contact_shows_its_email_and_phones_only_when_the_site_does(client, site):
    public = get_json(client, f"/api/v1/contacts/{site['public'].pk}/")
    assert public["email"] == site["public"].email
    assert public["phones"] == ["+591 2 278 7000"]

    discreet = get_json(client, f"/api/v1/contacts/{site['discreet'].pk}/")
    assert discreet["name"] == "Bea Discreet"
    assert discreet["email"] is None
    assert discreet["phones"] == []
    assert discreet["mobile"] is None
    assert discreet["extension"] is None
    assert_nothing_hidden(discreet)


def test_a_contact_in_a_hidden_office_names_no_office(client, site):
    contact = get_json(client, f"/api/v1/contacts/{site['in_hidden_office'].pk}/")
    assert contact["office"] is None
    assert_nothing_hidden(contact)


@pytest.mark.parametrize(
    "query",
    [
        "programme=hidden-programme",
        "office=hidden-office",
        "q=Hidden",
        "q=Bea",
        "country=BO",
    ],
)
def test_filters_never_reach_hidden_contacts(client, site, query):
    response = client.get(f"/api/v1/contacts/?{query}")
    assert_nothing_hidden(response.json())


@pytest.mark.parametrize(
    "query",
    ["q=story", "programme=hidden-programme", "kind=news", "language=en", "country=BO"],
)
def test_filters_never_reach_hidden_articles(client, site, query):
    response = client.get(f"/api/v1/articles/?{query}")
    data = response.json()
    assert_nothing_hidden(data)
    if response.status_code == 200:
        assert {item["slug"] for item in data["results"]} <= {"published"}


def test_the_schema_describes_no_staff_only_field(client, site):
    schema = get_json(client, "/api/v1/schema/")
    components = schema["components"]["schemas"]
    for name, component in components.items():
        leaked = STAFF_ONLY_FIELDS & set(component.get("properties", {}))
        assert not leaked, name
    assert set(components["ArticleDetail"]["properties"]) == ARTICLE_DETAIL_FIELDS
    assert set(components["Contact"]["properties"]) == CONTACT_FIELDS
    assert set(components["OfficeDetail"]["properties"]) == OFFICE_DETAIL_FIELDS
    assert_nothing_hidden(schema)
