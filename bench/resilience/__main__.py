"""python -m bench.resilience [--duration S] [--connections N] [--articles N]
[--workers N] [--quick]"""

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from .. import sites
from . import scenarios, site
from .report import Progress, table
from .services import PrivatePostgres, PrivateRedis, free_port, missing_programs

QUICK = {"duration": 5, "articles": 500, "article_pages": 40}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.resilience",
        description=sys.modules["bench.resilience"].__doc__.split("\n\n")[0],
    )
    parser.add_argument(
        "--duration", type=float, default=60, metavar="S", help="Seconds per row."
    )
    parser.add_argument("--connections", type=int, default=32, metavar="N")
    parser.add_argument("--articles", type=int, default=10_000, metavar="N")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * site.cores() + 1,
        metavar="N",
        help="WEB_CONCURRENCY (default: 2 x cores + 1, as make serve).",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"A smoke run: {QUICK['duration']} s a row, {QUICK['articles']} articles.",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.articles = QUICK["duration"], QUICK["articles"]
    args.article_pages = QUICK["article_pages"] if args.quick else site.ARTICLE_PAGES
    return args


def warm(base_url, paths, progress):
    """Every page of the mix answers 200 before a row, and is in the cache."""
    started = time.perf_counter()
    wrong = site.warm(base_url, paths)
    if wrong:
        raise SystemExit(f"Pages of the mix not answering 200: {wrong}")
    progress.log(
        f"  {len(paths)} pages warmed in {time.perf_counter() - started:.1f} s."
    )


def main(argv=None):
    args = parse_args(argv)
    missing = missing_programs()
    if missing:
        raise SystemExit(f"bench.resilience needs: {', '.join(missing)}")
    progress = Progress()
    started = time.perf_counter()
    with sites.temporary_directory() as workdir:
        workdir = Path(workdir)
        with (
            PrivatePostgres(workdir / "postgres") as postgres,
            PrivateRedis(workdir / "redis") as redis,
        ):
            progress.log(
                f"PostgreSQL on port {postgres.port}, Redis on port {redis.port}."
            )
            env = sites.environment(postgres.create_database("iomsite"), workdir)
            env["REDIS_URL"] = redis.url
            sites.setup_django(env)
            drafts_needed = int(args.duration) + 5
            password = site.prepare(args.articles, drafts_needed, log=progress.log)
            paths, drafts = site.visitor_paths(args.article_pages), site.drafts()
            tail = site.article_paths()
            port = free_port()
            server = site.start_gunicorn(
                site.serve_environment(env, port, args.workers),
                workdir / "gunicorn.log",
            )
            try:
                base_url = f"http://127.0.0.1:{port}"
                site.wait_until_ready(base_url, server)
                ctx = scenarios.Context(
                    base_url=base_url,
                    paths=paths,
                    tail=tail,
                    connections=args.connections,
                    duration=args.duration,
                    env=env,
                    workdir=workdir,
                    postgres=postgres,
                    redis=redis,
                    password=password,
                    drafts=drafts,
                    progress=progress,
                )
                rows = []
                for scenario in scenarios.SCENARIOS:
                    warm(base_url, paths, progress)
                    rows.append(scenario(ctx))
            finally:
                site.stop_gunicorn(server)
                server_errors = server_error_lines(workdir / "gunicorn.log")
    print(
        f"\n{args.articles} generated articles + the demo content, PostgreSQL 15 "
        f"and Redis of their own; gunicorn {args.workers} workers; "
        f"{args.connections} connections over {len(paths)} pages "
        f"(and {scenarios.TAIL_SHARE:.0%} over all {len(tail)} article pages), "
        f"{args.duration:g} s a row; {site.cores()} cores; "
        f"{time.perf_counter() - started:.0f} s in all\n"
    )
    print(table(rows))
    for row in rows:
        for note in row.notes:
            print(f"  {note}")
    if server_errors:
        print("\nExceptions in gunicorn's log:")
        for line, count in server_errors.most_common(5):
            print(f"  {count} x {line}")
    return 0 if all(row.ok for row in rows) else 1


def server_error_lines(log_path):
    """How many times each exception line follows a traceback in the log."""
    counts = Counter()
    if not log_path.exists():
        return counts
    in_traceback = False
    for line in log_path.read_text(errors="replace").splitlines():
        if line.startswith("Traceback"):
            in_traceback = True
        elif in_traceback and not line.startswith(" "):
            counts[line[:200]] += 1
            in_traceback = False
    return counts


if __name__ == "__main__":
    sys.exit(main())
