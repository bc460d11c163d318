"""Throughput of the site under gunicorn, against a bare Django.

    python -m bench.run [--database-url URL] [--articles N] [--duration S]
                        [--cached | --uncached] [--workers N] [--connections N]

Starts the site with production settings and, with the very same gunicorn
options, a bare Django view (bench/bare.py) that answers a page of the same
size as each page measured. Each page is loaded right after its bare twin, in
``--rounds`` rounds, with wrk (or a Python load generator without it), and
requests/s and p50/p99 latency are printed with their ratio to the bare view.
"""

import argparse
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from . import sites
from .load import run_load, wrk_path
from .stats import combine, ratio

CACHED_TARGET = 0.70
READY_TIMEOUT = 60


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--database-url",
        help="Database to use (default: a fresh SQLite file in a temporary folder).",
    )
    parser.add_argument("--articles", type=int, default=10_000, metavar="N")
    parser.add_argument(
        "--duration", type=int, default=5, metavar="S", help="Seconds per run."
    )
    parser.add_argument("--rounds", type=int, default=2, metavar="N")
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument(
        "--cached",
        dest="cached",
        action="store_true",
        default=True,
        help="With the page cache (the default).",
    )
    cache.add_argument(
        "--uncached",
        dest="cached",
        action="store_false",
        help="With DJANGO_CACHE_BACKEND=dummy: every page rendered.",
    )
    parser.add_argument("--workers", type=int, default=2, metavar="N")
    parser.add_argument("--connections", type=int, default=4, metavar="N")
    parser.add_argument(
        "--tool",
        choices=["wrk", "python"],
        default="wrk" if wrk_path() else "python",
        help="Load generator (default: wrk when installed).",
    )
    return parser.parse_args(argv)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, settings_module, port, workers):
    """One gunicorn; the site and the bare view get the same options."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
            "--log-level=warning",
            "django.core.wsgi:get_wsgi_application()",
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": settings_module},
        cwd=sites.PROJECT,
    )


def fetch(url):
    """Status and body size of one GET."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())


def wait_until_ready(url, process):
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit status {process.returncode}).")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {READY_TIMEOUT} s.")


def measure(args, site_url, bare_url, paths):
    sizes = {}
    for name, path in paths.items():
        status, size = fetch(site_url + path)
        if status != 200:
            raise SystemExit(f"{name} ({path}) answered {status}.")
        sizes[name] = size
        # Warm up every worker: its cache, its connection, its templates.
        for _ in range(10 * args.workers):
            fetch(site_url + path)
    runs = {name: {"site": [], "bare": []} for name in paths}
    for round_number in range(1, args.rounds + 1):
        for name, path in paths.items():
            print(f"  round {round_number}/{args.rounds}: {name}", file=sys.stderr)
            load = {"duration": args.duration, "connections": args.connections}
            bare_path = f"/bytes/{sizes[name]}/"
            runs[name]["bare"].append(
                run_load(bare_url + bare_path, tool=args.tool, **load)
            )
            runs[name]["site"].append(run_load(site_url + path, tool=args.tool, **load))
    return sizes, {
        name: {which: combine(results) for which, results in by_server.items()}
        for name, by_server in runs.items()
    }


def report(args, vendor, paths, sizes, results):
    mode = "cached" if args.cached else "uncached (DJANGO_CACHE_BACKEND=dummy)"
    print(
        f"\n{vendor}, {args.articles} articles, {mode}; gunicorn {args.workers} sync "
        f"workers; {args.tool}, {args.connections} connections, "
        f"{args.rounds} x {args.duration:g} s per page"
    )
    header = (
        f"{'page':<14}{'bytes':>8}{'req/s':>9}{'bare':>9}{'ratio':>7}"
        f"{'p50 ms':>9}{'ratio':>7}{'p99 ms':>9}{'ratio':>7}{'errors':>8}"
    )
    print(header)
    print("-" * len(header))
    errors = 0
    below_target = []
    for name in paths:
        page, bare = results[name]["site"], results[name]["bare"]
        throughput = ratio(page.requests_per_second, bare.requests_per_second)
        errors += page.errors + bare.errors
        if throughput < CACHED_TARGET:
            below_target.append(name)
        print(
            f"{name:<14}{sizes[name]:>8}{page.requests_per_second:>9.0f}"
            f"{bare.requests_per_second:>9.0f}{throughput:>7.2f}"
            f"{page.p50_ms:>9.2f}{ratio(page.p50_ms, bare.p50_ms):>7.2f}"
            f"{page.p99_ms:>9.2f}{ratio(page.p99_ms, bare.p99_ms):>7.2f}"
            f"{page.errors + bare.errors:>8}"
        )
    print(f"\nErrors: {errors}")
    if args.cached:
        verdict = (
            f"below {CACHED_TARGET:.0%} of the bare view: {', '.join(below_target)}"
            if below_target
            else f"every page at {CACHED_TARGET:.0%} of the bare view or more"
        )
        print(f"Target (cached): {verdict}.")
    return errors


def main(argv=None):
    args = parse_args(argv)
    with sites.temporary_directory() as workdir:
        database_url = sites.database_url(args.database_url, workdir)
        env = sites.environment(
            database_url, workdir, cache_backend=None if args.cached else "dummy"
        )
        sites.setup_django(env)
        sites.prepare(args.articles, log=lambda text: print(text, file=sys.stderr))
        from django.db import connection

        paths = sites.pages()
        vendor = connection.vendor
        connection.close()

        site_port, bare_port = free_port(), free_port()
        servers = [
            start_gunicorn(env, "iomsite.settings", site_port, args.workers),
            start_gunicorn(env, "bench.bare", bare_port, args.workers),
        ]
        try:
            site_url = f"http://127.0.0.1:{site_port}"
            bare_url = f"http://127.0.0.1:{bare_port}"
            wait_until_ready(site_url + "/", servers[0])
            wait_until_ready(bare_url + "/bytes/1/", servers[1])
            sizes, results = measure(args, site_url, bare_url, paths)
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=30)
        errors = report(args, vendor, paths, sizes, results)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
