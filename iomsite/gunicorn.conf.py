"""gunicorn's settings for ``make serve`` (``gunicorn -c iomsite/gunicorn.conf.py``).

SIGHUP reloads gracefully: new workers start, the old ones finish their
requests first."""

import os

wsgi_app = "iomsite.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
# The Apache combined format, one line a request, on stdout with the errors.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"'
graceful_timeout = 30
