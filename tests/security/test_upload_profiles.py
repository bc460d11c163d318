"""An uploaded image is stored as its pixels alone: an ICC profile is free
bytes (text, markup), so its colours are converted to sRGB and it is
dropped."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms

from ..factories import ArticleFactory

pytestmark = pytest.mark.django_db


def jpeg(**options):
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 30, 30)).save(buffer, "JPEG", **options)
    return SimpleUploadedFile("photo.jpg", buffer.getvalue())


def test_a_profile_of_arbitrary_text_is_not_kept():
    text = b"<html><script>alert(1)</script></html>" * 20
    article = ArticleFactory(image=jpeg(icc_profile=text), image_alt="A photo")

    data = open(article.image.path, "rb").read()
    assert b"script" not in data
    with Image.open(article.image.path) as stored:
        assert "icc_profile" not in stored.info


def test_a_real_profile_is_applied_to_the_colours_then_dropped():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    article = ArticleFactory(image=jpeg(icc_profile=srgb), image_alt="A photo")

    with Image.open(article.image.path) as stored:
        assert "icc_profile" not in stored.info
        red, green, blue = stored.convert("RGB").getpixel((30, 20))
    assert red > 150 and green < 80 and blue < 80
