# Two commands: `make run` opens the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint typecheck pytest bench fuzz dist clean

run: $(STAMP_RUN)
	$(BIN)/confnote

test: $(STAMP_TEST)
	$(BIN)/ruff check confnote tests benchmarks scripts
	$(BIN)/ruff format --check confnote tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/import_writeup.py

# The long fuzz runs that `make test` leaves out; CONFNOTE_FUZZ_EXAMPLES sets their length.
fuzz: $(STAMP_TEST)
	$(BIN)/pytest -m fuzz

# The sdist and wheel, in dist/ (offline: the test extras carry the build backend).
dist: $(STAMP_TEST)
	$(BIN)/python -m build --no-isolation --outdir dist .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
