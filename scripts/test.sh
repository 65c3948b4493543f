#!/usr/bin/env bash
# README command 2 (and CI): install, lint, run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests benchmarks scripts
export SPARK_LOCAL_IP=127.0.0.1
.venv/bin/python -m pytest -q -ra "$@"
