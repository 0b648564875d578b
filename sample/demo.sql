-- tokcost demo: cost a small hybrid estate lane by lane.  Run by
-- sample/demo from inside sample/, with :price_map set to a price map file.
\set ON_ERROR_STOP on
\pset footer off
SET client_min_messages = warning;
SET timezone = 'UTC';

CREATE EXTENSION IF NOT EXISTS tokcost;
CREATE SCHEMA demo;

-- A week of metered usage of three cloud models.
CREATE TABLE demo.cloud_usage (
    usage_date date NOT NULL,
    provider text NOT NULL,
    model text NOT NULL,
    input_tokens bigint NOT NULL,
    cached_input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL
);
\copy demo.cloud_usage FROM 'cloud_usage.csv' (FORMAT csv, HEADER)

-- An 8-GPU node in colocation: $300,000 over 36 months, 9.33 kW of IT load
-- at PUE 1.5 (14 kW at the meter), $0.12/kWh, $25 a day of rack fees.
CREATE TABLE demo.gpu_node (
    node_id text PRIMARY KEY,
    lane text NOT NULL,
    capex numeric NOT NULL,
    residual_value numeric NOT NULL,
    life_months integer NOT NULL,
    it_load_kw numeric NOT NULL,
    pue numeric NOT NULL,
    price_per_kwh numeric NOT NULL,
    facility_per_day numeric NOT NULL,
    peak_tokens_per_second numeric NOT NULL
);
\copy demo.gpu_node FROM 'gpu_nodes.csv' (FORMAT csv, HEADER)

-- Tokens the node served each day.
CREATE TABLE demo.gpu_usage (
    usage_date date NOT NULL,
    node_id text NOT NULL REFERENCES demo.gpu_node,
    tokens_served bigint NOT NULL
);
\copy demo.gpu_usage FROM 'gpu_usage.csv' (FORMAT csv, HEADER)

-- Cloud prices from a LiteLLM-format price map, in effect before the usage.
\set price_map_text `cat :'price_map'`
\echo 'Cloud prices imported from' :'price_map'
SELECT prices_added AS prices_imported
  FROM tokcost.import_price_map(:'price_map_text', '2025-09-01 00:00:00+00');

-- One cost row per usage row, tagged with its lane (FOCUS x_TokenSource):
-- the cloud lane priced per token, the GPU lane costed per day.
CREATE VIEW demo.cost_rows AS
SELECT c.usage_date,
       'cloud-api' AS x_tokensource,
       tokcost.api_cost_by_model(c.model, c.usage_date::timestamptz, c.input_tokens,
                                 c.output_tokens, c.cached_input_tokens, c.provider) AS cost,
       c.input_tokens + c.output_tokens AS tokens
  FROM demo.cloud_usage c
UNION ALL
SELECT u.usage_date,
       n.lane,
       tokcost.node_daily_cost(n.capex, n.life_months, n.it_load_kw, n.pue,
                               n.price_per_kwh, n.facility_per_day, n.residual_value),
       u.tokens_served
  FROM demo.gpu_usage u
  JOIN demo.gpu_node n USING (node_id);

-- Daily lane totals, the form a materialized view would keep.
CREATE TABLE demo.daily_lane_total AS
SELECT usage_date, x_tokensource, tokcost.lane_sum(x_tokensource, cost, tokens) AS total
  FROM demo.cost_rows
 GROUP BY usage_date, x_tokensource;

-- GPU capacity per lane and day, for utilization and break-even.
CREATE VIEW demo.gpu_capacity AS
SELECT u.usage_date, n.lane AS x_tokensource,
       sum(tokcost.tokens_per_day(n.peak_tokens_per_second, 1)) AS peak_tokens
  FROM demo.gpu_usage u
  JOIN demo.gpu_node n USING (node_id)
 GROUP BY u.usage_date, n.lane;

\echo
\echo 'Lane report: per lane and day, cost, tokens and $/Mtok; for GPU lanes the'
\echo 'utilization of peak capacity and the utilization that would match the'
\echo 'cloud lane''s $/Mtok that day'
SELECT d.usage_date AS day,
       d.x_tokensource AS lane,
       round(tokcost.cost(d.total), 2) AS cost_usd,
       tokcost.tokens(d.total) AS tokens,
       round(tokcost.cost_per_mtok(d.total), 4) AS usd_per_mtok,
       round(tokcost.utilization(tokcost.tokens(d.total), g.peak_tokens), 3) AS utilization,
       round(tokcost.break_even_utilization(tokcost.cost(d.total), g.peak_tokens,
                                            tokcost.cost_per_mtok(c.total)), 3) AS break_even
  FROM demo.daily_lane_total d
  LEFT JOIN demo.gpu_capacity g USING (usage_date, x_tokensource)
  LEFT JOIN demo.daily_lane_total c
         ON c.usage_date = d.usage_date AND c.x_tokensource = 'cloud-api'
 ORDER BY day, lane;

\echo
\echo 'The week per lane, rolled up from the daily lane totals'
SELECT x_tokensource AS lane,
       round(tokcost.cost(week), 2) AS cost_usd,
       tokcost.tokens(week) AS tokens,
       round(tokcost.cost_per_mtok(week), 4) AS usd_per_mtok,
       tokcost.rows(week) AS cost_rows
  FROM (SELECT x_tokensource, tokcost.lane_sum(total) AS week
          FROM demo.daily_lane_total GROUP BY x_tokensource) w
 ORDER BY lane;

\echo
\echo 'One blended $/Mtok across lanes raises an error (SQLSTATE TC001):'
\set ON_ERROR_STOP off
\set VERBOSITY default
SELECT tokcost.lane_cost_per_mtok(x_tokensource, cost, tokens) FROM demo.cost_rows;
\set ON_ERROR_STOP on
