"""The bilingual site: English without a prefix, Spanish under /es/.

The interface, model labels and dates in Spanish; the language switcher and the
hreflang alternates; articles paired with their translation; programme and
office texts in both languages; and a Spanish catalogue that misses nothing.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation.template import templatize

from articles.models import Article
from contacts.models import Office
from programmes.models import Programme

from .browser.pages import (
    COUNTRY_OFFICE,
    FEATURED_ARTICLE,
    PROGRAMME,
    load_demo_content,
)
from .factories import ArticleFactory, OfficeFactory, ProgrammeFactory
from .test_html_validity import check_html, checker_installed  # noqa: F401

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"
# Every language but English has its catalogue, and each test of a catalogue
# runs on each of them.
CATALOGUES = [code for code, _name in settings.LANGUAGES if code != "en"]
every_catalogue = pytest.mark.parametrize("language", CATALOGUES)


def locale_dir(language):
    return Path(settings.BASE_DIR, "locale", language, "LC_MESSAGES")


LEGACY_FIXTURES = Path(__file__).parent / "fixtures" / "legacy"


def soup_of(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def switcher(soup):
    """{hreflang: (href, lang, text)} of the language switcher's links."""
    return {
        link["hreflang"]: (link["href"], link["lang"], link.get_text(strip=True))
        for link in soup.select(".language-switcher a")
    }


def alternates(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.select("head link[rel=alternate][hreflang]")
    }


def notices(soup):
    return [
        notice.get_text(" ", strip=True) for notice in soup.select(".language-notice")
    ]


@pytest.fixture
def pair():
    """An English article and its Spanish translation, both published."""
    english = ArticleFactory(slug="floods-beni", title="Floods in Beni")
    spanish = ArticleFactory(
        slug="inundaciones-beni",
        title="Inundaciones en Beni",
        language=Article.Language.SPANISH,
        translation_of=english,
    )
    return english, spanish


# The interface in Spanish


def test_spanish_home_page_speaks_spanish(client):
    soup = soup_of(client.get("/es/"))

    assert soup.html["lang"] == "es"
    assert soup.title.get_text() == (
        "OIM América del Sur · Organización Internacional para las Migraciones"
    )
    assert soup.h1.get_text() == "OIM América del Sur"
    assert soup.select_one(".navbar-brand").get_text() == "OIM América del Sur"
    nav = soup.find("nav", attrs={"aria-label": "Principal"})
    assert [(a["href"], a.get_text()) for a in nav.select(".navbar-nav a")][:3] == [
        ("/es/news/", "Noticias"),
        ("/es/programmes/", "Programas"),
        ("/es/contacts/", "Oficinas y contactos"),
    ]
    assert soup.select_one(".skip-link").get_text() == "Ir al contenido principal"
    assert soup.find("h2", id="latest-news").get_text() == "Últimas noticias"
    assert soup.find("meta", property="og:site_name")["content"] == (
        "OIM América del Sur"
    )


def test_english_home_page_keeps_english(client):
    soup = soup_of(client.get("/"))

    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "IOM South America"
    assert soup.find("h2", id="latest-news").get_text() == "Latest news"


def test_spanish_news_list_filters_and_count(client):
    ArticleFactory.create_batch(2)

    soup = soup_of(client.get("/es/news/"))

    assert soup.h1.get_text() == "Noticias"
    assert soup.find("h2", id="results-heading").get_text(strip=True) == "2 artículos"
    form = soup.find("form", id="article-filter")
    assert form["aria-label"] == "Filtrar noticias"
    labels = [label.get_text(strip=True) for label in form.find_all("label")]
    assert labels == ["Buscar", "Programa", "País", "Tipo", "Año", "Idioma"]
    assert form.find("select", attrs={"name": "kind"}).find("option").get_text() == (
        "Todos los tipos"
    )
    assert form.find("button", type="submit").get_text(strip=True) == "Filtrar"


def test_spanish_plural_of_one(client):
    ArticleFactory()

    soup = soup_of(client.get("/es/news/"))

    assert soup.find("h2", id="results-heading").get_text(strip=True) == "1 artículo"


def test_spanish_page_not_found(client):
    soup = soup_of(client.get("/es/news/no-such-article/"), status=404)

    assert soup.html["lang"] == "es"
    assert soup.h1.get_text() == "Página no encontrada"


def test_spanish_news_feed_title(client):
    response = client.get("/es/news/feed/")

    assert response.status_code == 200
    assert "<title>OIM América del Sur: noticias</title>" in response.text


# Dates and numbers


