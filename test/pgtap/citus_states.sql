-- The properties that Citus relies on to split a tokcost aggregate into
-- per-worker partial aggregates, tested without Citus.
--
-- Citus's planner (multi_logical_optimizer.c) first matches an aggregate's
-- name against the built-in aggregates it rewrites itself.  It splits any
-- other aggregate that has a combine function and a state type that is not
-- a pseudo-type.  Each worker runs the transition function over its rows
-- and sends the state through the state type's output function.  The
-- coordinator reads every state with the input function and merges them
-- with the combine function, which skips NULL states when it is strict.
-- Then it applies the final function (aggregate_utils.c).  This suite does
-- the same with the aggregate's own support functions, with the rows split
-- over four workers, and each worker's state sent as text.
BEGIN;
SELECT plan(51);

-- Catalog properties of every tokcost aggregate.

CREATE TEMP VIEW tokcost_aggregates AS
SELECT a.aggfnoid::regprocedure AS aggregate, p.proname,
       ARRAY(SELECT unnest(p.proargtypes::oid[])) AS arg_types,
       a.aggkind, a.aggtransfn, a.aggcombinefn, a.aggfinalfn, a.aggtranstype
  FROM pg_aggregate a
  JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'tokcost'::regnamespace;

SELECT is((SELECT count(*) FROM tokcost_aggregates), 25::bigint,
          '25 aggregates to check');
SELECT is(ARRAY(SELECT aggregate::text FROM tokcost_aggregates
                 WHERE aggcombinefn = 0 ORDER BY 1),
          ARRAY[]::text[], 'every aggregate has a combine function');
SELECT is(ARRAY(SELECT aggregate::text FROM tokcost_aggregates g
                  JOIN pg_type t ON t.oid = g.aggtranstype
                 WHERE t.typtype = 'p' ORDER BY 1),
          ARRAY[]::text[], 'no pseudo-type state');
SELECT is(ARRAY(SELECT DISTINCT aggtranstype::regtype::text FROM tokcost_aggregates),
          ARRAY['tokcost.lane_total'], 'every state is a lane_total');
SELECT is(ARRAY(SELECT aggregate::text FROM tokcost_aggregates
                 WHERE aggkind <> 'n' ORDER BY 1),
          ARRAY[]::text[], 'no ordered-set aggregate');
SELECT is(ARRAY(SELECT DISTINCT proname::text FROM tokcost_aggregates
                 WHERE proname IN ('avg', 'min', 'max', 'sum', 'count', 'array_agg',
                                   'jsonb_agg', 'jsonb_object_agg', 'json_agg',
                                   'json_object_agg', 'bit_and', 'bit_or', 'bool_and',
                                   'bool_or', 'every', 'hll_add_agg', 'hll_union_agg',
                                   'topn_add_agg', 'topn_union_agg', 'any_value',
                                   'var_pop', 'var_samp', 'variance', 'stddev_pop',
                                   'stddev_samp', 'stddev', 'tdigest',
                                   'tdigest_percentile', 'tdigest_percentile_of')),
          ARRAY[]::text[], 'no name that Citus rewrites');
SELECT is(ARRAY(SELECT f::regprocedure::text
                  FROM (SELECT DISTINCT aggcombinefn AS f FROM tokcost_aggregates
                        UNION SELECT DISTINCT aggfinalfn FROM tokcost_aggregates
                        UNION SELECT typinput FROM pg_type WHERE oid = 'tokcost.lane_total'::regtype
                        UNION SELECT typoutput FROM pg_type WHERE oid = 'tokcost.lane_total'::regtype) s
                  JOIN pg_proc p ON p.oid = s.f
                 WHERE NOT p.proisstrict ORDER BY 1),
          ARRAY[]::text[],
          'state functions are strict');
SELECT is(ARRAY(SELECT DISTINCT aggtransfn::regprocedure::text FROM tokcost_aggregates g
                  JOIN pg_proc p ON p.oid = g.aggtransfn
                 WHERE p.proisstrict AND cardinality(g.arg_types) > 1 ORDER BY 1),
          ARRAY[]::text[],
          'row transition functions are not strict');
SELECT ok((SELECT typsend::oid <> 0 FROM pg_type WHERE oid = 'tokcost.lane_total'::regtype),
          'state type has binary send');
SELECT ok((SELECT typreceive::oid <> 0 FROM pg_type WHERE oid = 'tokcost.lane_total'::regtype),
          'state type has binary receive');

-- Rows for four workers, with lanes and currencies on every worker.
-- Worker 2 has costs of about 10^40 that cancel, so its state keeps a wide
-- sum of a small value.  Worker 3 has credits at 12 decimal places.  Lane
-- idle-gpu has no cost or token count that is not NULL.  Worker 4 has no
-- rows of lane colo-gpu in EUR, so its state for that group is NULL.

