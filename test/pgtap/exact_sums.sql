-- A million cost rows: the lane aggregates equal PostgreSQL's own sum() to
-- the last digit, and parallel plans give the serial result.
BEGIN;
SELECT plan(14);

SELECT setseed(0.42);
CREATE TABLE million_rows (
    id bigint,
    day date,
    lane text,
    cost numeric,
    tokens bigint,
    tokens_fraction numeric
);
INSERT INTO million_rows
SELECT i,
       date '2026-01-01' + (i % 365)::int,
       (ARRAY['cloud-api', 'self-hosted-gpu', 'colo-gpu'])[1 + (i % 3)::int],
       -- up to 12 decimal places, some credits, a few large amounts
       round(((random() - 0.05) * CASE WHEN i % 1000 = 0 THEN 1e9 ELSE 100 END)::numeric,
             (random() * 12)::int),
       (random() * 2000000)::bigint,
       round((random() * 5000)::numeric, 3)
  FROM generate_series(1, 1000000) i;
ANALYZE million_rows;

SELECT is((SELECT count(*) FROM (
              SELECT lane, tokcost.lane_sum(lane, cost, tokens) AS total,
                     sum(cost) AS cost_sum, sum(tokens) AS tokens_sum, count(*) AS n
                FROM million_rows GROUP BY lane) t
            WHERE tokcost.cost(total)::text = cost_sum::text
              AND tokcost.tokens(total) = tokens_sum
              AND tokcost.rows(total) = n),
          3::bigint, 'cost sums of a million rows equal sum() digit for digit, per lane');

SELECT is((SELECT count(*) FROM (
              SELECT day, lane, tokcost.lane_sum(lane, cost, tokens_fraction) AS total,
                     sum(cost) AS cost_sum, sum(tokens_fraction) AS tokens_sum
                FROM million_rows GROUP BY day, lane) t
            WHERE tokcost.cost(total)::text IS DISTINCT FROM cost_sum::text
               OR tokcost.tokens(total)::text IS DISTINCT FROM tokens_sum::text),
          0::bigint, 'per day and lane, no cost or fractional token sum differs from sum()');

SELECT is((SELECT count(*) FROM (
              SELECT lane, tokcost.lane_cost_per_mtok(lane, cost, tokens) AS per_mtok,
                     sum(cost) / sum(tokens) * 1000000 AS expected
                FROM million_rows GROUP BY lane) t
            WHERE per_mtok = expected AND per_mtok::text = expected::text),
          3::bigint, 'lane_cost_per_mtok equals sum(cost) / sum(tokens) * 1,000,000');

SELECT is((SELECT count(*) FROM (
              SELECT lane, tokcost.lane_sum(lane, cost::float8, tokens) AS total,
                     sum(cost::float8::numeric) AS expected
                FROM million_rows GROUP BY lane) t
            WHERE tokcost.cost(total)::text = expected::text),
          3::bigint, 'float8 costs sum exactly as their numeric casts do');

-- Serial results, to compare the parallel ones with.
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE serial_by_day AS
SELECT day, lane, tokcost.lane_sum(lane, cost, tokens)::text AS total,
       tokcost.lane_cost_per_mtok(lane, cost, tokens) AS per_mtok
  FROM million_rows GROUP BY day, lane;
CREATE TABLE serial_by_lane AS
SELECT lane, tokcost.lane_sum(lane, cost, tokens)::text AS total
  FROM million_rows GROUP BY lane;
CREATE TABLE serial_first_rows AS
SELECT lane, tokcost.lane_sum(lane, cost, tokens)::text AS total
  FROM million_rows WHERE id <= 100 GROUP BY lane;

