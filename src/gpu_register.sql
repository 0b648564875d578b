-- The datacenter asset register: GPU nodes that a company owns
-- (self-hosted-gpu) or colocates (colo-gpu), and their operating parameters
-- over time.
--
-- History is not rewritten silently.  A node's purchase facts (lane,
-- currency, capex, residual value, in-service date, life) cannot change once
-- registered, and an operating-parameter period cannot be edited or removed.
-- A change closes the open period and opens a new one
-- (tokcost.change_gpu_node_rate), and overlapping periods are rejected.  To
-- correct a mistake on purpose, SET tokcost.rewrite_history = on in that
-- session first.

CREATE TABLE tokcost.gpu_node (
    node_id text PRIMARY KEY,
    lane text NOT NULL,
    billing_currency text NOT NULL DEFAULT 'USD',
    capex numeric NOT NULL,
    residual_value numeric NOT NULL DEFAULT 0,
    in_service date NOT NULL,
    life_months integer NOT NULL,
    retired_on date,
    provider text,
    region text,
    description text,
    CONSTRAINT gpu_node_lane_check CHECK (lane IN ('self-hosted-gpu', 'colo-gpu')),
    CONSTRAINT gpu_node_currency_check CHECK (billing_currency ~ '^[A-Z]{3}$'),
    -- scale() is NULL for NaN and the infinities
    CONSTRAINT gpu_node_capex_check
        CHECK (capex >= 0 AND pg_catalog.scale(capex) IS NOT NULL),
    CONSTRAINT gpu_node_residual_value_check
        CHECK (residual_value >= 0 AND residual_value <= capex
               AND pg_catalog.scale(residual_value) IS NOT NULL),
    CONSTRAINT gpu_node_life_months_check CHECK (life_months > 0),
    CONSTRAINT gpu_node_retired_on_check CHECK (retired_on > in_service),
    CONSTRAINT gpu_node_in_service_check CHECK (in_service > '-infinity' AND in_service < 'infinity')
);

COMMENT ON TABLE tokcost.gpu_node IS
'the GPU nodes of the datacenter lanes: what each cost, when it entered service and for how long it is amortized';
COMMENT ON COLUMN tokcost.gpu_node.node_id IS
'the node, as FOCUS ResourceId of its synthesized rows';
COMMENT ON COLUMN tokcost.gpu_node.lane IS
'self-hosted-gpu (owned, in a facility of the company) or colo-gpu (owned, in a colocation facility): the x_TokenSource of its rows';
COMMENT ON COLUMN tokcost.gpu_node.billing_currency IS
'the currency of capex, tariffs and fees, as FOCUS BillingCurrency of its rows';
COMMENT ON COLUMN tokcost.gpu_node.capex IS
'purchase price, amortized straight-line over the node''s life';
COMMENT ON COLUMN tokcost.gpu_node.residual_value IS
'value at the end of the life, which is not amortized';
COMMENT ON COLUMN tokcost.gpu_node.in_service IS
'first UTC day the node costs anything; amortization runs from this day';
COMMENT ON COLUMN tokcost.gpu_node.life_months IS
'amortization life in months of 365.25 / 12 days';
COMMENT ON COLUMN tokcost.gpu_node.retired_on IS
'first UTC day the node no longer costs anything, NULL while in service';
COMMENT ON COLUMN tokcost.gpu_node.provider IS
'who operates the facility (the company, or the colocation provider), as FOCUS ProviderName of its rows';
COMMENT ON COLUMN tokcost.gpu_node.region IS
'where the node is, as FOCUS RegionId of its rows';
COMMENT ON COLUMN tokcost.gpu_node.description IS
'free text, as FOCUS ResourceName of its rows';

