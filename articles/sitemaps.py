from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Article


class ArticleSitemap(Sitemap):
    """Each published article, at its address in its own language only.

    The interface exists in both languages, but an article's text does not
    (translation pairs come later): /es/news/<slug>/ of an English article is
    the same article in a Spanish frame, so it is not listed, and its page names
    the English address as canonical.
    """

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Article.objects.published().only(
            "slug", "language", "published_at", "updated"
        )

    def get_languages_for_item(self, article):
        return [article.language]

    def lastmod(self, article):
        return max(filter(None, [article.updated, article.published_at]))

    def get_latest_lastmod(self):
        dates = Article.objects.published().aggregate(
            updated=Max("updated"), published=Max("published_at")
        )
        return max(filter(None, dates.values()), default=None)
