#!/usr/bin/env bash
# Measure, then print the README's accuracy table (paste it over the table in README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD=${1:-../shared/corpus/gold}
.venv/bin/modellaw evaluate --gold "$GOLD" --format json > /tmp/modellaw-eval.json
.venv/bin/python benchmarks/loso_readings.py --gold "$GOLD" --json benchmarks/loso-readings.json > /dev/null
.venv/bin/python scripts/accuracy_table.py /tmp/modellaw-eval.json benchmarks/loso-readings.json
