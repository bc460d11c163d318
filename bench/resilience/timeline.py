"""What happened to each request during a run, and what it adds up to: pure
functions over timestamped events, tested in tests/test_bench.py."""

import threading
from dataclasses import dataclass

from ..load import run_paths
from ..stats import LoadResult


@dataclass(frozen=True)
class Event:
    path: str
    status: int | None  # None: the connection failed
    started: float  # perf_counter() seconds
    finished: float

    @property
    def ok(self):
        return self.status is not None and 200 <= self.status < 300


class Recorder:
    """Collects an Event per request; ``watch(path, body, started, finished)``
    also sees each 2xx body, when given."""

    def __init__(self, watch=None):
        self.events = []
        self.watch = watch

    def record(self, path, status, started, finished, body):
        # list.append is atomic: the load threads need no lock.
        self.events.append(Event(path, status, started, finished))
        if self.watch is not None and body is not None and status == 200:
            self.watch(path, body, started, finished)


class BackgroundLoad:
    """run_paths() in a thread from ``with`` to the end of the block, or
    ``limit`` seconds at most."""

    def __init__(self, base_url, paths, *, connections, limit, recorder, choose=None):
        self.stop = threading.Event()
        self.result = None
        self.thread = threading.Thread(
            target=self._run,
            args=(base_url, paths, connections, limit, recorder, choose),
            daemon=True,
        )

    def _run(self, base_url, paths, connections, limit, recorder, choose):
        self.result = run_paths(
            base_url,
            paths,
            duration=limit,
            connections=connections,
            record=recorder.record,
            stop=self.stop,
            choose=choose,
        )

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stop.set()
        self.thread.join()


def between(events, start=float("-inf"), end=float("inf")):
    return [event for event in events if start <= event.finished < end]


def summary(events):
    """A LoadResult of ``events``: latencies of the 2xx answers, errors the
    rest (other statuses and failed connections)."""
    if not events:
        return LoadResult.from_latencies([], 0, 0.0)
    seconds = max(e.finished for e in events) - min(e.started for e in events)
    latencies = [(e.finished - e.started) * 1000 for e in events if e.ok]
    return LoadResult.from_latencies(latencies, sum(not e.ok for e in events), seconds)


def failures(events):
    return [event for event in events if not event.ok]


def failure_window(events):
    """When the first and the last failed answer came, or None. (A request
    sent before the trouble may fail during it: answers count, not starts.)"""
    failed = failures(events)
    if not failed:
        return None
    return min(e.finished for e in failed), max(e.finished for e in failed)


def statuses(events):
    """How many failed requests got each status ("refused" for no answer)."""
    counts = {}
    for event in failures(events):
        name = "no answer" if event.status is None else str(event.status)
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))


def publication_delays(published, seen):
    """Seconds from each publication to the first visitor response showing it.

    ``published``: {key: time the publish request returned}; ``seen``: {key:
    [times of responses showing it]}. A publication never seen has delay None.
    """
    # Seen before the publish request returned (it commits first): no delay.
    return {
        key: max(0.0, min(seen[key]) - at) if seen.get(key) else None
        for key, at in published.items()
    }


def stale_answers(published, answers, *, window):
    """How long after each publication a visitor could still begin a request
    and get the page without it.

    ``answers``: (started, keys shown) of each answer; an answer begun within
    ``window`` seconds after a publication (before newer ones push it off the
    page) and not showing it is stale. {key: seconds from the publication to the
    start of its last stale answer, or 0.0 when there was none}.
    """
    return {
        key: max(
            (
                started - at
                for started, shown in answers
                if at < started <= at + window and key not in shown
            ),
            default=0.0,
        )
        for key, at in published.items()
    }