CREATE TABLE tokcost.gpu_node_rate (
    node_id text NOT NULL REFERENCES tokcost.gpu_node ON UPDATE RESTRICT ON DELETE RESTRICT,
    valid_from date NOT NULL,
    valid_to date,
    it_load_kw numeric NOT NULL,
    pue numeric NOT NULL,
    price_per_kwh numeric NOT NULL,
    facility_per_day numeric NOT NULL DEFAULT 0,
    peak_tokens_per_second numeric NOT NULL,
    note text,
    PRIMARY KEY (node_id, valid_from),
    CONSTRAINT gpu_node_rate_period_check CHECK (valid_to > valid_from),
    CONSTRAINT gpu_node_rate_valid_from_check CHECK (valid_from > '-infinity' AND valid_from < 'infinity'),
    CONSTRAINT gpu_node_rate_it_load_kw_check
        CHECK (it_load_kw >= 0 AND pg_catalog.scale(it_load_kw) IS NOT NULL),
    CONSTRAINT gpu_node_rate_pue_check
        CHECK (pue >= 1 AND pg_catalog.scale(pue) IS NOT NULL),
    CONSTRAINT gpu_node_rate_price_per_kwh_check
        CHECK (price_per_kwh >= 0 AND pg_catalog.scale(price_per_kwh) IS NOT NULL),
    CONSTRAINT gpu_node_rate_facility_per_day_check
        CHECK (facility_per_day >= 0 AND pg_catalog.scale(facility_per_day) IS NOT NULL),
    CONSTRAINT gpu_node_rate_peak_check
        CHECK (peak_tokens_per_second > 0 AND pg_catalog.scale(peak_tokens_per_second) IS NOT NULL)
);

COMMENT ON TABLE tokcost.gpu_node_rate IS
'effective-dated operating parameters of each GPU node: a period applies from valid_from (inclusive) to valid_to (exclusive, NULL: still in effect), UTC days';
COMMENT ON COLUMN tokcost.gpu_node_rate.node_id IS
'the node (tokcost.gpu_node)';
COMMENT ON COLUMN tokcost.gpu_node_rate.valid_from IS
'first UTC day of the period';
COMMENT ON COLUMN tokcost.gpu_node_rate.valid_to IS
'first UTC day after the period, NULL while in effect';
COMMENT ON COLUMN tokcost.gpu_node_rate.it_load_kw IS
'IT load in kW, before the facility overhead';
COMMENT ON COLUMN tokcost.gpu_node_rate.pue IS
'power usage effectiveness: facility power over IT power, at least 1';
COMMENT ON COLUMN tokcost.gpu_node_rate.price_per_kwh IS
'power tariff per kWh at the meter';
COMMENT ON COLUMN tokcost.gpu_node_rate.facility_per_day IS
'rack, space and other facility fees per day';
COMMENT ON COLUMN tokcost.gpu_node_rate.peak_tokens_per_second IS
'tokens per second the node serves at full load, its capacity';
COMMENT ON COLUMN tokcost.gpu_node_rate.note IS
'why the parameters changed, for audit';

CREATE INDEX gpu_node_rate_open_idx ON tokcost.gpu_node_rate (node_id) WHERE valid_to IS NULL;

COMMENT ON INDEX tokcost.gpu_node_rate_open_idx IS
'the period in effect of each node';

-- The register is the user's data: pg_dump keeps its rows.
SELECT pg_catalog.pg_extension_config_dump('tokcost.gpu_node', '');
SELECT pg_catalog.pg_extension_config_dump('tokcost.gpu_node_rate', '');

GRANT SELECT ON tokcost.gpu_node, tokcost.gpu_node_rate TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON tokcost.gpu_node, tokcost.gpu_node_rate TO @extowner@;

CREATE FUNCTION tokcost.rewriting_history()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
-- on, true, yes or 1 in any letter case, as a boolean setting takes them
RETURN pg_catalog.lower(coalesce(pg_catalog.current_setting('tokcost.rewrite_history', true), ''))
       OPERATOR(pg_catalog.=) ANY (ARRAY['on', 'true', '1', 'yes']);

COMMENT ON FUNCTION tokcost.rewriting_history() IS
'whether this session has SET tokcost.rewrite_history = on, which allows editing the register''s history';

CREATE FUNCTION tokcost.gpu_node_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF tokcost.rewriting_history() THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'cannot delete GPU node "%"', OLD.node_id
            USING ERRCODE = 'TC005',
                  DETAIL = 'Deleting a node would remove its cost from every day it was in service.',
                  HINT = 'Set retired_on to the first day it no longer costs anything, or SET tokcost.rewrite_history = on to delete it on purpose.';
    END IF;
    IF (NEW.node_id, NEW.lane, NEW.billing_currency, NEW.capex, NEW.residual_value,
        NEW.in_service, NEW.life_months)
       IS DISTINCT FROM
       (OLD.node_id, OLD.lane, OLD.billing_currency, OLD.capex, OLD.residual_value,
        OLD.in_service, OLD.life_months)
       OR (OLD.retired_on IS NOT NULL AND NEW.retired_on IS DISTINCT FROM OLD.retired_on) THEN
        RAISE EXCEPTION 'cannot change the purchase facts of GPU node "%"', OLD.node_id
            USING ERRCODE = 'TC005',
                  DETAIL = 'Its lane, currency, capex, residual value, in-service date, life and retirement date set the cost of days already reported.',
                  HINT = 'Change operating parameters with tokcost.change_gpu_node_rate, or SET tokcost.rewrite_history = on to correct a mistake on purpose.';
    END IF;
    -- The views report every day through yesterday, UTC.
    IF OLD.retired_on IS NULL AND NEW.retired_on < tokcost.utc_today() THEN
        RAISE EXCEPTION 'cannot retire GPU node "%" from %, a day already reported', OLD.node_id, NEW.retired_on
            USING ERRCODE = 'TC005',
                  DETAIL = pg_catalog.format('Its cost from %s through yesterday (UTC) is already reported, and retiring it before today would remove it.', NEW.retired_on),
                  HINT = 'Set retired_on to today or a later day, or SET tokcost.rewrite_history = on to correct a mistake on purpose.';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION tokcost.gpu_node_guard() IS
