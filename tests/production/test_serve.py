"""gunicorn from iomsite/gunicorn.conf.py, as ``make serve`` starts it: two
workers answer /healthz, and SIGHUP replaces them without a failed request."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from .test_health import closed_port

BASE = Path(settings.BASE_DIR)
DEADLINE = 60


def healthz(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
        return r.status, json.loads(r.read())


def wait_until_up(port, server):
    stop = time.monotonic() + DEADLINE
    while time.monotonic() < stop:
        assert server.poll() is None, "gunicorn stopped"
        try:
            return healthz(port)
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer in time")


def test_two_workers_answer_and_reload_on_sighup(tmp_path):
    port = closed_port()
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "tests-only-not-a-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "DJANGO_CACHE_BACKEND": "dummy",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
    }
    environment.pop("REDIS_URL", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "iomsite/gunicorn.conf.py"],
        cwd=BASE,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_until_up(port, server) == (200, {"status": "ok", "failed": []})
        server.send_signal(signal.SIGHUP)
        answers = [healthz(port)[0] for _ in range(20) if not time.sleep(0.1)]
        assert answers == [200] * 20
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=DEADLINE)

    assert output.count("Booting worker") >= 4  # two, then two more after SIGHUP
    assert "Handling signal: hup" in output
    access = [
        line for line in output.splitlines() if '"GET /healthz HTTP/1.1" 200' in line
    ]
    assert len(access) >= 21
