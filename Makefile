# Each target makes its own virtual environment in .venv (override with VENV=...).
# `demo` installs only what rendering needs; `test` adds the test tools (the [test] extra).
VENV ?= .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime
TESTING := $(VENV)/.testing

.PHONY: demo test lint clean

$(RUNTIME): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $(RUNTIME)

$(TESTING): $(RUNTIME)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(TESTING)

## Set up and render the samples into out/: the two appendices (with a trend chart on each page),
## and the packs from the workbooks (their charts are on by default).
demo: $(RUNTIME)
	$(VENV)/bin/committee-papers render samples/*.yaml -o out --format both --charts
	$(VENV)/bin/committee-papers check samples/*.yaml
	$(VENV)/bin/committee-papers pack samples/kpis.xlsx -o out --format both
	$(VENV)/bin/committee-papers pack samples/kpis-wide.xlsx -o out --format both
	$(VENV)/bin/committee-papers pack samples/kpis-unusual.xlsx --mapping samples/mappings/kpis-unusual.yaml -o out --format both

## Set up and run the whole test suite (in parallel, one worker per core), then the linters.
test: $(TESTING)
	$(PY) -m pytest -q -n auto
	$(VENV)/bin/ruff check src tests scripts benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) out build dist
