"""The site as partners' clients read it: served by pytest-django's
``live_server`` (a real HTTP server on the test database) and read with the
libraries partner sites, aggregators and search engines use, never with our
own functions."""

import urllib.request

import pytest
from django.core.cache import caches

from tests.factories import (
    ArticleFactory,
    ContactFactory,
    OfficeFactory,
    ProgrammeFactory,
)

# Texts that a second escaping (or none) would spoil.
TRICKY_TITLE = 'Workers\' rights & "fair" recruitment: 5 < 7'
PROGRAMME_TITLE = "Migrants' rights & safe routes"


@pytest.fixture
def site(live_server, settings):
    """A small published site: an office in Peru with a contact who has an
    extension, a programme, and news whose titles need escaping."""
    settings.API_ANON_RATE = "100000/min"
    office = OfficeFactory(
        name="IOM Peru", slug="iom-peru", country="PE", phones="+51 1 633 0000"
    )
    ContactFactory(
        name="Ana O'Neill", office=office, phone="+51 1 633 0002", extension="185"
    )
    ContactFactory(name="Luis Pérez", office=office, phone="+51 1 633 0003")
    programme = ProgrammeFactory(title=PROGRAMME_TITLE, slug="fair-recruitment")
    programme.offices.add(office)
    article = ArticleFactory(
        title=TRICKY_TITLE, slug="workers-rights", countries=["PE"]
    )
    article.programmes.add(programme)
    article.offices.add(office)
    ArticleFactory(title="Derechos de los trabajadores", slug="derechos", language="es")
    caches["default"].clear()
    return live_server.url


def fetch(url, method="GET", headers=None):
    """The status, headers and body of ``url``, whatever its status."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