'trigger function that keeps the purchase facts of a GPU node from changing and the node from being deleted, unless tokcost.rewrite_history is on';

CREATE TRIGGER gpu_node_guard
    BEFORE UPDATE OR DELETE ON tokcost.gpu_node
    FOR EACH ROW EXECUTE FUNCTION tokcost.gpu_node_guard();

COMMENT ON TRIGGER gpu_node_guard ON tokcost.gpu_node IS
'rejects changes to a node''s purchase facts and its deletion, unless tokcost.rewrite_history is on';

CREATE FUNCTION tokcost.gpu_node_rate_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    other record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT tokcost.rewriting_history() THEN
            RAISE EXCEPTION 'cannot delete the operating parameters of GPU node "%" from %', OLD.node_id, OLD.valid_from
                USING ERRCODE = 'TC005',
                      DETAIL = 'The period sets the cost of days that may already be reported.',
                      HINT = 'Change parameters from a day on with tokcost.change_gpu_node_rate, or SET tokcost.rewrite_history = on to correct a mistake on purpose.';
        END IF;
        RETURN OLD;
    END IF;

    IF TG_OP = 'UPDATE' AND NOT tokcost.rewriting_history()
       AND ((NEW.node_id, NEW.valid_from, NEW.it_load_kw, NEW.pue, NEW.price_per_kwh,
             NEW.facility_per_day, NEW.peak_tokens_per_second)
            IS DISTINCT FROM
            (OLD.node_id, OLD.valid_from, OLD.it_load_kw, OLD.pue, OLD.price_per_kwh,
             OLD.facility_per_day, OLD.peak_tokens_per_second)
            OR (OLD.valid_to IS NOT NULL AND NEW.valid_to IS DISTINCT FROM OLD.valid_to)) THEN
        RAISE EXCEPTION 'cannot change the operating parameters of GPU node "%" from %', OLD.node_id, OLD.valid_from
            USING ERRCODE = 'TC005',
                  DETAIL = 'A period''s parameters set the cost of its days; only an open period may be closed, by setting its valid_to.',
                  HINT = 'Change parameters from a day on with tokcost.change_gpu_node_rate, or SET tokcost.rewrite_history = on to correct a mistake on purpose.';
    END IF;

    -- Writers of one node queue here, so that a concurrent writer's period
    -- is committed, and visible in READ COMMITTED, before the check.
    PERFORM pg_advisory_xact_lock(hashtextextended('tokcost.gpu_node_rate' || E'\x1f' || NEW.node_id, 0));

    SELECT r.valid_from, r.valid_to INTO other
      FROM tokcost.gpu_node_rate r
     WHERE r.node_id = NEW.node_id
       AND r.valid_from < coalesce(NEW.valid_to, 'infinity')
       AND NEW.valid_from < coalesce(r.valid_to, 'infinity')
       AND (TG_OP = 'INSERT' OR r.valid_from <> OLD.valid_from OR r.node_id <> OLD.node_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'operating parameters of GPU node "%" for [%, %) overlap the period [%, %)',
            NEW.node_id, NEW.valid_from, coalesce(NEW.valid_to::text, 'open'),
            other.valid_from, coalesce(other.valid_to::text, 'open')
            USING ERRCODE = 'exclusion_violation',
                  DETAIL = 'A node has one set of operating parameters on each day.',
                  HINT = 'Use tokcost.change_gpu_node_rate, which closes the period in effect and opens the new one.';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION tokcost.gpu_node_rate_guard() IS
'trigger function that keeps operating-parameter periods from overlapping, from being edited other than closed, and from being deleted, unless tokcost.rewrite_history is on';

CREATE TRIGGER gpu_node_rate_guard
    BEFORE INSERT OR UPDATE OR DELETE ON tokcost.gpu_node_rate
    FOR EACH ROW EXECUTE FUNCTION tokcost.gpu_node_rate_guard();

COMMENT ON TRIGGER gpu_node_rate_guard ON tokcost.gpu_node_rate IS
'rejects overlapping periods, edits other than closing an open period, and deletions, unless tokcost.rewrite_history is on';

CREATE FUNCTION tokcost.change_gpu_node_rate(
    node_id text,
    effective date,
    it_load_kw numeric DEFAULT NULL,
    pue numeric DEFAULT NULL,
    price_per_kwh numeric DEFAULT NULL,
    facility_per_day numeric DEFAULT NULL,
    peak_tokens_per_second numeric DEFAULT NULL,
    note text DEFAULT NULL)
RETURNS SETOF tokcost.gpu_node_rate
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    node text := change_gpu_node_rate.node_id;
    latest tokcost.gpu_node_rate;
    fresh tokcost.gpu_node_rate;
BEGIN
    IF node IS NULL OR effective IS NULL THEN
        RAISE EXCEPTION '% is null', CASE WHEN node IS NULL THEN 'node_id' ELSE 'effective' END
            USING ERRCODE = 'null_value_not_allowed',
                  DETAIL = 'A change applies to one node from one UTC day on.';
    END IF;
    IF NOT isfinite(effective) THEN
        RAISE EXCEPTION 'invalid effective date: %', effective
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A change applies from a finite UTC day.';
    END IF;
    PERFORM 1 FROM tokcost.gpu_node n WHERE n.node_id = node FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'GPU node "%" is not registered', node
            USING ERRCODE = 'foreign_key_violation',
                  HINT = 'Insert it into tokcost.gpu_node first.';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('tokcost.gpu_node_rate' || E'\x1f' || node, 0));

    SELECT r.* INTO latest
      FROM tokcost.gpu_node_rate r
     WHERE r.node_id = node
     ORDER BY r.valid_from DESC
     LIMIT 1;

    IF FOUND AND (effective <= latest.valid_from
                  OR (latest.valid_to IS NOT NULL AND effective < latest.valid_to)) THEN
        RAISE EXCEPTION 'cannot change the operating parameters of GPU node "%" from %', node, effective
            USING ERRCODE = 'TC005',
                  DETAIL = format('Its latest period runs from %s to %s, and a change never rewrites the days before it.',
                                  latest.valid_from, coalesce(latest.valid_to::text, 'open')),
                  HINT = 'Make changes in time order, each effective after the start of the period in effect.';
    END IF;

    fresh.node_id := node;
    fresh.valid_from := effective;
    fresh.valid_to := NULL;
    fresh.it_load_kw := coalesce(it_load_kw, latest.it_load_kw);
    fresh.pue := coalesce(pue, latest.pue);
    fresh.price_per_kwh := coalesce(price_per_kwh, latest.price_per_kwh);
    fresh.facility_per_day := coalesce(facility_per_day, latest.facility_per_day, 0);
    fresh.peak_tokens_per_second := coalesce(peak_tokens_per_second, latest.peak_tokens_per_second);
    fresh.note := note;
    IF fresh.it_load_kw IS NULL OR fresh.pue IS NULL OR fresh.price_per_kwh IS NULL
       OR fresh.peak_tokens_per_second IS NULL THEN
        RAISE EXCEPTION 'GPU node "%" has no operating parameters to change', node
            USING ERRCODE = 'null_value_not_allowed',
                  DETAIL = 'Its first period needs it_load_kw, pue, price_per_kwh and peak_tokens_per_second.';
    END IF;

    IF latest.valid_from IS NOT NULL AND latest.valid_to IS NULL THEN
        UPDATE tokcost.gpu_node_rate r
           SET valid_to = effective
         WHERE r.node_id = node AND r.valid_from = latest.valid_from;
        latest.valid_to := effective;
        RETURN NEXT latest;
    END IF;
    INSERT INTO tokcost.gpu_node_rate SELECT fresh.*;
    RETURN NEXT fresh;
END
$$;

COMMENT ON FUNCTION tokcost.change_gpu_node_rate(text, date, numeric, numeric, numeric, numeric, numeric, text) IS
'change a GPU node''s operating parameters from a UTC day on: closes the period in effect and opens one with the given parameters, the others carried over; returns the closed and the new period';
