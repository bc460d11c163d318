from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from iomsite.publishing.languages import url_in

from .models import Article


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

    def get_languages_for_item(self, article):
        return [article.language]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        counterparts = self.counterparts()
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

    def counterparts(self):
        """{article id: the other half} of each published translation pair."""
        translations = (
            Article.objects.published()
            .filter(translation_of__in=Article.objects.published())
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
