"""Backing up the whole site to one ``.tar.gz`` and restoring it.

An archive holds:

- ``manifest.json``: format, date, versions (Python, Django, the packages of
  ``requirements.txt``), the applied migrations, object counts per model and the
  size and SHA-256 of every other member;
- ``data/sites.json``: the ``django.contrib.sites`` rows with their ids (settings
  point at ``SITE_ID``);
- ``data/content.json``: every other row, as ``dumpdata --natural-foreign
  --natural-primary``, less what a site makes for itself or that is worthless in
  another: content types, permissions, sessions, login attempts (django-axes) and
  sorl-thumbnail's record of renditions;
- ``media/…``: every file under ``MEDIA_ROOT`` (renditions included).

``restore_backup`` checks the archive before it changes anything, then empties
the database and loads the archive in one transaction, and copies the files.
"""

import hashlib
import json
import os
import platform
import shutil
import tarfile
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.core import serializers
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.management.utils import parse_apps_and_model_labels
from django.db import connection, router, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
SITES = "data/sites.json"
CONTENT = "data/content.json"
MEDIA = "media"
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "thumbnail",
    "sites",
]
# What makes a site "not empty": anything staff or an import made. Programmes
# are not in it: a fresh database has those the migrations create.
NON_EMPTY_MODELS = [
    "articles.Article",
    "contacts.Office",
    "contacts.Contact",
    "contacts.KeyFigure",
    "redirects.Redirect",
    "admin.LogEntry",
    "reversion.Version",
]
READ_SIZE = 1024 * 1024


class BackupError(Exception):
    """What the commands report as a ``CommandError``."""


@dataclass(frozen=True)
class Summary:
    objects: int
    files: int
    bytes: int


def require_local_media():
    """Refuse to back up or restore a site whose uploads are not in
    ``MEDIA_ROOT``: an archive without them would look complete and not be."""
    if not isinstance(default_storage, FileSystemStorage):
        raise BackupError(
            "The uploaded files are not in MEDIA_ROOT but in "
            f"{default_storage.__class__.__name__} (DJANGO_STORAGE), which "
            "backup_site and restore_site do not copy. Back up the database "
            "with its own tools and the bucket with versioning or a copy "
            "(README, Backup and restore)."
        )


