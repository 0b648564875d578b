-- The lane_total type (lane_total.c, lane_total_io.c, lane_total_cmp.c):
-- one lane's cost sum, token sum and row count.

CREATE TYPE tokcost.lane_total;

CREATE FUNCTION tokcost.lane_total_in(cstring)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_out(tokcost.lane_total)
RETURNS cstring
AS 'MODULE_PATHNAME', 'lane_total_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Binary I/O converts the lane between the server and the client encoding,
-- so it depends on client_encoding and is STABLE, as textsend is.
CREATE FUNCTION tokcost.lane_total_recv(internal)
RETURNS tokcost.lane_total
AS 'MODULE_PATHNAME', 'lane_total_recv'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_send(tokcost.lane_total)
RETURNS bytea
AS 'MODULE_PATHNAME', 'lane_total_send'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

-- Plain storage and double alignment: a value read from a tuple is never
-- toasted, compressed or given a short header, so the aggregates can read
-- and update it where it lies.
CREATE TYPE tokcost.lane_total (
    INPUT = tokcost.lane_total_in,
    OUTPUT = tokcost.lane_total_out,
    RECEIVE = tokcost.lane_total_recv,
    SEND = tokcost.lane_total_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);

COMMENT ON TYPE tokcost.lane_total IS
'one lane''s totals: (lane, currency, cost sum, token sum, row count); the state of every lane aggregate';
COMMENT ON FUNCTION tokcost.lane_total_in(cstring) IS
'text input of lane_total: (lane,currency,cost,tokens,rows)';
COMMENT ON FUNCTION tokcost.lane_total_out(tokcost.lane_total) IS
'text output of lane_total: (lane,currency,cost,tokens,rows)';
COMMENT ON FUNCTION tokcost.lane_total_recv(internal) IS
'binary input of lane_total';
COMMENT ON FUNCTION tokcost.lane_total_send(tokcost.lane_total) IS
'binary output of lane_total';

-- Accessors

CREATE FUNCTION tokcost.lane(tokcost.lane_total)
RETURNS text
AS 'MODULE_PATHNAME', 'lane_total_lane'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.currency(tokcost.lane_total)
RETURNS text
AS 'MODULE_PATHNAME', 'lane_total_currency'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.cost(tokcost.lane_total)
RETURNS numeric
AS 'MODULE_PATHNAME', 'lane_total_cost'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.tokens(tokcost.lane_total)
RETURNS numeric
AS 'MODULE_PATHNAME', 'lane_total_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.rows(tokcost.lane_total)
RETURNS bigint
AS 'MODULE_PATHNAME', 'lane_total_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.cost_per_mtok(tokcost.lane_total)
RETURNS numeric
AS 'MODULE_PATHNAME', 'lane_total_cost_per_mtok'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane(tokcost.lane_total) IS
'the lane tag (x_TokenSource) of a lane_total';
COMMENT ON FUNCTION tokcost.currency(tokcost.lane_total) IS
'the currency of a lane_total, or NULL when it was built without one';
COMMENT ON FUNCTION tokcost.cost(tokcost.lane_total) IS
'the exact cost sum of a lane_total, NULL when every cost was NULL';
COMMENT ON FUNCTION tokcost.tokens(tokcost.lane_total) IS
'the exact token sum of a lane_total, NULL when every token count was NULL';
COMMENT ON FUNCTION tokcost.rows(tokcost.lane_total) IS
'how many rows a lane_total sums, rows with NULL cost or tokens included';
COMMENT ON FUNCTION tokcost.cost_per_mtok(tokcost.lane_total) IS
'cost / tokens * 1,000,000 of a lane_total; NULL when either sum is NULL or tokens is 0';

-- Comparison: by lane, currency, cost, tokens and rows, with sums compared
-- by value (1.5 = 1.50).

CREATE FUNCTION tokcost.lane_total_cmp(tokcost.lane_total, tokcost.lane_total)
RETURNS integer
AS 'MODULE_PATHNAME', 'lane_total_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_eq(tokcost.lane_total, tokcost.lane_total)
RETURNS boolean
AS 'MODULE_PATHNAME', 'lane_total_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_ne(tokcost.lane_total, tokcost.lane_total)
RETURNS boolean
AS 'MODULE_PATHNAME', 'lane_total_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_lt(tokcost.lane_total, tokcost.lane_total)
RETURNS boolean
AS 'MODULE_PATHNAME', 'lane_total_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_le(tokcost.lane_total, tokcost.lane_total)
RETURNS boolean
AS 'MODULE_PATHNAME', 'lane_total_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_gt(tokcost.lane_total, tokcost.lane_total)
RETURNS boolean
AS 'MODULE_PATHNAME', 'lane_total_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_ge(tokcost.lane_total, tokcost.lane_total)
RETURNS boolean
AS 'MODULE_PATHNAME', 'lane_total_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_hash(tokcost.lane_total)
RETURNS integer
AS 'MODULE_PATHNAME', 'lane_total_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tokcost.lane_total_hash_extended(tokcost.lane_total, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'lane_total_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.lane_total_cmp(tokcost.lane_total, tokcost.lane_total) IS
'btree comparison support of lane_total';
COMMENT ON FUNCTION tokcost.lane_total_eq(tokcost.lane_total, tokcost.lane_total) IS
'implementation of = for lane_total';
COMMENT ON FUNCTION tokcost.lane_total_ne(tokcost.lane_total, tokcost.lane_total) IS
'implementation of <> for lane_total';
COMMENT ON FUNCTION tokcost.lane_total_lt(tokcost.lane_total, tokcost.lane_total) IS
'implementation of < for lane_total';
COMMENT ON FUNCTION tokcost.lane_total_le(tokcost.lane_total, tokcost.lane_total) IS
'implementation of <= for lane_total';
COMMENT ON FUNCTION tokcost.lane_total_gt(tokcost.lane_total, tokcost.lane_total) IS
'implementation of > for lane_total';
COMMENT ON FUNCTION tokcost.lane_total_ge(tokcost.lane_total, tokcost.lane_total) IS
'implementation of >= for lane_total';
COMMENT ON FUNCTION tokcost.lane_total_hash(tokcost.lane_total) IS
'hash support of lane_total, consistent with =';
COMMENT ON FUNCTION tokcost.lane_total_hash_extended(tokcost.lane_total, bigint) IS
'seeded hash support of lane_total, consistent with =';

