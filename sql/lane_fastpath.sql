-- The lane aggregates' fast paths and where they hand over to the general
-- ones: numerics read straight into int64 units (up to 16 digits), sums in
-- 128 bits, float8 costs converted without printing, and the exact numeric
-- sum for everything wider.  Every result must equal sum() digit for digit.

CREATE FUNCTION lane_cost_text(costs numeric[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT tokcost.cost(tokcost.lane_sum('cloud-api', c, 1))::text
      FROM unnest(costs) WITH ORDINALITY AS u (c, n)
$$;
CREATE FUNCTION plain_sum_text(costs numeric[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT sum(c)::text FROM unnest(costs) AS u (c)
$$;

-- Numerics at the edge of the int64 reader: 16 digits (four base-10000
-- digits) fit, 17 digits and 10^19 do not, and the sum carries on in 128
-- bits either way.
SELECT c AS cost_sum, c = plain_sum_text(v) AS equals_sum
  FROM (VALUES (ARRAY[9999999999999999, 1]),
               (ARRAY[99999999999999999, 1]),
               (ARRAY[9223372036854775807, 1]),
               (ARRAY[-9223372036854775808, -1]),
               (ARRAY[1e18, 1e18, 1e19]),
               (ARRAY[0.0000000000000001, 9999.999999999999]),
               (ARRAY[1e-20, 1]),
               (ARRAY[0, 0.000, -0.0])) AS t (v),
       LATERAL (SELECT lane_cost_text(v)) AS l (c);

-- Values beyond 128 bits, in both directions, and sums that come back
-- within range when they cancel.
SELECT c AS cost_sum, c = plain_sum_text(v) AS equals_sum
  FROM (VALUES (ARRAY[1e38, 1e38]),
               (ARRAY[-1e38, -1e38]),
               (ARRAY[170141183460469231731687303715884105727, 1]),
               (ARRAY[-170141183460469231731687303715884105728, -1]),
               (ARRAY[1e40, 0.5, -1e40]),
               (ARRAY[-1e40, 0.25, 1e40, 0.25]),
               (ARRAY[1e-40, 1e30]),
               (ARRAY[12345678901234567890.123456789012345678901, -12345678901234567890])) AS t (v),
       LATERAL (SELECT lane_cost_text(v)) AS l (c);

-- Mixed and growing scales: each new widest value rescales the sum, and a
-- rescale that no longer fits 128 bits moves the sum to numeric.
SELECT c AS cost_sum, c = plain_sum_text(v) AS equals_sum
  FROM (VALUES (ARRAY[1, 0.5, 0.25, 0.125, 0.0625]),
               (ARRAY[0.0625, 0.125, 0.25, 0.5, 1]),
               (ARRAY[1.50, 2.5000, 3.000000000000]),
               (ARRAY[1e20, 0.000000000000000001]),
               (ARRAY[1e20, 0.0000000000000000001]),
               (ARRAY[1.5::numeric(80, 70), 2]),
               (ARRAY[2, 1.5::numeric(80, 70)])) AS t (v),
       LATERAL (SELECT lane_cost_text(v)) AS l (c);

-- Credits cancel charges to zero, and the scale of the widest value stays.
SELECT c AS cost_sum, c = plain_sum_text(v) AS equals_sum
  FROM (VALUES (ARRAY[10.25, -10.25]),
               (ARRAY[-0.000000000001, 0.000000000001]),
               (ARRAY[339.09, -100, -239.090]),
               (ARRAY[-5, -2.5, -0.125])) AS t (v),
       LATERAL (SELECT lane_cost_text(v)) AS l (c);

-- A table of rows with every kind at once: per lane, the aggregates equal
-- sum() and the SQL they replace.
CREATE TABLE fast_rows (lane text, cost numeric, tokens bigint, tokens_int integer);
INSERT INTO fast_rows
SELECT (ARRAY['cloud-api', 'colo-gpu'])[1 + i % 2],
       CASE i % 6
           WHEN 0 THEN round(i * 1.000000000007, i % 13)
           WHEN 1 THEN -round(i / 3.0, 12)
           WHEN 2 THEN i * 1e15
           WHEN 3 THEN (i % 97) * 1e-9
           WHEN 4 THEN CASE WHEN i % 100 = 4 THEN 1e45 ELSE i END
           ELSE round(i / 7.0, 20) END,
       CASE WHEN i % 50 = 0 THEN 9223372036854775807 ELSE i * 104729 END,
       CASE WHEN i % 50 = 0 THEN 2147483647 ELSE i END
  FROM generate_series(1, 3000) AS i;
SELECT lane,
       tokcost.cost(tokcost.lane_sum(lane, cost, tokens))::text = sum(cost)::text AS cost_equals_sum,
       tokcost.tokens(tokcost.lane_sum(lane, cost, tokens)) = sum(tokens) AS tokens_equal_sum,
       tokcost.tokens(tokcost.lane_sum(lane, cost, tokens_int)) = sum(tokens_int) AS integer_tokens_equal_sum,
       tokcost.lane_cost_per_mtok(lane, cost, tokens) = sum(cost) / sum(tokens) * 1000000 AS per_mtok_equals_sql
  FROM fast_rows GROUP BY lane ORDER BY lane;

-- bigint token extremes: sums past 2^63 stay exact in 128 bits.
SELECT tokcost.lane_sum('cloud-api', 1, t)
  FROM (VALUES (9223372036854775807::bigint), (9223372036854775807), (-9223372036854775808)) AS v (t);
SELECT tokcost.tokens(tokcost.lane_sum('cloud-api', 1, t)) = sum(t::numeric) AS bigint_sum_exact
  FROM (SELECT 9223372036854775807::bigint FROM generate_series(1, 1000)) AS v (t);
SELECT tokcost.lane_sum('cloud-api', 1, t)
  FROM (VALUES (2147483647), (2147483647), (-2147483648)) AS v (t);

-- float8 costs: each sums as its cast to numeric, at the edges of the
-- conversion without printing (10^-8 to 10^15, 15 significant digits).
SELECT x, tokcost.cost(tokcost.lane_sum('cloud-api', x, 1))::text AS cost_sum,
       tokcost.cost(tokcost.lane_sum('cloud-api', x, 1))::text = x::numeric::text AS equals_cast
  FROM (VALUES (0.1::float8), (0.30000000000000004::float8), (1e-8::float8),
               (9.99999999999e-9::float8), (999999999999999::float8),
               (1e15::float8), (123456789012345.6::float8), (0.123456789012345678::float8),
               (-2.5::float8), ('-0'::float8), (5e-324::float8), (2.2250738585072014e-308::float8),
               (1.7976931348623157e308::float8), (9007199254740993::float8),
               (1.0 / 3.0), (2.0 / 3.0)) AS v (x)
 GROUP BY x ORDER BY x;
SELECT count(*) AS float8_values,
       count(*) FILTER (WHERE total::text = x::numeric::text) AS equal_to_cast
  FROM (SELECT i, x, tokcost.cost(tokcost.lane_sum('cloud-api', x, 1)) AS total
          FROM (SELECT i, ((i * 7919 % 100003) - 50000) * 10::float8 ^ (i % 31 - 15) / 7
                  FROM generate_series(1, 20000) AS i) AS v (i, x)
         GROUP BY i, x) AS t;
SELECT tokcost.cost(tokcost.lane_sum('cloud-api', x, 1))::text = sum(x::numeric)::text AS float8_sum_as_cast
  FROM (SELECT ((i * 7919 % 100003) - 50000) * 10::float8 ^ (i % 31 - 15) / 7
          FROM generate_series(1, 20000) AS i) AS v (x);
-- float8 pairs, the first setting the sum's scale.  The conversion tries
-- that scale first, whatever the magnitude, so every pair must still sum
-- as the casts do: values below 10^-8, values with more decimals than the
-- sum, and sums of scale above 22.
SELECT count(*) AS float8_pairs,
       count(*) FILTER (WHERE total::text = (a::numeric + b::numeric)::text) AS equal_to_casts
  FROM (SELECT a, b,
               tokcost.cost(tokcost.lane_sum('cloud-api', x, 1 ORDER BY n)) AS total
          FROM unnest('{0.5, 1e-12, 1.5e-12, 1e-9, 3e-9, 0.123456789012, 1e-22, 1e-23,
                        12345.678901, 0.1, 1e15, -2.000000000001, 0}'::float8[]) AS a,
               unnest('{0.5, 1e-12, 1.5e-12, 1e-9, 3e-9, 0.123456789012, 1e-22, 1e-23,
                        12345.678901, 0.1, 1e15, -2.000000000001, 0}'::float8[]) AS b,
               LATERAL (VALUES (1, a), (2, b)) AS v (n, x)
         GROUP BY a, b) AS t;
SELECT tokcost.lane_sum('cloud-api', x, 1)
  FROM (VALUES ('Infinity'::float8)) AS v (x);
SELECT tokcost.lane_sum('cloud-api', x, 1)
  FROM (VALUES (1::float8), ('-Infinity'::float8)) AS v (x);
SELECT tokcost.lane_sum('cloud-api', c, 1)
  FROM (VALUES (1e40), ('NaN'::numeric)) AS v (c);

-- Lanes compare byte for byte on the fast path too, whatever their length.
SELECT tokcost.lane_sum(lane, 1, 1)
  FROM (VALUES ('self-hosted-gpu'), ('self-hosted-gpX')) AS v (lane);
SELECT tokcost.lane_sum(lane, 1, 1)
  FROM (VALUES ('a'), ('b')) AS v (lane);
SELECT tokcost.lane_sum(lane, 1, 1)
  FROM (VALUES (repeat('x', 200)), (repeat('x', 200))) AS v (lane);

DROP TABLE fast_rows;
DROP FUNCTION lane_cost_text(numeric[]), plain_sum_text(numeric[]);
