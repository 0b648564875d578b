-- Lane aggregates: sums, NULL rules, the blend error, argument types,
-- rollups, parallel plans and window frames.

CREATE TABLE usage_rows (
    day date,
    lane text,
    currency text,
    cost numeric,
    tokens bigint
);
INSERT INTO usage_rows
SELECT date '2026-11-01' + (i % 7),
       CASE i % 3 WHEN 0 THEN 'cloud-api' WHEN 1 THEN 'self-hosted-gpu' ELSE 'colo-gpu' END,
       'USD',
       round((i * 7919 % 100003) / 997.0, (i % 13)),
       (i::bigint * 104729 % 1000003)
  FROM generate_series(1, 30000) i;
ANALYZE usage_rows;

-- Per lane: the aggregate equals the SQL it replaces, to the last digit.
SELECT lane,
       tokcost.lane_cost_per_mtok(lane, cost, tokens) AS per_mtok,
       tokcost.lane_cost_per_mtok(lane, cost, tokens)
         = sum(cost) / sum(tokens) * 1000000 AS equals_sql,
       tokcost.cost(tokcost.lane_sum(lane, cost, tokens)) = sum(cost) AS cost_exact,
       tokcost.cost(tokcost.lane_sum(lane, cost, tokens))::text = sum(cost)::text AS same_digits,
       tokcost.tokens(tokcost.lane_sum(lane, cost, tokens)) = sum(tokens) AS tokens_exact,
       tokcost.rows(tokcost.lane_sum(lane, cost, tokens)) = count(*) AS rows_counted
  FROM usage_rows
 GROUP BY lane
 ORDER BY lane;

SELECT lane, currency, tokcost.lane_sum(lane, cost, tokens, currency)
  FROM usage_rows
 GROUP BY lane, currency
 ORDER BY lane;

-- NULL rules: a NULL cost or token count leaves that sum alone.  An empty
-- group, a group of NULL costs and a group of zero tokens give NULL.
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 1.5, 100), ('cloud-api', NULL, 50), ('cloud-api', 2.5, NULL)) v(lane, cost, tokens);
SELECT tokcost.lane_cost_per_mtok(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 1.5, 100), ('cloud-api', NULL, 50), ('cloud-api', 2.5, NULL)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens) IS NULL AS empty_is_null,
       tokcost.lane_cost_per_mtok(lane, cost, tokens) IS NULL AS empty_per_mtok_is_null
  FROM usage_rows WHERE false;
SELECT tokcost.lane_sum(lane, cost, tokens), tokcost.lane_cost_per_mtok(lane, cost, tokens)
  FROM (VALUES ('colo-gpu', NULL::numeric, 100), ('colo-gpu', NULL, 200)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens), tokcost.lane_cost_per_mtok(lane, cost, tokens)
  FROM (VALUES ('colo-gpu', 339.10, 0), ('colo-gpu', 12, 0)) v(lane, cost, tokens);
SELECT tokcost.lane_cost_per_mtok(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 5, 100), ('cloud-api', 1, -200)) v(lane, cost, tokens);

-- Credits are negative costs and count like any other.
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 10.00, 1000), ('cloud-api', -12.50, 0)) v(lane, cost, tokens);

-- The blend error: two lanes, a NULL or empty lane, two currencies, a NULL currency.
SELECT tokcost.lane_cost_per_mtok(lane, cost, tokens) FROM usage_rows;
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 1, 1), (NULL, 1, 1)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES (NULL::text, 1, 1)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('', 1, 1)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('Cloud-API', 1, 1), ('cloud-api', 1, 1)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens, currency)
  FROM (VALUES ('cloud-api', 1, 1, 'USD'), ('cloud-api', 1, 1, 'EUR')) v(lane, cost, tokens, currency);
SELECT tokcost.lane_sum(lane, cost, tokens, currency)
  FROM (VALUES ('cloud-api', 1, 1, 'USD'), ('cloud-api', 1, 1, NULL)) v(lane, cost, tokens, currency);
SELECT tokcost.lane_sum(lane, cost, tokens, currency)
  FROM (VALUES ('cloud-api', 1, 1, 'usd')) v(lane, cost, tokens, currency);
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES (repeat('x', 300), 1, 1)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 'NaN'::numeric, 1)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 1, 'Infinity'::numeric)) v(lane, cost, tokens);
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 'NaN'::float8, 1)) v(lane, cost, tokens);
SELECT tokcost.lane_total_combine('(cloud-api,,1,1,1)', '(colo-gpu,,1,1,1)');
SELECT tokcost.lane_total_combine('(cloud-api,USD,1,1,1)', '(cloud-api,,1,1,1)');

