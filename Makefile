# sinmun's two entry points: `make run` (the main job) and `make test` (lint + the whole suite).
# Each sets up what it needs itself: a virtual environment in .venv with the project installed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast lint setup clean browser model

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The main job: ingest the sample pages into the warehouse (a Prefect flow on its ephemeral API, a DuckDB file
# under warehouse/), then answer three example questions from the published copy analysts read.
EXAMPLES := top_people people_mentioned_together articles_by_paper_and_day
run: setup
	$(BIN)/sinmun ingest samples/inbox
	@for q in $(EXAMPLES); do \
		echo; sed -n '1s/^-- //p' sql/examples/$$q.sql; \
		echo "  \$$ sinmun sql -f sql/examples/$$q.sql"; \
		$(BIN)/sinmun sql -f sql/examples/$$q.sql || exit 1; \
	done

# The entity recognizer's model, rebuilt from its training data (deterministic: the same file byte for byte).
KLUE_DEV ?= ../shared/data/klue_news_dev.tsv
model: setup
	$(BIN)/python -m sinmun.entities.train --data $(KLUE_DEV)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The browser the report's test opens its page in (tests/analytics/test_report.py): Debian's Chromium, driven by
# Playwright from the dev extras (which never downloads a browser of its own), with a Korean font for its screenshots.
# Installed only when missing (as root).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk)

test: lint browser
	$(BIN)/pytest -q

# The fast lane while working: unit tests only, a minute or two (no `sinmun` command in a subprocess, no Prefect, no
# Chromium: the tests marked `integration` or `slow` are left out, and a test left that starts one of them fails).
test-fast: setup
	$(BIN)/pytest -q --fast-lane

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