def test_dates_follow_the_interface_language(client):
    article = ArticleFactory(
        slug="return-ecuador",
        published_at=datetime(
            2016, 7, 15, 12, tzinfo=ZoneInfo("America/Argentina/Buenos_Aires")
        ),
    )

    english = soup_of(client.get(article.get_absolute_url()))
    spanish = soup_of(client.get("/es/news/return-ecuador/"))
    spanish_list = soup_of(client.get("/es/news/"))

    assert english.select_one("article header time").get_text() == "15 July 2016"
    assert spanish.select_one("article header time").get_text() == (
        "15 de julio de 2016"
    )
    assert spanish_list.select_one(".card time").get_text() == "15 de julio de 2016"
    assert spanish.select_one("article header time")["datetime"] == (
        "2016-07-15T12:00:00-0300"
    )
    portuguese = soup_of(client.get("/pt/news/return-ecuador/"))
    assert portuguese.select_one("article header time").get_text() == (
        "15 de Julho de 2016"
    )


# Model labels


def test_model_labels_are_translated():
    with translation.override("es"):
        assert str(Article._meta.verbose_name) == "artículo"
        assert str(Article._meta.verbose_name_plural) == "artículos"
        assert str(Article._meta.get_field("title").verbose_name) == "título"
        assert str(Article._meta.get_field("translation_group").verbose_name) == (
            "grupo de traducción"
        )
        assert str(Article.Kind.PRESS_RELEASE.label) == "Comunicado de prensa"
        assert str(Article.Language.ENGLISH.label) == "Inglés"
        assert str(Office.Kind.COUNTRY.label) == "Oficina de país"
        assert str(Office._meta.get_field("migration_context").verbose_name) == (
            "contexto migratorio"
        )
        assert str(Programme._meta.get_field("summary").help_text) == (
            "Una o dos oraciones que se muestran en las listas y en los "
            "resultados de búsqueda."
        )
        assert str(Programme._meta.get_field("title_es").verbose_name) == (
            "título [es]"
        )
        assert str(settings.SITE_NAME) == "OIM América del Sur"
    assert str(Article.Kind.PRESS_RELEASE.label) == "Press release"
    assert str(settings.SITE_NAME) == "IOM South America"


def test_choice_labels_on_a_spanish_page(client):
    ArticleFactory(slug="comunicado", kind=Article.Kind.PRESS_RELEASE)

    soup = soup_of(client.get("/es/news/comunicado/"))

    assert soup.select_one("article header p").get_text() == "Comunicado de prensa"


# The language switcher


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/", {"es": ("/es/", "es", "Español"), "pt": ("/pt/", "pt", "Português")}),
        ("/es/", {"en": ("/", "en", "English"), "pt": ("/pt/", "pt", "Português")}),
        (
            "/programmes/",
            {
                "es": ("/es/programmes/", "es", "Español"),
                "pt": ("/pt/programmes/", "pt", "Português"),
            },
        ),
        (
            "/pt/contacts/",
            {
                "en": ("/contacts/", "en", "English"),
                "es": ("/es/contacts/", "es", "Español"),
            },
        ),
        (
            "/news/?country=PE&page=2",
            {
                "es": ("/es/news/?country=PE&page=2", "es", "Español"),
                "pt": ("/pt/news/?country=PE&page=2", "pt", "Português"),
            },
        ),
        (
            "/es/search/?q=trata",
            {
                "en": ("/search/?q=trata", "en", "English"),
                "pt": ("/pt/search/?q=trata", "pt", "Português"),
            },
        ),
    ],
)
def test_switcher_on_interface_pages_keeps_page_and_filters(client, path, expected):
    assert switcher(soup_of(client.get(path))) == expected


def test_switcher_on_programme_and_office_pages(client):
    ProgrammeFactory(slug="border-management")
    OfficeFactory(slug="iom-peru")

    programme = soup_of(client.get("/programmes/border-management/"))
    office = soup_of(client.get("/es/contacts/iom-peru/"))

    assert switcher(programme) == {
        "es": ("/es/programmes/border-management/", "es", "Español"),
        "pt": ("/pt/programmes/border-management/", "pt", "Português"),
    }
    assert switcher(office) == {
        "en": ("/contacts/iom-peru/", "en", "English"),
        "pt": ("/pt/contacts/iom-peru/", "pt", "Português"),
    }


def test_switcher_goes_to_the_translation_of_a_pair(client, pair):
    english = soup_of(client.get("/news/floods-beni/"))
    spanish = soup_of(client.get("/es/news/inundaciones-beni/"))

    # No Portuguese translation: the switcher frames the article in Portuguese.
    assert switcher(english) == {
        "es": ("/es/news/inundaciones-beni/", "es", "Español"),
        "pt": ("/pt/news/floods-beni/", "pt", "Português"),
    }
    assert switcher(spanish) == {
        "en": ("/news/floods-beni/", "en", "English"),
        "pt": ("/pt/news/inundaciones-beni/", "pt", "Português"),
    }
    assert notices(english) == notices(spanish) == []
    assert not english.select(".language-switcher a[aria-describedby]")


