"""Saved HTML pages through the real command into the real database: their
images, their links to the old site, and the files refused."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from articles.models import Article
from iomsite.models import LegacyRecord

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"


def run(tmp_path, *paths):
    report = tmp_path / "report.json"
    try:
        call_command(
            "import_legacy",
            *map(str, paths),
            "--report",
            str(report),
            stdout=StringIO(),
            stderr=StringIO(),
        )
    except CommandError:
        pass
    data = json.loads(report.read_text(encoding="utf-8"))
    return {Path(entry["source"]).name: entry for entry in data["files"]}


def test_an_image_saved_beside_the_page_is_imported_the_others_leave_captions(
    tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = tmp_path / "saved" / "clinic.html"
    (page.parent / "clinic_files").mkdir(parents=True)
    shutil.copy(FIXTURES / "html_figures.html", page)
    Image.new("RGB", (40, 30), "red").save(
        page.parent / "clinic_files" / "nurse-check.jpg"
    )

    entry = run(tmp_path, page)["clinic.html"]

    article = Article.objects.get()
    (stored,) = (settings.MEDIA_ROOT / "articles" / "legacy").iterdir()
    assert stored.name.endswith("-nurse-check.jpg")
    assert (
        f'<figure><img src="/media/articles/legacy/{stored.name}" alt="A nurse takes '
        'the blood pressure of a woman holding a baby"><figcaption>A nurse checks a '
        "mother who arrived the night before. Photo: IOM/Carla Medina</figcaption>"
        "</figure>"
    ) in article.body
    # The images that did not come with the page keep their captions as text.
    assert "<p>The clinic van at the bus terminal in Colchane.</p>" in article.body
    assert "/sites/default/files" not in article.body
    assert entry["warnings"] == [
        "image not imported: /sites/default/files/styles/large/public/clinic-van.jpg"
        "?itok=Xy12",
        "image not imported: /sites/default/files/waiting-room.jpg",
        "image not imported: https://www.iom.int/sites/g/files/tmzbdl486/files/"
        "map-route.png",
    ]

    again = run(tmp_path, page)["clinic.html"]
    assert again["status"] == "unchanged"
    assert len(list((settings.MEDIA_ROOT / "articles" / "legacy").iterdir())) == 1


def test_links_to_pages_imported_later_in_the_run_are_rewritten_at_its_end(tmp_path):
    entries = run(
        tmp_path,
        FIXTURES / "html_old_links.html",
        FIXTURES / "html_old_links_target.html",
    )

    target = Article.objects.get(title="Help Desks Open at Three Border Crossings")
    linking = Article.objects.get(title="A Year of Work at the Borders")
    assert f'href="{target.get_absolute_url()}#results"' in linking.body
    assert (
        'href="https://robuenosaires.iom.int/news/border-officials-uruguay-train-'
        'identify-trafficking-victims"' in linking.body
    )
    assert entries["html_old_links.html"]["warnings"] == [
        "link to the old site not rewritten: https://robuenosaires.iom.int/news/"
        "border-officials-uruguay-train-identify-trafficking-victims",
        "link to the old site not rewritten: https://robuenosaires.iom.int/sites/"
        "default/files/border-report-2019.pdf",
        "link to the old site not rewritten: http://www.robuenosaires.iom.int/es/"
        "news/un-ano-en-las-fronteras",
    ]
    # The rewritten body is what the import remembers: the next run finds
    # nothing changed and nothing edited by staff.
    record = LegacyRecord.objects.get(model="articles.article", object_pk=linking.pk)
    assert record.values["body"] == linking.body
    again = run(tmp_path, FIXTURES / "html_old_links.html")
    assert again["html_old_links.html"]["status"] == "unchanged"


def test_a_link_to_a_page_imported_before_is_rewritten_at_once(tmp_path):
    run(tmp_path, FIXTURES / "html_old_links_target.html")
    entries = run(tmp_path, FIXTURES / "html_old_links.html")

    target = Article.objects.get(title="Help Desks Open at Three Border Crossings")
    linking = Article.objects.get(title="A Year of Work at the Borders")
    assert f'href="{target.get_absolute_url()}#results"' in linking.body
    assert len(entries["html_old_links.html"]["warnings"]) == 3


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("refuse_docx_renamed.html", "binary file: it contains NUL bytes"),
        ("refuse_pdf_renamed.txt", "binary file: a PDF document, not a page"),
        (
            "refuse_only_links.html",
            "a listing of 4 teasers (a tag, category or search page), not one page",
        ),
        ("empty.txt", "empty file"),
        ("only_navigation.txt", "the page holds only navigation, no content"),
    ],
)
def test_files_that_are_not_old_pages_are_refused_and_nothing_is_written(
    tmp_path, name, reason
):
    entry = run(tmp_path, FIXTURES / name)[name]

    assert (entry["status"], entry["error"]) == ("failed", reason)
    assert not Article.objects.exists() and not LegacyRecord.objects.exists()


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"A title\n" + b"word " * 600_000)

    entry = run(tmp_path, huge)["huge.txt"]

    assert entry["status"] == "failed"
    assert "over the 2,097,152-byte limit" in entry["error"]
    assert not Article.objects.exists()
