"""Uploaded images under ``make serve`` (gunicorn, DEBUG off, no proxy in
front): the site serves /media/ itself, as an image or a download only, and an
article's uploaded photo shows on its public page."""

import re
import urllib.error
import urllib.request

from .served import Gunicorn, fetch, manage

UPLOAD = """
import io
from PIL import Image
from django.core.files.base import ContentFile
from articles.models import Article
buffer = io.BytesIO()
Image.new("RGB", (1200, 800), (0, 120, 90)).save(buffer, format="PNG")
article = Article(title="Clinics", slug="clinics", status="published",
                  image_alt="A clinic", summary="In short.")
article.image.save("clinic.png", ContentFile(buffer.getvalue()), save=False)
article.save()
print(article.image.name)
"""


def fetch_file(port, path):
    """Status and headers of a file's answer (its body is not text)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            r.read()
            return r.status, r.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_an_uploaded_image_shows_on_the_public_page(site_environment, tmp_path):
    media = tmp_path / "media"
    environment = {**site_environment, "DJANGO_MEDIA_ROOT": str(media)}
    output = manage("shell", "-c", UPLOAD, environment=environment).stdout
    stored = output.strip().splitlines()[-1]
    (media / "notes.html").write_text("<script>alert(1)</script>", encoding="utf-8")

    with Gunicorn(environment) as server:
        status, _headers, page = fetch(server.port, "/news/clinics/")
        assert status == 200
        sources = re.findall(r'(?:src|srcset)="(/media/[^" ]+)', page)
        assert {source.rsplit(".", 1)[1] for source in sources} == {
            "avif",
            "webp",
            "png",
        }, page
        for source in sources:
            status, headers = fetch_file(server.port, source)
            assert status == 200, source
            extension = source.rsplit(".", 1)[1]
            assert headers["Content-Type"] == f"image/{extension}"
        status, headers = fetch_file(server.port, f"/media/{stored}")
        assert (status, headers["Content-Type"]) == (200, "image/png")
        assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert headers["X-Content-Type-Options"] == "nosniff"
        # Anything else is a download, never a page.
        status, headers = fetch_file(server.port, "/media/notes.html")
        assert headers["Content-Type"] == "application/octet-stream"
        for escape in ("/media/../manage.py", "/media/%2e%2e/manage.py"):
            assert fetch_file(server.port, escape)[0] in (400, 404)
        assert fetch_file(server.port, "/media/articles/")[0] == 404


def test_a_proxy_in_front_serves_media_instead(site_environment, tmp_path):
    media = tmp_path / "media"
    (media / "articles").mkdir(parents=True)
    (media / "articles" / "a.png").write_bytes(b"\x89PNG")
    environment = {
        **site_environment,
        "DJANGO_MEDIA_ROOT": str(media),
        "DJANGO_SERVE_MEDIA": "0",
    }
    with Gunicorn(environment) as server:
        assert fetch_file(server.port, "/media/articles/a.png")[0] == 404
