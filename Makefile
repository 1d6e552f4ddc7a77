PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: venv demo test score eval bench geo-eval fuzz clean

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
	@echo "Map, timeline and evidence: run '$(BIN)/eventsift serve --db demo.duckdb' and open http://127.0.0.1:8000/"
	@echo "(or 'make demo SERVE=1' to start it now)"
	@if [ -n "$(SERVE)" ]; then $(BIN)/eventsift serve --db demo.duckdb; fi

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's chromium; install it where we can (root with apt-get),
# otherwise they are skipped with that reason.
.PHONY: chromium
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "chromium not installed: the browser tests will be skipped"; }

score: $(STAMP)
	rm -f out/score.duckdb
	$(BIN)/eventsift run $(SHARED)/samples/seeds --manifest $(SHARED)/samples/seeds/manifest.jsonl --db out/score.duckdb --out out/score
	$(BIN)/python $(SHARED)/tools/score.py $(SHARED)/gold/seeds.gold.jsonl out/score/mentions.jsonl

# Measurements on the four data sets and the bundled snippets (FA-KES on its dev split; `eventsift eval fakes --split test` to report).
eval: $(STAMP)
	$(BIN)/eventsift eval seeds --data $(SHARED)/data
	$(BIN)/eventsift eval plover --data $(SHARED)/data
	$(BIN)/eventsift eval case2021 --data $(SHARED)/data
	$(BIN)/eventsift eval snippets
	$(BIN)/eventsift eval fakes --split dev --data $(SHARED)/data

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# The long fuzz campaign over ingest and text (not part of `make test`): FUZZ_MINUTES=30 for longer.
FUZZ_MINUTES ?= 10
fuzz: $(STAMP)
	mkdir -p out
	nice $(BIN)/python bench/fuzz_ingest.py --minutes $(FUZZ_MINUTES) --json out/fuzz.json

geo-eval: $(STAMP)
	$(BIN)/python bench/geo_eval.py resolve --split test --data $(SHARED)/data --scorer $(SHARED)/tools/score_geo.py
	$(BIN)/python bench/geo_eval.py find --split test --data $(SHARED)/data
	$(BIN)/python bench/geo_eval.py eventloc --split test --data $(SHARED)/data

clean:
	rm -rf out demo.duckdb .pytest_cache
