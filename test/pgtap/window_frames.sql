-- Window frames of the lane aggregates: every frame equals a fresh
-- aggregate over the same rows, and a sliding frame costs work linear in
-- the rows, because each row enters the frame once and leaves it once.
BEGIN;
SELECT plan(15);

-- Rows that exercise the moving state: NULL costs, NULL tokens, costs whose
-- scale rises and falls, values beyond 128 bits in both directions, credits,
-- and scales past the 62 that the moving state counts one by one.
CREATE TABLE frame_rows (n integer, lane text, cost numeric, tokens numeric);
INSERT INTO frame_rows
SELECT i, 'cloud-api',
       CASE WHEN i % 11 = 0 THEN NULL
            WHEN i % 37 = 0 THEN 1e40 + i
            WHEN i % 37 = 1 THEN -1e40 - 1.5
            WHEN i % 53 = 0 THEN 1.5::numeric(80, 70)
            WHEN i % 5 = 0 THEN -(i / 7.0)
            ELSE round(i / 3.0, i % 13) END,
       CASE WHEN i % 7 = 0 THEN NULL
            WHEN i % 41 = 0 THEN 1e39
            ELSE (i * 104729 % 1000003) / power(10, i % 4)::numeric END
  FROM generate_series(1, 400) AS i;

CREATE FUNCTION pg_temp.frames_differing(frame integer, use_float8 boolean)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    differing bigint;
BEGIN
    EXECUTE format($q$
        SELECT count(*) FROM (
            SELECT o.n,
                   tokcost.lane_sum(o.lane, %1$s, o.tokens)
                       OVER (ORDER BY o.n ROWS BETWEEN %2$s PRECEDING AND CURRENT ROW) AS moving_total,
                   tokcost.lane_cost_per_mtok(o.lane, %1$s, o.tokens)
                       OVER (ORDER BY o.n ROWS BETWEEN %2$s PRECEDING AND CURRENT ROW) AS moving_per_mtok
              FROM frame_rows o) AS m
          JOIN LATERAL (
            SELECT tokcost.lane_sum(i.lane, %3$s, i.tokens) AS fresh_total,
                   tokcost.lane_cost_per_mtok(i.lane, %3$s, i.tokens) AS fresh_per_mtok
              FROM frame_rows i WHERE i.n BETWEEN m.n - %2$s AND m.n) AS f ON true
         WHERE m.moving_total::text IS DISTINCT FROM f.fresh_total::text
            OR m.moving_per_mtok::text IS DISTINCT FROM f.fresh_per_mtok::text$q$,
        CASE WHEN use_float8 THEN 'o.cost::float8' ELSE 'o.cost' END,
        frame,
        CASE WHEN use_float8 THEN 'i.cost::float8' ELSE 'i.cost' END)
    INTO differing;
    RETURN differing;
END
$$;

SELECT is(pg_temp.frames_differing(6, false), 0::bigint,
          '7-row frames equal fresh aggregates');
SELECT is(pg_temp.frames_differing(2, false), 0::bigint,
          '3-row frames equal fresh aggregates');
SELECT is(pg_temp.frames_differing(40, false), 0::bigint,
          '41-row frames equal fresh aggregates');
SELECT is(pg_temp.frames_differing(6, true), 0::bigint,
          'float8 7-row frames equal fresh aggregates');

-- The data must reach the cases it is meant to: frames whose cost is NULL
-- only because NULL rows and wide values left them.
SELECT ok((SELECT count(*) FROM (
              SELECT tokcost.cost(tokcost.lane_sum(lane, cost, tokens)
                         OVER (ORDER BY n ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)) AS cost
                FROM frame_rows) AS f
            WHERE scale(f.cost) >= 70) > 0,
          'some frames carry a 70-digit scale');
