# Each target makes its own virtual environment in .venv (override with VENV=...).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Set up and render the samples into out/: the two appendices, and the packs from the workbooks.
demo: $(STAMP)
	$(VENV)/bin/committee-papers render samples/*.yaml -o out --format both
	$(VENV)/bin/committee-papers check samples/*.yaml
	$(VENV)/bin/committee-papers pack samples/kpis.xlsx -o out --format both
	$(VENV)/bin/committee-papers pack samples/kpis-wide.xlsx -o out --format both
	$(VENV)/bin/committee-papers pack samples/kpis-unusual.xlsx --mapping samples/mappings/kpis-unusual.yaml -o out --format both

## Set up and run the whole test suite, then the linters.
test: $(STAMP)
	$(PY) -m pytest -q
	$(VENV)/bin/ruff check src tests scripts benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) out build dist
