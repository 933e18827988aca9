#!/usr/bin/env bash
# The main job on the bundled data: build the graph (with the statute library when it is
# beside the repo), answer the Article 20 question, and write the interactive page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
STATUTES="${KG_STATUTES:-../shared/statutes}"
STORE="${KG_STORE:-.kg-store}"
statutes_args=()
[ -d "$STATUTES" ] && statutes_args=(--statutes "$STATUTES")
mkdir -p out
.venv/bin/kg build data/catalogs/hengyang-hrss.txt data/catalogs/xiangxiang-hrss.tsv \
  "${statutes_args[@]}" --store "$STORE"
echo
echo "Which items depend on 国务院令第711号 Article 20?"
.venv/bin/kg depends 国务院令第711号 --article 20 --store "$STORE"
.venv/bin/kg show --store "$STORE" -o out/graph.html
echo "Interactive graph written to out/graph.html"