def test_switcher_stays_on_an_article_without_translation(client):
    ArticleFactory(slug="only-english", title="Only in English")

    english = soup_of(client.get("/news/only-english/"))
    response = client.get("/es/news/only-english/")
    spanish = soup_of(response)

    assert switcher(english) == {
        "es": ("/es/news/only-english/", "es", "Español"),
        "pt": ("/pt/news/only-english/", "pt", "Português"),
    }
    assert switcher(spanish) == {
        "en": ("/news/only-english/", "en", "English"),
        "pt": ("/pt/news/only-english/", "pt", "Português"),
    }
    # In its own language's interface an article needs no notice.
    assert notices(english) == []
    assert notices(spanish) == ["Solo disponible en inglés"]
    # The Spanish interface frames the English text, marked as English.
    assert spanish.html["lang"] == "es"
    assert spanish.h1["lang"] == "en"
    assert spanish.h1.get_text() == "Only in English"
    # Screen readers hear the notice with the switcher's link.
    link = spanish.select_one(".language-switcher a")
    assert link["aria-describedby"] == "language-notice"
    assert spanish.find(id="language-notice").get_text() == (
        "Solo disponible en inglés"
    )


def test_spanish_article_without_translation(client):
    ArticleFactory(slug="solo-espanol", language=Article.Language.SPANISH)

    spanish = soup_of(client.get("/es/news/solo-espanol/"))
    english = soup_of(client.get("/news/solo-espanol/"))

    assert notices(spanish) == []
    assert notices(english) == ["Only available in Spanish"]
    assert switcher(spanish) == {
        "en": ("/news/solo-espanol/", "en", "English"),
        "pt": ("/pt/news/solo-espanol/", "pt", "Português"),
    }
    assert switcher(english) == {
        "es": ("/es/news/solo-espanol/", "es", "Español"),
        "pt": ("/pt/news/solo-espanol/", "pt", "Português"),
    }


def test_unpublished_translation_is_no_pair(client, pair):
    english, spanish = pair
    spanish.status = Article.Status.DRAFT
    spanish.save()

    soup = soup_of(client.get("/news/floods-beni/"))

    assert switcher(soup) == {
        "es": ("/es/news/floods-beni/", "es", "Español"),
        "pt": ("/pt/news/floods-beni/", "pt", "Português"),
    }
    assert notices(soup) == []
    assert notices(soup_of(client.get("/es/news/floods-beni/"))) == [
        "Solo disponible en inglés"
    ]
    assert alternates(soup) == {}


def test_article_framed_in_the_other_interface_points_to_its_translation(client, pair):
    soup = soup_of(client.get("/es/news/floods-beni/"))

    [also] = soup.select(".language-notice")
    assert also.get_text(" ", strip=True) == (
        "También disponible en español: Inundaciones en Beni"
    )
    link = also.find("a")
    assert (link["href"], link["hreflang"], link["lang"]) == (
        "/es/news/inundaciones-beni/",
        "es",
        "es",
    )
    assert switcher(soup) == {
        "en": ("/news/floods-beni/", "en", "English"),
        "pt": ("/pt/news/floods-beni/", "pt", "Português"),
    }


def test_page_not_found_switches_to_the_other_home_pages(client):
    english = soup_of(client.get("/news/no-such-article/"), status=404)
    spanish = soup_of(client.get("/es/no-such-page/"), status=404)

    assert switcher(english) == {
        "es": ("/es/", "es", "Español"),
        "pt": ("/pt/", "pt", "Português"),
    }
    assert switcher(spanish) == {
        "en": ("/", "en", "English"),
        "pt": ("/pt/", "pt", "Português"),
    }
    assert alternates(english) == alternates(spanish) == {}


def test_switcher_never_leads_to_a_page_not_found(client, pair):
    ArticleFactory(slug="only-english")
    ProgrammeFactory(slug="border-management")
    pages = [
        "/",
        "/news/?year=abc",
        "/news/floods-beni/",
        "/es/news/inundaciones-beni/",
        "/news/only-english/",
        "/es/news/only-english/",
        "/programmes/border-management/",
        "/news/no-such-article/",
        "/es/search/?q=beni",
        "/pt/news/floods-beni/",
        "/pt/no-such-page/",
    ]
    for page in pages:
        soup = BeautifulSoup(client.get(page).content, "html.parser")
        for href, _lang, _text in switcher(soup).values():
            assert client.get(href).status_code == 200, (page, href)


