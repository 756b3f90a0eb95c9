# The two commands of the README, and the steps they are made of.
# Everything installs into .venv from PyPI (and Debian's chromium for the page tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install build validate stats browser bench clean

run: build validate  ## install, build, validate, then serve on http://127.0.0.1:8000
	$(BIN)/acuerdos serve

test: install browser  ## install and run every test
	$(BIN)/python -m pytest

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

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

bench: build
	$(BIN)/python bench/bench_validate.py
	$(BIN)/python bench/bench_service.py

clean:
	rm -rf dist .pytest_cache
