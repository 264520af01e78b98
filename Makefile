# Two commands for a new user: `make run` (demo site) and `make test` (whole suite).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# The first interpreter that is Python 3.12 or newer (pyenv users get 3.13 from .python-version).
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)

.PHONY: help run test test-only setup db messages check-python clean scale-test backup restore audit bench pip-audit

help:
	@echo "make run    - set up .venv, an SQLite database with demo content, and serve http://$(HOST):$(PORT)"
	@echo "make test   - set up .venv and run the whole test suite"
	@echo "make messages - rebuild the translation catalogues after changing interface strings"
	@echo "make scale-test - two gunicorn instances behind nginx sharing PostgreSQL and Redis (tests/scale)"
	@echo "make backup   - pg_dump + media archive into backups/<time>/ (DATABASE_URL must be PostgreSQL)"
	@echo "make restore BACKUP=backups/<time> - put a backup back (asks first; CONFIRM=yes skips the question)"
	@echo "make audit    - Nu HTML checker on every public page type, Lighthouse (mobile) on six (AUDIT_LIGHTHOUSE=0: vnu only)"
	@echo "make bench    - bounded load run against gunicorn + PostgreSQL; prints req/s and p50/p95"
	@echo "make pip-audit - known vulnerabilities in the pinned requirements"

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Made by Bochum needs Python 3.12 or newer (Django 6 requires it), and none was found."; \
		echo "Install one (e.g. 'pyenv install 3.13' or your system's python3.13 package) and run make again,"; \
		echo "or name it: make run PYTHON=/path/to/python3.13"; \
		exit 1; \
	fi

$(VENV)/.installed: requirements.txt requirements-dev.txt | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

setup: check-python $(VENV)/.installed

db: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo

run: db
	$(MANAGE) runserver $(HOST):$(PORT)

test: setup test-only

# The suite alone, for a venv that is already set up (CI calls it again with DATABASE_URL set).
# Two processes (pytest-xdist), one per core here; each gets its own test database. PYTEST_WORKERS=0: one process.
PYTEST_WORKERS ?= 2
test-only:
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

messages: setup
	$(MANAGE) makemessages --all --ignore='.venv/*' --ignore='staticfiles/*' --ignore='tests/*' --ignore='node_modules/*' --ignore='tools/*' --no-obsolete --no-location
	$(MANAGE) compilemessages --ignore='.venv/*' --ignore='node_modules/*'

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .test-media .pytest_cache

# --- production readiness (docs/deploy.md) ---
SCALE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/mbb_prod_scale

scale-test: setup
	MBB_SCALE_TEST=1 CLUSTER_DATABASE_URL=$(SCALE_DATABASE_URL) $(PY) -m pytest tests/scale -p no:cacheprovider $(PYTEST_ARGS)

backup:
	bash tools/backup.sh $(BACKUP_DIR)

restore:
	@test -n "$(BACKUP)" || { echo "Name the backup: make restore BACKUP=backups/<time>"; exit 2; }
	bash tools/restore.sh $(BACKUP)

audit: setup
	bash tools/audit/run.sh

bench: setup
	$(PY) bench/load.py $(BENCH_ARGS)

pip-audit: setup
	$(PY) tools/pip_audit.py
