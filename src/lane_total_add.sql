-- Adding two lane_total values (1.1): the combine function's sum and blend
-- check, for code that adds totals outside an aggregate, such as a stored
-- daily total plus today's.

-- The body names every object by schema, so it resolves the same under any
-- search_path, and has no SET clause, so the planner can inline it.
CREATE FUNCTION tokcost.lane_total_add(tokcost.lane_total, tokcost.lane_total)
RETURNS tokcost.lane_total
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$SELECT tokcost.lane_sum_final(tokcost.lane_total_combine($1, $2))$$;

COMMENT ON FUNCTION tokcost.lane_total_add(tokcost.lane_total, tokcost.lane_total) IS
'the sum of two lane_total values of one lane and currency, as lane_sum would roll them up; raises SQLSTATE TC001 for two lanes or currencies';

CREATE OPERATOR tokcost.+ (
    LEFTARG = tokcost.lane_total,
    RIGHTARG = tokcost.lane_total,
    FUNCTION = tokcost.lane_total_add,
    COMMUTATOR = OPERATOR(tokcost.+)
);

COMMENT ON OPERATOR tokcost.+ (tokcost.lane_total, tokcost.lane_total) IS
'the sum of two lane_total values of one lane and currency; raises SQLSTATE TC001 for two lanes or currencies';
