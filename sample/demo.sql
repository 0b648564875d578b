-- tokcost demo: cost a small hybrid estate lane by lane, from a FOCUS export
-- of cloud AI charges and a register of GPU nodes whose FOCUS rows tokcost
-- synthesizes.  Run by sample/demo from inside sample/, with :price_map set
-- to a price map file.
\set ON_ERROR_STOP on
\pset footer off
SET client_min_messages = warning;
SET timezone = 'UTC';

CREATE EXTENSION IF NOT EXISTS tokcost;

-- The cloud lane: a week of AI charges as a FOCUS export, with a credit, a
-- correction and the week's tax.
CREATE TEMP TABLE focus_lines (line_number bigint GENERATED ALWAYS AS IDENTITY, line text);
\copy focus_lines (line) FROM 'focus_cloud.csv' WITH (FORMAT csv, DELIMITER E'\x1f', QUOTE E'\x1e')
\echo 'FOCUS export of the cloud lane loaded from focus_cloud.csv'
SELECT rows_read, rows_loaded, rows_rejected
  FROM tokcost.load_focus_csv('focus_lines', 'focus_cloud.csv');

-- The datacenter lane: two GPU nodes in the register, a new power tariff
-- for the colocated one from 2026-11-06, and the token counters that the
-- nodes' inference servers exposed, scraped every six hours.  gpu-node-01
-- restarted on 2026-11-05, which reset its counters.
\copy tokcost.gpu_node FROM 'gpu_nodes.csv' WITH (FORMAT csv, HEADER)
\copy tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, facility_per_day, peak_tokens_per_second, note) FROM 'gpu_node_rates.csv' WITH (FORMAT csv, HEADER)
SELECT valid_from FROM tokcost.change_gpu_node_rate('gpu-node-01', '2026-11-06',
                                                    price_per_kwh => 0.15, note => 'new tariff') \g /dev/null
\copy tokcost.gpu_counter_sample (node_id, workload, counter, sampled_at, value) FROM 'gpu_counters.csv' WITH (FORMAT csv, HEADER)
\echo
\echo 'Token counters converted into served tokens per node, workload and day'
SELECT samples_converted, resets, usage_rows, tokens FROM tokcost.convert_gpu_counters();

-- Cloud prices from a LiteLLM-format price map, to check the export's list
-- prices against.
\set price_map_text `cat :'price_map'`
\echo
\echo 'Cloud prices imported from' :'price_map'
SELECT prices_added AS prices_imported
  FROM tokcost.import_price_map(:'price_map_text', '2025-09-01 00:00:00+00');

CREATE TEMP VIEW week AS SELECT d::date AS day FROM generate_series('2026-11-02', '2026-11-08', '1 day'::interval) d;

\echo
\echo 'Lane report: per lane and day, EffectiveCost, tokens and $/Mtok from one FOCUS'
\echo 'table that holds the ingested cloud rows and the synthesized datacenter rows;'
\echo 'for GPU lanes the utilization of peak capacity and the utilization that would'
\echo 'match the cloud lane''s $/Mtok that day'
SELECT d.day, d.x_tokensource AS lane,
       round(d.effective_cost, 2) AS cost_usd,
       d.tokens,
       round(d.cost_per_mtok, 4) AS usd_per_mtok,
       round(tokcost.utilization(g.tokens, g.peak_tokens), 3) AS utilization,
       round(tokcost.break_even_utilization(d.effective_cost, g.peak_tokens, c.cost_per_mtok), 3) AS break_even,
       d.synthesized_rows AS synthesized
  FROM tokcost.lane_daily d
  JOIN week USING (day)
  LEFT JOIN (SELECT day, lane, sum(tokens) AS tokens, sum(peak_tokens) AS peak_tokens
               FROM tokcost.gpu_idle_daily GROUP BY 1, 2) g
         ON g.day = d.day AND g.lane = d.x_tokensource
  LEFT JOIN tokcost.lane_daily c ON c.day = d.day AND c.x_tokensource = 'cloud-api'
 ORDER BY d.day, lane;

