-- One FOCUS table of both lanes, the lane reports for BI tools, credits,
-- taxes and corrections, the blend refusal, and value per token.
SET timezone = 'UTC';
\set SHOW_CONTEXT never

-- Cloud rows: a week's AI tokens priced per 1K tokens, a credit, a tax row,
-- a correction of an earlier day and a row of another service.
CREATE TEMP TABLE focus_lines (line_number bigint GENERATED ALWAYS AS IDENTITY, line text);
\copy focus_lines (line) FROM STDIN WITH (FORMAT csv, DELIMITER E'\x1f', QUOTE E'\x1e')
BilledCost,EffectiveCost,ListCost,BillingCurrency,ChargeCategory,ChargeClass,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,PricingQuantity,PricingUnit,ListUnitPrice,ServiceCategory,Tags,x_TokenSource
300.00,300.00,320.00,USD,Usage,NULL,2026-11-02 00:00:00,2026-11-03 00:00:00,200000000,Tokens,200000,1K Tokens,0.0016,AI and Machine Learning,"{""workload"": ""chat""}",cloud-api
30.00,30.00,30.00,USD,Usage,NULL,2026-11-02 00:00:00,2026-11-03 00:00:00,20000000,Tokens,20000,1K Tokens,0.0015,AI and Machine Learning,"{""workload"": ""batch""}",cloud-api
-20.00,-20.00,0,USD,Credit,NULL,2026-11-02 00:00:00,2026-11-03 00:00:00,NULL,NULL,NULL,NULL,NULL,AI and Machine Learning,NULL,cloud-api
26.40,0,0,USD,Tax,NULL,2026-11-02 00:00:00,2026-11-03 00:00:00,NULL,NULL,NULL,NULL,NULL,AI and Machine Learning,NULL,cloud-api
150.00,150.00,160.00,USD,Usage,NULL,2026-11-03 00:00:00,2026-11-04 00:00:00,100000000,Tokens,100000,1K Tokens,0.0016,AI and Machine Learning,"{""workload"": ""chat""}",cloud-api
-10.00,-10.00,-10.00,USD,Usage,Correction,2026-11-02 00:00:00,2026-11-03 00:00:00,0,Tokens,0,1K Tokens,0.0016,AI and Machine Learning,"{""workload"": ""chat""}",cloud-api
5.00,5.00,5.00,USD,Usage,NULL,2026-11-02 00:00:00,2026-11-03 00:00:00,50,GB-Months,50,GB-Months,0.1,Storage,NULL,NULL
\.
SELECT rows_read, rows_loaded, rows_rejected FROM tokcost.load_focus_csv('focus_lines', 'cloud-week.csv');

-- The list price per 1K tokens, read as $/Mtok.
SELECT DISTINCT listunitprice, pricingunit, tokcost.unit_price_per_mtok(listunitprice, pricingunit) AS list_per_mtok
  FROM tokcost.focus_charge WHERE tokcost.is_token_unit(pricingunit) ORDER BY 1;

-- The datacenter: a colocated node retired after three days, so that the
-- views end on a fixed day.
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months, retired_on, provider, region)
VALUES ('gpu-01', 'colo-gpu', 300000, '2026-11-02', 36, '2026-11-05', 'Colo Inc', 'fra-1');
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, facility_per_day, peak_tokens_per_second)
VALUES ('gpu-01', '2026-11-02', 9.33, 1.5, 0.12, 25, 8680.56);
INSERT INTO tokcost.gpu_usage (node_id, workload, period_start, period_end, tokens) VALUES
    ('gpu-01', 'chat', '2026-11-02', '2026-11-03', 100000000),
    ('gpu-01', 'batch', '2026-11-02', '2026-11-03', 50000000),
    ('gpu-01', 'chat', '2026-11-03', '2026-11-04', 260000000);

-- Both lanes in one FOCUS table, distinguished by x_rowsource.
SELECT x_rowsource, x_tokensource, count(*) AS charge_rows, sum(billedcost) AS billed,
       round(sum(effectivecost), 2) AS effective, sum(x_tokens) AS tokens
  FROM tokcost.focus_cost GROUP BY 1, 2 ORDER BY 1, 2;

-- The lane report: EffectiveCost per Mtok lane by lane, taxes apart,
-- credits and corrections in the cost and shown on their own.  The row of
-- another service has no lane and is in no lane.
SELECT day, x_tokensource, billingcurrency, round(effective_cost, 2) AS effective_cost, billed_cost,
       round(list_cost, 2) AS list_cost, tax, credits, corrections, tokens,
       round(cost_per_mtok, 4) AS cost_per_mtok, charge_rows, synthesized_rows
  FROM tokcost.lane_daily ORDER BY 1, 2;
SELECT month, x_tokensource, round(effective_cost, 2) AS effective_cost, tax, tokens,
       round(cost_per_mtok, 4) AS cost_per_mtok, charge_rows
  FROM tokcost.lane_monthly ORDER BY 1, 2;

-- Asked to blend, through the views, the lane aggregates refuse.
SELECT tokcost.lane_cost_per_mtok(x_tokensource, effectivecost, x_tokens) FROM tokcost.focus_cost;
SELECT tokcost.lane_cost_per_mtok(x_tokensource, effectivecost, x_tokens)
  FROM tokcost.focus_cost WHERE x_tokensource IS NOT NULL;
SELECT tokcost.lane_cost_per_mtok(x_tokensource, effective_cost, tokens) FROM tokcost.lane_daily;
SELECT x_tokensource, round(tokcost.lane_cost_per_mtok(x_tokensource, effective_cost, tokens), 4) AS week
  FROM tokcost.lane_daily GROUP BY 1 ORDER BY 1;

-- Idle cost and allocation views.
SELECT * FROM tokcost.gpu_idle_daily ORDER BY day;
SELECT day, workload, tokens, cost FROM tokcost.gpu_allocation_daily ORDER BY day, workload;
SELECT day, workload, tokens, cost FROM tokcost.gpu_allocation_idle_daily ORDER BY day, workload;

-- Value per token: per workload (shared among the lanes it used by tokens)
-- and for a whole day.
INSERT INTO tokcost.workload_value (day, workload, value) VALUES
    ('2026-11-02', 'chat', 1500), ('2026-11-03', NULL, 900);
SELECT * FROM tokcost.lane_workload_daily ORDER BY 1, 2, 4;
SELECT day, x_tokensource, workload, tokens, cost, round(value, 2) AS value,
       round(cost_per_mtok, 4) AS cost_per_mtok, round(value_per_mtok, 4) AS value_per_mtok,
       round(value_over_cost, 3) AS value_over_cost
  FROM tokcost.lane_value_daily ORDER BY 1, 2, 3;
SELECT x_tokensource, round(tokcost.lane_cost_per_mtok(x_tokensource, value, tokens), 4) AS value_per_mtok
  FROM tokcost.lane_value_daily GROUP BY 1 ORDER BY 1;
SELECT tokcost.lane_cost_per_mtok(x_tokensource, value, tokens) FROM tokcost.lane_value_daily;


-- Leave the shared regression database as it was.
SET client_min_messages = warning;
TRUNCATE tokcost.workload_value, tokcost.gpu_node, tokcost.focus_load CASCADE;
