"""Every public page type is valid HTML, as the Nu Html Checker (vnu.jar, from
the npm package ``vnu-jar``) sees it: no errors (warnings are allowed).

The pages are fetched with the test client and checked by one run of the
checker, since starting the JVM takes seconds.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Article
from contacts.models import Office

from .browser.pages import COUNTRY_OFFICE, STATUS, load_demo_content, public_pages
from .factories import ArticleFactory

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist"
VNU_JAR = VNU_JAR / "vnu.jar"
JAVA = shutil.which("java")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def checker_installed():
    """Skip without Java or node_modules; fail on CI, which installs both
    (.ci/run, make test): a skip there would hide a broken install."""
    missing = [
        what
        for what, present in [
            ("java (apt-get install default-jre-headless)", JAVA),
            (f"{VNU_JAR} (npm ci)", VNU_JAR.exists()),
        ]
        if not present
    ]
    if missing:
        message = "Missing: " + ", ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


# A page with one known error, checked with the others: proves that the
# checker ran and that its errors are read.
CANARY = """<!DOCTYPE html>
<html lang="en"><head><title>Canary</title></head>
<body><p id="twice">One</p><p id="twice">Two</p></body></html>
"""


def check_html(documents, folder):
    """{name: [error, …]} for {name: html}, with vnu's errors as readable
    lines ("line 12: message … extract")."""
    paths = {}
    for name, html in documents.items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths[path.resolve()] = name
    completed = subprocess.run(
        [
            JAVA,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--stdout",
            "--errors-only",
            "--exit-zero-always",
            "--no-langdetect",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors = {name: [] for name in documents}
    for message in json.loads(completed.stdout)["messages"]:
        # "error", or "non-document-error" when a file could not be read.
        if message["type"] == "info":
            continue
        name = paths[Path(unquote(urlparse(message["url"]).path)).resolve()]
        extract = message.get("extract", "").strip().replace("\n", " ")
        errors[name].append(
            f"line {message.get('lastLine', '?')}: {message['message']}"
            + (f"  [{extract}]" if extract else "")
        )
    return errors


def fetch(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.text


def test_every_public_page_type_is_valid_html(client, tmp_path):
    load_demo_content()
    # Enough news for a second page, so that the pagination is checked too.
    ArticleFactory.create_batch(12)
    pages = public_pages()
    # Every page type in each other language too.
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            pages |= {
                f"{name} ({code})": path for name, path in public_pages(code).items()
            }
    documents = {
        name: fetch(client, path, STATUS.get(name.split(" ")[0], 200))
        for name, path in pages.items()
    }
    documents["news-page-2"] = fetch(client, f"{pages['news']}?page=2")
    for name, template in (("server-error", "500.html"), ("unavailable", "503.html")):
        documents[name] = Path(settings.BASE_DIR, "templates", template).read_text()
    documents["canary"] = CANARY

    errors = check_html(documents, tmp_path)

    canary = errors.pop("canary")
    assert len(canary) == 1 and "Duplicate ID “twice”" in canary[0], canary
    invalid = {name: found for name, found in errors.items() if found}
    assert not invalid, "\n".join(
        f"{name} ({pages.get(name, '')}):\n  " + "\n  ".join(found)
        for name, found in invalid.items()
    )


def test_a_preview_for_staff_is_valid_html(client, tmp_path):
    load_demo_content()
    draft = ArticleFactory(status=Article.Status.DRAFT, title="Draft news")
    Office.objects.filter(slug=COUNTRY_OFFICE).update(is_public=False)
    client.force_login(
        get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    )
    preview = fetch(client, draft.get_absolute_url())
    assert "Preview — not published" in preview

    office_preview = fetch(
        client, reverse("contacts:office", kwargs={"slug": COUNTRY_OFFICE})
    )
    assert "Preview — not published" in office_preview

    errors = check_html(
        {"article-preview": preview, "office-preview": office_preview}, tmp_path
    )

    assert errors == {"article-preview": [], "office-preview": []}
