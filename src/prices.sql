-- Cloud prices: an effective-dated price list, an importer for LiteLLM
-- model price maps, and pricing of usage rows by model and time.
--
-- SQLSTATEs raised here: TC002 when no price covers a model, token class
-- and time; TC003 when more than one does.

CREATE TABLE tokcost.api_price (
    provider text NOT NULL,
    model text NOT NULL,
    token_class text NOT NULL,
    usd_per_mtok numeric NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_to timestamptz,
    source text,
    PRIMARY KEY (provider, model, token_class, valid_from),
    -- Operators are qualified so that no operator in schema tokcost can
    -- match more closely than pg_catalog's (numeric >= integer has no
    -- exact match there).
    CONSTRAINT api_price_token_class_check
        CHECK (token_class OPERATOR(pg_catalog.=) ANY
               (ARRAY['input', 'output', 'cached_input']::pg_catalog.text[])),
    -- scale() is NULL for NaN and the infinities, which are no price
    CONSTRAINT api_price_usd_per_mtok_check
        CHECK (usd_per_mtok OPERATOR(pg_catalog.>=) 0::pg_catalog.numeric
               AND pg_catalog.scale(usd_per_mtok) IS NOT NULL),
    CONSTRAINT api_price_period_check
        CHECK (valid_to IS NULL OR valid_to OPERATOR(pg_catalog.>) valid_from)
);

CREATE INDEX api_price_model_idx
    ON tokcost.api_price (model, token_class, valid_from);

COMMENT ON TABLE tokcost.api_price IS
'effective-dated cloud API prices in USD per million tokens; a price applies from valid_from (inclusive) to valid_to (exclusive, NULL: still in effect)';
COMMENT ON COLUMN tokcost.api_price.provider IS
'who bills the tokens, as in the price map''s litellm_provider (openai, anthropic, bedrock, ...)';
COMMENT ON COLUMN tokcost.api_price.model IS
'model name as the provider bills it, the key of the price map';
COMMENT ON COLUMN tokcost.api_price.token_class IS
'input, output or cached_input (cached input tokens are part of input tokens but billed at this rate)';
COMMENT ON COLUMN tokcost.api_price.usd_per_mtok IS
'price in USD per million tokens of this class';
COMMENT ON COLUMN tokcost.api_price.valid_from IS
'start of the period when this price applies, inclusive';
COMMENT ON COLUMN tokcost.api_price.valid_to IS
'end of the period when this price applies, exclusive; NULL while the price is in effect';
COMMENT ON COLUMN tokcost.api_price.source IS
'where the price came from, for audit';
COMMENT ON INDEX tokcost.api_price_model_idx IS
'price lookups by model, token class and time';

-- The price list is the user's data: pg_dump keeps its rows.
SELECT pg_catalog.pg_extension_config_dump('tokcost.api_price', '');

GRANT SELECT ON tokcost.api_price TO PUBLIC;

-- In a trusted install the bootstrap superuser runs this script and owns
-- what it makes, so the database owner who ran CREATE EXTENSION gets the
-- writes that keeping the price list and restoring a dump of it need.  In
-- an install by a superuser, @extowner@ owns the table and this adds
-- nothing.
GRANT INSERT, UPDATE, DELETE ON tokcost.api_price TO @extowner@;

CREATE FUNCTION tokcost.api_price_check_overlap()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- Writers of one price key queue here, so that a concurrent writer's
    -- period is committed, and visible in READ COMMITTED, before the check.
    PERFORM pg_advisory_xact_lock(hashtextextended(
        NEW.provider || E'\x1f' || NEW.model || E'\x1f' || NEW.token_class, 0));

    IF EXISTS (
        SELECT 1
          FROM tokcost.api_price p
         WHERE p.provider = NEW.provider
           AND p.model = NEW.model
           AND p.token_class = NEW.token_class
           AND p.valid_from < coalesce(NEW.valid_to, 'infinity')
           AND NEW.valid_from < coalesce(p.valid_to, 'infinity')
           AND (TG_OP = 'INSERT'
                OR (p.provider, p.model, p.token_class, p.valid_from)
                   IS DISTINCT FROM
                   (OLD.provider, OLD.model, OLD.token_class, OLD.valid_from)))
    THEN
        RAISE EXCEPTION 'price period [%, %) of % tokens of model "%" overlaps an existing one',
            NEW.valid_from, coalesce(NEW.valid_to::text, 'open'), NEW.token_class, NEW.model
            USING ERRCODE = 'exclusion_violation',
                  DETAIL = format('Provider "%s" already prices %s tokens of model "%s" in that period, and one time can have only one price.',
                                  NEW.provider, NEW.token_class, NEW.model),
                  HINT = 'Close the existing period first by setting its valid_to to the new valid_from.';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION tokcost.api_price_check_overlap() IS
