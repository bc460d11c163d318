"""Uploaded images: what is accepted, how it is stored, how it is served.

- ``validate_image`` (a model field validator) accepts JPEG, PNG and WebP files
  that Pillow can decode, up to ``MAX_UPLOAD_BYTES`` and ``MAX_DIMENSION`` pixels
  a side; SVG, PDF, HTML or a "decompression bomb" are refused.
- ``normalize_images`` (called from the models' ``save()``) re-encodes a new
  upload upright and without its metadata: EXIF/XMP (GPS position, camera,
  owner), comments, and the colour profile (its colours are converted to sRGB
  first), so that nothing of the uploaded bytes but the pixels is served.
  ``reencoded_bytes`` does the same for the images the importer brings.
- ``picture_for`` gives the responsive renditions the ``{% picture %}`` tag
  (``iomsite/templatetags/pictures.py``) writes out: several widths, in AVIF,
  WebP and the original format, made once by sorl-thumbnail and then reused.
"""

import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError, features
from sorl.thumbnail import default, get_thumbnail

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_DIMENSION = 8000
# Pillow decodes the whole image to re-encode it: 40 megapixels are ~120 MB.
MAX_PIXELS = 40_000_000
# Pillow format → file extension, the only formats accepted.
ACCEPTED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
EXTENSION_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
SAVE_OPTIONS = {
    "JPEG": {"quality": 88, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 88, "method": 4},
}
# The AVIF renditions' quality (Pillow's 0-100 scale; the JPEG and WebP ones
# have THUMBNAIL_QUALITY, 82). At 60 a photo looks as its WebP does in 0.6-0.9
# of the bytes; at 55 fine texture goes soft; at 65 the tests' photo-like
# picture is no smaller than its WebP (bench/images.py prints the figures).
AVIF_QUALITY = 60


@dataclass(frozen=True)
class Renditions:
    widths: tuple
    # The plain ``src`` (for browsers without ``srcset``) and the ``width`` and
    # ``height`` attributes are those of the widest rendition up to this width.
    fallback_width: int
    square: bool = False


RENDITIONS = {
    # Photos as wide as the page's column or a card.
    "wide": Renditions(widths=(480, 960, 1440), fallback_width=960),
    # The 96-pixel contact photos, cropped to squares.
    "portrait": Renditions(widths=(96, 192), fallback_width=96, square=True),
}


def validate_image(value):
    # A stored file was checked when it was uploaded.
    if getattr(value, "_committed", False):
        return
    if value.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is %(size)s; an image may be at most %(limit)s."),
            code="image_too_large",
            params={
                "size": filesizeformat(value.size),
                "limit": filesizeformat(MAX_UPLOAD_BYTES),
            },
        )
    image = _open(value)
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _(
                "%(format)s files are not accepted: upload a photo or picture as "
                "JPEG, PNG or WebP."
            ),
            code="image_format",
            params={"format": image.format},
        )
    width, height = image.size
    if max(width, height) > MAX_DIMENSION or width * height > MAX_PIXELS:
        raise ValidationError(
            _(
                "This image is %(width)d×%(height)d pixels; make it at most "
                "%(limit)d pixels wide and high (and at most 40 megapixels)."
            ),
            code="image_dimensions",
            params={"width": width, "height": height, "limit": MAX_DIMENSION},
        )
    try:
        image.load()
    except (OSError, ValueError, SyntaxError) as error:
        raise _not_an_image() from error


NOT_AN_IMAGE = _(
    "This file is not an image we can use (or it is damaged). Upload a photo or "
    "picture as JPEG, PNG or WebP; SVG and other files are refused."
)


def _not_an_image():
    return ValidationError(NOT_AN_IMAGE, code="invalid_image")


def _open(file):
    """Pillow's image of ``file``, read from a copy: Pillow may close the file
    it reads, and the upload must stay readable to be saved."""
    file.seek(0)
    data = io.BytesIO(file.read())
    file.seek(0)
    try:
        # A bomb is refused here, before anything is decoded; the warning
        # Pillow gives for merely large images is made an error as well.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(data)
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        ValueError,
        SyntaxError,
    ) as error:
        raise _not_an_image() from error


def normalize_images(instance, *field_names):
    """Re-encode each newly uploaded image of ``instance``, before it is saved.
    Returns whether there was one."""
    uploaded = False
    for name in field_names:
        field_file = getattr(instance, name)
        if field_file and not field_file._committed:
            filename, content = reencoded(field_file)
            field_file.save(filename, content, save=False)
            uploaded = True
    return uploaded


def reencoded(file):
    """(file name, content) of ``file`` upright, without metadata, in the same
    format; the name keeps the uploaded stem and gets the format's extension."""
    file.seek(0)
    data, extension = reencoded_bytes(file.read())
    file.seek(0)
    stem = PurePath(file.name).stem or "image"
    return f"{stem}{extension}", ContentFile(data)