# hreflang alternates


def test_alternates_of_a_translation_pair(client, pair):
    expected = {
        "en": f"{SERVER}/news/floods-beni/",
        "es": f"{SERVER}/es/news/inundaciones-beni/",
        "x-default": f"{SERVER}/news/floods-beni/",
    }

    assert alternates(soup_of(client.get("/news/floods-beni/"))) == expected
    assert alternates(soup_of(client.get("/es/news/inundaciones-beni/"))) == expected


def test_no_alternates_for_an_article_without_translation(client):
    ArticleFactory(slug="only-english")

    assert alternates(soup_of(client.get("/news/only-english/"))) == {}
    assert alternates(soup_of(client.get("/es/news/only-english/"))) == {}


def test_interface_pages_name_every_language(client):
    ProgrammeFactory(slug="border-management")
    expected = {
        "en": f"{SERVER}/programmes/border-management/",
        "es": f"{SERVER}/es/programmes/border-management/",
        "pt": f"{SERVER}/pt/programmes/border-management/",
        "x-default": f"{SERVER}/programmes/border-management/",
    }

    assert alternates(soup_of(client.get("/programmes/border-management/"))) == expected
    assert alternates(soup_of(client.get("/es/programmes/border-management/"))) == (
        expected
    )
    assert alternates(soup_of(client.get("/es/news/"))) == {
        "en": f"{SERVER}/news/",
        "es": f"{SERVER}/es/news/",
        "pt": f"{SERVER}/pt/news/",
        "x-default": f"{SERVER}/news/",
    }


def test_sitemap_names_the_pair_as_alternates(client, pair):
    from .test_sitemaps import sitemap_entries

    ArticleFactory(slug="only-english")
    entries = sitemap_entries(client)
    expected = {
        "en": f"{SERVER}/news/floods-beni/",
        "es": f"{SERVER}/es/news/inundaciones-beni/",
        "x-default": f"{SERVER}/news/floods-beni/",
    }

    assert entries[f"{SERVER}/news/floods-beni/"]["alternates"] == expected
    assert entries[f"{SERVER}/es/news/inundaciones-beni/"]["alternates"] == expected
    assert entries[f"{SERVER}/news/only-english/"]["alternates"] == {
        "en": f"{SERVER}/news/only-english/",
        "x-default": f"{SERVER}/news/only-english/",
    }
    assert f"{SERVER}/news/inundaciones-beni/" not in entries
    assert f"{SERVER}/es/news/floods-beni/" not in entries


# Translation pairs


def test_translation_helper(pair):
    english, spanish = pair
    lone = ArticleFactory()

    assert english.translation("es") == spanish
    assert english.translation("en") == english
    assert spanish.translation("en") == english
    assert lone.translation("es") is None
    assert english.counterparts() == {"es": spanish}
    assert spanish.counterparts() == {"en": english}
    assert lone.counterparts() == {}


def test_annotated_counterparts_match_the_helper(pair):
    english, spanish = pair

    annotated = Article.objects.with_translation().get(pk=english.pk)

    [(language, other)] = annotated.counterparts().items()
    assert (language, other.pk, other.slug, other.title) == (
        "es",
        spanish.pk,
        "inundaciones-beni",
        "Inundaciones en Beni",
    )
    assert other.get_absolute_url() == "/news/inundaciones-beni/"


def clean_errors(article):
    with pytest.raises(ValidationError) as raised:
        article.full_clean()
    return {
        field: [str(message) for message in messages]
        for field, messages in raised.value.message_dict.items()
    }


def test_a_group_holds_one_article_per_language(pair):
    english, _spanish = pair
    second = ArticleFactory.build(
        translation_of=english, language=Article.Language.SPANISH, slug="otra"
    )
    second.translation_group_id = english.translation_group_id

    assert clean_errors(second) == {
        "__all__": ["The translation group already has an article in this language."]
    }


def test_an_article_cannot_take_the_language_of_another_of_its_group(pair):
    english, _spanish = pair
    english.language = Article.Language.SPANISH

    assert clean_errors(english) == {
        "__all__": ["The translation group already has an article in this language."]
    }


def test_deleting_an_article_keeps_the_rest_of_its_group(pair):
    english, spanish = pair
    portuguese = ArticleFactory(language="pt", slug="pt", translation_of=english)
    english.delete()

    spanish.refresh_from_db()
    assert spanish.translation_group_id == portuguese.translation_group_id
    assert spanish.counterparts() == {"pt": portuguese}


