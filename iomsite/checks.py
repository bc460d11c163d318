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


@checks.register("workers", deploy=False)
def web_concurrency_is_a_count(app_configs, **kwargs):
    """gunicorn.conf.py would stop at an unreadable WEB_CONCURRENCY only once
    ``make serve`` had migrated; this stops ``migrate`` first, and says why."""
    value = os.environ.get("WEB_CONCURRENCY", "").strip()
    if not value or (value.isdigit() and int(value) > 0):
        return []
    return [
        checks.Error(
            f"WEB_CONCURRENCY={value!r} is not a number of gunicorn workers.",
            hint="Set it to a whole number above 0, such as 3, or leave it unset "
            "for 2 × cores + 1.",
            id="iomsite.E002",
        )
    ]
