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

.PHONY: demo test install clean

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
	$(KG) stats --store $(OUT)/store

# pytest exits 5 when it collects nothing: say so, and fail.
test: install
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; fi; \
	exit $$status

# Later issues add their targets here (bench, viz and browser set-up).

clean:
	rm -rf $(OUT) $(STAMP)
