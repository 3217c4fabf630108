-- mandate 1.0: libmandate's deadline parser, agency resolver, classifier, calendar and report
-- as SQL. The names are an interface: extend, never rename.
\echo Use "CREATE EXTENSION mandate" to load this file. \quit

CREATE TYPE mandate.deadline AS (
  kind text,          -- the kinds of `mandate deadline`: date, before, month, quarter, ...
  due date,           -- NULL when the phrase gives no single due day
  first_due date,     -- open_ended: the first due day
  freq text,          -- recurring: weekly, monthly, quarterly, semiannual, yearly
  milestones date[],  -- multi: the milestones' due days
  error text          -- NULL, or why the phrase could not be read (kind is then 'unknown')
);

CREATE FUNCTION mandate.parse_deadline(phrase text, plan_year int DEFAULT NULL,
                                       assigned date DEFAULT NULL)
RETURNS mandate.deadline
AS 'MODULE_PATHNAME', 'mandate_parse_deadline'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION mandate.resolve_agencies(cell text, strict boolean DEFAULT true)
RETURNS text[]
AS 'MODULE_PATHNAME', 'mandate_resolve_agencies'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Not STRICT: a NULL due, completed or assigned day means "none"; a NULL as_of gives NULL.
CREATE FUNCTION mandate.task_status(due date, completed date, assigned date, as_of date,
                                    soon_days int DEFAULT 7)
RETURNS text
AS 'MODULE_PATHNAME', 'mandate_task_status'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- plan_year NULL: the assigned day's year, as the CSV reader.
CREATE FUNCTION mandate.task_status(deadline text, plan_year int, assigned date, completed date,
                                    as_of date, soon_days int DEFAULT 7)
RETURNS text
AS 'MODULE_PATHNAME', 'mandate_task_status_phrase'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- status_counts: a parallel aggregate. The transition state is internal (the counters and a
-- batch of rows the library classifies at once); partial states are 8 int64 counters.
CREATE FUNCTION mandate._status_counts_trans(internal, date, date, date, date)
RETURNS internal AS 'MODULE_PATHNAME', 'mandate_status_counts_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION mandate._status_counts_trans(internal, date, date, date, date, int)
RETURNS internal AS 'MODULE_PATHNAME', 'mandate_status_counts_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION mandate._status_counts_trans(internal, text, int, date, date, date)
RETURNS internal AS 'MODULE_PATHNAME', 'mandate_status_counts_phrase_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION mandate._status_counts_trans(internal, text, int, date, date, date, int)
RETURNS internal AS 'MODULE_PATHNAME', 'mandate_status_counts_phrase_trans'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION mandate._status_counts_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'mandate_status_counts_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION mandate._status_counts_serial(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'mandate_status_counts_serial'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mandate._status_counts_deserial(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'mandate_status_counts_deserial'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION mandate._status_counts_final(internal)
RETURNS jsonb AS 'MODULE_PATHNAME', 'mandate_status_counts_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- Aggregates take no DEFAULT arguments: soon_days = 7 is the form without it.
CREATE AGGREGATE mandate.status_counts(due date, completed date, assigned date, as_of date) (
  SFUNC = mandate._status_counts_trans, STYPE = internal, SSPACE = 100000,
  FINALFUNC = mandate._status_counts_final, FINALFUNC_MODIFY = READ_WRITE,
  COMBINEFUNC = mandate._status_counts_combine,
  SERIALFUNC = mandate._status_counts_serial, DESERIALFUNC = mandate._status_counts_deserial,
  PARALLEL = SAFE);
CREATE AGGREGATE mandate.status_counts(due date, completed date, assigned date, as_of date,
                                       soon_days int) (
  SFUNC = mandate._status_counts_trans, STYPE = internal, SSPACE = 100000,
  FINALFUNC = mandate._status_counts_final, FINALFUNC_MODIFY = READ_WRITE,
  COMBINEFUNC = mandate._status_counts_combine,
  SERIALFUNC = mandate._status_counts_serial, DESERIALFUNC = mandate._status_counts_deserial,
  PARALLEL = SAFE);
-- The phrase form (an extension of the interface): the deadline as written, classified as
-- `mandate aggregate` classifies it (recurring and multi-milestone deadlines too).
CREATE AGGREGATE mandate.status_counts(deadline text, plan_year int, assigned date,
                                       completed date, as_of date) (
  SFUNC = mandate._status_counts_trans, STYPE = internal, SSPACE = 100000,
  FINALFUNC = mandate._status_counts_final, FINALFUNC_MODIFY = READ_WRITE,
  COMBINEFUNC = mandate._status_counts_combine,
  SERIALFUNC = mandate._status_counts_serial, DESERIALFUNC = mandate._status_counts_deserial,
  PARALLEL = SAFE);
CREATE AGGREGATE mandate.status_counts(deadline text, plan_year int, assigned date,
                                       completed date, as_of date, soon_days int) (
  SFUNC = mandate._status_counts_trans, STYPE = internal, SSPACE = 100000,
  FINALFUNC = mandate._status_counts_final, FINALFUNC_MODIFY = READ_WRITE,
  COMBINEFUNC = mandate._status_counts_combine,
  SERIALFUNC = mandate._status_counts_serial, DESERIALFUNC = mandate._status_counts_deserial,
  PARALLEL = SAFE);

CREATE FUNCTION mandate.is_working_day(date) RETURNS boolean
AS 'MODULE_PATHNAME', 'mandate_is_working_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION mandate.add_working_days(date, int) RETURNS date
AS 'MODULE_PATHNAME', 'mandate_add_working_days'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION mandate.lunar_date(date, OUT year int, OUT month int, OUT day int,
                                   OUT leap_month boolean)
RETURNS record
AS 'MODULE_PATHNAME', 'mandate_lunar_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Runs tasks_query (columns named as the CSV dataset format) and returns `mandate report`'s
-- text for those rows. VOLATILE: it reads tables.
CREATE FUNCTION mandate.report(tasks_query text, as_of date, since date DEFAULT NULL,
                               format text DEFAULT 'md', lang text DEFAULT 'vi')
RETURNS text
AS 'MODULE_PATHNAME', 'mandate_report'
LANGUAGE C VOLATILE PARALLEL UNSAFE;

CREATE FUNCTION mandate.library_version() RETURNS text
AS 'MODULE_PATHNAME', 'mandate_library_version'
LANGUAGE C STABLE PARALLEL SAFE;
