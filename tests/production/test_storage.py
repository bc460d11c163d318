"""Uploads on shared storage: with DJANGO_STORAGE=s3 an image uploaded in the
admin, and its renditions, are objects of the bucket, and the public page links
to them there. The bucket is a real S3 server on this machine (moto's)."""

import io
import json
import logging
import os
import urllib.request

import boto3
import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.functional import empty
from PIL import Image
from sorl.thumbnail import default as thumbnail_default

from iomsite.config.storage import storage_settings
from programmes.models import Programme

from ..factories import make_image_file
from .served import manage, production_environment

# sorl-thumbnail remembers renditions made by earlier tests of the suite on the
# local storage; these tests run in a process of their own
# (test_storage_alone.py), where nothing came before them.
pytestmark = pytest.mark.skipif(
    not os.environ.get("IOMSITE_STORAGE_TESTS"),
    reason="run in a process of their own by test_storage_alone.py",
)

BUCKET = "iomsite-media"
REGION = "us-east-1"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


@pytest.fixture
def s3_server(monkeypatch):
    """moto's S3 server on a free port, with an empty bucket."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "tests-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "tests-secret")
    client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION)
    client.create_bucket(Bucket=BUCKET)
    # As README "Production" asks: anyone may read the objects.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    yield endpoint, client
    # The server's buckets live in this process, past the server's own end.
    urllib.request.urlopen(
        urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"), timeout=5
    ).close()
    server.stop()


def s3_environment(endpoint):
    return {
        "DJANGO_STORAGE": "s3",
        "DJANGO_S3_BUCKET": BUCKET,
        "DJANGO_S3_ENDPOINT_URL": endpoint,
        "DJANGO_S3_REGION": REGION,
    }


@pytest.fixture
def s3_storage(s3_server, settings):
    """The site's storage settings as DJANGO_STORAGE=s3 makes them."""
    endpoint, client = s3_server
    configured = storage_settings(s3_environment(endpoint), debug=False)
    settings.STORAGES = {**settings.STORAGES, "default": configured["default"]}
    # sorl-thumbnail keeps the storage it first used: make it look again. Its
    # records of renditions live in the cache too, where earlier tests may have
    # left ones of the same names on the local storage.
    forget_thumbnail_storage()
    yield endpoint, client
    forget_thumbnail_storage()


def forget_thumbnail_storage():
    for lazy in (
        thumbnail_default.storage,
        thumbnail_default.backend,
        thumbnail_default.kvstore,
    ):
        lazy._wrapped = empty
    cache.clear()


def keys(client):
    listing = client.list_objects_v2(Bucket=BUCKET)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.headers["Content-Type"], response.read()


def srcset_urls(srcset):
    return [candidate.split()[0] for candidate in srcset.split(",")]


