"""The site as ``make serve`` runs it, for the tests of tests/production/:
gunicorn from iomsite/gunicorn.conf.py, and manage.py, in subprocesses with a
production environment (DEBUG off)."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from .test_health import closed_port

BASE = Path(settings.BASE_DIR)
DEADLINE = 60


def production_environment(**overrides):
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "tests-only-not-a-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CACHE_BACKEND": "dummy",
        "WEB_CONCURRENCY": "2",
    }
    # No test may write to a Redis that REDIS_URL names.
    environment.pop("REDIS_URL", None)
    environment.update(overrides)
    return environment


def manage(*arguments, environment, check=True):
    """``manage.py`` with ``arguments``: the finished process, its output
    (stdout and stderr apart) as text."""
    finished = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE,
        env=environment,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
    )
    if check:
        assert finished.returncode == 0, finished.stderr
    return finished


def fetch(port, path):
    """GET ``path`` of the server on ``port``: status, headers and text of the
    answer, whatever its status."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def healthz(port):
    """/healthz's status and answer, 503 included (the server is up)."""
    status, _headers, answer = fetch(port, "/healthz")
    return status, json.loads(answer)


class Gunicorn:
    """``with Gunicorn(environment) as server:`` gunicorn answering /healthz on
    ``server.port``; afterwards, ``server.output`` is all it printed."""

    def __init__(self, environment):
        self.port = closed_port()
        self.environment = {
            **environment,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
        }
        self.output = ""

    def __enter__(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(gunicorn), "--config", "iomsite/gunicorn.conf.py"],
            cwd=BASE,
            env=self.environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            self.first_health = self.wait_until_up()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info):
        self.process.terminate()
        self.output, _ = self.process.communicate(timeout=DEADLINE)

    def wait_until_up(self):
        stop = time.monotonic() + DEADLINE
        while time.monotonic() < stop:
            assert self.process.poll() is None, "gunicorn stopped"
            try:
                return healthz(self.port)
            except OSError:
                time.sleep(0.2)
        pytest.fail("gunicorn did not answer in time")

    def send_signal(self, signal):
        self.process.send_signal(signal)
