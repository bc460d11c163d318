import pytest
from django.urls import reverse

from articles.models import Article

from .factories import ArticleFactory, OfficeFactory

pytestmark = pytest.mark.django_db


def test_home_lists_public_news_programmes_and_offices(client):
    public = ArticleFactory(title="Public item")
    ArticleFactory(title="Draft item", status=Article.Status.DRAFT)
    office = OfficeFactory(name="IOM Peru", slug="iom-peru", country="PE")

    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert list(response.context["latest_articles"]) == [public]
    assert office in response.context["offices"]
    titles = [programme.title for programme in response.context["programmes"]]
    assert "Counter-trafficking" in titles
    assert f'href="{public.get_absolute_url()}"' in response.text


def test_unknown_page_answers_the_site_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_robots_txt_is_plain_text(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
