# Frontera: `make run` serves the demo site, `make test` runs every check.
# Both start from a bare checkout: they create .venv and install what is missing.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# PostgreSQL used by `make test` for its second run; skipped when unreachable.
TEST_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/frontera)

.PHONY: run test lint check pytest pytest-postgres messages makemessages migrate seed static system-deps browser-deps clean
.PHONY: validators
.PHONY: mutate

run: $(VENV)/.run-deps system-deps messages migrate
	$(PY) manage.py seed_demo --if-empty --reset-admin-password --admin-url http://127.0.0.1:$(PORT)/admin/
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.test-deps system-deps browser-deps validators messages lint check pytest pytest-postgres

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $(VENV)/.run-deps $@

# GNU gettext compiles the catalogues; Debian's chromium runs the browser tests.
system-deps:
	@command -v msgfmt >/dev/null || ./scripts/apt-install gettext

browser-deps:
	@test -x /usr/bin/chromium || ./scripts/apt-install chromium

# The W3C Nu HTML validator (Java) and axe-core that config/tests/test_validity.py
# runs, pinned in tools/validators/package-lock.json.
validators: tools/validators/node_modules/.installed
	@command -v java >/dev/null || ./scripts/apt-install openjdk-17-jre-headless

tools/validators/node_modules/.installed: tools/validators/package.json tools/validators/package-lock.json
	@command -v npm >/dev/null || ./scripts/apt-install nodejs npm
	cd tools/validators && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

messages: system-deps
	$(PY) manage.py compilemessages --ignore=.venv --verbosity 0

makemessages: system-deps
	$(PY) manage.py makemessages --locale es --ignore=.venv --ignore=static_collected --ignore=mutants --ignore=node_modules --no-obsolete --add-location file

migrate:
	$(PY) manage.py migrate --noinput

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check:
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py translations check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
		ALLOWED_HOSTS=frontera.example TIPS_PUBLIC_KEY=$$(head -c 32 /dev/urandom | base64) \
		$(PY) manage.py check --deploy --fail-level WARNING

# Tests run on every core (pytest-xdist). `--dist load` hands each worker its
# tests in collection order, where pytest-django puts the transactional ones
# last: their flush empties what the migrations made, which earlier tests need.
TEST_WORKERS ?= auto
PYTEST := $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist load

pytest:
	$(PYTEST)

pytest-postgres:
	@if $(PY) scripts/db_reachable.py "$(TEST_DATABASE_URL)"; then \
		echo "Running the suite again on PostgreSQL"; \
		DATABASE_URL="$(TEST_DATABASE_URL)" $(PYTEST); \
	else \
		echo "PostgreSQL not reachable at $(TEST_DATABASE_URL): skipping the PostgreSQL run"; \
	fi

# Mutation testing of the riskiest modules, one module at a time; slow, so not
# part of `make test`. Prints killed/checked per module (scripts/mutation_report.py).
mutate: $(VENV)/.test-deps messages
	MUTMUT_JOBS=$${MUTMUT_JOBS:-2} $(PY) scripts/mutation_report.py run $(MODULES)
# Production serving: gunicorn with config/gunicorn.py and the production
# settings, on DATABASE_URL and REDIS_URL when they are set.
.PHONY: serve bench
serve: $(VENV)/.run-deps system-deps messages
	@test -n "$$SECRET_KEY" -a -n "$$ALLOWED_HOSTS" || { echo "make serve needs SECRET_KEY and ALLOWED_HOSTS in the environment (see README)"; exit 1; }
	DJANGO_SETTINGS_MODULE=config.settings.production $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.production $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=config.settings.production exec $(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi

# Builds the benchmark database (PostgreSQL), serves it with `make serve` and
# loads it with wrk on loopback; prints the table (bench/serving.py).
bench: $(VENV)/.run-deps system-deps messages
	@command -v wrk >/dev/null || ./scripts/apt-install wrk
	$(PY) bench/serving.py

# A 60-second spike on the benchmark site: 200 readers, 10 commenters, a
# moderator; prints failures, database use, purge delays (bench/spike.py).
.PHONY: spike
spike: $(VENV)/.run-deps system-deps messages
	@command -v wrk >/dev/null || ./scripts/apt-install wrk
	$(PY) bench/spike.py

clean:
	rm -rf $(VENV) static_collected .pytest_cache .ruff_cache tools/validators/node_modules
	find . -name '*.mo' -not -path './.venv/*' -delete
