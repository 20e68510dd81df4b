# The README's two commands live here so that the README, CI and users run the same thing.
PYTHON ?= python3
VENV ?= .venv
# torch is installed first and deliberately: 2.13.0 is the CPU build on this platform; an open
# range would pull a multi-GB CUDA build. For a GPU, see README "Using a GPU".
TORCH_SPEC ?= torch==2.13.0
BIN := $(VENV)/bin
CONFIG ?= configs/stance-minilm.yaml
RUN ?= runs/stance-minilm

.PHONY: demo test install lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(TORCH_SPEC)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# The main job: train the default model unless an identical one is cached, then run batch
# inference on the seed articles, print the table and write JSONL.
demo: install
	$(BIN)/quotestance train --config $(CONFIG) --if-missing
	$(BIN)/quotestance predict seeds/articles --model $(RUN) -o outputs/seed-predictions.jsonl --show -1

test: install
	$(BIN)/ruff check model training tests
	$(BIN)/ruff format --check model training tests
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check --fix model training tests
	$(BIN)/ruff format model training tests
