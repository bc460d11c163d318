from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from iomsite.publishing import cache

        from .models import OfficeProgrammeText, Programme

        cache.watch(Programme, OfficeProgrammeText)
