# One command per workflow. Everything installs from pyproject.toml into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint format bench browser notebooks clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: build the example articles; outputs land in out/
demo: $(STAMP)
	$(BIN)/kg build examples/*.txt --out out

## test: lint, then the whole test suite (browser tests need chromium: see `make browser`)
test: $(STAMP) browser
	$(BIN)/ruff check kg tests benchmarks scripts
	$(BIN)/ruff format --check kg tests benchmarks scripts
	$(BIN)/pytest

## browser: install Debian's chromium when running as root and it is missing
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
		else \
			echo "chromium not installed: browser tests will be skipped (apt-get install chromium)"; \
		fi; \
	fi

## notebooks: run notebooks/*.ipynb and store them with their outputs (the repository page shows them)
notebooks: $(STAMP) browser
	$(BIN)/python scripts/run_notebooks.py

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks scripts

format: $(STAMP)
	$(BIN)/ruff format kg tests benchmarks scripts

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py examples/corpus_hydrogene.jsonl

clean:
	rm -rf out .pytest_cache .ruff_cache tests/screenshots
