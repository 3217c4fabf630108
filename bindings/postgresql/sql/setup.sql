-- The extension and its objects: names, argument lists, volatility, strictness and parallel labels.
CREATE EXTENSION mandate;
SELECT extname, extversion, n.nspname AS schema
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE extname = 'mandate';
SELECT mandate.library_version() ~ '^[0-9]+\.[0-9]+' AS has_version;
SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args, p.prokind,
       p.provolatile, p.proisstrict, p.proparallel, pg_get_function_result(p.oid) AS result
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'mandate' AND p.proname NOT LIKE '\_%'
ORDER BY 1, 2;
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggcombinefn <> 0 AS has_combine,
       a.aggserialfn <> 0 AS has_serial, a.aggdeserialfn <> 0 AS has_deserial,
       p.proparallel
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'mandate' ORDER BY 1::text;