'trigger function that keeps the price periods of one provider, model and token class from overlapping';

CREATE TRIGGER api_price_check_overlap
    BEFORE INSERT OR UPDATE ON tokcost.api_price
    FOR EACH ROW EXECUTE FUNCTION tokcost.api_price_check_overlap();

COMMENT ON TRIGGER api_price_check_overlap ON tokcost.api_price IS
'rejects a price period that overlaps another one of the same provider, model and token class';

CREATE VIEW tokcost.api_price_current AS
SELECT p.provider, p.model, p.token_class, p.usd_per_mtok, p.valid_from, p.valid_to
  FROM tokcost.api_price p
 WHERE p.valid_from OPERATOR(pg_catalog.<=) pg_catalog.now()
   AND (p.valid_to IS NULL OR pg_catalog.now() OPERATOR(pg_catalog.<) p.valid_to);

COMMENT ON VIEW tokcost.api_price_current IS
'the prices in effect now';

GRANT SELECT ON tokcost.api_price_current TO PUBLIC;

CREATE FUNCTION tokcost.import_price_map(
    price_map jsonb,
    valid_from timestamptz,
    source text DEFAULT 'LiteLLM model price map')
RETURNS TABLE (
    prices_added bigint,
    prices_closed bigint,
    prices_unchanged bigint,
    models_without_token_prices bigint)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    import_from timestamptz := import_price_map.valid_from;
    bad record;
    price record;
    latest record;
