"""A redirect sends visitors to a path of the site or an https:// address,
never to a script, another host by a trick of slashes, or round in a loop."""

import pytest
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site

from iomsite.admin import RedirectForm

pytestmark = pytest.mark.django_db


def form(old_path, new_path, instance=None):
    site = Site.objects.get_current()
    return RedirectForm(
        {"site": site.pk, "old_path": old_path, "new_path": new_path},
        instance=instance,
    )


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//other.host/",
        "/\\other.host/",
        "http://other.host/",
        "https://",
        "news/relative/",
        "/news/a\x0bb/",
        "/news/ x/",
    ],
)
def test_targets_other_than_a_path_or_https_are_refused(target):
    bound = form("/old/", target)

    assert not bound.is_valid()
    assert bound.errors["new_path"][0].startswith("Give a path of this site")


@pytest.mark.parametrize(
    "target", ["/news/new-story/", "https://www.iom.int/news", "", "/es/contacts/"]
)
def test_paths_https_addresses_and_gone_are_accepted(target):
    assert form("/old/", target).is_valid()


def test_a_redirect_to_itself_is_a_loop():
    bound = form("/old/", "/old")

    assert not bound.is_valid()
    assert "loop" in bound.errors["__all__"][0]


def test_a_redirect_back_through_another_is_a_loop():
    site = Site.objects.get_current()
    Redirect.objects.create(site=site, old_path="/b/", new_path="/c/")
    Redirect.objects.create(site=site, old_path="/c/", new_path="/a/")

    bound = form("/a/", "/b/")

    assert not bound.is_valid()
    assert "/a/ → /b/ → /c/ → /a/" in bound.errors["__all__"][0]
    assert form("/a/", "/c-new/").is_valid()


def test_editing_a_redirect_is_not_a_loop_with_its_old_self():
    site = Site.objects.get_current()
    redirect = Redirect.objects.create(site=site, old_path="/a/", new_path="/b/")

    assert form("/a/", "/d/", instance=redirect).is_valid()
