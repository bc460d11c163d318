"""gunicorn's settings for ``make serve`` (``gunicorn -c iomsite/gunicorn.conf.py``).

SIGHUP reloads gracefully: new workers start, the old ones finish their
requests first."""

import os
import sys
from pathlib import Path

# gunicorn reads this file before it puts its working directory on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from iomsite.config.logging import gunicorn_logging  # noqa: E402

wsgi_app = "iomsite.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
# The access log (the Apache combined format, one line a request) and the
# errors on stdout, as plain text or JSON lines like Django's (DJANGO_LOG_FORMAT).
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"'
logconfig_dict = gunicorn_logging(os.environ)
graceful_timeout = 30