SELECT setseed(0.17);
CREATE TEMP TABLE worker_rows (
    worker integer,
    lane text,
    currency text,
    cost_n numeric,
    cost_f double precision,
    tokens_n numeric,
    tokens_b bigint,
    tokens_i integer
);
INSERT INTO worker_rows
SELECT 1 + (i % 4),
       (ARRAY['cloud-api', 'colo-gpu', 'self-hosted-gpu'])[1 + (i % 3)],
       (ARRAY['USD', 'EUR'])[1 + (i % 5 = 0)::int],
       c, c::double precision, t + 0.25 * (i % 3), t, t::integer
  FROM (SELECT i,
               CASE WHEN i % 17 = 0 THEN NULL
                    ELSE round((random() * 200 - 20)::numeric, (i % 13)) END AS c,
               CASE WHEN i % 19 = 0 THEN NULL
                    ELSE (random() * 2000000)::bigint END AS t
          FROM generate_series(1, 4000) i) s
 WHERE NOT (1 + (i % 4) = 4 AND (i % 3) = 1 AND i % 5 = 0);
INSERT INTO worker_rows VALUES
    (2, 'cloud-api', 'USD', 1e40, 1e40, 1, 1, 1),
    (2, 'cloud-api', 'USD', -1e40, -1e40, 1, 1, 1),
    (2, 'cloud-api', 'USD', 0.0000001, 0.0000001, 1, 1, 1),
    (3, 'colo-gpu', 'USD', -0.000000000001, -0.000000000001, 0, 0, 0),
    (1, 'idle-gpu', 'USD', NULL, NULL, NULL, NULL, NULL),
    (3, 'idle-gpu', 'USD', NULL, NULL, NULL, NULL, NULL);

SELECT ok((SELECT count(DISTINCT worker) = 4 FROM worker_rows)
          AND NOT EXISTS (SELECT FROM worker_rows
                           WHERE worker = 4 AND lane = 'colo-gpu' AND currency = 'EUR'),
          'four workers, one missing a group');

-- The worker step of one aggregate: its transition function over one
-- worker's rows of one group, with no final function, as text.  A twin
-- aggregate with the same transition function and state type runs it the
-- way Citus's worker_partial_agg does, inside an aggregate, where the
-- state is updated in place.
CREATE FUNCTION pg_temp.argument_column(argument_type regtype, role text)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT role || '_' || CASE argument_type
                              WHEN 'numeric'::regtype THEN 'n'
                              WHEN 'double precision'::regtype THEN 'f'
                              WHEN 'bigint'::regtype THEN 'b'
                              WHEN 'integer'::regtype THEN 'i'
                          END
$$;

CREATE TEMP TABLE shipped_states (
    aggregate regprocedure,
    worker integer,
    lane text,
    currency text,
    state tokcost.lane_total,
    state_text text
);

CREATE FUNCTION pg_temp.ship_worker_states(agg regprocedure)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    g record;
    twin text := 'pg_temp.worker_state_' || agg::oid;
    arguments text;
    group_currency text;
BEGIN
    SELECT * INTO g FROM tokcost_aggregates WHERE aggregate = agg;
    arguments := 'lane, ' || pg_temp.argument_column(g.arg_types[2], 'cost')
                 || ', ' || pg_temp.argument_column(g.arg_types[3], 'tokens');
    group_currency := 'NULL::text';
    IF cardinality(g.arg_types) = 4 THEN
        arguments := arguments || ', currency';
        group_currency := 'currency';
    END IF;
    EXECUTE format('CREATE AGGREGATE %s(%s) (SFUNC = %s, STYPE = tokcost.lane_total)',
                   twin,
                   (SELECT string_agg(t.type::regtype::text, ', ' ORDER BY t.position)
                      FROM unnest(g.arg_types) WITH ORDINALITY AS t (type, position)),
                   g.aggtransfn::regproc);
    -- Every worker sends a state for every group: NULL when it has no rows
    -- of the group, as worker_partial_agg returns for an empty shard.
    EXECUTE format(
        'INSERT INTO shipped_states
         SELECT %L::regprocedure, w.worker, k.lane, k.currency, s.state, s.state::text
           FROM (SELECT DISTINCT worker FROM worker_rows) w
          CROSS JOIN (SELECT DISTINCT lane, %s AS currency FROM worker_rows) k
           LEFT JOIN (SELECT worker, lane, %s AS currency, %s(%s) AS state
                        FROM worker_rows GROUP BY 1, 2, 3) s
                  ON s.worker = w.worker AND s.lane = k.lane
                 AND s.currency IS NOT DISTINCT FROM k.currency',
        agg, group_currency, group_currency, twin, arguments);
