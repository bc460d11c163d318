"""The site's look, as a visitor meets it: header and footer, the home page's
parts, an article, an office on a phone, breadcrumbs, the 404 page, reading
measure and focus, and printing. No script runs on any of these pages."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from contacts.models import Contact

from .pages import COUNTRY_OFFICE, FEATURED_ARTICLE, PROGRAMME, public_pages

FEATURED_TITLE = "Border Officials in Peru Trained to Identify Victims of Trafficking"


def top(locator):
    return locator.bounding_box()["y"]


@pytest.mark.parametrize("viewport", ["desktop", "phone"], indirect=True)
def test_header_and_footer(page, viewport, console_errors):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(reverse("programmes:detail", kwargs={"slug": PROGRAMME}))

    brand = page.locator("header .navbar-brand")
    assert brand.text_content() == "IOM South America"
    assert brand.locator("svg").is_visible()
    nav = page.get_by_role("navigation", name="Main")
    current = nav.locator("[aria-current]")
    assert current.all_text_contents() == ["Programmes"]
    # A programme's page is within the section, not the section's page.
    assert current.get_attribute("aria-current") == "true"
    # Every other language, from the site's settings.
    languages = page.get_by_role("navigation", name="Languages").get_by_role("link")
    assert languages.count() == len(settings.LANGUAGES) - 1
    assert page.get_by_role("search", name="Site search").is_visible()

    footer = page.get_by_role("contentinfo")
    assert footer.get_by_role("link", name="IOM Peru").get_attribute("href") == (
        reverse("contacts:office", kwargs={"slug": COUNTRY_OFFICE})
    )
    assert footer.get_by_text("the UN Migration Agency").is_visible()
    # Everything the page asked for came from the site itself, and none of
    # it is a script.
    origin = urlsplit(page.url).netloc
    assert {urlsplit(url).netloc for url in requests} == {origin}
    assert not [url for url in requests if urlsplit(url).path.endswith(".js")]
    assert console_errors == []


def test_home_page_leads_with_the_latest_story(page):
    page.goto("/")
    lead = page.locator(".lead-story")
    assert lead.get_by_role("heading").text_content() == FEATURED_TITLE
    assert lead.locator("img").is_visible()
    assert "Forty border and police officials" in lead.locator(".lead").text_content()

    # The other articles have no photo: a neutral placeholder, hidden from
    # screen readers, keeps the cards even.
    cards = page.locator(".cards .card")
    assert cards.count() == 5
    placeholder = cards.first.locator("img")
    assert placeholder.get_attribute("alt") == ""
    assert placeholder.get_attribute("loading") == "lazy"
    assert "/static/img/placeholder" in placeholder.get_attribute("src")

    tiles = page.get_by_role("region", name="Programmes").locator(".tile")
    assert tiles.count() == 8
    assert tiles.locator("svg").count() == 8
    offices = page.get_by_role("region", name="Offices")
    assert offices.get_by_role("link", name="IOM Peru").is_visible()


def test_article_page(page):
    media = Contact.objects.get(name="Mariana Quispe")
    page.goto(reverse("articles:detail", kwargs={"slug": FEATURED_ARTICLE}))

    # Breadcrumbs, down to the page itself.
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    assert crumbs.get_by_role("listitem").all_text_contents() == [
        "Home",
        "News",
        FEATURED_TITLE,
    ]
    # The caption and the credit on lines of their own.
    caption = page.locator("figcaption .caption")
    credit = page.locator("figcaption .credit")
    assert credit.text_content() == "Photo: IOM Peru"
    assert top(credit) > top(caption)
    # Chips that filter the news.
    chip = page.locator(".chips").get_by_role("link", name="Counter-trafficking")
    assert parse_qs(urlsplit(chip.get_attribute("href")).query) == {
        "programme": [PROGRAMME]
    }
    # Plain share links, carrying the article's address.
    share = page.get_by_role("region", name="Share")
    facebook = share.get_by_role("link", name="Facebook").get_attribute("href")
    assert FEATURED_ARTICLE in parse_qs(urlsplit(facebook).query)["u"][0]
    # The badge goes only with a media contact.
    contacts = page.get_by_role("region", name="For more information")
    assert contacts.locator(".badge").count() == int(media.is_media_contact)
    media.is_media_contact = not media.is_media_contact
    media.save()
    page.reload()
    assert contacts.locator(".badge").count() == int(media.is_media_contact)

    # About 70 characters a line (the longest paragraph's average, which its
    # shorter last line pulls down a little).
    characters = page.locator(".article-body").evaluate(
        """(body) => {
            const p = [...body.querySelectorAll("p")].sort(
                (a, b) => b.textContent.length - a.textContent.length)[0];
            const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
            const lines = Math.round(p.getBoundingClientRect().height / lineHeight);
            return p.textContent.trim().length / lines;
        }"""
    )
    assert 50 < characters < 80

    # Related news, as cards.
    assert page.get_by_role("region", name="Related news").locator(".card").count()


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_office_contact_card_comes_first_on_a_phone(page, viewport):
    page.goto(reverse("contacts:office", kwargs={"slug": COUNTRY_OFFICE}))
    contact = page.get_by_role("heading", name="Contact the office")
    assert top(contact) < 844
    assert top(contact) < top(page.get_by_role("heading", name="Programmes"))
    osm = page.get_by_role("link", name="See on OpenStreetMap")
    url = urlsplit(osm.get_attribute("href"))
    assert url.netloc == "www.openstreetmap.org"
    assert "Lima" in parse_qs(url.query)["query"][0]
    assert page.locator("iframe").count() == 0


def test_not_found_page_offers_search_and_links(page):
    response = page.goto(public_pages()["not-found"])
    assert response.status == 404
    search = page.get_by_role("search", name="Search the site")
    search.get_by_label("Words to find").fill("trafficking")
    search.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=trafficking")
    assert page.get_by_role("link", name=FEATURED_TITLE).is_visible()


def test_keyboard_focus_is_visible(page):
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return [style.outlineStyle, style.outlineWidth];
        }"""
    )
    assert outline == ["solid", "3px"]


def test_print_leaves_the_navigation_out_and_shows_addresses(page):
    page.goto(reverse("contacts:office", kwargs={"slug": COUNTRY_OFFICE}))
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Main").is_visible()
    assert not page.get_by_role("contentinfo").is_visible()
    osm = page.get_by_role("link", name="See on OpenStreetMap")
    shown = osm.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert "openstreetmap.org" in shown
