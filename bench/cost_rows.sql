-- The benchmark's cost table: :rows FOCUS-shaped cost rows over three
-- lanes and a year of days.  Run by bench/run with psql -v rows=N.
--
-- Costs are numeric with 0 to 12 decimal places, about 5% of them credits
-- (negative), and the same costs as double precision.  Token counts are
-- bigint and, in a second column, numeric.  account spreads the rows over
-- 1,000 accounts, so grouping by day, lane and account makes many groups.
-- id orders the rows within a day for window frames.  The random values
-- come from a fixed seed, so every run measures the same data.

SET client_min_messages = warning;
DROP TABLE IF EXISTS cost_rows;
SELECT setseed(0.25);

CREATE TABLE cost_rows (
    id bigint NOT NULL,
    day date NOT NULL,
    lane text NOT NULL,
    account integer NOT NULL,
    cost numeric,
    cost_f8 double precision,
    tokens bigint,
    tokens_num numeric
);

INSERT INTO cost_rows
SELECT id, day, lane, account, cost, cost::double precision, tokens, tokens
  FROM (SELECT i AS id,
               date '2026-01-01' + (i % 365)::integer AS day,
               (ARRAY['cloud-api', 'self-hosted-gpu', 'colo-gpu'])[1 + (i % 3)::integer] AS lane,
               (i * 7919 % 1000)::integer AS account,
               round((random() * 100 - 5)::numeric, (random() * 12)::integer) AS cost,
               (random() * 2000000)::bigint AS tokens
          FROM generate_series(1::bigint, :rows) AS i) AS generated;

ALTER TABLE cost_rows SET (parallel_workers = 2);
VACUUM (ANALYZE) cost_rows;
