"""The rows of the table: each runs the visitors' load while something happens
to the site, and returns a Row."""

import hashlib
import json
import re
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import site
from .staff import AdminSession, Publisher
from .timeline import (
    BackgroundLoad,
    Recorder,
    between,
    failure_window,
    failures,
    publication_delays,
    stale_answers,
    statuses,
    summary,
)

MAX_PUBLICATION_DELAY = 1.0
# A publication stays on the first page of /news/ this long at least (one a
# second, 12 a page): an answer without it within this window is stale.
STALE_WINDOW = 5.0
# After pg_ctl returns, the requests already waiting on a dead connection may
# still fail: this long at most.
RESTART_GRACE = 3.0
POLLERS = 2
# The share of requests for any article (a long tail, as crawlers ask for):
# most are cache misses, so the database works all the time.
TAIL_SHARE = 0.1
RENDITIONS = "renditions/"  # THUMBNAIL_PREFIX
DRAFT_LINK_RE = re.compile(rb'href="(/news/resilience-bench-draft-\d+/)"')


@dataclass
class Context:
    base_url: str
    paths: list  # the pages visitors ask for most, in the cache
    tail: list  # every article in either interface language: mostly misses
    connections: int
    duration: float
    env: dict
    workdir: Path
    postgres: object
    redis: object
    password: str
    drafts: list
    progress: object


@dataclass
class Row:
    name: str
    load: object  # a LoadResult of the visitors' requests
    outcome: str
    ok: bool
    notes: list = field(default_factory=list)


def run_for(ctx, label, seconds, recorder, *, at=()):
    """Wait ``seconds`` while the load runs, showing progress; ``at`` is a list
    of (second, callable) to run on the way, in order."""
    started = time.perf_counter()
    pending = sorted(at, key=lambda item: item[0])
    while (elapsed := time.perf_counter() - started) < seconds:
        while pending and pending[0][0] <= elapsed:
            pending.pop(0)[1]()
        ctx.progress(label, elapsed, seconds, recorder.events)
        time.sleep(min(0.5, max(0.0, seconds - elapsed)))
    for _second, action in pending:
        action()
    ctx.progress(label, seconds, seconds, recorder.events, done=True)


def load(ctx, recorder, paths=None, connections=None, limit=None):
    """The visitors' mix, or only ``paths``."""

    def choose(rng):
        if ctx.tail and rng.random() < TAIL_SHARE:
            return rng.choice(ctx.tail)
        return rng.choice(ctx.paths)

    return BackgroundLoad(
        ctx.base_url,
        paths or ctx.paths,
        connections=connections or ctx.connections,
        limit=limit or ctx.duration + 30,
        recorder=recorder,
        choose=None if paths else choose,
    )


def steady(ctx):
    recorder = Recorder()
    with load(ctx, recorder):
        run_for(ctx, "steady", ctx.duration, recorder)
    result = summary(recorder.events)
    return Row("steady", result, f"non-2xx {result.errors}", result.errors == 0)


def publishing(ctx):
    from django.conf import settings

    session = AdminSession(ctx.base_url, "/" + settings.ADMIN_PATH)
    session.log_in(site.SUPERUSER, ctx.password)
    seen, answers = {}, []

    def watch(path, body, started, finished):
        shown = {link.decode() for link in DRAFT_LINK_RE.findall(body)}
        answers.append((started, shown))
        for link in shown:
            seen.setdefault(link, []).append(finished)

    visitors, pollers = Recorder(), Recorder(watch)
    count = max(1, int(ctx.duration))
    with (
        load(ctx, visitors),
        load(ctx, pollers, paths=["/news/"], connections=POLLERS),
        Publisher(session, ctx.drafts[:count]) as publisher,
    ):
        run_for(ctx, "publishing", ctx.duration, visitors)
        publisher.stop.set()
        publisher.thread.join()
        time.sleep(MAX_PUBLICATION_DELAY + 1)  # the last one's chance to show
    delays = publication_delays(publisher.published, seen)
    measured = [delay for delay in delays.values() if delay is not None]
    unseen = len(delays) - len(measured)
    stale = max(
        stale_answers(publisher.published, answers, window=STALE_WINDOW).values(),
        default=0.0,
    )
    result = summary(visitors.events)
    errors = result.errors + len(failures(pollers.events)) + len(publisher.failed)
    worst = max(measured, default=float("nan"))
    outcome = (
        f"{len(publisher.published)} published; old page begun up to "
        f"{stale:.2f} s after; first shown within {worst:.2f} s"
        f"{f', {unseen} never seen' if unseen else ''}; errors {errors}"
    )
    # Freshness is judged by when a visitor asks: the answer's own time is the
    # row's p50/p99, the cost of rendering every page anew after each change.
    ok = bool(measured) and not unseen and stale <= MAX_PUBLICATION_DELAY
    return Row("publishing", result, outcome, ok and errors == 0)


