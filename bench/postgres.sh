#!/usr/bin/env bash
# mandate.status_counts inside PostgreSQL 15 against the same counts written as plain SQL CASE
# expressions, in the same run, on the workload of bench/generate.h (README "PostgreSQL").
#   bash bench/postgres.sh                      # N = 1,000,000
#   SIZES="1000000 10000000" bash bench/postgres.sh
# Builds and installs the extension as scripts/postgres.sh does, starts a throw-away server,
# loads the project CSV (phrases) and the pre-resolved CSV (due days, rule) with COPY, then per
# N and per plan (serial, 2 parallel workers) runs each query REPS times (best kept):
#   ext phrase: mandate.status_counts(deadline, NULL, assigned, completed, D)   (the library
#               parses every phrase and classifies: recurring deadlines included)
#   ext due:    mandate.status_counts(due, completed, assigned, D)   (pre-resolved due days)
#   SQL CASE:   the README rule of bench/README.md, count(*) FILTER per status
# and checks that the CASE counts equal the extension's (phrase form).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/postgres_lib.sh"
SIZES=${SIZES:-1000000}
REPS=${REPS:-3}
D=2025-09-23

pg_ensure_packages
pg_build_install
pg_make_tmp
pg_start_server
# more memory for the loads; the same settings for every query
pg_psql -d postgres -c "ALTER SYSTEM SET maintenance_work_mem = '512MB'" \
  -c "ALTER SYSTEM SET max_wal_size = '8GB'" -c "SELECT pg_reload_conf()" >/dev/null
pg_psql -d postgres -c "CREATE DATABASE bench" >/dev/null
pg_psql -d bench <<'SQL'
CREATE EXTENSION mandate;
CREATE FUNCTION best_ms(q text, reps int, workers int, OUT ms float8, OUT result text) AS $$
DECLARE t0 timestamptz; r text; i int; d float8;
BEGIN
  PERFORM set_config('max_parallel_workers_per_gather', workers::text, true);
  PERFORM set_config('parallel_setup_cost', '0', true);
  PERFORM set_config('parallel_tuple_cost', '0', true);
  PERFORM set_config('min_parallel_table_scan_size', '0', true);
  ms := 'Infinity';
  FOR i IN 1..reps LOOP
    t0 := clock_timestamp();
    EXECUTE q INTO r;
    d := extract(epoch FROM clock_timestamp() - t0) * 1000;
    IF d < ms THEN ms := d; END IF;
  END LOOP;
  result := r;
END $$ LANGUAGE plpgsql;
SQL

CASE_SQL="SELECT jsonb_build_object('total', count(*),
  'completed_on_time', count(*) FILTER (WHERE s = 1), 'completed_late', count(*) FILTER (WHERE s = 2),
  'overdue', count(*) FILTER (WHERE s = 3), 'due_soon', count(*) FILTER (WHERE s = 4),
  'in_progress', count(*) FILTER (WHERE s = 5), 'cancelled', 0)::text
FROM (SELECT CASE
  WHEN completed IS NOT NULL AND completed <= DATE '$D' THEN
    CASE WHEN rule = 'R' OR due IS NULL OR completed <= due THEN 1 ELSE 2 END
  WHEN due IS NULL THEN 5
  WHEN due < DATE '$D' THEN 3
  WHEN due <= DATE '$D' + 7 THEN 4
  ELSE 5 END AS s
  FROM tasks_sql WHERE assigned <= DATE '$D') x"
PHRASE_SQL="SELECT (mandate.status_counts(deadline, NULL, assigned, completed, DATE '$D')
  - 'completion_rate' - 'on_time_rate' - 'overdue_rate')::text FROM tasks"
DUE_SQL="SELECT (mandate.status_counts(due, completed, assigned, DATE '$D')
  - 'completion_rate' - 'on_time_rate' - 'overdue_rate')::text FROM tasks_sql"

ROWS=()
for N in $SIZES; do
  say "N = $N: generating and loading"
  "$BUILD/bin/mandate_benchtool" generate --n "$N" --csv "$SHARE/tasks.csv" --sql "$SHARE/tasks-sql.csv" >/dev/null
  chown "$PGUSER_OS" "$SHARE"/*.csv
  pg_psql -d bench <<SQL
DROP TABLE IF EXISTS tasks, tasks_sql;
CREATE TABLE tasks (id text, title text, lead text, coordinators text, category text,
                    source text, assigned date, deadline text, completed date, note text);
CREATE TABLE tasks_sql (id text, assigned date, due date, completed date, rule char(1),
                        lead1 text, lead2 text, lead3 text, lead4 text);
COPY tasks FROM '$SHARE/tasks.csv' WITH (FORMAT csv, HEADER MATCH);
COPY tasks_sql FROM '$SHARE/tasks-sql.csv' WITH (FORMAT csv, HEADER MATCH);
VACUUM ANALYZE tasks;
VACUUM ANALYZE tasks_sql;
SQL
  rm -f "$SHARE/tasks.csv" "$SHARE/tasks-sql.csv"
  for W in 0 2; do
    for Q in PHRASE DUE CASE; do
      var=${Q}_SQL
      line=$(pg_psql -d bench -At -F '|' -c "SELECT round(ms::numeric, 1), result FROM best_ms(\$q\$${!var}\$q\$, $REPS, $W)")
      ms=${line%%|*}
      res=${line#*|}
      eval "RES_${Q}_$W=\$res"
      ROWS+=("$N|$Q|$W|$ms")
      say "N=$N workers=$W $Q: $ms ms  $res"
    done
  done
  if [[ $RES_PHRASE_0 == "$RES_CASE_0" && $RES_PHRASE_2 == "$RES_CASE_2" && $RES_PHRASE_0 == "$RES_PHRASE_2" ]]; then
    say "N=$N: the SQL CASE counts equal mandate.status_counts (phrase form), serial and parallel"
  else
    echo "bench/postgres.sh: counts differ at N=$N" >&2
    exit 1
  fi
done

echo
echo "| N | workers | mandate.status_counts(phrase) ms | mandate.status_counts(due) ms | SQL CASE ms | phrase / CASE |"
echo "|---:|---:|---:|---:|---:|---:|"
for N in $SIZES; do
  for W in 0 2; do
    p=; d=; c=
    for r in "${ROWS[@]}"; do
      IFS='|' read -r rn rq rw rms <<<"$r"
      [[ $rn == "$N" && $rw == "$W" ]] || continue
      case $rq in PHRASE) p=$rms ;; DUE) d=$rms ;; CASE) c=$rms ;; esac
    done
    ratio=$(awk -v a="$p" -v b="$c" 'BEGIN { printf "%.1fx", a / b }')
    echo "| $N | $W | $p | $d | $c | $ratio |"
  done
done
