-- Scalar costing functions (costing.c).  Rates are USD per million tokens.

CREATE FUNCTION tokcost.amortized_daily_cost(
    capex numeric,
    life_months integer,
    residual_value numeric DEFAULT 0)
RETURNS numeric
AS 'MODULE_PATHNAME', 'tokcost_amortized_daily_cost'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.amortized_daily_cost(numeric, integer, numeric) IS
'straight-line depreciation per day: (capex - residual_value) / (life_months * 365.25 / 12)';

CREATE FUNCTION tokcost.power_daily_cost(
    it_load_kw numeric,
    pue numeric,
    price_per_kwh numeric)
RETURNS numeric
AS 'MODULE_PATHNAME', 'tokcost_power_daily_cost'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.power_daily_cost(numeric, numeric, numeric) IS
'a day of facility power: it_load_kw * pue * 24 h * price_per_kwh';

CREATE FUNCTION tokcost.node_daily_cost(
    capex numeric,
    life_months integer,
    it_load_kw numeric,
    pue numeric,
    price_per_kwh numeric,
    facility_per_day numeric DEFAULT 0,
    residual_value numeric DEFAULT 0)
RETURNS numeric
AS 'MODULE_PATHNAME', 'tokcost_node_daily_cost'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.node_daily_cost(numeric, integer, numeric, numeric, numeric, numeric, numeric) IS
'what a GPU node costs a day, busy or idle: amortization + power + facility fee';

CREATE FUNCTION tokcost.cost_per_mtok(cost numeric, tokens numeric)
RETURNS numeric
AS 'MODULE_PATHNAME', 'tokcost_cost_per_mtok'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.cost_per_mtok(numeric, numeric) IS
'cost / tokens * 1,000,000; NULL for zero tokens, an error for negative tokens';

CREATE FUNCTION tokcost.api_cost(
    input_tokens numeric,
    output_tokens numeric,
    input_per_mtok numeric,
    output_per_mtok numeric,
    cached_input_tokens numeric DEFAULT 0,
    cached_input_per_mtok numeric DEFAULT NULL)
RETURNS numeric
AS 'MODULE_PATHNAME', 'tokcost_api_cost'
LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.api_cost(numeric, numeric, numeric, numeric, numeric, numeric) IS
'metered API cost of one usage row; cached input tokens are part of input_tokens and billed at the cached rate; a NULL rate for tokens that were used is an error';

CREATE FUNCTION tokcost.tokens_per_day(
    peak_tokens_per_second numeric,
    utilization numeric)
RETURNS numeric
AS 'MODULE_PATHNAME', 'tokcost_tokens_per_day'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.tokens_per_day(numeric, numeric) IS
'tokens served in a day: peak_tokens_per_second * 86,400 * utilization (0 to 1)';

CREATE FUNCTION tokcost.utilization(
    tokens_served numeric,
    peak_tokens_per_day numeric)
RETURNS numeric
AS 'MODULE_PATHNAME', 'tokcost_utilization'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.utilization(numeric, numeric) IS
'fraction of peak capacity used: tokens_served / peak_tokens_per_day';

CREATE FUNCTION tokcost.break_even_utilization(
    daily_cost numeric,
    peak_tokens_per_day numeric,
    cloud_per_mtok numeric)
RETURNS numeric
AS 'MODULE_PATHNAME', 'tokcost_break_even_utilization'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.break_even_utilization(numeric, numeric, numeric) IS
'utilization at which a node''s cost per Mtok equals cloud_per_mtok; above 1 means the node never beats that price';
