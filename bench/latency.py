"""Uncached latency of the news list and the search, in this process.

    python -m bench.latency --database-url postgres://…/iomsite_bench \\
        [--articles 100000] [--repeat 30] [--mode miss|dummy]

Each page is rendered by Django's test client with production settings and
timed, ``--repeat`` times after a warm-up; the median is checked against the
targets (news lists 50 ms, search 100 ms). ``--mode miss`` (the default) keeps
the site's cache but gives every request its own URL, so the page cache never
answers: what a visitor gets on a cache miss. ``--mode dummy`` turns every
cache off (DJANGO_CACHE_BACKEND=dummy), so what the site caches besides pages
is recomputed too.
"""

import argparse
import statistics
import sys
import time
from urllib.parse import urlencode

from . import sites
from .stats import percentile

TARGETS_MS = {"news": 50, "search": 100}
SEARCHES = [
    "trafficking",
    "migración",
    "trata de personas",
    "cochabamba",
    "remesas ecuador",
    "climate mobility",
    "trafiking",
]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.latency", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--database-url",
        help="Database to use (default: a fresh SQLite file in a temporary folder).",
    )
    parser.add_argument("--articles", type=int, default=100_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=30, metavar="N")
    parser.add_argument("--warmup", type=int, default=3, metavar="N")
    parser.add_argument("--mode", choices=["miss", "dummy"], default="miss")
    return parser.parse_args(argv)


def pages():
    """(target, path) of every page measured."""
    from programmes.models import Programme

    programme = Programme.objects.published().first()
    lists = [
        "/news/",
        "/news/?country=BO",
        "/news/?year=2015",
        "/news/?language=es&kind=statement",
    ]
    if programme:
        lists += [
            f"/news/?programme={programme.slug}",
            f"/news/?programme={programme.slug}&country=PE",
        ]
    searches = ["/search/?" + urlencode({"q": query}) for query in SEARCHES]
    searches += [
        "/search/?" + urlencode({"q": "trafficking", "type": "news", "page": 3})
    ]
    return [("news", path) for path in lists] + [("search", path) for path in searches]


def time_page(client, path, repeat, warmup, unique):
    """Milliseconds of each of ``repeat`` requests; the number of queries of
    one more, and their milliseconds in all."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    separator = "&" if "?" in path else "?"
    timings = []
    for number in range(warmup + repeat):
        url = f"{path}{separator}bench={number}" if unique else path
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}.")
        if number >= warmup:
            timings.append(elapsed)
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{path}{separator}bench=queries" if unique else path)
    sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    return timings, len(queries), sql_ms


def main(argv=None):
    args = parse_args(argv)
    with sites.temporary_directory() as workdir:
        database_url = sites.database_url(args.database_url, workdir)
        env = sites.environment(
            database_url,
            workdir,
            cache_backend="dummy" if args.mode == "dummy" else None,
        )
        sites.setup_django(env)
        sites.prepare(args.articles, log=lambda text: print(text, file=sys.stderr))

        from django.db import connection
        from django.test import Client

        client = Client()
        print(
            f"\n{connection.vendor}, {args.articles} articles, mode {args.mode}, "
            f"{args.repeat} requests per page after {args.warmup} to warm up"
        )
        header = (
            f"{'page':<52}{'median':>8}{'p90':>8}{'min':>8}{'queries':>9}"
            f"{'SQL ms':>8}  target"
        )
        print(header)
        print("-" * len(header))
        misses = []
        for target, path in pages():
            timings, queries, sql_ms = time_page(
                client, path, args.repeat, args.warmup, unique=args.mode == "miss"
            )
            median = statistics.median(timings)
            limit = TARGETS_MS[target]
            verdict = "ok" if median < limit else f"OVER {limit} ms"
            if median >= limit:
                misses.append(path)
            print(
                f"{path:<52}{median:>8.1f}{percentile(timings, 0.9):>8.1f}"
                f"{min(timings):>8.1f}{queries:>9}{sql_ms:>8.0f}  {verdict}"
            )
        print(
            f"\n{len(misses)} page(s) over target"
            + (f": {', '.join(misses)}" if misses else ".")
        )
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