def test_validation_messages_in_spanish(pair):
    english, _spanish = pair
    english.language = Article.Language.SPANISH

    with translation.override("es"):
        assert clean_errors(english) == {
            "__all__": ["El grupo de traducción ya tiene un artículo en este idioma."]
        }


# The admin


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser(
        "boss", "boss@example.org", "password"
    )
    client.force_login(user)
    return client


def article_form_data(**values):
    return {
        "kind": Article.Kind.NEWS,
        "summary": "",
        "body": "",
        "status": Article.Status.DRAFT,
        "date_source": Article.DateSource.STATED,
        **values,
    }


def test_article_admin_pairs_a_translation(staff_client):
    original = ArticleFactory(title="Floods in Beni", slug="floods-beni")
    url = reverse("admin:articles_article_add")
    data = article_form_data(
        title="Inundaciones en Beni",
        slug="inundaciones-beni",
        language=Article.Language.SPANISH,
        translation_of="floods-beni",
    )

    page = soup_of(staff_client.get(url))
    response = staff_client.post(url, data)

    assert page.find("label", attrs={"for": "id_translation_of"}).get_text() == (
        "Translation of:"
    )
    assert response.status_code == 302
    translation = Article.objects.get(slug="inundaciones-beni")
    original.refresh_from_db()
    assert translation.translation_group_id == original.translation_group_id
    assert translation.translation_group_id is not None


def test_article_admin_refuses_a_translation_in_the_same_language(staff_client):
    original = ArticleFactory(title="Floods in Beni")
    data = article_form_data(
        title="Floods again",
        slug="floods-again",
        language=Article.Language.ENGLISH,
        translation_of=original.slug,
    )

    response = staff_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["translation_of"] == [
        "“Floods in Beni” is in this language already: choose an article in "
        "another language."
    ]


PROGRAMME_FORM = {
    "title": "Health and migration",
    "slug": "health-and-migration",
    "summary": "Health for migrants.",
    "body": "<p>Care for all.</p>",
    "title_es": "Salud y migración",
    "summary_es": "Salud para las personas migrantes.",
    "body_es": "<p>Atención <script>x()</script>para todos.</p>",
    "image_alt_es": "",
    "order": 100,
    "is_published": "on",
}


def test_programme_admin_edits_both_languages(staff_client):
    url = reverse("admin:programmes_programme_add")

    page = soup_of(staff_client.get(url))
    response = staff_client.post(url, PROGRAMME_FORM)

    fieldset = page.find("h2", string="Spanish version").find_parent("fieldset")
    assert [field["name"] for field in fieldset.select("input, textarea")] == [
        "title_es",
        "summary_es",
        "body_es",
        "image_alt_es",
    ]
    assert response.status_code == 302
    programme = Programme.objects.get(slug="health-and-migration")
    assert (programme.title_en, programme.title_es) == (
        "Health and migration",
        "Salud y migración",
    )
    assert programme.summary_en == "Health for migrants."
    assert programme.body_es == "<p>Atención para todos.</p>"

    change = staff_client.get(
        reverse("admin:programmes_programme_change", args=[programme.pk])
    )
    form = change.context["adminform"].form
    assert (form.initial["title"], form.initial["title_es"]) == (
        "Health and migration",
        "Salud y migración",
    )


def test_admin_form_keeps_english_under_the_plain_names_in_spanish(rf, staff_client):
    """Were the admin shown in Spanish, "title" would still be the English
    title: modeltranslation alone would read and write the Spanish one."""
    programme = ProgrammeFactory(title="Health", title_es="Salud", slug="health")
    model_admin = admin.site._registry[Programme]
    request = rf.get("/")
    request.user = get_user_model().objects.get(username="boss")

    with translation.override("es"):
        form_class = model_admin.get_form(request, programme, change=True)
        shown = form_class(instance=programme)
        posted = form_class(
            {**PROGRAMME_FORM, "title": "Health care", "title_es": "Salud"},
            instance=programme,
        )
        assert posted.is_valid(), posted.errors
        posted.save()

    assert (shown.initial["title"], shown.initial["title_es"]) == ("Health", "Salud")
    programme.refresh_from_db()
    assert (programme.title_en, programme.title_es) == ("Health care", "Salud")
    # The untranslated columns, which the search indexes cover, stay English.
    assert Programme.objects.rewrite(False).filter(pk=programme.pk).values_list(
        "title", "body"
    ).get() == ("Health care", "<p>Care for all.</p>")


def test_office_admin_has_the_spanish_texts(staff_client):
    office = OfficeFactory(name="IOM Peru", name_es="OIM Perú", slug="iom-peru")

    response = staff_client.get(
        reverse("admin:contacts_office_change", args=[office.pk])
    )

    form = response.context["adminform"].form
    assert {"name", "name_es", "introduction_es", "migration_context_es"} <= set(
        form.fields
    )
    assert (form.initial["name"], form.initial["name_es"]) == ("IOM Peru", "OIM Perú")


