-- The lane aggregates give the same exact totals in every plan that the
-- settings below force: parallel workers without the leader, sorted
-- grouping with work_mem at 64kB (the sort spills to disk), and hashed
-- grouping with work_mem at 64kB (the hash table spills to disk, so the
-- states are written out and read back).  The reference is SQL's own
-- sum() and count(), compared as text so that the display scale counts.
BEGIN;
SET LOCAL search_path = public;

CREATE TABLE plan_rows (charge_day date, x_tokensource text, billing_currency text,
                        cost numeric, tokens bigint);
-- 120,000 rows in 3,000 groups; costs of several scales, credits, NULLs,
-- and some values too large for 128 bits, so the numeric path runs too.
INSERT INTO plan_rows
SELECT date '2026-01-01' + (i % 1000),
       (ARRAY['cloud-api', 'self-hosted-gpu', 'colo-gpu'])[1 + i % 3],
       'USD',
       CASE WHEN i % 97 = 0 THEN NULL
            WHEN i % 1009 = 0 THEN 1e40 + i
            WHEN i % 13 = 0 THEN -(i % 500) / 100.0
            ELSE (i % 7919) / 1000.0 END,
       CASE WHEN i % 89 = 0 THEN NULL ELSE (i % 100000) * 1000 END
  FROM generate_series(1, 120000) i;
ANALYZE plan_rows;

-- A regular table, not a temporary one, so that the plan may scan it in
-- parallel workers too.
CREATE TABLE plan_reference AS
SELECT charge_day, x_tokensource, sum(cost)::text AS cost, sum(tokens)::text AS tokens,
       count(*) AS row_count
  FROM plan_rows GROUP BY 1, 2;

-- The rows of the lane_sum query that differ from the reference.
CREATE FUNCTION pg_temp.mismatch_query() RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT 'SELECT count(*) FROM (
                SELECT charge_day, x_tokensource,
                       tokcost.lane_sum(x_tokensource, cost, tokens, billing_currency) AS total
                  FROM plan_rows GROUP BY 1, 2) t
              FULL JOIN plan_reference r USING (charge_day, x_tokensource)
             WHERE r.charge_day IS NULL OR t.charge_day IS NULL
                OR tokcost.cost(t.total)::text IS DISTINCT FROM r.cost
                OR tokcost.tokens(t.total)::text IS DISTINCT FROM r.tokens
                OR tokcost.rows(t.total) <> r.row_count'
$$;

CREATE FUNCTION pg_temp.mismatches() RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    result bigint;
BEGIN
    EXECUTE pg_temp.mismatch_query() INTO result;
    RETURN result;
END
$$;

-- The plan of that query, as EXPLAIN ANALYZE prints it.
CREATE FUNCTION pg_temp.plan() RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    line text;
    result text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ' || pg_temp.mismatch_query()
    LOOP
        result := result || line || E'\n';
    END LOOP;
    RETURN result;
END
$$;

SELECT plan(10);

-- Serial, default settings.
SELECT is(pg_temp.mismatches(), 0::bigint, 'serial plan equals sum() and count()');

-- Parallel workers alone, the leader only combining their states.
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SELECT matches(pg_temp.plan(), 'Partial .*Aggregate', 'the plan aggregates in parallel workers');
SELECT matches(pg_temp.plan(), 'Workers Launched: [1-9]', 'parallel workers run the plan');
SELECT is(pg_temp.mismatches(), 0::bigint, 'parallel plan without the leader equals sum() and count()');
RESET parallel_leader_participation;

-- Sorted grouping with a sort that spills.
SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL enable_hashagg = off;
SET LOCAL work_mem = '64kB';
SELECT matches(pg_temp.plan(), 'GroupAggregate', 'the plan groups by sorting');
SELECT matches(pg_temp.plan(), 'external merge|Disk', 'the sort spills to disk at 64kB');
SELECT is(pg_temp.mismatches(), 0::bigint, 'sorted grouping at 64kB equals sum() and count()');

-- Hashed grouping whose hash table spills.
SET LOCAL enable_hashagg = on;
SET LOCAL enable_sort = off;
SET LOCAL hash_mem_multiplier = 1;
SELECT matches(pg_temp.plan(), 'HashAggregate', 'the plan groups by hashing');
SELECT matches(pg_temp.plan(), 'Batches: ([2-9]|[1-9][0-9]+)', 'the hash table spills to disk at 64kB');
SELECT is(pg_temp.mismatches(), 0::bigint, 'hashed grouping at 64kB equals sum() and count()');

SELECT * FROM finish();
ROLLBACK;
