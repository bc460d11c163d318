from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("About pages")

    def ready(self):
        from iomsite.publishing import cache

        from .models import Page

        cache.watch(Page)
