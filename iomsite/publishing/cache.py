"""Whole-page caching of public pages, and what keeps it fresh.

Anonymous GET and HEAD responses of public pages are kept in the default cache
under a key made of the *content version*, the language and the full URL
(scheme, host, path and query string). Saving or deleting anything a page shows
sets a new content version, so the next visit renders every page afresh; and no
page is kept past the next scheduled publication, which may change it.

The apps name what their pages show with ``watch()`` and their scheduled
dates with ``watch_schedule()``, from their ``AppConfig.ready()``.

The content version lives in the cache itself, so it is shared by every process
that shares the cache: with the default local-memory cache that is one process,
with Redis (``REDIS_URL``) every app server.
"""

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.csp import get_nonce
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.http import split_directive_names, split_header_value
from django.views.decorators.http import condition

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
# A response may vary on these and still be cached: pages are only cached for
# requests without a session or messages cookie, and the language comes from
# the URL (i18n_patterns with prefix_default_language=False), not the header.
HARMLESS_VARY = {"cookie", "accept-language"}
# A response that varies on Accept (the API: JSON, or 406) is kept once per
# Accept header, under a key that the page's own key points to.
ACCEPT = "accept"
VARIES_ON_ACCEPT = "varies-on-accept"
UNCACHEABLE_CACHE_CONTROL = {"private", "no-cache", "no-store"}


def page_cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def _new_version():
    # The time of the change, for Last-Modified, and a random part: a version
    # must never come back, or pages cached under it would be served again.
    return f"{time.time():.6f}-{secrets.token_hex(4)}"


def _set_new_version():
    try:
        page_cache().set(VERSION_KEY, _new_version(), timeout=None)
    except Exception:
        logger.exception("Could not mark the cached pages stale.")


def bump_content_version():
    """Make every cached page stale.

    Model signals call it; call it yourself after a change that sends none,
    such as ``queryset.update()`` in an admin action.
    """
    _set_new_version()
    # Again after the commit: a page rendered from the old rows between the
    # first bump and the commit must not be kept under the current version.
    transaction.on_commit(_set_new_version)


def content_version():
    """The current content version (started now if the cache has none), or
    None when the cache cannot be reached."""
    cache = page_cache()
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = _new_version()
            if not cache.add(VERSION_KEY, version, timeout=None):
                version = cache.get(VERSION_KEY, version)
    except Exception:
        logger.warning("The page cache cannot be reached.", exc_info=True)
        return None
    return version


# The date fields, and the rows they count on, at which what visitors see
# changes with nobody saving anything (a scheduled article goes live, or leaves
# at its unpublish date): [(function returning the rows, fields)], from
# watch_schedule().
SCHEDULED_DATES = []


def watch(*models):
    """Make every cached page stale whenever one of ``models`` is saved or
    deleted, or its relations change: what public pages show, and the old
    addresses (a page retired with a "gone" redirect must not be served from
    the cache). Apps call it from ``AppConfig.ready()``, so that saves made by
    management commands (import_legacy) count too."""
    for model in models:
        label = model._meta.label
        post_save.connect(
            _content_saved_or_deleted,
            sender=model,
            dispatch_uid=f"page-cache-save-{label}",
        )
        post_delete.connect(
            _content_saved_or_deleted,
            sender=model,
            dispatch_uid=f"page-cache-delete-{label}",
        )
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                _relations_changed,
                sender=through,
                dispatch_uid=f"page-cache-m2m-{through._meta.label}",
            )


def watch_schedule(rows, fields):
    """Keep no page past the next date in ``fields`` of ``rows()`` (a
    queryset), at which what visitors see changes by itself."""
    entry = (rows, tuple(fields))
    if entry not in SCHEDULED_DATES:
        SCHEDULED_DATES.append(entry)


@dataclass(frozen=True)
class Schedule:
    last_change: datetime | None  # the last scheduled change that came due
    next_change: datetime | None  # the next one to come

    def holds_at(self, now):
        return (self.last_change is None or self.last_change <= now) and (
            self.next_change is None or now < self.next_change
        )


def schedule_from_database(now):
    """The last scheduled change that came due and the next one, each read
    with an ORDER BY … LIMIT 1 that an index answers."""
    last_changes, next_changes = [], []
    for rows, fields in SCHEDULED_DATES:
        for field in fields:
            dates = (
                rows()
                .filter(**{f"{field}__isnull": False})
                .values_list(field, flat=True)
            )
            last_changes.append(
                dates.filter(**{f"{field}__lte": now}).order_by(f"-{field}").first()
            )
            next_changes.append(
                dates.filter(**{f"{field}__gt": now}).order_by(field).first()
            )
    return Schedule(
        last_change=max(filter(None, last_changes), default=None),
        next_change=min(filter(None, next_changes), default=None),
    )


def current_schedule(now, version):
    """The Schedule around ``now``, from the database once per content version:
    it stays true until its next change comes, or content changes."""
    key = f"schedule:{version}"
    try:
        known = page_cache().get(key) if version else None
    except Exception:
        known = None
    if known is not None and known.holds_at(now):
        return known
    current = schedule_from_database(now)
    if version:
        try:
            page_cache().set(key, current, settings.CACHE_MIDDLEWARE_SECONDS)
        except Exception:
            logger.warning("The page cache cannot be reached.", exc_info=True)
    return current