def test_admin_search_finds_both_languages(staff_client):
    ProgrammeFactory(title="Border management", title_es="Gestión de fronteras")
    url = reverse("admin:programmes_programme_changelist")

    spanish = staff_client.get(url, {"q": "fronteras"})
    english = staff_client.get(url, {"q": "border"})

    assert [str(p) for p in spanish.context["cl"].result_list] == ["Border management"]
    assert [str(p) for p in english.context["cl"].result_list] == ["Border management"]


# Programme and office texts in both languages


def test_programme_in_spanish_with_english_fallback(client):
    ProgrammeFactory(
        slug="border-management",
        title="Border management",
        title_es="Gestión de fronteras",
        summary="Protecting victims.",
        summary_es="",
        body="<p>English body.</p>",
        body_es="<p>Cuerpo en español.</p>",
    )

    spanish = soup_of(client.get("/es/programmes/border-management/"))
    english = soup_of(client.get("/programmes/border-management/"))

    assert spanish.h1.get_text() == "Gestión de fronteras"
    assert spanish.select_one(".lead").get_text() == "Protecting victims."
    # The English text shown for want of a Spanish one is marked as English.
    assert spanish.h1.get("lang") is None
    assert spanish.select_one(".lead")["lang"] == "en"
    assert spanish.select_one(".article-body").get("lang") is None
    assert english.select_one(".lead").get("lang") is None
    assert spanish.select_one(".article-body").decode_contents() == (
        "<p>Cuerpo en español.</p>"
    )
    assert english.h1.get_text() == "Border management"
    assert english.select_one(".article-body").decode_contents() == (
        "<p>English body.</p>"
    )


def test_spanish_programme_list_and_news_filter_use_spanish_titles(client):
    """The programmes made with the site come with their Spanish texts; one
    without shows its English title."""
    ProgrammeFactory(slug="health", title="Health", order=100)
    ArticleFactory().programmes.add(*Programme.objects.all())
    expected = [
        "Lucha contra la trata de personas",
        "Migración laboral",
        "Retorno voluntario y reintegración",
        "Migración y desarrollo",
        "Integración de migrantes",
        "Migración y cambio climático",
        "Situaciones de emergencia",
        "Políticas e investigación",
        "Health",
    ]

    programmes = soup_of(client.get("/es/programmes/"))
    news = soup_of(client.get("/es/news/"))

    titles = [h2.get_text(strip=True) for h2 in programmes.select(".card-title")]
    options = [
        option.get_text() for option in news.select("select[name=programme] option")
    ]
    assert titles == expected
    assert options == ["Todos los programas", *expected]
    assert programmes.select_one(".card-text").get_text() == (
        "Prevenir la trata de personas, proteger y asistir a quienes la sufren y "
        "ayudar a los gobiernos a juzgar a los responsables."
    )


def test_office_in_spanish_with_english_fallback(client):
    OfficeFactory(
        name="IOM Peru",
        name_es="OIM Perú",
        slug="iom-peru",
        country="PE",
        introduction="IOM has worked in Peru since 1991.",
        migration_context_es="<p>Perú <script>x()</script>recibe migrantes.</p>",
    )

    spanish = soup_of(client.get("/es/contacts/iom-peru/"))
    english = soup_of(client.get("/contacts/iom-peru/"))

    assert spanish.h1.get_text() == "OIM Perú"
    assert english.h1.get_text() == "IOM Peru"
    assert spanish.h1.get("lang") is None
    assert spanish.select_one("main .page-main > div")["lang"] == "en"
    assert spanish.find(id="context-heading").get_text() == "La migración en Perú"
    context = spanish.find(id="context-heading").find_parent("section")
    assert "Perú recibe migrantes." in context.get_text()
    assert not context.find("script")
    assert english.find(id="context-heading") is None
    assert "IOM has worked in Peru since 1991." in spanish.select_one("main").get_text()


def test_spanish_text_of_an_object_saved_in_spanish_stays_apart(client):
    """Saving while Spanish is active must not copy English into the Spanish
    texts, nor Spanish into the untranslated columns."""
    programme = ProgrammeFactory(title="Health", body="<p>English.</p>")

    with translation.override("es"):
        programme = Programme.objects.get(pk=programme.pk)
        programme.save()

    programme.refresh_from_db()
    assert (programme.title_es, programme.body_es) == (None, None)
    assert programme.body_en == "<p>English.</p>"


