-- Lane aggregates (lane_agg.c, lane_window.c).
--
-- Every aggregate's state is a tokcost.lane_total, merged by one combine
-- function that raises the blend error, so serial, parallel, rollup and
-- multi-server plans reject a blend alike.  Each aggregate comes in six argument
-- type pairs: cost numeric or double precision, tokens numeric, bigint or
-- integer.  An integer token column then matches one pair exactly instead
-- of being ambiguous between bigint and numeric.  A double precision cost
-- is taken at the value of its cast to numeric (15 significant digits).
--
-- Window frames use a separate moving-aggregate state (internal), which
-- supports removing rows, so a sliding frame costs time linear in the rows.

CREATE FUNCTION tokcost.lane_total_combine(tokcost.lane_total, tokcost.lane_total)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_combine(tokcost.lane_total, tokcost.lane_total) IS
'merge two lane_total values of one lane and currency, raising SQLSTATE TC001 otherwise';

CREATE FUNCTION tokcost.lane_sum_final(tokcost.lane_total)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_sum_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_sum_final(tokcost.lane_total) IS
'final function of lane_sum: the same total in its canonical stored form';

-- Transition functions over rows: (state, lane, cost, tokens [, currency]).

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, numeric)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_numeric_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, numeric) IS
'transition function of the lane aggregates over numeric costs and numeric token counts';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, numeric, text)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_numeric_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, numeric, text) IS
'transition function of the lane aggregates over numeric costs and numeric token counts with a currency';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, bigint)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_numeric_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, bigint) IS
'transition function of the lane aggregates over numeric costs and bigint token counts';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, bigint, text)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_numeric_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, bigint, text) IS
'transition function of the lane aggregates over numeric costs and bigint token counts with a currency';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, integer)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_numeric_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, integer) IS
'transition function of the lane aggregates over numeric costs and integer token counts';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, integer, text)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_numeric_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, numeric, integer, text) IS
'transition function of the lane aggregates over numeric costs and integer token counts with a currency';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, numeric)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_float8_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, numeric) IS
'transition function of the lane aggregates over double precision costs and numeric token counts';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, numeric, text)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_float8_numeric'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, numeric, text) IS
'transition function of the lane aggregates over double precision costs and numeric token counts with a currency';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, bigint)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_float8_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, bigint) IS
'transition function of the lane aggregates over double precision costs and bigint token counts';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, bigint, text)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_float8_int8'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, bigint, text) IS
'transition function of the lane aggregates over double precision costs and bigint token counts with a currency';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, integer)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_float8_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, integer) IS
'transition function of the lane aggregates over double precision costs and integer token counts';

CREATE FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, integer, text)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_accum_float8_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_accum(tokcost.lane_total, text, double precision, integer, text) IS
'transition function of the lane aggregates over double precision costs and integer token counts with a currency';

-- Moving-aggregate support for window frames.  One pair of functions serves
-- every argument type pair, so the cost and tokens arguments are declared
-- "any" and the C code reads the actual types from the call.

CREATE FUNCTION tokcost.lane_moving_accum(internal, text, "any", "any")
RETURNS internal
AS 'MODULE_PATHNAME', 'lane_moving_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_moving_accum(internal, text, "any", "any", text)
RETURNS internal
AS 'MODULE_PATHNAME', 'lane_moving_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_moving_discard(internal, text, "any", "any")
RETURNS internal
AS 'MODULE_PATHNAME', 'lane_moving_discard'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_moving_discard(internal, text, "any", "any", text)
RETURNS internal
AS 'MODULE_PATHNAME', 'lane_moving_discard'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_moving_cost_per_mtok(internal)
RETURNS numeric
AS 'MODULE_PATHNAME', 'lane_moving_cost_per_mtok'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_moving_lane_sum(internal)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_moving_lane_sum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_moving_accum(internal, text, "any", "any") IS
'window transition of the lane aggregates: a row enters the frame';
COMMENT ON FUNCTION tokcost.lane_moving_accum(internal, text, "any", "any", text) IS
'window transition of the lane aggregates with a currency: a row enters the frame';
COMMENT ON FUNCTION tokcost.lane_moving_discard(internal, text, "any", "any") IS
'window inverse transition of the lane aggregates: a row leaves the frame';
COMMENT ON FUNCTION tokcost.lane_moving_discard(internal, text, "any", "any", text) IS
'window inverse transition of the lane aggregates with a currency: a row leaves the frame';
COMMENT ON FUNCTION tokcost.lane_moving_cost_per_mtok(internal) IS
'window final function of lane_cost_per_mtok';
COMMENT ON FUNCTION tokcost.lane_moving_lane_sum(internal) IS
'window final function of lane_sum';

-- lane_cost_per_mtok

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost numeric, tokens numeric) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, numeric, numeric) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost numeric, tokens numeric, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, numeric, numeric, text) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost numeric, tokens bigint) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, numeric, bigint) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost numeric, tokens bigint, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, numeric, bigint, text) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost numeric, tokens integer) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, numeric, integer) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost numeric, tokens integer, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, numeric, integer, text) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost double precision, tokens numeric) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, double precision, numeric) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost double precision, tokens numeric, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, double precision, numeric, text) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost double precision, tokens bigint) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, double precision, bigint) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost double precision, tokens bigint, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, double precision, bigint, text) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost double precision, tokens integer) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, double precision, integer) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_cost_per_mtok(lane text, cost double precision, tokens integer, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.cost_per_mtok,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_cost_per_mtok,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_cost_per_mtok(text, double precision, integer, text) IS
'sum(cost) / sum(tokens) * 1,000,000 over one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

-- lane_sum

CREATE AGGREGATE tokcost.lane_sum(lane text, cost numeric, tokens numeric) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, numeric, numeric) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost numeric, tokens numeric, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, numeric, numeric, text) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost numeric, tokens bigint) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, numeric, bigint) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost numeric, tokens bigint, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, numeric, bigint, text) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost numeric, tokens integer) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, numeric, integer) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost numeric, tokens integer, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, numeric, integer, text) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost double precision, tokens numeric) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, double precision, numeric) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost double precision, tokens numeric, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, double precision, numeric, text) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost double precision, tokens bigint) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, double precision, bigint) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost double precision, tokens bigint, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, double precision, bigint, text) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost double precision, tokens integer) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, double precision, integer) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane; mixing lanes raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(lane text, cost double precision, tokens integer, currency text) (
    SFUNC = tokcost.lane_total_accum,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    MSFUNC = tokcost.lane_moving_accum,
    MINVFUNC = tokcost.lane_moving_discard,
    MSTYPE = internal,
    MSSPACE = 1440,
    MFINALFUNC = tokcost.lane_moving_lane_sum,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(text, double precision, integer, text) IS
'the lane_total (lane, currency, cost sum, token sum, rows) of one lane and currency; mixing lanes, currencies raises SQLSTATE TC001, as do NULL lanes';

CREATE AGGREGATE tokcost.lane_sum(tokcost.lane_total) (
    SFUNC = tokcost.lane_total_combine,
    STYPE = tokcost.lane_total,
    SSPACE = 96,
    FINALFUNC = tokcost.lane_sum_final,
    COMBINEFUNC = tokcost.lane_total_combine,
    PARALLEL = SAFE
);

COMMENT ON AGGREGATE tokcost.lane_sum(tokcost.lane_total) IS
'roll lane_total values of one lane up into one (days into months, servers into one); mixing lanes or currencies raises SQLSTATE TC001';
