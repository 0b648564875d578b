-- The worked figures for an 8-GPU node and a metered API bill.  The node
-- costs $300,000 over 36 months and draws 14 kW at the meter at PUE 1.5
-- (9.33 kW of IT load), at $0.12/kWh and $25 a day of colocation.
BEGIN;
SELECT plan(16);

SELECT is(round(tokcost.amortized_daily_cost(300000, 36), 3), 273.785,
          'amortization of $300,000 over 36 months is $273.785 a day');
SELECT is(round(tokcost.amortized_daily_cost(300000, 36) * 36 * 365.25 / 12, 10), 300000.0000000000,
          'amortization over the whole life adds back to the capex, to 10 decimal places');
SELECT is(tokcost.power_daily_cost(14, 1.5, 0.12), 60.480,
          '14 kW of IT load at PUE 1.5 and $0.12/kWh is $60.48 a day');
SELECT is(round(tokcost.power_daily_cost(14 / 1.5, 1.5, 0.12), 2), 40.32,
          '14 kW of facility draw at PUE 1.5 (9.33 kW IT) is $40.32 a day');
SELECT is(round(tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25), 2), 339.11,
          'the node costs about $339 a day');
SELECT is(round(tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25)), 339::numeric,
          'the node costs $339 a day to the dollar');
SELECT is(round(tokcost.cost_per_mtok(tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25), 150000000), 2), 2.26,
          '$2.26 per Mtok at 150M tokens a day');
SELECT is(round(tokcost.cost_per_mtok(tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25), 260000000), 2), 1.30,
          '$1.30 per Mtok at 260M tokens a day');
SELECT is(round(tokcost.cost_per_mtok(tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25), 440000000), 2), 0.77,
          '$0.77 per Mtok at 440M tokens a day');
SELECT ok(round(tokcost.cost_per_mtok(339, 150000000) / tokcost.cost_per_mtok(339, 450000000), 12) = 3,
          'the same node is three times dearer per token at a third of the load');
SELECT is(tokcost.api_cost(1000000, 200000, 3.00, 15.00, 400000, 0.30), 4.92,
          '1M input (400k cached) and 200k output at 3.00/0.30/15.00 is $4.92');
SELECT is(round(tokcost.break_even_utilization(339, 750000000, 0.80), 3), 0.565,
          'break-even at $339 a day, 750M tokens at peak, $0.80 cloud is 0.565');
SELECT ok(tokcost.break_even_utilization(339, 300000000, 0.80) > 1,
          'a node that can never beat the cloud price breaks even above 1');
SELECT is(tokcost.tokens_per_day(8680.5556, 1), 750000003.84000,
          '8,680.56 tokens a second at full load is 750M tokens a day');
SELECT is(tokcost.utilization(tokcost.tokens_per_day(10000, 0.6), tokcost.tokens_per_day(10000, 1)), 0.60000000000000000000,
          'utilization inverts tokens_per_day');
SELECT is(tokcost.cost_per_mtok(tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25),
                                tokcost.tokens_per_day(8680.5556, tokcost.break_even_utilization(
                                    tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25), 750000003.84, 0.80))) BETWEEN 0.7999 AND 0.8001,
          true, 'at break-even utilization the node costs the cloud price');

SELECT * FROM finish();
ROLLBACK;
