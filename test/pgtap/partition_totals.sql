-- partition_lane_totals and partition_lane_totals_query on one server:
-- local partitions, sub-partitions, plain tables, filters, quoted names and
-- the errors.  test/scripts/scale_out.sh runs them on foreign partitions.
BEGIN;
SELECT plan(28);

-- An update from 1.0 adds both functions to the extension.
DROP EXTENSION tokcost;
CREATE EXTENSION tokcost VERSION '1.0';
SELECT hasnt_function('tokcost', 'partition_lane_totals', '1.0 has no partition_lane_totals');
ALTER EXTENSION tokcost UPDATE TO '1.1';
SELECT is(ARRAY(SELECT pg_describe_object(d.classid, d.objid, 0) FROM pg_depend d
                 WHERE d.refclassid = 'pg_extension'::regclass
                   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tokcost')
                   AND d.deptype = 'e'
                   AND pg_describe_object(d.classid, d.objid, 0) LIKE 'function tokcost.partition_lane_totals%'
                 ORDER BY 1),
          ARRAY['function tokcost.partition_lane_totals(regclass,name,name,name,name,text)',
                'function tokcost.partition_lane_totals_query(regclass,name,name,name,name,text)'],
          'the update to 1.1 adds both functions to the extension');
SELECT is((SELECT extversion FROM pg_extension WHERE extname = 'tokcost'), '1.1',
          'the update reaches 1.1');

CREATE SCHEMA "Cost Data";
CREATE TABLE "Cost Data"."Usage Rows" (
    id bigint,
    charge_day date,
    "Lane Tag" varchar(40),
    currency text,
    cost numeric,
    tokens bigint
) PARTITION BY RANGE (charge_day);
CREATE TABLE "Cost Data".usage_2026_11 PARTITION OF "Cost Data"."Usage Rows"
    FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE "Cost Data".usage_2026_12 PARTITION OF "Cost Data"."Usage Rows"
    FOR VALUES FROM ('2026-12-01') TO ('2027-01-01') PARTITION BY HASH (id);
CREATE TABLE "Cost Data".usage_2026_12_h0 PARTITION OF "Cost Data".usage_2026_12
    FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE "Cost Data".usage_2026_12_h1 PARTITION OF "Cost Data".usage_2026_12
    FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO "Cost Data"."Usage Rows"
SELECT i, date '2026-11-01' + (i % 61)::int,
       (ARRAY['cloud-api', 'colo-gpu'])[1 + (i % 2)::int],
       (ARRAY['USD', 'USD', 'EUR'])[1 + (i % 3)::int],
       round(i * 0.0137, (i % 5)::int), i * 1000
  FROM generate_series(1::bigint, 3000) i;

CREATE TEMP VIEW lane_totals AS
SELECT * FROM tokcost.partition_lane_totals('"Cost Data"."Usage Rows"', 'Lane Tag', 'cost', 'tokens');

SELECT is(ARRAY(SELECT DISTINCT partition::text FROM lane_totals ORDER BY 1),
          ARRAY['"Cost Data".usage_2026_11', '"Cost Data".usage_2026_12_h0',
                '"Cost Data".usage_2026_12_h1'],
          'totals for every leaf partition');
SELECT is((SELECT count(*) FROM lane_totals), 6::bigint,
          'one total per partition and lane');
SELECT ok((SELECT bool_and(tokcost.lane(total) = lane AND currency IS NULL) FROM lane_totals),
          'lane set, currency NULL');
SELECT is((SELECT sum(tokcost.rows(total)) FROM lane_totals), 3000::numeric,
          'every row counted once');
SELECT is(ARRAY(SELECT format('%s %s', lane, tokcost.lane_sum(total)) FROM lane_totals
                 GROUP BY lane ORDER BY lane),
          ARRAY(SELECT format('%s %s', "Lane Tag", tokcost.lane_sum("Lane Tag", cost, tokens))
                  FROM "Cost Data"."Usage Rows" GROUP BY "Lane Tag" ORDER BY 1),
          'rollup by lane equals lane_sum');
SELECT throws_ok($$SELECT tokcost.lane_sum(total) FROM lane_totals$$,
                 'TC001', 'cannot blend lane "cloud-api" with lane "colo-gpu"',
                 'rollup without lane raises TC001');

-- With a currency column: lane and currency groups, and the currency is
-- checked inside each total.
SELECT is(ARRAY(SELECT format('%s %s %s', lane, currency, tokcost.lane_sum(total))
                  FROM tokcost.partition_lane_totals('"Cost Data"."Usage Rows"', 'Lane Tag',
                                                     'cost', 'tokens', 'currency')
                 GROUP BY lane, currency ORDER BY 1),
          ARRAY(SELECT format('%s %s %s', "Lane Tag", currency,
                              tokcost.lane_sum("Lane Tag", cost, tokens, currency))
                  FROM "Cost Data"."Usage Rows" GROUP BY "Lane Tag", currency ORDER BY 1),
          'rollup by lane and currency equals lane_sum');
SELECT throws_ok($$SELECT tokcost.lane_sum(total)
                     FROM tokcost.partition_lane_totals('"Cost Data"."Usage Rows"', 'Lane Tag',
                                                        'cost', 'tokens', 'currency')
                    WHERE lane = 'cloud-api'$$,
                 'TC001', NULL,
                 'rollup without currency raises TC001');

