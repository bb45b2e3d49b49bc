# Hogo — the two commands: `make run` (start a local Hogo with demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOGO := $(BIN)/hogo
DEMO_HOUSEHOLDS ?= 400
export HOGO_ENV_FILE ?= $(CURDIR)/var/hogo.env

.PHONY: setup run lint test test-fast assets bench clean

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

# Lint, then the whole suite. DATABASE_URL selects PostgreSQL; without it, SQLite.
test: lint assets
	HOGO_ENV_FILE= $(BIN)/pytest

bench: setup
	$(BIN)/python bench/demo_households.py --households 10000

clean:
	rm -rf $(VENV) node_modules hogo/common/static/vendor var
