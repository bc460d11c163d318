"""The about pages staff write in the admin: published ones are shown and
linked from the footer, drafts are not, and their text is cleaned."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from pages.models import Page

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_starter_pages_are_there_and_the_legal_ones_wait_for_the_office():
    assert set(Page.objects.published().values_list("slug", flat=True)) == {
        "about",
        "accessibility",
    }
    assert set(Page.objects.values_list("slug", flat=True)) >= {"privacy", "terms"}


def test_about_page_in_each_language_with_breadcrumbs(client):
    english = soup_of(client.get("/about/"))
    spanish = soup_of(client.get("/es/about/"))
    portuguese = soup_of(client.get("/pt/about/"))

    assert english.h1.get_text() == "About us"
    assert spanish.h1.get_text() == "Quiénes somos"
    assert portuguese.h1.get_text() == "Quem somos"
    assert "Organização Internacional para as Migrações" in portuguese.main.get_text()
    accessibility = soup_of(client.get("/pt/about/accessibility/"))
    assert accessibility.h1.get_text() == "Declaração de acessibilidade"
    crumbs = english.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [li.get_text(strip=True) for li in crumbs.find_all("li")] == [
        "Home",
        "About us",
    ]
    main_nav = english.find("nav", attrs={"aria-label": "Main"})
    assert main_nav.find("a", attrs={"aria-current": "page"}).get_text() == ("About us")


def test_the_footer_links_the_published_pages_only(client):
    terms = Page.objects.get(slug="terms")
    footer = soup_of(client.get("/")).footer
    links = {a.get_text(): a["href"] for a in footer.find_all("a")}
    assert links["About us"] == "/about/"
    assert links["Accessibility statement"] == "/about/accessibility/"
    assert "Terms of use" not in links
    assert client.get(terms.get_absolute_url()).status_code == 404

    terms.body = "<p>Use it well.</p>"
    terms.is_published = True
    terms.save()
    footer = soup_of(client.get("/")).footer
    assert footer.find("a", string="Terms of use")["href"] == "/about/terms/"
    assert client.get("/about/terms/").status_code == 200


def test_the_body_is_cleaned_in_every_language(client):
    page = Page.objects.get(slug="about")
    page.body_en = '<p onclick="x()">Hello<script>alert(1)</script></p>'
    page.body_es = "<p>Hola<script>alert(1)</script></p>"
    page.save()
    page.refresh_from_db()
    assert "script" not in page.body_en and "onclick" not in page.body_en
    assert "script" not in page.body_es


def test_staff_edit_a_page_in_the_admin(client):
    client.force_login(get_user_model().objects.create_superuser("boss"))
    page = Page.objects.get(slug="about")
    url = reverse("admin:pages_page_change", args=[page.pk])
    assert client.get(url).status_code == 200
    assert client.get(reverse("admin:pages_page_changelist")).status_code == 200
