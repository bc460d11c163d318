"""The public page cache (iomsite/publishing/cache.py) and static files' lifetimes."""

import socket
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.templatetags.static import static
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import http_date

from articles.models import Article
from iomsite.config.cache import cache_settings
from iomsite.publishing.cache import (
    PublicPageCacheMiddleware,
    content_version,
    is_cacheable_response,
    page_timeout,
)

from ..factories import (
    ArticleFactory,
    KeyFigureFactory,
    OfficeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

NEWS = "/news/"
REDIS_TEST_URL = "redis://127.0.0.1:6379/15"


def query_count(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    return user


# Served from the cache


def test_second_anonymous_request_is_served_from_the_cache(
    client, django_assert_num_queries
):
    ArticleFactory(title="Floods in the Chaco")
    first = client.get(NEWS)
    assert first.status_code == 200
    assert "Floods in the Chaco" in first.text

    with django_assert_num_queries(0):
        second = client.get(NEWS)

    assert second.status_code == 200
    assert second.content == first.content


def test_head_request_is_served_from_the_cached_get(client, django_assert_num_queries):
    ArticleFactory()
    client.get(NEWS)

    with django_assert_num_queries(0):
        response = client.head(NEWS)

    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/", NEWS, "/programmes/", "/contacts/", "/news/feed/", "/sitemap.xml"],
)
def test_public_pages_are_cached(client, url, django_assert_num_queries):
    ArticleFactory()
    assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_detail_pages_feeds_and_vcards_are_cached(client, django_assert_num_queries):
    article = ArticleFactory()
    office = OfficeFactory()
    urls = [
        article.get_absolute_url(),
        office.get_absolute_url(),
        reverse("contacts:office-vcard", kwargs={"slug": office.slug}),
        reverse("articles:feed-atom"),
    ]
    for url in urls:
        client.get(url)
    for url in urls:
        with django_assert_num_queries(0):
            assert client.get(url).status_code == 200


def test_key_includes_the_language(client):
    ArticleFactory()
    assert '<html lang="en">' in client.get(NEWS).text

    response = client.get("/es/news/")

    assert '<html lang="es">' in response.text
    assert response["Content-Language"] == "es"


def test_key_includes_the_whole_query_string(client):
    articles = [ArticleFactory(title=f"Item number {n}") for n in range(13)]
    oldest = min(articles, key=lambda article: article.published_at)
    first_page = client.get(NEWS).text
    assert oldest.title not in first_page

    second_page = client.get(f"{NEWS}?page=2").text
    filtered = client.get(f"{NEWS}?page=2&kind=statement").text

    assert oldest.title in second_page
    assert oldest.title not in filtered


# Fresh as soon as anything changes


def test_saving_an_article_shows_at_once(client):
    article = ArticleFactory(title="Old title")
    client.get(article.get_absolute_url())
    client.get(NEWS)

    article.title = "New title"
    article.save()

    assert "New title" in client.get(article.get_absolute_url()).text
    assert "New title" in client.get(NEWS).text


def test_unpublishing_an_article_hides_it_at_once(client):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url()).status_code == 200

    article.status = Article.Status.DRAFT
    article.save()

    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.get_absolute_url() not in client.get(NEWS).text


def test_deleting_an_article_hides_it_at_once(client):
    article = ArticleFactory(title="Soon gone")
    assert "Soon gone" in client.get(NEWS).text

    article.delete()

    assert "Soon gone" not in client.get(NEWS).text


def test_adding_a_programme_to_an_article_shows_at_once(client):
    article = ArticleFactory()
    programme = ProgrammeFactory(title="Border management")
    assert "Border management" not in client.get(article.get_absolute_url()).text

    article.programmes.add(programme)

    assert "Border management" in client.get(article.get_absolute_url()).text


def test_a_new_key_figure_shows_at_once(client):
    office = OfficeFactory()
    assert "Returnees assisted" not in client.get(office.get_absolute_url()).text

    KeyFigureFactory(office=office, label="Returnees assisted")

    assert "Returnees assisted" in client.get(office.get_absolute_url()).text


def test_unpublishing_in_the_admin_shows_at_once(client, admin_client):
    article = ArticleFactory(title="Published by mistake")
    assert "Published by mistake" in client.get(NEWS).text

    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", ACTION_CHECKBOX_NAME: [article.pk]},
    )

    assert response.status_code == 302
    assert "Published by mistake" not in client.get(NEWS).text


