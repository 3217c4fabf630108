-- Every function on hand-picked inputs (the seed and the generated workload are compared with
-- the CLI in seed.sql and generated.sql).
SET datestyle = 'ISO, YMD';

-- parse_deadline: the kinds of `mandate deadline`
SELECT p AS phrase, (mandate.parse_deadline(p, 2025)).*
FROM (VALUES ('Tháng 10/2025'), ('Quý IV'), ('Quý III/2026'), ('Năm 2026'), ('2025'),
             ('30/09/2025'), ('Trước ngày 20/12/2025'), ('Hằng tháng'),
             ('Trước ngày 25 hàng tháng'), ('Hàng quý'), ('Thường xuyên'),
             ('6 tháng đầu năm 2025'), ('Quý II/2025 và Quý IV/2025'),
             ('ngày 31/02/2025'), ('blah blah'), ('')) AS t(p);
SELECT (mandate.parse_deadline('Trong 30 ngày', NULL, '2025-03-01')).*;
SELECT (mandate.parse_deadline('Quý IV')).kind, (mandate.parse_deadline('Quý IV')).error IS NOT NULL AS has_error;
SELECT mandate.parse_deadline(NULL) IS NULL AS null_in_null_out;

-- resolve_agencies
SELECT mandate.resolve_agencies('Bộ Khoa học và Công nghệ');
SELECT mandate.resolve_agencies('Bộ KH&CN, Bộ Tài chính');
SELECT mandate.resolve_agencies('Bộ Tài chính, Bộ Văn hóa, Thể thao và Du lịch');
SELECT cardinality(mandate.resolve_agencies('Các bộ, ngành, địa phương')) > 50 AS collective_expanded;
SELECT mandate.resolve_agencies('');
SELECT mandate.resolve_agencies('Bộ Tài chính, Sở Không Có Thật', false) IS NULL AS lenient_null;
SELECT mandate.resolve_agencies('Bộ Tài chính, Sở Không Có Thật');
SELECT mandate.resolve_agencies(NULL) IS NULL AS null_in_null_out;

-- task_status, due-day form: every status
SELECT s.*, mandate.task_status(due, completed, assigned, as_of) AS status
FROM (VALUES ('2025-09-30'::date, '2025-09-01'::date, '2025-01-01'::date, '2025-09-23'::date),
             ('2025-08-31', '2025-09-10', '2025-01-01', '2025-09-23'),
             ('2025-08-31', NULL, '2025-01-01', '2025-09-23'),
             ('2025-09-30', NULL, '2025-01-01', '2025-09-23'),
             ('2025-12-31', NULL, '2025-01-01', '2025-09-23'),
             ('2025-12-31', NULL, '2025-10-01', '2025-09-23'),
             (NULL, NULL, '2025-01-01', '2025-09-23'),
             ('2025-08-31', '2025-10-10', '2025-01-01', '2025-09-23'),
             ('2025-09-23', NULL, NULL, '2025-09-23'))
     AS s(due, completed, assigned, as_of);
SELECT mandate.task_status('2025-09-30'::date, NULL, '2025-01-01', '2025-09-23', 3) AS soon_3,
       mandate.task_status('2025-09-30'::date, NULL, '2025-01-01', '2025-09-23', 7) AS soon_7,
       mandate.task_status('2025-09-30'::date, NULL, '2025-01-01', NULL) IS NULL AS null_as_of;

-- task_status, phrase form: recurring and multi-milestone deadlines too
SELECT s.deadline, s.completed, mandate.task_status(deadline, 2025, '2025-01-15', completed, '2025-09-23') AS status
FROM (VALUES ('Tháng 10/2025', NULL::date), ('Tháng 8/2025', NULL), ('Tháng 8/2025', '2025-08-20'),
             ('Tháng 8/2025', '2025-09-05'), ('Quý IV', NULL), ('Hằng tháng', NULL),
             ('Hằng tháng', '2025-02-01'), ('Thường xuyên', NULL), ('Thường xuyên', '2025-05-05'),
             ('Quý II/2025 và Quý IV/2025', NULL), ('Trước ngày 25/09/2025', NULL),
             ('blah blah', NULL), (NULL, NULL)) AS s(deadline, completed);

