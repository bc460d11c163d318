from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand

from iomsite.ops.sites import apply_site_settings


class Command(BaseCommand):
    help = (
        "Set the current site's domain and name from DJANGO_SITE_DOMAIN and "
        "DJANGO_SITE_NAME (or replace Django's example.com). Safe to run again."
    )

    def handle(self, *args, **options):
        site, changed = apply_site_settings(Site)
        if options["verbosity"] >= 1:
            state = "set" if changed else "unchanged"
            self.stdout.write(f"Site {site.pk}: {site.domain} ({site.name}), {state}.")
