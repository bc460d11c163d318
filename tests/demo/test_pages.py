"""The demo site's privacy, terms and accessibility pages: published in every
language, linked from the footer, never written over a page staff wrote."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from contacts.models import Office
from iomsite.demo.pages import publish_demo_pages
from pages.models import Page

from ..browser.pages import ABOUT, load_demo_content
from ..factories import ArticleFactory

pytestmark = pytest.mark.django_db

TITLES = {
    "en": {
        "about": "About us",
        "accessibility": "Accessibility statement",
        "privacy": "Privacy",
        "terms": "Terms of use",
    },
    "es": {
        "about": "Quiénes somos",
        "accessibility": "Declaración de accesibilidad",
        "privacy": "Privacidad",
        "terms": "Condiciones de uso",
    },
    "pt": {
        "about": "Quem somos",
        "accessibility": "Declaração de acessibilidade",
        "privacy": "Privacidade",
        "terms": "Termos de uso",
    },
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def url_of(slug, language):
    with translation.override(language):
        if slug == "about":
            return reverse("pages:about")
        return reverse("pages:detail", kwargs={"slug": slug})


def test_every_language_has_its_text():
    assert set(TITLES) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_footer_links_the_about_pages_in_each_language(client, language):
    load_demo_content()
    with translation.override(language):
        home = reverse("home")

    footer = soup_of(client.get(home)).footer
    about = footer.find("a", href=url_of("about", language)).find_parent("ul")

    links = [(a.get_text(), a["href"]) for a in about.find_all("a")]
    assert links == [
        (TITLES[language][slug], url_of(slug, language)) for slug in ["about", *ABOUT]
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_about_pages_answer_in_each_language(client, language):
    load_demo_content()
    regional = Office.objects.get(slug="iom-south-america")

    for slug in ABOUT:
        page = soup_of(client.get(url_of(slug, language)))
        assert page.h1.get_text() == TITLES[language][slug]
        assert page.html["lang"].lower().startswith(language)
        body = page.select_one(".article-body")
        assert body.find("h2")
        # Whom to write to: the regional office's address.
        mail = body.find("a", href=f"mailto:{regional.email}")
        assert mail.get_text() == regional.email


def test_the_accessibility_statement_says_the_aim_the_tests_and_whom_to_ask(client):
    load_demo_content()

    for language in LANGUAGES:
        text = soup_of(client.get(url_of("accessibility", language))).main.get_text()
        for words in ("WCAG", "2.2", "AA", "axe-core", "Nu Html Checker"):
            assert words in text, (language, words)


def test_without_a_regional_office_address_the_pages_point_to_the_contacts():
    publish_demo_pages()

    for language in LANGUAGES:
        with translation.override(language):
            body = BeautifulSoup(Page.objects.get(slug="privacy").body, "html.parser")
            contacts = reverse("contacts:list")
        assert [a["href"] for a in body.find_all("a")] == [contacts]


def test_a_fresh_install_keeps_privacy_and_terms_as_drafts():
    assert set(Page.objects.published().values_list("slug", flat=True)) == {
        "about",
        "accessibility",
    }


def test_the_command_publishes_them_and_leaves_what_staff_wrote():
    terms = Page.objects.get(slug="terms")
    terms.body_en = "<p>Our own terms.</p>"
    terms.save()
    stdout = StringIO()

    call_command("publish_demo_pages", stdout=stdout)

    assert stdout.getvalue() == "Demo pages published: accessibility, privacy.\n"
    published = set(Page.objects.published().values_list("slug", flat=True))
    assert published == {"about", "accessibility", "privacy"}
    terms.refresh_from_db()
    assert (terms.body_en, terms.body_es, terms.is_published) == (
        "<p>Our own terms.</p>",
        None,
        False,
    )


def test_a_second_run_writes_nothing():
    assert publish_demo_pages() == ["accessibility", "privacy", "terms"]
    privacy = Page.objects.get(slug="privacy")
    privacy.body_es = "<p>Nuestro texto.</p>"
    privacy.save()
    stdout = StringIO()

    call_command("publish_demo_pages", stdout=stdout)

    assert stdout.getvalue() == "Demo pages published: none (written already).\n"
    privacy.refresh_from_db()
    assert privacy.body_es == "<p>Nuestro texto.</p>"


def test_a_missing_page_is_made():
    Page.objects.filter(slug="privacy").delete()

    publish_demo_pages()

    privacy = Page.objects.get(slug="privacy")
    assert (privacy.title_en, privacy.order, privacy.is_published) == (
        "Privacy",
        30,
        True,
    )


def test_generate_content_publishes_them_unless_the_site_has_real_content():
    call_command("generate_content", articles=3, verbosity=0)
    assert Page.objects.published().count() == 4

    Page.objects.filter(slug__in=ABOUT).update(is_published=False)
    Page.objects.filter(slug="privacy").update(body_en="", body_es="", body_pt="")
    ArticleFactory()  # real content
    call_command("generate_content", articles=1, force=True, verbosity=0)
    assert not Page.objects.filter(slug="privacy", is_published=True).exists()
