# Two commands: `make demo` and `make test`. Both create .venv and install Beacon first.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup demo test bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: setup
	$(BIN)/beacon db upgrade --config examples/demo.toml
	$(BIN)/beacon demo --config examples/demo.toml

test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: setup
	$(BIN)/python bench/bus.py --quick
	$(BIN)/python bench/analyze.py --quick

eval: setup
	cd ../shared/eval && python3 score.py --corpus dev.jsonl --config dev-config.toml -- $(CURDIR)/$(BIN)/beacon analyze

clean:
	rm -rf $(VENV) *.egg-info beacon-demo.db*