-- A row filter selects rows in every partition.
SELECT is(ARRAY(SELECT format('%s %s', lane, tokcost.lane_sum(total))
                  FROM tokcost.partition_lane_totals('"Cost Data"."Usage Rows"', 'Lane Tag',
                                                     'cost', 'tokens',
                                                     row_filter => $$charge_day >= '2026-11-20' AND cost > 10$$)
                 GROUP BY lane ORDER BY lane),
          ARRAY(SELECT format('%s %s', "Lane Tag", tokcost.lane_sum("Lane Tag", cost, tokens))
                  FROM "Cost Data"."Usage Rows"
                 WHERE charge_day >= '2026-11-20' AND cost > 10
                 GROUP BY "Lane Tag" ORDER BY 1),
          'row filter applies to every partition');
SELECT is((SELECT count(*)
             FROM tokcost.partition_lane_totals('"Cost Data"."Usage Rows"', 'Lane Tag',
                                                'cost', 'tokens', row_filter => 'false')),
          0::bigint, 'filter matching nothing gives no totals');

-- Tables that are not partitioned, and partitioned tables without leaves.
CREATE TABLE plain_rows AS SELECT * FROM "Cost Data"."Usage Rows";
SELECT is(ARRAY(SELECT format('%s %s %s', partition, lane, total)
                  FROM tokcost.partition_lane_totals('plain_rows', 'Lane Tag', 'cost', 'tokens')
                 ORDER BY lane),
          ARRAY(SELECT format('plain_rows %s %s', "Lane Tag", tokcost.lane_sum("Lane Tag", cost, tokens))
                  FROM plain_rows GROUP BY "Lane Tag" ORDER BY 1),
          'plain table is its own partition');
CREATE TABLE no_leaves (LIKE plain_rows) PARTITION BY LIST (currency);
SELECT is((SELECT count(*) FROM tokcost.partition_lane_totals('no_leaves', 'Lane Tag', 'cost', 'tokens')),
          0::bigint, 'table without partitions gives no totals');

-- The query text: qualified names, so it runs under any search_path.
SELECT matches(tokcost.partition_lane_totals_query('"Cost Data"."Usage Rows"', 'Lane Tag', 'cost', 'tokens'),
               'FROM "Cost Data".usage_2026_11 GROUP BY 2 UNION ALL ',
               'query names leaves with their schema');
SELECT is((SELECT count(*) FROM regexp_matches(
              tokcost.partition_lane_totals_query('"Cost Data"."Usage Rows"', 'Lane Tag', 'cost', 'tokens'),
              'tokcost\.lane_sum\("Lane Tag", cost, tokens\)', 'g')),
          3::bigint, 'one lane_sum per leaf, names quoted');
CREATE FUNCTION pg_temp.run_query(query text) RETURNS SETOF record
LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY EXECUTE query; END $$;
SET LOCAL search_path = '';
CREATE TEMP TABLE empty_path_totals AS
SELECT t.*
  FROM pg_temp.run_query(tokcost.partition_lane_totals_query(
           '"Cost Data"."Usage Rows"', 'Lane Tag', 'cost', 'tokens'))
       AS t (partition pg_catalog.regclass, lane pg_catalog.text,
             currency pg_catalog.text, total tokcost.lane_total);
RESET search_path;
SELECT is((SELECT count(*) FROM empty_path_totals), 6::bigint,
          'query runs with empty search_path');

-- Volatility and parallel safety.
SELECT is((SELECT format('%s %s', p.provolatile, p.proparallel) FROM pg_proc p
            WHERE p.oid = 'tokcost.partition_lane_totals(regclass, name, name, name, name, text)'::regprocedure),
          's r', 'partition_lane_totals stable, parallel restricted');
SELECT is((SELECT format('%s %s', p.provolatile, p.proparallel) FROM pg_proc p
            WHERE p.oid = 'tokcost.partition_lane_totals_query(regclass, name, name, name, name, text)'::regprocedure),
          's s', 'partition_lane_totals_query stable, parallel safe');

-- Errors.
SELECT throws_ok($$SELECT * FROM tokcost.partition_lane_totals(NULL, 'Lane Tag', 'cost', 'tokens')$$,
                 '22004', 'cost_table must not be null', 'NULL table rejected');
SELECT throws_ok($$SELECT * FROM tokcost.partition_lane_totals('plain_rows', NULL, 'cost', 'tokens')$$,
                 '22004', 'lane_column must not be null', 'NULL lane column rejected');
SELECT throws_ok($$SELECT * FROM tokcost.partition_lane_totals('plain_rows', 'Lane Tag', NULL, 'tokens')$$,
                 '22004', 'cost_column must not be null', 'NULL cost column rejected');
SELECT throws_ok($$SELECT * FROM tokcost.partition_lane_totals('plain_rows', 'Lane Tag', 'cost', NULL)$$,
                 '22004', 'tokens_column must not be null', 'NULL tokens column rejected');
CREATE VIEW plain_view AS SELECT * FROM plain_rows;
SELECT throws_ok($$SELECT * FROM tokcost.partition_lane_totals('plain_view', 'Lane Tag', 'cost', 'tokens')$$,
                 '42809', '"public.plain_view" is not a table', 'view rejected');
SELECT throws_ok($$SELECT * FROM tokcost.partition_lane_totals('plain_rows', 'lane"; DROP TABLE plain_rows; --', 'cost', 'tokens')$$,
                 '42703', NULL, 'column name quoted, not run');
SELECT has_table('plain_rows', 'table survives that column name');
INSERT INTO "Cost Data"."Usage Rows" VALUES (9999, '2026-12-05', NULL, 'USD', 1, 1);
SELECT throws_ok($$SELECT * FROM tokcost.partition_lane_totals('"Cost Data"."Usage Rows"', 'Lane Tag', 'cost', 'tokens')$$,
                 'TC001', 'cannot aggregate a row with a null lane',
                 'untagged row raises TC001');

SELECT * FROM finish();
ROLLBACK;
