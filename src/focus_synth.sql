-- The datacenter lane, synthesized: what each GPU node costs each UTC day,
-- as FOCUS rows that no invoice provides, with the idle part of that cost
-- and its allocation to the workloads that used the node.
--
-- Day basis: a node costs every UTC day from its in_service day up to, not
-- including, its retired_on day, whether it served tokens or not.
-- Amortization is straight-line from the in_service day,
-- (capex - residual_value) / (life_months * 30.4375) a day, for
-- life_months * 30.4375 days.  The last day of the life is partial (0.75 of a
-- day for 36 months, which are 1,095.75 days), so the days add up to
-- capex - residual_value.  A node past its life has no amortization but still
-- has its power and facility cost.  Power and facility fees are those of the
-- operating-parameter period in effect that day, and a day in service
-- without one raises SQLSTATE TC004.
--
-- Cents: the FOCUS rows, idle cost and allocation share one ledger of whole
-- cents per node and day.  A day's cents are round(S(end)) - round(S(start)),
-- where S is the exact cost since the in_service day, so any run of days adds
-- up to within half a cent of its exact cost.  Rounding each day on its own
-- would let the error grow with the days instead: the worked example's
-- 339.0906... rounds down every day, 75 cents short over its three years.

CREATE FUNCTION tokcost.gpu_node_day(from_day date, to_day date)
RETURNS TABLE (
    day date,
    node_id text,
    lane text,
    billing_currency text,
    amortization numeric,
    power numeric,
    facility numeric,
    daily_cost numeric,
    daily_cost_cents numeric,
    tokens numeric,
    peak_tokens numeric)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    gap record;
BEGIN
    IF from_day IS NULL OR to_day IS NULL OR NOT isfinite(from_day) OR NOT isfinite(to_day) THEN
        RAISE EXCEPTION 'invalid date range [%, %)', from_day, to_day
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A range of UTC days is two finite dates, the first inclusive and the second exclusive.';
    END IF;

    SELECT n.node_id, d.day INTO gap
      FROM tokcost.gpu_node n
     CROSS JOIN LATERAL (SELECT s::date AS day
                           FROM generate_series(n.in_service::timestamp,
                                                (least(to_day, coalesce(n.retired_on, to_day)) - 1)::timestamp,
                                                '1 day'::interval) AS s) d
     WHERE NOT EXISTS (SELECT 1 FROM tokcost.gpu_node_rate r
                        WHERE r.node_id = n.node_id
                          AND r.valid_from <= d.day
                          AND (r.valid_to IS NULL OR d.day < r.valid_to))
     ORDER BY d.day, n.node_id
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'GPU node "%" has no operating parameters on %', gap.node_id, gap.day
            USING ERRCODE = 'TC004',
                  DETAIL = 'A node in service costs power and facility fees every day, and without parameters that day''s cost is unknown.',
                  HINT = 'Insert a period into tokcost.gpu_node_rate that covers the day.';
    END IF;

    -- Days are costed from the in_service day, even before from_day, since
    -- each day's cents depend on the exact cost of every day before it.
    RETURN QUERY
    WITH costed AS (
        SELECT d.day,
               n.node_id,
               n.lane,
               n.billing_currency,
               tokcost.amortized_daily_cost(n.capex, n.life_months, n.residual_value)
                   * least(1, greatest(0, n.life_months * 30.4375 - (d.day - n.in_service)))
                   AS amortization,
               tokcost.power_daily_cost(r.it_load_kw, r.pue, r.price_per_kwh) AS power,
               r.facility_per_day AS facility,
               tokcost.tokens_per_day(r.peak_tokens_per_second, 1::pg_catalog.numeric) AS peak_tokens
          FROM tokcost.gpu_node n
         CROSS JOIN LATERAL (SELECT s::date AS day
                               FROM generate_series(n.in_service::timestamp,
                                                    (least(to_day, coalesce(n.retired_on, to_day)) - 1)::timestamp,
                                                    '1 day'::interval) AS s) d
          JOIN tokcost.gpu_node_rate r
            ON r.node_id = n.node_id
           AND r.valid_from <= d.day
           AND (r.valid_to IS NULL OR d.day < r.valid_to)
    ), ledger AS (
        SELECT c.*,
               c.amortization + c.power + c.facility AS daily_cost,
               sum(c.amortization + c.power + c.facility)
                   OVER (PARTITION BY c.node_id ORDER BY c.day) AS cost_to_end
          FROM costed c
    )
    SELECT l.day,
           l.node_id,
           l.lane,
           l.billing_currency,
           l.amortization,
           l.power,
           l.facility,
           l.daily_cost,
           round(l.cost_to_end, 2) - round(l.cost_to_end - l.daily_cost, 2),
           coalesce(u.tokens, 0),
           l.peak_tokens
      FROM ledger l
      LEFT JOIN (SELECT g.node_id, tokcost.usage_day(g.period_end) AS day, sum(g.tokens) AS tokens
                   FROM tokcost.gpu_usage g
                  WHERE g.period_end > from_day::timestamp AT TIME ZONE 'UTC'
                    AND g.period_end <= to_day::timestamp AT TIME ZONE 'UTC'
                  GROUP BY 1, 2) u
        ON u.node_id = l.node_id AND u.day = l.day
     WHERE l.day >= from_day
     ORDER BY 1, 2;
