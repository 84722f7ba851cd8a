# The two commands: `make run` (demo portal on http://127.0.0.1:8000) and `make test` (whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The one address emails link to (and the demo site's host and port): where `make run` serves.
BASE_URL ?= $(or $(WAGTAILADMIN_BASE_URL),http://$(HOST):$(PORT))

.PHONY: run test setup lint messages bench verifier screenshots clean backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $(VENV)/.installed $@

setup: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	WAGTAILADMIN_BASE_URL=$(BASE_URL) $(MANAGE) load_initial_data

run: setup
	WAGTAILADMIN_BASE_URL=$(BASE_URL) $(MANAGE) runserver $(HOST):$(PORT)

# axe-core for the browser tests' audits (pinned in package-lock.json); skipped where npm is missing,
# and the audits then skip loudly.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility audits will skip (CI installs it)"; fi

test: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# SQLite and uploaded files in one archive (backups/portal-<date>.tar.gz), and back; PostgreSQL: docs/deploy.md.
backup: $(VENV)/.installed
	$(MANAGE) backup $(if $(FILE),--out $(FILE))

restore: $(VENV)/.installed
	@test -n "$(FILE)" || (echo "usage: make restore FILE=backups/portal-….tar.gz" && exit 2)
	$(MANAGE) restore $(FILE)

# Refresh the catalogs after changing strings, translate, then compile (needs GNU gettext).
messages: $(VENV)/.installed
	$(MANAGE) makemessages -l fr -l en -l es --no-obsolete --ignore=.venv --ignore=tests --ignore=bench
	$(MANAGE) compilemessages --ignore=.venv

# The wheel each draw's page offers for download; rebuild it after changing sortition/.
verifier: | $(BIN)/python
	rm -f portal/static/downloads/sortition-*.whl
	$(BIN)/pip wheel --quiet --no-deps ./sortition -w portal/static/downloads
	rm -rf sortition/build sortition/sortition.egg-info

# PNGs of the main pages at desktop and phone width in docs/screenshots/ (needs Debian's chromium).
screenshots: $(VENV)/.test-installed
	$(BIN)/python docs/screenshots/take.py

bench: $(VENV)/.test-installed
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/registrations.py
	$(BIN)/python bench/comments.py
	$(BIN)/python bench/archive.py

clean:
	rm -rf $(VENV) db.sqlite3 static
