# Two commands on a fresh Debian/Ubuntu machine with python3 and make:
#   make run    set everything up and start the app (a demo workspace on first run)
#   make test   set everything up and run every test
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
# translation catalogues and their compiled forms (see the translations target)
TR_DIR  = supportdesk/resources/translations
LUPDATE = $(BIN)/pyside6-lupdate -tr-function-alias "tr+=_t,tr+=_n" $$(find supportdesk/ui -name '*.py') supportdesk/app.py
QM      = $(patsubst %.ts,%.qm,$(wildcard $(TR_DIR)/*.ts))

.PHONY: run test lint typecheck pytest system-deps venv package bench screenshot lock clean translations

$(STAMP): pyproject.toml requirements/lock.txt
	@$(PYTHON) -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] <= (3, 13)))' || \
	  { echo "SupportDesk needs Python 3.11 to 3.13 (PYTHON=$(PYTHON) is $$($(PYTHON) --version))."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: install python3-venv (sudo apt-get install python3-venv)."; exit 1; }
	$(BIN)/pip install -q --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(STAMP)

system-deps:
	@bash scripts/system-deps.sh all

run: $(STAMP) $(QM)
	@bash scripts/system-deps.sh qt
	$(BIN)/supportdesk $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check supportdesk tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test: system-deps $(STAMP) lint typecheck pytest

package: $(STAMP) $(QM)
	@bash scripts/system-deps.sh qt
	$(BIN)/pyinstaller --noconfirm --clean supportdesk.spec
	QT_QPA_PLATFORM=offscreen dist/supportdesk/supportdesk --version
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/deb/build.py --dist dist/supportdesk --out dist

screenshot: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/supportdesk --profile .tmp/screenshot-profile --screenshot docs/screenshot.png

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

# Refresh the catalogues from the UI's _t("...") and _n("%n ...", "", n) strings (English
# holds the plural forms only), then compile them. Fill new entries with
# scripts/translations.py (todo / fill); tests/ui/test_translations.py checks them.

translations: $(STAMP)
	$(LUPDATE) -no-obsolete -ts $(TR_DIR)/supportdesk_ru.ts $(TR_DIR)/supportdesk_is.ts
	$(LUPDATE) -no-obsolete -pluralonly -ts $(TR_DIR)/supportdesk_en.ts
	$(BIN)/python scripts/translations.py stats
	$(MAKE) $(QM)

# The compiled catalogues the app loads (not committed: made from the .ts files).
$(TR_DIR)/%.qm: $(TR_DIR)/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install -q '.[server]' -r requirements/dev.in
	{ head -3 requirements/lock.txt; .lockenv/bin/pip freeze --exclude-editable | grep -v '^supportdesk'; } > requirements/lock.new
	mv requirements/lock.new requirements/lock.txt && rm -rf .lockenv

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
