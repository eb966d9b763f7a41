# careerbot: `make run` starts the bot, `make test` runs every test.
# Both create the virtualenv, install the pinned dependencies, load the knowledge
# base, build the spaCy pipeline and train the model, each only when needed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# These machines ship Python 3.10 through pyenv; any python3.10 works (PYTHON=...).
export PYENV_VERSION ?= 3.10.13
PYTHON ?= python3.10
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

export CAREERBOT_HOST ?= 127.0.0.1
export CAREERBOT_RASA_PORT ?= 5005
export CAREERBOT_ACTIONS_PORT ?= 5055
export CAREERBOT_WEB_PORT ?= 8000
# TensorFlow's start-up chatter hides what matters.
export TF_CPP_MIN_LOG_LEVEL ?= 2
# Rasa would otherwise try to send usage data to the internet from every command.
export RASA_TELEMETRY_ENABLED ?= false

CONTENT := $(wildcard knowledge/content/*.yml)
KB_LOADED := var/kb.loaded
SPACY_MODEL := var/spacy/careerbot_en/meta.json
MODEL := models/careerbot.tar.gz
TRAINING_INPUTS := config.yml bot/domain.yml $(wildcard bot/data/*.yml) $(wildcard bot/rasa_ext/nlu/*.py) bot/rasa_ext/policy.py

.PHONY: help install kb spacy train run shell lint test test-scale bench report check-python browser clean

help:
	@echo "make run    start the bot: action server, Rasa server and the demo page"
	@echo "make test   run every test (after make lint: ruff and mypy)"
	@echo "make shell  talk to the bot in the terminal (rasa shell)"
	@echo "make test-scale  the scale-out test: PostgreSQL, Redis, nginx, 2 Rasa + 2 action servers"
	@echo "make bench  benchmark against Rasa's starter bot (results/bench.md)"
	@echo "make report what the bot could not answer, for editors (results/unanswered.md, .html; DAYS=30)"

check-python:
	@command -v $(PYTHON) >/dev/null 2>&1 && $(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null || { \
	  echo "error: careerbot needs Python 3.10 (Rasa 3.6 supports 3.8-3.10) and '$(PYTHON)' is not one."; \
	  echo "       Install Python 3.10 (e.g. 'pyenv install 3.10.13' or your OS's python3.10 package),"; \
	  echo "       or point the Makefile at one: make PYTHON=/path/to/python3.10 ..."; exit 1; }

$(INSTALLED): pyproject.toml constraints.txt
	@$(MAKE) --no-print-directory check-python
	@echo "==> Creating $(VENV) and installing pinned dependencies (first time: about 3 minutes, 2.7 GB)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check "pip<25"
	$(PY) -m pip install --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $@

install: $(INSTALLED)

$(KB_LOADED): $(INSTALLED) $(CONTENT) $(wildcard knowledge/*.py) $(wildcard storage/migrations/versions/*.py)
	@echo "==> Loading the knowledge base"
	$(PY) -m knowledge load
	@touch $@

kb: $(KB_LOADED)

$(SPACY_MODEL): $(KB_LOADED) bot/rasa_ext/nlu/spacy_pipeline.py bot/content/other_skills.yml
	@echo "==> Building the spaCy pipeline from the knowledge base"
	$(PY) -m bot.rasa_ext.nlu.spacy_pipeline

spacy: $(SPACY_MODEL)

# The spaCy pipeline is loaded by path at run time, so a knowledge-base change
# rebuilds it (new cities, skills) without retraining the Rasa model.
$(MODEL): $(INSTALLED) $(TRAINING_INPUTS) | $(SPACY_MODEL)
	@echo "==> Training the Rasa model (about a minute on 2 cores)"
	$(PY) -m rasa train --config config.yml --domain bot/domain.yml --data bot/data \
	  --out models --fixed-model-name careerbot
	@touch $@

train: $(MODEL)

run: $(MODEL) $(SPACY_MODEL)
	$(PY) -m bot.rename_conversations
	$(PY) -m bot.serve

shell: $(MODEL) $(SPACY_MODEL)
	$(PY) -m bot.serve --shell

# The browser test needs Debian's chromium (Playwright cannot download its own here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then echo "==> Installing Debian's chromium for the browser test"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "error: the browser test needs chromium: sudo apt-get install chromium"; exit 1; fi; }

# Lint, import order and types (configured in pyproject.toml).
lint: $(INSTALLED)
	@echo "==> ruff and mypy"
	$(VENV)/bin/ruff check --no-cache .
	$(VENV)/bin/mypy

test: lint $(MODEL) $(SPACY_MODEL) browser
	@echo "==> Running the tests"
	$(PY) -m pytest -ra

# Starts real PostgreSQL, Redis and nginx (Debian packages, installed when missing) on loopback.
test-scale: $(MODEL) $(SPACY_MODEL)
	@echo "==> Running the scale-out tests"
	$(PY) -m pytest -ra -m scale tests/scale

bench: $(MODEL) $(SPACY_MODEL)
	$(PY) -m bench.run

# What the bot could not answer in the last DAYS days (default 30), for the editors (userdata/report.py).
report: $(KB_LOADED)
	$(PY) -m userdata.report $(if $(DAYS),--days $(DAYS))

clean:
	rm -rf var models results .rasa