END
$$;

-- The coordinator step: read each worker's state with the input function,
-- merge them in the given worker order with the combine function, skipping
-- NULL states as Citus does for a strict combine function, and apply the
-- aggregate's final function.
CREATE FUNCTION pg_temp.combine_states(agg regprocedure, lane_key text,
                                       currency_key text, worker_order integer[])
RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    g record;
    worker_id integer;
    shipped text;
    state tokcost.lane_total;
    result text;
BEGIN
    SELECT * INTO g FROM tokcost_aggregates WHERE aggregate = agg;
    FOREACH worker_id IN ARRAY worker_order LOOP
        SELECT s.state_text INTO shipped
          FROM shipped_states s
         WHERE s.aggregate = agg AND s.worker = worker_id
           AND s.lane = lane_key AND s.currency IS NOT DISTINCT FROM currency_key;
        CONTINUE WHEN shipped IS NULL;
        IF state IS NULL THEN
            state := shipped::tokcost.lane_total;
        ELSE
            state := tokcost.lane_total_combine(state, shipped::tokcost.lane_total);
        END IF;
    END LOOP;
    IF state IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT %s($1)::text', g.aggfinalfn::regproc) INTO result USING state;
    RETURN result;
END
$$;

-- The whole aggregate over all rows, per group, on one server.
CREATE FUNCTION pg_temp.whole_results(agg regprocedure)
RETURNS TABLE (lane text, currency text, result text)
LANGUAGE plpgsql
AS $$
DECLARE
    g record;
    arguments text;
    group_currency text := 'NULL::text';
BEGIN
    SELECT * INTO g FROM tokcost_aggregates WHERE aggregate = agg;
    arguments := 'lane, ' || pg_temp.argument_column(g.arg_types[2], 'cost')
                 || ', ' || pg_temp.argument_column(g.arg_types[3], 'tokens');
    IF cardinality(g.arg_types) = 4 THEN
        arguments := arguments || ', currency';
        group_currency := 'currency';
    END IF;
    RETURN QUERY EXECUTE format(
        'SELECT lane, %s, %s(%s)::text FROM worker_rows GROUP BY 1, 2',
        group_currency, agg::oid::regproc, arguments);
END
$$;

-- Groups whose split result differs from the whole aggregate, for three
-- worker orders: ascending, descending and 3, 1, 4, 2.
CREATE FUNCTION pg_temp.split_mismatches(agg regprocedure)
RETURNS text[]
LANGUAGE sql
AS $$
    SELECT coalesce(array_agg(format('%s/%s in order %s: %s, whole %s', w.lane, w.currency,
                                     o.worker_order, pg_temp.combine_states(agg, w.lane, w.currency, o.worker_order),
                                     w.result)), '{}')
      FROM pg_temp.whole_results(agg) w
     CROSS JOIN (VALUES (ARRAY[1, 2, 3, 4]), (ARRAY[4, 3, 2, 1]), (ARRAY[3, 1, 4, 2])) o (worker_order)
     WHERE pg_temp.combine_states(agg, w.lane, w.currency, o.worker_order)
           IS DISTINCT FROM w.result
$$;

SELECT pg_temp.ship_worker_states(aggregate)
  FROM tokcost_aggregates
 WHERE cardinality(arg_types) > 1;

SELECT ok((SELECT count(*) FILTER (WHERE state_text IS NULL) > 0
                  AND count(*) FILTER (WHERE state_text LIKE '%,,,%') > 0
                  AND count(DISTINCT aggregate) = 24
             FROM shipped_states),
          'workers ship NULL states and NULL sums');

-- 24 tests: each row aggregate split over four workers equals the whole.
SELECT is(pg_temp.split_mismatches(aggregate), ARRAY[]::text[],
          format('%s split over workers equals whole', aggregate))
  FROM tokcost_aggregates
 WHERE cardinality(arg_types) > 1
 ORDER BY aggregate::text;

-- Every shipped state reads back as the value that was sent: the same
-- text, the same binary form and the same value.
SELECT is(ARRAY(SELECT state_text FROM shipped_states
                 WHERE state_text::tokcost.lane_total::text <> state_text),
          ARRAY[]::text[], 'state text reads back unchanged');
SELECT is(ARRAY(SELECT state_text FROM shipped_states
                 WHERE tokcost.lane_total_send(state_text::tokcost.lane_total)
                       <> tokcost.lane_total_send(state)),
          ARRAY[]::text[], 'state from text has sent binary form');
SELECT is(ARRAY(SELECT state_text FROM shipped_states
                 WHERE NOT state_text::tokcost.lane_total OPERATOR(tokcost.=) state),
          ARRAY[]::text[], 'state from text equals state sent');

