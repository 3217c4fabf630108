#!/usr/bin/env bash
# The PostgreSQL extension (bindings/postgresql), end to end, in one command:
#   bash scripts/postgres.sh
# 1. installs postgresql-15 and postgresql-server-dev-15 when missing (needs root);
# 2. builds libmandate.so and the `mandate` command (cmake, build-pg/), the workload generator
#    (mandate_benchtool) and the extension (PGXS), and installs the extension into the local
#    PostgreSQL 15 with libmandate.so next to it (found through an rpath of $ORIGIN);
# 3. generates the 100,000-task workload (bench/generate.h) and computes what `mandate status`,
#    `mandate aggregate`, `mandate deadline`, `mandate agencies` and `mandate report` say about
#    it and about the seed cells, for the regression suite to compare with;
# 4. starts a throw-away server (initdb in a temporary directory as the unprivileged user
#    mandate_pg, Unix socket only, listen_addresses = ''), runs pg_regress with the expected
#    files of bindings/postgresql/expected/, stops the server and removes the directory.
# Exit status 0 when every test passes. Environment: MANDATE_PG_BUILD (build-pg),
# MANDATE_PG_KEEP=1 keeps the temporary directory.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${MANDATE_PG_BUILD:-$ROOT/build-pg}
PGBIN=/usr/lib/postgresql/15/bin
PG_CONFIG=$PGBIN/pg_config
EXT=$ROOT/bindings/postgresql
PGUSER_OS=mandate_pg
AS_OF=2025-09-23
N=100000

say() { printf '== postgres.sh: %s\n' "$*"; }

