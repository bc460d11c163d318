# iomsite: `make run` sets everything up and serves the site; `make test` runs the suite.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_DEBUG ?= 1

# Django 6.1 needs Python 3.12 or newer: take the version pinned in
# .python-version when pyenv has it, else the first suitable interpreter found.
PYTHON_CANDIDATES = $(shell cat .python-version 2>/dev/null | sed 's|^|$(HOME)/.pyenv/versions/|; s|$$|/bin/python|') \
	python3.14 python3.13 python3.12 python3 \
	$(sort $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python))
BASE_PYTHON ?= $(shell for candidate in $(PYTHON_CANDIDATES); do \
	command -v $$candidate >/dev/null 2>&1 && \
	$$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && \
	{ echo $$candidate; break; }; done)

CORES := $(shell nproc 2>/dev/null || echo 1)

.PHONY: serve run test install migrate demo lint clean backup restore bench messages django-pt-br

$(VENV)/.installed: requirements.txt requirements-dev.txt build-constraints.txt
	@test -n "$(BASE_PYTHON)" || { echo "Python 3.12 or newer is required (install it, or set BASE_PYTHON=/path/to/python3.12)." >&2; exit 1; }
	@echo "Using $(BASE_PYTHON) ($$($(BASE_PYTHON) --version))"
	test -x $(PY) || $(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.3"
	$(PY) -m pip install --quiet --build-constraint build-constraints.txt -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# set_site_domain: the Sites domain from DJANGO_SITE_DOMAIN ("View on site").
migrate: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py set_site_domain

# The demo pages are our own, their people invented: their contacts public.
# The privacy, terms and accessibility pages are published with demo texts
# (a fresh install keeps privacy and terms as drafts for the office to write).
demo: migrate
	$(PY) manage.py import_legacy iomsite/demo/legacy --contacts public
	$(PY) manage.py publish_demo_pages
	$(PY) manage.py create_demo_admin

# A developer's settings, read by iomsite/settings.py (python-dotenv), so that
# `.venv/bin/python manage.py …` works as `make` runs it; written once, kept.
DOTENV ?= .env
$(DOTENV): | $(VENV)/.installed
	@printf '# Written by `make run`: development settings of this checkout.\nDJANGO_DEBUG=1\nDJANGO_SECRET_KEY=%s\n' \
		"$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@
	@echo "Wrote $@ (DJANGO_DEBUG=1 and a new secret key)."

run: $(DOTENV) demo
	DJANGO_SITE_DOMAIN="$${DJANGO_SITE_DOMAIN:-$(HOST):$(PORT)}" $(PY) manage.py set_site_domain
	$(PY) manage.py runserver $(HOST):$(PORT)

# make serve: production (README, "Production"): DEBUG off, static files
# collected, migrations, then gunicorn with WEB_CONCURRENCY workers (2 x cores
# + 1 by default). Needs DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and, with more
# than one worker, REDIS_URL (a system check says so).
serve: export DJANGO_DEBUG = 0
serve: export WEB_CONCURRENCY ?= $(shell echo $$((2 * $(CORES) + 1)))
serve: install
	@test -n "$$DJANGO_SECRET_KEY" || { echo "make serve needs DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (README, Production)." >&2; exit 2; }
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput
	$(PY) manage.py set_site_domain
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn --config iomsite/gunicorn.conf.py

# The Node tools of the suite (axe-core, the Nu Html Checker) and of
# bench/lighthouse.py, pinned in package-lock.json; no install scripts run (the
# only one would fetch a Java runtime, and the machine has Java).
NODE_DEPS := $(if $(wildcard package.json),node_modules/.package-lock.json)
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund; \
	else \
		echo "npm is missing: the accessibility and HTML checks will be skipped." >&2; \
	fi

# Includes the browser tests (tests/browser/, Debian's /usr/bin/chromium).
# PYTEST_ARGS narrows a run, e.g. PYTEST_ARGS='-m "not browser"' or
# PYTEST_ARGS=tests/articles/test_views.py.
test: install $(NODE_DEPS)
	$(PY) -m pytest $(PYTEST_ARGS)

# make backup [ARCHIVE=path.tar.gz]: the database and the uploaded files in one
# archive (backups/iomsite-DATE.tar.gz by default).
backup: install
	$(PY) manage.py backup_site $(or $(ARCHIVE),backups/iomsite-$(shell date +%Y%m%d-%H%M%S).tar.gz)

# make restore ARCHIVE=path.tar.gz [FORCE=1]: into an empty site (migrated first);
# FORCE=1 replaces the content of a site that has some.
restore: install
	@test -n "$(ARCHIVE)" || { echo "Usage: make restore ARCHIVE=path.tar.gz [FORCE=1]" >&2; exit 2; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py restore_site "$(ARCHIVE)" $(if $(FORCE),--force)
	$(PY) manage.py set_site_domain

# make bench [BENCH_ARGS="--database-url postgres://… --articles 100000 --uncached"]:
# the site under gunicorn against a bare Django view (bench/README.md).
bench: install
	$(PY) -m bench.run $(BENCH_ARGS)

# make messages: every catalogue (one per language of settings.LANGUAGES but
# English: locale/es, locale/pt) brought up to date with the code, then
# compiled. Needs GNU gettext (apt-get install gettext); nothing else does, as
# the django.po and django.mo files are committed.
CATALOGUES = $(shell DJANGO_DEBUG=1 $(PY) -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iomsite.settings"); from django.conf import settings; print(*(code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE))')
MESSAGES_IGNORE := $(addprefix --ignore=,node_modules tests bench static staticfiles media)
messages: install
	$(PY) manage.py makemessages $(addprefix -l ,$(CATALOGUES)) --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	$(PY) manage.py compilemessages $(addprefix -l ,$(CATALOGUES)) --ignore=.venv --ignore=node_modules

# make django-pt-br: Django's own Brazilian strings (the admin's, its dates),
# from the installed Django's pt_BR catalogues, under the site's code "pt"
# (README, "Languages"). Run it after upgrading Django; needs GNU gettext.
DJANGO_DIR = $(shell $(PY) -c 'import django, os; print(os.path.dirname(django.__file__))')
DJANGO_PT_BR = $(DJANGO_DIR)/conf/locale/pt_BR/LC_MESSAGES/django.po \
	$(foreach app,admin auth contenttypes sessions sites redirects humanize,$(DJANGO_DIR)/contrib/$(app)/locale/pt_BR/LC_MESSAGES/django.po)
django-pt-br: install
	mkdir -p locale/django/pt/LC_MESSAGES
	msgcat --use-first --no-location --sort-output -o locale/django/pt/LC_MESSAGES/django.po $(DJANGO_PT_BR)
	msgfmt -o locale/django/pt/LC_MESSAGES/django.mo locale/django/pt/LC_MESSAGES/django.po

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

clean:
	rm -rf $(VENV) staticfiles
