-- Views for BI tools and scheduled refreshes.  Every column is text,
-- numeric, bigint, date or timestamptz, which every BI tool and driver
-- reads; JSON columns are given as text.  The synthesized rows cover each
-- GPU node from its in_service day through yesterday (UTC), or up to its
-- retired_on day: complete days only.
--
-- Which cost column answers which question:
--   EffectiveCost  what the usage cost, commitments amortized over the usage
--                  they cover: the basis of every $/Mtok here.
--   BilledCost     the cash: the invoiced amount, upfront purchases on the
--                  day they were bought.  It is 0 on synthesized rows.
--   ListCost       the cost at list prices, before discounts.
-- Rows of ChargeCategory Tax count in the tax column only, never in a unit
-- cost; credits (ChargeCategory Credit, negative costs) and corrections
-- (ChargeClass Correction, which carry the period they correct) count in the
-- cost of their lane and day, and are also shown on their own.

CREATE FUNCTION tokcost.utc_today()
RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
RETURN pg_catalog.date(pg_catalog.timezone('UTC', pg_catalog.now()));

COMMENT ON FUNCTION tokcost.utc_today() IS
'the current UTC day, the first day that the views leave out as incomplete';

CREATE FUNCTION tokcost.gpu_first_day()
RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(min(n.in_service), tokcost.utc_today()) FROM tokcost.gpu_node n;
END;

COMMENT ON FUNCTION tokcost.gpu_first_day() IS
'the first day any GPU node was in service, where the views of the datacenter lane start';

CREATE VIEW tokcost.focus_synthesized AS
SELECT * FROM tokcost.gpu_focus_rows(tokcost.gpu_first_day(), tokcost.utc_today());

COMMENT ON VIEW tokcost.focus_synthesized IS
'the manufactured FOCUS rows of the datacenter lane: one per GPU node and complete UTC day in service';

CREATE VIEW tokcost.focus_cost AS
SELECT c.availabilityzone,
       c.billedcost,
       c.billingaccountid,
       c.billingaccountname,
       c.billingcurrency,
       c.billingperiodend,
       c.billingperiodstart,
       c.chargecategory,
       c.chargeclass,
       c.chargedescription,
       c.chargefrequency,
       c.chargeperiodend,
       c.chargeperiodstart,
       c.commitmentdiscountcategory,
       c.commitmentdiscountid,
       c.commitmentdiscountname,
       c.commitmentdiscountstatus,
       c.commitmentdiscounttype,
       c.consumedquantity,
       c.consumedunit,
       c.contractedcost,
       c.contractedunitprice,
       c.effectivecost,
       c.invoiceissuername,
       c.listcost,
       c.listunitprice,
       c.pricingcategory,
       c.pricingquantity,
       c.pricingunit,
       c.providername,
       c.publishername,
       c.regionid,
       c.regionname,
       c.resourceid,
       c.resourcename,
       c.resourcetype,
       c.servicecategory,
       c.servicename,
       c.skuid,
       c.skupriceid,
       c.subaccountid,
       c.subaccountname,
       c.tags::text AS tags,
       c.capacityreservationid,
       c.capacityreservationstatus,
       c.commitmentdiscountquantity,
       c.commitmentdiscountunit,
       c.servicesubcategory,
       c.skumeter,
       c.skupricedetails::text AS skupricedetails,
       c.billingaccounttype,
       c.invoiceid,
       c.pricingcurrency,
       c.pricingcurrencycontractedunitprice,
       c.pricingcurrencyeffectivecost,
       c.pricingcurrencylistunitprice,
       c.subaccounttype,
       c.allocatedmethoddetails::text AS allocatedmethoddetails,
       c.allocatedmethodid,
       c.allocatedresourceid,
       c.allocatedresourcename,
       c.allocatedtags::text AS allocatedtags,
       c.contractapplied::text AS contractapplied,
       c.hostprovidername,
       c.serviceprovidername,
       c.x_tokensource,
       c.x_tokens,
       'ingested'::text AS x_rowsource,
       c.load_id AS x_loadid,
       c.line_number AS x_linenumber,
       c.x_columns::text AS x_columns
  FROM tokcost.focus_charge c
UNION ALL
SELECT NULL::text,
       s.billedcost,
       s.billingaccountid,
       s.billingaccountname,
       s.billingcurrency,
       s.billingperiodend,
       s.billingperiodstart,
       s.chargecategory,
       s.chargeclass,
       s.chargedescription,
       s.chargefrequency,
       s.chargeperiodend,
       s.chargeperiodstart,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       s.consumedquantity,
       s.consumedunit,
       s.contractedcost,
       NULL::numeric,
       s.effectivecost,
       s.invoiceissuername,
       s.listcost,
       NULL::numeric,
       NULL::text,
       s.pricingquantity,
       s.pricingunit,
       s.providername,
       s.publishername,
       s.regionid,
       NULL::text,
       s.resourceid,
       s.resourcename,
       s.resourcetype,
       s.servicecategory,
       s.servicename,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::numeric,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::numeric,
       NULL::numeric,
       NULL::numeric,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       NULL::text,
       s.x_tokensource,
       s.x_tokens,
       s.x_rowsource,
       NULL::bigint,
       NULL::bigint,
       NULL::text
  FROM tokcost.focus_synthesized s;

COMMENT ON VIEW tokcost.focus_cost IS
'one FOCUS table of both lanes: the ingested rows of tokcost.focus_charge and the synthesized rows of the GPU nodes, distinguished by x_rowsource (ingested or synthesized)';

CREATE VIEW tokcost.lane_daily AS
SELECT date(timezone('UTC', f.chargeperiodstart)) AS day,
       f.x_tokensource,
       f.billingcurrency,
       sum(f.effectivecost) FILTER (WHERE f.chargecategory <> 'Tax') AS effective_cost,
       sum(f.billedcost) FILTER (WHERE f.chargecategory <> 'Tax') AS billed_cost,
       sum(f.listcost) FILTER (WHERE f.chargecategory <> 'Tax') AS list_cost,
       coalesce(sum(f.billedcost) FILTER (WHERE f.chargecategory = 'Tax'), 0) AS tax,
       coalesce(sum(f.effectivecost) FILTER (WHERE f.chargecategory = 'Credit'), 0) AS credits,
       coalesce(sum(f.effectivecost) FILTER (WHERE f.chargeclass = 'Correction'), 0) AS corrections,
       sum(f.x_tokens) FILTER (WHERE f.chargecategory <> 'Tax') AS tokens,
       tokcost.lane_cost_per_mtok(f.x_tokensource, f.effectivecost, f.x_tokens, f.billingcurrency)
           FILTER (WHERE f.chargecategory <> 'Tax') AS cost_per_mtok,
       count(*) AS charge_rows,
       count(*) FILTER (WHERE f.x_rowsource = 'synthesized') AS synthesized_rows
  FROM tokcost.focus_cost f
 WHERE f.x_tokensource IS NOT NULL
 GROUP BY 1, 2, 3;

COMMENT ON VIEW tokcost.lane_daily IS
'the lane report by UTC day: cost, tokens and EffectiveCost per million tokens of each lane and currency; a charge counts on the day its period starts';

CREATE VIEW tokcost.lane_monthly AS
SELECT date(date_trunc('month', d.day::timestamp)) AS month,
       d.x_tokensource,
       d.billingcurrency,
       sum(d.effective_cost) AS effective_cost,
       sum(d.billed_cost) AS billed_cost,
       sum(d.list_cost) AS list_cost,
       sum(d.tax) AS tax,
       sum(d.credits) AS credits,
       sum(d.corrections) AS corrections,
       sum(d.tokens) AS tokens,
       tokcost.lane_cost_per_mtok(d.x_tokensource, d.effective_cost, d.tokens, d.billingcurrency)
           AS cost_per_mtok,
       sum(d.charge_rows)::bigint AS charge_rows,
       sum(d.synthesized_rows)::bigint AS synthesized_rows
  FROM tokcost.lane_daily d
 GROUP BY 1, 2, 3;

COMMENT ON VIEW tokcost.lane_monthly IS
'the lane report by UTC month, rolled up from tokcost.lane_daily';

CREATE VIEW tokcost.gpu_idle_daily AS
SELECT * FROM tokcost.gpu_idle(tokcost.gpu_first_day(), tokcost.utc_today());

COMMENT ON VIEW tokcost.gpu_idle_daily IS
'idle cost per GPU node and complete UTC day: total, used and idle cost in cents, used + idle = total';

CREATE VIEW tokcost.gpu_allocation_daily AS
SELECT * FROM tokcost.gpu_allocation(tokcost.gpu_first_day(), tokcost.utc_today(), 'spread');

COMMENT ON VIEW tokcost.gpu_allocation_daily IS
'each GPU node-day''s whole cost shared out to its workloads by tokens, the idle cost spread over them';

CREATE VIEW tokcost.gpu_allocation_idle_daily AS
SELECT * FROM tokcost.gpu_allocation(tokcost.gpu_first_day(), tokcost.utc_today(), 'separate');

COMMENT ON VIEW tokcost.gpu_allocation_idle_daily IS
'each GPU node-day''s used cost shared out to its workloads by tokens, the idle cost kept as an (idle) line';

-- Value figures: what a workload's output was worth on a day, or what a
-- whole day's output was worth (workload NULL).
CREATE TABLE tokcost.workload_value (
    day date NOT NULL,
    workload text,
    billing_currency text NOT NULL DEFAULT 'USD',
    value numeric NOT NULL,
    note text,
    CONSTRAINT workload_value_currency_check CHECK (billing_currency ~ '^[A-Z]{3}$'),
    CONSTRAINT workload_value_value_check CHECK (pg_catalog.scale(value) IS NOT NULL),
    CONSTRAINT workload_value_workload_check CHECK (workload <> '')
);

