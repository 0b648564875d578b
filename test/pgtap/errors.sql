-- Every rejected input raises a specific SQLSTATE: class 22 for bad
-- arguments, TC001 for the blend error, TC002 and TC003 for prices.
BEGIN;
SELECT plan(62);

-- Costing functions: invalid_parameter_value (22023) names parameter and value.
SELECT throws_ok($$SELECT tokcost.amortized_daily_cost(-1, 36)$$, '22023', 'invalid capex: -1', 'negative capex');
SELECT throws_ok($$SELECT tokcost.amortized_daily_cost(300000, 0)$$, '22023', 'invalid life_months: 0', 'life of 0 months');
SELECT throws_ok($$SELECT tokcost.amortized_daily_cost(300000, -1)$$, '22023', 'invalid life_months: -1', 'negative life');
SELECT throws_ok($$SELECT tokcost.amortized_daily_cost(300000, 36, 300000.01)$$, '22023', 'invalid residual_value: 300000.01', 'residual above capex');
SELECT throws_ok($$SELECT tokcost.amortized_daily_cost(300000, 36, -5)$$, '22023', 'invalid residual_value: -5', 'negative residual');
SELECT throws_ok($$SELECT tokcost.amortized_daily_cost('NaN', 36)$$, '22023', 'invalid capex: NaN', 'NaN capex');
SELECT throws_ok($$SELECT tokcost.amortized_daily_cost('Infinity', 36)$$, '22023', 'invalid capex: Infinity', 'infinite capex');
SELECT throws_ok($$SELECT tokcost.amortized_daily_cost(300000, 36, 'NaN')$$, '22023', 'invalid residual_value: NaN', 'NaN residual');
SELECT throws_ok($$SELECT tokcost.power_daily_cost(14, 0.99, 0.12)$$, '22023', 'invalid pue: 0.99', 'PUE below 1');
SELECT throws_ok($$SELECT tokcost.power_daily_cost(-1, 1.5, 0.12)$$, '22023', 'invalid it_load_kw: -1', 'negative IT load');
SELECT throws_ok($$SELECT tokcost.power_daily_cost(14, 1.5, -0.01)$$, '22023', 'invalid price_per_kwh: -0.01', 'negative power price');
SELECT throws_ok($$SELECT tokcost.power_daily_cost('-Infinity', 1.5, 0.12)$$, '22023', 'invalid it_load_kw: -Infinity', 'infinite IT load');
SELECT throws_ok($$SELECT tokcost.power_daily_cost(14, 1.5, 'NaN')$$, '22023', 'invalid price_per_kwh: NaN', 'NaN power price');
SELECT throws_ok($$SELECT tokcost.node_daily_cost(1, 1, 1, 1, 1, -1)$$, '22023', 'invalid facility_per_day: -1', 'negative facility fee');
SELECT throws_ok($$SELECT tokcost.node_daily_cost(1, 1, 1, 1, 1, 'NaN')$$, '22023', 'invalid facility_per_day: NaN', 'NaN facility fee');
SELECT throws_ok($$SELECT tokcost.node_daily_cost(1, 0, 1, 1, 1)$$, '22023', 'invalid life_months: 0', 'node with life of 0 months');
SELECT throws_ok($$SELECT tokcost.cost_per_mtok(1, -1)$$, '22023', 'invalid tokens: -1', 'negative tokens');
SELECT throws_ok($$SELECT tokcost.cost_per_mtok('NaN', 1)$$, '22023', 'invalid cost: NaN', 'NaN cost');
SELECT throws_ok($$SELECT tokcost.cost_per_mtok(1, 'Infinity')$$, '22023', 'invalid tokens: Infinity', 'infinite tokens');
SELECT throws_ok($$SELECT tokcost.api_cost(10, 1, 3, 15, 11, 0.3)$$, '22023', 'invalid cached_input_tokens: 11', 'more cached than input tokens');
SELECT throws_ok($$SELECT tokcost.api_cost(10, 1, 3, 15, 5)$$, '22004', 'cached_input_per_mtok is null, but cached_input_tokens is 5', 'cached tokens without a cached rate');
SELECT throws_ok($$SELECT tokcost.api_cost(10, 1, NULL, 15)$$, '22004', 'input_per_mtok is null, but input_tokens is 10', 'input tokens without a rate');
SELECT throws_ok($$SELECT tokcost.api_cost(10, 1, 3, NULL)$$, '22004', 'output_per_mtok is null, but output_tokens is 1', 'output tokens without a rate');
SELECT throws_ok($$SELECT tokcost.api_cost(-10, 1, 3, 15)$$, '22023', 'invalid input_tokens: -10', 'negative input tokens');
SELECT throws_ok($$SELECT tokcost.api_cost(10, 1, 3, 'NaN')$$, '22023', 'invalid output_per_mtok: NaN', 'NaN rate');
SELECT throws_ok($$SELECT tokcost.tokens_per_day(100, 1.5)$$, '22023', 'invalid utilization: 1.5', 'utilization above 1');
SELECT throws_ok($$SELECT tokcost.tokens_per_day(100, -0.5)$$, '22023', 'invalid utilization: -0.5', 'utilization below 0');
SELECT throws_ok($$SELECT tokcost.tokens_per_day('NaN', 0.5)$$, '22023', 'invalid peak_tokens_per_second: NaN', 'NaN peak rate');
SELECT throws_ok($$SELECT tokcost.utilization(10, 0)$$, '22023', 'invalid peak_tokens_per_day: 0', 'utilization of zero capacity');
SELECT throws_ok($$SELECT tokcost.break_even_utilization(339, 0, 0.8)$$, '22023', 'invalid peak_tokens_per_day: 0', 'break-even with zero capacity');
SELECT throws_ok($$SELECT tokcost.break_even_utilization(339, 750000000, 0)$$, '22023', 'invalid cloud_per_mtok: 0', 'break-even against a free cloud');
SELECT throws_ok($$SELECT tokcost.break_even_utilization('NaN', 750000000, 0.8)$$, '22023', 'invalid daily_cost: NaN', 'break-even of NaN cost');

