"""The "Needs attention" page shows staff only the rows and links they can
open."""

import re

import pytest
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.urls import reverse

from iomsite.editorial.roles import EDITOR, sync_roles

from ..editorial.conftest import staff_member
from ..factories import ArticleFactory, KeyFigureFactory, OfficeFactory

pytestmark = pytest.mark.django_db

URL = reverse("needs-attention")


@pytest.fixture
def something_to_attend():
    ArticleFactory(status="draft")
    KeyFigureFactory(office=OfficeFactory(), source_name="", source_url="")
    Redirect.objects.create(
        site=Site.objects.get_current(), old_path="/old/", new_path="/news/gone/"
    )


def admin_links(html):
    return sorted(set(re.findall(r'href="(/admin/[^"#]*)"', html)))


def test_an_editor_sees_no_link_they_cannot_open(
    client, django_user_model, something_to_attend
):
    sync_roles()
    client.force_login(staff_member(django_user_model, "eva", EDITOR))

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "/old/" not in html
    assert response.context["redirects"] is None
    links = [link for link in admin_links(html) if "/logout/" not in link]
    assert links
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def test_a_superuser_still_sees_the_redirects(admin_client, something_to_attend):
    html = admin_client.get(URL).content.decode()

    assert "/old/" in html
    assert "/admin/redirects/redirect/" in html
