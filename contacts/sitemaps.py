from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Contact, Office


class OfficeSitemap(Sitemap):
    """Each public office. Contacts have no page of their own: they are listed
    on the directory and on their office's page."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Office.objects.published()

    def lastmod(self, office):
        return office.updated

    def get_latest_lastmod(self):
        """The last change to the directory, which lists offices and contacts."""
        dates = [
            Office.objects.published().aggregate(latest=Max("updated"))["latest"],
            Contact.objects.published().aggregate(latest=Max("updated"))["latest"],
        ]
        return max(filter(None, dates), default=None)
