# Pontio: `make demo` and `make test` work on a fresh clone with Python 3.12+, Node.js and make.
# Each step leaves a stamp file so a second run reuses what the first installed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
PORT ?= 8000

# A Python 3.12+ interpreter: PATH first, then pyenv's versions, newest first.
PYTHON ?= $(shell scripts/find-python)

.PHONY: help install frontend demo serve test lint typecheck checks test-unit test-postgres test-pgvector \
        test-browser bench messages clean

help:
	@echo "make demo    install, migrate, load the demo organisation and start Pontio on :$(PORT)"
	@echo "make test    install and run every check and test (lint, types, unit, PostgreSQL, pgvector, browser)"
	@echo "make bench   run the benchmarks and print their figures"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Pontio needs Python 3.12 or newer; none was found on PATH or in ~/.pyenv/versions." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml uv.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --frozen --inexact --quiet --python $(BIN)/python
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

pontio/static/dist/.built: node_modules/.installed frontend/pontio.scss scripts/build-frontend
	scripts/build-frontend
	touch $@

install: $(VENV)/.installed pontio/static/dist/.built

frontend: pontio/static/dist/.built

demo: install
	PORT=$(PORT) $(BIN)/pontio demo

serve: install
	PORT=$(PORT) $(BIN)/pontio serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy pontio

# Checks that need Django: migrations are in step with models, production settings are clean.
checks: install
	$(BIN)/pontio makemigrations --check --dry-run
	PONTIO_DEBUG=false PONTIO_HTTPS=true PONTIO_ALLOWED_HOSTS=pontio.example.org \
	PONTIO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	PONTIO_DATA_DIR=$$(mktemp -d) $(BIN)/pontio check --deploy --fail-level WARNING

test-unit: install
	PONTIO_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -n 2 -m "not browser" -q

test-postgres: install
	PONTIO_DATA_DIR=$$(mktemp -d) scripts/with-postgres $(BIN)/pytest -n 2 -m "not browser" -q

test-pgvector: install
	PONTIO_DATA_DIR=$$(mktemp -d) scripts/with-pgvector $(BIN)/pytest -n 2 -m "not browser" -q

test-browser: install
	PONTIO_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -m browser -q

test: lint typecheck checks test-unit test-postgres test-pgvector test-browser
	@echo "make test: every check passed"

bench: install
	$(BIN)/pontio bench

# Refresh the Welsh catalogue after adding strings; then translate every new entry.
messages: install
	cd pontio && ../$(BIN)/pontio makemessages -l cy --no-location --no-obsolete \
		-i "locale_thirdparty/*" -i "static/*" -i "tests/*"
	cd pontio && ../$(BIN)/pontio compilemessages -l cy

clean:
	rm -rf $(VENV) .venv-pgvector node_modules pontio/static/dist
