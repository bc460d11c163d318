"""Lighthouse scores of the home page, the news list, an article and an office.

    .venv/bin/python bench/lighthouse.py [--runs N] [--server django] [--keep]

Sets the site up as in production (DEBUG off, static files collected into a
temporary folder and served by WhiteNoise, the page cache on) with the demo
content of ``make run`` in a temporary SQLite database, plus a photo on one
article; serves it with gunicorn when the virtualenv has it, else with Django's
own threaded server (what ``runserver`` uses); runs Lighthouse
(``node_modules/.bin/lighthouse``, mobile profile, simulated throttling) on each
page and prints the four scores, the main metrics and the audits that failed.
With ``--runs N`` each page is measured N times and the median run is kept.
The JSON reports go to bench/results/lighthouse/.

Chromium is /usr/bin/chromium unless CHROME_PATH names another. The exit
status is 1 when a page misses a target: performance 95, accessibility 100,
best practices 95, SEO 100.

Uploaded files are served by WhiteNoise in front of the site (in production
the web server does it); nothing else is added to the site.
"""

import argparse
import io
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
RESULTS = PROJECT / "bench" / "results" / "lighthouse"
DEMO_CONTENT = PROJECT / "iomsite" / "demo" / "legacy"
FEATURED_ARTICLE = "border-officials-peru-trained-identify-victims-trafficking"
PAGES = {
    "home": "/",
    "news": "/news/",
    "article": f"/news/{FEATURED_ARTICLE}/",
    "office": "/contacts/iom-peru/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
READY_TIMEOUT = 60

PHOTO_SCRIPT = """
from django.core.files.uploadedfile import SimpleUploadedFile
from articles.models import Article
from bench.lighthouse import demo_photo

article = Article.objects.get(slug=%(slug)r)
article.image = SimpleUploadedFile(
    "border-post.jpg", demo_photo(), content_type="image/jpeg"
)
article.image_alt = "Border officials in a training room in Tumbes"
article.save()
"""


def demo_photo(size=(1600, 900)):
    """A photo-like picture as JPEG bytes (gradients and grain, which compress
    like a photo)."""
    from PIL import Image, ImageFilter

    light = Image.radial_gradient("L").resize(size)
    grain = Image.effect_noise(size, 40).filter(ImageFilter.GaussianBlur(1))
    picture = Image.merge(
        "RGB", (grain, light, Image.linear_gradient("L").resize(size))
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def media_application():
    """The site with its uploaded files served by WhiteNoise (gunicorn calls
    this factory; the threaded server below uses it too)."""
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from whitenoise import WhiteNoise

    application = get_wsgi_application()
    return WhiteNoise(application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL)


def serve(address):
    """``--serve HOST:PORT``: Django's threaded development server without
    the development conveniences (DEBUG is off)."""
    from django.core.servers.basehttp import run

    host, port = address.rsplit(":", 1)
    run(host, int(port), media_application(), threading=True)


def environment(workdir):
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_SETTINGS_MODULE": "iomsite.settings",
        "DJANGO_CACHE_BACKEND": "locmem",
        "PYTHONPATH": str(PROJECT),
    }


def manage(env, *arguments):
    subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=PROJECT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare(env):
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "import_legacy", str(DEMO_CONTENT), "--contacts", "public")
    manage(env, "publish_demo_pages")
    manage(env, "shell", "-c", PHOTO_SCRIPT % {"slug": FEATURED_ARTICLE})


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env, port, log, kind="auto"):
    gunicorn = PYTHON.parent / "gunicorn"
    if kind == "gunicorn" or (kind == "auto" and gunicorn.exists()):
        command = [
            gunicorn,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "bench.lighthouse:media_application()",
        ]
        name = "gunicorn, 2 workers"
    else:
        command = [PYTHON, Path(__file__).resolve(), "--serve", f"127.0.0.1:{port}"]
        name = "Django's threaded server"
    server = subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The server stopped (exit status {server.returncode}).")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            return server, name
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"The server did not answer within {READY_TIMEOUT} s.")


