"""The Sites framework's one site (``SITE_ID``), kept in step with the
settings: its domain is what the admin's "View on site" links and any absolute
link made without a request use (pages, feeds, sitemaps and vCards use the
host they were asked on).

Applied by migration iomsite.0006 (so that a new database never holds Django's
"example.com") and by ``manage.py set_site_domain`` (on every deploy: ``make
migrate`` runs it).
"""

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management.color import no_style
from django.db import connection
from django.utils import translation

# What django.contrib.sites makes when it finds no site.
PLACEHOLDER = "example.com"


def fallback_domain():
    """The first host of ALLOWED_HOSTS that names one host, else localhost."""
    for host in settings.ALLOWED_HOSTS:
        host = host.lstrip(".")
        if host and "*" not in host:
            return host
    return "localhost"


def site_name():
    with translation.override(settings.LANGUAGE_CODE):
        return str(settings.SITE_NAME)[:50]


def apply_site_settings(site_model):
    """Make the current site's row match the settings: ``(site, changed)``.

    With ``DJANGO_SITE_DOMAIN`` set (``settings.SITE_DOMAIN``), the deployment
    owns the row: domain and name follow the settings. Without it, a domain
    set in the admin ("Sites") is kept, and only Django's placeholder is
    replaced, by the first host of ALLOWED_HOSTS.
    """
    domain = settings.SITE_DOMAIN.strip()
    site = site_model.objects.filter(pk=settings.SITE_ID).first()
    if site is None:
        site = site_model.objects.create(
            pk=settings.SITE_ID, domain=domain or fallback_domain(), name=site_name()
        )
        # An explicit primary key: the sequence must move past it, as
        # django.contrib.sites does when it makes its own.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [site_model]):
                cursor.execute(sql)
        changed = True
    else:
        wanted = {}
        if domain:
            wanted = {"domain": domain, "name": site_name()}
        elif site.domain == PLACEHOLDER:
            wanted = {"domain": fallback_domain(), "name": site_name()}
        changed = any(getattr(site, key) != value for key, value in wanted.items())
        if changed:
            for key, value in wanted.items():
                setattr(site, key, value)
            site.save()
    # The current site is cached per process; a migration's model sends no
    # signal to clear it.
    Site.objects.clear_cache()
    return site, changed
