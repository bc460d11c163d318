"""Settings for iomsite, read from the environment.

Every setting a deployment changes comes from an environment variable; the
defaults are those of a developer's machine (SQLite in the project folder).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import xstatic.pkg.bootstrap
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

from .config.cache import cache_settings
from .config.logging import logging_settings
from .config.storage import media_sources, storage_settings

BASE_DIR = Path(__file__).resolve().parent.parent

# A developer's settings, written by `make run`: DJANGO_DEBUG=1 and a secret
# key of this checkout. What the environment sets wins; DJANGO_DOTENV names
# another file, or none when empty (the tests read none).
_dotenv = os.environ.get("DJANGO_DOTENV", str(BASE_DIR / ".env"))
if _dotenv:
    load_dotenv(_dotenv, override=False)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development)."
        )
    SECRET_KEY = "development-only-insecure-key"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks.
    "modeltranslation",
    "iomsite.editorial.site.EditorialAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_countries",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "reversion",
    "reversion_compare",
    "axes",
    "django_prose_editor",
    "sorl.thumbnail",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "iomsite",
    "contacts",
    "programmes",
    "articles",
    "pages",
]

MIDDLEWARE = [
    # Outside the page cache, so that API responses served from it get the CORS
    # headers of the request's Origin too.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed on the wire, but never a response that may hold a secret
    # (iomsite/publishing/compression.py); WhiteNoise sends static files
    # compressed ahead.
    "iomsite.publishing.compression.PublicGZipMiddleware",
    # Outside the page cache, so that pages served from it answer 304 too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside every middleware that may set a cookie or a Vary header, which
    # decide whether a page may be cached (iomsite/publishing/cache.py).
    "iomsite.publishing.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin in each staff member's language (iomsite/editorial/language.py).
    "iomsite.editorial.language.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old addresses: redirects, and 410 Gone for retired ones (iomsite/redirects.py).
    "iomsite.redirects.RetiredAddressMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iomsite.urls"
WSGI_APPLICATION = "iomsite.wsgi.application"
SITE_ID = 1
# The site's domain, for example "www.iom.example.org", given to the Sites
# framework on deploy ("View on site" links): README "Site domain".
SITE_DOMAIN = os.environ.get("DJANGO_SITE_DOMAIN", "")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "iomsite.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer commits; NORMAL syncs at checkpoints
    # only, which is safe with WAL and keeps imports fast.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en"
# The one list of the site's languages: English unprefixed, the others under
# /<code>/ (README, "Languages"). Portuguese is Brazil's: its code is "pt", so
# that its pages live under /pt/ and its texts in ``*_pt`` columns, and its
# catalogue (locale/pt) is written in Brazilian usage; so are Django's own
# strings for it (the admin's), from Django's pt_BR catalogues copied into
# locale/django by `make django-pt-br`, ahead of Django's European ones.
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "django"]
# Programme and office texts in every language (programmes/translation.py,
# contacts/translation.py): a text left empty shows the English one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/Argentina/Buenos_Aires")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap", xstatic.pkg.bootstrap.BASE_DIR),
]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
# Uploads live outside the code tree in production; a developer's stay in
# media/, and a checkout that has one (`make run` made it) keeps it with DEBUG
# off too (`make serve`), so that its images do not vanish.
_local_media = BASE_DIR / "media"
MEDIA_ROOT = Path(
    os.environ.get("DJANGO_MEDIA_ROOT")
    or (_local_media if DEBUG or _local_media.is_dir() else "/var/lib/iomsite/media")
)

STORAGES = storage_settings(os.environ, debug=DEBUG)
# The site serves /media/ itself unless a web server in front does
# (DJANGO_SERVE_MEDIA=0) or the files are in S3.
SERVE_MEDIA = env_bool(
    "DJANGO_SERVE_MEDIA", os.environ.get("DJANGO_STORAGE", "local") == "local"
)
# Hashed names are served as immutable for ten years by WhiteNoise itself; this
# is for the few files asked for by their plain name.
WHITENOISE_MAX_AGE = 0 if DEBUG else 24 * 60 * 60


CACHES = cache_settings(os.environ, debug=DEBUG)
# How long a public page is cached at most (scheduled items cut it short).
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("DJANGO_CACHE_SECONDS", "600"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

COUNTRIES_FIRST = ["AR", "BO", "BR", "CL", "CO", "EC", "PY", "PE", "UY", "VE"]
COUNTRIES_FIRST_BREAK = "──────"

LOGIN_URL = "admin:login"

# -- Security ---------------------------------------------------------------
# README "Security" explains each variable; `check --deploy` passes with
# DJANGO_DEBUG=0, DJANGO_HTTPS=1, a long DJANGO_SECRET_KEY and the defaults below.

# Where the admin lives, for example "staff-7f3a/" (a trailing slash is added).
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

HTTPS = env_bool("DJANGO_HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = (
    int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600))) if HTTPS else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
# "X-Forwarded-Proto:https" when a proxy that always sets (and never passes on)
# that header terminates TLS in front of Django.
if proxy_ssl_header := os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER"):
    header, _separator, value = proxy_ssl_header.partition(":")
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + header.strip().upper().replace("-", "_"),
        value.strip(),
    )
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

SECURE_CSP = {
    "default-src": [CSP.SELF],
    # Pages load scripts and styles from our static files only; the admin's
    # few inline <script>/<style> elements carry the request's nonce.
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    # data: for the SVG icons inside Bootstrap's stylesheet; uploads come from
    # the bucket with DJANGO_STORAGE=s3.
    "img-src": [CSP.SELF, "data:", *media_sources(os.environ)],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "upgrade-insecure-requests": HTTPS,
}

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username/address pair is refused before the
    # password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("DJANGO_LOGIN_LOCKOUT_MINUTES", "30"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The lock lasts its time from the last wrong password; trying again while locked
# out (refused without checking the password) does not make it longer.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "iomsite.ops.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "iomsite.ops.security.client_ip_address"
# How many proxies of ours append to X-Forwarded-For in front of Django.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# -- API ----------------------------------------------------------------------
# The read-only JSON API under /api/v1/ (iomsite/api/, README "API").
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Anonymous only: staff signed in to the admin get what visitors get.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "iomsite.api.limits.PublicPagination",
    "DEFAULT_THROTTLE_CLASSES": ["iomsite.api.limits.AnonymousClientThrottle"],
    "DEFAULT_SCHEMA_CLASS": "iomsite.api.schema.PublicAutoSchema",
    # The client's address as django-axes reads it: X-Forwarded-For is believed
    # only as far as our own proxies write it.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
# Requests a client may make to the API, e.g. "120/min", "5000/day"; answers
# served from the page cache cost nothing and are not counted.
API_ANON_RATE = os.environ.get("DJANGO_API_ANON_RATE", "120/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "IOM South America API",
    "DESCRIPTION": (
        "Read-only JSON API of the public content of the IOM South America "
        "website: news, programmes, offices and contacts."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "ArticleKindEnum": "articles.models.Article.Kind",
        "OfficeKindEnum": "contacts.models.Office.Kind",
        "LanguageEnum": "articles.models.Article.Language",
    },
}
# Anyone may read the API from a browser; nothing else is shared across origins.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-modified-since", "if-none-match"]
CORS_EXPOSE_HEADERS = ["etag", "last-modified", "retry-after"]

# -- Mail ---------------------------------------------------------------------
# Through SMTP, to the local mail server unless DJANGO_EMAIL_HOST names another;
# a developer's site without DJANGO_EMAIL_HOST prints mail on the console.
if DEBUG and not os.environ.get("DJANGO_EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("DJANGO_EMAIL_PORT", "25")),
                "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
                "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("DJANGO_EMAIL_USE_TLS"),
                "use_ssl": env_bool("DJANGO_EMAIL_USE_SSL"),
                "timeout": 20,
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "IOM South America <webmaster@localhost>"
)
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Who gets the error reports: comma-separated addresses.
ADMINS = env_list("DJANGO_ADMINS")

# -- Images -------------------------------------------------------------------
# Renditions (iomsite.content.images) are made once by sorl-thumbnail and remembered
# in its key-value store; they are never larger than the original.
THUMBNAIL_UPSCALE = False
THUMBNAIL_QUALITY = 82
THUMBNAIL_PREFIX = "renditions/"
THUMBNAIL_PRESERVE_FORMAT = True
# Dates as "14 June 2024" in English (iomsite/config/formats/).
FORMAT_MODULE_PATH = ["iomsite.config.formats"]
THUMBNAIL_CACHE = "default"

# History comparisons (django-reversion-compare) show a foreign key as changed
# when it points elsewhere, not whenever any other field of the object changed.
REVERSION_COMPARE_FOREIGN_OBJECTS_AS_ID = True

LOGGING = logging_settings(os.environ)
# Host names of the old site: links to them are flagged by the content checks
# (iomsite/content/problems.py).
LEGACY_HOSTS = env_list("DJANGO_LEGACY_HOSTS", "robuenosaires.iom.int")

# Translated ("OIM América del Sur") unless DJANGO_SITE_NAME sets one name for both.
SITE_NAME = os.environ.get("DJANGO_SITE_NAME") or _("IOM South America")
