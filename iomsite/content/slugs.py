"""Slugs that would hide a page of the site: the words of its app's other
addresses.

An article's address is ``/news/<slug>/``; the news feeds live beside it
(``/news/feed/``, ``/news/feed/programme/<slug>/atom/``, …), matched first, so
an article with the slug "feed" could never be reached. Every fixed word of an
app's URL patterns (``feed``, ``atom``, ``programme``, ``country`` for the news;
``people`` for the contacts) is reserved, read from the patterns themselves so
that a new route reserves its words too.
"""

import re
from importlib import import_module

from django.urls import NoReverseMatch, reverse
from django.urls.resolvers import RoutePattern
from django.utils.translation import gettext as _

WORD_RE = re.compile(r"[-\w]+\Z")


def reserved_slugs(model):
    """The fixed words of the URL patterns of ``model``'s app, lowercased."""
    urls = import_module(f"{model._meta.app_label}.urls")
    words = set()
    for pattern in urls.urlpatterns:
        if not isinstance(pattern.pattern, RoutePattern):
            continue
        for segment in str(pattern.pattern).split("/"):
            if segment and "<" not in segment and WORD_RE.match(segment):
                words.add(segment.lower())
    return frozenset(words)


def reserved_slug_errors(obj):
    """``{"slug": message}`` when ``obj``'s slug is reserved, else ``{}``: for
    a model's ``clean()``."""
    slug = (obj.slug or "").lower()
    reserved = reserved_slugs(type(obj))
    if slug not in reserved:
        return {}
    app_label = obj._meta.app_label
    try:
        prefix = reverse(f"{app_label}:list")
    except NoReverseMatch:
        prefix = "/"
    return {
        "slug": _(
            "“%(slug)s” cannot be used: the site’s own addresses under "
            "%(prefix)s use this word (reserved: %(words)s). Choose another "
            "slug, for example “%(example)s”."
        )
        % {
            "slug": obj.slug,
            "prefix": prefix,
            "words": ", ".join(sorted(reserved)),
            "example": f"{slug}-{obj._meta.model_name}",
        }
    }