def test_version_is_started_once_and_kept(client):
    version = content_version()
    assert version == content_version()
    client.get(NEWS)
    assert content_version() == version

    ArticleFactory()

    assert content_version() != version


# Never cached


def test_staff_response_is_not_stored(client, editor):
    article = ArticleFactory(title="Before")
    staff = Client()
    staff.force_login(editor)
    staff.get(NEWS)

    # update() sends no signal: only a page rendered afresh can show it.
    Article.objects.filter(pk=article.pk).update(title="After")

    assert "After" in client.get(NEWS).text


def test_staff_is_not_served_the_anonymous_page(client, editor):
    article = ArticleFactory(title="Before")
    client.get(NEWS)
    Article.objects.filter(pk=article.pk).update(title="After")
    staff = Client()
    staff.force_login(editor)

    response, queries = query_count(staff, NEWS)

    assert queries > 0
    assert "After" in response.text
    assert "Before" in client.get(NEWS).text


def test_request_with_a_pending_message_is_not_served_from_the_cache(client):
    ArticleFactory()
    client.get(NEWS)
    client.cookies["messages"] = "pending"

    _response, queries = query_count(client, NEWS)

    assert queries > 0


def test_admin_pages_are_not_cached(client):
    login = reverse("admin:login")
    first = client.get(login)
    client.cookies.clear()
    second = client.get(login)

    assert first.status_code == second.status_code == 200
    # Each carries its own masked CSRF token: a cached copy would repeat it.
    assert first.content != second.content


