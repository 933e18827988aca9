#!/usr/bin/env bash
# Creates .venv and installs kg into it (with the test extras when called with "test").
# Works on a fresh machine with only Python 3.11, pip and Debian's apt.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
