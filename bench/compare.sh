#!/usr/bin/env bash
# One command: mandate against DuckDB and SQLite on the same generated data (bench/README.md).
#   bash bench/compare.sh            N = 1,000,000 and 10,000,000
#   SIZES="100000" bash bench/compare.sh
# Builds Release into build-release/, generates the CSV files into bench/out/, runs mandate's
# queries, loads the same CSV into DuckDB (1 thread and all threads) and SQLite, checks that
# every engine returns exactly mandate's counts (fails loudly otherwise) and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${SIZES:-"1000000 10000000"}
AS_OF=${AS_OF:-2025-09-23}
FROM=${FROM:-2025-01-01}
TO=${TO:-2025-06-30}
REPS=${REPS:-3}
OUT=$ROOT/bench/out
BUILD=$ROOT/build-release

# A benchmark run means something only on a quiet machine: say how quiet it was.
read -r load1 load5 load15 _ < /proc/loadavg
echo "== load average at start: $load1 $load5 $load15 ($(nproc) cores)" >&2
need() { command -v "$1" > /dev/null 2>&1; }
install_pkgs() {
  if [ "$(id -u)" = 0 ] && need apt-get; then
    apt-get install -y "$@" > /dev/null || { apt-get update > /dev/null && apt-get install -y "$@" > /dev/null; }
  else
    echo "compare.sh: please install $* (Debian: sudo apt-get install -y $*)" >&2
    exit 1
  fi
}
need sqlite3 || install_pkgs sqlite3
need node || install_pkgs nodejs
need npm || install_pkgs npm
# DuckDB's Node package at the exact version of bench/package.json (no lock file: the bindings
# come as per-platform optional packages, which a lock made on one platform cannot list).
if [ ! -d bench/node_modules/@duckdb/node-api ]; then
  (cd bench && npm install --no-audit --no-fund > /dev/null)
fi

echo "== building Release into $BUILD" >&2
# -O3 makes GCC 12 see false -Wrestrict cases in std::string code: warnings stay warnings here.
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMANDATE_WERROR=OFF > /dev/null
cmake --build "$BUILD" --target mandate_benchtool > /dev/null
TOOL=$BUILD/bin/mandate_benchtool

mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
: > "$RESULTS"
for N in $SIZES; do
  CSV=$OUT/tasks-$N.csv
  SQL=$OUT/tasks-sql-$N.csv
  echo "== N=$N: generating $CSV" >&2
  "$TOOL" generate --n "$N" --as-of "$AS_OF" --csv "$CSV" --sql "$SQL"
  echo "== N=$N: mandate" >&2
  # The bundled-JSON load is timed up to 10^6 (the JSON file of 10^7 tasks is ~4 GB).
  JSON=yes
  [ "$N" -gt 1000000 ] && JSON=no
  "$TOOL" query --csv "$CSV" --as-of "$AS_OF" --from "$FROM" --to "$TO" --reps "$REPS" \
    --json "$JSON" --snapshot "$OUT/tasks-$N.snapshot" > "$OUT/mandate-$N.json"
  echo "== N=$N: DuckDB and SQLite" >&2
  node bench/duckdb_compare.mjs run --n "$N" --csv "$CSV" --sql "$SQL" \
    --mandate "$OUT/mandate-$N.json" --out "$RESULTS" --as-of "$AS_OF" --from "$FROM" \
    --to "$TO" --reps "$REPS"
done

echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average at start $load1, as of $AS_OF, window $FROM..$TO"
node bench/duckdb_compare.mjs report "$RESULTS"