def test_preview_is_not_cached(client, editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(editor)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert not is_cacheable_response(response.wsgi_request, response)


def test_what_may_be_stored():
    request = RequestFactory().get(NEWS)
    assert is_cacheable_response(request, HttpResponse("page"))

    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("csrftoken", "secret")
    never = HttpResponse("page")
    add_never_cache_headers(never)
    negotiated = HttpResponse("page")
    patch_vary_headers(negotiated, ["Accept-Encoding"])
    not_found = HttpResponse("page", status=404)
    for response in (with_cookie, never, negotiated, not_found):
        assert not is_cacheable_response(request, response)

    head = RequestFactory().head(NEWS)
    assert not is_cacheable_response(head, HttpResponse(""))


def test_post_is_never_answered_from_the_cache():
    request = RequestFactory().post(NEWS)
    middleware = PublicPageCacheMiddleware(lambda request: HttpResponse())
    assert middleware.entry_for(request) is None


# Scheduled items are on time


def test_scheduled_article_appears_when_its_time_comes(client):
    now = timezone.now()
    ArticleFactory(title="Scheduled item", published_at=now + timedelta(seconds=60))
    with time_machine.travel(now, tick=False):
        assert "Scheduled item" not in client.get(NEWS).text
    with time_machine.travel(now + timedelta(seconds=30), tick=False):
        response, queries = query_count(client, NEWS)
        assert queries == 0
        assert "Scheduled item" not in response.text

    with time_machine.travel(now + timedelta(seconds=60), tick=False):
        assert "Scheduled item" in client.get(NEWS).text


def test_article_leaves_at_its_unpublish_date(client):
    now = timezone.now()
    article = ArticleFactory(
        title="Call for tenders", unpublish_at=now + timedelta(seconds=90)
    )
    with time_machine.travel(now, tick=False):
        assert "Call for tenders" in client.get(NEWS).text
        assert client.get(article.get_absolute_url()).status_code == 200

    with time_machine.travel(now + timedelta(seconds=90), tick=False):
        assert "Call for tenders" not in client.get(NEWS).text
        assert client.get(article.get_absolute_url()).status_code == 404


def test_page_timeout_stops_at_the_next_scheduled_change(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    now = timezone.now()
    version = content_version()
    assert page_timeout(now, version) == 600

    ArticleFactory(published_at=now + timedelta(seconds=42, milliseconds=500))
    ArticleFactory(status=Article.Status.DRAFT, published_at=now + timedelta(seconds=5))

    assert page_timeout(now, content_version()) == 42


# Conditional GET


def test_article_page_answers_304_until_something_changes(client):
    article = ArticleFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        response = client.get(article.get_absolute_url())
        last_modified = response["Last-Modified"]
        assert last_modified == http_date(int(start.timestamp()))

        not_modified = client.get(
            article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=last_modified
        )
        assert not_modified.status_code == 304

    with time_machine.travel(start + timedelta(seconds=5), tick=False):
        article.title = "Corrected title"
        article.save()
        modified = client.get(
            article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=last_modified
        )

    assert modified.status_code == 200
    assert "Corrected title" in modified.text
    assert modified["Last-Modified"] == http_date(int(start.timestamp()) + 5)


def test_article_page_answers_304_to_its_etag(client):
    article = ArticleFactory()
    etag = client.get(article.get_absolute_url())["ETag"]

    response = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304


def test_hidden_article_is_404_whatever_the_client_has(client):
    article = ArticleFactory(status=Article.Status.DRAFT)
    response = client.get(
        article.get_absolute_url(),
        HTTP_IF_MODIFIED_SINCE=http_date(timezone.now().timestamp() + 3600),
    )
    assert response.status_code == 404
    assert not response.has_header("Last-Modified")


# Backends


def test_cache_settings_from_the_environment():
    assert cache_settings({})["default"]["BACKEND"].endswith("LocMemCache")
    redis = cache_settings({"REDIS_URL": REDIS_TEST_URL})["default"]
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == REDIS_TEST_URL
    dummy = cache_settings({"DJANGO_CACHE_BACKEND": "dummy", "REDIS_URL": "x"})
    assert dummy["default"]["BACKEND"] == "django.core.cache.backends.dummy.DummyCache"
    for environ in ({"DJANGO_CACHE_BACKEND": "redis"}, {"DJANGO_CACHE_BACKEND": "x"}):
        with pytest.raises(ImproperlyConfigured):
            cache_settings(environ)


def test_dummy_backend_turns_caching_off(client, settings):
    settings.CACHES = cache_settings({"DJANGO_CACHE_BACKEND": "dummy"})
    ArticleFactory()
    client.get(NEWS)

    _response, queries = query_count(client, NEWS)

    assert queries > 0


def redis_is_reachable():
    address = urlsplit(REDIS_TEST_URL)
    try:
        socket.create_connection((address.hostname, address.port), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_is_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_redis_backend(client, settings, django_assert_num_queries):
    settings.CACHES = cache_settings({"REDIS_URL": REDIS_TEST_URL})
    cache = caches["default"]
    cache.clear()
    try:
        article = ArticleFactory(title="Shared between servers")
        assert "Shared between servers" in client.get(NEWS).text
        with django_assert_num_queries(0):
            assert "Shared between servers" in client.get(NEWS).text

        article.title = "Changed on another server"
        article.save()

        assert "Changed on another server" in client.get(NEWS).text
    finally:
        cache.clear()


def test_pages_are_served_while_the_cache_is_down(client, settings):
    settings.CACHES = cache_settings({"REDIS_URL": "redis://127.0.0.1:1/0"})
    article = ArticleFactory(title="Still here")

    assert "Still here" in client.get(NEWS).text
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get(reverse("articles:feed")).status_code == 200


def test_cache_middleware_sits_outside_cookie_and_vary_middleware(settings):
    middleware = settings.MIDDLEWARE
    cache = middleware.index("iomsite.publishing.cache.PublicPageCacheMiddleware")
    for inner in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.locale.LocaleMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ):
        assert cache < middleware.index(inner)
    # Pages answered from the cache get their 304 too.
    assert middleware.index("django.middleware.http.ConditionalGetMiddleware") < cache


# Static files


def test_hashed_static_files_are_served_immutable(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    # A new client loads the middleware anew: WhiteNoise reads STATIC_ROOT then.
    client = Client()

    hashed_url = static("bootstrap/css/bootstrap.min.css")
    assert hashed_url != "/static/bootstrap/css/bootstrap.min.css"
    hashed = client.get(hashed_url, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/static/css/site.css")

    assert hashed.status_code == 200
    assert hashed["Cache-Control"] == "max-age=315360000, public, immutable"
    assert hashed["Content-Encoding"] == "gzip"
    assert plain.status_code == 200
    assert plain["Cache-Control"] == f"max-age={settings.WHITENOISE_MAX_AGE}, public"
