import pytest
from django.core.checks import run_checks

from iomsite.checks import configured_workers

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
    }
}


def errors():
    return [
        message.id
        for message in run_checks(tags=["caches"])
        if message.id == "iomsite.E001"
    ]


def test_several_workers_without_a_shared_cache_is_an_error(settings, monkeypatch):
    settings.DEBUG = False
    settings.CACHES = LOCMEM
    monkeypatch.setenv("WEB_CONCURRENCY", "3")

    assert errors() == ["iomsite.E001"]


def test_a_shared_cache_one_worker_or_debug_pass(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    settings.CACHES = REDIS
    assert errors() == []

    settings.CACHES = LOCMEM
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    assert errors() == []

    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    settings.DEBUG = True
    assert errors() == []


def test_workers_as_gunicorn_counts_them():
    assert configured_workers({}) == 1
    assert configured_workers({"WEB_CONCURRENCY": "5"}) == 5
    assert configured_workers({"WEB_CONCURRENCY": "many"}) == 1


def concurrency_errors():
    return [
        message.id
        for message in run_checks(tags=["workers"])
        if message.id == "iomsite.E002"
    ]


@pytest.mark.parametrize("value", ["many", "0", "-2", "2.5"])
def test_workers_must_be_a_positive_whole_number(monkeypatch, value):
    monkeypatch.setenv("WEB_CONCURRENCY", value)

    assert concurrency_errors() == ["iomsite.E002"]


@pytest.mark.parametrize("value", [None, "", "1", "12"])
def test_an_unset_or_positive_count_passes(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    else:
        monkeypatch.setenv("WEB_CONCURRENCY", value)

    assert concurrency_errors() == []
