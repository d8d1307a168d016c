# qaward — two commands: `make run` (demo on http://127.0.0.1:8000) and `make test` (everything).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PG_URL ?= $(or $(QAWARD_TEST_DATABASE_URL),postgres://postgres@127.0.0.1:5432/qaward)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint bench install system-packages test-sqlite test-postgres clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	DEBUG=true QAWARD_DEMO=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true QAWARD_DEMO=true $(BIN)/python manage.py load_demo
	DEBUG=true QAWARD_DEMO=true $(BIN)/python manage.py runserver 127.0.0.1:8000

system-packages:
	scripts/ensure-system-packages.sh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Unit tests are database-free, so PostgreSQL runs the integration and browser tests only.
test-sqlite: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-postgres: $(STAMP)
	scripts/test-postgres.sh "$(PG_URL)"

test: $(STAMP) system-packages lint test-sqlite test-postgres

bench: $(STAMP)
	$(BIN)/python -m pytest bench -q -p no:cacheprovider --benchmark-only

clean:
	rm -rf $(VENV) var/test-* .pytest_cache .ruff_cache
