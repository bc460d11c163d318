"""While the database is out of reach (a restart, a failover) the site says it
is briefly unavailable, 503 with Retry-After, rather than broken (500)."""

import pytest
from django.db import InterfaceError, OperationalError

from iomsite.views import RETRY_AFTER_SECONDS, server_error

from .served import Gunicorn, fetch, production_environment
from .test_health import closed_port


@pytest.mark.parametrize("path", ["/", "/es/news/"])
def test_pages_answer_503_while_the_database_is_unreachable(collected_static, path):
    unreachable = f"postgres://postgres@127.0.0.1:{closed_port()}/iomsite"
    environment = production_environment(
        DATABASE_URL=unreachable,
        DJANGO_STATIC_ROOT=str(collected_static),
        WEB_CONCURRENCY="1",
    )
    with Gunicorn(environment) as server:
        assert server.first_health[0] == 503
        status, headers, page = fetch(server.port, path)

    assert status == 503
    assert headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in headers["Cache-Control"]
    assert "The site is briefly unavailable" in page
    assert "El sitio no está disponible por un momento" in page


def handled(error, request):
    """What the site's error handler answers while ``error`` is being handled,
    as Django calls it."""
    try:
        raise error
    except Exception:
        return server_error(request)


def test_only_database_errors_are_unavailability(rf):
    request = rf.get("/")

    cut = handled(OperationalError("server closed the connection"), request)
    gone = handled(InterfaceError("connection already closed"), request)
    bug = handled(ValueError("a bug"), request)

    assert (cut.status_code, gone.status_code, bug.status_code) == (503, 503, 500)
    assert "Retry-After" not in bug
    assert b"Something went wrong" in bug.content
