#!/usr/bin/env bash
# Set up everything onrecord needs on a fresh Debian machine, idempotently:
#   system packages (Chromium for the browser tests, Java for Spark) when missing,
#   a virtual environment in .venv with onrecord and its test/Spark/benchmark extras.
# Re-running it is cheap: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jre-headless)
if [ "${#need_apt[@]}" -gt 0 ] && [ "${ONRECORD_SKIP_APT:-0}" != 1 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing system packages: ${need_apt[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: not root, skipping system packages (${need_apt[*]}); browser/Spark tests will skip" >&2
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.onrecord-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv (about a minute)" >&2
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,spark,bench]"
  touch "$stamp"
fi
