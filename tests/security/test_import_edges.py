"""import_legacy on a hostile folder: it reads nothing outside the folder it
was given, refuses what it cannot read whole, stores images as pixels alone,
and shows the operator no raw escape sequence."""

import io
import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.redirects.models import Redirect
from django.core.management import CommandError, call_command
from PIL import Image

from articles.models import Article

pytestmark = pytest.mark.django_db

PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | IOM</title></head>
<body><article class="node node-news node--view-mode-full">
<h1>{title}</h1>
<div class="field field-name-post-date">Posted: <span class="date-display-single"
 content="2019-11-04T12:00:00-03:00">Monday, November 4, 2019 - 12:00</span></div>
<div class="field field-name-body"><div class="field-items"><div class="field-item">
<p>Santiago – Two mobile clinics now stop every week where people wait.</p>
{body}
<p>More than 1,200 people were seen in the first month, a third of them children.</p>
</div></div></div></article></body></html>
"""


def page(path, title="Mobile Clinics Reach Migrants", body=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    return path


def run(*args, verbosity=1):
    out, err = StringIO(), StringIO()
    try:
        call_command(
            "import_legacy",
            *map(str, args),
            verbosity=verbosity,
            stdout=out,
            stderr=err,
        )
    except CommandError:
        pass
    return out.getvalue(), err.getvalue()


def report_of(tmp_path, *paths):
    report = tmp_path / "report.json"
    run(*paths, "--report", report)
    return {
        Path(entry["source"]).name: entry
        for entry in json.loads(report.read_text(encoding="utf-8"))["files"]
    }


def test_a_link_to_a_file_outside_the_folder_is_refused_not_imported(tmp_path):
    secret = tmp_path / "private" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text(PASSWD)
    folder = tmp_path / "dump"
    page(folder / "clinics.html")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "etc").symlink_to(secret.parent, target_is_directory=True)

    entries = report_of(tmp_path, folder)

    assert entries["passwd.txt"]["status"] == "failed"
    assert "outside" in entries["passwd.txt"]["error"]
    assert entries["clinics.html"]["status"] == "created"
    assert not Article.objects.filter(body__contains="root:x").exists()
    assert Article.objects.count() == 1


def test_a_link_to_a_page_inside_the_folder_is_read(tmp_path):
    folder = tmp_path / "dump"
    real = page(folder / "2019" / "clinics.html")
    (folder / "latest.html").symlink_to(real)

    entries = report_of(tmp_path, folder)

    assert {entry["status"] for entry in entries.values()} <= {"created", "skipped"}
    assert Article.objects.count() == 1


def jpeg_bytes(**options):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "JPEG", **options)
    return buffer.getvalue()


def test_images_are_never_read_above_the_folder_given(tmp_path, settings):
    # A page four folders deep in the dump, an image in a folder above the
    # dump, where "up to four folders above" used to reach.
    outside = tmp_path / "sites" / "default" / "files" / "secret.jpg"
    outside.parent.mkdir(parents=True)
    outside.write_bytes(jpeg_bytes())
    folder = tmp_path / "dump"
    inside = folder / "sites" / "default" / "files" / "van.jpg"
    inside.parent.mkdir(parents=True)
    inside.write_bytes(jpeg_bytes())
    (folder / "sites" / "default" / "files" / "linked.jpg").symlink_to(outside)
    page(
        folder / "news" / "2019" / "11" / "clinics.html",
        body='<p><img src="/sites/default/files/secret.jpg" alt="Secret"></p>'
        '<p><img src="/sites/default/files/linked.jpg" alt="Linked"></p>'
        '<p><img src="/sites/default/files/van.jpg" alt="The van"></p>',
    )

    entries = report_of(tmp_path, folder)

    assert entries["clinics.html"]["warnings"] == [
        "image not imported: /sites/default/files/secret.jpg",
        "image not imported: /sites/default/files/linked.jpg",
    ]
    stored = list((Path(settings.MEDIA_ROOT) / "articles" / "legacy").iterdir())
    assert [path.name.split("-", 1)[1] for path in stored] == ["van.jpg"]


def test_a_deeply_nested_page_and_an_image_bomb_are_refused(tmp_path, caplog):
    folder = tmp_path / "dump"
    nested = folder / "nested.html"
    nested.parent.mkdir()
    nested.write_text(
        "<html><body><h1>Deep</h1>" + "<div>" * 10_000 + "text" + "</div>" * 10_000
    )
    bomb = folder / "clinics_files" / "bomb.png"
    bomb.parent.mkdir()
    Image.new("1", (20_000, 20_000)).save(bomb)  # 400 megapixels, a few kB
    page(folder / "clinics.html", body='<p><img src="clinics_files/bomb.png" alt="B">')

    entries = report_of(tmp_path, folder)

    assert entries["nested.html"]["status"] == "failed"
    assert entries["nested.html"]["error"] == "the page's markup is nested too deeply"
    assert entries["clinics.html"]["status"] == "created"
    assert entries["clinics.html"]["warnings"] == [
        "image not imported: clinics_files/bomb.png"
    ]
    assert "Traceback" not in caplog.text


def test_imported_images_are_stored_as_pixels_alone(tmp_path, settings):
    folder = tmp_path / "dump"
    files = folder / "clinics_files"
    files.mkdir(parents=True)
    exif = Image.Exif()
    exif[0x8825] = {1: "S", 2: (33.0, 27.0, 0.0)}  # a GPS position
    (files / "gps.jpg").write_bytes(jpeg_bytes(exif=exif.tobytes()))
    # A polyglot: a valid GIF with HTML after its end.
    gif = io.BytesIO()
    Image.new("P", (8, 8)).save(gif, "GIF", comment=b"<script>alert(1)</script>")
    (files / "poly.gif").write_bytes(gif.getvalue() + b"<html><script>x()</script>")
    page(
        folder / "clinics.html",
        body='<p><img src="clinics_files/gps.jpg" alt="GPS"></p>'
        '<p><img src="clinics_files/poly.gif" alt="Poly"></p>',
    )

    run(folder)

    stored = sorted((Path(settings.MEDIA_ROOT) / "articles" / "legacy").iterdir())
    assert sorted(path.suffix for path in stored) == [".jpg", ".png"]
    for path in stored:
        data = path.read_bytes()
        assert b"script" not in data
        with Image.open(path) as image:
            assert not image.getexif()
            assert "comment" not in image.info


def test_escape_sequences_never_reach_the_terminal(tmp_path):
    folder = tmp_path / "dump"
    page(folder / "clear\x1b[2J.html", title="Clinics \x1b]0;owned\x07 Open")

    out, err = run(folder, verbosity=2)

    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "\\x1b[2J.html" in out
    article = Article.objects.get()
    assert "\x1b" not in article.title and "\x07" not in article.title


def test_a_title_of_short_words_never_takes_over_a_section(tmp_path, client):
    page(tmp_path / "a.html", title="A")

    run(tmp_path / "a.html")

    article = Article.objects.get()
    assert article.slug not in ("news", "feed")
    assert not Redirect.objects.filter(old_path__in=["/news", "/news/"]).exists()
    assert client.get("/news/").status_code == 200