BEGIN
    prices_added := 0;
    prices_closed := 0;
    prices_unchanged := 0;

    IF price_map IS NULL OR jsonb_typeof(price_map) <> 'object' THEN
        RAISE EXCEPTION 'invalid price_map: %', coalesce(jsonb_typeof(price_map), 'null')
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A price map is a JSON object keyed by model name, as LiteLLM publishes it.';
    END IF;
    IF import_from IS NULL OR import_from = 'infinity' THEN
        RAISE EXCEPTION 'invalid valid_from: %', coalesce(import_from::text, 'null')
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'Parameter valid_from is the time from which the imported prices apply, so it must be a point in time.';
    END IF;

    -- Reject the whole map before writing anything if one entry is malformed.
    SELECT e.key AS model, jsonb_typeof(e.value) AS entry_type,
           k.bad_key, e.value -> k.bad_key AS bad_value
      INTO bad
      FROM jsonb_each(price_map) e
      LEFT JOIN LATERAL (
           SELECT price_key AS bad_key
             FROM unnest(ARRAY['input_cost_per_token', 'output_cost_per_token',
                               'cache_read_input_token_cost']) price_key
            WHERE jsonb_typeof(e.value -> price_key) NOT IN ('number', 'null')
               OR (jsonb_typeof(e.value -> price_key) = 'number'
                   AND (e.value -> price_key)::numeric < 0)
            LIMIT 1) k ON true
     WHERE e.key <> 'sample_spec'
       AND (jsonb_typeof(e.value) <> 'object'
            OR jsonb_typeof(e.value -> 'litellm_provider') IS DISTINCT FROM 'string'
            OR e.value ->> 'litellm_provider' = ''
            OR k.bad_key IS NOT NULL)
     ORDER BY e.key
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'invalid price map entry "%"', bad.model
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = CASE
                      WHEN bad.entry_type <> 'object' THEN
                          format('The entry is a JSON %s, not an object.', bad.entry_type)
                      WHEN bad.bad_key IS NOT NULL THEN
                          format('Its %s is %s, and a price is a number of USD per token that is not negative.',
                                 bad.bad_key, bad.bad_value)
                      ELSE 'Its litellm_provider is missing or is not a non-empty string.'
                  END;
    END IF;

    SELECT count(*) INTO models_without_token_prices
      FROM jsonb_each(price_map) e
     WHERE e.key <> 'sample_spec'
       AND NOT (e.value ?| ARRAY['input_cost_per_token', 'output_cost_per_token',
                                 'cache_read_input_token_cost']);

    FOR price IN
        SELECT e.value ->> 'litellm_provider' AS provider,
               e.key AS model,
               c.token_class,
               -- USD per token to USD per million tokens, exactly
               trim_scale((e.value -> c.json_key)::numeric * 1000000) AS usd_per_mtok
          FROM jsonb_each(price_map) e
         CROSS JOIN (VALUES ('input', 'input_cost_per_token'),
                            ('output', 'output_cost_per_token'),
                            ('cached_input', 'cache_read_input_token_cost'))
                    AS c (token_class, json_key)
         WHERE e.key <> 'sample_spec'
           AND jsonb_typeof(e.value -> c.json_key) = 'number'
         ORDER BY 1, 2, 3
    LOOP
        SELECT p.valid_from, p.valid_to, p.usd_per_mtok
          INTO latest
          FROM tokcost.api_price p
         WHERE p.provider = price.provider
           AND p.model = price.model
           AND p.token_class = price.token_class
         ORDER BY p.valid_from DESC
         LIMIT 1;

        IF NOT FOUND OR (latest.valid_to IS NOT NULL AND latest.valid_to <= import_from
                         AND latest.valid_from < import_from) THEN
            INSERT INTO tokcost.api_price
                   (provider, model, token_class, usd_per_mtok, valid_from, source)
            VALUES (price.provider, price.model, price.token_class,
                    price.usd_per_mtok, import_from, import_price_map.source);
            prices_added := prices_added + 1;
        ELSIF latest.usd_per_mtok = price.usd_per_mtok
              AND latest.valid_from <= import_from
              AND latest.valid_to IS NULL THEN
            prices_unchanged := prices_unchanged + 1;
        ELSIF latest.valid_from < import_from AND latest.valid_to IS NULL THEN
            UPDATE tokcost.api_price p
               SET valid_to = import_from
             WHERE p.provider = price.provider
               AND p.model = price.model
               AND p.token_class = price.token_class
               AND p.valid_from = latest.valid_from;
            INSERT INTO tokcost.api_price
                   (provider, model, token_class, usd_per_mtok, valid_from, source)
            VALUES (price.provider, price.model, price.token_class,
                    price.usd_per_mtok, import_from, import_price_map.source);
            prices_closed := prices_closed + 1;
            prices_added := prices_added + 1;
        ELSE
            RAISE EXCEPTION 'cannot import the price of % tokens of model "%" from %', price.token_class, price.model, import_from
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = format('Provider "%s" has a price of %s for it from %s to %s, and an import never rewrites price history.',
                                      price.provider, latest.usd_per_mtok, latest.valid_from,
                                      coalesce(latest.valid_to::text, 'open')),
                      HINT = 'Import price maps in time order, with valid_from after the latest price period.';
        END IF;
    END LOOP;

    RETURN NEXT;
END
$$;

COMMENT ON FUNCTION tokcost.import_price_map(jsonb, timestamptz, text) IS
'import a LiteLLM-format model price map (USD per token) into tokcost.api_price as USD per Mtok, effective from valid_from; a changed price closes the previous period, an unchanged one is kept';

CREATE FUNCTION tokcost.api_rate(
    model text,
    token_class text,
    charged_at timestamptz,
    provider text DEFAULT NULL)
RETURNS numeric
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rates numeric[];
    providers text[];