@pytest.mark.django_db
def test_an_upload_and_its_renditions_go_to_the_bucket(admin_client, s3_storage):
    endpoint, client = s3_storage
    photo = make_image_file("field-in-bucket.jpg", size=(1600, 900))

    response = admin_client.post(
        reverse("admin:programmes_programme_add"),
        {
            "title": "Climate mobility",
            "slug": "climate-mobility",
            "summary": "",
            "body": "",
            "order": "100",
            "is_published": "on",
            "image": photo,
            "image_alt": "A field",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    programme = Programme.objects.get(slug="climate-mobility")
    assert default_storage.__class__.__name__ == "S3Storage"
    stored = keys(client)
    assert programme.image.name in stored
    assert programme.image.name.startswith("programmes/")
    renditions = [key for key in stored if key.startswith("renditions/")]
    assert (
        sorted(key.rsplit(".", 1)[1] for key in renditions)
        == ["avif"] * 3 + ["jpg"] * 3 + ["webp"] * 3
    )

    page = BeautifulSoup(
        admin_client.get(programme.get_absolute_url()).text, "html.parser"
    )
    picture = page.select_one("picture")
    image = picture.find("img")
    linked = [image["src"], *srcset_urls(image["srcset"])]
    for source in picture.find_all("source"):
        linked += srcset_urls(source["srcset"])
    prefix = f"{endpoint}/{BUCKET}/"
    assert all(url.startswith(prefix) for url in linked), linked
    assert {url.removeprefix(prefix) for url in linked} == set(renditions)
    for url in linked:
        status, content_type, body = fetch(url)
        assert status == 200
        assert content_type == f"image/{url.rsplit('.', 1)[1].replace('jpg', 'jpeg')}"
        assert Image.open(io.BytesIO(body)).width in (480, 960, 1440)


def bucket_requests(caplog):
    """The requests moto's server logged (werkzeug's access lines)."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "werkzeug" and BUCKET in record.getMessage()
    ]


@pytest.mark.django_db
def test_a_page_asks_the_bucket_nothing_once_renditions_are_made(
    client, s3_storage, caplog
):
    programme = Programme.objects.create(
        title="Ports and shipping",
        slug="ports-and-shipping",
        image=make_image_file("port.jpg", size=(1600, 900)),
        image_alt="A port",
    )
    caplog.set_level(logging.INFO, logger="werkzeug")
    caplog.clear()

    page = client.get(programme.get_absolute_url())

    assert page.status_code == 200
    assert bucket_requests(caplog) == []


@pytest.mark.django_db
def test_renditions_of_a_model_save_go_to_the_bucket(s3_storage):
    _endpoint, client = s3_storage

    programme = Programme.objects.create(
        title="Migration and health",
        slug="migration-and-health",
        image=make_image_file("clinic.png", size=(500, 300), image_format="PNG"),
        image_alt="A clinic",
    )

    stored = keys(client)
    assert programme.image.name in stored
    # 480 pixels wide, and the original's 500 (never enlarged to 960), in PNG,
    # WebP and AVIF.
    assert sorted(
        key.rsplit(".", 1)[1] for key in stored if key.startswith("renditions/")
    ) == ["avif", "avif", "png", "png", "webp", "webp"]


SHOW_SETTINGS = """
import json
import logging
from django.conf import settings
print(json.dumps({
    "storage": settings.STORAGES["default"],
    "img-src": settings.SECURE_CSP["img-src"],
}))
"""


def test_the_environment_chooses_the_bucket_and_the_pages_may_show_it(tmp_path):
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        **s3_environment("http://127.0.0.1:9000"),
    )

    finished = manage(
        "shell", "--no-imports", "-c", SHOW_SETTINGS, environment=environment
    )

    shown = json.loads(finished.stdout)
    assert shown["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = shown["storage"]["OPTIONS"]
    assert (
        options["bucket_name"],
        options["endpoint_url"],
        options["region_name"],
    ) == (
        BUCKET,
        "http://127.0.0.1:9000",
        REGION,
    )
    assert options["querystring_auth"] is False
    assert shown["img-src"] == [
        "'self'",
        "data:",
        "http://127.0.0.1:9000",
        f"http://{BUCKET}.127.0.0.1:9000",
    ]


def test_a_bucket_is_required(tmp_path):
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}", DJANGO_STORAGE="s3"
    )

    finished = manage("check", environment=environment, check=False)

    assert finished.returncode != 0
    assert "DJANGO_STORAGE=s3 needs DJANGO_S3_BUCKET." in finished.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["backup_site", "restore_site"])
def test_backup_and_restore_refuse_a_bucket(s3_storage, tmp_path, command):
    archive = tmp_path / "site.tar.gz"
    if command == "restore_site":
        archive.write_bytes(b"not even an archive")

    with pytest.raises(CommandError) as refusal:
        call_command(command, str(archive), verbosity=0)

    assert "The uploaded files are not in MEDIA_ROOT but in S3Storage" in str(
        refusal.value
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == (
        ["site.tar.gz"] if command == "restore_site" else []
    )
