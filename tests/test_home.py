import json
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Article
from contacts.models import Office

from .factories import ArticleFactory, KeyFigureFactory, OfficeFactory

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


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    return [
        json.loads(script.string)
        for script in soup.find_all("script", type="application/ld+json")
    ]


def test_home_has_a_real_title_and_organization_and_website_json_ld(client):
    OfficeFactory(
        name="IOM South America",
        kind=Office.Kind.REGIONAL,
        email="ro@example.org",
        facebook="https://www.facebook.com/example",
    )
    soup = soup_of(client.get("/"))

    assert soup.find("meta", property="og:title")["content"] == "IOM South America"
    [data] = json_ld(soup)
    organization, website = data["@graph"]
    assert organization["@type"] == "GovernmentOrganization"
    assert organization["email"] == "ro@example.org"
    assert organization["sameAs"] == ["https://www.facebook.com/example"]
    assert website["@type"] == "WebSite"
    assert website["publisher"] == {"@id": organization["@id"]}
    action = website["potentialAction"]
    assert action["target"] == "http://testserver/search/?q={search_term_string}"


def test_home_shows_the_regional_offices_checked_figures_only(client):
    regional = OfficeFactory(kind=Office.Kind.REGIONAL)
    KeyFigureFactory(office=regional, label="Migrants in the region", value="11")
    KeyFigureFactory(office=regional, label="", value="99")

    band = soup_of(client.get("/")).find("section", class_="band")

    assert [dd.get_text(" ", strip=True) for dd in band.find_all("dd")] == [
        "11 million"
    ]


def test_office_figures_awaiting_review_are_shown_to_staff_only(client):
    office = OfficeFactory(slug="iom-peru")
    KeyFigureFactory(office=office, label="Migrants", value="1.5")
    KeyFigureFactory(office=office, value="42", source_name="", source_url="")

    visitor = soup_of(client.get(office.get_absolute_url()))
    client.force_login(get_user_model().objects.create_user("s", is_staff=True))
    staff = soup_of(client.get(office.get_absolute_url()))

    assert [dd.get_text(" ", strip=True) for dd in visitor.find_all("dd")] == [
        "1.5 million"
    ]
    assert not visitor.find(class_="figure-pending")
    pending = staff.find(class_="figure-pending")
    assert "awaiting review" in pending.get_text()
    assert "42 million" in pending.get_text()


def test_inner_pages_have_breadcrumbs_with_json_ld(client):
    article = ArticleFactory(title="Floods in Beni")
    soup = soup_of(client.get(article.get_absolute_url()))

    nav = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [li.get_text(strip=True) for li in nav.find_all("li")] == [
        "Home",
        "News",
        "Floods in Beni",
    ]
    [crumbs] = [data for data in json_ld(soup) if data["@type"] == "BreadcrumbList"]
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Home",
        "News",
        "Floods in Beni",
    ]
    assert crumbs["itemListElement"][1]["item"] == "http://testserver/news/"
    assert "item" not in crumbs["itemListElement"][2]
    assert not soup_of(client.get("/")).find("nav", attrs={"aria-label": "Breadcrumb"})


def test_dates_have_one_format_per_language(client):
    article = ArticleFactory(
        published_at=datetime(2024, 6, 14, 12, tzinfo=UTC), language="en"
    )
    english = soup_of(client.get(article.get_absolute_url()))
    spanish = soup_of(client.get(f"/es{article.get_absolute_url()}"))

    assert english.select_one("article header time").get_text() == "14 June 2024"
    assert spanish.select_one("article header time").get_text() == (
        "14 de junio de 2024"
    )
