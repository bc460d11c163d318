"""Adding a redirect in the admin: no one-item "Site" choice, a duplicate old
address refused with a message, and a success message that reads well."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db

ADD = reverse("admin:redirects_redirect_add")
OLD = "/en/news/old-story-2012.html"


def messages_of(response):
    return [strip_tags(str(message)) for message in response.context["messages"]]


def test_the_form_asks_for_no_site(admin_client):
    page = BeautifulSoup(admin_client.get(ADD).text, "html.parser")
    assert page.find(attrs={"name": "site"}) is None
    assert page.find(attrs={"name": "old_path"})


def test_a_gone_address_is_added_with_a_readable_message(admin_client):
    response = admin_client.post(
        ADD, {"old_path": OLD, "new_path": "", "_save": "Save"}, follow=True
    )
    redirect = Redirect.objects.get(old_path=OLD)
    assert redirect.site == Site.objects.get_current()
    [message] = messages_of(response)
    assert "--->" not in message
    assert f"“{OLD} (gone, 410)”" in message


def test_a_moved_address_reads_old_to_new(admin_client):
    response = admin_client.post(
        ADD, {"old_path": OLD, "new_path": "/news/", "_save": "Save"}, follow=True
    )
    [message] = messages_of(response)
    assert f"“{OLD} → /news/”" in message
    redirect = Redirect.objects.get(old_path=OLD)
    change = reverse("admin:redirects_redirect_change", args=[redirect.pk])
    response = admin_client.post(
        change,
        {"old_path": OLD, "new_path": "/contacts/", "_save": "Save"},
        follow=True,
    )
    [message] = messages_of(response)
    assert f"“{OLD} → /contacts/”" in message


def test_a_second_redirect_of_the_same_address_is_refused(admin_client):
    Redirect.objects.create(site=Site.objects.get_current(), old_path=OLD, new_path="")
    response = admin_client.post(ADD, {"old_path": OLD, "new_path": "/news/"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["old_path"] == [
        "This old address has a redirect already: change that one."
    ]
    assert Redirect.objects.filter(old_path=OLD).count() == 1
