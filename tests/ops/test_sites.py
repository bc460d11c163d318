"""The Sites framework's domain comes from the settings (DJANGO_SITE_DOMAIN),
so that nothing says "example.com"."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.urls import reverse

from iomsite.ops.sites import PLACEHOLDER

from ..factories import ArticleFactory, ContactFactory

pytestmark = pytest.mark.django_db

DOMAIN = "www.iom.example.org"


def set_site_domain():
    call_command("set_site_domain", verbosity=0)
    return Site.objects.get_current()


def test_a_migrated_database_has_no_placeholder_site():
    """Migration iomsite.0006 made the site before django.contrib.sites
    could make its example.com."""
    site = Site.objects.get()
    assert site.domain != PLACEHOLDER
    assert site.name == "IOM South America"


def test_the_command_sets_the_domain_and_name_from_the_settings(settings, capsys):
    settings.SITE_DOMAIN = DOMAIN
    settings.SITE_NAME = "IOM Regional Office"

    call_command("set_site_domain")
    assert capsys.readouterr().out == (
        f"Site 1: {DOMAIN} (IOM Regional Office), set.\n"
    )
    call_command("set_site_domain")
    assert capsys.readouterr().out == (
        f"Site 1: {DOMAIN} (IOM Regional Office), unchanged.\n"
    )
    assert Site.objects.get_current().domain == DOMAIN
    assert Site.objects.count() == 1


def test_without_the_setting_a_domain_set_in_the_admin_is_kept(settings):
    settings.SITE_DOMAIN = ""
    Site.objects.filter(pk=1).update(domain="iom.example.net", name="Ours")
    Site.objects.clear_cache()
    site = set_site_domain()
    assert (site.domain, site.name) == ("iom.example.net", "Ours")


def test_without_the_setting_the_placeholder_gives_way_to_the_allowed_host(settings):
    settings.SITE_DOMAIN = ""
    settings.ALLOWED_HOSTS = [".iom.example.org", "*"]
    Site.objects.filter(pk=1).update(domain=PLACEHOLDER, name=PLACEHOLDER)
    Site.objects.clear_cache()
    site = set_site_domain()
    assert (site.domain, site.name) == ("iom.example.org", "IOM South America")


def test_the_command_makes_a_missing_site_and_new_sites_still_get_ids(settings):
    settings.SITE_DOMAIN = DOMAIN
    Site.objects.all().delete()
    site = set_site_domain()
    assert (site.pk, site.domain) == (1, DOMAIN)
    other = Site.objects.create(domain="other.example.org", name="Other")
    assert other.pk != 1


def test_view_on_site_goes_to_the_site_domain(settings, admin_client):
    settings.SITE_DOMAIN = DOMAIN
    set_site_domain()
    article = ArticleFactory(slug="on-site")
    content_type = ContentType.objects.get_for_model(article)

    response = admin_client.get(
        reverse("admin:view_on_site", args=[content_type.pk, article.pk])
    )

    assert response.status_code == 302
    assert response["Location"] == f"http://{DOMAIN}/news/on-site/"


def test_feeds_sitemaps_and_vcards_use_the_host_asked_for(client):
    """They have a request: its host, never the Sites domain, even one left
    at the placeholder."""
    Site.objects.filter(pk=1).update(domain=PLACEHOLDER)
    Site.objects.clear_cache()
    ArticleFactory()
    contact = ContactFactory()
    for url in [
        reverse("articles:feed"),
        reverse("articles:feed-atom"),
        reverse("sitemap"),
        reverse("contacts:contact-vcard", kwargs={"pk": contact.pk}),
        reverse("contacts:office-vcard", kwargs={"slug": contact.office.slug}),
    ]:
        text = client.get(url).content.decode()
        assert "http://testserver/" in text, url
        assert PLACEHOLDER not in text, url
