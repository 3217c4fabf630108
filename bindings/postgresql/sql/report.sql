-- mandate.report: the rows of a query, as the CSV dataset format names its columns, give the
-- same report as `mandate report` on the same CSV (run by scripts/postgres.sh).
SET datestyle = 'ISO, YMD';
\getenv share MANDATE_PG_SHARE
CREATE TABLE report_tasks (LIKE tasks);
\set f :share '/report-tasks.csv'
COPY report_tasks FROM :'f' WITH (FORMAT csv, HEADER MATCH);
SELECT count(*) FROM report_tasks;
\set md :share '/cli-report.md'
SELECT mandate.report('SELECT * FROM report_tasks', '2025-09-23', '2025-07-01') = pg_read_file(:'md')
       AS markdown_equals_cli;
\set f :share '/cli-report.json'
SELECT mandate.report('SELECT * FROM report_tasks', '2025-09-23', NULL, 'json', 'en') = pg_read_file(:'f')
       AS json_equals_cli;
-- the columns in any order, dates typed or not, extra columns ignored
SELECT mandate.report($$SELECT completed, deadline::text, assigned::text, source, category,
                               coordinators, lead, title, id, 42 AS extra FROM report_tasks$$,
                      '2025-09-23', '2025-07-01') = pg_read_file(:'md')
       AS reordered_equals_cli;
SELECT left(mandate.report('SELECT * FROM report_tasks ORDER BY id LIMIT 20', '2025-09-23',
                           NULL, 'md', 'en'), 60) AS head;
SELECT length(mandate.report('SELECT * FROM report_tasks', '2025-09-23', NULL, 'html')) > 1000 AS html;
SELECT split_part(mandate.report('SELECT * FROM report_tasks', '2025-09-23', NULL, 'csv'), E'\n', 1) AS csv_header;
SELECT length(mandate.report('SELECT * FROM report_tasks WHERE false', '2025-09-23')) > 0 AS empty_ok;
-- errors
SELECT mandate.report('SELECT * FROM report_tasks', '2025-09-23', NULL, 'pdf');
SELECT mandate.report('SELECT * FROM report_tasks', '2025-09-23', NULL, 'md', 'fr');
SELECT mandate.report('SELECT id FROM report_tasks', '2025-09-23');
SELECT mandate.report('DELETE FROM report_tasks', '2025-09-23');
SELECT mandate.report('SELECT * FROM no_such_table', '2025-09-23');
SELECT count(*) FROM report_tasks;
