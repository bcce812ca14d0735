# tipgraph: `make run` and `make test` work on a fresh machine (they create .venv and install).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LINT_DIR := tools/cypher-lint
LINT_STAMP := $(LINT_DIR)/node_modules/.installed-stamp

.PHONY: install run test test-neo4j bench eval lint-deps report-deps report-test-deps browser-deps clean

install: $(STAMP) report-deps

$(STAMP): pyproject.toml constraints.txt
	@# followthemoney's PyICU (tests) builds against ICU: Debian's libicu-dev and pkg-config
	@pkg-config --exists icu-uc 2>/dev/null || \
	  (apt-get update && apt-get install -y --no-install-recommends libicu-dev pkg-config g++)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# Neo4j's own Cypher front end (npm), used by the lint test under Node.
lint-deps: $(LINT_STAMP)

$(LINT_STAMP): $(LINT_DIR)/package.json $(LINT_DIR)/package-lock.json
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || \
	  (apt-get update && apt-get install -y --no-install-recommends nodejs npm)
	npm ci --prefix $(LINT_DIR) --no-audit --no-fund --loglevel=error
	touch $@

# The CJK TrueType font the 4P report's charts and PDF embed (playbooks/report/fonts.py); skipped
# when TIPGRAPH_CJK_FONT names one. Verified: fonts-wqy-microhei 0.2.0-beta-3.1 (Debian 12).
report-deps:
	@test -n "$$TIPGRAPH_CJK_FONT" || test -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc || \
	  (apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei)

# LibreOffice, for the test that converts the report's DOCX (about 90 MB; tests only).
# Verified: libreoffice-writer-nogui 4:7.4.7-1+deb12u14 (Debian 12).
report-test-deps:
	@command -v soffice >/dev/null 2>&1 || \
	  (apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui)

# Debian's Chromium, for the workbench's browser tests and timings (Playwright drives it; no
# browser is downloaded). Verified: chromium 156.0.8078.108-1~deb12u1 (Debian 12).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || \
	  (apt-get update && apt-get install -y --no-install-recommends chromium)

run: install
	$(BIN)/tipgraph db start
	$(BIN)/tipgraph demo
	$(BIN)/tipgraph db status
	$(BIN)/tipgraph user ensure-demo-admin
	@echo "The demo corpus is in the local graph; the workbench follows (Ctrl+C stops it; '$(BIN)/tipgraph db stop' stops the graph server)."
	$(BIN)/tipgraph workbench --port $${PORT:-8501}

test: install lint-deps report-test-deps browser-deps
	$(BIN)/python -m pytest

# The store suite against any server: NEO4J_URI=bolt://... NEO4J_PASSWORD=... make test-neo4j
# It refuses a database that already holds nodes unless TIPGRAPH_TEST_RESETDB=1.
test-neo4j: install lint-deps
	@test -n "$$NEO4J_URI" || (echo "set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)"; exit 2)
	$(BIN)/python -m pytest -m server

bench: install browser-deps
	$(BIN)/python -m bench.workbench_bench
	$(BIN)/python -m bench.store_bench
	$(BIN)/python -m bench.nlp_bench
	$(BIN)/python -m bench.ingest_bench
	$(BIN)/python -m bench.analytics_bench
	$(BIN)/python -m bench.scale_bench
	$(BIN)/python -m bench.load_bench

# Extraction measured on the gold corpus's test split (docs/annotation.md)
eval: install
	$(BIN)/python -m nlp.evaluate --split test

clean:
	rm -rf $(VENV) $(LINT_DIR)/node_modules .pytest_cache
