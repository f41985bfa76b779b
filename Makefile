# Watchline: `make demo` sets everything up and runs the loop; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint format bench train clean web-assets

VENDOR := src/watchline/web/static/vendor

$(STAMP): pyproject.toml package.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(MAKE) --no-print-directory web-assets
	touch $(STAMP)

# Leaflet comes from the npm registry at install time and is served by Watchline itself;
# without npm the map panels say so and everything else works.
web-assets:
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --silent && \
	  rm -rf $(VENDOR)/leaflet && mkdir -p $(VENDOR)/leaflet && \
	  cp -r node_modules/leaflet/dist/. $(VENDOR)/leaflet/ && \
	  cp node_modules/leaflet/LICENSE $(VENDOR)/leaflet/LICENSE; \
	else echo "npm not found: the web map will be unavailable (everything else works)"; fi

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/watchline demo $(DEMO_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

# the learned act and event-type classifiers (docs/extraction.md, "Learned parts");
# needs the real-article texts (benchmarks/real_articles/pull.py); TRAIN_ARGS=--cv 5 measures
train: $(STAMP)
	$(BIN)/python -m watchline.extract.learned.train $(TRAIN_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