def lighthouse(url, chrome, output, attempts=3):
    """Lighthouse's report of ``url``. A run that fails to record its trace
    (Lighthouse's NO_NAVSTART and the like, now and then on a busy machine)
    is tried again."""
    command = [
        LIGHTHOUSE,
        url,
        f"--chrome-path={chrome}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
    ]
    for attempt in range(1, attempts + 1):
        if subprocess.run(command).returncode == 0:
            report = json.loads(output.read_text())
            if not report.get("runtimeError"):
                return report
        if attempt < attempts:
            print("  Lighthouse failed: trying again.", flush=True)
    raise SystemExit(f"Lighthouse failed {attempts} times on {url}.")


def scores(report):
    return {
        category: round(report["categories"][category]["score"] * 100)
        for category in CATEGORIES
    }


def failed_audits(report):
    """Audits of the four categories that did not pass, as "id (score)"."""
    ids = {
        reference["id"]
        for category in CATEGORIES
        for reference in report["categories"][category]["auditRefs"]
        if reference.get("weight", 0) > 0 or category != "performance"
    }
    failed = []
    for audit_id in sorted(ids):
        audit = report["audits"][audit_id]
        if audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings") and (
            audit["score"] is not None and audit["score"] < 0.9
        ):
            failed.append(f"{audit_id} ({audit['score']:.2f})")
    return failed


def metrics(report):
    return "  ".join(
        f"{label} {report['audits'][audit_id]['displayValue']}"
        for audit_id, label in METRICS.items()
    )


def median_run(reports):
    """The run whose performance score is the median one."""
    ordered = sorted(reports, key=lambda report: scores(report)["performance"])
    return ordered[(len(ordered) - 1) // 2]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary site folder"
    )
    parser.add_argument(
        "--server",
        choices=["auto", "gunicorn", "django"],
        default="auto",
        help="gunicorn (the default when the virtualenv has it) or Django's server",
    )
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None):
    arguments = parse_args(argv)
    if arguments.serve:
        import django

        django.setup()
        serve(arguments.serve)
        return 0
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` first.")
    if not shutil.which(chrome):
        raise SystemExit(f"No Chromium at {chrome} (set CHROME_PATH).")
    RESULTS.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="iomsite-lighthouse-"))
    try:
        results = measure(workdir, chrome, arguments)
    finally:
        if arguments.keep:
            print(f"The site's files are kept in {workdir}.")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return report(results)


def measure(workdir, chrome, arguments):
    """{page: (median report, [reports])}"""
    env = environment(workdir)
    print(f"Preparing the site in {workdir} …", flush=True)
    prepare(env)
    port = free_port()
    with open(workdir / "server.log", "w") as log:
        server, server_name = start_server(env, port, log, arguments.server)
        try:
            print(f"Serving on http://127.0.0.1:{port}/ ({server_name})", flush=True)
            results = {}
            for name, path in PAGES.items():
                url = f"http://127.0.0.1:{port}{path}"
                runs = []
                for run in range(1, arguments.runs + 1):
                    print(f"Lighthouse: {name} ({run}/{arguments.runs}) …", flush=True)
                    output = RESULTS / f"{name}-{run}.json"
                    runs.append(lighthouse(url, chrome, output))
                results[name] = (median_run(runs), runs)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return results


def report(results):
    out = io.StringIO()
    heading = ["page", *CATEGORIES]
    out.write(f"\n{heading[0]:<10}" + "".join(f"{h:>16}" for h in heading[1:]) + "\n")
    missed = False
    for name, (chosen, runs) in results.items():
        page_scores = scores(chosen)
        cells = []
        for category in CATEGORIES:
            value = page_scores[category]
            spread = ""
            if len(runs) > 1:
                values = [scores(run)[category] for run in runs]
                spread = f" ({min(values)}–{max(values)})"
            mark = "" if value >= TARGETS[category] else " ✗"
            missed = missed or bool(mark)
            cells.append(f"{value}{spread}{mark}")
        out.write(f"{name:<10}" + "".join(f"{cell:>16}" for cell in cells) + "\n")
    out.write(
        "\ntargets: "
        + ", ".join(f"{category} ≥ {TARGETS[category]}" for category in CATEGORIES)
        + "\n"
    )
    for name, (chosen, _runs) in results.items():
        out.write(f"\n{name}: {metrics(chosen)}\n")
        failed = failed_audits(chosen)
        if failed:
            out.write(f"  below 0.9: {', '.join(failed)}\n")
    print(out.getvalue(), end="")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