def test_importer_writes_the_english_texts():
    call_command(
        "import_legacy", str(LEGACY_FIXTURES / "en_regional_office.txt"), verbosity=0
    )

    office = Office.objects.get()
    assert office.name_en == office.name != ""
    assert office.name_es is None
    assert office.introduction_es in ("", None)
    seeded = Programme.objects.exclude(title_es=None).values_list("slug", flat=True)
    assert (
        Programme.objects.exclude(slug__in=list(seeded)).exclude(title_es=None).count()
        == 0
    )


# The catalogue


# The keywords makemessages gives xgettext, with the positions of the context,
# the singular and the plural.
KEYWORDS = {
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "_": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}
IGNORED = {".venv", "node_modules", "tests", "bench", "static", "staticfiles", "media"}


def source_files(extensions):
    for path in sorted(Path(settings.BASE_DIR).rglob("*")):
        parts = path.relative_to(settings.BASE_DIR).parts
        if any(part in IGNORED or part.startswith(".") for part in parts):
            continue
        if path.suffix in extensions and path.is_file():
            yield path


def message(keyword, arguments):
    """(context, msgid, plural) of a call, None unless its texts are literal."""
    positions = KEYWORDS[keyword]
    if max(p for p in positions if p is not None) >= len(arguments):
        return None
    texts = [arguments[p] if p is not None else None for p in positions]
    if not all(isinstance(text, str) for text in texts if text is not None):
        return None
    return tuple(texts)


# A template tag written inside Python (crispy's HTML(), format strings):
# makemessages cannot find it, so the page would stay in English.
TEMPLATE_TAG_IN_PYTHON_RE = re.compile(r"\{%\s*(translate|trans|blocktranslate)\b")


def test_no_translation_tag_is_written_inside_python():
    found = [
        str(path.relative_to(settings.BASE_DIR))
        for path in source_files({".py"})
        if TEMPLATE_TAG_IN_PYTHON_RE.search(path.read_text(encoding="utf-8"))
        and "tests" not in path.parts
    ]
    assert found == [], "Translate with gettext() in Python code."


@pytest.mark.parametrize(
    "path, clear",
    [
        ("/news/", "Clear filters"),
        ("/es/news/", "Borrar filtros"),
        ("/pt/news/", "Limpar filtros"),
    ],
)
def test_the_filter_forms_links_are_translated(client, path, clear):
    soup = soup_of(client.get(path))
    link = soup.select_one("#article-filter a.btn-link")
    assert (link.get_text(), link["href"]) == (clear, path)


def test_the_portuguese_interface_speaks_brazilian_portuguese(client):
    ProgrammeFactory(slug="border-management")
    home = soup_of(client.get("/pt/"))
    news = soup_of(client.get("/pt/news/"))

    assert home.html["lang"] == "pt"
    assert home.select_one('meta[property="og:locale"]')["content"] == "pt_BR"
    nav = [link.get_text(strip=True) for link in home.select(".main-nav a")]
    assert "Notícias" in nav and "Escritórios e contatos" in nav
    assert news.select_one("#article-filter")["aria-label"] == "Filtrar notícias"
    with translation.override("pt"):
        assert number_format(1234.5, 1, force_grouping=True) == "1.234,5"


def python_messages(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in KEYWORDS:
            arguments = [
                arg.value if isinstance(arg, ast.Constant) else arg for arg in node.args
            ]
            if found := message(name, arguments):
                yield found


CALL_RE = re.compile(r"\b({})\(".format("|".join(map(re.escape, KEYWORDS))))
# Django writes the texts as Python literals, with a "u" prefix.
LITERAL_RE = re.compile(r"""\s*u?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")""")
WORD_RE = re.compile(r"\s*\w+")
SEPARATOR_RE = re.compile(r"\s*([,)])")


def call_arguments(source, position):
    """The arguments of the call whose "(" ends at ``position``: the texts of
    string literals, None for anything else."""
    arguments = []
    while True:
        if literal := LITERAL_RE.match(source, position):
            arguments.append(ast.literal_eval(literal.group().strip()))
            position = literal.end()
        elif word := WORD_RE.match(source, position):
            arguments.append(None)
            position = word.end()
        else:
            return []
        separator = SEPARATOR_RE.match(source, position)
        if not separator:
            return []
        position = separator.end()
        if separator.group(1) == ")":
            return arguments


def template_messages(path):
    """The calls of Django's own template preprocessing (what makemessages
    gives xgettext): gettext('…'), ngettext('…', '…', count), _('…')…"""
    source = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    for call in CALL_RE.finditer(source):
        if found := message(call.group(1), call_arguments(source, call.end())):
            yield found


def code_messages():
    found = set()
    for path in source_files({".py"}):
        found.update(python_messages(path))
    for path in source_files({".html", ".txt"}):
        found.update(template_messages(path))
    return found


def catalogue(language="es"):
    return polib.pofile(str(locale_dir(language) / "django.po"))


@every_catalogue
def test_every_string_of_the_code_is_in_the_catalogue(language):
    entries = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)}

    found = code_messages()
    missing = sorted(
        msgid for context, msgid, _plural in found if (context, msgid) not in entries
    )

    assert len(found) > 300
    assert missing == [], "Run `make messages`, then translate."


