"""The images of an imported body: copied into the site's media when the file
came with the page, else replaced by their caption as text.

The importer fetches nothing over the network (and the site's Content
Security Policy shows images of its own host only), so an image is imported
when its file sits beside the page:

- a relative address (``clinic_files/nurse.jpg``, as a browser's "save page,
  complete" writes it) is read from the page's folder;
- an address on the old site (``/sites/default/files/van.jpg``, or the same
  on an old host) is looked for in ``<page>_files/`` and the page's folder by
  its file name, then by its whole path in the page's folder and up to four
  folders above, never above the folder the import was given (a mirror of the
  old site, as ``wget --mirror`` saves it). A file whose links lead out of
  that folder is never read (``iomsite.legacy.paths``).
  Drupal's resized copies (``/styles/large/public/…``) also try the original.

A file is kept when it is a JPEG, PNG, GIF or WebP image of at most 10 MB,
and stored re-encoded, without its metadata (``iomsite.content.images``: a GIF
becomes a PNG of its first frame), under ``articles/legacy/`` with a name
made from its content, so that importing the page again finds the same
address (and the body stays "unchanged") and two pages sharing a photo share
one file. An image that is not imported leaves its caption and credit (or its
description, the alt text) as a paragraph and a warning for the report:
"image not imported: SRC".
"""

import hashlib
import html
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify

from iomsite.content.images import reencoded_bytes

from ..paths import confining_folder, folders_up, is_inside

MAX_IMAGE_BYTES = 10 * 1024 * 1024
FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
FOLDERS_UP = 4

# The parser's own markup (iomsite.legacy.html_figures): attributes in this
# order, double-quoted, escaped.
_FIGURE_RE = re.compile(
    r'<figure><img src="([^"]*)" alt="([^"]*)">'
    r"(?:<figcaption>(.*?)</figcaption>)?</figure>",
    re.DOTALL,
)
_LONE_IMG_RE = re.compile(r'<img src="([^"]*)" alt="([^"]*)">')
_EMPTY_RE = re.compile(r"<a\b[^>]*>\s*</a>|<(p|li|h2|h3|blockquote)>\s*</\1>")
_STYLE_RE = re.compile(r"/styles/[^/]+/(?:public|private)/")


class BodyImages:
    def __init__(self, *, dry_run, hosts, folders=()):
        self.dry_run = dry_run
        self.hosts = hosts
        self.folders = [folder_path.resolve() for folder_path in map(Path, folders)]
        self.imported = {}  # (page folder, src) -> media URL or None
        self.media_urls = set()  # the addresses given to imported images

    def bring(self, body_html, page_path, warnings):
        """``body_html`` with the addresses of its images in the site's media,
        and the images that cannot be imported replaced by their captions."""
        if "<img" not in body_html:
            return body_html
        page_path = Path(page_path)

        def figure(match):
            url = self.image_url(match[1], page_path, warnings)
            if url is not None:
                return match[0].replace(f'src="{match[1]}"', f'src="{url}"', 1)
            # Its caption, else its description, stays as text.
            text = match[3] or match[2]
            return f"<p>{text}</p>" if text else ""

        def image(match):
            if match[1] in self.media_urls:
                return match[0]  # a figure's image, brought in above
            url = self.image_url(match[1], page_path, warnings)
            if url is None:
                return f" {match[2]} " if match[2] else ""
            return match[0].replace(match[1], url, 1)

        body_html = _FIGURE_RE.sub(figure, body_html)
        body_html = _LONE_IMG_RE.sub(image, body_html)
        return _EMPTY_RE.sub("", _EMPTY_RE.sub("", body_html))

    def image_url(self, src, page_path, warnings):
        key = (page_path.parent, src)
        if key not in self.imported:
            self.imported[key] = self.import_image(html.unescape(src), page_path)
        url = self.imported[key]
        warning = f"image not imported: {html.unescape(src)}"
        if url is None and warning not in warnings:
            warnings.append(warning)
        return url

    def import_image(self, src, page_path):
        root = confining_folder(page_path, self.folders)
        for candidate in self.candidates(src, page_path, root):
            try:
                if not candidate.is_file():
                    continue
                if not is_inside(candidate, root):
                    return None
                if candidate.stat().st_size > MAX_IMAGE_BYTES:
                    return None
                data = candidate.read_bytes()
            except OSError:
                continue
            try:
                data, extension = reencoded_bytes(data, FORMATS)
            except ValidationError:
                return None
            digest = hashlib.sha256(data).hexdigest()[:16]
            stem = slugify(candidate.stem)[:60] or "image"
            name = f"articles/legacy/{digest}-{stem}{extension}"
            if not self.dry_run and not default_storage.exists(name):
                default_storage.save(name, ContentFile(data))
            url = default_storage.url(name)
            self.media_urls.add(url)
            return url
        return None

    def candidates(self, src, page_path, root):
        """The files the image may have been saved as, most likely first."""
        try:
            url = urlsplit(src.strip())
        except ValueError:
            return []
        path = unquote(url.path)
        if ".." in PurePosixPath(path).parts or not path.strip("/"):
            return []
        folder = page_path.resolve().parent
        if not url.scheme and not url.netloc and not path.startswith("/"):
            return [folder / path]
        if url.scheme not in ("", "http", "https") or not self.on_old_site(url):
            return []
        name = PurePosixPath(path).name
        candidates = [folder / f"{page_path.stem}_files" / name, folder / name]
        paths = [path.lstrip("/")]
        if _STYLE_RE.search(path):
            paths.append(_STYLE_RE.sub("/", path).lstrip("/"))
        for above in folders_up(folder, FOLDERS_UP, root):
            candidates.extend(above / relative for relative in paths)
        return candidates

    def on_old_site(self, url):
        if not url.netloc:
            return True
        host = (url.hostname or "").lower()
        return any(host == old or host.endswith("." + old) for old in self.hosts)
