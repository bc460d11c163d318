"""The pure helpers of bench/, and one quick run of bench.resilience."""

import math
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.load import parse_wrk, run_paths
from bench.resilience.__main__ import server_error_lines
from bench.resilience.report import table
from bench.resilience.scenarios import Row
from bench.resilience.services import missing_programs
from bench.resilience.timeline import (
    Event,
    Recorder,
    between,
    failure_window,
    publication_delays,
    stale_answers,
    statuses,
    summary,
)
from bench.sites import PROJECT
from bench.stats import LoadResult, combine, percentile, ratio

WRK_OUTPUT = """\
Running 5s test @ http://127.0.0.1:8001/news/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms    1.00ms  20.00ms   90.00%
    Req/Sec     1.20k   100.00     1.40k    70.00%
  Latency Distribution
     50%  850.00us
     75%    2.30ms
     90%    2.80ms
     99%    1.20s
  12000 requests in 5.00s, 100.00MB read
  Socket errors: connect 1, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:   2400.00
Transfer/sec:     20.00MB
"""


def test_percentile_interpolates_between_ranks():
    samples = [4, 1, 3, 2]
    assert percentile(samples, 0) == 1
    assert percentile(samples, 0.5) == 2.5
    assert percentile(samples, 1) == 4
    assert percentile(list(range(1, 101)), 0.99) == pytest.approx(99.01)
    assert percentile([7], 0.99) == 7


@pytest.mark.parametrize("samples, fraction", [([], 0.5), ([1], 1.5), ([1], -0.1)])
def test_percentile_refuses_nonsense(samples, fraction):
    with pytest.raises(ValueError):
        percentile(samples, fraction)


def test_load_result_from_latencies():
    result = LoadResult.from_latencies([1.0, 2.0, 3.0, 4.0], errors=1, seconds=2.0)
    assert (result.requests, result.errors) == (4, 1)
    assert result.requests_per_second == 2.0
    assert result.p50_ms == 2.5
    assert result.p99_ms == pytest.approx(3.97)
    empty = LoadResult.from_latencies([], errors=3, seconds=1.0)
    assert (empty.requests, empty.errors, math.isnan(empty.p50_ms)) == (0, 3, True)


def test_combine_adds_counts_and_takes_the_median_latency():
    runs = [
        LoadResult(100, 0, 1.0, 1.0, 5.0),
        LoadResult(300, 2, 1.0, 3.0, 9.0),
        LoadResult(200, 1, 2.0, 2.0, 7.0),
    ]
    assert combine(runs) == LoadResult(600, 3, 4.0, 2.0, 7.0)


def test_ratio():
    assert ratio(70, 100) == 0.7
    assert math.isnan(ratio(70, 0))


def test_parse_wrk_reads_requests_latency_and_errors():
    assert parse_wrk(WRK_OUTPUT) == LoadResult(
        requests=12000, errors=10, seconds=5.0, p50_ms=0.85, p99_ms=1200.0
    )


def test_parse_wrk_without_errors():
    output = WRK_OUTPUT.replace(
        "  Socket errors: connect 1, read 2, write 0, timeout 3\n", ""
    ).replace("  Non-2xx or 3xx responses: 4\n", "")
    assert parse_wrk(output).errors == 0


