-- The price list: importing LiteLLM price maps, effective dating, lookups
-- and pricing usage rows by model and time.  FOCUS charge periods are UTC.
SET timezone = 'UTC';
\set SHOW_CONTEXT never

SELECT * FROM tokcost.import_price_map('{
    "sample_spec": {"input_cost_per_token": 0, "litellm_provider": "documentation"},
    "gpt-4o": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05,
               "cache_read_input_token_cost": 1.25e-06, "litellm_provider": "openai"},
    "claude-sonnet": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
                      "cache_read_input_token_cost": 3e-07, "litellm_provider": "anthropic"},
    "text-embedding": {"input_cost_per_token": 2e-08, "output_cost_per_token": 0,
                       "litellm_provider": "openai"},
    "dall-e": {"output_cost_per_image": 0.04, "litellm_provider": "openai"}
}', '2026-01-01');
SELECT provider, model, token_class, usd_per_mtok, valid_from, valid_to, source
  FROM tokcost.api_price ORDER BY model, token_class;

-- Importing the same map again changes nothing.
SELECT * FROM tokcost.import_price_map('{
    "gpt-4o": {"input_cost_per_token": 2.50e-06, "output_cost_per_token": 1e-05,
               "cache_read_input_token_cost": 1.25e-06, "litellm_provider": "openai"}
}', '2026-01-01');

-- A later map with a new price closes the old period and opens a new one.
SELECT * FROM tokcost.import_price_map('{
    "gpt-4o": {"input_cost_per_token": 2e-06, "output_cost_per_token": 1e-05,
               "cache_read_input_token_cost": 1e-06, "litellm_provider": "openai"}
}', '2026-06-01', 'price change');
SELECT token_class, usd_per_mtok, valid_from, valid_to, source
  FROM tokcost.api_price WHERE model = 'gpt-4o' ORDER BY token_class, valid_from;

-- Lookups at a time: each period covers [valid_from, valid_to).
SELECT tokcost.api_rate('gpt-4o', 'input', '2026-05-31 23:59:59+00') AS before_change,
       tokcost.api_rate('gpt-4o', 'input', '2026-06-01 00:00:00+00') AS at_change,
       tokcost.api_rate('gpt-4o', 'input', '2025-12-31') AS before_any,
       tokcost.api_rate('no-such-model', 'input', '2026-03-01') AS unknown_model;

-- Pricing usage rows: 1M input of which 400k cached, 200k output.
SELECT tokcost.api_cost_by_model('claude-sonnet', '2026-03-01', 1000000, 200000, 400000);
SELECT tokcost.api_cost_by_model('gpt-4o', '2026-03-01', 1000000, 200000, 400000)
     = tokcost.api_cost(1000000, 200000, 2.5, 10, 400000, 1.25) AS old_price,
       tokcost.api_cost_by_model('gpt-4o', '2026-07-01', 1000000, 200000, 400000)
     = tokcost.api_cost(1000000, 200000, 2, 10, 400000, 1) AS new_price;
SELECT tokcost.api_cost_by_model('text-embedding', '2026-03-01', 5000000, 0);
SELECT tokcost.api_cost_by_model('gpt-4o', '2026-03-01', NULL, 10) IS NULL AS unknown_usage_is_null;
SELECT tokcost.api_cost_by_model(model => 'gpt-4o', charged_at => '2026-03-01',
                        input_tokens => 1000, output_tokens => 100, provider => 'openai');

-- Usage with no price is an error, never a zero.
SELECT tokcost.api_cost_by_model('no-such-model', '2026-03-01', 1000, 100);
SELECT tokcost.api_cost_by_model('gpt-4o', '2025-12-31', 1000, 100);
SELECT tokcost.api_cost_by_model('gpt-4o', '2026-03-01', 1000, 100, 0, 'anthropic');
SELECT tokcost.api_cost_by_model('text-embedding', '2026-03-01', 5000000, 0, 100);
SELECT tokcost.api_cost_by_model(NULL, '2026-03-01', 1000, 100);
SELECT tokcost.api_cost_by_model('gpt-4o', NULL, 1000, 100);
SELECT tokcost.api_cost_by_model('gpt-4o', '2026-03-01', 1000, 100, 2000);

-- A model that two providers price is ambiguous without the provider.
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('azure', 'gpt-4o', 'input', 2.75, '2026-01-01');
SELECT tokcost.api_rate('gpt-4o', 'input', '2026-03-01');
SELECT tokcost.api_rate('gpt-4o', 'input', '2026-03-01', 'azure');
DELETE FROM tokcost.api_price WHERE provider = 'azure';

-- Periods of one provider, model and token class never overlap.
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('openai', 'gpt-4o', 'input', 9, '2026-03-01');
UPDATE tokcost.api_price SET valid_to = NULL
 WHERE model = 'gpt-4o' AND token_class = 'output' AND valid_from = '2026-01-01';
UPDATE tokcost.api_price SET usd_per_mtok = 2.5
 WHERE model = 'gpt-4o' AND token_class = 'input' AND valid_from = '2026-01-01';
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('openai', 'gpt-4o', 'batch', 1, '2026-01-01');
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('openai', 'gpt-4o-mini', 'input', 'NaN', '2026-01-01');
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('openai', 'gpt-4o-mini', 'input', -1, '2026-01-01');
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from, valid_to)
VALUES ('openai', 'gpt-4o-mini', 'input', 1, '2026-01-01', '2026-01-01');

-- Imports never rewrite history, and reject a malformed map whole.
SELECT * FROM tokcost.import_price_map('{
    "gpt-4o": {"input_cost_per_token": 3e-06, "litellm_provider": "openai"}
}', '2026-03-01');
SELECT * FROM tokcost.import_price_map('{
    "gpt-4o": {"input_cost_per_token": 3e-06, "litellm_provider": "openai"}
}', '2026-06-01');
SELECT * FROM tokcost.import_price_map('{
    "new-model": {"input_cost_per_token": 1e-06, "litellm_provider": "openai"},
    "bad-model": {"input_cost_per_token": "0.000001", "litellm_provider": "openai"}
}', '2026-09-01');
SELECT * FROM tokcost.import_price_map('{"bad-model": {"input_cost_per_token": -1e-06, "litellm_provider": "openai"}}', '2026-09-01');
SELECT * FROM tokcost.import_price_map('{"bad-model": {"input_cost_per_token": 1e-06}}', '2026-09-01');
SELECT * FROM tokcost.import_price_map('{"bad-model": [1, 2]}', '2026-09-01');
SELECT * FROM tokcost.import_price_map('[1, 2]', '2026-09-01');
SELECT * FROM tokcost.import_price_map('{}', 'infinity');
SELECT count(*) FROM tokcost.api_price WHERE model = 'new-model';

-- The prices in effect now.
SELECT count(*) > 0 AS has_current FROM tokcost.api_price_current;

TRUNCATE tokcost.api_price;
