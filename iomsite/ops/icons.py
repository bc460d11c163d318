"""The site's icon, drawn from one set of shapes as SVG and as PNG (Pillow):
an IOM-blue tile with a white dot and a chevron, moving forward. Our own mark,
not the IOM logo. ``manage.py make_site_icons`` writes the files into
``static/icons/``, where they are committed.
"""

import json

from PIL import Image, ImageDraw

BLUE = "#0033a0"
WHITE = "#ffffff"
GRID = 64  # the shapes' coordinates, on a 64 × 64 grid
RADIUS = 14  # of the tile's corners
DOT = (17, 32, 7)  # centre x, centre y, radius
CHEVRON = [(28, 14), (39, 14), (57, 32), (39, 50), (28, 50), (46, 32)]
# Maskable icons are cropped to a circle by some systems: the mark shrinks to
# stay within the middle 80 %.
MASKABLE_SCALE = 0.75
SUPERSAMPLE = 8

# name: (size in pixels, variant); "rounded" has transparent corners,
# "square" fills its tile (home screens round it themselves).
PNG_ICONS = {
    "icon-16.png": (16, "rounded"),
    "icon-32.png": (32, "rounded"),
    "apple-touch-icon.png": (180, "square"),
    "icon-192.png": (192, "rounded"),
    "icon-512.png": (512, "rounded"),
    "icon-maskable-512.png": (512, "maskable"),
}
ICO_SIZES = [16, 32, 48]


def svg():
    x, y, r = DOT
    path = "M" + " L".join(f"{px} {py}" for px, py in CHEVRON) + " Z"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">'
        f'<rect width="{GRID}" height="{GRID}" rx="{RADIUS}" fill="{BLUE}"/>'
        f'<circle cx="{x}" cy="{y}" r="{r}" fill="{WHITE}"/>'
        f'<path d="{path}" fill="{WHITE}"/></svg>\n'
    )


def png(size, variant="rounded"):
    """The icon as a ``size`` × ``size`` RGBA image, drawn larger and reduced,
    so that its edges are smooth."""
    canvas = size * SUPERSAMPLE
    unit = canvas / GRID
    scale = MASKABLE_SCALE if variant == "maskable" else 1.0
    centre = GRID / 2

    def point(px, py):
        return (
            (centre + (px - centre) * scale) * unit,
            (centre + (py - centre) * scale) * unit,
        )

    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    radius = RADIUS * unit if variant == "rounded" else 0
    draw.rounded_rectangle([0, 0, canvas - 1, canvas - 1], radius=radius, fill=BLUE)
    x, y, r = DOT
    left, top = point(x - r, y - r)
    right, bottom = point(x + r, y + r)
    draw.ellipse([left, top, right, bottom], fill=WHITE)
    draw.polygon([point(px, py) for px, py in CHEVRON], fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def manifest(name, short_name):
    """The web app manifest; icon addresses are relative to it."""
    icons = [
        {"src": "icon-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "icon-512.png", "sizes": "512x512", "type": "image/png"},
        {
            "src": "icon-maskable-512.png",
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
        {"src": "icon.svg", "sizes": "any", "type": "image/svg+xml"},
    ]
    document = {
        "name": name,
        "short_name": short_name,
        "start_url": "/",
        "display": "browser",
        "theme_color": BLUE,
        "background_color": WHITE,
        "icons": icons,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_icons(folder, *, name="IOM South America", short_name="IOM"):
    """Write every icon file into ``folder``; yields each path written."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "icon.svg"
    path.write_text(svg(), encoding="utf-8")
    yield path
    for filename, (size, variant) in PNG_ICONS.items():
        path = folder / filename
        png(size, variant).save(path, format="PNG", optimize=True)
        yield path
    path = folder / "favicon.ico"
    png(max(ICO_SIZES)).save(
        path, format="ICO", sizes=[(size, size) for size in ICO_SIZES]
    )
    yield path
    path = folder / "site.webmanifest"
    path.write_text(manifest(name, short_name), encoding="utf-8")
    yield path
