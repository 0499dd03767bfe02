# WorkMonitor entry points. Everything installs into .venv from PyPI; no Docker, no root needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test migrate bench build validate worker lint clean help web-deps extension-deps mobile-deps edge-deps image-check venv-check

help:
	@echo "make run      - the whole platform on http://localhost:8080 (PostgreSQL, Redis, S3 found or started)"
	@echo "make test     - lint (ruff, mypy), then the whole test suite against real PostgreSQL, Redis and S3"
	@echo "make lint     - ruff check, ruff format --check and mypy; fails on any finding"
	@echo "make migrate  - apply database migrations"
	@echo "make build    - faas-cli build --shrinkwrap: each function's build context under build/"
	@echo "make image-check - one function image built with buildah and run with podman (root; WM_IMAGE_FUNCTION=auth)"
	@echo "make venv-check - every function from its context in a clean venv behind the real fwatchdog"
	@echo "make validate - check stack.yml the way faas-cli would"
	@echo "make bench    - benchmarks (print figures)"

$(STAMP): pyproject.toml clients/desktop/pyproject.toml clients/sdk/pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[local,test]" -e clients/desktop -e clients/sdk
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python infra/local/run.py

# Lint first (it fails on any finding), then the unit tests of the web app (vitest), the browser extension
# (node:test) and the mobile app (its config and type check, jest-expo); pytest (which includes the Chromium
# e2e runs and web-ext lint) closes the output.
test: $(STAMP) lint web-deps extension-deps mobile-deps edge-deps
	cd clients/web && npx vitest run
	cd clients/extension && node --test test/
	cd clients/mobile && npm run --silent check && npx jest --ci --silent
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Node packages for the web app, and Debian's Chromium for its end-to-end tests (installed when running as root).
web-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium is missing and cannot be installed without root: the web e2e test will fail"
	@test -d clients/web/node_modules || (cd clients/web && npm ci --no-audit --no-fund)

# The mobile app's packages (Expo SDK 56, pinned in its package-lock.json); its web build is made by the e2e test.
mobile-deps:
	@test -d clients/mobile/node_modules || (cd clients/mobile && npm ci --no-audit --no-fund)

# The browser extension's tools (web-ext for `web-ext lint` of the Firefox package); its e2e test borrows
# playwright-core from the web app's node_modules.
extension-deps:
	@test -d clients/extension/node_modules || (cd clients/extension && npm ci --no-audit --no-fund)

# nginx for the edge tests (tests/test_edge.py), installed from Debian when running as root.
edge-deps:
	@command -v nginx >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; } || \
		echo "nginx is missing and cannot be installed without root: the edge tests will fail"

migrate: $(STAMP)
	$(BIN)/python -m workmonitor.migrate --create-db

validate: $(STAMP)
	$(BIN)/python infra/openfaas/validate_stack.py stack.yml

# The real faas-cli (../shared/tools or FAAS_CLI); OPENFAAS_URL points nowhere, so nothing leaves the machine.
FAAS_CLI ?= $(firstword $(wildcard ../shared/tools/faas-cli /work/shared/tools/faas-cli) faas-cli)
build: validate
	OPENFAAS_URL=http://127.0.0.1:9 $(FAAS_CLI) build --shrinkwrap -f stack.yml

# Each distinct requirements set gets a clean virtualenv pip-installed from the hashed lock (cached in .var/venvs/);
# every function then starts from its own shrinkwrapped context in it, behind the real fwatchdog (make test links them).
venv-check: $(STAMP) edge-deps
	WM_CLEAN_VENV=1 $(BIN)/python -m pytest tests/test_edge.py $(PYTEST_ARGS)

# One real image (not part of make test: it needs root): buildah builds the function's shrinkwrapped context with the
# template's Dockerfile on a Debian base made by mmdebstrap, podman runs it against loopback PostgreSQL and Redis,
# and it must answer /_/health, /_/ready and real routes. Reuses base images, wheels and layers; see the script.
image-check: $(STAMP)
	$(BIN)/python infra/image_check.py $(WM_IMAGE_FUNCTION)

# make bench [BENCH="bench_reads bench_writes"]: every module by default; see bench/*.py for their knobs.
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH)

# mypy checks the `files` of [tool.mypy] in pyproject.toml: shared, functions, gateway and infra.
lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/python -m mypy

clean:
	rm -rf build .var
