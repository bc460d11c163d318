"""The S3 storage tests (test_storage.py) in a fresh pytest process, on the
suite's database: sorl-thumbnail keeps records of renditions across tests in
one process, and those of earlier tests made on the local storage would
stand in for the bucket's. On PostgreSQL the process gets a database of its
own: pytest-django there would drop and remake this suite's test database."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT = Path(__file__).resolve().parents[2]


def own_database(environment):
    """``environment`` with another database name in a PostgreSQL
    ``DATABASE_URL`` (its test database is named after it)."""
    parts = urlsplit(environment.get("DATABASE_URL", ""))
    if not parts.scheme.startswith("postgres"):
        return environment
    url = urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_storage"))
    return {**environment, "DATABASE_URL": url}


def test_the_storage_tests_pass_in_a_process_of_their_own():
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/production/test_storage.py",
        ],
        cwd=PROJECT,
        env=own_database({**os.environ, "IOMSITE_STORAGE_TESTS": "1"}),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stdout[-3000:]
    assert " passed" in completed.stdout and "skipped" not in completed.stdout
