import socket

import pytest
from django.db import connections
from django.db.utils import ConnectionHandler
from django.urls import reverse

from iomsite.ops.health import database_answers

URL = "/healthz"


def closed_port():
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_cache(location):
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": location,
    }


def test_address():
    assert reverse("healthz") == URL


@pytest.mark.django_db
def test_answers_200_when_the_database_answers(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "failed": []}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_is_never_served_from_the_page_cache(client, settings):
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0")}
    assert client.get(URL).status_code == 503
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    # The 503 was not kept: the next answer is asked anew.
    assert client.get(URL).status_code == 200


@pytest.mark.django_db
def test_answers_503_when_redis_does_not(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": redis_cache(f"redis://127.0.0.1:{closed_port()}/0"),
    }

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json() == {"status": "fail", "failed": ["redis:0"]}


@pytest.mark.django_db
def test_answers_200_when_redis_answers(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": redis_cache("redis://127.0.0.1:6379/0"),
    }
    try:
        import redis

        redis.Redis(socket_connect_timeout=1).ping()
    except Exception:
        pytest.skip("no Redis on 127.0.0.1:6379")

    assert client.get(URL).status_code == 200


@pytest.mark.django_db
def test_a_database_that_is_down_does_not_answer():
    """A real failed connection, to a port nothing listens on."""
    down = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "iomsite",
                "USER": "postgres",
                "HOST": "127.0.0.1",
                "PORT": closed_port(),
                "OPTIONS": {"connect_timeout": 1},
            }
        }
    )["default"]

    assert database_answers(down) is False


@pytest.mark.django_db
def test_the_database_answers():
    assert database_answers(connections["default"]) is True
