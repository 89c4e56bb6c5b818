# Venue Planner: `make run` opens the editor on the bundled hotel sample, `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-packaging

.PHONY: run test test-slow lint venv clean samples dist install-desktop uninstall-desktop fuzz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	tools/system-deps.sh run
	$(BIN)/planner

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# `make test` leaves out tests marked slow (the wheel smoke test); `make test-slow` runs just those, and CI runs both.
test: $(STAMP)
	tools/system-deps.sh test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow"

test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow

# Longer fuzzing of every reader (tests/fuzz): FUZZ_EXAMPLES inputs per target, a fresh random run each time.
FUZZ_EXAMPLES ?= 1000
fuzz: $(STAMP)
	QT_QPA_PLATFORM=offscreen FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_RANDOM=1 $(BIN)/python -m pytest -q -p no:randomly \
		-p no:cacheprovider tests/fuzz --hypothesis-show-statistics

samples: $(STAMP)
	$(BIN)/python tools/build_samples.py

# What we ship (packaging/README.md): wheel and sdist, each smoke-tested in a clean environment, then the
# one-folder desktop program (PyInstaller) with its download archive, smoke-tested headless and under Xvfb.
$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,packaging]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	tools/system-deps.sh test
	rm -f dist/venue_planner-*.whl dist/venue_planner-*.tar.gz
	$(BIN)/python -m build --outdir dist .
	$(BIN)/python packaging/smoke_wheel.py --wheel dist
	$(BIN)/python packaging/build_bundle.py --screenshot dist/bundle-screenshot.png

# Menu entry, icons and the .vplan file type for this user (~/.local/share); the editor they start is
# $(EXEC), by default this checkout's .venv/bin/planner (the unpacked desktop bundle has its own script).
EXEC ?= $(abspath $(BIN)/planner)
install-desktop: $(STAMP)
	packaging/linux/install-desktop.sh --exec '$(EXEC)'

uninstall-desktop:
	packaging/linux/install-desktop.sh --uninstall

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis
