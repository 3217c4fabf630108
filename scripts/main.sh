#!/usr/bin/env bash
# README command 1: set up, build, then generate the summary report of the bundled dataset.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if build/bin/mandate help | grep -q '^  report '; then
  build/bin/mandate report --data examples/data/plan-2025.json --as-of 2025-09-23 --since 2025-07-20 \
    --format md --out build/report-2025-09-23.md
  cat build/report-2025-09-23.md
  echo "report written to build/report-2025-09-23.md"
else
  build/bin/mandate version
fi