# ---- 1. packages -------------------------------------------------------------------------
if [[ ! -x $PGBIN/initdb || ! -x $PG_CONFIG || ! -f $($PG_CONFIG --pgxs 2>/dev/null || echo /nonexistent) ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "postgres.sh: postgresql-15 and postgresql-server-dev-15 are needed (run as root to install them)" >&2
    exit 2
  fi
  say "installing postgresql-15 postgresql-server-dev-15"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql-15 postgresql-server-dev-15 >/dev/null
fi
for tool in cmake ninja make gcc python3; do
  command -v "$tool" >/dev/null || { echo "postgres.sh: $tool is needed" >&2; exit 2; }
done

# ---- 2. build and install ----------------------------------------------------------------
say "building libmandate.so and mandate ($BUILD)"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DMANDATE_BUILD_TESTS=OFF -DMANDATE_BUILD_BENCH=OFF \
  -DMANDATE_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$BUILD" --target mandate mandate_cli
if [[ ! -x $BUILD/bin/mandate_benchtool ]]; then
  # The workload generator is a benchmark tool: the same build directory, one more target
  # (it links the objects already built).
  say "building mandate_benchtool"
  cmake -S "$ROOT" -B "$BUILD" -DMANDATE_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD" --target mandate_benchtool
  cmake -S "$ROOT" -B "$BUILD" -DMANDATE_BUILD_BENCH=OFF >/dev/null
fi
MANDATE=$BUILD/bin/mandate

say "building and installing the extension"
make -s -C "$EXT" MANDATE_BUILD="$BUILD" PG_CONFIG="$PG_CONFIG" clean >/dev/null
make -s -C "$EXT" MANDATE_BUILD="$BUILD" PG_CONFIG="$PG_CONFIG"
make -s -C "$EXT" MANDATE_BUILD="$BUILD" PG_CONFIG="$PG_CONFIG" install
PKGLIBDIR=$($PG_CONFIG --pkglibdir)
cp -P "$BUILD"/lib/libmandate.so* "$PKGLIBDIR"/
make -s -C "$EXT" MANDATE_BUILD="$BUILD" PG_CONFIG="$PG_CONFIG" clean >/dev/null

# ---- 3. the server's user and directory ----------------------------------------------------
if ! id "$PGUSER_OS" >/dev/null 2>&1; then
  say "creating the unprivileged user $PGUSER_OS"
  useradd -r -M -d /nonexistent -s /usr/sbin/nologin "$PGUSER_OS"
fi
TMP=$(mktemp -d /tmp/mandate-pg.XXXXXX)
chmod 755 "$TMP"
DATA=$TMP/data
SOCK=$TMP/sock
SHARE=$TMP/share # files the server reads (COPY, pg_read_binary_file)
mkdir -p "$SOCK" "$SHARE/fuzz" "$TMP/regress"
as_pg() { runuser -u "$PGUSER_OS" -- "$@"; }
cleanup() {
  local rc=$?
  if [[ -f $DATA/postmaster.pid ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ ${MANDATE_PG_KEEP:-0} == 1 ]]; then
    echo "postgres.sh: kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit $rc
}
trap cleanup EXIT INT TERM

# ---- 4. generated data and what the CLI says about it --------------------------------------
say "generating $N tasks and the CLI's answers"
"$BUILD/bin/mandate_benchtool" generate --n $N --csv "$SHARE/tasks.csv" >/dev/null
"$MANDATE" status --data "$SHARE/tasks.csv" --as-of $AS_OF >"$SHARE/cli-status.jsonl"
"$MANDATE" aggregate --data "$SHARE/tasks.csv" --as-of $AS_OF --by status >"$SHARE/cli-aggregate.json"
# The seed plan's cells: deadline phrases (plan year 2025) and lead / coordinator cells.
SEED=$ROOT/tests/data/seed/plan-2025-tasks.jsonl
cp "$SEED" "$SHARE/seed.jsonl"
python3 - "$SEED" "$SHARE" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2] + "/seed-phrases.jsonl", "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r["deadline_text"], ensure_ascii=False) + "\n")
with open(sys.argv[2] + "/seed-cells.jsonl", "w", encoding="utf-8") as f:
    for r in rows:
        for k in ("lead", "coordinators"):
            if r.get(k):
                f.write(json.dumps(r[k], ensure_ascii=False) + "\n")
PY
"$MANDATE" deadline --year 2025 <"$SHARE/seed-phrases.jsonl" >"$SHARE/cli-deadline.jsonl" || true
"$MANDATE" agencies <"$SHARE/seed-cells.jsonl" >"$SHARE/cli-agencies.jsonl" || true
# The report of a small workload (300 tasks), as `mandate report` writes it.
"$BUILD/bin/mandate_benchtool" generate --n 300 --seed 16 --csv "$SHARE/report-tasks.csv" >/dev/null
"$MANDATE" report --data "$SHARE/report-tasks.csv" --as-of $AS_OF --since 2025-07-01 \
  >"$SHARE/cli-report.md"
"$MANDATE" report --data "$SHARE/report-tasks.csv" --as-of $AS_OF --format json --lang en \
  >"$SHARE/cli-report.json"
cp -r "$ROOT/fuzz/corpus/deadline" "$ROOT/fuzz/corpus/agency_resolver" "$SHARE/fuzz/"
chown -R "$PGUSER_OS" "$TMP"

# ---- 5. the throw-away server --------------------------------------------------------------
say "starting a throw-away PostgreSQL 15 in $TMP"
as_pg "$PGBIN/initdb" -D "$DATA" -U "$PGUSER_OS" -E UTF8 --locale=C.UTF-8 --auth=trust >/dev/null
cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$SOCK'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
max_worker_processes = 8
max_parallel_workers = 8
shared_buffers = 256MB
CONF
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$TMP/server.log" -w start >/dev/null

# ---- 6. the regression suite ----------------------------------------------------------------
say "pg_regress"
TESTS=(setup functions seed generated parallel report fuzz)
export MANDATE_PG_SHARE=$SHARE
rc=0
"$($PG_CONFIG --pgxs | xargs dirname)/../test/regress/pg_regress" \
  --bindir="$PGBIN" --inputdir="$EXT" --outputdir="$TMP/regress" \
  --host="$SOCK" --port=5432 --user="$PGUSER_OS" --dbname=mandate_regression \
  "${TESTS[@]}" || rc=$?
if [[ $rc -ne 0 ]]; then
  [[ -f $TMP/regress/regression.diffs ]] && cat "$TMP/regress/regression.diffs"
  echo "postgres.sh: the server log's errors:"; grep -E "PANIC|TRAP|terminated by signal" "$TMP/server.log" || true
  exit $rc
fi
if grep -qE "terminated by signal|PANIC" "$TMP/server.log"; then
  echo "postgres.sh: a backend crashed:" >&2
  grep -E "terminated by signal|PANIC" "$TMP/server.log" >&2
  exit 1
fi
say "all tests passed"
