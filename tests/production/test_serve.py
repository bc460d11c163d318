"""gunicorn from iomsite/gunicorn.conf.py, as ``make serve`` starts it: two
workers answer /healthz, and SIGHUP replaces them without a failed request."""

import signal
import time

from .served import Gunicorn, healthz, production_environment


def test_two_workers_answer_and_reload_on_sighup(tmp_path):
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}"
    )
    with Gunicorn(environment) as server:
        assert server.first_health == (200, {"status": "ok", "failed": []})
        server.send_signal(signal.SIGHUP)
        answers = [healthz(server.port)[0] for _ in range(20) if not time.sleep(0.1)]
        assert answers == [200] * 20

    output = server.output
    assert output.count("Booting worker") >= 4  # two, then two more after SIGHUP
    assert "Handling signal: hup" in output
    access = [
        line for line in output.splitlines() if '"GET /healthz HTTP/1.1" 200' in line
    ]
    assert len(access) >= 21
