"""The sitemap of every public page: an index at /sitemap.xml naming one
sitemap per section (/sitemap-articles.xml, …), each in pages of at most
``LIMIT`` addresses (``?p=2``, …), so that no document grows with the site
past what a request can make in a moment, or past the format's 50,000.

Languages: the interface is bilingual, so every page exists under /es/ as well
and is listed in both languages with hreflang alternates and an x-default (the
English address, which has no prefix); articles are the exception, listed only
in their own language (see ArticleSitemap). Addresses use the host the sitemap
was asked on, as robots.txt, feeds and canonical links do, so the Sites
framework's domain need not be kept in step.
"""

import datetime
from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from articles.sitemaps import ArticleSitemap
from contacts.sitemaps import OfficeSitemap
from programmes.sitemaps import ProgrammeSitemap

from .publishing.cache import reads_query

# Addresses per document (a section's page), each with its alternates: at
# most the 10,000 a request makes in a moment; 1,000 keep a page of the
# articles' sitemap well under 200 ms uncached (bench/sitemap.py).
LIMIT = 1_000


class StaticViewSitemap(Sitemap):
    """The home page and the lists, each as new as the newest thing it shows."""

    i18n = True
    alternates = True
    x_default = True
    limit = LIMIT
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


def section_sitemap(name):
    sitemap = sitemaps[name]()
    sitemap.limit = min(sitemap.limit, LIMIT)
    return sitemap


@x_robots_tag
@reads_query()
def index(request):
    """The sitemap index: each section's sitemap, a page at a time, dated by
    its newest change (as ``django.contrib.sitemaps.views.index``, with the
    host the index was asked on)."""
    entries = []
    for name in sitemaps:
        sitemap = section_sitemap(name)
        location = request.build_absolute_uri(
            reverse("sitemap-section", kwargs={"section": name})
        )
        lastmod = sitemap.get_latest_lastmod()
        entries.append(SitemapIndexItem(location, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            entries.append(SitemapIndexItem(f"{location}?p={page}", lastmod))
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": entries},
        content_type="application/xml",
    )


@x_robots_tag
@reads_query("p")
def section(request, section):
    """One page of a section's sitemap; 404 for a section or page that is not
    there."""
    if section not in sitemaps:
        raise Http404("No sitemap of that name")
    sitemap = section_sitemap(section)
    try:
        urls = sitemap.get_urls(
            page=request.GET.get("p", 1),
            site=RequestSite(request),
            protocol=request.scheme,
        )
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of the sitemap") from error
    return HttpResponse(urlset_xml(urls), content_type="application/xml")


def urlset_xml(urls):
    """What django.contrib.sitemaps' sitemap.xml template writes, written
    here: the template took three quarters of the time of a page of 1,000
    addresses (its ``date`` filter above all)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps'
        '.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for url in urls:
        lines.append(f"<url><loc>{escape(url['location'])}</loc>")
        if lastmod := url.get("lastmod"):
            lines.append(f"<lastmod>{w3c_date(lastmod)}</lastmod>")
        if changefreq := url.get("changefreq"):
            lines.append(f"<changefreq>{escape(changefreq)}</changefreq>")
        if priority := url.get("priority"):
            lines.append(f"<priority>{escape(priority)}</priority>")
        for alternate in url.get("alternates", ()):
            language, location = alternate["lang_code"], alternate["location"]
            lines.append(
                f'<xhtml:link rel="alternate" hreflang="{escape(language)}"'
                f' href="{escape(location)}"/>'
            )
        lines.append("</url>")
    lines.append("</urlset>\n")
    return "".join(lines)


def w3c_date(value):
    """The day of ``value`` where the site is, as the template's
    ``date:"Y-m-d"`` gives it."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d")
