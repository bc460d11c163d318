from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Contacts")

    def ready(self):
        from iomsite.publishing import cache

        from .models import Contact, KeyFigure, Office

        cache.watch(Office, KeyFigure, Contact)
