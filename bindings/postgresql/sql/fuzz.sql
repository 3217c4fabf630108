-- The fuzz corpora of the deadline parser and the agency resolver replayed through the SQL
-- functions (non-strict forms, and the strict ones inside an exception block): errors are
-- fine, a crashed backend is not. Bytes that are not UTF-8 (or hold NUL) cannot be text in a
-- UTF8 database; those files go in escaped.
\getenv share MANDATE_PG_SHARE
SELECT set_config('mandate_test.share', :'share', false) IS NOT NULL AS share_set;
CREATE TABLE fuzz_inputs (corpus text, file text, t text);
DO $$
DECLARE dir text; f text; b bytea; t text; root text := current_setting('mandate_test.share');
BEGIN
  FOREACH dir IN ARRAY ARRAY['deadline', 'agency_resolver'] LOOP
    FOR f IN SELECT pg_ls_dir(root || '/fuzz/' || dir) ORDER BY 1 LOOP
      b := pg_read_binary_file(root || '/fuzz/' || dir || '/' || f);
      BEGIN
        t := convert_from(b, 'UTF8');
      EXCEPTION WHEN OTHERS THEN
        t := encode(b, 'escape');
      END;
      INSERT INTO fuzz_inputs VALUES (dir, f, t);
    END LOOP;
  END LOOP;
END $$;
SELECT count(*) > 200 AS corpus_loaded, count(DISTINCT corpus) AS corpora FROM fuzz_inputs;
-- the lenient forms never raise on any input
SELECT count(*) = count((mandate.parse_deadline(t)).kind) AS every_phrase_answered,
       count(*) = count((mandate.parse_deadline(t, 2025, '2025-03-01')).kind) AS with_context,
       count(*) >= count(mandate.resolve_agencies(t, false)) AS cells_answered
FROM fuzz_inputs;
-- the classifier and the aggregate on every input as a deadline phrase
SELECT count(mandate.task_status(t, 2025, '2025-01-01', NULL, '2025-09-23')) = count(*) AS classified,
       (mandate.status_counts(t, 2025, '2025-01-01', NULL, '2025-09-23')->>'total')::int = count(*) AS counted
FROM fuzz_inputs;
SELECT count(mandate.task_status(t, NULL, NULL, '2025-01-01', '2025-09-23')) = count(*) AS classified_without_year
FROM fuzz_inputs;
-- the strict forms: each call may raise, none may crash
DO $$
DECLARE r record; raised int := 0;
BEGIN
  FOR r IN SELECT t FROM fuzz_inputs LOOP
    BEGIN
      PERFORM mandate.resolve_agencies(r.t);
    EXCEPTION WHEN OTHERS THEN
      raised := raised + 1;
    END;
    BEGIN
      PERFORM mandate.report(format('SELECT %L AS id, %L AS title, %L AS lead, %L AS deadline',
                                    'F1', r.t, r.t, r.t), '2025-09-23');
    EXCEPTION WHEN OTHERS THEN
      raised := raised + 1;
    END;
  END LOOP;
  RAISE NOTICE 'strict calls replayed (some raised: %)', raised > 0;
END $$;
SELECT 1 AS server_still_answers;
