-- Volatility audit: every tokcost function's volatility, strictness and
-- parallel marking, checked against a reviewed list and against what the
-- function does.  A function that reads a table or a setting must not be
-- IMMUTABLE, or an index, a generated column or a cached plan would freeze
-- its result.
--
-- A function added to the extension fails "every function is in the
-- reviewed list" until it is added to expected_marking below with its
-- marking, and a changed marking fails until the list is changed with it.
BEGIN;
SET LOCAL search_path = public;

CREATE TEMP TABLE expected_marking (
    signature text PRIMARY KEY,         -- regprocedure, as printed with
                                        -- search_path = public
    volatility text NOT NULL,           -- immutable, stable, volatile
    strictness text NOT NULL,           -- strict, called on null input
    parallel text NOT NULL,             -- safe, restricted, unsafe
    sample text                         -- an expression that calls it, or
                                        -- NULL for support functions that
                                        -- SQL cannot call
);

INSERT INTO expected_marking VALUES
    -- costing.sql: numeric arithmetic on the arguments alone
    ('tokcost.amortized_daily_cost(numeric,integer,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.amortized_daily_cost(300000, 36, 100)'),
    ('tokcost.power_daily_cost(numeric,numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.power_daily_cost(14, 1.5, 0.12)'),
    ('tokcost.node_daily_cost(numeric,integer,numeric,numeric,numeric,numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.node_daily_cost(300000, 36, 9.33, 1.5, 0.12, 25, 0)'),
    ('tokcost.cost_per_mtok(numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.cost_per_mtok(339.09, 150000000)'),
    ('tokcost.api_cost(numeric,numeric,numeric,numeric,numeric,numeric)', 'immutable', 'called on null input', 'safe',
     'tokcost.api_cost(1000000, 200000, 3.00, 15.00, 400000, 0.30)'),
    ('tokcost.tokens_per_day(numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.tokens_per_day(8680.56, 0.6)'),
    ('tokcost.utilization(numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.utilization(150000000, 750000000)'),
    ('tokcost.break_even_utilization(numeric,numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.break_even_utilization(339, 750000000, 0.80)'),
    -- lane_total.sql: the type's I/O, accessors and comparison read only
    -- their arguments; binary I/O converts to the client encoding
    ('tokcost.lane_total_in(cstring)', 'immutable', 'strict', 'safe',
     '''(cloud-api,USD,4.92,1600000,3)''::tokcost.lane_total'),
    ('tokcost.lane_total_out(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_out(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.lane_total_recv(internal)', 'stable', 'strict', 'safe', NULL),
    ('tokcost.lane_total_send(tokcost.lane_total)', 'stable', 'strict', 'safe',
     'tokcost.lane_total_send(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.lane(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.currency(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.currency(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.cost(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.cost(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.tokens(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.tokens(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.rows(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.rows(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.cost_per_mtok(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.cost_per_mtok(''(cloud-api,USD,4.92,1600000,3)''::tokcost.lane_total)'),
    ('tokcost.lane_total_cmp(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_cmp(''(a,,1.5,1,1)'', ''(a,,1.50,1,1)'')'),
    ('tokcost.lane_total_eq(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_eq(''(a,,1.5,1,1)'', ''(a,,1.50,1,1)'')'),
    ('tokcost.lane_total_ne(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_ne(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_lt(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_lt(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_le(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_le(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_gt(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_gt(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_ge(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_ge(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_hash(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_hash(''(a,USD,1.5,1,1)'')'),
    ('tokcost.lane_total_hash_extended(tokcost.lane_total,bigint)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_hash_extended(''(a,USD,1.5,1,1)'', 42)'),
    -- lane_agg.sql: aggregate support and the aggregates themselves
    ('tokcost.lane_total_combine(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_combine(''(a,USD,1.5,1,1)'', ''(a,USD,2,3,4)'')'),
    ('tokcost.lane_sum_final(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_sum_final(''(a,USD,1.5,1,1)'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,numeric)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::numeric)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,numeric,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::numeric, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,bigint)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::bigint)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,bigint,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::bigint, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,integer)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::integer)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,integer,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::integer, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,numeric)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::numeric)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,numeric,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::numeric, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,bigint)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::bigint)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,bigint,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::bigint, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,integer)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::integer)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,integer,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::integer, ''USD'')'),
    ('tokcost.lane_moving_accum(internal,text,"any","any")', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_accum(internal,text,"any","any",text)', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_discard(internal,text,"any","any")', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_discard(internal,text,"any","any",text)', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_cost_per_mtok(internal)', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_lane_sum(internal)', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_cost_per_mtok(text,numeric,numeric)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,numeric,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,bigint)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,bigint,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,integer)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,integer,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,numeric)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,numeric,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,bigint)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,bigint,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,integer)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,integer,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,numeric)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,numeric,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,bigint)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,bigint,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,integer)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,integer,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,numeric)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,numeric,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,bigint)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,bigint,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,integer)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,integer,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(tokcost.lane_total)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(x) FROM (VALUES (''(a,,1,1,1)''::tokcost.lane_total), (''(a,,2,2,2)'')) v (x))'),
    -- prices.sql: the lookups read tokcost.api_price; the importer and the
    -- trigger write or lock
    ('tokcost.api_price_check_overlap()', 'volatile', 'called on null input', 'unsafe', NULL),
    ('tokcost.import_price_map(jsonb,timestamp with time zone,text)', 'volatile', 'called on null input', 'unsafe', NULL),
    ('tokcost.api_rate(text,text,timestamp with time zone,text)', 'stable', 'called on null input', 'safe',
     'tokcost.api_rate(''audit-model'', ''input'', ''2026-03-01'')'),
    ('tokcost.api_cost_by_model(text,timestamp with time zone,numeric,numeric,numeric,text)', 'stable', 'called on null input', 'safe',
     'tokcost.api_cost_by_model(''audit-model'', ''2026-03-01'', 1000, 100)'),
    -- lane_total_add.sql (1.1): combine and canonical form, both immutable
    ('tokcost.lane_total_add(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     '(''(a,USD,1.5,1,1)''::tokcost.lane_total OPERATOR(tokcost.+) ''(a,USD,2,3,4)'')');

CREATE TEMP VIEW actual_marking AS
SELECT p.oid::regprocedure::text AS signature,
       CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END AS volatility,
       CASE WHEN p.proisstrict THEN 'strict' ELSE 'called on null input' END AS strictness,
       CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END AS parallel
  FROM pg_depend d
  JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
 WHERE d.refclassid = 'pg_extension'::regclass
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tokcost')
   AND d.deptype = 'e';

-- Reads of tables outside the catalogs in this transaction so far, from the
-- statistics that the backend keeps for its open transaction.
CREATE FUNCTION pg_temp.table_reads() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::bigint
      FROM pg_stat_xact_all_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
       AND schemaname NOT LIKE 'pg\_temp%' AND schemaname NOT LIKE 'pg\_toast\_temp%'
$$;

CREATE FUNCTION pg_temp.reads_during(expression text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    before bigint := pg_temp.table_reads();
BEGIN
    EXECUTE 'SELECT ' || expression;
    RETURN pg_temp.table_reads() - before;
END
$$;

-- The value of an expression under the settings given as name => value
-- pairs, which are restored afterwards.
CREATE FUNCTION pg_temp.value_under(expression text, settings text[]) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    saved text[] := '{}';
    result text;
    i int;
BEGIN
    FOR i IN 1 .. coalesce(array_length(settings, 1), 0) BY 2 LOOP
        saved := saved || ARRAY[settings[i], current_setting(settings[i])];
        PERFORM set_config(settings[i], settings[i + 1], true);
    END LOOP;
    EXECUTE 'SELECT (' || expression || ')::text' INTO result;
    FOR i IN 1 .. coalesce(array_length(saved, 1), 0) BY 2 LOOP
        PERFORM set_config(saved[i], saved[i + 1], true);
    END LOOP;
    RETURN result;
END
$$;

INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('audit', 'audit-model', 'input', 2, '2026-01-01'),
       ('audit', 'audit-model', 'output', 8, '2026-01-01');

SELECT plan((SELECT count(*)::int FROM expected_marking) + 12);

-- 1. The list and the extension name the same functions.
SELECT is(ARRAY(SELECT a.signature FROM actual_marking a
                 WHERE a.signature NOT IN (SELECT signature FROM expected_marking)
                 ORDER BY 1),
          ARRAY[]::text[],
          'every function is in the reviewed list (add each one listed here to expected_marking in test/pgtap/volatility.sql, with the marking its behaviour needs)');
SELECT is(ARRAY(SELECT e.signature FROM expected_marking e
                 WHERE e.signature NOT IN (SELECT signature FROM actual_marking)
                 ORDER BY 1),
          ARRAY[]::text[],
          'every function in the reviewed list exists');

-- 2. One check per function: its marking is the reviewed one.
SELECT is((SELECT format('%s, %s, parallel %s', a.volatility, a.strictness, a.parallel)
             FROM actual_marking a WHERE a.signature = e.signature),
          format('%s, %s, parallel %s', e.volatility, e.strictness, e.parallel),
          'marking of ' || e.signature)
  FROM expected_marking e
 ORDER BY e.signature;

-- 3. Behaviour: an immutable function reads no table ...
SELECT is(ARRAY(SELECT e.signature FROM expected_marking e
                 WHERE e.volatility = 'immutable' AND e.sample IS NOT NULL
                   AND pg_temp.reads_during(e.sample) > 0
                 ORDER BY 1),
          ARRAY[]::text[], 'no immutable function reads a table');
-- ... while the lookups do, which shows that the reads are seen.
SELECT ok(pg_temp.reads_during(sample) > 0, signature || ' reads a table')
  FROM expected_marking
 WHERE signature LIKE 'tokcost.api_rate(%' OR signature LIKE 'tokcost.api_cost_by_model(%'
 ORDER BY signature;

-- ... and gives the same value whatever the session's settings.
SELECT is(ARRAY(SELECT e.signature FROM expected_marking e
                 WHERE e.volatility = 'immutable' AND e.sample IS NOT NULL
                   AND pg_temp.value_under(e.sample, ARRAY['TimeZone', 'UTC', 'DateStyle', 'ISO, MDY',
                           'extra_float_digits', '1', 'client_encoding', 'UTF8', 'search_path', 'public'])
                       IS DISTINCT FROM
                       pg_temp.value_under(e.sample, ARRAY['TimeZone', 'Asia/Kathmandu', 'DateStyle', 'SQL, DMY',
                           'extra_float_digits', '-3', 'client_encoding', 'LATIN1', 'search_path', 'pg_catalog',
                           'IntervalStyle', 'sql_standard', 'lc_monetary', 'C'])
                 ORDER BY 1),
          ARRAY[]::text[], 'no immutable function depends on a setting');
-- lane_total_send is stable because its bytes follow client_encoding.
SELECT isnt(pg_temp.value_under($$tokcost.lane_total_send(('(caf' || chr(233) || ',,1,1,1)')::tokcost.lane_total)$$,
                                ARRAY['client_encoding', 'UTF8']),
            pg_temp.value_under($$tokcost.lane_total_send(('(caf' || chr(233) || ',,1,1,1)')::tokcost.lane_total)$$,
                                ARRAY['client_encoding', 'LATIN1']),
            'lane_total_send depends on client_encoding');

-- 4. A stable lookup returns a price that changed within the session, even
-- through a plan that PL/pgSQL caches and reuses.  Such a plan would have
-- folded an immutable call with constant arguments to a constant.
SET LOCAL plan_cache_mode = force_generic_plan;
CREATE FUNCTION pg_temp.audit_rate() RETURNS numeric
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN tokcost.api_rate('audit-model', 'input', '2026-03-01');
END
$$;
CREATE FUNCTION pg_temp.audit_cost() RETURNS numeric
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN tokcost.api_cost_by_model('audit-model', '2026-03-01', 1000000, 0);
END
$$;
SELECT is(pg_temp.audit_rate(), 2::numeric, 'api_rate before the price changes');
SELECT is(pg_temp.audit_cost(), 2::numeric, 'api_cost_by_model before the price changes');
UPDATE tokcost.api_price SET usd_per_mtok = 3
 WHERE model = 'audit-model' AND token_class = 'input';
SELECT is(pg_temp.audit_rate(), 3::numeric, 'api_rate sees the new price in the same session');
SELECT is(pg_temp.audit_cost(), 3::numeric, 'api_cost_by_model sees the new price in the same session');

-- 5. PostgreSQL itself rejects a stable lookup where only immutable
-- functions may go.
SELECT throws_ok($$CREATE TEMP TABLE audit_usage (model text, tokens numeric,
                       cost numeric GENERATED ALWAYS AS
                           (tokcost.api_cost_by_model(model, '2026-03-01', tokens, 0)) STORED)$$,
                 '42P17', NULL, 'a price lookup cannot be a generated column');

SELECT * FROM finish();
ROLLBACK;
