from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IomsiteConfig(AppConfig):
    name = "iomsite"
    verbose_name = _("Site")

    def ready(self):
        from django.contrib.redirects.models import Redirect

        from . import checks  # noqa: F401  (registers the system checks)
        from .publishing import cache

        # Old addresses: a page retired with a "gone" redirect must not be
        # served from the page cache.
        cache.watch(Redirect)
