# dirgraph: `make run` serves the demo graph on 127.0.0.1:8000; `make test` runs everything CI runs.
# The interpreter behind .venv: the distribution's /usr/bin/python3 when it is 3.11 or newer and can
# make virtual environments, else the first python3 on PATH; `make PY=python3.12 ...` overrides both.
# Why: Debian and Ubuntu build their Python with profile-guided and link-time optimization, and the
# extraction (pure Python) ran 13% faster on it (median of 11 paired runs, 1-26%) than on a plain source build such as pyenv's
# (same 1,000 files, same code; BENCHMARKS.md records which interpreter a run used).
SYSTEM_PY := /usr/bin/python3
PY ?= $(shell $(SYSTEM_PY) -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
        && echo $(SYSTEM_PY) || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOME_DIR ?= .dirgraph

.PHONY: setup run test lint typecheck browser-deps bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/dirgraph ingest demo --home $(HOME_DIR)
	$(BIN)/dirgraph serve --home $(HOME_DIR) --host 127.0.0.1 --port 8000

# Debian packages the tests drive: Chromium for the browser tests, tesseract + poppler for OCR.
SYSTEM_PACKAGES := chromium chromium-driver tesseract-ocr tesseract-ocr-vie poppler-utils
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

browser-deps:
	@missing=""; for pkg in $(SYSTEM_PACKAGES); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# mypy checks the modules under their import names (dirgraph.graph, …), so the imports between them
# are typed rather than Any: a tree of links gives mypy the layout pyproject's package-dir maps.
TYPECHECK_TREE := build/typecheck

lint: setup
	$(BIN)/ruff check .
	@mkdir -p $(TYPECHECK_TREE)/dirgraph && for p in core graph ingest api viz cli bench; do \
	  ln -sfn ../../../$$p $(TYPECHECK_TREE)/dirgraph/$$p; done
	MYPYPATH=$(TYPECHECK_TREE) $(BIN)/mypy -p dirgraph.graph -p dirgraph.ingest -p dirgraph.core

test: setup browser-deps lint
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/dirgraph bench

clean:
	rm -rf $(VENV) $(HOME_DIR) build *.egg-info