def content_changed_at(now=None):
    """When what visitors see last changed: the last save anywhere (the time of
    the content version) or the last scheduled change that came due.

    Coarse, since any save counts for every page, but never too early: a page
    shows related news, programme names and contacts as well as its object.
    After the cache is emptied the version starts anew, so clients fetch each
    page once more.
    """
    now = now or timezone.now()
    version = content_version()
    saved_at = (
        datetime.fromtimestamp(float(version.partition("-")[0]), tz=UTC)
        if version
        else now
    )
    came_due = current_schedule(now, version).last_change
    # Another server's clock may run ahead; Last-Modified is never in the future.
    return min(max(filter(None, [saved_at, came_due])), now)


def content_last_modified(request, *args, **kwargs):
    return content_changed_at()


# Conditional GET for views whose Last-Modified is the site's last change.
conditional_on_content = condition(last_modified_func=content_last_modified)


def page_timeout(now, version):
    """Seconds a page rendered at ``now`` may be kept: the default timeout,
    cut short by the next scheduled change."""
    timeout = settings.CACHE_MIDDLEWARE_SECONDS
    next_change = current_schedule(now, version).next_change
    if next_change is not None:
        # Rounded down: the page must be gone by the time the change is due.
        timeout = min(timeout, int((next_change - now).total_seconds()))
    return timeout


def page_cache_key(request, version, language):
    url = cache_key_url(request)
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page:{version}:{language}:{digest}"


def reads_query(*names):
    """Declare the query parameters a view reads: the page cache keys its
    pages on those alone, so that ``?x=1`` (or any other parameter) is served
    the cached page rather than making a new one for each value."""

    def declare(view):
        view.query_parameters = frozenset(names)
        return view

    return declare


def cache_key_url(request):
    """The URL a page is cached under: scheme, host, path, and the query
    parameters its view reads (``reads_query``; a ``FilterView`` reads its
    filters and ``page``), sorted. A view that declares nothing keys on the
    whole query string."""
    try:
        # i18n_patterns match /es/… only with Spanish active.
        with translation.override(page_language(request)):
            match = resolve(request.path_info)
    except Resolver404:
        return request.build_absolute_uri()
    view = getattr(match.func, "view_class", match.func)
    names = getattr(view, "query_parameters", None)
    filterset_class = getattr(view, "filterset_class", None)
    if names is None and filterset_class is not None:
        names = {*filterset_class.base_filters, getattr(view, "page_kwarg", "page")}
    if names is None:
        return request.build_absolute_uri()
    query = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name in names
        for value in values
    )
    return f"{request.build_absolute_uri(request.path)}?{urlencode(query)}"


def is_anonymous_request(request):
    # Decided from the cookies, without loading the session: a visitor never
    # has a session; staff, and anyone with a pending message, have one.
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def is_cacheable_response(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    cache_control = set(split_directive_names(response.get("Cache-Control", "")))
    if cache_control & UNCACHEABLE_CACHE_CONTROL:
        return False
    if varies_on(response) - HARMLESS_VARY - {ACCEPT}:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or messages.added_new):
        return False
    # A CSP nonce in the page belongs to this response only.
    return not get_nonce(request)


def varies_on(response):
    return {header.lower() for header in split_header_value(response.get("Vary", ""))}


def accept_variant_key(key, request):
    accept = request.headers.get("Accept", "")
    return f"{key}:accept:{hashlib.sha256(accept.encode()).hexdigest()}"


def page_language(request):
    """The language the page at this URL is in, known before LocaleMiddleware
    runs: the URL's prefix, or the default language (i18n_patterns with
    prefix_default_language=False)."""
    return (
        translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    )


@dataclass
class PageCacheEntry:
    key: str
    version: str
    started_at: datetime
    variant_key: str | None = None


class PublicPageCacheMiddleware:
    """Serves anonymous GET/HEAD requests of public pages from the cache.

    It goes near the top of MIDDLEWARE, outside every middleware that may set a
    cookie or a Vary header, so that it sees them before storing a response;
    a page found in the cache is answered without running them at all.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        entry = self.entry_for(request)
        if entry is None:
            return self.get_response(request)
        try:
            cached = page_cache().get(entry.key)
        except Exception:
            logger.warning("The page cache cannot be reached.", exc_info=True)
            return self.get_response(request)
        if cached == VARIES_ON_ACCEPT:
            entry.variant_key = accept_variant_key(entry.key, request)
            try:
                cached = page_cache().get(entry.variant_key)
            except Exception:
                cached = None
        if cached is not None:
            return cached
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            if ACCEPT in varies_on(response):
                self.store(entry, VARIES_ON_ACCEPT)
                entry.key = entry.variant_key or accept_variant_key(entry.key, request)
            self.store(entry, response)
        return response

    def entry_for(self, request):
        """Where this request's page is kept, or None if it is not for the
        cache: not a GET/HEAD, from staff or a visitor with a session, or for
        the admin."""
        if request.method not in ("GET", "HEAD") or not is_anonymous_request(request):
            return None
        if request.path_info.startswith(self.admin_prefix):
            return None
        version = content_version()
        if version is None:
            return None
        return PageCacheEntry(
            key=page_cache_key(request, version, page_language(request)),
            version=version,
            started_at=timezone.now(),
        )

    def store(self, entry, response):
        timeout = page_timeout(entry.started_at, entry.version)
        if timeout <= 0:
            return
        try:
            page_cache().set(entry.key, response, timeout)
        except Exception:
            logger.warning("The page cache cannot be reached.", exc_info=True)


def _content_saved_or_deleted(sender, **kwargs):
    bump_content_version()


def _relations_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_content_version()
