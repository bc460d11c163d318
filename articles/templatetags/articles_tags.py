from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..models import Article

register = template.Library()

DEFAULT_COUNT = 3


@register.inclusion_tag("articles/_latest_articles.html")
def latest_articles(count=DEFAULT_COUNT, programme=None, office=None):
    """The newest published articles as cards, optionally only those of a
    programme and/or an office.

    ``{% latest_articles 3 programme=programme office=office %}``: ``count`` is
    a number (a string of digits will do); ``programme`` and ``office`` are
    instances, primary keys or slugs, and an empty value means "any". Given a
    published ``Programme`` instance, a link to its news in the list follows.
    """
    try:
        count = max(int(count), 0)
    except (TypeError, ValueError):
        count = DEFAULT_COUNT
    articles = Article.objects.published()
    articles = _filter_by(articles, "programmes", programme)
    articles = _filter_by(articles, "offices", office)
    more_url = None
    if getattr(programme, "is_published", False):
        query = urlencode({"programme": programme.slug})
        more_url = f"{reverse('articles:list')}?{query}"
    return {
        "articles": articles.defer("body").prefetch_related("programmes")[:count],
        "programme": programme if more_url else None,
        "more_url": more_url,
    }


def _filter_by(articles, relation, value):
    if value in (None, ""):
        return articles
    if hasattr(value, "pk"):
        return articles.filter(**{relation: value.pk})
    if isinstance(value, int):
        return articles.filter(**{relation: value})
    return articles.filter(**{f"{relation}__slug": str(value)})


@register.filter
def public_programmes(programmes):
    """The published ones among (prefetched) programmes, without a query."""
    return [programme for programme in programmes if programme.is_published]
