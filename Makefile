# Set-up on a fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SK := $(BIN)/scholarkg
OUT := out

.PHONY: demo test lint bench clean install

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

## make demo: build the bundled example into out/ (graph, exports, static site in out/site/)
demo: install
	$(SK) build examples/pages --config examples/scholarkg.toml --out $(OUT)
	$(SK) check --out $(OUT)
	$(SK) coauthors "Razvan Pascanu" --topic "Reinforcement Learning" --out $(OUT)
	$(SK) coauthors "bill okafor" --topic "reinforcement learning" --out $(OUT)
	$(SK) export --format turtle --output $(OUT)/graph.ttl --out $(OUT)
	$(SK) export --format jsonld --output $(OUT)/graph.jsonld --out $(OUT)
	$(SK) export --format jsonld --person "bill okafor" --output $(OUT)/william-j-okafor.jsonld --out $(OUT)
	$(SK) site --out $(OUT)
	@echo "--- $(OUT)/graph.ttl (first 40 lines)"
	@head -n 40 $(OUT)/graph.ttl

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

## make test: lint, type-check and run the tests
test: lint
	$(BIN)/pytest

## make bench: regenerate benchmarks/RESULTS.md (takes a long while; installs the bench extra)
bench: install
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache benchmarks/work
