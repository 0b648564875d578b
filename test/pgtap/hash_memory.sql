-- Hash aggregation with the lane aggregates: memory depends on the number
-- of groups, not of rows, because each row updates its group's state in
-- place, and a hash aggregate that spills to disk at work_mem = 64kB gives
-- the same result.  bench/run makes the same checks at 1M and 10M rows.
BEGIN;
SELECT plan(11);

-- day, lane and account repeat with a period of 17,520 rows, so every
-- table from 17,520 rows up has the same 17,520 groups.
CREATE TABLE grouped_rows (
    day integer,
    lane text,
    account integer,
    cost numeric,
    cost_f8 double precision,
    tokens bigint,
    tokens_num numeric
);
INSERT INTO grouped_rows
SELECT i % 365,
       (ARRAY['cloud-api', 'self-hosted-gpu', 'colo-gpu'])[1 + i % 3],
       i % 16,
       round((i % 9973 - 400) / 97.0, i % 13),
       round((i % 9973 - 400) / 97.0, i % 13)::float8,
       i * 7919 % 1000003,
       (i * 7919 % 1000003) / 8.0
  FROM generate_series(1, 150000) AS i;
CREATE TABLE grouped_rows_small AS SELECT * FROM grouped_rows LIMIT 50000;
ANALYZE grouped_rows;
ANALYZE grouped_rows_small;

CREATE FUNCTION pg_temp.grouping_query(table_name text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('SELECT day, lane, account,
                          tokcost.lane_sum(lane, cost, tokens_num)::text AS total,
                          tokcost.lane_cost_per_mtok(lane, cost_f8, tokens) AS per_mtok,
                          sum(cost) AS cost_sum
                     FROM %I GROUP BY day, lane, account', table_name)
$$;

-- The executor's figures for the query's hash aggregate: the top plan node.
CREATE FUNCTION pg_temp.hash_plan(table_name text) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON, TIMING OFF) ' || pg_temp.grouping_query(table_name)
       INTO plan;
    RETURN plan -> 0 -> 'Plan';
END
$$;

-- count(*) over the same grouping: its peak is the hash table itself,
-- whose bucket array the planner's estimate of the groups sizes.
CREATE FUNCTION pg_temp.count_plan(table_name text) RETURNS json
LANGUAGE plpgsql AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE format('EXPLAIN (ANALYZE, FORMAT JSON, TIMING OFF)
                    SELECT day, lane, account, count(*) FROM %I GROUP BY day, lane, account',
                   table_name)
       INTO plan;
    RETURN plan -> 0 -> 'Plan';
END
$$;

CREATE FUNCTION pg_temp.result_digest(table_name text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    digest text;
BEGIN
    EXECUTE format('SELECT md5(string_agg(concat_ws(''|'', day, lane, account, total, per_mtok, cost_sum),
                                          E''\n'' ORDER BY day, lane, account))
                      FROM (%s) AS r', pg_temp.grouping_query(table_name))
       INTO digest;
    RETURN digest;
END
$$;

SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL enable_sort = off;
SET LOCAL work_mem = '256MB';
CREATE TEMP TABLE in_memory AS
SELECT pg_temp.hash_plan('grouped_rows_small') AS small,
       pg_temp.hash_plan('grouped_rows') AS large,
       pg_temp.count_plan('grouped_rows_small') AS small_count,
       pg_temp.count_plan('grouped_rows') AS large_count,
       pg_temp.result_digest('grouped_rows') AS digest;

SELECT is((SELECT large ->> 'Strategy' FROM in_memory), 'Hashed',
          'the plan is a hash aggregate');
SELECT is((SELECT (large ->> 'HashAgg Batches')::integer FROM in_memory), 1,
          'at 256MB the groups fit in memory');
SELECT is((SELECT (large ->> 'Actual Rows')::integer FROM in_memory), 17520,
          'both tables have 17,520 groups');
SELECT is((SELECT (small ->> 'Actual Rows')::integer FROM in_memory), 17520,
          'the small table has every group');
SELECT cmp_ok((SELECT ((large ->> 'Peak Memory Usage')::numeric - (large_count ->> 'Peak Memory Usage')::numeric)
                      / ((small ->> 'Peak Memory Usage')::numeric - (small_count ->> 'Peak Memory Usage')::numeric)
                 FROM in_memory),
              '<=', 1.05, 'three times the rows take no more state memory');
SELECT cmp_ok((SELECT (large ->> 'Peak Memory Usage')::numeric FROM in_memory),
              '<', 17520 * 2.0, 'under 2 kB of hash memory per group');

SET LOCAL work_mem = '64kB';
CREATE TEMP TABLE spilled AS
SELECT pg_temp.hash_plan('grouped_rows') AS large,
       pg_temp.result_digest('grouped_rows') AS digest;

SELECT is((SELECT large ->> 'Strategy' FROM spilled), 'Hashed',
          'at 64kB the plan is still a hash aggregate');
SELECT cmp_ok((SELECT (large ->> 'HashAgg Batches')::integer FROM spilled), '>', 1,
              'at 64kB the hash aggregate spills into batches');
SELECT cmp_ok((SELECT (large ->> 'Disk Usage')::integer FROM spilled), '>', 0,
              'at 64kB the hash aggregate writes to disk');
SELECT is((SELECT digest FROM spilled), (SELECT digest FROM in_memory),
          'the spilled result equals the in-memory one');

RESET work_mem;
SELECT is((SELECT count(*) FROM (
              SELECT day, lane, account,
                     tokcost.cost(tokcost.lane_sum(lane, cost, tokens_num))::text AS lane_cost,
                     sum(cost)::text AS plain_cost
                FROM grouped_rows GROUP BY day, lane, account) AS t
            WHERE lane_cost IS DISTINCT FROM plain_cost),
          0::bigint, 'every group''s cost equals sum()');

SELECT * FROM finish();
ROLLBACK;
