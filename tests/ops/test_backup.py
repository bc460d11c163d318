"""backup_site and restore_site: a whole site out and back in."""

import hashlib
import io
import json
import os
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import connection
from reversion import create_revision, set_user
from reversion.models import Version

from articles.models import Article
from contacts.models import Contact, KeyFigure, Office
from iomsite.editorial.roles import EDITOR
from programmes.models import Programme

from ..factories import (
    ArticleFactory,
    ContactFactory,
    KeyFigureFactory,
    OfficeFactory,
    ProgrammeFactory,
    make_image_file,
)

pytestmark = pytest.mark.django_db

MODELS = [Article, Programme, Office, KeyFigure, Contact, Redirect, Site, User, Group]


@pytest.fixture(autouse=True)
def forget_cached_rows():
    """Restoring empties the database, which makes content types anew, and these
    tests rename the site; the test's transaction then takes all that back:
    forget what was cached meanwhile."""
    yield
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()


@pytest.fixture
def site_content():
    site = Site.objects.get_current()
    site.domain, site.name = "www.iom.example.org", "IOM South America"
    site.save()
    office = OfficeFactory(name="IOM Peru", slug="iom-peru")
    KeyFigureFactory(office=office)
    contact = ContactFactory(
        office=office, photo=make_image_file("ana.png", image_format="PNG")
    )
    contact.photo_alt = "Ana"
    contact.save()
    programme = ProgrammeFactory(
        image=make_image_file("field.jpg"), image_alt="A field"
    )
    user = User.objects.create_user("eva", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    with create_revision():
        set_user(user)
        article = ArticleFactory(
            slug="floods", image=make_image_file("boat.jpg"), image_alt="A boat"
        )
    article.programmes.add(programme)
    article.offices.add(office)
    article.contacts.add(contact)
    Redirect.objects.create(
        site=site, old_path="/en/news/floods.html", new_path="/news/floods/"
    )
    return article


def snapshot():
    """Every row of the models that matter, as data, and every media file."""
    rows = {
        model._meta.label: json.loads(
            serializers.serialize(
                "json",
                model.objects.order_by("pk"),
                # Permissions are made anew, with other ids; users and groups
                # are restored by name (--natural-primary).
                use_natural_foreign_keys=True,
                use_natural_primary_keys=model in (User, Group),
            )
        )
        for model in MODELS
    }
    media = Path(settings.MEDIA_ROOT)
    files = {
        path.relative_to(media).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }
    return rows, files


def settle_constraints():
    """PostgreSQL refuses to empty tables (as flush and restore_site do) with
    foreign keys still to check in the transaction, as this test's writes left:
    check them now."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def empty_the_site():
    settle_constraints()
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(Path(settings.MEDIA_ROOT).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_a_site_comes_back_whole(site_content, tmp_path, client):
    archive = tmp_path / "backups" / "site.tar.gz"
    before = snapshot()
    versions = Version.objects.count()

    call_command("backup_site", str(archive), verbosity=0)
    empty_the_site()
    assert not Article.objects.exists()
    settle_constraints()
    call_command("restore_site", str(archive), verbosity=0)

    assert snapshot() == before
    assert before[1]  # the images and their renditions
    assert Version.objects.count() == versions == 1
    assert Version.objects.get().revision.user.username == "eva"
    assert set(User.objects.get(username="eva").groups.all()) == {
        Group.objects.get(name=EDITOR)
    }
    assert Site.objects.get_current().domain == "www.iom.example.org"
    page = client.get(site_content.get_absolute_url())
    assert page.status_code == 200
    image = page.context["article"].image
    assert Path(image.path).read_bytes() == Path(site_content.image.path).read_bytes()
    redirect = client.get("/en/news/floods.html")
    assert (redirect.status_code, redirect["Location"]) == (301, "/news/floods/")


def test_the_archive_has_a_manifest_and_no_sessions_or_login_attempts(
    site_content, tmp_path, client
):
    client.force_login(User.objects.get(username="eva"))
    archive = tmp_path / "site.tar.gz"

    call_command("backup_site", str(archive), verbosity=0)

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
        content = json.load(tar.extractfile("data/content.json"))
    models = {item["model"] for item in content}
    assert names[:3] == ["manifest.json", "data/sites.json", "data/content.json"]
    assert {
        "articles.article",
        "auth.user",
        "auth.group",
        "reversion.version",
    } <= models
    assert not models & {
        "sessions.session",
        "contenttypes.contenttype",
        "auth.permission",
        "axes.accesslog",
        "thumbnail.kvstore",
        "sites.site",
    }
    assert manifest["format"] == 1
    assert manifest["counts"]["articles.article"] == 1
    assert manifest["counts"]["sites.site"] == 1
    assert "0003_staff_roles" in manifest["migrations"]["articles"]
    assert manifest["versions"]["Django"] == manifest["versions"]["django"]
    media_names = [name for name in names if name.startswith("media/")]
    assert set(media_names) == set(manifest["files"]) - {
        "data/sites.json",
        "data/content.json",
    }
    assert any(name.startswith("media/articles/") for name in media_names)


def test_a_site_with_content_is_not_overwritten_without_force(site_content, tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), verbosity=0)
    site_content.title = "Edited after the backup"
    site_content.save()

    with pytest.raises(CommandError) as error:
        call_command("restore_site", str(archive), verbosity=0)
    assert "This site already has content" in str(error.value)
    assert Article.objects.get().title == "Edited after the backup"

    settle_constraints()
    call_command("restore_site", str(archive), force=True, verbosity=0)
    assert Article.objects.get().title != "Edited after the backup"


def test_the_migrated_programmes_do_not_make_a_site_non_empty(tmp_path):
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), verbosity=0)

    assert Programme.objects.exists()  # from the data migration
    call_command("restore_site", str(archive), verbosity=0)


def write_archive(path, members, manifest=None):
    """An archive with the given {name: bytes} members (and a manifest that
    matches them unless one is given)."""
    if manifest is None:
        manifest = {
            "format": 1,
            "migrations": {},
            "counts": {},
            "files": {
                name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                for name, data in members.items()
            },
        }
    with tarfile.open(path, "w:gz") as archive:
        for name, data in {
            "manifest.json": json.dumps(manifest).encode(),
            **members,
        }.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


GOOD_DATA = {"data/sites.json": b"[]", "data/content.json": b"[]"}


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({**GOOD_DATA, "../escaped.txt": b"x"}, "it has the path '../escaped.txt'"),
        (
            {**GOOD_DATA, "/tmp/absolute.txt": b"x"},
            "it has the path '/tmp/absolute.txt'",
        ),
        ({**GOOD_DATA, "media/../../up.txt": b"x"}, "it has the path"),
        ({**GOOD_DATA, "settings.py": b"x"}, "unexpected file 'settings.py'"),
        ({"data/sites.json": b"[]"}, "do not match its manifest"),
    ],
)
def test_dangerous_or_incomplete_archives_are_refused(tmp_path, members, message):
    archive = tmp_path / "evil.tar.gz"
    write_archive(archive, members)

    with pytest.raises(CommandError) as error:
        call_command("restore_site", str(archive), verbosity=0)

    assert message in str(error.value)
    assert str(error.value).startswith("Nothing was restored.")
    assert not (tmp_path / "escaped.txt").exists()
    assert not Path("/tmp/absolute.txt").exists()


def test_links_in_an_archive_are_refused(tmp_path):
    archive = tmp_path / "link.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("media/passwd")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        tar.addfile(info)

    with pytest.raises(CommandError) as error:
        call_command("restore_site", str(archive), verbosity=0)

    assert "'media/passwd' is not a file" in str(error.value)


def test_a_damaged_file_is_refused(tmp_path):
    manifest = {
        "format": 1,
        "migrations": {},
        "counts": {},
        "files": {name: {"size": 2, "sha256": "0" * 64} for name in GOOD_DATA},
    }
    archive = tmp_path / "damaged.tar.gz"
    write_archive(archive, GOOD_DATA, manifest)

    with pytest.raises(CommandError) as error:
        call_command("restore_site", str(archive), verbosity=0)

    assert "data/sites.json is damaged" in str(error.value)


def test_an_archive_from_newer_code_is_refused(tmp_path):
    manifest = {
        "format": 1,
        "migrations": {"articles": ["0001_initial", "0099_from_the_future"]},
        "counts": {},
        "files": {
            name: {"size": 2, "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in GOOD_DATA.items()
        },
    }
    archive = tmp_path / "newer.tar.gz"
    write_archive(archive, GOOD_DATA, manifest)

    with pytest.raises(CommandError) as error:
        call_command("restore_site", str(archive), verbosity=0)

    assert "unknown migrations: articles.0099_from_the_future" in str(error.value)


def test_not_an_archive(tmp_path):
    path = tmp_path / "notes.tar.gz"
    path.write_text("hello")

    with pytest.raises(CommandError) as error:
        call_command("restore_site", str(path), verbosity=0)

    assert "is not a backup archive" in str(error.value)


def test_the_makefile_has_backup_and_restore_targets():
    def dry_run(*arguments):
        # Run as a make of its own even under `make test`, which would make it
        # a sub-make that prints "Entering/Leaving directory" lines.
        environment = {
            name: value
            for name, value in os.environ.items()
            if name not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")
        }
        return subprocess.run(
            ["make", "--no-print-directory", "--dry-run", "--always-make", *arguments],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=60,
            env=environment,
        ).stdout.splitlines()

    backup = dry_run("backup", "ARCHIVE=/tmp/site.tar.gz")
    restore = dry_run("restore", "ARCHIVE=/tmp/site.tar.gz", "FORCE=1")

    assert backup[-1] == ".venv/bin/python manage.py backup_site /tmp/site.tar.gz"
    assert restore[-3:] == [
        ".venv/bin/python manage.py migrate --noinput",
        '.venv/bin/python manage.py restore_site "/tmp/site.tar.gz" --force',
        # The restored site's domain gives way to DJANGO_SITE_DOMAIN, when set.
        ".venv/bin/python manage.py set_site_domain",
    ]