-- Lane aggregates: the blend error has SQLSTATE TC001 in every plan.
SELECT throws_ok($$SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES ('cloud-api', 1, 1), ('colo-gpu', 1, 1)) v(l, c, t)$$,
                 'TC001', 'cannot blend lane "cloud-api" with lane "colo-gpu"', 'two lanes');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('cloud-api', 1, 1), (NULL, 1, 1)) v(l, c, t)$$,
                 'TC001', 'cannot aggregate a row with a null lane', 'NULL lane');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('', 1, 1)) v(l, c, t)$$,
                 'TC001', 'cannot aggregate a row with an empty lane', 'empty lane');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t, u) FROM (VALUES ('cloud-api', 1, 1, 'USD'), ('cloud-api', 1, 1, 'EUR')) v(l, c, t, u)$$,
                 'TC001', 'cannot blend currency "USD" with currency "EUR" in lane "cloud-api"', 'two currencies');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t, u) FROM (VALUES ('cloud-api', 1, 1, NULL)) v(l, c, t, u)$$,
                 'TC001', 'cannot aggregate a row with a null currency in lane "cloud-api"', 'NULL currency');
SELECT throws_ok($$SELECT tokcost.lane_sum(x) FROM (VALUES ('(cloud-api,,1,1,1)'::tokcost.lane_total), ('(colo-gpu,,1,1,1)')) v(x)$$,
                 'TC001', 'cannot blend lane "cloud-api" with lane "colo-gpu"', 'rollup of two lanes');
SELECT throws_ok($$SELECT tokcost.lane_sum(x) FROM (VALUES ('(cloud-api,USD,1,1,1)'::tokcost.lane_total), ('(cloud-api,,1,1,1)')) v(x)$$,
                 'TC001', NULL, 'rollup of tagged and untagged currency');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t) OVER (ORDER BY n ROWS 1 PRECEDING) FROM (VALUES (1, 'cloud-api', 1, 1), (2, 'colo-gpu', 1, 1)) v(n, l, c, t)$$,
                 'TC001', 'cannot blend lane "cloud-api" with lane "colo-gpu"', 'window frame of two lanes');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('cloud-api', 'NaN'::numeric, 1)) v(l, c, t)$$,
                 '22023', 'invalid cost: NaN', 'NaN cost in an aggregate');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('cloud-api', '-Infinity'::float8, 1)) v(l, c, t)$$,
                 '22023', 'invalid cost: -Infinity', 'infinite float8 cost in an aggregate');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('cloud-api', 1, 'NaN'::numeric)) v(l, c, t)$$,
                 '22023', 'invalid tokens: NaN', 'NaN tokens in an aggregate');