END
$$;

COMMENT ON FUNCTION tokcost.gpu_node_day(date, date) IS
'what each GPU node in service costs each UTC day of [from_day, to_day): amortization, power, facility fees and their sum, exact; the day''s whole cents in the node''s cent ledger; the tokens served and the peak capacity';

CREATE FUNCTION tokcost.gpu_focus_rows(from_day date, to_day date)
RETURNS TABLE (
    billingaccountid text,
    billingaccountname text,
    billingcurrency text,
    billingperiodstart timestamptz,
    billingperiodend timestamptz,
    chargeperiodstart timestamptz,
    chargeperiodend timestamptz,
    chargecategory text,
    chargeclass text,
    chargedescription text,
    chargefrequency text,
    billedcost numeric,
    effectivecost numeric,
    listcost numeric,
    contractedcost numeric,
    consumedquantity numeric,
    consumedunit text,
    pricingquantity numeric,
    pricingunit text,
    providername text,
    publishername text,
    invoiceissuername text,
    regionid text,
    resourceid text,
    resourcename text,
    resourcetype text,
    servicecategory text,
    servicename text,
    x_tokensource text,
    x_tokens numeric,
    x_rowsource text)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT NULL::text,
           NULL::text,
           d.billing_currency,
           -- date_trunc of a date would go through timestamptz and TimeZone
           timezone('UTC', date_trunc('month', d.day::timestamp)),
           timezone('UTC', date_trunc('month', d.day::timestamp) + '1 mon'::interval),
           timezone('UTC', d.day::timestamp),
           timezone('UTC', (d.day + 1)::timestamp),
           'Usage',
           NULL::text,
           format('synthesized daily cost of GPU node %s: amortization %s, power %s, facility %s',
                             d.node_id, round(d.amortization, 2),
                             round(d.power, 2), round(d.facility, 2)),
           'Recurring',
           0::numeric,
           d.daily_cost_cents,
           d.daily_cost_cents,
           d.daily_cost_cents,
           d.tokens,
           'Tokens',
           1::numeric,
           'Days',
           n.provider,
           n.provider,
           NULL::text,
           n.region,
           d.node_id,
           n.description,
           'GPU Node',
           'AI and Machine Learning',
           CASE d.lane WHEN 'colo-gpu' THEN 'Colocated GPU inference' ELSE 'Self-hosted GPU inference' END,
           d.lane,
           d.tokens,
           'synthesized'
      FROM tokcost.gpu_node_day(from_day, to_day) d
      JOIN tokcost.gpu_node n ON n.node_id = d.node_id
     ORDER BY d.day, d.node_id;
END;

COMMENT ON FUNCTION tokcost.gpu_focus_rows(date, date) IS
'one FOCUS row per GPU node and UTC day of [from_day, to_day), manufactured since no invoice has one: BilledCost 0, EffectiveCost the synthesized daily cost in whole cents, ConsumedQuantity the tokens served, x_RowSource synthesized';

