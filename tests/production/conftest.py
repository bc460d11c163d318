import shutil
from urllib.parse import quote

import pytest
from django.db import connection

from .served import manage, production_environment


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A migrated SQLite file, made once and copied for each test."""
    path = tmp_path_factory.mktemp("served") / "migrated.sqlite3"
    manage(
        "migrate",
        "--noinput",
        environment=production_environment(DATABASE_URL=f"sqlite:///{path}"),
    )
    return path


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """STATIC_ROOT after ``collectstatic``, which pages need with DEBUG off."""
    root = tmp_path_factory.mktemp("static")
    manage(
        "collectstatic",
        "--noinput",
        environment=production_environment(DJANGO_STATIC_ROOT=str(root)),
    )
    return root


@pytest.fixture
def site_environment(site_database_url, collected_static):
    """The environment of a production site with its database and static files."""
    return production_environment(
        DATABASE_URL=site_database_url, DJANGO_STATIC_ROOT=str(collected_static)
    )


@pytest.fixture
def site_database_url(request, tmp_path):
    """A migrated database that a gunicorn of the test can use: on SQLite a
    file of the test's own; on PostgreSQL the test database itself, which the
    test's writes reach as committed (a transactional test), and which the
    serialized rollback brings back to its migrated state afterwards."""
    if connection.vendor == "sqlite":
        path = tmp_path / "site.sqlite3"
        shutil.copyfile(request.getfixturevalue("migrated_sqlite"), path)
        return f"sqlite:///{path}"
    request.getfixturevalue("django_db_serialized_rollback")
    database = connection.settings_dict
    credentials = quote(database["USER"], safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    return (
        f"postgres://{credentials}@{database['HOST'] or 'localhost'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
