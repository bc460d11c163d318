"""The admin fits the work: named for the site, sections in the order of the
work, readable change lists and forms."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import reverse

from ..factories import (
    ArticleFactory,
    ContactFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_index_has_the_site_name_and_sections_for_the_work(admin_client):
    page = soup(admin_client.get(reverse("admin:index")))
    assert page.find(id="site-name").get_text(strip=True) == (
        "IOM South America: site administration"
    )
    assert page.title.get_text().endswith("IOM South America admin")
    sections = {
        caption.get_text(strip=True): [
            row.get_text(strip=True) for row in caption.parent.select("th[scope=row]")
        ]
        for caption in page.select("#content-main .module caption")
    }
    assert list(sections) == [
        "Content",
        "People and offices",
        "Old addresses",
        "Administration",
    ]
    assert sections["Content"] == ["Articles", "Programmes"]
    assert sections["People and offices"] == ["Offices", "Contacts", "Key figures"]
    assert sections["Old addresses"] == ["Redirects"]
    assert sections["Administration"][:3] == ["Users", "Groups", "Sites"]
    assert "Access attempts" in sections["Administration"]
    # An application's own page still lists its models.
    articles = soup(admin_client.get(reverse("admin:app_list", args=["articles"])))
    assert articles.select_one("#content-main caption").get_text(strip=True) == (
        "Articles"
    )


def test_the_article_list_is_readable(admin_client):
    article = ArticleFactory()
    article.programmes.add(ProgrammeFactory())
    article.offices.add(OfficeFactory())
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    page = soup(response)
    assert response.context["cl"].formset is None  # no status editing
    assert page.find(id="nav-sidebar") is None
    filters = page.select("#changelist-filter li a")
    assert "-" not in [link.get_text(strip=True) for link in filters]
    assert page.find("link", href="/static/css/admin.css")
    css = Path(finders.find("css/admin.css")).read_text(encoding="utf-8")
    assert "#result_list .field-title { min-width: 22em; }" in css


@pytest.mark.parametrize(
    "factory, field, url_name",
    [
        (ArticleFactory, "image", "admin:articles_article_change"),
        (ProgrammeFactory, "image", "admin:programmes_programme_change"),
        (ContactFactory, "photo", "admin:contacts_contact_change"),
    ],
)
def test_forms_preview_the_uploaded_image(admin_client, factory, field, url_name):
    obj = factory(**{field: make_image_file(), f"{field}_alt": "A boat"})
    page = soup(admin_client.get(reverse(url_name, args=[obj.pk])))
    preview = page.select_one(".field-image_preview img.image-preview")
    assert preview["src"] == getattr(obj, field).url
    empty = factory()
    page = soup(admin_client.get(reverse(url_name, args=[empty.pk])))
    assert page.select_one(".field-image_preview img") is None
