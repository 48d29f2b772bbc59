# Two entry points for a fresh machine with only python3 and make:
#   make demo   set up, then assess the bundled sample statute against the Model Law
#   make test   set up, then lint (ruff), type-check (mypy) and run the test suite
#   make lint   set up, then only the lint and type checks
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo lint test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

SAMPLE := data/samples/ke-counter-trafficking-2010-excerpt.txt

demo: setup
	$(BIN)/modellaw compare $(SAMPLE)
	$(BIN)/modellaw compare $(SAMPLE) --format html -o out/sample-report.html
	@echo "HTML report: out/sample-report.html"

# Formatting, lint and types first: CI fails on any of them before the tests run.
lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

# The report tests render HTML in a headless Chromium, read PDFs back with pdftotext and open
# Word files in LibreOffice (libreoffice-writer); the OCR tests read scanned PDFs with Tesseract:
# install the Debian packages when they are absent (CI runs as root); if that cannot be
# done, those tests skip and say why.
test: setup lint
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/pdftotext ] \
		|| [ ! -x /usr/bin/soffice ] || [ ! -x /usr/bin/tesseract ]; then \
		echo "make test: installing chromium, chromium-driver, poppler-utils, libreoffice-writer and tesseract-ocr"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium chromium-driver poppler-utils fonts-dejavu-core libreoffice-writer \
			tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa \
			tesseract-ocr-ara tesseract-ocr-rus tesseract-ocr-por >/dev/null; } \
		|| echo "make test: could not install chromium/poppler-utils/libreoffice-writer/tesseract-ocr; their tests will be skipped"; \
	fi
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench_read.py
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_compare.py --synthetic

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis out
