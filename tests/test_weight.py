"""The weight of each page type's first load, as a browser receives it: the
HTML as the site sends it (compressed), plus every stylesheet, script and font
it asks for, compressed as WhiteNoise serves them. Images apart. A byte count,
not a stopwatch: the budget is the issue's 45 KB.

And the HTML is compressed only when it holds no secret (BREACH): never with a
CSRF token in it, never for a signed-in user.
"""

import gzip
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.urls import reverse

from .browser.pages import STATUS, load_demo_content, public_pages

pytestmark = pytest.mark.django_db

BUDGET = 45 * 1024
# What a page of each type may weigh at most, HTML apart: a guard against a
# framework creeping back in.
ASSETS_BUDGET = 12 * 1024
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def demo_content(db):
    load_demo_content()


def static_file(url):
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), url
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{url} is not a static file"
    with open(found, "rb") as file:
        return file.read()


def first_load(client, path, status):
    """(bytes of the HTML as sent, {asset url: bytes as sent})."""
    response = client.get(path, **GZIP)
    assert response.status_code == status, path
    assert response["Content-Encoding"] == "gzip", path
    html = gzip.decompress(response.content).decode()
    soup = BeautifulSoup(html, "html.parser")
    urls = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    urls += [script["src"] for script in soup.select("script[src]")]
    assets = {}
    for url in urls:
        content = static_file(url)
        # Fonts a stylesheet asks for are part of the first load too.
        for font in re.findall(rb"url\(['\"]?([^'\")]+\.woff2?)", content):
            assets[font.decode()] = len(static_file(font.decode()))
        assets[url] = len(gzip.compress(content, compresslevel=9))
    return len(response.content), assets


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_every_page_types_first_load_is_within_the_budget(client, language):
    weights = {}
    for name, path in public_pages().items():
        if name in ("gone", "gone-es", "api-docs"):
            continue
        if language != settings.LANGUAGE_CODE:
            path = f"/{language}{path}"
        html, assets = first_load(client, path, STATUS.get(name, 200))
        weights[name] = (html, sum(assets.values()), assets)

    over = {
        name: f"{html} B of HTML + {asset_bytes} B of {', '.join(assets)}"
        for name, (html, asset_bytes, assets) in weights.items()
        if html + asset_bytes > BUDGET or asset_bytes > ASSETS_BUDGET
    }
    assert not over, over
    # No script at all: nothing on these pages needs one.
    assert all(
        not any(url.endswith(".js") for url in assets)
        for _, _, assets in weights.values()
    )


def test_the_budget_counts_what_is_sent(client):
    """The count above is of real bytes: a page that asks for Bootstrap's CSS
    and JavaScript (the site's first load before) is over the budget."""
    html, assets = first_load(client, reverse("home"), 200)
    bootstrap = sum(
        len(gzip.compress(static_file(f"{settings.STATIC_URL}{path}"), 9))
        for path in (
            "bootstrap/css/bootstrap.min.css",
            "bootstrap/js/bootstrap.bundle.min.js",
        )
    )
    assert html + sum(assets.values()) < BUDGET < html + bootstrap + 30 * 1024
    assert html < 8 * 1024


def test_a_page_with_a_csrf_token_is_not_compressed(client):
    response = client.get(reverse("admin:login"), **GZIP)

    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.text
    assert not response.has_header("Content-Encoding")


def test_pages_for_a_signed_in_user_are_not_compressed(client):
    client.force_login(get_user_model().objects.create_user("editor", is_staff=True))
    response = client.get(reverse("home"), **GZIP)

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_anonymous_pages_are_compressed_with_random_padding(client):
    """Django's gzip adds a random number of bytes (a BREACH mitigation):
    the same page comes out in different lengths."""
    lengths = {
        len(client.get(reverse("articles:list"), **GZIP).content) for _ in range(8)
    }
    assert len(lengths) > 1
