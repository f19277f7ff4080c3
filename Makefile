# Two commands for a newcomer: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PYBABEL := $(VENV)/bin/pybabel
PORT ?= 8501
ADDRESS ?= 127.0.0.1
# One folder per language in locales/ (the registry, bpa_core/languages.py, names them in code).
LANGS := $(patsubst locales/%/,%,$(wildcard locales/*/))
DOMAINS := messages documents
MO := $(foreach l,$(LANGS),$(foreach d,$(DOMAINS),locales/$(l)/LC_MESSAGES/$(d).mo))

.PHONY: run test lint typecheck pytest i18n extract update compile bench serve-replicas schema clean help

help:
	@echo "make run    - install into $(VENV) and start the app on http://localhost:$(PORT)"
	@echo "make test   - install dev tools and run ruff, mypy --strict and pytest (browser tests too)"
	@echo "make bench  - measure speed (never part of make test)"
	@echo "make serve-replicas - nginx + 2 app processes on http://127.0.0.1:$(PORT) (deploy/)"
	@echo "make i18n   - extract strings, update and compile the catalogs"

$(VENV)/.run-installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt $(VENV)/.run-installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(VENV)/.run-installed
	$(PYBABEL) compile --statistics -D messages -l $* -d locales

locales/%/LC_MESSAGES/documents.mo: locales/%/LC_MESSAGES/documents.po $(VENV)/.run-installed
	$(PYBABEL) compile --statistics -D documents -l $* -d locales

compile: $(MO)

run: $(VENV)/.run-installed compile
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

test: $(VENV)/.dev-installed compile lint typecheck pytest

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(VENV)/bin/mypy --strict bpa_core
	$(VENV)/bin/mypy --strict bpa_ui
	$(VENV)/bin/mypy --strict pages app.py

# Two runs: the pure and AppTest tests on every core (pytest-xdist; CPU-bound, independent), then
# the real-browser tests one at a time (a server and Chromium each; timing-sensitive under load).
PYTEST_WORKERS ?= 2
pytest: $(VENV)/.dev-installed compile
	$(PY) -m pytest --ignore=tests/browser -n $(PYTEST_WORKERS)
	$(PY) -m pytest tests/browser

# Strings: extract from the code, merge into every catalog, compile.
extract: $(VENV)/.dev-installed
	$(PYBABEL) extract --no-location --sort-by-file --omit-header --add-comments=TRANSLATORS: -F babel-messages.cfg -o locales/messages.pot app.py pages bpa_ui
	$(PYBABEL) extract --no-location --sort-by-file --omit-header --add-comments=TRANSLATORS: -F babel-documents.cfg -o locales/documents.pot bpa_core

update: extract
	for d in $(DOMAINS); do for l in $(LANGS); do \
	  $(PYBABEL) update --no-fuzzy-matching --ignore-obsolete -D $$d -l $$l -d locales -i locales/$$d.pot; \
	done; done

i18n: update compile

bench: $(VENV)/.dev-installed compile
	$(PY) bench/run.py
	$(PY) bench/load.py

# nginx (Debian's package: apt-get install nginx) in front of 2 Streamlit processes, on loopback.
# HOST_NAME=bpa.test: the site under that name too (allowed by the processes; it must resolve to
# 127.0.0.1 where it is opened).
serve-replicas: $(VENV)/.run-installed compile
	$(PY) deploy/replicas.py --replicas 2 --port $(PORT) $(if $(HOST_NAME),--host-name $(HOST_NAME))

schema: $(VENV)/.run-installed
	$(PY) -m bpa_core schema > docs/draft.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(MO)
