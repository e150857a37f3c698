# SomaNet Archive Search. `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export AWS_DEFAULT_REGION ?= us-east-1

.PHONY: install opensearch run test test-unit test-integration test-e2e lint format check clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Fetches OpenSearch (through Maven, cached outside the repo) so the first test does not wait for it.
opensearch: install
	$(BIN)/python -m archive_search_cli.opensearch_node fetch

run: opensearch
	$(BIN)/archive-search serve --seed tests/fixtures/legacy-page-kerry-putin.txt

test: opensearch
	$(BIN)/pytest tests

test-unit: install
	$(BIN)/pytest tests/unit

test-integration: opensearch
	$(BIN)/pytest tests/integration

test-e2e: opensearch
	$(BIN)/pytest tests/e2e

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/cfn-lint infra/template.yaml

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: lint test

clean:
	rm -rf $(VENV) .local .pytest_cache .mypy_cache .ruff_cache
