-- The seed plan's 248 deadline phrases and its agency cells, through SQL and through the CLI
-- (`mandate deadline --year 2025`, `mandate agencies`, run by scripts/postgres.sh): equal.
SET datestyle = 'ISO, YMD';
\getenv share MANDATE_PG_SHARE
\set f :share '/cli-deadline.jsonl'
CREATE TABLE cli_deadline (line jsonb);
COPY cli_deadline FROM :'f' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02');
\set f :share '/cli-agencies.jsonl'
CREATE TABLE cli_agencies (line jsonb);
COPY cli_agencies FROM :'f' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02');

CREATE TABLE seed_deadline AS
SELECT line, mandate.parse_deadline(line->>'text', 2025) AS d FROM cli_deadline;
SELECT count(*) AS phrases,
  count(*) FILTER (WHERE (d).kind IS DISTINCT FROM line->>'kind') AS kind_diff,
  count(*) FILTER (WHERE (d).due IS DISTINCT FROM (line->>'due')::date) AS due_diff,
  count(*) FILTER (WHERE (d).first_due IS DISTINCT FROM (line->>'first_due')::date) AS first_due_diff,
  count(*) FILTER (WHERE (d).freq IS DISTINCT FROM line->'recurrence'->>'freq') AS freq_diff,
  count(*) FILTER (WHERE (d).milestones IS DISTINCT FROM
    ARRAY(SELECT (m->>'due')::date FROM jsonb_array_elements(line->'milestones') m)) AS milestones_diff,
  count(*) FILTER (WHERE (d).error IS DISTINCT FROM line->>'error') AS error_diff
FROM seed_deadline;
SELECT (d).kind, count(*) FROM seed_deadline GROUP BY 1 ORDER BY 1;

-- Every seed phrase through task_status (plan year 2025, assigned 2025-01-15) and the counts.
SELECT mandate.status_counts(line->>'text', 2025, '2025-01-15', NULL, '2025-09-23') FROM cli_deadline;
SELECT mandate.task_status(line->>'text', 2025, '2025-01-15', NULL, '2025-09-23') AS status, count(*)
FROM cli_deadline GROUP BY 1 ORDER BY 1;

-- Agency cells: the lenient form gives the CLI's ids, or NULL where the CLI reports an error;
-- the strict form raises the CLI's message.
SELECT count(*) AS cells,
  count(*) FILTER (WHERE line->'error' <> 'null') AS cells_with_error,
  count(*) FILTER (WHERE mandate.resolve_agencies(line->>'text', false) IS DISTINCT FROM
    CASE WHEN line->'error' = 'null' THEN ARRAY(SELECT jsonb_array_elements_text(line->'ids')) END)
    AS ids_diff
FROM cli_agencies;
DO $$
DECLARE r record; bad int := 0; n int := 0;
BEGIN
  FOR r IN SELECT line FROM cli_agencies WHERE line->'error' <> 'null' LOOP
    n := n + 1;
    BEGIN
      PERFORM mandate.resolve_agencies(r.line->>'text');
      bad := bad + 1;
    EXCEPTION WHEN OTHERS THEN
      IF SQLERRM <> 'mandate.resolve_agencies: ' || (r.line->>'error') THEN
        RAISE NOTICE 'message differs: % / %', SQLERRM, r.line->>'error';
        bad := bad + 1;
      END IF;
    END;
  END LOOP;
  RAISE NOTICE 'strict errors checked: %, wrong: %', n, bad;
END $$;
