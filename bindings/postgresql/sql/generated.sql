-- The generated workload (bench/generate.h, 100,000 tasks, mandate_benchtool) loaded with COPY
-- from the same CSV the CLI read: task_status and status_counts agree with `mandate status` and
-- `mandate aggregate` (run by scripts/postgres.sh on that file).
SET datestyle = 'ISO, YMD';
\getenv share MANDATE_PG_SHARE
CREATE TABLE tasks (id text PRIMARY KEY, title text, lead text, coordinators text,
                    category text, source text, assigned date, deadline text, completed date,
                    note text);
\set f :share '/tasks.csv'
COPY tasks FROM :'f' WITH (FORMAT csv, HEADER MATCH);
ANALYZE tasks;
CREATE TABLE cli_status_raw (line jsonb);
\set f :share '/cli-status.jsonl'
COPY cli_status_raw FROM :'f' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02');
CREATE TABLE cli_status AS
SELECT line->>'id' AS id, line->>'status' AS status, (line->>'due')::date AS due,
       line->>'deadline_kind' AS kind
FROM cli_status_raw;
CREATE TABLE cli_aggregate (doc jsonb);
\set f :share '/cli-aggregate.json'
INSERT INTO cli_aggregate SELECT pg_read_file(:'f')::jsonb;

SELECT count(*) AS tasks, count(s.id) AS classified_by_cli FROM tasks t LEFT JOIN cli_status s USING (id);

-- The phrase form: every task as `mandate status` classifies it.
SELECT count(*) AS tasks,
  count(*) FILTER (WHERE coalesce(s.status, 'not_yet_assigned') IS DISTINCT FROM
    mandate.task_status(t.deadline, NULL, t.assigned, t.completed, '2025-09-23')) AS status_diff
FROM tasks t LEFT JOIN cli_status s USING (id);

-- The due-day form, given the due day the CLI used, on every task whose deadline is not
-- recurring (a recurring obligation has no single due day).
SELECT count(*) AS tasks,
  count(*) FILTER (WHERE s.status IS DISTINCT FROM
    mandate.task_status(s.due, t.completed, t.assigned, '2025-09-23')) AS status_diff
FROM tasks t JOIN cli_status s USING (id) WHERE s.kind <> 'recurring';

-- The aggregate, phrase form: the totals of `mandate aggregate`, rates included.
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23') =
       (SELECT doc->'totals' FROM cli_aggregate) AS equals_cli_totals
FROM tasks;
SELECT jsonb_typeof(doc->'totals'->'total') AS cli_total_type,
       (doc->'totals'->>'total')::int > 0 AS cli_has_tasks FROM cli_aggregate;

-- The aggregate, due-day form, on the non-recurring tasks: the CLI's statuses counted.
WITH e AS (
  SELECT jsonb_build_object('total', count(*),
    'completed_on_time', count(*) FILTER (WHERE s.status = 'completed_on_time'),
    'completed_late', count(*) FILTER (WHERE s.status = 'completed_late'),
    'overdue', count(*) FILTER (WHERE s.status = 'overdue'),
    'due_soon', count(*) FILTER (WHERE s.status = 'due_soon'),
    'in_progress', count(*) FILTER (WHERE s.status = 'in_progress'),
    'cancelled', count(*) FILTER (WHERE s.status = 'cancelled')) AS expected,
    mandate.status_counts(s.due, t.completed, t.assigned, '2025-09-23') AS got
  FROM tasks t JOIN cli_status s USING (id) WHERE s.kind <> 'recurring')
SELECT got - 'completion_rate' - 'on_time_rate' - 'overdue_rate' = expected AS equals_cli_counts FROM e;

-- soon_days passes through: 30 days moves in_progress tasks to due_soon.
SELECT (mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23', 30)->>'due_soon')::int >
       (mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23')->>'due_soon')::int
       AS wider_window_more_due_soon
FROM tasks;
