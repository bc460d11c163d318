"""Load generators: wrk when installed, else a Python one (threads, one
keep-alive connection each). Both give a LoadResult."""

import http.client
import random
import re
import shutil
import subprocess
import threading
import time
from urllib.parse import urlsplit

from .stats import LoadResult

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
LATENCY_RE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.M)
REQUESTS_RE = re.compile(r"(\d+) requests in ([\d.]+)(us|ms|s|m)")
SOCKET_ERRORS_RE = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)
BAD_STATUS_RE = re.compile(r"Non-2xx or 3xx responses: (\d+)")


def wrk_path():
    return shutil.which("wrk")


def parse_wrk(output):
    """A LoadResult from the text wrk prints with --latency."""
    latencies = {
        int(match[1]): float(match[2]) * UNITS_MS[match[3]]
        for match in LATENCY_RE.finditer(output)
    }
    requests = REQUESTS_RE.search(output)
    if not requests or set(latencies) != {50, 99}:
        raise ValueError(f"Cannot read wrk's output:\n{output}")
    socket_errors = SOCKET_ERRORS_RE.search(output)
    errors = sum(int(count) for count in socket_errors.groups()) if socket_errors else 0
    bad_status = BAD_STATUS_RE.search(output)
    errors += int(bad_status[1]) if bad_status else 0
    return LoadResult(
        requests=int(requests[1]),
        errors=errors,
        seconds=float(requests[2]) * UNITS_MS[requests[3]] / 1000,
        p50_ms=latencies[50],
        p99_ms=latencies[99],
    )


def run_wrk(url, *, duration, connections, threads=2):
    output = subprocess.run(
        [
            wrk_path(),
            f"--threads={min(threads, connections)}",
            f"--connections={connections}",
            f"--duration={max(1, round(duration))}s",
            "--latency",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return parse_wrk(output)


def run_python(url, *, duration, connections):
    """``connections`` threads, each requesting ``url`` again and again on its
    own connection (opened again when the server closes it)."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    base = f"{parts.scheme}://{parts.netloc}"
    return run_paths(base, [target], duration=duration, connections=connections)


def run_paths(
    base_url, paths, *, duration, connections, record=None, stop=None, choose=None
):
    """``connections`` threads, each requesting one of ``paths`` after another
    (picked at random, the same sequence in every run; or ``choose(rng)``'s
    choice) on its own keep-alive connection, for ``duration`` seconds or
    until the ``stop`` event is set.

    ``record(path, status, started, finished, body)`` is called from the
    threads after every request, with perf_counter() times and status None
    when the connection failed.
    """
    parts = urlsplit(base_url)
    latencies, errors = [], [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + duration

    def worker(number):
        rng = random.Random(number)
        own_latencies, own_errors = [], 0
        connection = None
        while time.perf_counter() < deadline and not (stop and stop.is_set()):
            path = choose(rng) if choose else rng.choice(paths)
            started = time.perf_counter()
            status = body = None
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(
                        parts.hostname, parts.port, timeout=30
                    )
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                status = response.status
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException):
                if connection is not None:
                    connection.close()
                connection = None
            finished = time.perf_counter()
            if record is not None:
                record(path, status, started, finished, body)
            if status is None or not 200 <= status < 400:
                own_errors += 1
                continue
            own_latencies.append((finished - started) * 1000)
        if connection is not None:
            connection.close()
        with lock:
            latencies.extend(own_latencies)
            errors[0] += own_errors

    started = time.perf_counter()
    workers = [
        threading.Thread(target=worker, args=(number,)) for number in range(connections)
    ]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return LoadResult.from_latencies(
        latencies, errors[0], time.perf_counter() - started
    )


def run_load(url, *, duration, connections, tool):
    if tool == "wrk":
        return run_wrk(url, duration=duration, connections=connections)
    return run_python(url, duration=duration, connections=connections)
