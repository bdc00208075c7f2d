# Two commands a newcomer needs: `make install` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CCHC   := $(BIN)/cchc

.PHONY: install test lint format pytest bench schema catalogs clean

install: $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@echo "== cchc validate (the shipped plan) =="
	$(CCHC) validate --plan plan
	@echo "== cchc status (the shipped plan, today) =="
	$(CCHC) status --plan plan
	@echo "== cchc kpi --year 2024 (targets measured from plan/data) =="
	$(CCHC) --plan plan kpi --year 2024
	@echo "== cchc report --year 2024 --format all -o out (Markdown, HTML and Word) =="
	$(CCHC) --plan plan report --year 2024 --format all -o out --force

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

test: lint pytest

lint:
	$(BIN)/ruff check cchc_cli tests benchmarks scripts
	$(BIN)/ruff format --check cchc_cli tests benchmarks scripts
	$(BIN)/mypy cchc_cli

pytest:
	$(BIN)/pytest

format:
	$(BIN)/ruff check --fix cchc_cli tests benchmarks scripts
	$(BIN)/ruff format cchc_cli tests benchmarks scripts

# Regenerate the JSON Schema that plan files point at (a test fails when it is stale).
schema:
	$(CCHC) export --schema > plan/schema/cchc-plan.schema.json

# Extract the strings people read, update the Vietnamese and English catalogs, compile
# them (the .mo files ship; tests/test_catalogs.py fails when they are stale).
catalogs:
	$(BIN)/python -m cchc_cli.i18n.catalogs update
	$(BIN)/python -m cchc_cli.i18n.catalogs check

bench:
	$(BIN)/python benchmarks/validate.py
	$(BIN)/python benchmarks/kpi.py
	$(BIN)/python benchmarks/status.py
	$(BIN)/python benchmarks/report.py
	$(BIN)/python benchmarks/score.py
	$(BIN)/python benchmarks/diff.py

clean:
	rm -rf $(VENV) .cchc .pytest_cache .mypy_cache .ruff_cache
