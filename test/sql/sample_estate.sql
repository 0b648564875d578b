-- Load a sample estate that uses tokcost the ways a warehouse does, for the
-- dump and sqlsmith tests.  It has the real FOCUS 1.0 sample rows tagged
-- with lanes in a table with generated columns and expression, btree and
-- hash indexes on tokcost values, a materialized view of daily lane
-- totals, a view, and the price list loaded from the real price map.
--
-- psql variables: focus_csv (path of focus-1.0-sample.csv) and price_map
-- (path of model-prices-2025-09.json).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS tokcost;

CREATE TABLE focus_raw (
    "AvailabilityZone" text, "BilledCost" text, "BillingAccountId" text,
    "BillingAccountName" text, "BillingCurrency" text, "BillingPeriodEnd" text,
    "BillingPeriodStart" text, "ChargeCategory" text, "ChargeClass" text,
    "ChargeDescription" text, "ChargeFrequency" text, "ChargePeriodEnd" text,
    "ChargePeriodStart" text, "CommitmentDiscountCategory" text,
    "CommitmentDiscountId" text, "CommitmentDiscountName" text,
    "CommitmentDiscountStatus" text, "CommitmentDiscountType" text,
    "ConsumedQuantity" text, "ConsumedUnit" text, "ContractedCost" text,
    "ContractedUnitPrice" text, "EffectiveCost" text, "InvoiceIssuerName" text,
    "ListCost" text, "ListUnitPrice" text, "PricingCategory" text,
    "PricingQuantity" text, "PricingUnit" text, "ProviderName" text,
    "PublisherName" text, "RegionId" text, "RegionName" text, "ResourceId" text,
    "ResourceName" text, "ResourceType" text, "ServiceCategory" text, "Id" text,
    "ServiceName" text, "SkuId" text, "SkuPriceId" text, "SubAccountId" text,
    "SubAccountName" text, "Tags" text
);
-- \copy does not expand variables, so the command is built in one
\set focus_copy '\\copy focus_raw FROM ' :'focus_csv' ' (FORMAT csv, HEADER, NULL ''NULL'')'
:focus_copy

-- The sample has no token rows, so each row gets a lane and a token count
-- derived from its own fields.  AI rows are cloud API usage and compute
-- rows GPU nodes; the Id splits the rest among the lanes.
CREATE TABLE focus_cost (
    id bigint PRIMARY KEY,
    charge_period_start timestamptz NOT NULL,
    x_tokensource text NOT NULL CHECK (x_tokensource <> ''),
    billing_currency text NOT NULL,
    effective_cost numeric NOT NULL,
    tokens bigint NOT NULL,
    cost_per_mtok numeric GENERATED ALWAYS AS
        (tokcost.cost_per_mtok(effective_cost, tokens)) STORED,
    row_total tokcost.lane_total GENERATED ALWAYS AS
        (tokcost.lane_total_accum(NULL, x_tokensource, effective_cost, tokens,
                                  billing_currency)) STORED
);
INSERT INTO focus_cost (id, charge_period_start, x_tokensource, billing_currency,
                        effective_cost, tokens)
SELECT r."Id"::bigint,
       (r."ChargePeriodStart" || '+00')::timestamptz,
       CASE WHEN r."ServiceCategory" = 'AI and Machine Learning' THEN 'cloud-api'
            WHEN r."ServiceCategory" = 'Compute' OR r."Id"::bigint % 3 = 0 THEN 'self-hosted-gpu'
            WHEN r."Id"::bigint % 3 = 1 THEN 'colo-gpu'
            ELSE 'cloud-api' END,
       r."BillingCurrency",
       r."EffectiveCost"::numeric,
       round(abs(coalesce(r."ConsumedQuantity"::numeric, 0)) * 1000)::bigint
  FROM focus_raw r;

CREATE INDEX focus_cost_per_mtok_idx ON focus_cost (tokcost.cost_per_mtok(effective_cost, tokens));
CREATE INDEX focus_cost_total_idx ON focus_cost (row_total);
CREATE INDEX focus_cost_total_hash_idx ON focus_cost USING hash (row_total);
CREATE INDEX focus_cost_lane_cost_idx ON focus_cost (tokcost.cost(row_total));

CREATE MATERIALIZED VIEW daily_lane AS
SELECT (charge_period_start AT TIME ZONE 'UTC')::date AS charge_day,
       x_tokensource, billing_currency,
       tokcost.lane_sum(x_tokensource, effective_cost, tokens, billing_currency) AS total
  FROM focus_cost
 GROUP BY 1, 2, 3;
CREATE UNIQUE INDEX daily_lane_key ON daily_lane (charge_day, x_tokensource, billing_currency);
CREATE INDEX daily_lane_total_idx ON daily_lane (total);

CREATE VIEW lane_report AS
SELECT x_tokensource, billing_currency,
       tokcost.lane_sum(total) AS total,
       tokcost.cost_per_mtok(tokcost.lane_sum(total)) AS cost_per_mtok
  FROM daily_lane
 GROUP BY 1, 2;

\set price_map_text `cat :'price_map'`
SELECT prices_added > 0 AS prices_loaded
  FROM tokcost.import_price_map(:'price_map_text', '2025-09-01 00:00:00+00');
DROP TABLE focus_raw;
ANALYZE;
