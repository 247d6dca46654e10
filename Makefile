# Two commands on a fresh machine: `make demo` and `make test`. Both bootstrap .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
# torch must come before the stanza extra: this pin is the CPU wheel this machine keeps on disk;
# without it pip would resolve stanza's torch requirement to a multi-GB CUDA build. The default
# install (`pip install eventx`) has neither; `make` installs the extras so every test runs.
TORCH_PIN ?= torch==2.13.0

LINT_PATHS = $(wildcard src plugins tests benchmarks docs/examples)

.PHONY: demo test lint typecheck eval caseless quality bench golden digests clean install fuzz docs chromium screenshot

# The uninstall/rm: a checkout installed before the distribution was renamed eventx-news
# still has a stale "eventx" install whose entry points would load every plugin twice.
# The install compiles the modules listed in src/eventx/_compiled_modules.py (setup.py, mypyc):
# editing one of them reinstalls, so tests never run a stale compiled copy.
COMPILED_SOURCES := $(shell $(PYTHON) src/eventx/_compiled_modules.py)

$(STAMP): pyproject.toml setup.py src/eventx/_compiled_modules.py docs/examples/eventx-weapons/pyproject.toml $(COMPILED_SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/pip install -q "$(TORCH_PIN)"
	$(BIN)/pip uninstall -q -y eventx 2>/dev/null || true
	rm -rf eventx.egg-info src/eventx.egg-info
	$(BIN)/pip install -q -e ".[test,bench,docs,stanza,dask]"
	$(BIN)/pip install -q -e docs/examples/eventx-weapons
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/eventx demo

test: $(STAMP) chromium
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# The pipeline fuzz test with 50,000 hypothesis examples (make test runs 2,000).
fuzz: $(STAMP)
	EVENTX_FUZZ_EXAMPLES=50000 $(BIN)/python -m pytest -q tests/test_fuzz.py

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)

typecheck: $(STAMP)
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/eventx evaluate $(SHARED)/devset --offtopic $(SHARED)/offtopic
	$(BIN)/python -m eventx.gazetteer.coverage

# English place rules on text without capitals: the English dev articles (not the two the
# rules were written from) and off-topic articles lower-cased, against the same as written.
caseless: $(STAMP)
	$(BIN)/python benchmarks/caseless.py --shared $(SHARED)

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

# The HTML view is tested in Debian's Chromium (tests/test_render_browser.py). CI runs as root
# on a fresh machine: install it when missing; elsewhere say how and let the browser tests skip.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found: browser tests will skip (apt-get install chromium)"; fi; }

# The documentation site (mkdocs.yml), strict: any warning fails. Output in build/site/.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# The README's screenshot: the seed's HTML view in headless Chromium (tests/test_render_browser.py).
screenshot: $(STAMP) chromium
	EVENTX_SCREENSHOT_DIR=docs/img $(BIN)/python -m pytest -q tests/test_render_browser.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis src/eventx/_compiled_sources.json
	find src plugins -name "*.so" -delete
