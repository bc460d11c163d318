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

.PHONY: run test install migrate demo lint clean

$(VENV)/.installed: requirements.txt requirements-dev.txt build-constraints.txt
	@test -n "$(BASE_PYTHON)" || { echo "Python 3.12 or newer is required (install it, or set BASE_PYTHON=/path/to/python3.12)." >&2; exit 1; }
	@echo "Using $(BASE_PYTHON) ($$($(BASE_PYTHON) --version))"
	test -x $(PY) || $(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.3"
	$(PY) -m pip install --quiet --build-constraint build-constraints.txt -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py import_legacy iomsite/demo/legacy
	$(PY) manage.py create_demo_admin

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

clean:
	rm -rf $(VENV) staticfiles
