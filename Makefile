# sinmun's two entry points: `make run` (the main job) and `make test` (lint + the whole suite).
# Each sets up what it needs itself: a virtual environment in .venv with the project installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := $(sort $(wildcard samples/inbox/*/*/*.txt))

.PHONY: run test lint setup clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The main job. Until the warehouse lands it reads every bundled sample page into JSON Lines.
run: setup
	@mkdir -p warehouse
	$(BIN)/sinmun parse $(SAMPLES) --summary > warehouse/sample_pages.jsonl
	@echo "articles of $(words $(SAMPLES)) sample pages written to warehouse/sample_pages.jsonl"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
