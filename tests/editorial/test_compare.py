"""The history comparison reads as text: a body compared paragraph by
paragraph, dates without the package's empty "time since", and Django 6.1's
breadcrumbs on the custom admin pages."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from iomsite.editorial.compare import text_of_html

from ..factories import ArticleFactory
from .test_publishing import change_article

pytestmark = pytest.mark.django_db

BODY = "<p>Floods reached Beni.</p><ul><li>200 families</li></ul><p>Help came.</p>"


def compare_page(client, article):
    first, second = Version.objects.get_for_object(article).order_by("pk")[:2]
    response = client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def test_text_of_html_gives_the_lines_a_reader_sees():
    assert text_of_html(BODY + "<h2>A &amp; B</h2>") == [
        "Floods reached Beni.",
        "• 200 families",
        "Help came.",
        "A & B",
    ]


def test_a_body_is_compared_paragraph_by_paragraph(admin_client):
    article = ArticleFactory(status=Article.Status.DRAFT, body=BODY)
    change_article(admin_client, article)
    change_article(
        admin_client, article, body=BODY.replace("Help came.", "Help came fast.")
    )
    page = compare_page(admin_client, article)
    diff = page.select_one("pre.text-diff")
    assert [line.get_text() for line in diff.select("del")] == ["- Help came."]
    assert [line.get_text() for line in diff.select("ins")] == ["+ Help came fast."]
    assert "<p>" not in diff.get_text()
    assert "  Floods reached Beni." in diff.get_text()


def test_an_empty_date_reads_no_date(admin_client):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    change_article(admin_client, article)
    later = timezone.now() - timedelta(days=2)
    change_article(
        admin_client,
        article,
        published_at_0=timezone.localtime(later).strftime("%Y-%m-%d"),
        published_at_1="10:00:00",
    )
    text = compare_page(admin_client, article).get_text()
    assert "time since that date" not in text
    assert "- no date" in text
    assert "ago)" in text


def test_custom_pages_have_django_6_1_breadcrumbs(admin_client):
    article = ArticleFactory(status=Article.Status.DRAFT)
    change_article(admin_client, article)
    change_article(admin_client, article, title="Another title")
    pages = {
        "compare": compare_page(admin_client, article),
        "attention": BeautifulSoup(
            admin_client.get(reverse("needs-attention")).text, "html.parser"
        ),
    }
    for name, page in pages.items():
        crumbs = page.select("nav ol.breadcrumbs > li")
        assert crumbs, name
        assert crumbs[0].a["href"] == reverse("admin:index")
        assert crumbs[-1]["aria-current"] == "page"
        assert page.select("div.breadcrumbs") == [], name
    assert [
        li.get_text(strip=True) for li in pages["compare"].select("ol.breadcrumbs li")
    ][:4] == ["Home", "Articles", "Articles", "History"]
