-- status_counts as a parallel aggregate: Partial Aggregate on the workers, Finalize in the
-- leader, the same counts as the serial plan; and per partition with
-- enable_partitionwise_aggregate (what Citus does per shard).
SET datestyle = 'ISO, YMD';
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23') FROM tasks;
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23')::text AS par_phrase,
       mandate.status_counts(s.due, t.completed, t.assigned, '2025-09-23')::text AS par_due
FROM tasks t JOIN cli_status s USING (id) \gset
-- the workers did run
DO $$
DECLARE plan json;
BEGIN
  EXECUTE $q$EXPLAIN (ANALYZE, FORMAT JSON)
    SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23') FROM tasks$q$
    INTO plan;
  RAISE NOTICE 'workers planned: %, launched > 0: %',
    plan->0->'Plan'->'Plans'->0->>'Workers Planned',
    (plan->0->'Plan'->'Plans'->0->>'Workers Launched')::int > 0;
END $$;
SELECT :'par_phrase'::jsonb = (SELECT doc->'totals' FROM cli_aggregate) AS parallel_equals_cli;

SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF)
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23') FROM tasks;
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23')::text = :'par_phrase'
       AS serial_equals_parallel
FROM tasks;
SELECT mandate.status_counts(s.due, t.completed, t.assigned, '2025-09-23')::text = :'par_due'
       AS serial_equals_parallel_due_form
FROM tasks t JOIN cli_status s USING (id);

-- task_status in a parallel plan
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count(*) FILTER (WHERE mandate.task_status(deadline, NULL, assigned, completed, '2025-09-23') = 'overdue')
FROM tasks;
SELECT count(*) FILTER (WHERE mandate.task_status(deadline, NULL, assigned, completed, '2025-09-23') = 'overdue')
       = (:'par_phrase'::jsonb->>'overdue')::bigint AS parallel_task_status_agrees
FROM tasks;

-- A partitioned table: partial aggregates per partition, combined.
CREATE TABLE tasks_p (LIKE tasks) PARTITION BY RANGE (assigned);
CREATE TABLE tasks_p1 PARTITION OF tasks_p FOR VALUES FROM (MINVALUE) TO ('2024-09-01');
CREATE TABLE tasks_p2 PARTITION OF tasks_p FOR VALUES FROM ('2024-09-01') TO ('2025-03-01');
CREATE TABLE tasks_p3 PARTITION OF tasks_p FOR VALUES FROM ('2025-03-01') TO (MAXVALUE);
INSERT INTO tasks_p SELECT * FROM tasks;
ANALYZE tasks_p;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF)
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23') FROM tasks_p;
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23')::text = :'par_phrase'
       AS partitioned_parallel_equals
FROM tasks_p;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF)
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23') FROM tasks_p;
SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23')::text = :'par_phrase'
       AS partitioned_serial_equals
FROM tasks_p;
-- per partition, then summed by hand: the partial states add up
SELECT sum((c->>'total')::int) = (:'par_phrase'::jsonb->>'total')::int AS partitions_add_up
FROM (SELECT mandate.status_counts(deadline, NULL, assigned, completed, '2025-09-23') AS c
      FROM tasks_p GROUP BY tableoid) s;
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;
