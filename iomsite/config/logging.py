"""Logs on stdout, one line per event: plain text by default, JSON lines with
``DJANGO_LOG_FORMAT=json`` (README, "Production"). Django (``LOGGING``) and
gunicorn (``logconfig_dict`` in ``iomsite/gunicorn.conf.py``) use the same
formatters, so that a log collector reads every line of a machine alike."""

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime

from django.core.exceptions import ImproperlyConfigured

TEXT_FORMAT = "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"


def request_fields(record):
    """The method, path and status of the request a record is about, where
    the logger says: Django's ``django.request`` passes the request and its
    status, runserver's ``django.server`` the request line, gunicorn's access
    log its atoms."""
    fields = {}
    args = record.args
    if record.name == "gunicorn.access" and isinstance(args, Mapping):
        fields = {"method": args.get("m"), "path": args.get("U")}
        status = str(args.get("s", ""))
        if status.isdigit():
            fields["status"] = int(status)
        fields["duration_ms"] = args.get("M")
        return fields
    request = getattr(record, "request", None)
    if isinstance(getattr(request, "method", None), str):
        fields = {"method": request.method, "path": request.path}
    elif record.name == "django.server" and args and isinstance(args[0], str):
        method, _space, rest = args[0].partition(" ")
        fields = {"method": method, "path": rest.rpartition(" ")[0] or rest}
    status = getattr(record, "status_code", None)
    if isinstance(status, int):
        fields["status"] = status
    return fields


class JsonFormatter(logging.Formatter):
    """One JSON object a line: timestamp (UTC, ISO 8601), level, logger,
    message, pid, the request's method, path and status where known, and the
    exception's traceback as one string field."""

    def format(self, record):
        entry = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        entry.update(
            (key, value)
            for key, value in request_fields(record).items()
            if value is not None
        )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """``time [pid] LEVEL logger: message``, a traceback included on the same
    line (its line breaks written ``\\n``). The time is in UTC with its offset,
    in every process: gunicorn's master never loads Django's TIME_ZONE, its
    workers do, and neighbouring lines must not jump by hours."""

    def __init__(self):
        super().__init__(TEXT_FORMAT)

    def formatTime(self, record, datefmt=None):
        return datetime.fromtimestamp(record.created, UTC).isoformat(
            timespec="milliseconds"
        )

    def format(self, record):
        return super().format(record).replace("\n", "\\n")


FORMATTERS = {"text": TextFormatter, "json": JsonFormatter}


def log_formatter(environ):
    name = environ.get("DJANGO_LOG_FORMAT", "").strip().lower() or "text"
    if name not in FORMATTERS:
        raise ImproperlyConfigured(
            f"DJANGO_LOG_FORMAT must be text or json, not {name!r}."
        )
    return FORMATTERS[name]


def _stdout(environ):
    return {
        "formatters": {"line": {"()": log_formatter(environ)}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "line",
            },
        },
    }


def logging_settings(environ):
    """Django's LOGGING: every logger on stdout at ``DJANGO_LOG_LEVEL``
    (WARNING); errors are mailed to ADMINS too, when DEBUG is off."""
    level = environ.get("DJANGO_LOG_LEVEL", "WARNING").strip().upper()
    config = _stdout(environ)
    config["filters"] = {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}
    }
    config["handlers"]["mail_admins"] = {
        "level": "ERROR",
        "filters": ["require_debug_false"],
        "class": "django.utils.log.AdminEmailHandler",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        **config,
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Django's default configuration would print these a second time,
            # on stderr, when DEBUG is on.
            "django": {
                "handlers": ["stdout", "mail_admins"],
                "level": level,
                "propagate": False,
            },
            # runserver's one line a request.
            "django.server": {
                "handlers": ["stdout"],
                "level": "INFO",
                "propagate": False,
            },
        },
    }


def gunicorn_logging(environ):
    """gunicorn's ``logconfig_dict``: its error log and its access log (one line
    a request) on stdout, in the format Django's lines have."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        **_stdout(environ),
        "root": {"handlers": ["stdout"], "level": "WARNING"},
        "loggers": {
            name: {"handlers": ["stdout"], "level": "INFO", "propagate": False}
            for name in ("gunicorn.error", "gunicorn.access")
        },
    }