SELECT throws_ok($$SELECT tokcost.lane_sum(l, c, t, 'usd') FROM (VALUES ('cloud-api', 1, 1)) v(l, c, t)$$,
                 '22023', 'invalid currency code "usd"', 'lower-case currency code');
SELECT throws_ok($$SELECT tokcost.lane_sum(repeat('x', 256), 1, 1)$$,
                 '22001', NULL, 'lane of 256 bytes');
SELECT throws_ok($$SELECT tokcost.cost_per_mtok('(cloud-api,,1,-1,1)'::tokcost.lane_total)$$,
                 '22023', 'invalid tokens: -1', 'negative token sum');

-- lane_total input: invalid_text_representation (22P02) and out of range (22003).
SELECT throws_ok($$SELECT 'cloud-api'::tokcost.lane_total$$, '22P02', NULL, 'text without parentheses');
SELECT throws_ok($$SELECT '(a,USD,1,2)'::tokcost.lane_total$$, '22P02', NULL, 'text with four fields');
SELECT throws_ok($$SELECT '(a,USD,NaN,2,3)'::tokcost.lane_total$$, '22P02', NULL, 'text with NaN cost');
SELECT throws_ok($$SELECT '(a,USD,1,2,0)'::tokcost.lane_total$$, '22P02', NULL, 'text with no rows');
SELECT throws_ok($$SELECT '(a,Usd,1,2,1)'::tokcost.lane_total$$, '22P02', NULL, 'text with a malformed currency');
SELECT throws_ok($$SELECT '(a,USD,1,2,9223372036854775808)'::tokcost.lane_total$$, '22003', NULL, 'row count beyond bigint');
SELECT throws_ok($$SELECT ('(a,,' || repeat('9', 2500) || ',1,1)')::tokcost.lane_total$$, '22003', NULL, 'cost beyond the size limit');
SELECT throws_ok($$SELECT ('(' || repeat('x', 300) || ',,1,1,1)')::tokcost.lane_total$$, '22001', NULL, 'text with a lane of 300 bytes');
SELECT throws_ok($$SELECT tokcost.lane_sum(x) FROM (VALUES ('(a,,1,1,9223372036854775807)'::tokcost.lane_total), ('(a,,1,1,1)')) v(x)$$,
                 '22003', NULL, 'rollup beyond bigint rows');

-- Prices: TC002 for no price, TC003 for two, 23P01 for overlapping periods.
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('openai', 'm', 'input', 1, '2026-01-01'), ('openai', 'm', 'output', 2, '2026-01-01'),
       ('azure', 'm', 'input', 1.1, '2026-01-01');
SELECT throws_ok($$SELECT tokcost.api_cost_by_model('nope', '2026-03-01', 1, 1)$$, 'TC002', NULL, 'model without a price');
SELECT throws_ok($$SELECT tokcost.api_cost_by_model('m', '2025-03-01', 1, 1)$$, 'TC002', NULL, 'time before any price');
SELECT throws_ok($$SELECT tokcost.api_cost_by_model('m', '2026-03-01', 10, 1, 5, 'openai')$$, 'TC002', NULL, 'cached tokens without a cached price');
SELECT throws_ok($$SELECT tokcost.api_cost_by_model('m', '2026-03-01', 10, 1)$$, 'TC003', NULL, 'two providers price the model');
SELECT throws_ok($$SELECT tokcost.api_cost_by_model(NULL, '2026-03-01', 10, 1)$$, '22004', 'model is null', 'NULL model');
SELECT throws_ok($$INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from) VALUES ('openai', 'm', 'input', 5, '2026-02-01')$$,
                 '23P01', NULL, 'overlapping price period');
SELECT throws_ok($$SELECT * FROM tokcost.import_price_map('{"m": {"input_cost_per_token": "x", "litellm_provider": "openai"}}', '2026-09-01')$$,
                 '22023', 'invalid price map entry "m"', 'malformed price map entry');

SELECT * FROM finish();
ROLLBACK;
