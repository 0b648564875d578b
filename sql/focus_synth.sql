-- The datacenter lane, synthesized: a FOCUS row per node and day, idle cost
-- and allocation to the cent.
SET timezone = 'UTC';
\set SHOW_CONTEXT never

-- The worked example's node, and a small node with a one-month life, a
-- residual value and a tariff change, to see the end of amortization.
INSERT INTO tokcost.gpu_node (node_id, lane, capex, residual_value, in_service, life_months, retired_on, provider, region, description)
VALUES ('gpu-01', 'colo-gpu', 300000, 0, '2026-11-02', 36, NULL, 'Colo Inc', 'fra-1', '8x H100'),
       ('gpu-02', 'self-hosted-gpu', 12000, 2000, '2026-01-01', 1, '2026-02-03', NULL, 'hq', '1x L40S');
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, facility_per_day, peak_tokens_per_second)
VALUES ('gpu-01', '2026-11-02', 9.33, 1.5, 0.12, 25, 8680.56),
       ('gpu-02', '2026-01-01', 1, 1.2, 0.10, 0, 1000);
SELECT valid_from FROM tokcost.change_gpu_node_rate('gpu-02', '2026-01-31', price_per_kwh => 0.20);

INSERT INTO tokcost.gpu_usage (node_id, workload, period_start, period_end, tokens) VALUES
    ('gpu-01', 'chat', '2026-11-02', '2026-11-03', 100000000),
    ('gpu-01', 'batch', '2026-11-02', '2026-11-03', 50000000),
    ('gpu-01', 'chat', '2026-11-03', '2026-11-04', 260000000),
    ('gpu-01', 'a', '2026-11-05', '2026-11-06', 1),
    ('gpu-01', 'b', '2026-11-05', '2026-11-06', 1),
    ('gpu-01', 'c', '2026-11-05', '2026-11-06', 1),
    ('gpu-01', 'd', '2026-11-05', '2026-11-06', 1),
    ('gpu-01', 'chat', '2026-11-06', '2026-11-07', 800000000),
    ('gpu-02', 'chat', '2026-01-31 10:00', '2026-01-31 11:00', 43200000);

-- Daily cost: amortization, power and facility of the day.  A day with no
-- tokens still costs; the parameters are those in effect that day.
SELECT * FROM tokcost.gpu_node_day('2026-11-01', '2026-11-08');
SELECT * FROM tokcost.gpu_node_day('2026-01-29', '2026-02-10');

-- Amortization adds up to capex - residual over the life, the last day
-- partial: one month is 30.4375 days.
SELECT round(sum(amortization), 10) AS amortized, count(*) FILTER (WHERE amortization > 0) AS days
  FROM tokcost.gpu_node_day('2026-01-01', '2026-03-01') WHERE node_id = 'gpu-02';
SELECT round(sum(amortization), 8) AS amortized, count(*) FILTER (WHERE amortization > 0) AS days,
       min(day) FILTER (WHERE amortization = 0) AS first_day_past_life
  FROM tokcost.gpu_node_day('2026-11-01', '2030-01-01') WHERE node_id = 'gpu-01';

-- The cent ledger: every run of days from in_service adds up to its exact
-- cost rounded to the cent, so over three years no bias builds up, where
-- rounding each day's 339.0906... on its own would.
SELECT count(*) AS days,
       bool_and(abs(cents_to_date - exact_to_date) <= 0.005) AS within_half_a_cent,
       max(cents_to_date) = round(max(exact_to_date), 2) AS life_total_exact,
       round(max(per_day_to_date) - max(exact_to_date), 2) AS per_day_rounding_drift
  FROM (SELECT sum(daily_cost_cents) OVER w AS cents_to_date,
               sum(daily_cost) OVER w AS exact_to_date,
               sum(round(daily_cost, 2)) OVER w AS per_day_to_date
          FROM tokcost.gpu_node_day('2026-11-02', '2029-11-02') WHERE node_id = 'gpu-01'
        WINDOW w AS (ORDER BY day)) t;
SELECT sum(daily_cost_cents) AS from_mid_life
  FROM tokcost.gpu_node_day('2027-03-01', '2027-04-01') WHERE node_id = 'gpu-01';
SELECT sum(daily_cost_cents) AS same_days_in_a_longer_range
  FROM tokcost.gpu_node_day('2026-11-02', '2028-01-01') WHERE node_id = 'gpu-01'
   AND day >= '2027-03-01' AND day < '2027-04-01';

-- FOCUS rows, flagged as synthesized: nothing billed, the cost effective.
SELECT * FROM tokcost.gpu_focus_rows('2026-11-02', '2026-11-03');
SELECT chargeperiodstart, chargeperiodend, billedcost, round(effectivecost, 2) AS effectivecost,
       consumedquantity, x_tokensource, x_rowsource
  FROM tokcost.gpu_focus_rows('2026-01-30', '2026-02-05');

-- Idle cost: used + idle = total to the cent; past full load nothing is idle.
SELECT day, node_id, tokens, round(utilization, 6) AS utilization, total_cost, used_cost, idle_cost
  FROM tokcost.gpu_idle('2026-11-02', '2026-11-08');
SELECT bool_and(used_cost + idle_cost = total_cost) AS adds_up, count(*) AS node_days
  FROM tokcost.gpu_idle('2026-01-01', '2027-01-01');

-- Allocation to workloads by tokens, idle spread or kept apart; the lines
-- of each node-day add up to its total, 339.09 / 4 included.
SELECT * FROM tokcost.gpu_allocation('2026-11-02', '2026-11-08');
SELECT * FROM tokcost.gpu_allocation('2026-11-02', '2026-11-08', idle => 'separate');
SELECT mode, bool_and(a.cost = i.total_cost) AS adds_up, count(*) AS node_days
  FROM (VALUES ('spread'), ('separate')) AS m (mode),
       LATERAL (SELECT day, node_id, sum(cost) AS cost
                  FROM tokcost.gpu_allocation('2026-01-01', '2027-01-01', m.mode) GROUP BY 1, 2) a
  JOIN tokcost.gpu_idle('2026-01-01', '2027-01-01') i USING (day, node_id)
 GROUP BY mode ORDER BY mode;

-- Errors: a day without parameters, a bad range, a bad mode.
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('gpu-03', 'colo-gpu', 1000, '2026-11-04', 12);
SELECT count(*) FROM tokcost.gpu_node_day('2026-11-01', '2026-11-08');
SELECT count(*) FROM tokcost.gpu_node_day('2026-11-01', '2026-11-04') WHERE node_id = 'gpu-03';
SELECT count(*) FROM tokcost.gpu_node_day(NULL, '2026-11-08');
SELECT count(*) FROM tokcost.gpu_node_day('2026-11-01', 'infinity');
SELECT count(*) FROM tokcost.gpu_allocation('2026-11-01', '2026-11-02', 'evenly');
SELECT count(*) AS empty_range FROM tokcost.gpu_node_day('2026-11-08', '2026-11-01');


-- Leave the shared regression database as it was.
SET client_min_messages = warning;
TRUNCATE tokcost.gpu_node CASCADE;
