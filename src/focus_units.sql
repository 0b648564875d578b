-- Token counts from FOCUS quantities (focus_units.c).  A unit is a count of
-- tokens when its base unit is Token or Tokens, with an optional unit
-- quantity: Tokens, 1000 Tokens, 1K Tokens, 1M Tokens.  Every other unit is
-- an error (SQLSTATE 22023) in the functions that need tokens.

CREATE FUNCTION tokcost.token_unit_size(unit text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'focus_token_unit_size'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.token_unit_size(text) IS
'tokens in one unit of a FOCUS token unit (Tokens: 1, 1K Tokens: 1,000, 1M Tokens: 1,000,000); an error for a unit that is not a count of tokens';

CREATE FUNCTION tokcost.is_token_unit(unit text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'focus_is_token_unit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.is_token_unit(text) IS
'whether a FOCUS unit is a count of tokens, for filters; never an error';

CREATE FUNCTION tokcost.focus_tokens(quantity numeric, unit text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'focus_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.focus_tokens(numeric, text) IS
'tokens in a FOCUS quantity (ConsumedQuantity or PricingQuantity) of a token unit; an error for a unit that is not a count of tokens';

CREATE FUNCTION tokcost.unit_price_per_mtok(unit_price numeric, unit text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'focus_unit_price_per_mtok'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.unit_price_per_mtok(numeric, text) IS
'a price per FOCUS pricing unit of tokens (ListUnitPrice per PricingUnit) as a price per million tokens';
