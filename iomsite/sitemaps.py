"""The sitemap of every public page, at /sitemap.xml.

Languages: the interface is bilingual, so every page exists under /es/ as well
and is listed in both languages with hreflang alternates and an x-default (the
English address, which has no prefix); articles are the exception, listed only
in their own language (see ArticleSitemap). Addresses use the host the sitemap
was asked on, as robots.txt, feeds and canonical links do, so the Sites
framework's domain need not be kept in step.
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.requests import RequestSite
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.sitemaps import ArticleSitemap
from contacts.sitemaps import OfficeSitemap
from programmes.sitemaps import ProgrammeSitemap


class StaticViewSitemap(Sitemap):
    """The home page and the lists, each as new as the newest thing it shows."""

    i18n = True
    alternates = True
    x_default = True
    shows = {
        "home": [ArticleSitemap, ProgrammeSitemap, OfficeSitemap],
        "articles:list": [ArticleSitemap],
        "programmes:list": [ProgrammeSitemap],
        "contacts:list": [OfficeSitemap],
    }

    def items(self):
        return list(self.shows)

    def location(self, name):
        return reverse(name)

    @cached_property
    def latest(self):
        return {
            section: section().get_latest_lastmod()
            for section in {
                section for sections in self.shows.values() for section in sections
            }
        }

    def lastmod(self, name):
        dates = [self.latest[section] for section in self.shows[name]]
        return max(filter(None, dates), default=None)


sitemaps = {
    "pages": StaticViewSitemap,
    "articles": ArticleSitemap,
    "programmes": ProgrammeSitemap,
    "offices": OfficeSitemap,
}


@x_robots_tag
def sitemap(request):
    """django.contrib.sitemaps' sitemap, with the request's host.

    One document: the site has far fewer than the 50,000 addresses a sitemap
    may hold; a sitemap index will be needed before it does.
    """
    site = RequestSite(request)
    urls = []
    for section in sitemaps.values():
        urls += section().get_urls(site=site, protocol=request.scheme)
    return TemplateResponse(
        request, "sitemap.xml", {"urlset": urls}, content_type="application/xml"
    )