-- Every argument type pair gives the same total.
SELECT count(DISTINCT total) AS distinct_totals
  FROM (SELECT tokcost.lane_sum(lane, cost, tokens) FROM usage_rows WHERE lane = 'cloud-api'
        UNION ALL
        SELECT tokcost.lane_sum(lane, cost, tokens::numeric) FROM usage_rows WHERE lane = 'cloud-api'
        UNION ALL
        SELECT tokcost.lane_sum(lane, cost, tokens::integer) FROM usage_rows WHERE lane = 'cloud-api') t(total);
SELECT tokcost.lane_sum('cloud-api', 1.5, 100), tokcost.lane_sum('cloud-api', 1, 100),
       tokcost.lane_cost_per_mtok('cloud-api', 1.5, 100, 'USD');

-- A double precision cost counts at the value of its cast to numeric.
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 0.1::float8, 1), ('cloud-api', 0.2::float8, 1),
               ('cloud-api', 1e-7::float8, 1), ('cloud-api', 1.0/3, 1)) v(lane, cost, tokens);
SELECT tokcost.cost(tokcost.lane_sum(lane, cost, tokens)) = sum(cost::numeric) AS float8_as_cast,
       tokcost.cost(tokcost.lane_sum(lane, cost, tokens))::text = sum(cost::numeric)::text AS same_digits
  FROM (SELECT 'cloud-api', (i * 0.37 + 1.0 / i)::float8 * (CASE WHEN i % 2 = 0 THEN 1e-9 ELSE 1e9 END), i
          FROM generate_series(1, 2000) i) v(lane, cost, tokens);
SELECT tokcost.cost(tokcost.lane_sum(lane, cost, tokens)) = sum(cost::numeric) AS extremes_as_cast,
       length(tokcost.cost(tokcost.lane_sum(lane, cost, tokens))::text) AS digits
  FROM (VALUES ('cloud-api', 1e300::float8, 1), ('cloud-api', 5e-324::float8, 1),
               ('cloud-api', -2.5::float8, 1)) v(lane, cost, tokens);

-- Sums past 128 bits fall back to exact numeric, and come back.
SELECT tokcost.lane_sum(lane, cost, tokens)
  FROM (VALUES ('cloud-api', 1e40, 1), ('cloud-api', 1e-30, 1), ('cloud-api', -1e40, 1)) v(lane, cost, tokens);
SELECT tokcost.cost(tokcost.lane_sum(lane, cost, tokens)) = sum(cost) AS wide_exact,
       tokcost.cost(tokcost.lane_sum(lane, cost, tokens))::text = sum(cost)::text AS same_digits,
       tokcost.tokens(tokcost.lane_sum(lane, cost, tokens)) = sum(tokens) AS wide_tokens_exact
  FROM (SELECT 'cloud-api', i * 1e33 + 1.0 / i, 9223372036854775807 - i
          FROM generate_series(1, 1000) i) v(lane, cost, tokens);

-- Rolling daily totals up into a week equals aggregating the rows.
CREATE TABLE daily_lane_totals AS
SELECT day, lane, tokcost.lane_sum(lane, cost, tokens, currency) AS total
  FROM usage_rows GROUP BY day, lane;
SELECT d.lane, tokcost.lane_sum(d.total) OPERATOR(tokcost.=) r.total AS rollup_equals_rows
  FROM daily_lane_totals d
  JOIN (SELECT lane, tokcost.lane_sum(lane, cost, tokens, currency) AS total
          FROM usage_rows GROUP BY lane) r USING (lane)
 GROUP BY d.lane, r.total
 ORDER BY d.lane;
SELECT tokcost.lane_sum(total) FROM daily_lane_totals;
SELECT tokcost.lane_sum(total) FROM (VALUES (NULL::tokcost.lane_total)) t(total);

-- Parallel plans: partial aggregates combine to the serial result.
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 4;
ALTER TABLE usage_rows SET (parallel_workers = 4);
EXPLAIN (COSTS OFF)
SELECT lane, tokcost.lane_sum(lane, cost, tokens) FROM usage_rows GROUP BY lane;
CREATE TEMP TABLE parallel_totals AS
SELECT lane, tokcost.lane_sum(lane, cost, tokens) AS total,
       tokcost.lane_cost_per_mtok(lane, cost, tokens) AS per_mtok
  FROM usage_rows GROUP BY lane;
SET max_parallel_workers_per_gather = 0;
SELECT p.lane, p.total::text = s.total::text AS same_total, p.per_mtok = s.per_mtok AS same_per_mtok
  FROM parallel_totals p
  JOIN (SELECT lane, tokcost.lane_sum(lane, cost, tokens) AS total,
               tokcost.lane_cost_per_mtok(lane, cost, tokens) AS per_mtok
          FROM usage_rows GROUP BY lane) s USING (lane)
 ORDER BY lane;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_setup_cost;