-- The combine function alone: order-independent and associative over the
-- states of one group, text and value alike.
CREATE TEMP VIEW group_states AS
SELECT s.worker, s.state_text::tokcost.lane_total AS state
  FROM shipped_states s
 WHERE s.aggregate = 'tokcost.lane_sum(text, numeric, numeric, text)'::regprocedure
   AND s.lane = 'cloud-api' AND s.currency = 'USD';

SELECT is((SELECT count(*) FROM group_states), 4::bigint,
          'one group has four worker states');
SELECT is((SELECT count(*) FROM group_states a, group_states b
            WHERE tokcost.lane_total_combine(a.state, b.state)::text
                  <> tokcost.lane_total_combine(b.state, a.state)::text),
          0::bigint, 'combine is order-independent');
SELECT is((SELECT count(*) FROM group_states a, group_states b, group_states c
            WHERE tokcost.lane_total_combine(tokcost.lane_total_combine(a.state, b.state), c.state)::text
                  <> tokcost.lane_total_combine(a.state, tokcost.lane_total_combine(b.state, c.state))::text),
          0::bigint, 'combine is associative in text');
SELECT ok((SELECT bool_and(tokcost.lane_total_combine(tokcost.lane_total_combine(a.state, b.state), c.state)
                           OPERATOR(tokcost.=)
                           tokcost.lane_total_combine(a.state, tokcost.lane_total_combine(b.state, c.state)))
             FROM group_states a, group_states b, group_states c),
          'combine is associative in value');

-- The rollup lane_sum(lane_total), whose transition function is the
-- combine function itself, split the same way.
CREATE TEMP TABLE daily_totals AS
SELECT worker, lane, currency,
       tokcost.lane_sum(lane, cost_n, tokens_n, currency) AS total
  FROM worker_rows
 GROUP BY worker, lane, currency, (cost_n IS NULL);
SELECT is((SELECT count(*)
             FROM (SELECT lane, currency, tokcost.lane_sum(total)::text AS result
                     FROM daily_totals GROUP BY 1, 2) whole
             FULL JOIN (SELECT lane, currency,
                               tokcost.lane_sum(worker_total::tokcost.lane_total)::text AS result
                          FROM (SELECT worker, lane, currency,
                                       tokcost.lane_sum(total)::text AS worker_total
                                  FROM daily_totals GROUP BY 1, 2, 3) w
                         GROUP BY 1, 2) split USING (lane, currency)
            WHERE whole.result IS DISTINCT FROM split.result),
          0::bigint, 'split rollup equals whole rollup');

-- NULL and empty states.
SELECT is(tokcost.lane_sum(total)::text, '(cloud-api,,1.50,10,2)',
          'rollup skips NULL states')
  FROM (VALUES (NULL), ('(cloud-api,,1.5,10,1)'::tokcost.lane_total), (NULL),
               ('(cloud-api,,0.00,,1)'::tokcost.lane_total)) v (total);
SELECT ok(tokcost.lane_sum(total) IS NULL, 'rollup of NULL states is NULL')
  FROM (VALUES (NULL::tokcost.lane_total), (NULL)) v (total);
SELECT ok((SELECT tokcost.lane_sum(lane, cost_n, tokens_n, currency) IS NULL
             FROM worker_rows WHERE worker = 4 AND lane = 'colo-gpu' AND currency = 'EUR'),
          'empty worker state is NULL');
SELECT is('(idle-gpu,USD,,,2)'::tokcost.lane_total::text, '(idle-gpu,USD,,,2)',
          'NULL sums round-trip through text');
SELECT throws_ok($$SELECT '(cloud-api,,1,1,0)'::tokcost.lane_total$$, '22P02', NULL,
                 'state of zero rows rejected');
SELECT throws_ok($$SELECT ''::tokcost.lane_total$$, '22P02', NULL,
                 'empty text rejected');

-- The blend check is decided on the coordinator for states of two lanes.
SELECT throws_ok($$SELECT tokcost.lane_total_combine(
                          (SELECT state_text::tokcost.lane_total FROM shipped_states
                            WHERE aggregate = 'tokcost.lane_sum(text, numeric, numeric)'::regprocedure
                              AND worker = 1 AND lane = 'cloud-api'),
                          (SELECT state_text::tokcost.lane_total FROM shipped_states
                            WHERE aggregate = 'tokcost.lane_sum(text, numeric, numeric)'::regprocedure
                              AND worker = 2 AND lane = 'colo-gpu'))$$,
                 'TC001', 'cannot blend lane "cloud-api" with lane "colo-gpu"',
                 'combining two lanes raises TC001');

SELECT * FROM finish();
ROLLBACK;