def reencoded_bytes(data, formats=ACCEPTED_FORMATS):
    """(bytes, extension) of the image ``data`` re-encoded upright, in sRGB,
    without metadata: the pixels alone, whatever else the file carried (EXIF,
    an ICC profile, a comment, an HTML tail). ``formats``: the Pillow formats
    accepted; a GIF becomes a PNG of its first frame. ``ValidationError`` for
    anything else, a bomb or a damaged file included."""
    with _open(ContentFile(data)) as image:
        image_format = image.format
        if image_format not in formats:
            raise _not_an_image()
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _not_an_image()
        try:
            image.load()
            upright = _in_srgb(ImageOps.exif_transpose(image))
        except (OSError, ValueError, SyntaxError) as error:
            raise _not_an_image() from error
    if image_format == "GIF":
        image_format = "PNG"
        upright = upright.convert("RGBA")
    # Encoders would copy a comment or XMP from here: keep only what the
    # pixels need.
    upright.info = {
        key: value for key, value in upright.info.items() if key == "transparency"
    }
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    buffer = io.BytesIO()
    upright.save(buffer, format=image_format, **SAVE_OPTIONS[image_format])
    return buffer.getvalue(), ACCEPTED_FORMATS[image_format]


_SRGB = ImageCms.createProfile("sRGB")


def _in_srgb(image):
    """``image`` with the colours its ICC profile describes converted to sRGB,
    and without the profile (a profile is free bytes: text, markup, anything).
    A profile that is not one is dropped."""
    icc_profile = image.info.pop("icc_profile", None)
    # A grey image's profile describes greys alone: its pixels stay as they are.
    if not icc_profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


@dataclass(frozen=True)
class Picture:
    """What an ``<img>`` and its AVIF and WebP ``<source>`` elements need; an
    empty srcset is a source left out."""

    src: str
    width: int
    height: int
    srcset: str
    webp_srcset: str
    avif_srcset: str


def picture_for(field_file, spec="wide"):
    """The renditions of an image file for one of ``RENDITIONS``, or None when
    they cannot be made (the file is missing, say): show the original then."""
    if not field_file:
        return None
    renditions = RENDITIONS[spec]
    widths, square = renditions.widths, renditions.square
    extension = PurePath(field_file.name).suffix.lower()
    original_format = EXTENSION_FORMATS.get(extension, "JPEG")
    try:
        originals = _renditions(field_file, widths, original_format, square)
        webps = (
            []
            if original_format == "WEBP"
            else _renditions(field_file, widths, "WEBP", square)
        )
    except Exception:
        logger.exception("No renditions of %s", field_file.name)
        return None
    avifs = []
    # A Pillow built without libavif (its wheels have it) offers no AVIF,
    # quietly; a failure leaves the WebP and the original.
    if features.check("avif"):
        try:
            avifs = _renditions(
                field_file, widths, "AVIF", square, quality=AVIF_QUALITY
            )
        except Exception:
            logger.exception("No AVIF renditions of %s", field_file.name)
    fallback = [
        image for image in originals if image.width <= renditions.fallback_width
    ]
    fallback = fallback[-1] if fallback else originals[0]
    return Picture(
        src=fallback.url,
        width=fallback.width,
        height=fallback.height,
        srcset=_srcset(originals),
        webp_srcset=_srcset(webps),
        avif_srcset=_srcset(avifs),
    )


def make_renditions(instance, field_name, spec):
    """Make the renditions of a newly saved image now rather than when a
    visitor first asks for them; a failure only leaves that to the page."""
    field_file = getattr(instance, field_name)
    if field_file:
        picture_for(field_file, spec)


def _renditions(field_file, widths, image_format, square, **options):
    """The thumbnails, narrowest first. Without upscaling, no width past the
    original's is made: the original's width is the last one."""
    thumbnails = []
    for width in sorted(widths):
        thumbnail = _thumbnail(field_file, width, image_format, square, **options)
        thumbnails.append(thumbnail)
        if thumbnail.width < width:
            break
    return thumbnails


def _thumbnail(field_file, width, image_format, square, **options):
    if square:
        options |= {"geometry_string": f"{width}x{width}", "crop": "center"}
    else:
        options |= {"geometry_string": str(width)}
    thumbnail = get_thumbnail(field_file, format=image_format, **options)
    # Asking a bucket costs a request for each rendition of each picture of a
    # page, and nothing removes renditions from a bucket behind the store's
    # back (backup_site refuses one): only a folder is checked.
    if isinstance(thumbnail.storage, FileSystemStorage) and not thumbnail.exists():
        # The store remembers a file that is gone (media restored without its
        # renditions, say): forget it and make it again, once.
        default.kvstore.delete(thumbnail, delete_thumbnails=False)
        thumbnail = get_thumbnail(field_file, format=image_format, **options)
        if not thumbnail.exists():
            raise FileNotFoundError(thumbnail.name)
    return thumbnail


def _srcset(thumbnails):
    return ", ".join(f"{image.url} {image.width}w" for image in thumbnails)
