"""Logs on stdout, one line per event: JSON lines with DJANGO_LOG_FORMAT=json,
from manage.py and from gunicorn and the Django in its workers alike; plain
text otherwise."""

import json
import re
import urllib.request
from datetime import datetime

import pytest

from .served import Gunicorn, fetch, manage, production_environment

LOG_AN_ERROR = """
import logging
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("iomsite.tests").exception("Sums failed for %s", "May")
"""
TEXT_LINE = re.compile(
    # UTC, with its offset, in the master and the workers alike.
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00 \[(?P<pid>\d+)\] "
    r"(?P<level>[A-Z]+) (?P<logger>[\w.]+): (?P<message>.*)"
)


def json_lines(output):
    """Each line of ``output`` as a JSON object: it fails unless every one is."""
    return [json.loads(line) for line in output.splitlines()]


def test_an_exception_is_one_json_line(tmp_path):
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        DJANGO_LOG_FORMAT="json",
    )

    finished = manage(
        "shell", "--no-imports", "-c", LOG_AN_ERROR, environment=environment
    )

    [entry] = json_lines(finished.stdout)
    assert entry.keys() == {
        "timestamp",
        "level",
        "logger",
        "message",
        "pid",
        "exception",
    }
    assert datetime.fromisoformat(entry["timestamp"]).utcoffset().total_seconds() == 0
    assert (entry["level"], entry["logger"]) == ("ERROR", "iomsite.tests")
    assert entry["message"] == "Sums failed for May"
    assert entry["exception"].startswith("Traceback (most recent call last):\n")
    assert entry["exception"].endswith("ZeroDivisionError: division by zero")


def test_plain_text_keeps_an_exception_on_its_line(tmp_path):
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}"
    )
    environment.pop("DJANGO_LOG_FORMAT", None)

    finished = manage(
        "shell", "--no-imports", "-c", LOG_AN_ERROR, environment=environment
    )

    [line] = finished.stdout.splitlines()
    match = TEXT_LINE.fullmatch(line)
    assert (match["level"], match["logger"]) == ("ERROR", "iomsite.tests")
    assert match["message"].startswith("Sums failed for May\\nTraceback (most")
    assert match["message"].endswith("\\nZeroDivisionError: division by zero")


def test_an_unknown_format_is_refused(tmp_path):
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        DJANGO_LOG_FORMAT="xml",
    )

    finished = manage("check", environment=environment, check=False)

    assert finished.returncode != 0
    assert "DJANGO_LOG_FORMAT must be text or json, not 'xml'." in finished.stderr


@pytest.mark.django_db
def test_gunicorn_and_django_log_json_lines(site_environment):
    environment = {**site_environment, "DJANGO_LOG_FORMAT": "json"}
    with Gunicorn(environment) as server:
        assert fetch(server.port, "/healthz?probe=1")[0] == 200
        assert fetch(server.port, "/no-such-page/")[0] == 404

    entries = json_lines(server.output)
    booted = [
        entry["pid"]
        for entry in entries
        if entry["logger"] == "gunicorn.error"
        and entry["message"].startswith("Booting worker")
    ]
    assert len(booted) == 2
    [health] = [
        entry
        for entry in entries
        if entry["logger"] == "gunicorn.access" and entry["path"] == "/healthz"
    ][-1:]
    assert (health["level"], health["method"], health["status"]) == (
        "INFO",
        "GET",
        200,
    )
    assert '"GET /healthz?probe=1 HTTP/1.1" 200' in health["message"]
    assert health["pid"] in booted
    assert isinstance(health["duration_ms"], int)
    [not_found] = [entry for entry in entries if entry["logger"] == "django.request"]
    assert not_found["level"] == "WARNING"
    assert not_found["message"] == "Not Found: /no-such-page/"
    assert (not_found["method"], not_found["path"], not_found["status"]) == (
        "GET",
        "/no-such-page/",
        404,
    )
    assert not_found["pid"] in booted


@pytest.mark.django_db
def test_gunicorn_logs_plain_lines_by_default(site_environment):
    environment = dict(site_environment)
    environment.pop("DJANGO_LOG_FORMAT", None)
    with Gunicorn(environment) as server:
        assert fetch(server.port, "/no-such-page/")[0] == 404
        head = urllib.request.Request(
            f"http://127.0.0.1:{server.port}/robots.txt", method="HEAD"
        )
        with urllib.request.urlopen(head, timeout=10) as answer:
            assert answer.status == 200
            assert answer.read() == b""

    lines = [TEXT_LINE.fullmatch(line) for line in server.output.splitlines()]
    assert all(lines), server.output
    # No body is sent to a HEAD request, so gunicorn has none to drop.
    assert "body" not in server.output
    loggers = {line["logger"] for line in lines}
    assert {"gunicorn.error", "gunicorn.access", "django.request"} <= loggers
