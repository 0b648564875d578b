-- Import the real LiteLLM-format price map (1,701 entries, September 2025)
-- whole, and check counts and prices against figures read from the file
-- independently of PostgreSQL.
BEGIN;
SELECT plan(16);

-- psql reads the file, so the server needs no access to the folder.
\set price_map_path :shared_data '/model-prices-2025-09.json'
\set price_map_text `cat :'price_map_path'`
CREATE TEMP TABLE price_map_file AS SELECT :'price_map_text'::jsonb AS price_map;

SELECT is((SELECT count(*) FROM price_map_file, jsonb_object_keys(price_map)), 1701::bigint,
          'the price map has 1,701 entries');

CREATE TEMP TABLE first_import AS
SELECT * FROM tokcost.import_price_map((SELECT price_map FROM price_map_file), '2025-09-05 00:00:00+00');

SELECT is((SELECT prices_added FROM first_import), 3210::bigint,
          'every input, output and cached-input price becomes a row');
SELECT is((SELECT models_without_token_prices FROM first_import), 233::bigint,
          'entries priced per image, second or character are counted as skipped');
SELECT is((SELECT count(*) FROM tokcost.api_price WHERE token_class = 'input'), 1461::bigint, '1,461 input prices');
SELECT is((SELECT count(*) FROM tokcost.api_price WHERE token_class = 'output'), 1467::bigint, '1,467 output prices');
SELECT is((SELECT count(*) FROM tokcost.api_price WHERE token_class = 'cached_input'), 282::bigint, '282 cached-input prices');
SELECT is((SELECT sum(usd_per_mtok) FROM tokcost.api_price), 34328.638598,
          'the prices add up to the file''s own exact sum, in USD per Mtok');

SELECT is(tokcost.api_rate('gpt-4o', 'input', '2025-10-01'), 2.5, 'gpt-4o input is $2.50 per Mtok');
SELECT is(tokcost.api_rate('gpt-4o', 'output', '2025-10-01'), 10::numeric, 'gpt-4o output is $10 per Mtok');
SELECT is(tokcost.api_rate('gpt-4o', 'cached_input', '2025-10-01'), 1.25, 'gpt-4o cached input is $1.25 per Mtok');
SELECT is(tokcost.api_rate('gpt-4o-mini', 'cached_input', '2025-10-01'), 0.075, 'gpt-4o-mini cached input is $0.075 per Mtok');
SELECT is(tokcost.api_rate('gemini-2.5-pro', 'cached_input', '2025-10-01', 'vertex_ai-language-models'), 0.3125,
          'gemini-2.5-pro cached input is $0.3125 per Mtok');
SELECT is(tokcost.api_cost_by_model('claude-3-5-sonnet-20241022', '2025-10-01', 1000000, 200000, 400000), 4.92,
          'the worked API example prices to $4.92 from the imported map');
SELECT is((SELECT provider FROM tokcost.api_price WHERE model = 'text-embedding-3-small' AND token_class = 'input'),
          'openai', 'the provider comes from litellm_provider');

CREATE TEMP TABLE second_import AS
SELECT * FROM tokcost.import_price_map((SELECT price_map FROM price_map_file), '2025-10-01 00:00:00+00');
SELECT is((SELECT (prices_added, prices_closed, prices_unchanged)::text FROM second_import), '(0,0,3210)',
          're-importing the same map a month later changes nothing');
SELECT is((SELECT count(*) FROM tokcost.api_price), 3210::bigint, 'and adds no rows');

SELECT * FROM finish();
ROLLBACK;
