"""How fast `import_legacy` turns old pages into content, and whether its memory
stays flat as the number of pages grows.

    .venv/bin/python bench/import_legacy.py [--sizes 1000 10000] [--database-url URL]

For each N it writes N pages in the shapes of the old site (press releases in
English and Spanish, HTML pages, statement pages, office pages) into a temporary
folder, imports them into a fresh database through the real command in a child
process, and prints pages per second and the child's peak memory. Run on SQLite
by default; pass --database-url postgres://… for PostgreSQL (the database is
dropped and created again).
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT / "tests" / "fixtures" / "legacy"
TEMPLATES = [
    "001_4dcdd40475431c58.txt",
    "002_db0905a231be9f70.txt",
    "003_95162cf8c09813fe.txt",
    "004_49ae305a080655f7.txt",
    "000_36b7b844e1140420.txt",
    "drupal_page.html",
    "es_lima_dateline.txt",
    "en_media_contact_no_header.txt",
    "en_cp1252_regional_menu.txt",
]
WORDS = (
    "migrants border officials training return labour shelter region census "
    "reintegration families workers ministry protection survey"
).split()


def write_pages(folder, count, seed=1):
    """N distinct pages in the real shapes: each news page gets its own title
    (and so its own old address), each office page its own office name."""
    sys.path.insert(0, str(PROJECT))
    from iomsite.legacy.parsing import decode_page, parse_page

    rng = random.Random(seed)
    shapes = []
    for name in TEMPLATES:
        raw = (FIXTURES / name).read_bytes()
        page = parse_page(raw, filename=name)
        if page.office:
            markers = [page.office.name]
        else:
            markers = [" ".join(item.title.split()[:3]) for item in page.articles]
        shapes.append((name, decode_page(raw), markers))
    for number in range(count):
        name, text, markers = shapes[number % len(shapes)]
        tag = f"{number} {rng.choice(WORDS)} {rng.choice(WORDS)}"
        for marker in markers:
            text = text.replace(marker, f"{tag} {marker}", 1)
        text = text.replace("/news/", f"/news/{number}-")
        encoding = "cp1252" if "cp1252" in name else "utf-8"
        (folder / f"page-{number:06d}{Path(name).suffix}").write_bytes(
            text.encode(encoding, errors="replace")
        )


def fresh_database(url, workdir):
    if not url:
        return f"sqlite:///{workdir / 'bench.sqlite3'}"
    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    for statement in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", admin, "-qc", statement], check=True)
    return url


def manage(env, *args):
    """Run a management command; its exit status, seconds and own peak memory
    (MiB), read from the child's rusage alone."""
    started = time.perf_counter()
    # What the command prints (a warning per page or so) goes nowhere: it is
    # still written, so its cost counts, but it would bury the table.
    child = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, time.perf_counter() - started, usage.ru_maxrss / 1024


def measure(count, database_url):
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        pages, empty = workdir / "pages", workdir / "empty"
        pages.mkdir()
        empty.mkdir()
        write_pages(pages, count)
        env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "benchmark-only-not-a-secret-" + "x" * 30,
            "DATABASE_URL": fresh_database(database_url, workdir),
        }
        manage(env, "migrate", "--noinput", "-v0")
        # The baseline, in the same run: the command with nothing to import.
        _, startup, startup_mib = manage(env, "import_legacy", str(empty), "-v0")
        exit_status, elapsed, peak_mib = manage(env, "import_legacy", str(pages))
        return {
            "pages": count,
            "seconds": elapsed,
            "pages_per_second": count / elapsed,
            "startup": startup,
            "import_pages_per_second": count / (elapsed - startup),
            "startup_mib": startup_mib,
            "peak_mib": peak_mib,
            "exit_status": exit_status,
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--database-url", default="")
    options = parser.parse_args()
    rows = [measure(count, options.database_url) for count in options.sizes]
    database = (
        options.database_url.split("://")[0] if options.database_url else "sqlite"
    )
    print(f"\nimport_legacy on {database}")
    print(
        f"{'pages':>8} {'seconds':>8} {'pages/s':>8} {'start-up':>9} "
        f"{'import/s':>9} {'MiB idle':>9} {'MiB peak':>9} {'exit':>5}"
    )
    for row in rows:
        print(
            f"{row['pages']:>8} {row['seconds']:>8.1f} "
            f"{row['pages_per_second']:>8.0f} "
            f"{row['startup']:>8.1f}s {row['import_pages_per_second']:>9.0f} "
            f"{row['startup_mib']:>9.0f} {row['peak_mib']:>9.0f} "
            f"{row['exit_status']:>5}"
        )
    print(
        "pages/s: the whole command; import/s: without its start-up (the same "
        "command on an empty folder). MiB idle: that empty run's peak memory."
    )


if __name__ == "__main__":
    main()
