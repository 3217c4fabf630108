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
source "$ROOT/scripts/postgres_lib.sh"
AS_OF=2025-09-23
N=100000

pg_ensure_packages
pg_build_install
pg_make_tmp
mkdir -p "$SHARE/fuzz" "$TMP/regress"

# ---- generated data and what the CLI says about it ----------------------------------------
say "generating $N tasks and the CLI's answers"
"$BUILD/bin/mandate_benchtool" generate --n $N --csv "$SHARE/tasks.csv" >/dev/null
"$MANDATE" status --data "$SHARE/tasks.csv" --as-of $AS_OF >"$SHARE/cli-status.jsonl"
"$MANDATE" aggregate --data "$SHARE/tasks.csv" --as-of $AS_OF --by status >"$SHARE/cli-aggregate.json"
# The seed plan's cells: deadline phrases (plan year 2025) and lead / coordinator cells.
python3 - "$ROOT/tests/data/seed/plan-2025-tasks.jsonl" "$SHARE" <<'PY'
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
# exit status 1 = some line did not parse / resolve: those lines are part of the comparison
"$MANDATE" deadline --year 2025 <"$SHARE/seed-phrases.jsonl" >"$SHARE/cli-deadline.jsonl" || [[ $? -eq 1 ]]
"$MANDATE" agencies <"$SHARE/seed-cells.jsonl" >"$SHARE/cli-agencies.jsonl" || [[ $? -eq 1 ]]
# The report of a small workload (300 tasks), as `mandate report` writes it.
"$BUILD/bin/mandate_benchtool" generate --n 300 --seed 16 --csv "$SHARE/report-tasks.csv" >/dev/null
"$MANDATE" report --data "$SHARE/report-tasks.csv" --as-of $AS_OF --since 2025-07-01 \
  >"$SHARE/cli-report.md"
"$MANDATE" report --data "$SHARE/report-tasks.csv" --as-of $AS_OF --format json --lang en \
  >"$SHARE/cli-report.json"
cp -r "$ROOT/fuzz/corpus/deadline" "$ROOT/fuzz/corpus/agency_resolver" "$SHARE/fuzz/"

pg_start_server

# ---- the regression suite -------------------------------------------------------------------
say "pg_regress"
TESTS=(setup functions seed generated parallel report fuzz)
export MANDATE_PG_SHARE=$SHARE
rc=0
"$($PG_CONFIG --pkglibdir)/pgxs/src/test/regress/pg_regress" \
  --bindir="$PGBIN" --inputdir="$EXT" --outputdir="$TMP/regress" \
  --host="$SOCK" --port=5432 --user="$PGUSER_OS" --dbname=mandate_regression \
  "${TESTS[@]}" || rc=$?
if [[ $rc -ne 0 ]]; then
  [[ -f $TMP/regress/regression.diffs ]] && cat "$TMP/regress/regression.diffs"
  exit $rc
fi
if grep -E "terminated by signal|PANIC|server process .* was terminated" "$TMP/server.log" >&2; then
  echo "postgres.sh: a backend crashed (above)" >&2
  exit 1
fi
say "all tests passed"