BEGIN
    SELECT array_agg(p.usd_per_mtok), array_agg(p.provider)
      INTO rates, providers
      FROM (SELECT r.usd_per_mtok, r.provider
              FROM tokcost.api_price r
             WHERE r.model = api_rate.model
               AND r.token_class = api_rate.token_class
               AND (api_rate.provider IS NULL OR r.provider = api_rate.provider)
               AND r.valid_from <= charged_at
               AND (r.valid_to IS NULL OR charged_at < r.valid_to)
             LIMIT 2) p;

    IF rates IS NULL THEN
        RETURN NULL;
    END IF;
    IF cardinality(rates) > 1 THEN
        RAISE EXCEPTION 'price of model "%" for % tokens at % is ambiguous', model, token_class, charged_at
            USING ERRCODE = 'TC003',
                  DETAIL = format('Providers %s both price it then.', array_to_string(providers, ' and ')),
                  HINT = 'Pass the provider argument.';
    END IF;
    RETURN rates[1];
END
$$;

COMMENT ON FUNCTION tokcost.api_rate(text, text, timestamptz, text) IS
'USD per Mtok for a model''s token class (input, output, cached_input) at a time, or NULL when none applies';

CREATE FUNCTION tokcost.api_cost_by_model(
    model text,
    charged_at timestamptz,
    input_tokens numeric,
    output_tokens numeric,
    cached_input_tokens numeric DEFAULT 0,
    provider text DEFAULT NULL)
RETURNS numeric
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    input_rate numeric;
    output_rate numeric;
    cached_rate numeric;
BEGIN
    IF model IS NULL OR charged_at IS NULL THEN
        RAISE EXCEPTION '% is null', CASE WHEN model IS NULL THEN 'model' ELSE 'charged_at' END
            USING ERRCODE = 'null_value_not_allowed',
                  DETAIL = 'A usage row is priced by its model and the time it was charged.';
    END IF;
    IF input_tokens IS NULL OR output_tokens IS NULL OR cached_input_tokens IS NULL THEN
        RETURN NULL;
    END IF;

    input_rate := tokcost.api_rate(model, 'input', charged_at, provider);
    output_rate := tokcost.api_rate(model, 'output', charged_at, provider);
    cached_rate := tokcost.api_rate(model, 'cached_input', charged_at, provider);

    IF input_rate IS NULL AND output_rate IS NULL AND cached_rate IS NULL THEN
        RAISE EXCEPTION 'no price for model "%" at %', model, charged_at
            USING ERRCODE = 'TC002',
                  DETAIL = CASE WHEN provider IS NULL THEN 'No row of tokcost.api_price covers that model at that time.'
                                ELSE format('No row of tokcost.api_price from provider "%s" covers that model at that time.', provider) END,
                  HINT = 'Import a price map that lists the model with tokcost.import_price_map, or insert its prices into tokcost.api_price.';
    END IF;
    IF input_rate IS NULL AND input_tokens > cached_input_tokens THEN
        RAISE EXCEPTION 'model "%" has no input price at %', model, charged_at
            USING ERRCODE = 'TC002',
                  DETAIL = 'The row has uncached input tokens, and pricing them at zero would understate the cost.';
    END IF;
    IF cached_rate IS NULL AND cached_input_tokens > 0 THEN
        RAISE EXCEPTION 'model "%" has no cached_input price at %', model, charged_at
            USING ERRCODE = 'TC002',
                  DETAIL = 'The row has cached input tokens, and pricing them at zero or at the input rate would misstate the cost.';
    END IF;
    IF output_rate IS NULL AND output_tokens > 0 THEN
        RAISE EXCEPTION 'model "%" has no output price at %', model, charged_at
            USING ERRCODE = 'TC002',
                  DETAIL = 'The row has output tokens, and pricing them at zero would understate the cost.';
    END IF;

    RETURN tokcost.api_cost(input_tokens, output_tokens, input_rate, output_rate,
                            cached_input_tokens, cached_rate);
END
$$;

COMMENT ON FUNCTION tokcost.api_cost_by_model(text, timestamptz, numeric, numeric, numeric, text) IS
'metered cost of one usage row priced from tokcost.api_price by model and time; raises SQLSTATE TC002 when a used token class has no price';
