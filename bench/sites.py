"""Setting up the site for a benchmark: production settings, a database with
generated content, collected static files; and the pages to measure."""

import os
import secrets
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

PROJECT = Path(__file__).resolve().parent.parent
SEED = 1


def environment(database_url, workdir, *, cache_backend=None):
    """The site's environment variables: production settings (no DEBUG),
    files in ``workdir``, ``cache_backend`` "dummy" for no cache at all."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_STATIC_ROOT": str(Path(workdir) / "static"),
        "DJANGO_MEDIA_ROOT": str(Path(workdir) / "media"),
        "DJANGO_SETTINGS_MODULE": "iomsite.settings",
        "PYTHONPATH": str(PROJECT),
    }
    env.pop("DJANGO_CACHE_BACKEND", None)
    if cache_backend:
        env["DJANGO_CACHE_BACKEND"] = cache_backend
    return env


def database_url(given, workdir):
    """The database asked for, or a fresh SQLite file in ``workdir``."""
    return given or f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"


def temporary_directory():
    return tempfile.TemporaryDirectory(prefix="iomsite-bench-")


def setup_django(env):
    """Configure Django in this process with ``env``."""
    import django

    os.environ.update(env)
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))
    django.setup()


def prepare(articles, *, log=print):
    """Migrate, make sure ``articles`` generated articles are there (the
    database must hold no real content) and collect the static files.

    Call setup_django() first.
    """
    from django.core.management import CommandError, call_command
    from django.db import connection

    from articles.models import Article
    from iomsite.demo.generator import GENERATED

    log("Migrating…")
    call_command("migrate", interactive=False, verbosity=0)
    present = Article.objects.filter(source__startswith=GENERATED).count()
    if present != articles:
        log(f"Generating {articles} articles (found {present})…")
        try:
            call_command(
                "generate_content",
                articles=articles,
                seed=SEED,
                clear=True,
                verbosity=0,
            )
        except CommandError as error:
            raise SystemExit(f"bench: {error}") from error
        if connection.vendor == "postgresql":
            # Fresh statistics and visibility map, as autovacuum would leave
            # them on a site in use: without, index-only scans read the table.
            log("VACUUM ANALYZE…")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    call_command("collectstatic", interactive=False, verbosity=0)
    connection.close()


def pages():
    """Name and path of the pages measured by bench/run.py."""
    return {
        "home": "/",
        "news": "/news/",
        "filtered news": filtered_news_path(),
        "article": newest_article_path(),
        "search": "/search/?" + urlencode({"q": "migration"}),
    }


def filtered_news_path():
    from programmes.models import Programme

    programme = Programme.objects.published().first()
    query = {"country": "BO"}
    if programme:
        query["programme"] = programme.slug
    return "/news/?" + urlencode(query)


def newest_article_path():
    from articles.models import Article

    article = Article.objects.published().first()
    if article is None:
        raise SystemExit("No published article: use --articles with more than 0.")
    return article.get_absolute_url()
