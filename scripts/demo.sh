#!/usr/bin/env bash
# README command 1: install, ingest the bundled sample corpus, print what was said.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
db=${ONRECORD_DB:-sample.db}
rm -f "$db" "$db-wal" "$db-shm"
.venv/bin/onrecord ingest samples/ --db "$db" --year 2025
.venv/bin/onrecord statements --db "$db" --limit 20
