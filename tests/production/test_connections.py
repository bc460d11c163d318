"""Persistent database connections with health checks: when PostgreSQL drops
a worker's connection (a restart, a failover, an idle timeout), the worker's
next request opens a new one instead of failing, and no worker stays stuck."""

import pytest
from django.db import connection

from .served import Gunicorn, fetch

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = "/news/"  # reads the database; the tests' cache is the dummy one


def cut_other_connections():
    """Terminate every connection to the test database but this one: what a
    restart does to the site's connections. Returns how many there were."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_a_worker_whose_connection_was_cut_answers_its_next_request(
    site_environment,
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no connection to lose")
    environment = {**site_environment, "WEB_CONCURRENCY": "1"}
    with Gunicorn(environment) as server:
        assert fetch(server.port, PAGE)[0] == 200
        assert cut_other_connections() >= 1  # the worker's persistent one

        answers = [fetch(server.port, PAGE)[0] for _ in range(5)]

        assert cut_other_connections() >= 1  # it kept the new connection open
    assert answers == [200] * 5
    assert "Internal Server Error" not in server.output
