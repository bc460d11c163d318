"""Old addresses: moved ones redirect, retired ones answer 410 Gone with a
page of ours; staff manage both with the redirects in the admin."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.urls import reverse

from articles.models import Article

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:redirects_redirect_changelist")


def retire(path, new_path=""):
    return Redirect.objects.create(
        site=Site.objects.get_current(), old_path=path, new_path=new_path
    )


def test_a_retired_address_answers_gone_with_a_helpful_page(client):
    retire("/en/news/old-story.html")

    response = client.get("/en/news/old-story.html")

    assert response.status_code == 410
    assert "410.html" in [template.name for template in response.templates]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Page removed"
    form = soup.select_one("main form[role=search]")
    assert (form["action"], form["method"]) == (reverse("search"), "get")
    query = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={query['id']}]") is not None
    links = [link["href"] for link in soup.select("main ul a")]
    assert links == ["/", "/news/", "/programmes/", "/contacts/"]
    assert soup.select_one("meta[name=robots]")["content"] == "noindex"


def test_a_retired_spanish_address_answers_in_spanish(client):
    retire("/es/noticias/vieja/")

    response = client.get("/es/noticias/vieja/")

    assert response.status_code == 410
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "es"
    assert soup.h1.get_text(strip=True) == "Página retirada"
    links = [link["href"] for link in soup.select("main ul a")]
    assert links == ["/es/", "/es/news/", "/es/programmes/", "/es/contacts/"]


def test_a_retired_address_without_its_slash_is_gone_too(client):
    retire("/news/old-story/")
    assert client.get("/news/old-story").status_code == 410


def test_a_moved_address_still_redirects_and_others_are_not_found(client):
    retire("/old/", new_path="/news/")
    response = client.get("/old/")
    assert (response.status_code, response["Location"]) == (301, "/news/")
    assert client.get("/never-was/").status_code == 404


def test_a_page_that_still_answers_is_not_hidden_by_a_retired_address(client):
    article = ArticleFactory(slug="still-here")
    retire(article.get_absolute_url())
    assert client.get(article.get_absolute_url()).status_code == 200


def test_retiring_a_page_makes_its_cached_copy_stale(client):
    article = ArticleFactory(slug="short-lived")
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200  # now in the page cache
    # Hidden without a signal, as a bulk update does: the cache still has it.
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    assert client.get(url).status_code == 200

    retire(url)

    assert client.get(url).status_code == 410


def test_the_admin_shows_and_filters_gone_addresses(admin_client):
    retire("/gone/")
    retire("/moved/", new_path="/news/")

    response = admin_client.get(CHANGELIST)
    rows = {
        row.select_one("th").get_text(strip=True): row.select_one(
            "td.field-answer"
        ).get_text(strip=True)
        for row in BeautifulSoup(response.content, "html.parser").select(
            "#result_list tbody tr"
        )
    }
    assert rows == {"/gone/": "— gone (410) —", "/moved/": "/news/"}

    gone = admin_client.get(CHANGELIST, {"answer": "gone"})
    assert [r.old_path for r in gone.context["cl"].result_list] == ["/gone/"]
    moved = admin_client.get(CHANGELIST, {"answer": "redirect"})
    assert [r.old_path for r in moved.context["cl"].result_list] == ["/moved/"]


def test_the_add_form_says_how_to_mark_an_address_gone(admin_client):
    response = admin_client.get(reverse("admin:redirects_redirect_add"))
    soup = BeautifulSoup(response.content, "html.parser")
    help_text = soup.select_one("#id_new_path_helptext").get_text(" ", strip=True)
    assert "Leave it empty to mark the old address as gone" in help_text


def test_the_mark_gone_action_retires_addresses_and_stales_the_cache(
    client, admin_client
):
    article = ArticleFactory(slug="to-retire")
    url = article.get_absolute_url()
    moved = retire("/elsewhere/", new_path=url)
    kept = retire("/kept/", new_path="/news/")
    assert client.get(url).status_code == 200
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    page = retire(url, new_path="/news/")

    response = admin_client.post(
        CHANGELIST,
        {"action": "mark_gone", "_selected_action": [moved.pk, page.pk]},
        follow=True,
    )

    assert [str(message) for message in response.context["messages"]] == [
        "2 old addresses now answer “gone” (410)."
    ]
    assert Redirect.objects.get(pk=moved.pk).new_path == ""
    assert Redirect.objects.get(pk=kept.pk).new_path == "/news/"
    assert client.get("/elsewhere/").status_code == 410
    assert client.get(url).status_code == 410