-- The same queries with four workers.  pgTAP's functions are parallel
-- unsafe, so each query runs on its own and its result is compared after.
CREATE FUNCTION pg_temp.analyzed_plan(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || query LOOP
        plan := plan || line || E'\n';
    END LOOP;
    RETURN plan;
END
$$;

CREATE FUNCTION pg_temp.plan(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
        plan := plan || line || E'\n';
    END LOOP;
    RETURN plan;
END
$$;

SET LOCAL max_parallel_workers_per_gather = 4;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
ALTER TABLE million_rows SET (parallel_workers = 4);

SELECT matches(pg_temp.analyzed_plan($$SELECT day, lane, tokcost.lane_sum(lane, cost, tokens) FROM million_rows GROUP BY day, lane$$),
               'Workers Launched: [1-9].*Partial', 'grouping by day and lane runs as a parallel partial aggregate');
CREATE TABLE parallel_by_day AS
SELECT day, lane, tokcost.lane_sum(lane, cost, tokens)::text AS total,
       tokcost.lane_cost_per_mtok(lane, cost, tokens) AS per_mtok
  FROM million_rows GROUP BY day, lane;
CREATE TABLE parallel_by_lane AS
SELECT lane, tokcost.lane_sum(lane, cost, tokens)::text AS total
  FROM million_rows GROUP BY lane;
CREATE TABLE parallel_first_rows AS
SELECT lane, tokcost.lane_sum(lane, cost, tokens)::text AS total
  FROM million_rows WHERE id <= 100 GROUP BY lane;

SELECT is((SELECT count(*) FROM parallel_by_day p FULL JOIN serial_by_day s USING (day, lane)
            WHERE p.total IS DISTINCT FROM s.total OR p.per_mtok IS DISTINCT FROM s.per_mtok),
          0::bigint, 'by day and lane, 4 workers give the serial answer');
SELECT is((SELECT count(*) FROM parallel_by_day), 1095::bigint, 'every day and lane has a group');
SELECT is((SELECT count(*) FROM parallel_by_lane p FULL JOIN serial_by_lane s USING (lane)
            WHERE p.total IS DISTINCT FROM s.total),
          0::bigint, 'by lane, 4 workers give the serial answer');
SELECT is((SELECT count(*) FROM parallel_first_rows p FULL JOIN serial_first_rows s USING (lane)
            WHERE p.total IS DISTINCT FROM s.total),
          0::bigint, 'when most workers read no matching rows, the answer is the serial one');

-- A one-page table: at most one process reads rows, the others send no state.
CREATE TABLE ten_rows AS SELECT * FROM million_rows WHERE id <= 10;
ALTER TABLE ten_rows SET (parallel_workers = 4);
SELECT matches(pg_temp.analyzed_plan($$SELECT tokcost.lane_sum(lane, cost, tokens) FROM ten_rows WHERE lane = 'cloud-api'$$),
               'Workers Launched: [1-9]', 'the one-page table is read by a parallel plan');
CREATE TABLE ten_rows_parallel AS
SELECT tokcost.lane_sum(lane, cost, tokens)::text AS total FROM ten_rows WHERE lane = 'cloud-api';
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT is((SELECT total FROM ten_rows_parallel),
          (SELECT tokcost.lane_sum(lane, cost, tokens)::text FROM ten_rows WHERE lane = 'cloud-api'),
          'workers that read nothing leave the total alone');

-- Two single-lane partitions, one per worker and none for the leader, so
-- the lanes meet only when the leader combines the workers' states.
CREATE TABLE lane_partitions (lane text, cost numeric, tokens bigint) PARTITION BY LIST (lane);
CREATE TABLE lane_partition_cloud PARTITION OF lane_partitions FOR VALUES IN ('cloud-api');
CREATE TABLE lane_partition_colo PARTITION OF lane_partitions FOR VALUES IN ('colo-gpu');
INSERT INTO lane_partitions
SELECT lane, cost, tokens FROM million_rows WHERE lane IN ('cloud-api', 'colo-gpu') AND id <= 600000;
ANALYZE lane_partitions;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SET LOCAL min_parallel_table_scan_size = '1GB';
SET LOCAL enable_partitionwise_aggregate = off;

CREATE FUNCTION pg_temp.blend_error_context() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    context text;
BEGIN
    PERFORM tokcost.lane_sum(lane, cost, tokens) FROM lane_partitions;
    RETURN 'no error';
EXCEPTION WHEN SQLSTATE 'TC001' THEN
    GET STACKED DIAGNOSTICS context = PG_EXCEPTION_CONTEXT;
    RETURN coalesce(context, '');
END
$$;

SELECT matches(pg_temp.plan($$SELECT tokcost.lane_sum(lane, cost, tokens) FROM lane_partitions$$),
               'Workers Planned: 2.*Partial Aggregate.*Parallel Append.*Seq Scan on lane_partition_cloud.*Seq Scan on lane_partition_colo',
               'the partitions are read by two workers under one parallel append');
SELECT doesnt_match(pg_temp.blend_error_context(), 'parallel worker',
              'leader combine raises the blend error');
SELECT throws_ok($$SELECT tokcost.lane_cost_per_mtok(lane, cost, tokens) FROM lane_partitions$$,
                 'TC001', NULL, 'lane_cost_per_mtok raises the same error');

SELECT * FROM finish();
ROLLBACK;
