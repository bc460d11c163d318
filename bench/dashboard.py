"""Latency of the admin's "Needs attention" page, against the admin index.

    python -m bench.dashboard --database-url postgres://…/iomsite_bench \\
        [--articles 100000] [--repeat 20] [--redirects 20000] [--failing 0.01]

Both pages are rendered by Django's test client for a logged-in superuser,
with production settings, in the same run: the admin index (an app list and
the recent actions, a few queries) is the baseline, so the ratio says what the
dashboard's counts cost on this machine. Before timing, ``--failing`` of the
generated articles are marked as failing a content check (generated bodies
pass them all) and ``--redirects`` redirects are added, half to articles and
half to pages that do not exist: what an imported site looks like.
"""

import argparse
import statistics
import sys
import time

from . import sites
from .stats import percentile, ratio

BENCH_PREFIX = "/bench-old/"
PAGES = {"admin index": "admin:index", "needs attention": "needs-attention"}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.dashboard", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--database-url",
        help="Database to use (default: a fresh SQLite file in a temporary folder).",
    )
    parser.add_argument("--articles", type=int, default=100_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=20, metavar="N")
    parser.add_argument("--warmup", type=int, default=3, metavar="N")
    parser.add_argument("--redirects", type=int, default=20_000, metavar="N")
    parser.add_argument("--failing", type=float, default=0.01, metavar="SHARE")
    return parser.parse_args(argv)


def prepare_attention(redirects, failing, log):
    """Failing articles and redirects, made anew on each run."""
    from django.contrib.redirects.models import Redirect
    from django.contrib.sites.models import Site
    from django.db import transaction

    from articles.models import Article

    log(f"Marking {failing:.0%} of the articles failing, adding {redirects} redirects…")
    with transaction.atomic():
        Article.objects.exclude(content_problems="").update(content_problems="")
        step = max(1, round(1 / failing)) if failing else 0
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        if step:
            Article.objects.filter(pk__in=ids[::step]).update(
                content_problems="link-text old-host"
            )
        Redirect.objects.filter(old_path__startswith=BENCH_PREFIX).delete()
        site = Site.objects.get_current()
        articles = Article.objects.order_by("-pk").only("slug", "status")
        Redirect.objects.bulk_create(
            (
                Redirect(
                    site=site,
                    old_path=f"{BENCH_PREFIX}{number}/",
                    new_path=article.get_absolute_url()
                    if number % 2
                    else f"/news/no-such-article-{number}/",
                )
                for number, article in enumerate(articles[:redirects])
            ),
            batch_size=2000,
        )


def time_page(client, url, repeat, warmup):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for number in range(warmup + repeat):
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}.")
        if number >= warmup:
            timings.append(elapsed)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    sql_ms = sum(float(query["time"]) for query in queries.captured_queries) * 1000
    return timings, len(queries), sql_ms


def main(argv=None):
    args = parse_args(argv)
    log = lambda text: print(text, file=sys.stderr)  # noqa: E731
    with sites.temporary_directory() as workdir:
        database_url = sites.database_url(args.database_url, workdir)
        sites.setup_django(sites.environment(database_url, workdir))
        sites.prepare(args.articles, log=log)
        prepare_attention(args.redirects, args.failing, log)

        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        user, _created = get_user_model().objects.get_or_create(
            username="bench-dashboard",
            defaults={"is_staff": True, "is_superuser": True},
        )
        client = Client()
        client.force_login(user)
        print(
            f"\n{connection.vendor}, {args.articles} articles, {args.redirects} "
            f"redirects, {args.failing:.0%} failing; {args.repeat} requests per page "
            f"after {args.warmup} to warm up"
        )
        header = (
            f"{'page':<18}{'median ms':>10}{'p90':>8}{'min':>8}{'queries':>9}"
            f"{'SQL ms':>8}{'ratio':>7}"
        )
        print(header)
        print("-" * len(header))
        baseline = None
        for name, url_name in PAGES.items():
            timings, queries, sql_ms = time_page(
                client, reverse(url_name), args.repeat, args.warmup
            )
            median = statistics.median(timings)
            baseline = baseline or median
            print(
                f"{name:<18}{median:>10.1f}{percentile(timings, 0.9):>8.1f}"
                f"{min(timings):>8.1f}{queries:>9}{sql_ms:>8.0f}"
                f"{ratio(median, baseline):>7.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
