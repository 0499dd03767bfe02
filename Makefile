# WorkMonitor entry points. Everything installs into .venv from PyPI; no Docker, no root needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test migrate bench build validate worker lint clean help web-deps

help:
	@echo "make run      - the whole platform on http://localhost:8080 (PostgreSQL, Redis, S3 found or started)"
	@echo "make test     - lint (ruff, mypy), then the whole test suite against real PostgreSQL, Redis and S3"
	@echo "make lint     - ruff check, ruff format --check and mypy; fails on any finding"
	@echo "make migrate  - apply database migrations"
	@echo "make build    - assemble each function's OpenFaaS build context under build/"
	@echo "make validate - check stack.yml the way faas-cli would"
	@echo "make bench    - benchmarks (print figures)"

$(STAMP): pyproject.toml clients/desktop/pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[local,test]" -e clients/desktop
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python infra/local/run.py

# Lint first (it fails on any finding), then the web app's unit tests (vitest); pytest (which includes the
# Chromium e2e run) closes the output.
test: $(STAMP) lint web-deps
	cd clients/web && npx vitest run
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Node packages for the web app, and Debian's Chromium for its end-to-end tests (installed when running as root).
web-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium is missing and cannot be installed without root: the web e2e test will fail"
	@test -d clients/web/node_modules || (cd clients/web && npm ci --no-audit --no-fund)

migrate: $(STAMP)
	$(BIN)/python -m workmonitor.migrate --create-db

validate: $(STAMP)
	$(BIN)/python infra/openfaas/validate_stack.py stack.yml

build: $(STAMP)
	$(BIN)/python infra/openfaas/build_contexts.py stack.yml build

# make bench [BENCH="bench_reads bench_writes"]: every module by default; see bench/*.py for their knobs.
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH)

# Modules mypy must pass today (`mypy` alone checks the whole tree configured in pyproject.toml); widen the
# list as each area is typed. --follow-imports=silent: what they import is checked when it joins the list.
MYPY_CLEAN := shared/workmonitor/db.py shared/workmonitor/web.py shared/workmonitor/wire.py \
	shared/workmonitor/openapi.py shared/workmonitor/keys.py shared/workmonitor/jobs

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/python -m mypy --follow-imports=silent $(MYPY_CLEAN)

clean:
	rm -rf build .var