SELECT ok((SELECT count(*) FROM (
              SELECT n, tokcost.lane_sum(lane, cost, tokens)
                         OVER (ORDER BY n ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS total
                FROM frame_rows) AS f
            WHERE abs(tokcost.cost(total)) > 1e30) > 0,
          'some frames hold a cost beyond 128 bits');

-- Frames after a NULL-cost row and a NULL-token row have left a one-row
-- frame: the sums are NULL again exactly while the frame holds only NULLs.
SELECT is(ARRAY(SELECT tokcost.lane_sum(lane, cost, tokens)
                       OVER (ORDER BY n ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)::text
                  FROM (VALUES (1, 'colo-gpu', NULL::numeric, 5::numeric),
                               (2, 'colo-gpu', NULL, NULL),
                               (3, 'colo-gpu', 2.50, NULL),
                               (4, 'colo-gpu', 1, 10)) AS v (n, lane, cost, tokens)
                 ORDER BY n),
          ARRAY['(colo-gpu,,,5,1)', '(colo-gpu,,,5,2)', '(colo-gpu,,2.50,,2)',
                '(colo-gpu,,3.50,10,2)'],
          'NULL cost and NULL tokens leave the frame');
SELECT is(ARRAY(SELECT tokcost.lane_sum(lane, cost, tokens)
                       OVER (ORDER BY n ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)::text
                  FROM (VALUES (1, 'colo-gpu', 0.125::numeric, 1::numeric),
                               (2, 'colo-gpu', 2, 1),
                               (3, 'colo-gpu', 3, 1)) AS v (n, lane, cost, tokens)
                 ORDER BY n),
          ARRAY['(colo-gpu,,0.125,1,1)', '(colo-gpu,,2.125,2,2)', '(colo-gpu,,5,2,2)'],
          'scale falls when the widest value leaves');

-- Linear work: count how often the executor evaluates the aggregate's cost
-- argument, once for each row entering a frame and once for each row
-- leaving it.  A window that recomputed every frame would evaluate it
-- once per row per frame, 7 or 101 times per row here.
CREATE FUNCTION pg_temp.counted_cost(cost numeric) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN cost; END $$;

CREATE TABLE daily_rows (day integer, lane text, cost numeric, tokens bigint);
INSERT INTO daily_rows
SELECT i, 'cloud-api',
       CASE WHEN i % 10 = 0 THEN NULL ELSE round(i / 7.0, i % 12) END,
       CASE WHEN i % 15 = 0 THEN NULL ELSE i * 1000 END
  FROM generate_series(1, 20000) AS i;

SET LOCAL track_functions = 'all';

CREATE FUNCTION pg_temp.cost_evaluations(row_count integer, frame integer)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    before bigint;
    after bigint;
BEGIN
    SELECT coalesce(sum(calls), 0) INTO before
      FROM pg_stat_xact_user_functions WHERE funcname = 'counted_cost';
    EXECUTE format($q$
        SELECT count(v) FROM (
            SELECT tokcost.lane_cost_per_mtok(lane, pg_temp.counted_cost(cost), tokens)
                       OVER (ORDER BY day ROWS BETWEEN %s PRECEDING AND CURRENT ROW) AS v
              FROM daily_rows WHERE day <= %s) AS w$q$, frame, row_count);
    SELECT coalesce(sum(calls), 0) INTO after
      FROM pg_stat_xact_user_functions WHERE funcname = 'counted_cost';
    RETURN after - before;
END
$$;

CREATE TEMP TABLE evaluations AS
SELECT row_count, frame, pg_temp.cost_evaluations(row_count, frame) AS calls
  FROM (VALUES (10000, 6), (20000, 6), (10000, 100), (20000, 100)) AS v (row_count, frame);

SELECT cmp_ok((SELECT calls FROM evaluations WHERE (row_count, frame) = (10000, 6)),
              '>=', 10000::bigint, 'each row enters a 7-row frame');
SELECT cmp_ok((SELECT calls FROM evaluations WHERE (row_count, frame) = (10000, 6)),
              '<=', 20000::bigint, 'at 10,000 rows each row enters and leaves once');
SELECT cmp_ok((SELECT calls FROM evaluations WHERE (row_count, frame) = (20000, 6)),
              '<=', 40000::bigint, 'at 20,000 rows each row enters and leaves once');
SELECT cmp_ok((SELECT calls FROM evaluations WHERE (row_count, frame) = (20000, 100)),
              '<=', 40000::bigint, 'a 101-row frame costs the same per row');
SELECT cmp_ok(abs((SELECT calls FROM evaluations WHERE (row_count, frame) = (20000, 100))
                  - (SELECT calls FROM evaluations WHERE (row_count, frame) = (20000, 6))),
              '<=', 200::bigint, 'frame width changes only the frame edges');
SELECT cmp_ok((SELECT calls FROM evaluations WHERE (row_count, frame) = (20000, 6)),
              '>=', 2 * (SELECT calls FROM evaluations WHERE (row_count, frame) = (10000, 6)),
              'twice the rows is at least twice the work');
SELECT is((SELECT count(*) FROM pg_stat_xact_user_functions WHERE funcname = 'counted_cost'),
          1::bigint, 'the argument evaluations were counted');

SELECT * FROM finish();
ROLLBACK;