CREATE UNIQUE INDEX workload_value_key
    ON tokcost.workload_value (day, coalesce(workload, ''), billing_currency);

COMMENT ON TABLE tokcost.workload_value IS
'what the output of a workload (or, with workload NULL, of all workloads) was worth on a UTC day, for value per token';
COMMENT ON COLUMN tokcost.workload_value.day IS
'the UTC day';
COMMENT ON COLUMN tokcost.workload_value.workload IS
'the workload, as in tokcost.gpu_usage and the x_Workload column or workload tag of ingested rows; NULL for the whole day';
COMMENT ON COLUMN tokcost.workload_value.billing_currency IS
'the currency of the value, matched with the cost''s BillingCurrency';
COMMENT ON COLUMN tokcost.workload_value.value IS
'the value, in billing_currency';
COMMENT ON COLUMN tokcost.workload_value.note IS
'where the figure came from, for audit';
COMMENT ON INDEX tokcost.workload_value_key IS
'one figure per day, workload and currency';

SELECT pg_catalog.pg_extension_config_dump('tokcost.workload_value', '');

GRANT SELECT ON tokcost.workload_value TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON tokcost.workload_value TO @extowner@;

CREATE FUNCTION tokcost.focus_workload(tags jsonb, x_columns jsonb)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(NULLIF(x_columns OPERATOR(pg_catalog.->>) 'x_Workload', ''),
                NULLIF(x_columns OPERATOR(pg_catalog.->>) 'x_workload', ''),
                NULLIF(tags OPERATOR(pg_catalog.->>) 'workload', ''),
                NULLIF(tags OPERATOR(pg_catalog.->>) 'Workload', ''),
                'unattributed');

COMMENT ON FUNCTION tokcost.focus_workload(jsonb, jsonb) IS
'the workload of an ingested FOCUS row: its x_Workload column, else its workload tag, else unattributed; an empty value counts as none';

CREATE VIEW tokcost.lane_workload_daily AS
SELECT w.day, w.x_tokensource, w.billingcurrency, w.workload,
       sum(w.cost) AS cost,
       sum(w.tokens) AS tokens
  FROM (SELECT date(timezone('UTC', c.chargeperiodstart)) AS day,
               c.x_tokensource, c.billingcurrency,
               tokcost.focus_workload(c.tags, c.x_columns) AS workload,
               c.effectivecost AS cost, c.x_tokens AS tokens
          FROM tokcost.focus_charge c
         WHERE c.x_tokensource IS NOT NULL AND c.chargecategory <> 'Tax'
        UNION ALL
        SELECT a.day, a.lane, a.billing_currency, a.workload, a.cost, a.tokens
          FROM tokcost.gpu_allocation_daily a) w
 GROUP BY 1, 2, 3, 4;

COMMENT ON VIEW tokcost.lane_workload_daily IS
'cost (EffectiveCost; GPU lanes allocated with idle spread) and tokens per UTC day, lane, currency and workload';

CREATE VIEW tokcost.lane_value_daily AS
WITH figures AS (
    -- a workload's value is shared among the lanes it used by tokens; a
    -- whole day's value among every lane and workload of that day
    SELECT w.day, w.x_tokensource, w.billingcurrency, v.workload, w.cost, w.tokens,
           v.value * w.tokens / nullif(sum(w.tokens) OVER (PARTITION BY w.day, w.billingcurrency, v.workload), 0) AS value
      FROM tokcost.workload_value v
      JOIN tokcost.lane_workload_daily w
        ON w.day = v.day AND w.billingcurrency = v.billing_currency
       AND (v.workload IS NULL OR w.workload = v.workload)
)
SELECT f.day, f.x_tokensource, f.billingcurrency,
       coalesce(f.workload, '(all)') AS workload,
       sum(f.tokens) AS tokens,
       sum(f.cost) AS cost,
       sum(f.value) AS value,
       tokcost.cost_per_mtok(sum(f.cost), sum(f.tokens)) AS cost_per_mtok,
       tokcost.cost_per_mtok(sum(f.value), sum(f.tokens)) AS value_per_mtok,
       sum(f.value) / nullif(sum(f.cost), 0) AS value_over_cost
  FROM figures f
 GROUP BY 1, 2, 3, 4;

COMMENT ON VIEW tokcost.lane_value_daily IS
'value per million tokens and value over cost per UTC day, lane and workload (or (all) for a whole day''s figure), lane by lane';

GRANT SELECT ON tokcost.focus_synthesized, tokcost.focus_cost, tokcost.lane_daily,
    tokcost.lane_monthly, tokcost.gpu_idle_daily, tokcost.gpu_allocation_daily,
    tokcost.gpu_allocation_idle_daily, tokcost.lane_workload_daily, tokcost.lane_value_daily
    TO PUBLIC;
