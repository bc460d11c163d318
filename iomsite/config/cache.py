from django.core.exceptions import ImproperlyConfigured


def cache_settings(environ, debug=False):
    """CACHES from the environment: local memory by default; Redis when
    REDIS_URL is set, so that every app server shares one cache (and one content
    version); DJANGO_CACHE_BACKEND=dummy turns caching off. In DEBUG without
    Redis the cache is off: the development server's memory cache would hide
    what an import run beside it changed."""
    redis_url = environ.get("REDIS_URL", "")
    backend = environ.get("DJANGO_CACHE_BACKEND") or (
        "redis" if redis_url else "dummy" if debug else "locmem"
    )
    if backend == "redis":
        if not redis_url:
            raise ImproperlyConfigured("DJANGO_CACHE_BACKEND=redis needs REDIS_URL.")
        default = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "iomsite",
            # A Redis that is down slows pages by a second, never stops them.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    elif backend == "locmem":
        default = {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "iomsite",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    elif backend == "dummy":
        default = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    else:
        raise ImproperlyConfigured(
            f"DJANGO_CACHE_BACKEND must be locmem, redis or dummy, not {backend!r}."
        )
    return {"default": default}