-- status_counts over a few rows, both forms
SELECT mandate.status_counts(due, completed, assigned, '2025-09-23')
FROM (VALUES ('2025-09-30'::date, '2025-09-01'::date, '2025-01-01'::date),
             ('2025-08-31', '2025-09-10', '2025-01-01'), ('2025-08-31', NULL, '2025-01-01'),
             ('2025-09-30', NULL, '2025-01-01'), ('2025-12-31', NULL, '2025-01-01'),
             ('2025-12-31', NULL, '2025-10-01')) AS s(due, completed, assigned);
SELECT mandate.status_counts(due, completed, assigned, '2025-09-23', 30)
FROM (VALUES ('2025-10-15'::date, NULL::date, '2025-01-01'::date)) AS s(due, completed, assigned);
SELECT mandate.status_counts(d, 2025, '2025-01-15', NULL, '2025-09-23')
FROM (VALUES ('Hằng tháng'), ('Tháng 12/2025'), ('Tháng 1/2025')) AS s(d);
SELECT mandate.status_counts(due, NULL, NULL, '2025-09-23') FROM (SELECT NULL::date AS due WHERE false) s;

-- the same phrase in one batch: relative deadlines follow each task's assigned day, other
-- phrases each task's plan year (parsed deadlines are cached by phrase and plan year).
-- Untyped literals and NULLs fit both forms: a typed phrase picks the phrase form.
SELECT a AS assigned, mandate.task_status('Trong 30 ngày'::text, NULL, a, NULL, '2025-09-23') AS status
FROM (VALUES ('2025-09-01'::date), ('2025-05-01')) AS t(a);
SELECT mandate.status_counts('Trong 30 ngày'::text, NULL, a, NULL, '2025-09-23') ->> 'overdue' AS overdue,
       mandate.status_counts('Trong 30 ngày'::text, NULL, a, NULL, '2025-09-23') ->> 'in_progress' AS in_progress
FROM (VALUES ('2025-09-01'::date), ('2025-05-01')) AS t(a);
SELECT mandate.status_counts('Quý IV', y, '2024-01-15', NULL, '2025-09-23') ->> 'overdue' AS overdue,
       mandate.status_counts('Quý IV', y, '2024-01-15', NULL, '2025-09-23') ->> 'in_progress' AS in_progress
FROM (VALUES (2024), (2026), (NULL)) AS t(y);

-- working days and the lunar calendar
SELECT d, mandate.is_working_day(d) AS working
FROM (VALUES ('2025-01-27'::date), ('2025-01-29'), ('2025-02-03'), ('2025-04-30'),
             ('2025-09-01'), ('2025-09-02'), ('2025-09-06'), ('2025-09-08')) AS t(d);
SELECT mandate.add_working_days('2025-01-24', 1) AS after_tet,
       mandate.add_working_days('2025-02-03', -1) AS before,
       mandate.add_working_days('2025-09-06', 0) AS same_or_next;
SELECT * FROM mandate.lunar_date('2025-01-29');
SELECT * FROM mandate.lunar_date('2025-09-23');
SELECT (mandate.lunar_date('2020-05-23')).*;

-- errors carry the library's message; no crash
SELECT mandate.add_working_days('2200-12-30', 10);
SELECT mandate.is_working_day('infinity');
SELECT mandate.task_status('2025-09-30'::date, NULL, NULL, '2025-09-23', -1);
SELECT mandate.task_status('2025-09-30'::date, '2025-01-01', '2025-06-01', '2025-09-23');
SELECT mandate.lunar_date('1800-01-01');
