# Set-up and everyday commands. Two are all a new machine needs (Python 3 and make):
#   make demo   build the example graph into out/ and answer the saved queries
#   make test   run the whole test suite
# Both create .venv and install the project into it on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-event-kg
OUT    := out
KG     := $(BIN)/kg

.PHONY: demo test install clean browser eval bench lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-installed only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

demo: install
	rm -rf $(OUT)/store $(OUT)/queries
	mkdir -p $(OUT)/queries
	$(KG) build examples/articles --store $(OUT)/store --out $(OUT)/graph.ttl
	@for query in examples/queries/*.rq; do \
	  [ -e "$$query" ] || continue; \
	  name=$$(basename "$$query" .rq); \
	  $(KG) query --store $(OUT)/store --format csv "$$query" > $(OUT)/queries/$$name.csv || exit 1; \
	  echo "wrote $(OUT)/queries/$$name.csv"; \
	done
	$(KG) viz --store $(OUT)/store -o $(OUT)/graph.html
	$(KG) viz --store $(OUT)/store -o $(OUT)/graph.svg
	$(KG) viz --store $(OUT)/store --timeline -o $(OUT)/timeline.html
	$(KG) stats --store $(OUT)/store

# pytest exits 5 when it collects nothing: say so, and fail.
test: install browser
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; fi; \
	exit $$status

# ruff with the rule set of pyproject.toml; tests/test_lint.py runs the same check in `make test`.
lint: install
	$(BIN)/python -m ruff check kg tests benchmarks

# Later issues add their targets here (bench, viz and browser set-up).

# The browser tests drive Debian's headless Chromium through chromedriver; installed here (as
# root, with apt) only when chromedriver is missing. Nothing is downloaded at test time.
browser:
	@command -v chromedriver >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make browser: installing chromium and chromium-driver with apt-get"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null \
	      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null; } \
	      || { echo "make browser: apt-get could not install chromium chromium-driver" >&2; exit 1; }; \
	  else \
	    echo "make browser: chromedriver is missing; run 'sudo apt-get install chromium chromium-driver'" \
	         "(or 'sudo make browser'). Without it the browser tests skip, and fail under CI=true." >&2; \
	  fi; }

# Extraction quality against the shipped gold, as the tables of the README's Quality section.
eval: install
	$(KG) eval examples/gold/0*.yaml --articles examples/articles --markdown
	$(KG) eval examples/gold/seed_*.yaml --articles ../shared/seeds --markdown
	$(KG) eval examples/heldout/gold/*.yaml --articles examples/heldout/articles --markdown
	$(KG) eval examples/dev/gold/*.yaml --articles examples/dev/articles --markdown
	$(KG) eval examples/heldout2/gold/*.yaml --articles examples/heldout2/articles --markdown
	$(KG) eval examples/heldout3/gold/*.yaml --articles examples/heldout3/articles --markdown
	$(KG) eval examples/heldout4/gold/*.yaml --articles examples/heldout4/articles --markdown

# Speed and scale (issue 10): builds of 100, 1,000 and 10,000 articles, saved queries, one more
# article; writes benchmarks/RESULTS.md (about 20 minutes on 2 cores; scratch in benchmarks/work).
bench: install
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(OUT) $(STAMP)
