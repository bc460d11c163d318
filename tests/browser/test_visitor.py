"""A visitor finds news, an article, its contact's office and search results,
on a desktop and on a phone."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from articles.models import Article

from .conftest import describe_violations, run_axe
from .pages import COUNTRY_OFFICE, FEATURED_ARTICLE, IMAGE_ALT, PROGRAMME
from .test_accessibility import WCAG_AA

FEATURED_TITLE = "Border Officials in Peru Trained to Identify Victims of Trafficking"


def check_the_menu_fits(page, viewport):
    """The menu is never hidden behind a button (no script to open it): on a
    phone too its links are on the screen, within its width."""
    nav = page.get_by_role("navigation", name="Main")
    assert page.get_by_role("button", name="Show or hide the menu").count() == 0
    width = page.viewport_size["width"]
    for link in nav.get_by_role("link").all():
        box = link.bounding_box()
        assert link.is_visible() and box["x"] >= 0
        assert box["x"] + box["width"] <= width


def query(url):
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("viewport", ["desktop", "phone"], indirect=True)
def test_visitor_finds_an_article_its_contacts_office_and_search_results(
    page, viewport, console_errors
):
    article = Article.objects.get(slug=FEATURED_ARTICLE)
    page.goto("/")
    assert page.get_by_role("heading", level=1).text_content() == "IOM South America"

    check_the_menu_fits(page, viewport)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    page.wait_for_url("**/news/")
    assert page.get_by_role("heading", level=1).text_content() == "News"
    assert page.get_by_role("heading", name="6 articles").is_visible()

    filters = page.get_by_role("search", name="Filter news")
    filters.get_by_label("Programme").select_option(label="Counter-trafficking")
    filters.get_by_label("Country").select_option(label="Peru")
    filters.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/news/?*")
    assert query(page.url) == {"programme": [PROGRAMME], "country": ["PE"]}
    assert page.get_by_role("heading", name="1 article", exact=True).is_visible()
    assert page.locator(".card-title").all_text_contents() == [FEATURED_TITLE]
    # The form shows the filters applied.
    assert filters.get_by_label("Programme").input_value() == PROGRAMME
    assert filters.get_by_label("Country").input_value() == "PE"

    page.get_by_role("link", name=FEATURED_TITLE).click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).text_content() == FEATURED_TITLE
    image = page.get_by_role("img", name=IMAGE_ALT)
    image.scroll_into_view_if_needed()
    # Loaded, as AVIF (the <picture> offers it first), in a rendition.
    assert image.evaluate("(image) => image.complete && image.naturalWidth > 0")
    current = image.evaluate("(image) => image.currentSrc")
    assert urlsplit(current).path.startswith("/media/renditions/")
    assert current.endswith(".avif")

    contacts = page.get_by_role("region", name="For more information")
    assert contacts.locator("address strong").all_text_contents() == ["Mariana Quispe"]
    contacts.get_by_role("link", name="IOM Peru").click()
    page.wait_for_url(
        "**" + reverse("contacts:office", kwargs={"slug": COUNTRY_OFFICE})
    )
    assert page.get_by_role("heading", level=1).text_content() == "IOM Peru"

    check_the_menu_fits(page, viewport)
    search = page.get_by_role("search", name="Site search")
    search.get_by_role("searchbox").fill("trafficking")
    search.get_by_role("searchbox").press("Enter")
    page.wait_for_url("**/search/?*")
    assert query(page.url) == {"q": ["trafficking"]}
    result = page.get_by_role("link", name=FEATURED_TITLE)
    assert result.get_attribute("href") == article.get_absolute_url()

    assert console_errors == []


def test_visitor_switches_to_spanish_and_back(page, axe_source, console_errors):
    page.goto("/")
    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).text_content() == "OIM América del Sur"
    news = page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Noticias"
    )
    assert news.count() == 1

    # An English article read with the Spanish interface: its text is marked
    # as English and the page says there is no Spanish version.
    article = Article.objects.get(slug=FEATURED_ARTICLE)
    page.goto(f"/es{article.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).get_attribute("lang") == "en"
    assert page.locator("#language-notice").text_content() == (
        "Solo disponible en inglés"
    )
    violations = run_axe(page, axe_source, WCAG_AA)
    assert not violations, describe_violations(violations)
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    assert page.locator("html").get_attribute("lang") == "en"
    # In its own language's interface the article needs no notice.
    assert page.locator("#language-notice").count() == 0
    page.get_by_role("link", name="Português").click()
    page.wait_for_url(f"**/pt{article.get_absolute_url()}")
    assert page.locator("html").get_attribute("lang") == "pt"
    assert page.locator("#language-notice").text_content() == (
        "Disponível somente em inglês"
    )
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")

    page.get_by_role("link", name="Español").click()
    page.wait_for_url(f"**/es{article.get_absolute_url()}")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{article.get_absolute_url()}")
    page.goto("/es/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert console_errors == []