-- Partial aggregation per partition: each partial state has one lane, so
-- the lanes meet only in the combine step, which raises the blend error.
CREATE TABLE usage_by_lane (lane text, cost numeric, tokens bigint) PARTITION BY LIST (lane);
CREATE TABLE usage_cloud PARTITION OF usage_by_lane FOR VALUES IN ('cloud-api');
CREATE TABLE usage_colo PARTITION OF usage_by_lane FOR VALUES IN ('colo-gpu');
INSERT INTO usage_by_lane
SELECT CASE WHEN i % 2 = 0 THEN 'cloud-api' ELSE 'colo-gpu' END, i / 100.0, i
  FROM generate_series(1, 2000) i;
ANALYZE usage_by_lane;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF)
SELECT tokcost.lane_sum(lane, cost, tokens) FROM usage_by_lane;
SELECT tokcost.lane_sum(lane, cost, tokens) FROM usage_by_lane;
SELECT tokcost.lane_cost_per_mtok(lane, cost, tokens) FROM usage_by_lane;
SELECT tokcost.lane_sum(lane, cost, tokens) FROM usage_by_lane WHERE lane = 'colo-gpu';
SELECT lane, tokcost.lane_sum(lane, cost, tokens) FROM usage_by_lane GROUP BY lane ORDER BY lane;
RESET enable_partitionwise_aggregate;

-- Window frames: every frame equals a fresh aggregate over its rows, also
-- after rows with a NULL cost, NULL tokens or a wider scale have left it.
CREATE TABLE window_rows (n int, lane text, cost numeric, tokens numeric);
INSERT INTO window_rows VALUES
    (1, 'cloud-api', 1.5, 100), (2, 'cloud-api', NULL, 200), (3, 'cloud-api', 2.125, NULL),
    (4, 'cloud-api', 0.0000000001, 50), (5, 'cloud-api', 3, 0), (6, 'cloud-api', NULL, NULL),
    (7, 'cloud-api', 4.5, 1000), (8, 'cloud-api', 1e39, 1), (9, 'cloud-api', -1e39, 1),
    (10, 'cloud-api', 7, 70), (11, 'cloud-api', 8, 80), (12, 'cloud-api', 9, 90),
    (13, 'cloud-api', 1.23456789012345678901234567890123456789012345678901234567890123456789, 1),
    (14, 'cloud-api', 10, 100), (15, 'cloud-api', 11, 110), (16, 'cloud-api', 12, 120);
SELECT n,
       tokcost.lane_sum(lane, cost, tokens) OVER w AS frame_total,
       tokcost.lane_cost_per_mtok(lane, cost, tokens) OVER w AS frame_per_mtok
  FROM window_rows
WINDOW w AS (ORDER BY n ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
 ORDER BY n;
SELECT count(*) AS frames,
       count(*) FILTER (WHERE moving::text IS NOT DISTINCT FROM fresh::text) AS frames_equal
  FROM (SELECT n, tokcost.lane_sum(lane, cost, tokens) OVER w AS moving,
               (SELECT tokcost.lane_sum(i.lane, i.cost, i.tokens)
                  FROM window_rows i WHERE i.n BETWEEN o.n - 2 AND o.n) AS fresh
          FROM window_rows o
        WINDOW w AS (ORDER BY n ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) t;
SELECT count(*) FILTER (WHERE moving IS NOT DISTINCT FROM fresh) AS frames_equal
  FROM (SELECT n, tokcost.lane_cost_per_mtok(lane, cost, tokens) OVER w AS moving,
               (SELECT tokcost.lane_cost_per_mtok(i.lane, i.cost, i.tokens)
                  FROM window_rows i WHERE i.n BETWEEN o.n - 2 AND o.n) AS fresh
          FROM window_rows o
        WINDOW w AS (ORDER BY n ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) t;
-- A frame with two lanes raises the blend error, and disjoint frames do not.
SELECT n, tokcost.lane_sum(lane, cost, tokens) OVER (ORDER BY n ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
  FROM (VALUES (1, 'cloud-api', 1, 1), (2, 'colo-gpu', 1, 1)) v(n, lane, cost, tokens);
SELECT n, tokcost.lane_sum(lane, cost, tokens, 'USD') OVER (ORDER BY n RANGE BETWEEN CURRENT ROW AND CURRENT ROW)
  FROM (VALUES (1, 'cloud-api', 1, 1), (2, 'colo-gpu', 2, 2), (3, 'colo-gpu', 3, 3)) v(n, lane, cost, tokens)
 ORDER BY n;
SELECT lane, n, tokcost.lane_cost_per_mtok(lane, cost, tokens) OVER (PARTITION BY lane ORDER BY n)
  FROM (VALUES (1, 'cloud-api', 1, 1000), (2, 'colo-gpu', 2, 1000), (3, 'cloud-api', 3, 1000)) v(n, lane, cost, tokens)
 ORDER BY lane, n;

DROP TABLE usage_rows, daily_lane_totals, usage_by_lane, window_rows;
