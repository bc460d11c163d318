"""Uploaded images: only real ones, stored without metadata, served as
responsive renditions made once."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from articles.models import Article
from contacts.models import Contact
from iomsite.content.images import (
    MAX_UPLOAD_BYTES,
    NOT_AN_IMAGE,
    picture_for,
    validate_image,
)
from programmes.models import Programme

from ..factories import ArticleFactory, ContactFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def image_file(name="photo.jpg", size=(1600, 900), image_format="JPEG", **save):
    buffer = io.BytesIO()
    mode = "RGBA" if image_format == "PNG" else "RGB"
    Image.new(mode, size, (0, 51, 160)).save(buffer, format=image_format, **save)
    return SimpleUploadedFile(name, buffer.getvalue())


def png_header_only(width, height):
    """A PNG that claims ``width``×``height`` pixels in a few bytes."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def messages(error):
    return [str(message) for message in error.value.messages]


# What is accepted ------------------------------------------------------------------


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        SimpleUploadedFile("page.jpg", b"<html><script>alert(1)</script></html>"),
        SimpleUploadedFile("broken.jpg", image_file().read()[:400]),
    ],
    ids=["svg", "html-named-jpg", "truncated-jpeg"],
)
def test_files_that_are_not_usable_images_are_refused(upload):
    with pytest.raises(ValidationError) as error:
        validate_image(upload)

    assert messages(error) == [NOT_AN_IMAGE]


def test_the_refusal_says_what_to_upload_instead():
    assert str(NOT_AN_IMAGE) == (
        "This file is not an image we can use (or it is damaged). Upload a photo or "
        "picture as JPEG, PNG or WebP; SVG and other files are refused."
    )


def test_other_image_formats_are_refused():
    with pytest.raises(ValidationError) as error:
        validate_image(image_file("anim.gif", size=(20, 20), image_format="GIF"))

    assert messages(error) == [
        "GIF files are not accepted: upload a photo or picture as JPEG, PNG or WebP."
    ]


def test_large_files_are_refused():
    upload = SimpleUploadedFile("huge.jpg", b"\xff" * (MAX_UPLOAD_BYTES + 1))

    with pytest.raises(ValidationError) as error:
        validate_image(upload)

    assert messages(error) == [
        "This file is 10.0\xa0MB; an image may be at most 10.0\xa0MB."
    ]


def test_too_many_pixels_are_refused():
    wide = SimpleUploadedFile("wide.png", png_header_only(8001, 10))
    bomb = SimpleUploadedFile("bomb.png", png_header_only(100_000, 100_000))

    with pytest.raises(ValidationError) as too_wide:
        validate_image(wide)
    with pytest.raises(ValidationError) as decompression_bomb:
        validate_image(bomb)

    assert messages(too_wide) == [
        "This image is 8001×10 pixels; make it at most 8000 pixels wide and high "
        "(and at most 40 megapixels)."
    ]
    assert messages(decompression_bomb) == [NOT_AN_IMAGE]


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_photos_are_accepted(image_format):
    upload = image_file(f"photo.{image_format.lower()}", image_format=image_format)

    validate_image(upload)

    assert upload.tell() == 0  # ready to be saved


