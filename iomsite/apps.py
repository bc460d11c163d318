from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IomsiteConfig(AppConfig):
    name = "iomsite"
    verbose_name = _("Site")

    def ready(self):
        # Here rather than on import of iomsite.cache, so that saves made by
        # management commands (import_legacy) also make cached pages stale.
        from . import checks  # noqa: F401  (registers the system checks)
        from .cache import connect_signals

        connect_signals()
