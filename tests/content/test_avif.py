"""AVIF renditions: made on upload beside the WebP and original-format ones,
offered first in every ``<picture>``, smaller than the WebP of a photo, and
left out, never broken, when they cannot be made."""

import io
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from PIL import Image, features

from iomsite.content.images import picture_for
from programmes.models import Programme

from ..factories import ArticleFactory, make_image_file, make_photo_file

pytestmark = pytest.mark.django_db


def rendition_files(suffix):
    root = Path(settings.MEDIA_ROOT) / "renditions"
    return sorted(path for path in root.rglob(f"*{suffix}") if path.is_file())


def candidates(srcset):
    """[(path under MEDIA_ROOT, width)] of a srcset."""
    return [
        (
            Path(settings.MEDIA_ROOT, url.removeprefix(settings.MEDIA_URL)),
            int(width.rstrip("w")),
        )
        for url, width in (candidate.split() for candidate in srcset.split(", "))
    ]


def picture_of(client, article):
    page = BeautifulSoup(client.get(article.get_absolute_url()).text, "html.parser")
    return page.select_one("figure picture")


def without_avif_encoder(monkeypatch):
    """Pillow as it is built without libavif: it cannot write AVIF."""
    monkeypatch.delitem(Image.SAVE, "AVIF")


def test_an_upload_in_the_admin_makes_avif_renditions(admin_client):
    response = admin_client.post(
        reverse("admin:programmes_programme_add"),
        {
            "title": "Climate mobility",
            "slug": "climate-mobility",
            "order": "100",
            "is_published": "on",
            "image": make_image_file("field.jpg", size=(1600, 900)),
            "image_alt": "A field",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    assert Programme.objects.get(slug="climate-mobility").image
    avifs = rendition_files(".avif")
    formats = []
    for path in avifs:
        with Image.open(path) as rendition:
            formats.append((rendition.format, rendition.size))
    assert sorted(formats) == [
        ("AVIF", (480, 270)),
        ("AVIF", (960, 540)),
        ("AVIF", (1440, 810)),
    ]
    # Beside the others, under renditions/.
    assert len(rendition_files(".webp")) == len(rendition_files(".jpg")) == 3


def test_the_picture_offers_avif_then_webp_then_the_original_format(client):
    article = ArticleFactory(image=make_photo_file(), image_alt="A boat")

    picture = picture_of(client, article)

    children = [
        (child.name, child.get("type"))
        for child in picture.find_all(["source", "img"], recursive=False)
    ]
    assert children == [
        ("source", "image/avif"),
        ("source", "image/webp"),
        ("img", None),
    ]
    avif, webp = picture.find_all("source")
    image = picture.find("img")
    for srcset, image_format in (
        (avif["srcset"], "AVIF"),
        (webp["srcset"], "WEBP"),
        (image["srcset"], "JPEG"),
    ):
        for path, width in candidates(srcset):
            with Image.open(path) as rendition:
                assert (rendition.format, rendition.width) == (image_format, width)
    assert [width for _path, width in candidates(avif["srcset"])] == [480, 960, 1440]


def test_avif_renditions_of_a_photo_are_smaller_than_the_webp_ones():
    article = ArticleFactory(image=make_photo_file(), image_alt="A boat")

    picture = picture_for(article.image)

    sizes = {
        name: {width: path.stat().st_size for path, width in candidates(srcset)}
        for name, srcset in (
            ("avif", picture.avif_srcset),
            ("webp", picture.webp_srcset),
            ("jpeg", picture.srcset),
        )
    }
    for width in (480, 960, 1440):
        assert sizes["avif"][width] < sizes["webp"][width] < sizes["jpeg"][width]


def test_without_avif_the_picture_keeps_webp_and_the_original(
    client, monkeypatch, caplog
):
    """An image uploaded where Pillow cannot write AVIF: its page offers the
    WebP and original-format renditions, and lists no file that is missing."""
    without_avif_encoder(monkeypatch)
    caplog.set_level(logging.ERROR, logger="iomsite.content.images")

    article = ArticleFactory(image=make_photo_file(), image_alt="A boat")
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    picture = BeautifulSoup(response.text, "html.parser").select_one("figure picture")
    assert [source["type"] for source in picture.find_all("source")] == ["image/webp"]
    image = picture.find("img")
    listed = candidates(picture.find("source")["srcset"]) + candidates(image["srcset"])
    assert all(path.is_file() for path, _width in listed)
    assert image["alt"] == "A boat"
    assert rendition_files(".avif") == []
    assert f"No AVIF renditions of {article.image.name}" in caplog.messages


def test_a_pillow_without_avif_offers_none_and_logs_nothing(
    client, monkeypatch, caplog
):
    check = features.check
    monkeypatch.setattr(features, "check", lambda name: name != "avif" and check(name))
    caplog.set_level(logging.ERROR, logger="iomsite.content.images")
    article = ArticleFactory(image=make_photo_file(), image_alt="A boat")

    picture = picture_of(client, article)

    assert [source["type"] for source in picture.find_all("source")] == ["image/webp"]
    assert rendition_files(".avif") == []
    assert caplog.messages == []


def test_an_image_from_before_avif_gets_its_renditions_when_shown(client, monkeypatch):
    without_avif_encoder(monkeypatch)
    article = ArticleFactory(image=make_image_file(size=(1600, 900)), image_alt="A")
    monkeypatch.undo()

    picture = picture_of(client, article)

    avif = picture.find("source", type="image/avif")
    assert [width for _path, width in candidates(avif["srcset"])] == [480, 960, 1440]
    assert all(path.is_file() for path, _width in candidates(avif["srcset"]))


def test_a_lost_avif_rendition_that_cannot_be_made_again_is_left_out(
    client, monkeypatch
):
    article = ArticleFactory(image=make_image_file(size=(1600, 900)), image_alt="A")
    for path in rendition_files(".avif"):
        path.unlink()
    without_avif_encoder(monkeypatch)

    picture = picture_of(client, article)

    assert [source["type"] for source in picture.find_all("source")] == ["image/webp"]
    assert picture.find("img")["src"].endswith(".jpg")


def test_make_renditions_gives_older_images_their_avif_ones(client, monkeypatch):
    without_avif_encoder(monkeypatch)
    article = ArticleFactory(image=make_image_file(size=(1600, 900)), image_alt="A")
    monkeypatch.undo()
    stdout = io.StringIO()

    call_command("make_renditions", stdout=stdout)

    assert stdout.getvalue() == "Renditions of 1 images made or found.\n"
    made = {path: path.stat().st_mtime_ns for path in rendition_files("")}
    assert len(rendition_files(".avif")) == 3
    picture = picture_of(client, article)
    assert picture.find("source", type="image/avif")
    # The page made nothing: it found them.
    assert {path: path.stat().st_mtime_ns for path in rendition_files("")} == made