CREATE FUNCTION tokcost.gpu_idle(from_day date, to_day date)
RETURNS TABLE (
    day date,
    node_id text,
    lane text,
    billing_currency text,
    tokens numeric,
    peak_tokens numeric,
    utilization numeric,
    total_cost numeric,
    used_cost numeric,
    idle_cost numeric)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    -- The total is the day's cents in the node's ledger, the same amount as
    -- its FOCUS row.  The used part is that total times the share of the
    -- peak served, rounded to the cent, and the idle part is the rest, so
    -- used + idle = total exactly and a node at full load has no idle cost.
    SELECT c.day, c.node_id, c.lane, c.billing_currency, c.tokens, c.peak_tokens,
           c.used_share,
           c.daily_cost_cents,
           round(c.daily_cost_cents * c.used_share, 2),
           c.daily_cost_cents - round(c.daily_cost_cents * c.used_share, 2)
      FROM (SELECT d.*, least(1::numeric, d.tokens / d.peak_tokens) AS used_share
              FROM tokcost.gpu_node_day(from_day, to_day) d) c
     ORDER BY c.day, c.node_id;
END;

COMMENT ON FUNCTION tokcost.gpu_idle(date, date) IS
'per GPU node and UTC day: the cost in cents, the part used by the tokens served at the peak rate, and the idle rest; used_cost + idle_cost = total_cost exactly';

CREATE FUNCTION tokcost.gpu_allocation(from_day date, to_day date, idle text DEFAULT 'spread')
RETURNS TABLE (
    day date,
    node_id text,
    lane text,
    billing_currency text,
    workload text,
    tokens numeric,
    cost numeric)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF idle IS NULL OR idle NOT IN ('spread', 'separate') THEN
        RAISE EXCEPTION 'invalid idle: %', coalesce(idle, 'null')
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'Parameter idle is spread (the idle cost shared out with the rest, by tokens) or separate (the idle cost kept as a line of its own).';
    END IF;

    -- Each node-day's pool of cents is shared out by tokens with the
    -- largest-remainder method.  Every workload gets the whole cents of its
    -- exact share, and the cents left go one each to the largest remainders
    -- (ties by workload name), so the shares add up to the pool exactly.
    RETURN QUERY
    WITH node_day AS (
        SELECT i.*,
               CASE WHEN idle = 'spread' OR i.tokens = 0 THEN i.total_cost ELSE i.used_cost END
                   * 100 AS pool_cents
          FROM tokcost.gpu_idle(from_day, to_day) i
    ), served AS (
        SELECT g.node_id, tokcost.usage_day(g.period_end) AS day, g.workload, sum(g.tokens) AS tokens
          FROM tokcost.gpu_usage g
         WHERE g.period_end > from_day::timestamp AT TIME ZONE 'UTC'
           AND g.period_end <= to_day::timestamp AT TIME ZONE 'UTC'
         GROUP BY 1, 2, 3
        HAVING sum(g.tokens) > 0
    ), shares AS (
        SELECT nd.day, nd.node_id, nd.lane, nd.billing_currency, s.workload, s.tokens,
               nd.pool_cents,
               div(nd.pool_cents * s.tokens, nd.tokens) AS whole_cents,
               mod(nd.pool_cents * s.tokens, nd.tokens) AS remainder
          FROM node_day nd
          JOIN served s ON s.node_id = nd.node_id AND s.day = nd.day
    ), ranked AS (
        SELECT sh.*,
               row_number() OVER (PARTITION BY sh.day, sh.node_id
                                  ORDER BY sh.remainder DESC, sh.workload) AS rank,
               sh.pool_cents - sum(sh.whole_cents) OVER (PARTITION BY sh.day, sh.node_id) AS cents_left
          FROM shares sh
    )
    SELECT r.day, r.node_id, r.lane, r.billing_currency, r.workload, r.tokens,
           (r.whole_cents + CASE WHEN r.rank <= r.cents_left THEN 1 ELSE 0 END) * 0.01
      FROM ranked r
    UNION ALL
    SELECT nd.day, nd.node_id, nd.lane, nd.billing_currency, '(idle)', 0::numeric,
           CASE WHEN nd.tokens = 0 THEN nd.total_cost ELSE nd.idle_cost END
      FROM node_day nd
     WHERE idle = 'separate' OR nd.tokens = 0
     ORDER BY 1, 2, 5;
END
$$;

COMMENT ON FUNCTION tokcost.gpu_allocation(date, date, text) IS
'each GPU node-day''s cost in cents shared out to the workloads that used it, in proportion to tokens (largest remainder), the idle cost spread over them or kept as an (idle) line; the lines of a node-day add up to its total_cost exactly';
