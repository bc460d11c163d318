"""The site's icons: committed, of the right sizes, drawn by
``make_site_icons``, linked from every page and described by the manifest."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.templatetags.static import static
from django.urls import reverse
from PIL import Image, ImageChops, ImageStat

from iomsite.ops.icons import BLUE, ICO_SIZES, PNG_ICONS

ICONS = Path(settings.BASE_DIR) / "static" / "icons"
SIZES = {name: size for name, (size, _variant) in PNG_ICONS.items()}


def test_every_png_icon_is_committed_at_its_size():
    assert sorted(SIZES.values()) == [16, 32, 180, 192, 512, 512]
    for name, size in SIZES.items():
        with Image.open(ICONS / name) as image:
            assert (image.format, image.size) == ("PNG", (size, size)), name


def test_the_icons_are_iom_blue_with_a_white_mark():
    blue = tuple(int(BLUE[i : i + 2], 16) for i in (1, 3, 5))
    with Image.open(ICONS / "icon-512.png") as image:
        rgba = image.convert("RGBA")
        assert rgba.getpixel((256, 40))[:3] == blue
        assert rgba.getpixel((17 * 8, 32 * 8)) == (255, 255, 255, 255)  # the dot
        assert rgba.getpixel((0, 0))[3] == 0  # a rounded corner
    with Image.open(ICONS / "apple-touch-icon.png") as image:
        assert image.convert("RGBA").getpixel((0, 0)) == (*blue, 255)


def test_the_favicon_holds_three_sizes():
    with Image.open(ICONS / "favicon.ico") as image:
        assert image.format == "ICO"
        assert sorted(image.ico.sizes()) == [(size, size) for size in ICO_SIZES]


def test_the_svg_icon_is_a_blue_tile():
    soup = BeautifulSoup((ICONS / "icon.svg").read_text(), "html.parser")
    svg = soup.find("svg")
    assert svg["viewbox"] == "0 0 64 64"
    assert svg.find("rect")["fill"] == BLUE


def test_the_manifest_is_valid_json_pointing_at_existing_icons():
    manifest = json.loads((ICONS / "site.webmanifest").read_text())
    assert manifest["name"] == "IOM South America"
    assert manifest["theme_color"] == BLUE
    assert manifest["start_url"] == "/"
    purposes = set()
    for icon in manifest["icons"]:
        path = ICONS / icon["src"]
        assert path.is_file(), icon
        purposes.add(icon.get("purpose", "any"))
        if icon["type"] == "image/png":
            with Image.open(path) as image:
                assert icon["sizes"] == f"{image.width}x{image.height}"
    assert purposes == {"any", "maskable"}


def test_the_command_draws_the_committed_icons(tmp_path):
    call_command("make_site_icons", output=tmp_path, verbosity=0)

    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        path.name for path in ICONS.iterdir()
    )
    for name in ["icon.svg", "site.webmanifest"]:
        assert (tmp_path / name).read_text() == (ICONS / name).read_text(), name
    for name in SIZES:
        with Image.open(tmp_path / name) as drawn, Image.open(ICONS / name) as kept:
            difference = ImageChops.difference(drawn.convert("RGBA"), kept)
            # Identical, but for rounding in another version of Pillow.
            assert max(ImageStat.Stat(difference).mean) < 1, name


@pytest.mark.django_db
def test_every_page_links_the_icons_and_the_manifest(client):
    soup = BeautifulSoup(client.get(reverse("home")).content, "html.parser")
    links = {
        (" ".join(link["rel"]), link.get("type")): link["href"]
        for link in soup.select(
            "link[rel~=icon], link[rel=apple-touch-icon], link[rel=manifest]"
        )
    }
    assert links == {
        ("icon", None): static("icons/favicon.ico"),
        ("icon", "image/svg+xml"): static("icons/icon.svg"),
        ("apple-touch-icon", None): static("icons/apple-touch-icon.png"),
        ("manifest", None): static("icons/site.webmanifest"),
    }
    for href in links.values():
        assert finders.find(href.removeprefix(settings.STATIC_URL)), href


@pytest.mark.django_db
def test_favicon_ico_answers_with_the_icon(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (
        302,
        static("icons/favicon.ico"),
    )
    assert Path(finders.find("icons/favicon.ico")) == ICONS / "favicon.ico"
