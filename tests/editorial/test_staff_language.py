"""The admin speaks to each staff member in the language they chose, else in
their browser's; the public pages keep the language of their address."""

import pytest
from bs4 import BeautifulSoup

from iomsite.models import StaffPreference

from ..factories import ArticleFactory

pytestmark = pytest.mark.django_db


def heading(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.html["lang"], soup.select_one("#content h1, #content-main h1, h1").text


@pytest.mark.parametrize(("language", "save"), [("es", "Guardar"), ("pt", "Salvar")])
def test_the_admin_answers_in_the_chosen_language(editor_client, language, save):
    response = editor_client.post("/admin/language/", {"language": language})
    assert response.status_code == 302

    index = editor_client.get("/admin/")
    assert index["Content-Language"] == language
    assert heading(index)[0] == language
    article = ArticleFactory()
    change = editor_client.get(f"/admin/articles/article/{article.pk}/change/")
    assert change["Content-Language"] == language
    # The project's labels and Django's own, both in that language.
    content = change.content.decode()
    assert {"es": "Contenido", "pt": "Conteúdo"}[language] in content
    assert f'value="{save}"' in content
    # A browser asking for English changes nothing: the choice wins.
    english = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert english["Content-Language"] == language
    # The public site keeps the language of its addresses.
    assert editor_client.get("/news/")["Content-Language"] == "en"


def test_without_a_choice_the_admin_follows_the_browser(editor_client, editor):
    assert not StaffPreference.objects.filter(user=editor).exists()
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9")
    assert response["Content-Language"] == "pt"
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="es-AR,es;q=0.9")
    assert response["Content-Language"] == "es"
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Content-Language"] == "en"


def test_the_choice_page_saves_and_refuses_an_unknown_language(editor_client, editor):
    page = editor_client.get("/admin/language/")
    options = BeautifulSoup(page.content, "html.parser").select("select option")
    assert [option["value"] for option in options] == ["", "en", "es", "pt"]

    refused = editor_client.post("/admin/language/", {"language": "fr"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["language"]
    editor_client.post("/admin/language/", {"language": "pt"})
    assert StaffPreference.objects.get(user=editor).language == "pt"
    editor_client.post("/admin/language/", {"language": ""})
    assert StaffPreference.objects.get(user=editor).language == ""


def test_visitors_cannot_reach_the_choice_page(client):
    response = client.get("/admin/language/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