@every_catalogue
def test_every_catalogue_string_is_translated(language):
    po = catalogue(language)
    plurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"])[1])

    untranslated = [
        entry.msgid
        for entry in po
        if "fuzzy" in entry.flags
        or not (
            all(entry.msgstr_plural.values()) and len(entry.msgstr_plural) == plurals
            if entry.msgid_plural
            else entry.msgstr
        )
    ]

    assert untranslated == []
    assert po.obsolete_entries() == []
    assert po.metadata["Language"] == language
    assert not po.metadata_is_fuzzy


@every_catalogue
def test_compiled_catalogue_is_up_to_date(language):
    """Django reads django.mo: it must hold what django.po says."""

    def translations(entries):
        return {
            (entry.msgctxt, entry.msgid): (
                tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
                if entry.msgid_plural
                else entry.msgstr
            )
            for entry in entries
            if entry.msgid
        }

    compiled = polib.mofile(str(locale_dir(language) / "django.mo"))

    assert translations(compiled) == translations(
        catalogue(language).translated_entries()
    )
    assert translations(compiled)  # Not an empty file.


@every_catalogue
def test_placeholders_match_the_english_ones(language):
    """A msgstr with another placeholder than its msgid fails at run time."""
    placeholder = re.compile(r"%\((\w+)\)[sd]")
    wrong = []
    for entry in catalogue(language):
        expected = set(placeholder.findall(entry.msgid))
        if entry.msgid_plural:
            expected |= set(placeholder.findall(entry.msgid_plural))
            texts = list(entry.msgstr_plural.values())
        else:
            texts = [entry.msgstr]
        wrong += [
            entry.msgid for text in texts if set(placeholder.findall(text)) != expected
        ]
    assert wrong == []


@pytest.mark.skipif(
    not shutil.which("xgettext"),
    reason="GNU gettext is missing (apt-get install gettext)",
)
def test_makemessages_finds_nothing_new(tmp_path):
    """What `make messages` would do, in a copy of the project: no string to
    add, none left over."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(*IGNORED, ".*", "__pycache__", "*.sqlite3*")
    shutil.copytree(settings.BASE_DIR, copy, ignore=ignore)
    environment = {**os.environ, "DJANGO_DEBUG": "1"}
    environment.pop("DATABASE_URL", None)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            *(f"--locale={language}" for language in CATALOGUES),
            "--no-obsolete",
            "--add-location=file",
            *(f"--ignore={name}" for name in sorted(IGNORED)),
        ],
        cwd=copy,
        env=environment,
        check=True,
        capture_output=True,
        timeout=120,
    )

    def texts(po):
        return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po}

    for language in CATALOGUES:
        path = copy / "locale" / language / "LC_MESSAGES" / "django.po"
        remade = polib.pofile(str(path))
        assert texts(remade) == texts(catalogue(language)), language
        assert remade.untranslated_entries() == remade.fuzzy_entries() == []
        assert {(e.msgctxt, e.msgid) for e in remade} >= {
            (context, msgid) for context, msgid, _plural in code_messages()
        }


# Valid HTML in Spanish


@pytest.mark.usefixtures("checker_installed")
def test_spanish_pages_are_valid_html(client, tmp_path, pair):
    load_demo_content()
    pages = {
        "home": "/es/",
        "news": "/es/news/?country=PE",
        "english-article": f"/es{reverse('articles:detail', args=[FEATURED_ARTICLE])}",
        "pair-original": "/es/news/floods-beni/",
        "pair-translation": "/es/news/inundaciones-beni/",
        "programmes": "/es/programmes/",
        "programme": f"/es{reverse('programmes:detail', args=[PROGRAMME])}",
        "contacts": "/es/contacts/",
        "office": f"/es{reverse('contacts:office', args=[COUNTRY_OFFICE])}",
        "search": "/es/search/?q=trata",
    }
    documents = {
        name: client.get(path).content.decode() for name, path in pages.items()
    }
    documents["not-found"] = client.get("/es/no-such-page/").content.decode()

    errors = check_html(documents, tmp_path)

    assert {name: found for name, found in errors.items() if found} == {}
