"""RSS 2.0 and Atom feeds of the news: all of it, per programme, per country.

Every item carries the whole article; an undated article has no publication
date in the feed (none is invented) and is dated by its last update only.
"""

import copy
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from django_countries import countries
from django_countries.fields import Country

from iomsite.content.text import without_controls
from iomsite.publishing.cache import conditional_on_content
from programmes.models import Programme

from .filters import countries_include
from .models import Article

FEED_SIZE = 20


def clean(value):
    if isinstance(value, list | tuple):
        return [without_controls(part) for part in value]
    return without_controls(value)


class FullContentAtom1Feed(Atom1Feed):
    """Atom with the whole article in <content>; <summary> keeps the summary."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class LatestArticlesFeed(Feed):
    """The latest published news, in full (RSS 2.0)."""

    def __call__(self, request, *args, **kwargs):
        # One instance answers every request: a copy that knows its request
        # makes links with the host the feed was asked on, as pages do.
        feed = copy.copy(self)
        feed.request = request
        return conditional_on_content(feed.respond)(request, *args, **kwargs)

    def respond(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Syndication dates a feed by its newest item, which misses an item
        # taken out or a programme renamed: conditional_on_content dates it by
        # the site's last change instead.
        response.headers.pop("Last-Modified", None)
        return response

    def get_feed(self, obj, request):
        # Text saved before control characters were removed on save: XML 1.0
        # cannot hold them, and one would fail the whole feed.
        feed = super().get_feed(obj, request)
        feed.feed = {key: clean(value) for key, value in feed.feed.items()}
        feed.items = [
            {key: clean(value) for key, value in item.items()} for item in feed.items
        ]
        return feed

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def articles(self):
        return Article.objects.published().prefetch_related("programmes")

    def items(self):
        return self.articles()[:FEED_SIZE]

    def title(self):
        return _("%(site)s: news") % {"site": settings.SITE_NAME}

    def description(self):
        return _(
            "News, press releases and statements of IOM, the UN Migration "
            "Agency, in South America."
        )

    def link(self):
        return self.absolute(reverse("articles:list"))

    def feed_url(self):
        return self.absolute(self.request.path)

    def author_name(self):
        return settings.SITE_NAME

    def author_link(self):
        return self.absolute(reverse("home"))

    def item_title(self, article):
        # Plain text, escaped once as XML, like the channel's title: readers
        # (feedparser among them) show an RSS title as text, so a second
        # escaping would reach them as "&#x27;".
        return article.title

    def item_link(self, article):
        return self.absolute(article.get_absolute_url())

    def item_description(self, article):
        return self.full_content(article)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated

    def item_categories(self, article):
        return [
            programme.title
            for programme in article.programmes.all()
            if programme.is_published
        ]

    def full_content(self, article):
        """The article as its page shows it: image, summary, then the body
        (cleaned by iomsite.content.sanitize whenever it is saved)."""
        parts = []
        if article.image:
            parts.append(
                format_html(
                    '<p><img src="{}" alt="{}"></p>',
                    self.absolute(article.image.url),
                    article.image_alt,
                )
            )
        if article.summary:
            parts.append(format_html("<p><strong>{}</strong></p>", article.summary))
        parts.append(article.body)
        return "".join(parts)


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = FullContentAtom1Feed

    def subtitle(self):
        return self.description()

    def item_description(self, article):
        return escape(article.summary) if article.summary else None

    def item_extra_kwargs(self, article):
        return {"content": self.full_content(article)}


class ProgrammeArticlesFeed(LatestArticlesFeed):
    """The news of one published programme."""

    def get_object(self, request, slug):
        return get_object_or_404(Programme.objects.published(), slug=slug)

    def items(self, programme):
        return self.articles().filter(programmes=programme)[:FEED_SIZE]

    def title(self, programme):
        return _("%(site)s: news about %(programme)s") % {
            "site": settings.SITE_NAME,
            "programme": programme.title,
        }

    def description(self, programme):
        return _("News of IOM in South America about %(programme)s.") % {
            "programme": programme.title
        }

    def link(self, programme):
        query = urlencode({"programme": programme.slug})
        return self.absolute(f"{reverse('articles:list')}?{query}")


class ProgrammeArticlesAtomFeed(ProgrammeArticlesFeed, LatestArticlesAtomFeed):
    def subtitle(self, programme):
        return self.description(programme)


class CountryArticlesFeed(LatestArticlesFeed):
    """The news about one country, by its ISO code (any case)."""

    def get_object(self, request, code):
        code = code.upper()
        if code not in countries:
            raise Http404(f"No country with the code {code!r}.")
        return Country(code=code)

    def items(self, country):
        return self.articles().filter(countries_include(country.code))[:FEED_SIZE]

    def title(self, country):
        return _("%(site)s: news about %(country)s") % {
            "site": settings.SITE_NAME,
            "country": country.name,
        }

    def description(self, country):
        return _("News of IOM in South America about %(country)s.") % {
            "country": country.name
        }

    def link(self, country):
        query = urlencode({"country": country.code})
        return self.absolute(f"{reverse('articles:list')}?{query}")


class CountryArticlesAtomFeed(CountryArticlesFeed, LatestArticlesAtomFeed):
    def subtitle(self, country):
        return self.description(country)
