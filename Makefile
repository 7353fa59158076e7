# Sinergi — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test check lint format setup demo worker serve clean messages bench browsers

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*?## "}{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP) ## Create .venv and install pinned dependencies, migrate, load regions and (first time) the demo
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_regions --if-empty
	$(PY) manage.py load_demo --if-empty

# Links in the e-mails the demo prints lead to the address it serves on (unless SINERGI_BASE_URL says otherwise).
run: export SINERGI_BASE_URL ?= http://$(HOST):$(PORT)
run: setup ## Set up on SQLite, load reference + demo data, serve on http://127.0.0.1:8000 with the task worker and hourly reminders
	@$(PY) manage.py demo_logins
	@echo "Sinergi: http://$(HOST):$(PORT)/  (Ctrl+C stops the server and the worker)"
	@$(PY) manage.py db_worker --queue-name default & worker=$$!; \
	  ( while sleep 3600; do $(PY) manage.py send_reminders >/dev/null; done ) & reminders=$$!; \
	  trap 'kill $$worker $$reminders 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver --noreload $(HOST):$(PORT)

test: $(STAMP) browsers ## Run the whole suite (DATABASE_URL selects the database; SQLite by default)
	$(VENV)/bin/pytest -n 2 --dist loadfile -m "not browser and not transactional"
	$(VENV)/bin/pytest -m "browser or transactional"

browsers: ## Check that Debian's Chromium is present for the browser tests (never downloads one)
	@test -x /usr/bin/chromium || { echo "Browser tests need /usr/bin/chromium: apt-get install -y chromium"; exit 1; }

lint: $(STAMP) ## ruff lint and format check, Django checks, missing migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

check: lint test ## Lint + tests

format: $(STAMP) ## Format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(STAMP) ## Update the English catalogue (locale/en) and compile it; the compiled .mo is committed
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=var --no-location
	$(PY) locale/tools/translate_en.py
	$(PY) manage.py compilemessages --ignore=.venv

bench: $(STAMP) ## Run the benchmarks under bench/ on SQLite and PostgreSQL (installs bench/requirements.txt)
	$(VENV)/bin/pip install --quiet -r bench/requirements.txt
	$(PY) bench/regions.py
	$(PY) bench/exchange.py
	$(PY) bench/statistics.py
	$(PY) bench/registry.py

# With DATABASE_URL set the data is elsewhere and still needs the keys generated in var/ to read its NIKs: they stay.
clean: ## Remove var/: the SQLite database, uploads, collected files, and its generated keys unless DATABASE_URL is set (keeps .venv)
	@if [ -n "$$DATABASE_URL" ]; then \
	  echo "DATABASE_URL is set: var/field_keys, var/hash_key and var/secret_key are kept (the database still needs them)."; \
	  find var -mindepth 1 -maxdepth 1 ! -name field_keys ! -name hash_key ! -name secret_key -exec rm -rf {} +; \
	else \
	  rm -rf var/; \
	fi
