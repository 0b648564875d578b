-- Catalog facts: every object has a comment, every function states its
-- volatility and parallel safety truthfully, and names stay unlike the
-- built-in aggregates that distributed planners special-case.
BEGIN;
SELECT plan(11);

CREATE TEMP VIEW tokcost_objects AS
SELECT d.classid, d.objid, pg_describe_object(d.classid, d.objid, 0) AS object
  FROM pg_depend d
  JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
 WHERE e.extname = 'tokcost' AND d.deptype = 'e';

SELECT is(ARRAY(SELECT object FROM tokcost_objects o
                 WHERE obj_description(o.objid, (SELECT relname FROM pg_class WHERE oid = o.classid)) IS NULL
                   AND o.classid <> 'pg_type'::regclass  -- the array type of lane_total
                 ORDER BY 1),
          ARRAY[]::text[], 'every extension object has a comment');
SELECT is((SELECT count(*) FROM tokcost_objects WHERE classid = 'pg_type'::regclass
            AND obj_description(objid, 'pg_type') IS NULL
            AND objid <> 'tokcost._lane_total'::regtype), 0::bigint, 'every type has a comment');
SELECT is((SELECT count(*) FROM tokcost_objects o JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND p.oid = o.objid
            WHERE p.prokind = 'a'), 25::bigint,
          'six argument type pairs of two aggregates, with and without currency, and the rollup');

SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'tokcost'::regnamespace
                   AND p.provolatile = 'i'
                   AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql')
                 ORDER BY 1),
          ARRAY[]::text[], 'no PL/pgSQL function, all of which read tables, claims to be immutable');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'tokcost'::regnamespace
                   AND p.proname IN ('api_rate', 'api_cost_by_model')
                   AND p.provolatile <> 's'
                 ORDER BY 1),
          ARRAY[]::text[], 'the price lookups are stable');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'tokcost'::regnamespace
                   AND p.proparallel <> 's'
                   AND p.proname NOT IN ('import_price_map', 'api_price_check_overlap',
                                         'load_focus_csv', 'change_gpu_node_rate',
                                         'convert_gpu_counters', 'gpu_node_guard',
                                         'gpu_node_rate_guard', 'partition_lane_totals')
                 ORDER BY 1),
          ARRAY[]::text[], 'every function but the writers and the foreign-table reader is parallel safe');
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'tokcost'::regnamespace AND p.prosecdef
                 ORDER BY 1),
          ARRAY[]::text[], 'no function is SECURITY DEFINER');
SELECT is(ARRAY(SELECT a.aggfnoid::regprocedure::text FROM pg_aggregate a
                  JOIN pg_proc p ON p.oid = a.aggfnoid
                 WHERE p.pronamespace = 'tokcost'::regnamespace
                   AND (a.aggcombinefn = 0 OR a.aggtranstype = 'internal'::regtype OR p.proparallel <> 's')
                 ORDER BY 1),
          ARRAY[]::text[], 'every aggregate has a combine function, a real state type and is parallel safe');
SELECT is(ARRAY(SELECT DISTINCT p.proname::text FROM pg_proc p
                 WHERE p.pronamespace = 'tokcost'::regnamespace AND p.prokind = 'a'
                   AND p.proname IN ('sum', 'avg', 'min', 'max', 'count')),
          ARRAY[]::text[], 'no aggregate is named like a built-in');

SELECT is(ARRAY(SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                  FROM pg_class c
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE c.relnamespace = 'tokcost'::regnamespace AND c.relkind = 'v'
                   AND a.atttypid NOT IN ('text'::regtype, 'numeric'::regtype, 'bigint'::regtype,
                                          'date'::regtype, 'timestamptz'::regtype)
                 ORDER BY 1),
          ARRAY[]::text[], 'every view column is text, numeric, bigint, date or timestamptz, for BI tools');
SELECT is(ARRAY(SELECT c.oid::regclass::text FROM pg_class c
                 WHERE c.relnamespace = 'tokcost'::regnamespace AND c.relkind = 'r'
                   AND c.relname NOT IN ('focus_column', 'focus_value')
                   AND NOT c.oid = ANY ((SELECT extconfig FROM pg_extension WHERE extname = 'tokcost')::oid[])
                 ORDER BY 1),
          ARRAY[]::text[], 'pg_dump keeps the rows of every table of user data');

SELECT * FROM finish();
ROLLBACK;
