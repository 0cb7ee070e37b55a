# Two entry points for a fresh machine (see README.md):
#   make demo   set up, then run Storyline on the built-in example corpus
#   make test   set up (with the test extras and a headless Chromium), then run the tests
#   make wheel-check   build the wheel, install it in a fresh venv, run the demo and serve /docs from it
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out

.PHONY: setup demo test browser bench clean wheel-check

$(BIN)/storyline: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

setup: $(BIN)/storyline

demo: setup
	$(BIN)/storyline run examples/corpus --db $(OUT)/demo.duckdb --export $(OUT)/demo.json
	$(BIN)/storyline export --db $(OUT)/demo.duckdb --format html --out $(OUT)/demo.html
	$(BIN)/storyline export --db $(OUT)/demo.duckdb --format csv --out $(OUT)/demo.csv
	@echo "Done: $(OUT)/demo.json (export), $(OUT)/demo.html (timeline page), $(OUT)/demo.csv, store $(OUT)/demo.duckdb"

# Debian's chromium for the browser tests (no browser download: the machines reach package registries only)
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "could not install chromium: browser tests will be skipped"

test: setup browser
	$(BIN)/python -m pytest -q

# the wheel on its own: built, installed in a fresh venv, the demo run from it and /docs served offline
wheel-check: setup
	$(BIN)/python scripts/wheel_check.py build/wheel-check

bench: setup
	$(BIN)/python bench/throughput.py 200

clean:
	rm -rf $(OUT) test-artifacts .pytest_cache
