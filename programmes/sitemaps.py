from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Programme


class ProgrammeSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Programme.objects.published()

    def lastmod(self, programme):
        return programme.updated

    def get_latest_lastmod(self):
        return Programme.objects.published().aggregate(latest=Max("updated"))["latest"]
