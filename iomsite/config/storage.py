"""Where uploaded files and their renditions live (README, "Production").

A folder of this machine (``MEDIA_ROOT``) by default. With several machines
every one must see every upload: ``DJANGO_STORAGE=s3`` keeps them in an S3
bucket (AWS, or any S3-compatible server such as MinIO or Ceph) through
django-storages. sorl-thumbnail writes the renditions through the same
storage (``THUMBNAIL_STORAGE = "default"``)."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
ADDRESSING_STYLES = {"auto", "path", "virtual"}


def storage_settings(environ, *, debug):
    kind = environ.get("DJANGO_STORAGE", "").strip().lower() or "local"
    if kind == "local":
        default = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    elif kind == "s3":
        default = {"BACKEND": S3_BACKEND, "OPTIONS": s3_options(environ)}
    else:
        raise ImproperlyConfigured(f"DJANGO_STORAGE must be local or s3, not {kind!r}.")
    return {
        "default": default,
        "staticfiles": {
            "BACKEND": (
                "django.contrib.staticfiles.storage.StaticFilesStorage"
                if debug
                else "whitenoise.storage.CompressedManifestStaticFilesStorage"
            )
        },
    }


def s3_options(environ):
    """django-storages' options from ``DJANGO_S3_*``. The credentials are not
    among them: boto3 reads ``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY``
    from the environment itself, or takes the machine's role."""
    bucket = environ.get("DJANGO_S3_BUCKET", "").strip()
    if not bucket:
        raise ImproperlyConfigured("DJANGO_STORAGE=s3 needs DJANGO_S3_BUCKET.")
    style = environ.get("DJANGO_S3_ADDRESSING_STYLE", "").strip().lower() or None
    if style is not None and style not in ADDRESSING_STYLES:
        raise ImproperlyConfigured(
            f"DJANGO_S3_ADDRESSING_STYLE must be auto, path or virtual, not {style!r}."
        )
    return {
        "bucket_name": bucket,
        "endpoint_url": environ.get("DJANGO_S3_ENDPOINT_URL", "").strip() or None,
        "region_name": environ.get("DJANGO_S3_REGION", "").strip() or None,
        "addressing_style": style,
        # A CDN or the bucket's own public host name, e.g. media.example.org.
        "custom_domain": environ.get("DJANGO_S3_CUSTOM_DOMAIN", "").strip() or None,
        "location": environ.get("DJANGO_S3_PREFIX", "").strip("/ "),
        # Public pages link to the files: plain addresses, which a cached page
        # may keep for as long as it likes (signed ones expire). The bucket
        # (or the CDN) must let anyone read its objects.
        "querystring_auth": False,
        # Django's rule: an upload never replaces a file of the same name.
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "public, max-age=86400"},
    }


def media_sources(environ):
    """The origins the pages' images come from when they are not on our own
    host, for the Content-Security-Policy's ``img-src``."""
    if environ.get("DJANGO_STORAGE", "").strip().lower() != "s3":
        return []
    options = s3_options(environ)
    if options["custom_domain"]:
        return [f"https://{options['custom_domain']}"]
    bucket = options["bucket_name"]
    if options["endpoint_url"]:
        endpoint = urlsplit(options["endpoint_url"])
        origin = f"{endpoint.scheme}://{endpoint.netloc}"
        # The bucket is in the path, or (virtual hosting) in the host name.
        return [origin, f"{endpoint.scheme}://{bucket}.{endpoint.netloc}"]
    region = options["region_name"]
    hosts = [f"{bucket}.s3.amazonaws.com"]
    if region:
        hosts.append(f"{bucket}.s3.{region}.amazonaws.com")
    return [f"https://{host}" for host in hosts]