def test_parse_wrk_refuses_other_text():
    with pytest.raises(ValueError, match="Cannot read wrk's output"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")


# bench.resilience: its pure helpers, the load generator against a tiny server,
# and one quick run of the whole bench (its own PostgreSQL and Redis).


def event(status, started, finished, path="/"):
    return Event(path, status, started, finished)


def test_summary_counts_every_answer_but_2xx_as_an_error():
    events = [
        event(200, 0.0, 0.010),
        event(204, 0.5, 0.520),
        event(302, 0.6, 0.601),
        event(500, 0.7, 0.750),
        event(None, 0.8, 1.0),
    ]
    result = summary(events)
    assert (result.requests, result.errors, result.seconds) == (2, 3, 1.0)
    assert result.p50_ms == pytest.approx(15.0)
    assert summary([]).requests == 0


def test_failure_window_is_from_the_first_to_the_last_failed_answer():
    events = [
        event(200, 0.0, 1.0),
        event(500, 0.5, 2.0),  # sent before the trouble, answered during it
        event(None, 2.5, 3.5),
        event(200, 3.0, 4.0),
    ]
    assert failure_window(events) == (2.0, 3.5)
    assert failure_window(events[:1]) is None
    assert statuses(events) == {"500": 1, "no answer": 1}


def test_between_keeps_the_answers_inside():
    events = [event(200, 0, 1), event(200, 1, 2), event(200, 2, 3)]
    assert between(events, 2, 3) == events[1:2]
    assert between(events, end=2) == events[:1]


def test_publication_delays():
    published = {"/a/": 10.0, "/b/": 20.0, "/c/": 30.0}
    seen = {"/a/": [10.4, 11.0], "/b/": [19.9, 25.0]}
    assert publication_delays(published, seen) == {
        "/a/": pytest.approx(0.4),
        "/b/": 0.0,  # shown before the admin's answer came back
        "/c/": None,
    }


def test_stale_answers_count_requests_begun_after_the_publication():
    published = {"/a/": 10.0, "/b/": 20.0}
    answers = [
        (9.0, set()),  # begun before /a/: not stale
        (10.3, set()),  # begun after /a/ without it: stale for 0.3 s
        (10.6, {"/a/"}),
        (16.0, set()),  # after the window: pushed off the page, not stale
        (20.5, {"/a/", "/b/"}),
    ]
    assert stale_answers(published, answers, window=5.0) == {
        "/a/": pytest.approx(0.3),
        "/b/": 0.0,
    }


def test_recorder_shows_the_watcher_2xx_bodies_only():
    bodies = []
    recorder = Recorder(watch=lambda path, body, started, done: bodies.append(body))
    recorder.record("/", 200, 0.0, 0.1, b"ok")
    recorder.record("/", 500, 0.2, 0.3, b"error")
    recorder.record("/", None, 0.4, 0.5, None)
    assert bodies == [b"ok"]
    assert [e.status for e in recorder.events] == [200, 500, None]


def test_table():
    rows = [
        Row("steady", LoadResult(600, 0, 2.0, 1.25, 9.5), "non-2xx 0", True),
        Row("backup", LoadResult(10, 1, 1.0, 2.0, 3.0), "files DIFFER", False),
    ]
    assert table(rows).splitlines()[2:] == [
        "| steady | 300 | 1.2 | 9.5 | 0 | non-2xx 0 | yes |",
        "| backup | 10 | 2.0 | 3.0 | 1 | files DIFFER | NO |",
    ]


def test_server_error_lines_counts_the_exception_of_each_traceback(tmp_path):
    log = tmp_path / "gunicorn.log"
    log.write_text(
        "[INFO] Booting worker\n"
        "Traceback (most recent call last):\n"
        '  File "x.py", line 1\n'
        "ValueError: nope\n"
        "Traceback (most recent call last):\n"
        '  File "x.py", line 1\n'
        "ValueError: nope\n"
        '127.0.0.1 - - "GET / HTTP/1.1" 200\n'
    )
    assert server_error_lines(log) == {"ValueError: nope": 2}
    assert server_error_lines(tmp_path / "missing.log") == {}


class Answer(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        status = 404 if self.path == "/missing" else 200
        body = self.path.encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_run_paths_records_each_request_and_stops_when_told():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        recorder = Recorder()
        stop = threading.Event()
        threading.Timer(0.3, stop.set).start()
        result = run_paths(
            f"http://127.0.0.1:{server.server_port}",
            ["/a", "/b", "/missing"],
            duration=30,
            connections=2,
            record=recorder.record,
            stop=stop,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.seconds < 5
    paths = {e.path for e in recorder.events}
    assert paths == {"/a", "/b", "/missing"}
    missing = [e for e in recorder.events if e.path == "/missing"]
    assert {e.status for e in missing} == {404}
    assert result.errors == len(missing)
    assert result.requests == len(recorder.events) - len(missing)


@pytest.mark.slow
@pytest.mark.skipif(
    bool(missing_programs()), reason=f"needs {', '.join(missing_programs())}"
)
def test_resilience_quick_run():
    """Every row of ``python -m bench.resilience --quick`` holds."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.resilience", "--quick", "--connections", "8"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    rows = [line.split(" | ")[0] for line in done.stdout.splitlines()]
    for name in ["steady", "publishing", "PostgreSQL restart", "Redis outage"]:
        assert f"| {name}" in rows
    assert "| backup + restore" in rows
