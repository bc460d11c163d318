"""A bare Django, the yardstick of bench/run.py: no middleware, no database,
one view that answers a page of the size asked for. It is served by the same
gunicorn command as the site, with DJANGO_SETTINGS_MODULE=bench.bare."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import path

DEBUG = False
SECRET_KEY = "bench-bare-site-has-no-secrets"
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = __name__
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True

MAX_SIZE = 10 * 1024 * 1024
PREFIX = b"<!DOCTYPE html><html lang=en><title>Bare</title><p>"


def page(request, size):
    if size > MAX_SIZE:
        return HttpResponseBadRequest()
    body = (PREFIX + b"x" * size)[:size]
    return HttpResponse(body, content_type="text/html; charset=utf-8")


urlpatterns = [path("bytes/<int:size>/", page)]
