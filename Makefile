# Two commands: `make demo` and `make test`. Both create .venv and install Beacon first.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
COMPILED := $(VENV)/.compiled-stamp
# The analysis modules setup.py compiles (Cython) sit next to their sources and shadow them: rebuilt
# whenever one of these changes, so an edit is never silently ignored.
COMPILED_SOURCES := setup.py $(wildcard beacon/verdict.py beacon/analysis/*.py community/analysis/*.py moderation/analysis/*.py)

.PHONY: setup bytecode demo test bench eval clean

setup: $(STAMP) $(COMPILED)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(MAKE) bytecode
	touch $(STAMP)

$(COMPILED): $(STAMP) $(COMPILED_SOURCES)
	$(BIN)/python setup.py -q build_ext --inplace
	touch $(COMPILED)

# An editable install leaves Beacon's modules without .pyc files (a wheel install writes them); with
# PYTHONDONTWRITEBYTECODE set, every `beacon analyze` would compile them again (~40 ms of start-up).
bytecode:
	$(BIN)/python -m compileall -q beacon bots community moderation announcements > /dev/null

demo: setup
	$(BIN)/beacon db upgrade --config examples/demo.toml
	$(BIN)/beacon demo --config examples/demo.toml

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: setup bytecode
	$(BIN)/python bench/bus.py --quick
	$(BIN)/python bench/analyze.py --quick

eval: setup bytecode
	cd ../shared/eval && python3 score.py --corpus dev.jsonl --config dev-config.toml -- $(CURDIR)/$(BIN)/beacon analyze

clean:
	rm -rf $(VENV) *.egg-info beacon-demo.db* build
	find beacon community moderation \( -name '*.so' -o -name '*.c' \) -delete
