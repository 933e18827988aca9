#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine and runs the whole suite.
# Browser tests use Debian's chromium (never a browser download); server tests start a local
# Oxigraph server from the PyPI package `oxigraph` on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
bash scripts/setup.sh test
.venv/bin/python -m ipykernel install --sys-prefix --name python3 >/dev/null
.venv/bin/python -m pytest -q "$@"
