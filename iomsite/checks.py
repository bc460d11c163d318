"""System checks of a production configuration (``manage.py check``, and
every ``migrate``)."""

import os

from django.conf import settings
from django.core import checks

# Caches that each process keeps for itself: with several workers, each would
# serve pages another worker knows to be stale.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}


def configured_workers(environ=os.environ):
    """gunicorn's worker count: WEB_CONCURRENCY, else gunicorn's default of 1."""
    try:
        return int(environ.get("WEB_CONCURRENCY") or 1)
    except ValueError:
        return 1


@checks.register(checks.Tags.caches, deploy=False)
def shared_cache_for_several_workers(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    workers = configured_workers()
    if settings.DEBUG or workers < 2 or backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Error(
            f"WEB_CONCURRENCY={workers} workers would each keep their own page "
            "cache and serve pages the others know to be stale.",
            hint="Set REDIS_URL so that every worker shares one cache, or run "
            "one worker (WEB_CONCURRENCY=1).",
            id="iomsite.E001",
        )
    ]
