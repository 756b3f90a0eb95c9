# The two commands of the README (`make run`, `make test`), the fast loop (`make check`, `make fmt`),
# and the steps they are made of. Everything installs into .venv from requirements.lock (pinned, with
# hashes; `make lock` refreshes it), Debian's chromium for the page tests, nginx and Apache for the publishing tests.
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
LOCK    := requirements.lock
# Two pytest-xdist workers: this is a 2-core machine, and -n auto means the same here (see CONTRIBUTING.md).
WORKERS ?= 2
PYTEST  := $(BIN)/python -m pytest -n $(WORKERS)
FAST    := not slow and not service and not browser
# The Markdown files cog generates: tables from data/sources/sources.yaml and the curation (tests/printed.py),
# the example answers of the named questions, asked of the data (tests/questions.py), and the settings table.
COGGED  := README.md data/sources/INDEX.md docs/questions.md docs/publishing.md
COG     := $(BIN)/cog -I tests
# The browser side (package.json, pinned by package-lock.json): YASGUI for the SPARQL workbench, copied
# into the package's static folder (not committed), and axe-core for the page tests' accessibility check.
NODE_STAMP := node_modules/.installed
STATIC  := service/acuerdos/web/static
YASGUI  := node_modules/@zazuko/yasgui/build
# `make lock LOCK_FLAGS=--upgrade` moves every pin to the newest release the constraints allow.
LOCK_FLAGS ?=

.PHONY: run test check lint ruff format-check mypy imports cog-check pytest pytest-fast \
        fmt cog lock install build validate stats browser webserver bench clean

run: build validate  ## install, build, validate, then serve on http://127.0.0.1:8000
	$(BIN)/acuerdos serve

test: install browser webserver lint pytest  ## install, then every check and every test

check: install lint pytest-fast  ## the fast loop: every check, the tests that start no server nor browser

lint: ruff format-check mypy imports cog-check

ruff: install
	$(BIN)/ruff check

format-check: install
	$(BIN)/ruff format --check

mypy: install
	$(BIN)/mypy

imports: install
	$(BIN)/lint-imports

cog-check: install  ## the generated tables are what data/sources/sources.yaml and the data say
	$(COG) --check --diff --check-fail-msg "run: make cog" $(COGGED)

pytest: install browser webserver
	$(PYTEST)

pytest-fast: install
	$(PYTEST) -m "$(FAST)"

fmt: install  ## fix what ruff can fix, then format
	$(BIN)/ruff check --fix --exit-zero --quiet
	$(BIN)/ruff format

cog: install  ## regenerate the tables from data/sources/sources.yaml and the example answers from the data
	$(COG) -r $(COGGED)

lock: $(BIN)/uv  ## pin the runtime dependencies and the test and dev extras, for Python 3.11 on Linux x86_64
	$(BIN)/uv pip compile pyproject.toml --extra test --extra dev \
	  --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
	  --generate-hashes --custom-compile-command "make lock" --quiet $(LOCK_FLAGS) -o $(LOCK)

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv

install: $(STAMP) $(NODE_STAMP)

$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@$(BIN)/python -m pip check >/dev/null || { $(BIN)/python -m pip check; \
	  echo "$(LOCK) does not satisfy pyproject.toml: run make lock"; exit 1; }
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && \
	  cp $(YASGUI)/yasgui.min.js $(YASGUI)/yasgui.min.css $(STATIC)/ && touch $@; \
	else echo "npm is not installed: /sparql keeps its plain form, and the accessibility tests are skipped"; fi

build: install
	$(BIN)/acuerdos build

validate: install
	$(BIN)/acuerdos validate

stats: install
	$(BIN)/acuerdos stats

browser:  ## headless Chromium for the page tests (Debian package; needs root or an existing install)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed and this user cannot install it: page tests will be skipped"; fi; }

# nginx, Apache httpd (only its binary and modules: apache2-bin starts no service) and systemd-analyze
webserver:  ## the web servers for the publishing tests (Debian packages; needs root or an existing install)
	@test -x /usr/sbin/nginx && test -x /usr/sbin/apache2 && command -v systemd-analyze >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx apache2-bin systemd >/dev/null; \
	  else echo "nginx, apache2 or systemd-analyze is missing and this user cannot install them: the publishing tests will fail"; fi; }

bench: build
	$(BIN)/python bench/bench_validate.py
	$(BIN)/python bench/bench_service.py
	$(BIN)/python bench/bench_cpu.py
	$(BIN)/python bench/bench_pages.py
	$(BIN)/python bench/bench_charts.py
	$(BIN)/python bench/bench_load.py

clean:
	rm -rf dist .pytest_cache node_modules $(STATIC)/yasgui.min.js $(STATIC)/yasgui.min.css
