-- Scalar costing functions: the worked figures, then each rejected input.

-- Amortization: a month is 365.25 / 12 days.
SELECT tokcost.amortized_daily_cost(300000, 36);
SELECT tokcost.amortized_daily_cost(300000, 36, 30000);
SELECT tokcost.amortized_daily_cost(0, 1);
SELECT tokcost.amortized_daily_cost(365.25, 12) = 1 AS one_a_day;

-- Power: IT load x PUE x 24 h x price.  14 kW of IT load at PUE 1.5 and
-- $0.12/kWh; then 14 kW of facility draw, which is 9.33 kW of IT load.
SELECT tokcost.power_daily_cost(14, 1.5, 0.12);
SELECT round(tokcost.power_daily_cost(14 / 1.5, 1.5, 0.12), 2);
SELECT tokcost.power_daily_cost(0, 1, 0);

-- The 8-GPU node: $300,000 over 36 months, 9.33 kW IT at PUE 1.5,
-- $0.12/kWh, $25 a day of colocation.
SELECT round(tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25), 2);
SELECT tokcost.node_daily_cost(300000, 36, 10, 1.2, 0.1)
     = tokcost.amortized_daily_cost(300000, 36) + tokcost.power_daily_cost(10, 1.2, 0.1)
    AS sum_of_parts;
SELECT tokcost.node_daily_cost(300000, 36, 10, 1.2, 0.1, 25, 30000)
     = tokcost.amortized_daily_cost(300000, 36, 30000)
       + tokcost.power_daily_cost(10, 1.2, 0.1) + 25
    AS sum_of_parts_with_fees;

-- Cost per million tokens at 150M, 260M and 440M tokens a day.
SELECT served, round(tokcost.cost_per_mtok(
           tokcost.node_daily_cost(300000, 36, 14 / 1.5, 1.5, 0.12, 25), served), 2)
  FROM (VALUES (150000000), (260000000), (440000000)) v(served);
SELECT tokcost.cost_per_mtok(4.92, 1600000);
SELECT tokcost.cost_per_mtok(-1.5, 1000000);
SELECT tokcost.cost_per_mtok(10, 0) IS NULL AS zero_tokens_is_null;
SELECT tokcost.cost_per_mtok(NULL, 10) IS NULL AS null_cost_is_null;

-- Metered API cost: 1M input of which 400k cached, 200k output.
SELECT tokcost.api_cost(1000000, 200000, 3.00, 15.00, 400000, 0.30);
SELECT tokcost.api_cost(input_tokens => 1000000, output_tokens => 200000,
                        input_per_mtok => 3.00, output_per_mtok => 15.00);
SELECT tokcost.api_cost(1000, 0, 0.02, NULL);
SELECT tokcost.api_cost(0, 0, NULL, NULL);
SELECT tokcost.api_cost(NULL, 10, 1, 1) IS NULL AS unknown_usage_is_null;
SELECT tokcost.api_cost(1000000, 0, 3.00, 15.00, 1000000, 0.30);

-- Utilization and break-even.
SELECT tokcost.tokens_per_day(8680.55, 1);
SELECT tokcost.tokens_per_day(10000, 0.6);
SELECT tokcost.utilization(150000000, 750000000);
SELECT round(tokcost.break_even_utilization(339, 750000000, 0.80), 4);
SELECT tokcost.break_even_utilization(339, 100000000, 0.80) > 1 AS never_breaks_even;

-- Rejected inputs name the parameter and the value.
SELECT tokcost.amortized_daily_cost(-1, 36);
SELECT tokcost.amortized_daily_cost(300000, 0);
SELECT tokcost.amortized_daily_cost(300000, -12);
SELECT tokcost.amortized_daily_cost(300000, 36, 300001);
SELECT tokcost.amortized_daily_cost(300000, 36, -1);
SELECT tokcost.amortized_daily_cost('NaN', 36);
SELECT tokcost.amortized_daily_cost('Infinity', 36);
SELECT tokcost.power_daily_cost(14, 0.9, 0.12);
SELECT tokcost.power_daily_cost(-14, 1.5, 0.12);
SELECT tokcost.power_daily_cost(14, 1.5, -0.12);
SELECT tokcost.power_daily_cost(14, 'NaN', 0.12);
SELECT tokcost.node_daily_cost(300000, 36, 10, 1.2, 0.1, -25);
SELECT tokcost.cost_per_mtok(10, -1);
SELECT tokcost.cost_per_mtok('NaN', 10);
SELECT tokcost.cost_per_mtok(10, '-Infinity');
SELECT tokcost.api_cost(1000, 10, 3, 15, 2000, 0.3);
SELECT tokcost.api_cost(1000, 10, 3, 15, 400);
SELECT tokcost.api_cost(1000, 10, 3, NULL);
SELECT tokcost.api_cost(1000, 10, NULL, 15);
SELECT tokcost.api_cost(-1000, 10, 3, 15);
SELECT tokcost.api_cost(1000, 10, -3, 15);
SELECT tokcost.api_cost(1000, 'NaN', 3, 15);
SELECT tokcost.tokens_per_day(10000, 1.01);
SELECT tokcost.tokens_per_day(10000, -0.01);
SELECT tokcost.tokens_per_day(-10000, 0.5);
SELECT tokcost.utilization(100, 0);
SELECT tokcost.break_even_utilization(339, 0, 0.80);
SELECT tokcost.break_even_utilization(339, 750000000, 0);
SELECT tokcost.break_even_utilization(-339, 750000000, 0.80);
