from collections import defaultdict
from functools import cached_property
from types import SimpleNamespace

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import F
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.translation import override

from iomsite.publishing.languages import url_in

from .models import Article


class ArticlePages:
    """The pages of the articles' sitemap by ranges of ids: the articles whose
    id is in ((B-1)×limit, B×limit], at most ``limit`` of them, read through
    the primary key's index. Counting and skipping rows (a paginator's OFFSET)
    took 350 ms for the last page of 100,000 articles. Page N is the N-th
    range holding a published article, so that no page is empty (ids leave
    gaps: deleted articles, drafts, a sequence that did not start at 1)."""

    def __init__(self, queryset, limit):
        self.queryset, self.limit = queryset, limit

    @cached_property
    def ranges(self):
        """The ranges B - 1 that hold published articles, in order."""
        return list(
            self.queryset.order_by()
            .annotate(range=(F("pk") - 1) / self.limit)
            .values_list("range", flat=True)
            .distinct()
            .order_by("range")
        )

    @property
    def num_pages(self):
        return max(1, len(self.ranges))

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page contains no results")
        if not self.ranges:
            return SimpleNamespace(object_list=[])
        start = self.ranges[number - 1] * self.limit
        articles = self.queryset.filter(
            pk__gt=start, pk__lte=start + self.limit
        ).order_by("pk")
        return SimpleNamespace(
            object_list=[(article, article.language) for article in articles]
        )


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

    @property
    def paginator(self):
        # One address an article, in its language: pages by ranges of ids,
        # where Sitemap's own paginator would list every article for each page.
        return ArticlePages(self.items(), self.limit)

    def _urls(self, page, protocol, domain):
        """Sitemap._urls for articles, each in its one language: the addresses
        made from one reverse() a language, not three an article (with a
        language switched on and off for each), which were most of the time
        of a page."""
        base = f"{protocol}://{domain}"
        prefixes = {}
        for code, _name in settings.LANGUAGES:
            with override(code):
                path = reverse("articles:detail", kwargs={"slug": "-"})
            prefixes[code] = base + path[: -len("-/")]
        urls = []
        for article, language in self.paginator.page(page).object_list:
            location = f"{prefixes[language]}{iri_to_uri(article.slug)}/"
            alternates = [{"location": location, "lang_code": language}]
            if self.x_default and language == settings.LANGUAGE_CODE:
                alternates.append({"location": location, "lang_code": "x-default"})
            urls.append(
                {
                    "item": (article, language),
                    "location": location,
                    "lastmod": self.lastmod(article),
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        return urls

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

    def counterparts(self, ids):
        """{article id: [the other published articles of its group]} for the
        articles of ``ids`` (one page of the sitemap) that are in a group: two
        queries on indexes, never a pass over every grouped article."""
        group_ids = list(
            Article.objects.filter(pk__in=ids, translation_group__isnull=False)
            .values_list("translation_group", flat=True)
            .distinct()
        )
        if not group_ids:
            return {}
        grouped = (
            Article.objects.published()
            .filter(translation_group__in=group_ids)
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
        # Each from the end of its index, rather than Max() over every row.
        published = Article.objects.published()
        dates = [
            published.filter(**{f"{field}__isnull": False})
            .order_by(f"-{field}")
            .values_list(field, flat=True)
            .first()
            for field in ("updated", "published_at")
        ]
        return max(filter(None, dates), default=None)
