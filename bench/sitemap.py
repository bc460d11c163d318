"""Latency of the sitemap index and its sections, uncached, against the old
single sitemap document.

    python -m bench.sitemap --database-url postgres://…/iomsite_bench \\
        [--articles 100000] [--repeat 5]

Production settings with no cache at all (``DJANGO_CACHE_BACKEND=dummy``), so
every request makes its document. Pages are asked of Django's test client in
this process. The baseline, in the same run, is the sitemap as it was before
it became an index: every section in one document (which, past 50,000
addresses, silently listed the first 50,000 articles only).
"""

import argparse
import statistics
import sys
import time

from . import sites
from .stats import percentile, ratio

TARGET_MS = 200


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.sitemap", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--database-url",
        help="Database to use (default: a fresh SQLite file in a temporary folder).",
    )
    parser.add_argument("--articles", type=int, default=100_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=5, metavar="N")
    parser.add_argument("--warmup", type=int, default=1, metavar="N")
    return parser.parse_args(argv)


def old_single_sitemap(request):
    """The sitemap view before the index: one document of every section."""
    from django.contrib.sites.requests import RequestSite
    from django.template.response import TemplateResponse

    from iomsite.sitemaps import sitemaps

    site = RequestSite(request)
    urls = []
    for section in sitemaps.values():
        urls += section().get_urls(site=site, protocol=request.scheme)
    response = TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )
    return response.render()


def timed(call, repeat, warmup):
    timings, size = [], 0
    for number in range(warmup + repeat):
        started = time.perf_counter()
        response = call()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"answered {response.status_code}")
        size = len(response.content)
        if number >= warmup:
            timings.append(elapsed)
    return timings, size


def main(argv=None):
    args = parse_args(argv)
    log = lambda text: print(text, file=sys.stderr)  # noqa: E731
    with sites.temporary_directory() as workdir:
        database_url = sites.database_url(args.database_url, workdir)
        env = sites.environment(database_url, workdir, cache_backend="dummy")
        sites.setup_django(env)
        sites.prepare(args.articles, log=log)

        from django.db import connection
        from django.test import Client, RequestFactory

        from iomsite import sitemaps

        client = Client()
        pages = {"index /sitemap.xml": "/sitemap.xml"}
        for name in sitemaps.sitemaps:
            sitemap = sitemaps.section_sitemap(name)
            last = sitemap.paginator.num_pages
            pages[f"{name} p=1"] = f"/sitemap-{name}.xml"
            if last > 1:
                pages[f"{name} p={last}"] = f"/sitemap-{name}.xml?p={last}"
        request = RequestFactory().get("/sitemap.xml")
        print(
            f"\n{connection.vendor}, {args.articles} articles, no cache; "
            f"{args.repeat} requests each after {args.warmup} to warm up; "
            f"sections of at most {sitemaps.LIMIT} addresses"
        )
        header = (
            f"{'document':<26}{'median ms':>10}{'p90':>8}{'max':>8}{'kB':>8}"
            f"{'ratio':>7}"
        )
        print(header)
        print("-" * len(header))
        baseline, _size = timed(
            lambda: old_single_sitemap(request), args.repeat, args.warmup
        )
        base = statistics.median(baseline)
        print(
            f"{'old single sitemap':<26}{base:>10.1f}"
            f"{percentile(baseline, 0.9):>8.1f}{max(baseline):>8.1f}"
            f"{_size / 1024:>8.0f}{1:>7.2f}"
        )
        slowest = 0
        for name, url in pages.items():
            timings, size = timed(
                lambda url=url: client.get(url), args.repeat, args.warmup
            )
            median = statistics.median(timings)
            if name != "index /sitemap.xml":
                slowest = max(slowest, median)
            print(
                f"{name:<26}{median:>10.1f}{percentile(timings, 0.9):>8.1f}"
                f"{max(timings):>8.1f}{size / 1024:>8.0f}{ratio(median, base):>7.2f}"
            )
        verdict = "under" if slowest < TARGET_MS else "OVER"
        print(f"\nslowest section (median): {slowest:.0f} ms, {verdict} {TARGET_MS} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
