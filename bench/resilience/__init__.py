"""The site under load while things go wrong: ``python -m bench.resilience``.

Serves the site as ``make serve`` does (DEBUG off, gunicorn from
iomsite/gunicorn.conf.py, WEB_CONCURRENCY workers, the cache on Redis) on a
private PostgreSQL cluster and a private redis-server, started on free ports
for the run and removed after it, and loads it with a mix of public pages in
both languages while, in turn: nothing happens; staff publish an article a
second in the admin; PostgreSQL restarts; Redis stops and starts again; the
site is backed up, then restored into an empty database and compared. See
bench/README.md.
"""
