# Two commands do everything: `make run` (try the demo) and `make test` (what CI runs).
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test test-fast bench install install-test lint format demo clean

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --if-empty
	@echo "Serving Scrutiny at http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test
	bash scripts/test.sh $(ARGS)

# The non-browser tests on SQLite: no root, PostgreSQL or Chromium needed. `make test` stays the gate.
test-fast: $(VENV)/.installed-test
	DATABASE_URL=sqlite:///test-fast.sqlite3 DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/python -m pytest -m "not browser" -q -p no:cacheprovider $(ARGS)

# Pages at 100,000 actions against 1,000, and throughput (docs/performance.md). Not part of `make test`.
bench: $(VENV)/.installed-test
	bash scripts/bench.sh $(ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts .pytest_cache .ruff_cache
