"""``/healthz`` for load balancers and process supervisors: 200 when the
database (and Redis, when the cache is on Redis) answers, 503 naming what did
not. Never cached, by the page cache or anyone else."""

import redis
from django.conf import settings
from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def database_answers(connection):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def redis_locations():
    """The Redis servers of the configured caches."""
    for cache in settings.CACHES.values():
        if cache["BACKEND"] == REDIS_BACKEND:
            location = cache["LOCATION"]
            yield from [location] if isinstance(location, str) else location


def redis_answers(url):
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


@never_cache
def healthz(request):
    checks = {
        f"database:{alias}": database_answers(connections[alias])
        for alias in connections
    }
    checks.update(
        {
            f"redis:{index}": redis_answers(url)
            for index, url in enumerate(redis_locations())
        }
    )
    failed = sorted(name for name, answers in checks.items() if not answers)
    return JsonResponse(
        {"status": "fail" if failed else "ok", "failed": failed},
        status=503 if failed else 200,
    )
