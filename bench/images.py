"""Bytes of the image renditions, AVIF against WebP and the original format.

    python -m bench.images [--photos DIR]

Makes the renditions of a few images as an upload does (``iomsite.content.
images``, sorl-thumbnail, the site's settings) in a temporary folder and
SQLite database, and prints, for each width, the bytes of the JPEG (or PNG),
WebP and AVIF renditions and the AVIF's share of the WebP's, the baseline
measured in the same run: what a browser without AVIF gets, and what every
browser got before. Also how long each format took to make. The images: the
photo-like picture of the tests (``tests.factories.make_photo``), the one the
Lighthouse and weight benchmarks put on the demo article, the flat picture
the browser tests put there, and a contact's square portrait; ``--photos``
adds every JPEG and PNG of a folder (real photographs, say).
"""

import argparse
import io
import sys
import time
from pathlib import Path

from . import sites

FORMATS = ("original", "WEBP", "AVIF")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.images", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--photos", type=Path, metavar="DIR", help="Also measure these pictures."
    )
    return parser.parse_args(argv)


def jpeg(image):
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def pictures(photos):
    """{name: (file name, bytes, spec)} of the images measured."""
    from PIL import Image

    from bench.lighthouse import demo_photo
    from tests.factories import make_photo

    found = {
        "photo (tests)": ("photo.jpg", jpeg(make_photo()), "wide"),
        "demo (benchmarks)": ("border-post.jpg", demo_photo(), "wide"),
        "flat (browser tests)": (
            "flat.jpg",
            jpeg(Image.new("RGB", (1200, 675), (0, 51, 160))),
            "wide",
        ),
        "portrait": ("portrait.jpg", jpeg(make_photo((800, 600), seed=2)), "portrait"),
    }
    for path in sorted(photos.iterdir()) if photos else []:
        if path.suffix.lower() in (".jpg", ".jpeg", ".png"):
            found[path.name] = (path.name, path.read_bytes(), "wide")
    return found


def measure(name, data, spec):
    """{format: [(width, bytes)]} and {format: seconds} of the renditions of
    one image, made from nothing."""
    from django.core.files.base import ContentFile

    from iomsite.content.images import (
        AVIF_QUALITY,
        EXTENSION_FORMATS,
        RENDITIONS,
        _renditions,
        reencoded,
    )
    from programmes.models import Programme

    programme = Programme(title=name)
    filename, content = reencoded(ContentFile(data, name=name))
    programme.image.save(filename, content, save=False)
    original = EXTENSION_FORMATS[Path(programme.image.name).suffix.lower()]
    renditions = RENDITIONS[spec]
    sizes, seconds = {}, {}
    for image_format in FORMATS:
        options = {"quality": AVIF_QUALITY} if image_format == "AVIF" else {}
        started = time.perf_counter()
        thumbnails = _renditions(
            programme.image,
            renditions.widths,
            original if image_format == "original" else image_format,
            renditions.square,
            **options,
        )
        seconds[image_format] = time.perf_counter() - started
        sizes[image_format] = [
            (thumbnail.width, thumbnail.storage.size(thumbnail.name))
            for thumbnail in thumbnails
        ]
    return original, sizes, seconds


def main(argv=None):
    args = parse_args(argv)
    with sites.temporary_directory() as workdir:
        env = sites.environment(sites.database_url(None, workdir), workdir)
        sites.setup_django(env)
        from django.core.management import call_command

        from iomsite.content.images import AVIF_QUALITY

        print("Migrating…", file=sys.stderr)
        call_command("migrate", interactive=False, verbosity=0)
        header = (
            f"{'image':<22}{'width':>6}{'original':>10}{'WebP':>9}{'AVIF':>9}"
            f"{'AVIF/WebP':>10}{'AVIF/orig':>10}"
        )
        print(f"\nAVIF quality {AVIF_QUALITY}; bytes of each rendition\n{header}")
        print("-" * len(header))
        totals = dict.fromkeys(FORMATS, 0)
        for name, (filename, data, spec) in pictures(args.photos).items():
            original, sizes, seconds = measure(filename, data, spec)
            rows = zip(*(sizes[image_format] for image_format in FORMATS), strict=True)
            for (width, base), (_w, webp), (_w2, avif) in rows:
                for image_format, size in zip(FORMATS, (base, webp, avif), strict=True):
                    totals[image_format] += size
                print(
                    f"{name[:21]:<22}{width:>6}{base:>10,}{webp:>9,}{avif:>9,}"
                    f"{avif / webp:>10.2f}{avif / base:>10.2f}"
                )
            made = ", ".join(
                f"{'JPEG' if image_format == 'original' else image_format} "
                f"{seconds[image_format]:.2f} s"
                for image_format in FORMATS
            )
            print(f"{'':<22}made in: {made} ({original} original)")
        print("-" * len(header))
        base, webp, avif = (totals[image_format] for image_format in FORMATS)
        print(
            f"{'all':<22}{'':>6}{base:>10,}{webp:>9,}{avif:>9,}"
            f"{avif / webp:>10.2f}{avif / base:>10.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
