-- Lane totals per partition, for cost tables whose partitions are foreign
-- tables on other servers.
--
-- postgres_fdw in PostgreSQL 15 pushes an aggregate to a remote server only
-- when the whole aggregate runs there, because it never ships a partial
-- state.  A query on a single partition, grouped by lane, is such a whole
-- aggregate.  partition_lane_totals_query writes one of those per leaf
-- partition and joins them with UNION ALL.  Each server then sums its own
-- rows and returns one lane_total per partition and lane, and with
-- async_capable servers the branches run at the same time.  The rollup of
-- the result with lane_sum(lane_total) is where totals from different
-- servers meet, so lane_total_combine raises TC001 there if a group mixes
-- lanes.

CREATE FUNCTION tokcost.partition_lane_totals_query(
    cost_table regclass,
    lane_column name,
    cost_column name,
    tokens_column name,
    currency_column name DEFAULT NULL,
    row_filter text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE CALLED ON NULL INPUT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    argument record;
    table_kind "char";
    leaf oid;
    aggregate_call text;
    group_columns text;
    group_positions text;
    where_clause text := '';
    branches text[] := '{}';
BEGIN
    FOR argument IN
        SELECT a.name, a.is_null
          FROM (VALUES ('cost_table', cost_table IS NULL),
                       ('lane_column', lane_column IS NULL),
                       ('cost_column', cost_column IS NULL),
                       ('tokens_column', tokens_column IS NULL)) AS a (name, is_null)
    LOOP
        IF argument.is_null THEN
            RAISE EXCEPTION '% must not be null', argument.name
                USING ERRCODE = 'null_value_not_allowed',
                      DETAIL = 'Lane totals per partition need the cost table and the names of its lane, cost and tokens columns.';
        END IF;
    END LOOP;

    SELECT c.relkind INTO table_kind
      FROM pg_class c
     WHERE c.oid = cost_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'relation with OID % does not exist', cost_table::oid
            USING ERRCODE = 'undefined_table',
                  DETAIL = 'The table may have been dropped after its name was read.';
    END IF;
    IF table_kind NOT IN ('r', 'p', 'f') THEN
        RAISE EXCEPTION '"%" is not a table', cost_table
            USING ERRCODE = 'wrong_object_type',
                  DETAIL = 'Lane totals per partition read a table, a partitioned table or a foreign table.',
                  HINT = 'Name the cost table itself, not a view or an index over it.';
    END IF;

    IF currency_column IS NULL THEN
        aggregate_call := format('tokcost.lane_sum(%I, %I, %I)',
                                 lane_column, cost_column, tokens_column);
        group_columns := format('%I::pg_catalog.text AS lane, NULL::pg_catalog.text AS currency',
                                lane_column);
        group_positions := '2';
    ELSE
        aggregate_call := format('tokcost.lane_sum(%I, %I, %I, %I)',
                                 lane_column, cost_column, tokens_column, currency_column);
        group_columns := format('%I::pg_catalog.text AS lane, %I::pg_catalog.text AS currency',
                                lane_column, currency_column);
        group_positions := '2, 3';
    END IF;
    IF row_filter IS NOT NULL THEN
        where_clause := format(' WHERE (%s)', row_filter);
    END IF;

    -- pg_partition_tree lists no rows for a table that is not partitioned,
    -- which is then its own single leaf.
    FOR leaf IN
        SELECT t.relid::oid
          FROM pg_partition_tree(cost_table) t
         WHERE t.isleaf
        UNION ALL
        SELECT cost_table::oid
         WHERE table_kind <> 'p'
         ORDER BY 1
    LOOP
        -- The partition's oid goes to the remote server as a number and comes
        -- back unchanged.  A regclass literal would be looked up by name on
        -- the remote server instead.  The outer query uses every column of
        -- the branch unchanged, so each branch stays a bare foreign scan,
        -- which an async Append runs concurrently.
        branches := branches || format(
            'SELECT %s::pg_catalog.oid AS partition, %s, %s AS total FROM %s%s GROUP BY %s',
            leaf, group_columns, aggregate_call, leaf::regclass, where_clause,
            group_positions);
    END LOOP;

    IF cardinality(branches) = 0 THEN
        RETURN 'SELECT NULL::pg_catalog.regclass AS partition, NULL::pg_catalog.text AS lane, '
               'NULL::pg_catalog.text AS currency, NULL::tokcost.lane_total AS total WHERE false';
    END IF;
    RETURN 'SELECT p.partition::pg_catalog.regclass AS partition, '
           'p.lane, p.currency, p.total FROM (' || array_to_string(branches, ' UNION ALL ') || ') AS p';
END
$$;

COMMENT ON FUNCTION tokcost.partition_lane_totals_query(regclass, name, name, name, name, text) IS
'the query that partition_lane_totals runs: one lane_sum per leaf partition, grouped by lane (and currency), joined by UNION ALL; EXPLAIN it to see what each server runs';

CREATE FUNCTION tokcost.partition_lane_totals(
    cost_table regclass,
    lane_column name,
    cost_column name,
    tokens_column name,
    currency_column name DEFAULT NULL,
    row_filter text DEFAULT NULL)
RETURNS TABLE (
    partition regclass,
    lane text,
    currency text,
    total tokcost.lane_total)
LANGUAGE plpgsql STABLE CALLED ON NULL INPUT PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- The function is parallel restricted because the query may scan
    -- foreign tables, which postgres_fdw does only in the leader process.
    RETURN QUERY EXECUTE tokcost.partition_lane_totals_query(
        cost_table, lane_column, cost_column, tokens_column,
        currency_column, row_filter);
END
$$;

COMMENT ON FUNCTION tokcost.partition_lane_totals(regclass, name, name, name, name, text) IS
'one lane_total per leaf partition and lane (and currency), each summed where the partition lives; roll them up with lane_sum(total) grouped by lane';