def test_the_admin_says_why_an_svg_is_refused(admin_client):
    svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    )

    response = admin_client.post(
        reverse("admin:programmes_programme_add"),
        {
            "title": "Climate mobility",
            "slug": "climate-mobility",
            "order": "1",
            "image": svg,
            "image_alt": "A logo",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"image": [NOT_AN_IMAGE]}
    assert not Programme.objects.filter(slug="climate-mobility").exists()


# How it is stored --------------------------------------------------------------------


def photo_with_metadata(orientation):
    """A 60×40 JPEG taken by a camera that was turned: it says so in EXIF, along
    with its make and where it was."""
    image = Image.new("RGB", (60, 40), (200, 30, 30))
    exif = image.getexif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "S", 2: (12.0, 3.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"secret")
    return SimpleUploadedFile("IMG_0001.JPEG", buffer.getvalue())


def test_metadata_is_removed_and_orientation_applied():
    article = ArticleFactory(image=photo_with_metadata(6), image_alt="A march")

    with Image.open(article.image.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (40, 60)  # turned upright
        assert dict(stored.getexif()) == {}
        assert "comment" not in stored.info
    assert Path(article.image.name).name == "IMG_0001.jpg"
    assert article.image.name.startswith("articles/")


def test_png_keeps_its_transparency_but_not_its_text():
    image = Image.new("P", (30, 30))
    buffer = io.BytesIO()
    text = PngInfo()
    text.add_text("Author", "Someone")
    image.save(buffer, format="PNG", transparency=0, pnginfo=text)

    programme = ProgrammeFactory(
        image=SimpleUploadedFile("map.png", buffer.getvalue()), image_alt="A map"
    )

    with Image.open(programme.image.path) as stored:
        assert stored.format == "PNG"
        assert stored.info.get("transparency") == 0
        assert "Author" not in stored.info


# Alt text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "fields", "message_field"),
    [
        (Article, {"image": "x.jpg", "image_alt": " "}, "image_alt"),
        (Programme, {"image": "x.jpg", "image_alt": ""}, "image_alt"),
        (Contact, {"photo": "x.jpg", "photo_alt": ""}, "photo_alt"),
    ],
)
def test_alt_text_is_required_unless_decorative(model, fields, message_field):
    with pytest.raises(ValidationError) as error:
        model(**fields).clean()

    assert list(error.value.message_dict) == [message_field]
    decorative = message_field.replace("_alt", "_decorative")
    model(**fields, **{decorative: True}).clean()  # no error


# How it is served -------------------------------------------------------------


def rendition_files():
    root = Path(settings.MEDIA_ROOT) / "renditions"
    return sorted(path for path in root.rglob("*") if path.is_file())


def widths_of(srcset):
    return [int(candidate.split()[1].rstrip("w")) for candidate in srcset.split(",")]


def test_renditions_are_made_when_the_image_is_saved():
    ArticleFactory(image=image_file(size=(1600, 900)), image_alt="A boat")

    files = rendition_files()
    sizes = sorted((path.suffix, Image.open(path).size) for path in files)
    assert sizes == [
        (".avif", (480, 270)),
        (".avif", (960, 540)),
        (".avif", (1440, 810)),
        (".jpg", (480, 270)),
        (".jpg", (960, 540)),
        (".jpg", (1440, 810)),
        (".webp", (480, 270)),
        (".webp", (960, 540)),
        (".webp", (1440, 810)),
    ]


def test_renditions_are_made_once():
    article = ArticleFactory(image=image_file(size=(1600, 900)), image_alt="A boat")
    before = {path: path.stat().st_mtime_ns for path in rendition_files()}

    first = picture_for(article.image)
    second = picture_for(article.image)

    assert first == second
    assert {path: path.stat().st_mtime_ns for path in rendition_files()} == before


def test_the_lead_image_is_a_responsive_picture_loaded_at_once(client):
    article = ArticleFactory(image=image_file(size=(1600, 900)), image_alt="A boat")

    page = BeautifulSoup(client.get(article.get_absolute_url()).text, "html.parser")

    picture = page.select_one("figure picture")
    avif, webp = picture.find_all("source")
    image = picture.find("img")
    assert (avif["type"], webp["type"]) == ("image/avif", "image/webp")
    assert widths_of(avif["srcset"]) == [480, 960, 1440]
    assert widths_of(webp["srcset"]) == [480, 960, 1440]
    assert widths_of(image["srcset"]) == [480, 960, 1440]
    assert image["srcset"].split(",")[1].split()[0] == image["src"]
    assert image["src"].startswith("/media/renditions/")
    assert image["src"].endswith(".jpg")
    assert (image["width"], image["height"]) == ("960", "540")
    assert image["alt"] == "A boat"
    assert image["loading"] == "eager"
    assert image["fetchpriority"] == "high"
    assert avif["sizes"] == webp["sizes"] == image["sizes"]


def test_cards_load_their_pictures_lazily(client):
    ArticleFactory(image=image_file(size=(1600, 900)), image_alt="A boat")
    ProgrammeFactory(image=image_file("field.png", image_format="PNG"), image_alt="")

    news = BeautifulSoup(client.get(reverse("articles:list")).text, "html.parser")
    programmes = BeautifulSoup(
        client.get(reverse("programmes:list")).text, "html.parser"
    )

    card_image = news.select_one(".card picture img")
    assert card_image["loading"] == "lazy"
    assert card_image["class"] == ["card-img-top"]
    programme_image = programmes.select_one(".card picture img")
    assert programme_image["loading"] == "lazy"
    assert programme_image["src"].endswith(".png")  # the original's format
    assert programme_image["alt"] == ""


def test_a_small_image_is_never_enlarged(client):
    article = ArticleFactory(image=image_file(size=(300, 200)), image_alt="A stamp")

    picture = picture_for(article.image)

    assert widths_of(picture.srcset) == [300]
    assert widths_of(picture.webp_srcset) == [300]
    assert widths_of(picture.avif_srcset) == [300]
    assert (picture.width, picture.height) == (300, 200)


def test_contact_photos_are_small_squares(client):
    contact = ContactFactory(photo=image_file(size=(800, 600)), photo_alt="Ana")

    page = BeautifulSoup(client.get(reverse("contacts:list")).text, "html.parser")

    image = page.select_one(f"#contact-{contact.pk} picture img")
    assert widths_of(image["srcset"]) == [96, 192]
    assert (image["width"], image["height"]) == ("96", "96")
    assert image["sizes"] == "96px"
    assert image["alt"] == "Ana"
    assert image["loading"] == "lazy"


def test_a_decorative_image_has_an_empty_alt(client):
    article = ArticleFactory(
        image=image_file(), image_alt="Ignored", image_decorative=True
    )

    page = BeautifulSoup(client.get(article.get_absolute_url()).text, "html.parser")

    assert page.select_one("figure img")["alt"] == ""


def test_a_missing_file_shows_the_original_address_instead_of_failing(client):
    article = ArticleFactory(image=image_file(), image_alt="A boat")
    Path(article.image.path).unlink()
    for path in rendition_files():
        path.unlink()

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    image = BeautifulSoup(response.text, "html.parser").select_one("figure img")
    assert image["src"] == article.image.url
    assert image["alt"] == "A boat"


def test_a_deleted_rendition_is_made_again(client):
    article = ArticleFactory(image=image_file(), image_alt="A boat")
    for path in rendition_files():
        path.unlink()

    picture = picture_for(article.image)

    assert widths_of(picture.srcset) == [480, 960, 1440]
    assert len(rendition_files()) == 9
