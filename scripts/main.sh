#!/usr/bin/env bash
# README command 1: installs what is missing, builds only what the report needs (the library
# and the mandate command), then prints the summary report of the bundled dataset as of
# 2025-09-23, since the meeting of 2025-07-20. scripts/test.sh builds the rest in the same
# build directory.
set -euo pipefail
cd "$(dirname "$0")/.."
MANDATE_SKIP_OPTIONAL=1 MANDATE_TARGETS="mandate mandate_cli" bash scripts/setup.sh
build=${BUILD_DIR:-build}
out="$build/report-2025-09-23.md"
"$build/bin/mandate" report --data examples/data/plan-2025.json --as-of 2025-09-23 \
  --since 2025-07-20 --format md --out "$out"
cat "$out"
echo "report written to $out"
