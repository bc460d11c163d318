import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import reverse

from articles.models import Article

from ..factories import ArticleFactory
from .test_publishing import article_data

pytestmark = pytest.mark.django_db

EXTENSIONS = {
    # Always there (django-prose-editor's defaults).
    "Document",
    "Dropcursor",
    "Gapcursor",
    "Paragraph",
    "Text",
    "Menu",
    "NoSpellCheck",
    "History",
    # Ours.
    "Heading",
    "Bold",
    "Italic",
    "HardBreak",
    "BulletList",
    "OrderedList",
    "ListItem",
    "Blockquote",
    "Link",
    "Table",
    "TableRow",
    "TableHeader",
    "TableCell",
    "Image",
}


def editor_config(html, name):
    textarea = BeautifulSoup(html, "html.parser").find("textarea", attrs={"name": name})
    return json.loads(textarea["data-django-prose-editor-configurable"])


@pytest.mark.parametrize(
    ("url_name", "field"),
    [
        ("admin:articles_article_add", "body"),
        ("admin:programmes_programme_add", "body"),
        ("admin:contacts_office_add", "migration_context"),
    ],
)
def test_html_fields_get_the_editor_with_our_extensions(admin_client, url_name, field):
    config = editor_config(admin_client.get(reverse(url_name)).text, field)

    assert set(config["extensions"]) == EXTENSIONS
    assert config["extensions"]["Heading"] == {"levels": [2, 3, 4]}
    assert config["extensions"]["Link"] == {
        "enableTarget": False,
        "protocols": ["http", "https", "mailto", "tel"],
    }


def test_plain_text_fields_stay_plain(admin_client):
    page = BeautifulSoup(
        admin_client.get(reverse("admin:contacts_office_add")).text, "html.parser"
    )

    introduction = page.find("textarea", attrs={"name": "introduction"})
    assert "data-django-prose-editor-configurable" not in introduction.attrs


def test_the_editor_comes_from_our_static_files_with_the_nonce(admin_client):
    response = admin_client.get(reverse("admin:articles_article_add"))
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    page = BeautifulSoup(response.text, "html.parser")

    scripts = [
        script["src"]
        for script in page.find_all("script", src=True)
        if "prose_editor" in script["src"]
    ]
    importmap = page.find("script", type="importmap")
    placeholder = page.find("style", attrs={"data-tiptap-style": True})

    assert scripts == [
        "/static/django_prose_editor/editor.js",
        "/static/django_prose_editor/configurable.js",
    ]
    assert all(finders.find(src.removeprefix("/static/")) for src in scripts)
    assert json.loads(importmap.string)["imports"] == {
        "django-prose-editor/editor": scripts[0],
        "django-prose-editor/configurable": scripts[1],
    }
    assert importmap["nonce"] == nonce
    assert placeholder["nonce"] == nonce
    assert placeholder.string in (None, "")
    assert page.find("link", href="/static/css/prose-editor-core.css")
    assert finders.find("css/prose-editor-core.css")


def test_what_the_editor_cannot_make_is_removed_on_save(admin_client):
    article = ArticleFactory(status=Article.Status.DRAFT)
    body = (
        '<h1>Title</h1><p style="color:red" onclick="steal()">Hi <span>there</span>'
        '<a href="javascript:alert(1)" target="_blank">link</a></p>'
        "<script>alert(1)</script><h3>Kept</h3><table><tbody><tr><td>1</td></tr>"
        "</tbody></table>"
    )

    response = admin_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_data(article, body=body),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == (
        'Title<p>Hi there<a rel="noopener noreferrer">link</a></p><h3>Kept</h3>'
        "<table><tbody><tr><td>1</td></tr></tbody></table>"
    )


def test_an_empty_editor_saves_an_empty_body(admin_client):
    article = ArticleFactory(status=Article.Status.DRAFT)

    admin_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_data(article, body="<p></p>"),
    )

    article.refresh_from_db()
    assert article.body == ""
