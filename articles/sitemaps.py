from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language

from iomsite.publishing.languages import url_in

from .models import Article


class ArticleAddresses:
    """The (article, its language) pairs of a query, read a slice at a time."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return self.queryset.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [(article, article.language) for article in self.queryset[index]]
        article = self.queryset[index]
        return (article, article.language)


class ArticleSitemap(Sitemap):
    """Each published article, at its address in its own language only.

    The interface exists in both languages, but an article's text does not:
    /es/news/<slug>/ of an English article is the same article in a Spanish
    frame, so it is not listed, and its page names the English address as
    canonical. The two halves of a translation pair (``translation_of``) name
    each other as alternates, with the English one as x-default.
    """

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Article.objects.published().only(
            "slug", "language", "published_at", "updated"
        )

    def _items(self):
        # One address an article, in its language: the paginator counts and
        # slices the query, where Sitemap's own i18n list would hold every
        # article for each page of the sitemap.
        return ArticleAddresses(self.items())

    def location(self, article):
        # One reverse() a language rather than three an address: they were
        # most of the time of a page of the sitemap.
        language = get_language()
        prefixes = self.__dict__.setdefault("prefixes", {})
        if language not in prefixes:
            path = reverse("articles:detail", kwargs={"slug": "-"})
            prefixes[language] = path[: -len("-/")]
        return f"{prefixes[language]}{iri_to_uri(article.slug)}/"

    def get_languages_for_item(self, article):
        return [article.language]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        counterparts = self.counterparts([url["item"][0].pk for url in urls])
        if not counterparts:
            return urls
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            article, _language = url["item"]
            other = counterparts.get(article.pk)
            if other is None:
                continue
            pair = {
                article.language: url_in(article, article.language),
                other.language: url_in(other, other.language),
            }
            alternates = [
                {"location": base + pair[code], "lang_code": code}
                for code, _name in settings.LANGUAGES
                if code in pair
            ]
            if settings.LANGUAGE_CODE in pair:
                alternates.append(
                    {
                        "location": base + pair[settings.LANGUAGE_CODE],
                        "lang_code": "x-default",
                    }
                )
            url["alternates"] = alternates
        return urls

    def counterparts(self, ids):
        """{article id: the other half} of each published translation pair
        with an article of ``ids`` in it."""
        translations = (
            Article.objects.published()
            .filter(translation_of__in=Article.objects.published())
            .filter(Q(pk__in=ids) | Q(translation_of__in=ids))
            .select_related("translation_of")
            .only(
                "slug",
                "language",
                "translation_of",
                "translation_of__slug",
                "translation_of__language",
            )
        )
        found = {}
        for translation in translations:
            original = translation.translation_of
            found[translation.pk] = original
            found[original.pk] = translation
        return found

    def lastmod(self, article):
        return max(filter(None, [article.updated, article.published_at]))

    def get_latest_lastmod(self):
        dates = Article.objects.published().aggregate(
            updated=Max("updated"), published=Max("published_at")
        )
        return max(filter(None, dates.values()), default=None)