\echo
\echo 'The cloud lane''s credit, correction and tax: in the cost, or beside it'
SELECT day, credits, corrections, tax
  FROM tokcost.lane_daily JOIN week USING (day)
 WHERE x_tokensource = 'cloud-api' AND (credits <> 0 OR corrections <> 0 OR tax <> 0)
 ORDER BY day;

\echo
\echo 'Idle cost of the week per GPU node: the part of its cost that served no'
\echo 'tokens at the peak rate (used + idle = total, to the cent)'
SELECT node_id, lane, sum(total_cost) AS total_usd, sum(used_cost) AS used_usd,
       sum(idle_cost) AS idle_usd,
       round(sum(idle_cost) / sum(total_cost), 3) AS idle_share
  FROM tokcost.gpu_idle_daily JOIN week USING (day)
 GROUP BY node_id, lane
 ORDER BY node_id;

\echo
\echo 'The week''s GPU cost allocated to workloads by tokens, idle cost spread over'
\echo 'them or kept as its own line'
SELECT coalesce(s.lane, i.lane) AS lane, coalesce(s.workload, i.workload) AS workload,
       s.tokens, s.cost AS idle_spread_usd, i.cost AS idle_apart_usd
  FROM (SELECT lane, workload, sum(tokens) AS tokens, sum(cost) AS cost
          FROM tokcost.gpu_allocation_daily JOIN week USING (day) GROUP BY 1, 2) s
  FULL JOIN (SELECT lane, workload, sum(cost) AS cost
               FROM tokcost.gpu_allocation_idle_daily JOIN week USING (day) GROUP BY 1, 2) i
       USING (lane, workload)
 ORDER BY 1, 2;

-- Daily lane totals, the form a materialized view keeps (README, "The
-- materialized-view pattern").
CREATE TEMP TABLE daily_lane_total AS
SELECT date(timezone('UTC', chargeperiodstart)) AS day, x_tokensource,
       tokcost.lane_sum(x_tokensource, effectivecost, x_tokens, billingcurrency) AS total
  FROM tokcost.focus_cost
 WHERE x_tokensource IS NOT NULL AND chargecategory <> 'Tax'
   AND chargeperiodstart >= '2026-11-02' AND chargeperiodstart < '2026-11-09'
 GROUP BY 1, 2;

\echo
\echo 'The week per lane, rolled up from the daily lane totals'
SELECT x_tokensource AS lane,
       round(tokcost.cost(week), 2) AS cost_usd,
       tokcost.tokens(week) AS tokens,
       round(tokcost.cost_per_mtok(week), 4) AS usd_per_mtok,
       tokcost.rows(week) AS cost_rows
  FROM (SELECT x_tokensource, tokcost.lane_sum(total) AS week
          FROM daily_lane_total GROUP BY x_tokensource) w
 ORDER BY lane;

\echo
\echo 'List prices of the export (per 1M tokens) against the imported price map'
SELECT DISTINCT x_columns ->> 'x_Model' AS model, skumeter AS token_class,
       tokcost.unit_price_per_mtok(listunitprice, pricingunit) AS export_usd_per_mtok,
       tokcost.api_rate(x_columns ->> 'x_Model',
                        CASE skumeter WHEN 'Input Tokens' THEN 'input'
                                      WHEN 'Cached Input Tokens' THEN 'cached_input'
                                      ELSE 'output' END,
                        '2026-11-02') AS price_map_usd_per_mtok
  FROM tokcost.focus_charge
 WHERE chargecategory = 'Usage' AND chargeclass IS NULL
 ORDER BY 1, 2;

\echo
\echo 'One blended $/Mtok across lanes raises an error (SQLSTATE TC001):'
\set ON_ERROR_STOP off
\set VERBOSITY default
SELECT tokcost.lane_cost_per_mtok(x_tokensource, effective_cost, tokens) FROM tokcost.lane_daily;
\set ON_ERROR_STOP on