def postgres_restart(ctx):
    recorder = Recorder()
    restart = {}

    def restart_postgres():
        restart["start"] = time.perf_counter()
        ctx.postgres.restart()
        restart["end"] = time.perf_counter()

    with load(ctx, recorder):
        run_for(
            ctx,
            "PostgreSQL restart",
            ctx.duration,
            recorder,
            at=[(ctx.duration / 3, restart_postgres)],
        )
    events = recorder.events
    end = max(event.finished for event in events)
    window = failure_window(events)
    took = restart["end"] - restart["start"]
    if window is None:
        quiet = end - restart["end"]
        outcome = f"pg_ctl {took:.1f} s; no failed request; {quiet:.0f} s after it"
        return Row("PostgreSQL restart", summary(events), outcome, True)
    first, last = window
    inside = first >= restart["start"] and last <= restart["end"] + RESTART_GRACE
    quiet = end - last
    full_after = quiet >= min(10.0, ctx.duration / 4)
    outcome = (
        f"pg_ctl {took:.1f} s; {len(failures(events))} failed in a "
        f"{last - first:.1f} s window; 0 errors in last {quiet:.0f} s"
    )
    notes = [f"PostgreSQL restart, failed requests: {statuses(events)}"]
    return Row(
        "PostgreSQL restart", summary(events), outcome, inside and full_after, notes
    )


def redis_outage(ctx):
    recorder = Recorder()
    marks = {}

    def stop_redis():
        marks["hits before"] = ctx.redis.keyspace_hits()
        marks["stop"] = time.perf_counter()
        ctx.redis.stop()

    def start_redis():
        ctx.redis.start()
        marks["start"] = time.perf_counter()

    with load(ctx, recorder):
        run_for(
            ctx,
            "Redis outage",
            ctx.duration,
            recorder,
            at=[(ctx.duration / 3, stop_redis), (2 * ctx.duration / 3, start_redis)],
        )
        hits_after = ctx.redis.keyspace_hits()
    events = recorder.events
    phases = {
        "before": between(events, end=marks["stop"]),
        "down": between(events, marks["stop"], marks["start"]),
        "after": between(events, marks["start"]),
    }
    p50 = {name: summary(part).p50_ms for name, part in phases.items()}
    errors = len(failures(events))
    outcome = (
        f"errors {errors}; p50 {p50['before']:.0f}/{p50['down']:.0f}/"
        f"{p50['after']:.0f} ms before/down/after; {hits_after} cache hits "
        f"after restart"
    )
    row = Row("Redis outage", summary(events), outcome, errors == 0 and hits_after > 0)
    if errors:
        row.notes.append(f"Redis outage, failed requests: {statuses(events)}")
    return row


def backup(ctx):
    archive = ctx.workdir / "backup.tar.gz"
    recorder = Recorder()
    with load(ctx, recorder, limit=900):
        # Load for a moment before, so that the backup runs under it.
        run_for(ctx, "backup (load)", min(2.0, ctx.duration / 2), recorder)
        started = time.perf_counter()
        ctx.progress("backup_site", 0, 1, recorder.events)
        site.manage(site.child_environment(ctx.env), "backup_site", str(archive))
        took = time.perf_counter() - started
        ctx.progress("backup_site", 1, 1, recorder.events, done=True)
    result = summary(recorder.events)
    live_counts = object_counts(ctx.env)
    restored_env = site.child_environment(
        ctx.env,
        DATABASE_URL=ctx.postgres.create_database("iomsite_restored"),
        DJANGO_MEDIA_ROOT=str(ctx.workdir / "media-restored"),
        DJANGO_CACHE_BACKEND="dummy",
        REDIS_URL=None,
        WEB_CONCURRENCY=None,
    )
    print("  restoring into an empty database…", file=sys.stderr)
    site.manage(restored_env, "migrate", "--noinput")
    site.manage(restored_env, "restore_site", str(archive))
    restored_counts = object_counts(restored_env)
    backed_up = archived_checksums(archive)
    live_files = checksums(Path(ctx.env["DJANGO_MEDIA_ROOT"]))
    restored_files = checksums(Path(restored_env["DJANGO_MEDIA_ROOT"]))
    # Visitors' first views of an image make renditions after the backup.
    since = live_files.keys() - backed_up.keys()
    renditions = all(name.startswith(RENDITIONS) for name in since)
    differing = sorted(
        label
        for label in live_counts.keys() | restored_counts.keys()
        if live_counts.get(label) != restored_counts.get(label)
    )
    same_files = (
        restored_files == backed_up
        and all(live_files.get(name) == digest for name, digest in backed_up.items())
        and renditions
    )
    outcome = (
        f"backup {took:.1f} s, {archive.stat().st_size / 1e6:.1f} MB; "
        f"{sum(live_counts.values())} objects in {len(live_counts)} models "
        f"{'identical' if not differing else 'DIFFER: ' + ', '.join(differing)}; "
        f"{len(restored_files)} files {'identical' if same_files else 'DIFFER'}"
        f"{f' (+{len(since)} renditions made since)' if since else ''}"
    )
    ok = not differing and same_files and result.errors == 0
    row = Row("backup + restore", result, outcome, ok)
    row.notes = [
        f"{label}: {live_counts.get(label)} live, {restored_counts.get(label)} restored"
        for label in differing
    ]
    return row


def object_counts(env):
    """Rows per model, from ``python -m bench.resilience.counts`` with ``env``."""
    output = subprocess.run(
        [sys.executable, "-m", "bench.resilience.counts"],
        env=env,
        cwd=site.sites.PROJECT,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    return json.loads(output)


def archived_checksums(archive):
    """SHA-256 of the media files of a backup, from its manifest."""
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    return {
        name.removeprefix("media/"): entry["sha256"]
        for name, entry in manifest["files"].items()
        if name.startswith("media/")
    }


def checksums(root):
    """SHA-256 of every file under ``root``, by relative path."""
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


SCENARIOS = [steady, publishing, postgres_restart, redis_outage, backup]
