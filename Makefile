PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: venv demo test score bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/eventsift run samples/seeds --manifest samples/seeds/manifest.jsonl --db demo.duckdb --out out/demo
	$(BIN)/eventsift show --db demo.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest -q

score: $(STAMP)
	rm -f out/score.duckdb
	$(BIN)/eventsift run $(SHARED)/samples/seeds --manifest $(SHARED)/samples/seeds/manifest.jsonl --db out/score.duckdb --out out/score
	$(BIN)/python $(SHARED)/tools/score.py $(SHARED)/gold/seeds.gold.jsonl out/score/mentions.jsonl

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf out demo.duckdb .pytest_cache
