from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from iomsite.publishing.languages import url_in

from .models import Article


class ArticleSitemap(Sitemap):
    """Each published article, at its address in its own language only.

    The interface exists in every language, but an article's text does not:
    /es/news/<slug>/ of an English article is the same article in a Spanish
    frame, so it is not listed, and its page names the English address as
    canonical. The articles of a translation group name each other as
    alternates, with the English one as x-default.
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
            others = counterparts.get(article.pk)
            if not others:
                continue
            group = {article.language: url_in(article, article.language)}
            group |= {
                translation.language: url_in(translation, translation.language)
                for translation in others
            }
            alternates = [
                {"location": base + group[code], "lang_code": code}
                for code, _name in settings.LANGUAGES
                if code in group
            ]
            if settings.LANGUAGE_CODE in group:
                alternates.append(
                    {
                        "location": base + group[settings.LANGUAGE_CODE],
                        "lang_code": "x-default",
                    }
                )
            url["alternates"] = alternates
        return urls

    def counterparts(self):
        """{article id: [the other published articles of its group]}."""
        grouped = (
            Article.objects.published()
            .filter(translation_group__isnull=False)
            .order_by("translation_group", "pk")
            .only("slug", "language", "translation_group")
        )
        groups = defaultdict(list)
        for article in grouped:
            groups[article.translation_group_id].append(article)
        found = {}
        for members in groups.values():
            for article in members:
                others = [
                    other
                    for other in members
                    if other.pk != article.pk and other.language != article.language
                ]
                if others:
                    found[article.pk] = others
        return found

    def lastmod(self, article):
        return max(filter(None, [article.updated, article.published_at]))

    def get_latest_lastmod(self):
        dates = Article.objects.published().aggregate(
            updated=Max("updated"), published=Max("published_at")
        )
        return max(filter(None, dates.values()), default=None)
