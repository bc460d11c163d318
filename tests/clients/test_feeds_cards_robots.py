"""Feeds through feedparser, vCards through vobject and the vcard validator,
robots.txt through protego, the sitemap through an XML Schema and the JSON-LD
through extruct and rdflib: each read over HTTP from the live server."""

import importlib
import json
from pathlib import Path
from xml.etree import ElementTree

import extruct
import feedparser
import pytest
import rdflib
import vobject
import xmlschema
from django.urls import clear_url_caches
from protego import Protego
from vcard.vcard_validator import VCard

import iomsite.urls

from .conftest import PROGRAMME_TITLE, TRICKY_TITLE, fetch

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HERE = Path(__file__).parent
SITEMAP_XSD = HERE / "sitemap.xsd"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEEDS = [
    "/news/feed/",
    "/news/feed/programme/fair-recruitment/",
    "/news/feed/country/PE/",
]


@pytest.mark.parametrize("path", [*FEEDS, *(f"{path}atom/" for path in FEEDS)])
def test_feeds_are_valid_and_reach_readers_as_text(site, path):
    status, _headers, body = fetch(site + path)
    assert status == 200
    # The feed against the specification's rules (RSS 2.0, RFC 4287).
    schema = HERE / ("atom.xsd" if path.endswith("atom/") else "rss.xsd")
    xmlschema.XMLSchema11(schema).validate(body.decode())
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert TRICKY_TITLE in titles
    assert not any("&#" in title or "&amp;" in title for title in titles)
    assert feed.feed.title.startswith("IOM")
    if "programme" in path:
        assert PROGRAMME_TITLE in feed.feed.title
        assert PROGRAMME_TITLE in feed.feed.subtitle
        assert PROGRAMME_TITLE in feed.entries[0].tags[0].term


def vcard_of(site, contact_name):
    status, _headers, body = fetch(f"{site}/api/v1/contacts/")
    assert status == 200
    (contact,) = [c for c in json.loads(body)["results"] if c["name"] == contact_name]
    status, headers, body = fetch(contact["vcard_url"])
    assert status == 200
    assert headers["Content-Type"].startswith("text/vcard")
    return contact, body.decode()


def test_vcards_read_in_two_parsers(site):
    contact, text = vcard_of(site, "Luis Pérez")
    assert vobject.readOne(text).fn.value == "Luis Pérez"
    # The vcard package's validator checks each property against RFC 2426.
    VCard(text, "contact.vcf")
    office = json.loads(fetch(contact["office"]["api_url"])[2])
    status, _headers, body = fetch(office["vcard_url"])
    assert status == 200
    VCard(body.decode(), "office.vcf")
    assert vobject.readOne(body.decode()).fn.value == "IOM Peru"


def test_an_extension_is_dialled_from_a_tel_uri(site):
    _contact, text = vcard_of(site, "Ana O'Neill")
    card = vobject.readOne(text)
    assert card.fn.value == "Ana O'Neill"
    # RFC 3966: the extension inside the URI, which phones dial; RFC 2425
    # (5.8.4) lets VALUE=uri say so, though the vcard validator knows only
    # TEL's default phone-number form.
    assert card.tel.value == "tel:+5116330002;ext=185"
    assert card.tel.params["VALUE"] == ["uri"]
    assert "ext." not in text


def test_robots_names_the_admin_where_it_lives(site, settings):
    status, _headers, body = fetch(f"{site}/robots.txt")
    assert status == 200
    robots = Protego.parse(body.decode())
    admin = f"{site}/{settings.ADMIN_PATH}"
    assert not robots.can_fetch(admin, "Googlebot")
    assert robots.can_fetch(f"{site}/news/", "Googlebot")
    assert list(robots.sitemaps) == [f"{site}/sitemap.xml"]


def test_the_sitemap_follows_the_sitemaps_schema(site):
    schema = xmlschema.XMLSchema(SITEMAP_XSD)
    status, _headers, body = fetch(f"{site}/sitemap.xml")
    assert status == 200
    schema.validate(body.decode())
    sections = [loc.text for loc in ElementTree.fromstring(body).iter(f"{SM}loc")]
    assert sections
    for section in sections:
        status, _headers, body = fetch(section)
        assert status == 200, section
        schema.validate(body.decode())
        assert ElementTree.fromstring(body).tag == f"{SM}urlset", section


SCHEMA = rdflib.Namespace("https://schema.org/")


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")
@pytest.mark.parametrize(
    "path, kind, name",
    [
        ("/news/workers-rights/", "NewsArticle", TRICKY_TITLE),
        ("/es/news/derechos/", "NewsArticle", "Derechos de los trabajadores"),
        ("/contacts/iom-peru/", "GovernmentOrganization", "IOM Peru"),
    ],
)
def test_json_ld_reads_as_linked_data(site, path, kind, name):
    status, _headers, body = fetch(site + path)
    assert status == 200
    data = extruct.extract(body.decode(), base_url=site + path, syntaxes=["json-ld"])
    graph = rdflib.Graph()
    for item in data["json-ld"]:
        assert item["@context"] in ("https://schema.org", "https://schema.org/")
        # The same context inline: the tests reach no other host.
        item["@context"] = {"@vocab": "https://schema.org/"}
        graph.parse(data=json.dumps(item), format="json-ld")
    things = set(graph.subjects(rdflib.RDF.type, SCHEMA[kind]))
    assert things, graph.serialize(format="turtle")
    names = {
        str(value)
        for thing in things
        for value in [
            *graph.objects(thing, SCHEMA.headline),
            *graph.objects(thing, SCHEMA.name),
        ]
    }
    assert name in names


@pytest.fixture
def admin_elsewhere(settings):
    """The site as it starts with DJANGO_ADMIN_PATH=staff-only: the URLs read
    the admin's path when they are loaded."""
    original = settings.ADMIN_PATH
    settings.ADMIN_PATH = "staff-only/"
    importlib.reload(iomsite.urls)
    clear_url_caches()
    yield
    settings.ADMIN_PATH = original
    importlib.reload(iomsite.urls)
    clear_url_caches()


def test_robots_follows_the_admin_to_its_path(admin_elsewhere, client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    robots = Protego.parse(response.text)
    assert not robots.can_fetch("http://testserver/staff-only/", "Googlebot")
    assert robots.can_fetch("http://testserver/admin/", "Googlebot")