def create_backup(archive_path):
    require_local_media()
    archive_path = Path(archive_path)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        (workdir / "data").mkdir()
        call_command(
            "dumpdata",
            "sites",
            natural_foreign=True,
            output=str(workdir / SITES),
            verbosity=0,
        )
        dump_content(workdir / CONTENT)
        members = {SITES: workdir / SITES, CONTENT: workdir / CONTENT}
        for path in sorted(_files_under(media_root)):
            relative = path.relative_to(media_root).as_posix()
            members[f"{MEDIA}/{relative}"] = path
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "versions": _versions(),
            "migrations": _applied_migrations(),
            "counts": _counts(workdir / SITES, workdir / CONTENT),
            "files": {
                name: {"size": path.stat().st_size, "sha256": _sha256(path)}
                for name, path in members.items()
            },
        }
        (workdir / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        archive_path.parent.mkdir(parents=True, exist_ok=True)
        # Written next to its final name and renamed: a failed backup never
        # leaves a truncated archive under the name of a good one.
        partial = archive_path.with_name(f".{archive_path.name}.partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(workdir / MANIFEST, arcname=MANIFEST)
            for name, path in members.items():
                archive.add(path, arcname=name, recursive=False)
        os.replace(partial, archive_path)
    media_files = [name for name in members if name.startswith(f"{MEDIA}/")]
    return Summary(
        objects=sum(manifest["counts"].values()),
        files=len(media_files),
        bytes=sum(manifest["files"][name]["size"] for name in media_files),
    )


def dump_content(path):
    """Write what ``dumpdata --natural-foreign --natural-primary --exclude …``
    would, from one snapshot of the database, with each model's many-to-many
    rows and natural-key foreign keys read in bulk: dumpdata asks for them
    object by object (30,000 queries for 10,000 articles)."""
    with open(path, "w", encoding="utf-8") as stream, read_snapshot():
        serializers.serialize(
            "json",
            _content_objects(),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
            stream=stream,
        )


def _content_objects():
    excluded_models, excluded_apps = parse_apps_and_model_labels(EXCLUDED)
    app_list = {
        app_config: None
        for app_config in apps.get_app_configs()
        if app_config.models_module is not None and app_config not in excluded_apps
    }
    for model in serializers.sort_dependencies(app_list.items(), allow_cycles=True):
        if model in excluded_models or model._meta.proxy:
            continue
        if not router.allow_migrate_model(connection.alias, model):
            continue
        many_to_many = [
            field.name
            for field in model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        ]
        natural_foreign = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and hasattr(field.related_model, "natural_key")
        ]
        queryset = model._default_manager.order_by(model._meta.pk.name)
        if natural_foreign:
            queryset = queryset.select_related(*natural_foreign)
        queryset = queryset.prefetch_related(*many_to_many)
        yield from queryset.iterator(chunk_size=2000)


@contextmanager
def read_snapshot():
    """A backup taken while staff work is still one moment of the site: on
    PostgreSQL every query of the dump reads the same snapshot."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                )
        yield


def restore_backup(archive_path, *, force=False):
    require_local_media()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        manifest = _unpack(Path(archive_path), workdir)
        _check_migrations(manifest["migrations"])
        if not force and not site_is_empty():
            raise BackupError(
                "This site already has content: restoring would replace it. "
                "Restore into an empty, migrated site, or pass --force."
            )
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(workdir / SITES), verbosity=0)
            call_command("loaddata", str(workdir / CONTENT), verbosity=0)
            media_files = [
                name for name in manifest["files"] if name.startswith(f"{MEDIA}/")
            ]
            for name in media_files:
                target = media_root / PurePosixPath(name).relative_to(MEDIA)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(workdir / name, target)
    # Cached pages and sorl-thumbnail's record of renditions describe the site
    # as it was; the emptied database made its content types anew.
    caches["default"].clear()
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()
    return Summary(
        objects=sum(manifest["counts"].values()),
        files=len(media_files),
        bytes=sum(manifest["files"][name]["size"] for name in media_files),
    )


def site_is_empty():
    if any(apps.get_model(label).objects.exists() for label in NON_EMPTY_MODELS):
        return False
    return not any(True for _path in _files_under(Path(settings.MEDIA_ROOT)))


def _unpack(archive_path, workdir):
    """Check the archive and extract it into ``workdir``; returns the manifest."""
    try:
        archive = tarfile.open(archive_path, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{archive_path} is not a backup archive: {error}") from None
    with archive:
        try:
            members = archive.getmembers()
        except (OSError, tarfile.TarError, EOFError) as error:
            raise BackupError(f"{archive_path} is damaged: {error}") from None
        for member in members:
            _check_member(member)
        try:
            # The "data" filter refuses, once more, links and paths leading
            # out of workdir, and drops permissions and owners.
            archive.extractall(workdir, filter="data")
        except (OSError, tarfile.TarError, EOFError) as error:
            raise BackupError(f"{archive_path} cannot be extracted: {error}") from None
    try:
        manifest = json.loads((workdir / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"The archive has no readable {MANIFEST}: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"The archive is not a format {FORMAT} backup.")
    files = manifest.get("files", {})
    found = {member.name for member in members if member.isfile()} - {MANIFEST}
    if found != set(files) or not {SITES, CONTENT} <= found:
        raise BackupError("The archive's files do not match its manifest.")
    for name, expected in files.items():
        if _sha256(workdir / name) != expected.get("sha256"):
            raise BackupError(f"{name} is damaged: its checksum does not match.")
    return manifest


def _check_member(member):
    path = PurePosixPath(member.name)
    if path.is_absolute() or ".." in path.parts or "\\" in member.name:
        raise BackupError(f"Refusing the archive: it has the path {member.name!r}.")
    if not (member.isfile() or member.isdir()):
        raise BackupError(f"Refusing the archive: {member.name!r} is not a file.")
    if member.isfile() and not (
        member.name in (MANIFEST, SITES, CONTENT) or path.parts[0] == MEDIA
    ):
        raise BackupError(f"Refusing the archive: unexpected file {member.name!r}.")


def _check_migrations(recorded):
    """Refuse an archive made by code with migrations this code does not have:
    its data may have fields this database lacks."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    # Applying a squashed migration records the migrations it replaces too.
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)
    unknown = sorted(
        f"{app}.{name}"
        for app, names in recorded.items()
        for name in names
        if (app, name) not in known
    )
    if unknown:
        raise BackupError(
            "The archive comes from a newer version of the site (unknown "
            f"migrations: {', '.join(unknown)}). Update the code, migrate, retry."
        )


def _applied_migrations():
    applied = MigrationLoader(connection).applied_migrations
    migrations = {}
    for app, name in sorted(applied):
        migrations.setdefault(app, []).append(name)
    return migrations


def _counts(*fixtures):
    counts = Counter()
    for fixture in fixtures:
        counts.update(item["model"] for item in json.loads(fixture.read_text()))
    return dict(sorted(counts.items()))


def _versions():
    versions = {"python": platform.python_version(), "django": django.get_version()}
    requirements = Path(settings.BASE_DIR) / "requirements.txt"
    for line in requirements.read_text().splitlines():
        name = line.split("==")[0].split("[")[0].strip()
        if name and not name.startswith(("#", "-")):
            try:
                versions[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                versions[name] = None
    return versions


def _files_under(root):
    if not root.is_dir():
        return
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            yield path


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(READ_SIZE):
            digest.update(chunk)
    return digest.hexdigest()
