"""Uploaded files served by the site itself, for a deployment without a web
server in front that serves /media/ (``DJANGO_SERVE_MEDIA``, on by default
with local storage; README, "Serving /media/").

The answers carry what the README's nginx configuration adds: an image type
only for image files (anything else is a download), ``nosniff`` (the security
middleware) and a sandboxing Content-Security-Policy. Files are streamed, so
the page cache never keeps them.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.views.static import serve

IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".avif": "image/avif",
}
SANDBOX = "default-src 'none'; sandbox"


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    suffix = PurePosixPath(path).suffix.lower()
    response["Content-Type"] = IMAGE_TYPES.get(suffix, "application/octet-stream")
    response["Content-Security-Policy"] = SANDBOX
    response["Cache-Control"] = "public, max-age=86400"
    return response
