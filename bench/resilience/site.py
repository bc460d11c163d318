"""The site under test: its content, the pages visitors load, and gunicorn as
``make serve`` starts it (iomsite/gunicorn.conf.py, WEB_CONCURRENCY workers)."""

import io
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

from .. import sites

DRAFT_SOURCE = ""  # written in the admin: the publish action dates it now
DRAFT_TITLE = "Resilience bench draft"
IMAGES = 8
ARTICLE_PAGES = 400
READY_TIMEOUT = 90
SUPERUSER = "bench-publisher"


def prepare(articles, drafts, *, log):
    """Migrate; ``articles`` generated articles; the demo content; a few
    articles with images (media files to back up); ``drafts`` drafts for the
    publisher; a superuser. Returns the superuser's password.

    Call sites.setup_django() first.
    """
    from django.core.management import call_command
    from django.db import connection

    sites.prepare(articles, log=log)
    log("Importing the demo content…")
    demo = sites.PROJECT / "iomsite" / "demo" / "legacy"
    call_command("import_legacy", str(demo), contacts="public", verbosity=0)
    log(f"Adding {IMAGES} images and {drafts} drafts…")
    add_images()
    add_drafts(drafts)
    password = secrets.token_urlsafe(16)
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser(
        SUPERUSER, "publisher@example.org", password
    )
    connection.close()
    return password


def add_images():
    from PIL import Image

    from articles.models import Article

    for number, article in enumerate(
        Article.objects.published().order_by("pk")[:IMAGES]
    ):
        buffer = io.BytesIO()
        Image.effect_noise((640, 400), 40 + number).convert("RGB").save(
            buffer, format="JPEG"
        )
        article.image.save(f"bench-{number}.jpg", buffer, save=False)
        article.image_alt = f"Noise {number}"
        article.save()


def add_drafts(count):
    from articles.models import Article

    Article.objects.bulk_create(
        Article(
            title=f"{DRAFT_TITLE} {number}",
            slug=f"resilience-bench-draft-{number}",
            status=Article.Status.DRAFT,
            kind=Article.Kind.NEWS,
            language="en",
            summary="Published by the resilience benchmark.",
            body="<p>Published by the resilience benchmark.</p>",
            source=DRAFT_SOURCE,
        )
        for number in range(count)
    )


def drafts():
    """(pk, path) of the drafts, in the order the publisher takes them."""
    from articles.models import Article

    queryset = Article.objects.filter(title__startswith=DRAFT_TITLE).order_by("pk")
    return [(article.pk, article.get_absolute_url()) for article in queryset]


def article_paths():
    """Every published article, in the English and the Spanish interface."""
    from articles.models import Article

    slugs = Article.objects.published().values_list("slug", flat=True)
    return [f"{prefix}/news/{slug}/" for slug in slugs for prefix in ("", "/es")]


def visitor_paths(article_pages=ARTICLE_PAGES):
    """The pages visitors ask for most, in English (no prefix) and Spanish
    (/es/): home, lists with filters, feeds, searches, a sitemap and
    ``article_pages`` articles.
    """
    from django.utils import translation

    from articles.models import Article

    common = [
        "/",
        "/news/",
        "/news/?" + urlencode({"kind": "statement"}),
        "/news/?" + urlencode({"year": 2015}),
        sites.filtered_news_path(),
        "/news/?page=2",
        "/search/?" + urlencode({"q": "migration"}),
        "/search/?" + urlencode({"q": "trata de personas"}),
        "/programmes/",
        "/contacts/",
        "/news/feed/",
        "/news/feed/atom/",
    ]
    paths = [*common, *(f"/es{path}" for path in common), "/sitemap.xml"]
    articles = Article.objects.published().order_by("?")[:article_pages]
    for article in articles:
        with translation.override(article.language):
            paths.append(article.get_absolute_url())
    return paths


def warm(base_url, paths, *, threads=4):
    """Every page of the mix asked for once, so that each row starts with the
    page cache full. Returns the statuses other than 200, by path."""
    from concurrent.futures import ThreadPoolExecutor

    def status(path):
        try:
            with urllib.request.urlopen(base_url + path, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None

    with ThreadPoolExecutor(threads) as pool:
        answers = dict(zip(paths, pool.map(status, paths), strict=True))
    return {path: answer for path, answer in answers.items() if answer != 200}


def serve_environment(env, port, workers):
    return {
        **env,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
    }


def start_gunicorn(env, log_path):
    """gunicorn as ``make serve`` runs it, its access and error log in a file."""
    log = open(log_path, "ab")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "iomsite/gunicorn.conf.py"],
        env=env,
        cwd=sites.PROJECT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    return process


def stop_gunicorn(process):
    process.terminate()
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.log.close()


def wait_until_ready(base_url, process):
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit status {process.returncode}).")
        try:
            with urllib.request.urlopen(base_url + "/", timeout=10):
                return
        except urllib.error.HTTPError as error:
            raise SystemExit(f"{base_url}/ answered {error.code}.") from error
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{base_url} did not answer within {READY_TIMEOUT} s.")


def manage(env, *arguments, timeout=900):
    """``manage.py`` in a child process with ``env``; its output on failure."""
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        env=env,
        cwd=sites.PROJECT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise SystemExit(
            f"manage.py {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def child_environment(env, **changes):
    child = {**env, **changes}
    return {name: value for name, value in child.items() if value is not None}


def cores():
    return os.cpu_count() or 1
