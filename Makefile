# Two commands on a fresh machine: `make demo` and `make test`. Both bootstrap .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
# torch must come before stanza: this pin is the CPU wheel this machine keeps on disk; without it
# pip would resolve stanza's torch requirement to a multi-GB CUDA build.
TORCH_PIN ?= torch==2.13.0

LINT_PATHS = $(wildcard src plugins tests benchmarks docs/examples)

.PHONY: demo test lint typecheck eval quality bench golden digests clean install

$(STAMP): pyproject.toml docs/examples/eventx-weapons/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/pip install -q "$(TORCH_PIN)"
	$(BIN)/pip install -q -e ".[test,bench]"
	$(BIN)/pip install -q -e docs/examples/eventx-weapons
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventx demo

test: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)

typecheck: $(STAMP)
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/eventx evaluate $(SHARED)/devset --offtopic $(SHARED)/offtopic

# Record improved dev-set / off-topic figures for the quality guard (tests/test_quality_guard.py).
quality: $(STAMP)
	$(BIN)/python scripts/quality.py --shared $(SHARED) --write

# Results go to build/bench/latest.json; `make bench REFRESH=1` rewrites the tracked
# benchmarks/results/latest.json and the table in docs/performance.md.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --shared $(SHARED) $(if $(REFRESH),--refresh)

# Record the digest of every record on the pinned texts (tests/test_record_digests.py compares).
digests: $(STAMP)
	$(BIN)/python scripts/record_digests.py --shared $(SHARED) --write

# Regenerate the golden record after a reviewed change to an extractor.
golden: $(STAMP)
	$(BIN)/python -m eventx.demo --write-expected seeds

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
