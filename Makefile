# Clubhouse: `make run` opens the app, `make test` runs every check. Both create .venv first.
#
# The virtual environment is (re)installed only when pyproject.toml is newer than its stamp,
# so a second `make run` starts at once.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.DEFAULT_GOAL := help
.PHONY: help run test lint typecheck pytest demo bench bundle translations migration clean

help:
	@echo "make run           open the app (creates .venv and installs on first use)"
	@echo "make test          ruff, mypy and pytest (PostgreSQL tests need its server binaries)"
	@echo "make demo          fill demo.sqlite with the demo venue (owner/owner-demo, desk/desk-demo)"
	@echo "make bench         time the main operations on a generated database"
	@echo "make bundle        build dist/clubhouse with PyInstaller and run its --version"
	@echo "make translations  update the Qt .ts files and build the .qm files"
	@echo "make migration m=\"what changed\"   autogenerate the next Alembic revision"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The dev extra includes the test extra, so an installed dev stamp satisfies the test one.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-test

run: $(VENV)/.installed-dev
	$(BIN)/clubhouse $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy
	HYPOTHESIS_PROFILE=ci $(BIN)/pytest -n auto $(PYTEST_ARGS)

demo: $(VENV)/.installed-test
	$(BIN)/clubhouse --db demo.sqlite demo --replace
	@echo "Open it: $(BIN)/clubhouse --db demo.sqlite   (owner / owner-demo, desk / desk-demo)"

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench.run $(ARGS)

bundle: $(VENV)/.installed-dev
	@start=$$(date +%s); \
	$(BIN)/pyinstaller build.spec --noconfirm --log-level WARN && \
	end=$$(date +%s) && \
	echo "built dist/clubhouse in $$((end - start)) s, $$(du -sh dist/clubhouse | cut -f1)" && \
	QT_QPA_PLATFORM=offscreen dist/clubhouse/clubhouse --version

translations: $(VENV)/.installed-test
	PATH="$(CURDIR)/$(BIN):$$PATH" sh tools/update_translations.sh

migration: $(VENV)/.installed-test
	@test -n "$(m)" || { echo 'usage: make migration m="what changed"'; exit 2; }
	$(BIN)/python tools/new_migration.py "$(m)"

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
