from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IomsiteConfig(AppConfig):
    name = "iomsite"
    verbose_name = _("Site")

    def ready(self):
        from django.conf import settings
        from django.contrib.redirects.models import Redirect

        from . import checks  # noqa: F401  (registers the system checks)
        from .editorial.versions import version_every_language
        from .publishing import cache

        version_every_language([code for code, _name in settings.LANGUAGES])

        # Old addresses: a page retired with a "gone" redirect must not be
        # served from the page cache.
        cache.watch(Redirect)
