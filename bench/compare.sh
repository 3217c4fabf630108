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
cmake --build "$BUILD" --target mandate_benchtool mandate_cli > /dev/null
TOOL=$BUILD/bin/mandate_benchtool
CLI=$BUILD/bin/mandate

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

# Whole processes, as a user runs them (issue 20), best of 5 wall times: `mandate aggregate
# --by lead` on the project CSV of WHOLE_N tasks against DuckDB (1 thread) loading the
# pre-resolved rows of the same tasks and counting them, each a process of its own; and
# `mandate aggregate` on the largest snapshot.
WHOLE_N=${WHOLE_N:-300000}
best_of_5() {  # prints the best wall time in seconds of 5 runs of "$@" (output discarded)
  local best=""
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null
    t1=$(date +%s%N)
    local s
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    if [ -z "$best" ] || awk -v x="$s" -v y="$best" 'BEGIN { exit !(x < y) }'; then best=$s; fi
  done
  echo "$best"
}
WCSV=$OUT/tasks-$WHOLE_N.csv
WSQL=$OUT/tasks-sql-$WHOLE_N.csv
echo "== whole processes: N=$WHOLE_N" >&2
"$TOOL" generate --n "$WHOLE_N" --as-of "$AS_OF" --csv "$WCSV" --sql "$WSQL"
w_mandate=$(best_of_5 "$CLI" aggregate --data "$WCSV" --by lead --as-of "$AS_OF")
w_duckdb=$(best_of_5 node bench/duckdb_compare.mjs whole --sql "$WSQL" --as-of "$AS_OF")
largest=""
for N in $SIZES; do largest=$N; done
w_snap=""
if [ -f "$OUT/tasks-$largest.snapshot" ]; then
  w_snap=$(best_of_5 "$CLI" aggregate --data "$OUT/tasks-$largest.snapshot" --by lead --as-of "$AS_OF")
fi

echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average at start $load1, as of $AS_OF, window $FROM..$TO"
node bench/duckdb_compare.mjs report "$RESULTS"
echo "Whole processes (best of 5 wall times): \`mandate aggregate --by lead\` on the CSV of" \
  "$WHOLE_N tasks $w_mandate s; DuckDB 1 thread loading their pre-resolved rows and counting" \
  "$w_duckdb s (ratio $(awk -v a="$w_mandate" -v b="$w_duckdb" 'BEGIN { printf "%.2f", a / b }'))."
if [ -n "$w_snap" ]; then
  echo "\`mandate aggregate --by lead\` on the snapshot of $largest tasks, whole process: $w_snap s."
fi