CREATE OPERATOR tokcost.= (
    LEFTARG = tokcost.lane_total,
    RIGHTARG = tokcost.lane_total,
    FUNCTION = tokcost.lane_total_eq,
    COMMUTATOR = OPERATOR(tokcost.=),
    NEGATOR = OPERATOR(tokcost.<>),
    RESTRICT = pg_catalog.eqsel,
    JOIN = pg_catalog.eqjoinsel,
    HASHES,
    MERGES
);

CREATE OPERATOR tokcost.<> (
    LEFTARG = tokcost.lane_total,
    RIGHTARG = tokcost.lane_total,
    FUNCTION = tokcost.lane_total_ne,
    COMMUTATOR = OPERATOR(tokcost.<>),
    NEGATOR = OPERATOR(tokcost.=),
    RESTRICT = pg_catalog.neqsel,
    JOIN = pg_catalog.neqjoinsel
);

CREATE OPERATOR tokcost.< (
    LEFTARG = tokcost.lane_total,
    RIGHTARG = tokcost.lane_total,
    FUNCTION = tokcost.lane_total_lt,
    COMMUTATOR = OPERATOR(tokcost.>),
    NEGATOR = OPERATOR(tokcost.>=),
    RESTRICT = pg_catalog.scalarltsel,
    JOIN = pg_catalog.scalarltjoinsel
);

CREATE OPERATOR tokcost.<= (
    LEFTARG = tokcost.lane_total,
    RIGHTARG = tokcost.lane_total,
    FUNCTION = tokcost.lane_total_le,
    COMMUTATOR = OPERATOR(tokcost.>=),
    NEGATOR = OPERATOR(tokcost.>),
    RESTRICT = pg_catalog.scalarlesel,
    JOIN = pg_catalog.scalarlejoinsel
);

CREATE OPERATOR tokcost.> (
    LEFTARG = tokcost.lane_total,
    RIGHTARG = tokcost.lane_total,
    FUNCTION = tokcost.lane_total_gt,
    COMMUTATOR = OPERATOR(tokcost.<),
    NEGATOR = OPERATOR(tokcost.<=),
    RESTRICT = pg_catalog.scalargtsel,
    JOIN = pg_catalog.scalargtjoinsel
);

CREATE OPERATOR tokcost.>= (
    LEFTARG = tokcost.lane_total,
    RIGHTARG = tokcost.lane_total,
    FUNCTION = tokcost.lane_total_ge,
    COMMUTATOR = OPERATOR(tokcost.<=),
    NEGATOR = OPERATOR(tokcost.<),
    RESTRICT = pg_catalog.scalargesel,
    JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR tokcost.= (tokcost.lane_total, tokcost.lane_total) IS
'same lane, currency, row count and sums (compared by value)';
COMMENT ON OPERATOR tokcost.<> (tokcost.lane_total, tokcost.lane_total) IS
'not equal';
COMMENT ON OPERATOR tokcost.< (tokcost.lane_total, tokcost.lane_total) IS
'less than, ordering by lane, currency, cost, tokens, rows';
COMMENT ON OPERATOR tokcost.<= (tokcost.lane_total, tokcost.lane_total) IS
'less than or equal';
COMMENT ON OPERATOR tokcost.> (tokcost.lane_total, tokcost.lane_total) IS
'greater than';
COMMENT ON OPERATOR tokcost.>= (tokcost.lane_total, tokcost.lane_total) IS
'greater than or equal';

CREATE OPERATOR CLASS tokcost.lane_total_ops
DEFAULT FOR TYPE tokcost.lane_total USING btree AS
    OPERATOR 1 tokcost.<,
    OPERATOR 2 tokcost.<=,
    OPERATOR 3 tokcost.=,
    OPERATOR 4 tokcost.>=,
    OPERATOR 5 tokcost.>,
    FUNCTION 1 tokcost.lane_total_cmp(tokcost.lane_total, tokcost.lane_total);

CREATE OPERATOR CLASS tokcost.lane_total_hash_ops
DEFAULT FOR TYPE tokcost.lane_total USING hash AS
    OPERATOR 1 tokcost.=,
    FUNCTION 1 tokcost.lane_total_hash(tokcost.lane_total),
    FUNCTION 2 tokcost.lane_total_hash_extended(tokcost.lane_total, bigint);

COMMENT ON OPERATOR CLASS tokcost.lane_total_ops USING btree IS
'btree ordering of lane_total, for GROUP BY, ORDER BY, unique indexes and REFRESH MATERIALIZED VIEW CONCURRENTLY';
COMMENT ON OPERATOR CLASS tokcost.lane_total_hash_ops USING hash IS
'hashing of lane_total, for hash joins and hashed GROUP BY';
COMMENT ON OPERATOR FAMILY tokcost.lane_total_ops USING btree IS
'btree operator family of lane_total';
COMMENT ON OPERATOR FAMILY tokcost.lane_total_hash_ops USING hash IS
'hash operator family of lane_total';
