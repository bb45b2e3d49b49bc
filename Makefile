# Hogo — the two commands: `make run` (start a local Hogo with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOGO := $(BIN)/hogo
DEMO_HOUSEHOLDS ?= 400
export HOGO_ENV_FILE ?= $(CURDIR)/var/hogo.env

.PHONY: setup run lint test test-fast assets bench clean audit audit-requirements

$(VENV)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: $(VENV)/.installed node_modules/.installed
	$(BIN)/python scripts/build_assets.py

var/hogo.env: | $(VENV)/.installed
	$(BIN)/python scripts/write_env.py $@

# Everything `make run` needs except starting servers. Safe to run again.
setup: $(VENV)/.installed assets var/hogo.env
	$(BIN)/python scripts/write_env.py var/hogo.env  # an older file gets the audit key it lacks
	$(HOGO) migrate --noinput -v0
	$(HOGO) collectstatic --noinput -v0
	$(HOGO) knowledge import hogo/knowledge/corpus/life_protection_act.xml --code seikatsu-hogo-ho
	$(HOGO) demo --households $(DEMO_HOUSEHOLDS) --seed 1 --if-empty | tee var/demo-accounts.txt

run: setup
	./scripts/run.sh

# Lint and format gate (ruff settings in pyproject.toml): the whole tree is kept clean.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Lint, then the whole suite. DATABASE_URL selects PostgreSQL; without it, SQLite. Then the portal zone's
# tests under the portal's settings (PORTAL_DATABASE_URL, else SQLite); tests/conftest.py imports core
# models, so --confcutdir keeps it out of that run (and tests/portal_zone skips itself under the core's).
test: lint assets
	HOGO_ENV_FILE= $(BIN)/pytest
	HOGO_ENV_FILE= $(BIN)/pytest -q -p no:cacheprovider --ds=hogo.settings.portal_test --confcutdir=tests/portal_zone tests/portal_zone

# Known vulnerabilities in the installed Python packages and package-lock.json (decision 0024). Needs the
# network, so it is never part of `make test`; exits 2 with a message when a vulnerability database
# cannot be reached or a package cannot be checked, 1 when a known vulnerability is found.
audit: $(VENV)/.installed
	$(BIN)/python scripts/audit_dependencies.py

# On an offline build machine: the exact Python versions, to audit on a connected machine
# (docs/operations.md).
audit-requirements: $(VENV)/.installed
	$(BIN)/python scripts/audit_dependencies.py --write-requirements var/audit/requirements-frozen.txt

bench: setup
	$(BIN)/python bench/demo_households.py --households 10000

clean:
	rm -rf $(VENV) node_modules hogo/common/static/vendor var
