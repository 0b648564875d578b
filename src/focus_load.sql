-- Loading FOCUS exports (focus_cast.c): the FOCUS columns the loader reads,
-- the typed table of ingested charges, the record of each load and of each
-- rejected row, and the loader.
--
-- psql's \copy puts each physical line of the CSV file into one row of a
-- staging table, untouched; load_focus_csv then assembles the CSV records,
-- splits and casts every field in one statement, and writes each record
-- either to tokcost.focus_charge or to tokcost.focus_reject, so that rows
-- loaded plus rows rejected always equals rows read.

CREATE FUNCTION tokcost.csv_split(record text)
RETURNS text[]
AS 'MODULE_PATHNAME', 'focus_csv_split'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.csv_split(text) IS
'the fields of one CSV record, an empty field or the literal NULL as SQL NULL; NULL for a malformed record';

CREATE FUNCTION tokcost.csv_problem(record text)
RETURNS text
AS 'MODULE_PATHNAME', 'focus_csv_problem'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.csv_problem(text) IS
'why tokcost.csv_split cannot split a CSV record, or NULL when it can';

CREATE FUNCTION tokcost.csv_quote_state(quoted boolean, line text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'focus_csv_quote_state'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.csv_quote_state(boolean, text) IS
'whether a CSV record is inside a quoted field after a line, given whether it was before';

CREATE FUNCTION tokcost.csv_record_start(line text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'focus_csv_record_start'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.csv_record_start(text) IS
'window function over the lines of a CSV file in order: whether a line starts a record, leaving no quoted field open before it';

CREATE FUNCTION tokcost.focus_numeric(value text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'focus_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.focus_numeric(text) IS
'a decimal number read from text, or NULL for text that is not one (NaN and the infinities included); never an error';

CREATE FUNCTION tokcost.focus_timestamptz(value text)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'focus_timestamptz'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.focus_timestamptz(text) IS
'an ISO 8601 date and time read from text, UTC when it has no zone, or NULL for text that is not one; never an error';

CREATE FUNCTION tokcost.focus_jsonb(value text)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'focus_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION tokcost.focus_jsonb(text) IS
'a JSON object read from text, or NULL for text that is not one or that jsonb cannot store; an error only for nesting deeper than max_stack_depth allows or a value past the size limits of jsonb';

-- The FOCUS columns of versions 1.0 to 1.3 and how the loader types them.
CREATE TABLE tokcost.focus_column (
    column_name text PRIMARY KEY,
    focus_name text NOT NULL UNIQUE,
    data_type text NOT NULL
        CHECK (data_type IN ('text', 'numeric', 'timestamptz', 'jsonb', 'enumeration')),
    introduced text NOT NULL,
    required boolean NOT NULL DEFAULT false,
    CHECK (column_name = lower(focus_name))
);

COMMENT ON TABLE tokcost.focus_column IS
'the FOCUS columns of versions 1.0 to 1.3 that tokcost.focus_charge holds, and how the loader reads each';
COMMENT ON COLUMN tokcost.focus_column.column_name IS
'the column of tokcost.focus_charge: the FOCUS column id in lower case, as an unquoted SQL name folds it';
COMMENT ON COLUMN tokcost.focus_column.focus_name IS
'the FOCUS column id, as an export''s header writes it';
COMMENT ON COLUMN tokcost.focus_column.data_type IS
'how the loader reads the column: text, numeric, timestamptz (UTC when no zone is given), jsonb (a JSON object) or enumeration (a FOCUS value in any letter case)';
COMMENT ON COLUMN tokcost.focus_column.introduced IS
'the FOCUS version that added the column';
COMMENT ON COLUMN tokcost.focus_column.required IS
'whether a file must have the column and each row a value in it';

INSERT INTO tokcost.focus_column (focus_name, column_name, data_type, introduced, required)
SELECT v.focus_name, lower(v.focus_name), v.data_type, v.introduced, v.required
  FROM (VALUES
    ('AvailabilityZone', 'text', '1.0', false),
    ('BilledCost', 'numeric', '1.0', true),
    ('BillingAccountId', 'text', '1.0', false),
    ('BillingAccountName', 'text', '1.0', false),
    ('BillingCurrency', 'text', '1.0', true),
    ('BillingPeriodEnd', 'timestamptz', '1.0', false),
    ('BillingPeriodStart', 'timestamptz', '1.0', false),
    ('ChargeCategory', 'enumeration', '1.0', true),
    ('ChargeClass', 'enumeration', '1.0', false),
    ('ChargeDescription', 'text', '1.0', false),
    ('ChargeFrequency', 'enumeration', '1.0', false),
    ('ChargePeriodEnd', 'timestamptz', '1.0', true),
    ('ChargePeriodStart', 'timestamptz', '1.0', true),
    ('CommitmentDiscountCategory', 'enumeration', '1.0', false),
    ('CommitmentDiscountId', 'text', '1.0', false),
    ('CommitmentDiscountName', 'text', '1.0', false),
    ('CommitmentDiscountStatus', 'enumeration', '1.0', false),
    ('CommitmentDiscountType', 'text', '1.0', false),
    ('ConsumedQuantity', 'numeric', '1.0', false),
    ('ConsumedUnit', 'text', '1.0', false),
    ('ContractedCost', 'numeric', '1.0', false),
    ('ContractedUnitPrice', 'numeric', '1.0', false),
    ('EffectiveCost', 'numeric', '1.0', true),
    ('InvoiceIssuerName', 'text', '1.0', false),
    ('ListCost', 'numeric', '1.0', false),
    ('ListUnitPrice', 'numeric', '1.0', false),
    ('PricingCategory', 'enumeration', '1.0', false),
    ('PricingQuantity', 'numeric', '1.0', false),
    ('PricingUnit', 'text', '1.0', false),
    ('ProviderName', 'text', '1.0', false),
    ('PublisherName', 'text', '1.0', false),
    ('RegionId', 'text', '1.0', false),
    ('RegionName', 'text', '1.0', false),
    ('ResourceId', 'text', '1.0', false),
    ('ResourceName', 'text', '1.0', false),
    ('ResourceType', 'text', '1.0', false),
    ('ServiceCategory', 'enumeration', '1.0', false),
    ('ServiceName', 'text', '1.0', false),
    ('SkuId', 'text', '1.0', false),
    ('SkuPriceId', 'text', '1.0', false),
    ('SubAccountId', 'text', '1.0', false),
    ('SubAccountName', 'text', '1.0', false),
    ('Tags', 'jsonb', '1.0', false),
    ('CapacityReservationId', 'text', '1.1', false),
    ('CapacityReservationStatus', 'enumeration', '1.1', false),
    ('CommitmentDiscountQuantity', 'numeric', '1.1', false),
    ('CommitmentDiscountUnit', 'text', '1.1', false),
    ('ServiceSubcategory', 'text', '1.1', false),
    ('SkuMeter', 'text', '1.1', false),
    ('SkuPriceDetails', 'jsonb', '1.1', false),
    ('BillingAccountType', 'text', '1.2', false),
    ('InvoiceId', 'text', '1.2', false),
    ('PricingCurrency', 'text', '1.2', false),
    ('PricingCurrencyContractedUnitPrice', 'numeric', '1.2', false),
    ('PricingCurrencyEffectiveCost', 'numeric', '1.2', false),
    ('PricingCurrencyListUnitPrice', 'numeric', '1.2', false),
    ('SubAccountType', 'text', '1.2', false),
    ('AllocatedMethodDetails', 'jsonb', '1.3', false),
    ('AllocatedMethodId', 'text', '1.3', false),
    ('AllocatedResourceId', 'text', '1.3', false),
    ('AllocatedResourceName', 'text', '1.3', false),
    ('AllocatedTags', 'jsonb', '1.3', false),
    ('ContractApplied', 'jsonb', '1.3', false),
    ('HostProviderName', 'text', '1.3', false),
    ('ServiceProviderName', 'text', '1.3', false)
  ) AS v (focus_name, data_type, introduced, required);

GRANT SELECT ON tokcost.focus_column TO PUBLIC;

-- The allowed values of the FOCUS enumeration columns, in their spelling.
CREATE TABLE tokcost.focus_value (
    column_name text NOT NULL REFERENCES tokcost.focus_column,
    value text NOT NULL,
    PRIMARY KEY (column_name, value)
);

COMMENT ON TABLE tokcost.focus_value IS
'the allowed values of each FOCUS enumeration column; the loader reads them in any letter case and stores this spelling';
COMMENT ON COLUMN tokcost.focus_value.column_name IS
'the enumeration column, as in tokcost.focus_column';
COMMENT ON COLUMN tokcost.focus_value.value IS
'an allowed value, spelled as FOCUS spells it';

INSERT INTO tokcost.focus_value (column_name, value)
SELECT lower(c), v
  FROM (VALUES
    ('ChargeCategory', ARRAY['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment']),
    ('ChargeClass', ARRAY['Correction']),
    ('ChargeFrequency', ARRAY['One-Time', 'Recurring', 'Usage-Based']),
    ('CommitmentDiscountCategory', ARRAY['Spend', 'Usage']),
    ('CommitmentDiscountStatus', ARRAY['Used', 'Unused']),
    ('CapacityReservationStatus', ARRAY['Used', 'Unused']),
    ('PricingCategory', ARRAY['Standard', 'Dynamic', 'Committed', 'Other']),
    ('ServiceCategory', ARRAY['AI and Machine Learning', 'Analytics', 'Business Applications',
                              'Compute', 'Databases', 'Developer Tools', 'Multicloud',
                              'Identity', 'Integration', 'Internet of Things',
                              'Management and Governance', 'Media', 'Migration', 'Mobile',
                              'Networking', 'Security', 'Storage', 'Web', 'Other'])
  ) AS e (c, vs), unnest(e.vs) AS v;

GRANT SELECT ON tokcost.focus_value TO PUBLIC;

-- One row per load of a file.
CREATE TABLE tokcost.focus_load (
    load_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    rows_read bigint NOT NULL DEFAULT 0,
    rows_loaded bigint NOT NULL DEFAULT 0,
    rows_rejected bigint NOT NULL DEFAULT 0,
    header text[] NOT NULL,
    other_columns text[] NOT NULL,
    -- no foreign key to focus_load itself: pg_dump cannot order the rows of
    -- a self-referencing config table, so it warns on every dump
    replaced_by bigint CHECK (replaced_by > load_id),
    CHECK (rows_loaded + rows_rejected = rows_read)
);

CREATE INDEX focus_load_source_idx ON tokcost.focus_load (source);

COMMENT ON TABLE tokcost.focus_load IS
'one row per FOCUS file loaded by tokcost.load_focus_csv: what was read, loaded and rejected';
COMMENT ON COLUMN tokcost.focus_load.load_id IS
'the load, as in tokcost.focus_charge and tokcost.focus_reject';
COMMENT ON COLUMN tokcost.focus_load.source IS
'the name the caller gave the file; a load with replace => true replaces the rows of earlier loads of the same source';
COMMENT ON COLUMN tokcost.focus_load.loaded_at IS
'when the load ran';
COMMENT ON COLUMN tokcost.focus_load.rows_read IS
'CSV records after the header, blank lines not counted';
COMMENT ON COLUMN tokcost.focus_load.rows_loaded IS
'records written to tokcost.focus_charge';
COMMENT ON COLUMN tokcost.focus_load.rows_rejected IS
'records written to tokcost.focus_reject';
COMMENT ON COLUMN tokcost.focus_load.header IS
'the column names of the file''s header, as written';
COMMENT ON COLUMN tokcost.focus_load.other_columns IS
'the header''s columns that are not FOCUS columns, kept by name in tokcost.focus_charge.x_columns';
COMMENT ON COLUMN tokcost.focus_load.replaced_by IS
'the later load of the same source that replaced this one''s rows, or NULL';
COMMENT ON SEQUENCE tokcost.focus_load_load_id_seq IS
'numbers the loads';
COMMENT ON INDEX tokcost.focus_load_source_idx IS
'finds the earlier loads of a source that a replacing load supersedes';

-- The FOCUS rows that were ingested from exports.  Column names are the
-- FOCUS column ids folded to lower case, so unquoted SQL such as
-- SELECT EffectiveCost FROM tokcost.focus_charge reads them.
CREATE TABLE tokcost.focus_charge (
    load_id bigint NOT NULL REFERENCES tokcost.focus_load,
    line_number bigint NOT NULL,
    availabilityzone text,
    billedcost numeric NOT NULL,
    billingaccountid text,
    billingaccountname text,
    billingcurrency text NOT NULL,
    billingperiodend timestamptz,
    billingperiodstart timestamptz,
    chargecategory text NOT NULL,
    chargeclass text,
    chargedescription text,
    chargefrequency text,
    chargeperiodend timestamptz NOT NULL,
    chargeperiodstart timestamptz NOT NULL,
    commitmentdiscountcategory text,
    commitmentdiscountid text,
    commitmentdiscountname text,
    commitmentdiscountstatus text,
    commitmentdiscounttype text,
    consumedquantity numeric,
    consumedunit text,
    contractedcost numeric,
    contractedunitprice numeric,
    effectivecost numeric NOT NULL,
    invoiceissuername text,
    listcost numeric,
    listunitprice numeric,
    pricingcategory text,
    pricingquantity numeric,
    pricingunit text,
    providername text,
    publishername text,
    regionid text,
    regionname text,
    resourceid text,
    resourcename text,
    resourcetype text,
    servicecategory text,
    servicename text,
    skuid text,
    skupriceid text,
    subaccountid text,
    subaccountname text,
    tags jsonb,
    capacityreservationid text,
    capacityreservationstatus text,
    commitmentdiscountquantity numeric,
    commitmentdiscountunit text,
    servicesubcategory text,
    skumeter text,
    skupricedetails jsonb,
    billingaccounttype text,
    invoiceid text,
    pricingcurrency text,
    pricingcurrencycontractedunitprice numeric,
    pricingcurrencyeffectivecost numeric,
    pricingcurrencylistunitprice numeric,
    subaccounttype text,
    allocatedmethoddetails jsonb,
    allocatedmethodid text,
    allocatedresourceid text,
    allocatedresourcename text,
    allocatedtags jsonb,
    contractapplied jsonb,
    hostprovidername text,
    serviceprovidername text,
    x_tokensource text,
    x_tokens numeric GENERATED ALWAYS AS (
        CASE WHEN consumedquantity IS NOT NULL AND tokcost.is_token_unit(consumedunit)
             THEN tokcost.focus_tokens(consumedquantity, consumedunit)
             WHEN pricingquantity IS NOT NULL AND tokcost.is_token_unit(pricingunit)
             THEN tokcost.focus_tokens(pricingquantity, pricingunit)
        END) STORED,
    x_columns jsonb,
    PRIMARY KEY (load_id, line_number),
    CONSTRAINT focus_charge_period_check CHECK (chargeperiodend > chargeperiodstart),
    CONSTRAINT focus_charge_currency_check CHECK (billingcurrency ~ '^[A-Z]{3}$'),
    CONSTRAINT focus_charge_token_source_check
        CHECK (x_tokensource <> '' AND octet_length(x_tokensource) <= 255)
);

CREATE INDEX focus_charge_period_idx
    ON tokcost.focus_charge (chargeperiodstart);

COMMENT ON TABLE tokcost.focus_charge IS
'FOCUS rows ingested from exports by tokcost.load_focus_csv (or inserted directly), one per charge; the columns are the FOCUS column ids in lower case';
COMMENT ON COLUMN tokcost.focus_charge.load_id IS
'the load that wrote the row (tokcost.focus_load)';
COMMENT ON COLUMN tokcost.focus_charge.line_number IS
'the line of the file on which the row''s record starts';
COMMENT ON COLUMN tokcost.focus_charge.billedcost IS
'FOCUS BilledCost: what is invoiced for the charge, the cash view';
COMMENT ON COLUMN tokcost.focus_charge.effectivecost IS
'FOCUS EffectiveCost: the cost with upfront and recurring commitment fees amortized over the usage they cover, the cost view for unit economics';
COMMENT ON COLUMN tokcost.focus_charge.listcost IS
'FOCUS ListCost: the cost at public list prices, before any discount';
COMMENT ON COLUMN tokcost.focus_charge.chargeperiodstart IS
'FOCUS ChargePeriodStart: start of the charge, inclusive, UTC';
COMMENT ON COLUMN tokcost.focus_charge.chargeperiodend IS
'FOCUS ChargePeriodEnd: end of the charge, exclusive, UTC';
COMMENT ON COLUMN tokcost.focus_charge.x_tokensource IS
'custom column x_TokenSource: the lane of the tokens (cloud-api, self-hosted-gpu, colo-gpu, ...); rows without one belong to no lane';
COMMENT ON COLUMN tokcost.focus_charge.x_tokens IS
'tokens in the row: ConsumedQuantity in ConsumedUnit, or else PricingQuantity in PricingUnit, when the unit is a count of tokens; NULL otherwise';
COMMENT ON COLUMN tokcost.focus_charge.x_columns IS
'the file''s other columns (custom x_ columns and columns that are not FOCUS columns), by header name, NULL values left out';
COMMENT ON INDEX tokcost.focus_charge_period_idx IS
'charges by time, for reports over a date range';

-- Ingested charges are the user's data: pg_dump keeps them.
SELECT pg_catalog.pg_extension_config_dump('tokcost.focus_load', '');
SELECT pg_catalog.pg_extension_config_dump('tokcost.focus_load_load_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('tokcost.focus_charge', '');

GRANT SELECT ON tokcost.focus_load, tokcost.focus_charge TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON tokcost.focus_load, tokcost.focus_charge TO @extowner@;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE tokcost.focus_load_load_id_seq TO @extowner@;

-- Records that could not be read, with why.
CREATE TABLE tokcost.focus_reject (
    load_id bigint NOT NULL REFERENCES tokcost.focus_load,
    line_number bigint NOT NULL,
    column_name text,
    reason text NOT NULL,
    record text NOT NULL,
    PRIMARY KEY (load_id, line_number)
);

COMMENT ON TABLE tokcost.focus_reject IS
'records of a FOCUS file that tokcost.load_focus_csv could not load: where, which column and why';
COMMENT ON COLUMN tokcost.focus_reject.load_id IS
'the load (tokcost.focus_load)';
COMMENT ON COLUMN tokcost.focus_reject.line_number IS
'the line of the file on which the record starts';
COMMENT ON COLUMN tokcost.focus_reject.column_name IS
'the first column whose value could not be read, as the header names it; NULL when the record itself is malformed';
COMMENT ON COLUMN tokcost.focus_reject.reason IS
'why the record was rejected';
COMMENT ON COLUMN tokcost.focus_reject.record IS
'the record as it stands in the file';

SELECT pg_catalog.pg_extension_config_dump('tokcost.focus_reject', '');

GRANT SELECT ON tokcost.focus_reject TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON tokcost.focus_reject TO @extowner@;

-- A quoted value for a reject reason, cut to a readable length.
CREATE FUNCTION tokcost.focus_quote(value text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '"' OPERATOR(pg_catalog.||)
       CASE WHEN pg_catalog.length(value) OPERATOR(pg_catalog.>) 80
            THEN pg_catalog.substr(value, 1, 77) OPERATOR(pg_catalog.||) '...'
            ELSE value END
       OPERATOR(pg_catalog.||) '"';

COMMENT ON FUNCTION tokcost.focus_quote(text) IS
'a value in double quotes, cut to 80 characters, for the reason of a rejected record';

CREATE FUNCTION tokcost.load_focus_csv(
    lines regclass,
    source text,
    default_token_source text DEFAULT NULL,
    replace boolean DEFAULT false)
RETURNS TABLE (
    load_id bigint,
    rows_read bigint,
    rows_loaded bigint,
    rows_rejected bigint)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    new_load bigint;
    header_line bigint;
    header_record text;
    header text[];
    header_problem text;
    width integer;
    i integer;
    column_label text;
    col record;
    seen text[] := '{}';
    target_columns text[] := '{}';
    typed_exprs text[] := '{}';
    checks text[] := '{}';
    other_names text[] := '{}';
    other_fields text[] := '{}';
    field text;
    unnumbered boolean;
    repeated_number bigint;
    token_source_expr text;
    missing text;
    sql text;
BEGIN
    IF lines IS NULL THEN
        RAISE EXCEPTION 'lines is null'
            USING ERRCODE = 'null_value_not_allowed',
                  DETAIL = 'load_focus_csv reads the file from a table of its lines.';
    END IF;
    PERFORM 1 FROM pg_class c WHERE c.oid = lines;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'relation with OID % does not exist', lines::oid
            USING ERRCODE = 'undefined_table',
                  DETAIL = 'The table may have been dropped after its name was read.';
    END IF;
    IF source IS NULL OR source = '' THEN
        RAISE EXCEPTION 'source is null or empty'
            USING ERRCODE = 'null_value_not_allowed',
                  DETAIL = 'Each load names its file, so that its rows can be found and replaced later.';
    END IF;
    IF default_token_source = '' OR octet_length(default_token_source) > 255 THEN
        RAISE EXCEPTION 'invalid default_token_source: "%"', default_token_source
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A lane is 1 to 255 bytes.';
    END IF;
    IF (SELECT array_agg(a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod) ORDER BY a.attname)
          FROM pg_attribute a
         WHERE a.attrelid = lines AND a.attnum > 0 AND NOT a.attisdropped)
       IS DISTINCT FROM ARRAY['line text', 'line_number bigint'] THEN
        RAISE EXCEPTION 'table % is not a table of lines', lines
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'load_focus_csv reads a table with exactly the columns line_number bigint and line text.',
                  HINT = 'CREATE TEMP TABLE focus_lines (line_number bigint GENERATED ALWAYS AS IDENTITY, line text), then \copy focus_lines (line) FROM ''file.csv'' WITH (FORMAT csv, DELIMITER E''\x1f'', QUOTE E''\x1e'').';
    END IF;

    -- The line numbers order the lines into records and name them in the
    -- rejects, so each line needs one of its own.  A line without a number
    -- would belong to no record, and two lines with one number to either.
    EXECUTE format($q$
        SELECT l.line_number IS NULL, l.line_number
          FROM %s l
         GROUP BY l.line_number
        HAVING l.line_number IS NULL OR count(*) > 1
         LIMIT 1
    $q$, lines) INTO unnumbered, repeated_number;
    IF unnumbered THEN
        RAISE EXCEPTION 'table % has a line with no line_number', lines
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'Each line needs a number of its own, which orders the lines and names them in the rejects.',
                  HINT = 'Number the lines with a column line_number bigint GENERATED ALWAYS AS IDENTITY.';
    ELSIF NOT unnumbered THEN
        RAISE EXCEPTION 'table % has more than one line numbered %', lines, repeated_number
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'Each line needs a number of its own, which orders the lines and names them in the rejects.',
                  HINT = 'Number the lines with a column line_number bigint GENERATED ALWAYS AS IDENTITY.';
    END IF;

    -- Physical lines to CSV records, numbered from 1 for the first line of
    -- the table whatever its identity column starts at: a line starts a
    -- record when the quotes before it are balanced.  A record of one line is that line; the lines
    -- of a longer one are joined again with the line feed that COPY took
    -- off.  Blank records are not rows.
    EXECUTE format($q$
        CREATE TEMP TABLE tokcost_focus_record ON COMMIT DROP AS
        WITH marked AS (
            SELECT line_number, line, starts,
                   lead(starts, 1, 1) OVER w AS next_starts,
                   sum(starts) OVER w AS record_number
              FROM (SELECT line_number, line,
                           CASE WHEN tokcost.csv_record_start(line) OVER (ORDER BY line_number)
                                THEN 1 ELSE 0 END AS starts
                      FROM (SELECT line_number - (SELECT min(line_number) - 1 FROM %1$s) AS line_number,
                                   coalesce(line, '') AS line
                              FROM %1$s) l) s
            WINDOW w AS (ORDER BY line_number)
        )
        SELECT line_number, record
          FROM (SELECT line_number, line AS record
                  FROM marked
                 WHERE starts = 1 AND next_starts = 1
                UNION ALL
                SELECT min(line_number), string_agg(line, E'\n' ORDER BY line_number)
                  FROM marked
                 WHERE NOT (starts = 1 AND next_starts = 1)
                 GROUP BY record_number) r
         WHERE record !~ '^\s*$'
    $q$, lines);

    SELECT r.line_number, r.record INTO header_line, header_record
      FROM pg_temp.tokcost_focus_record r
     ORDER BY r.line_number
     LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'table % holds no header line', lines
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'A FOCUS CSV file starts with a header line that names its columns.';
    END IF;
    header := tokcost.csv_split(header_record);
    header_problem := tokcost.csv_problem(header_record);
    IF header_problem IS NOT NULL OR array_position(header, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'invalid header on line %', header_line
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = coalesce('Its ' || header_problem || '.', 'A column of the header has no name.');
    END IF;
    width := cardinality(header);

    -- Map the header's columns onto tokcost.focus_charge by name, in any
    -- letter case; every other column is kept in x_columns.
    FOR i IN 1 .. width LOOP
        column_label := trim(header[i]);
        IF lower(column_label) = ANY (seen) THEN
            RAISE EXCEPTION 'column "%" appears twice in the header', column_label
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = 'Column names are compared in any letter case.';
        END IF;
        seen := seen || lower(column_label);
        field := format('f[%s]', i);
        SELECT c.* INTO col FROM tokcost.focus_column c WHERE c.column_name = lower(column_label);
        IF FOUND THEN
            target_columns := target_columns || col.column_name;
            CASE col.data_type
            WHEN 'numeric' THEN
                typed_exprs := typed_exprs || format('tokcost.focus_numeric(%s)', field);
                checks := checks || format(
                    'WHEN %1$s IS NOT NULL AND tokcost.focus_numeric(%1$s) IS NULL THEN ARRAY[%2$L, tokcost.focus_quote(%1$s) || CASE WHEN %1$s ~ ''^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'' THEN '' is a number out of range'' ELSE '' is not a number'' END]',
                    field, col.focus_name);
            WHEN 'timestamptz' THEN
                typed_exprs := typed_exprs || format('tokcost.focus_timestamptz(%s)', field);
                checks := checks || format(
                    'WHEN %1$s IS NOT NULL AND tokcost.focus_timestamptz(%1$s) IS NULL THEN ARRAY[%2$L, tokcost.focus_quote(%1$s) || '' is not an ISO 8601 date and time'']',
                    field, col.focus_name);
            WHEN 'jsonb' THEN
                typed_exprs := typed_exprs || format('tokcost.focus_jsonb(%s)', field);
                checks := checks || format(
                    'WHEN %1$s IS NOT NULL AND tokcost.focus_jsonb(%1$s) IS NULL THEN ARRAY[%2$L, tokcost.focus_quote(%1$s) || '' is not a JSON object, or has a number or a \u0000 that jsonb cannot store'']',
                    field, col.focus_name);
            WHEN 'enumeration' THEN
                typed_exprs := typed_exprs || (
                    SELECT format('CASE lower(%s) %s END', field,
                                  string_agg(format('WHEN %L THEN %L', lower(v.value), v.value), ' '))
                      FROM tokcost.focus_value v WHERE v.column_name = col.column_name);
                checks := checks || (
                    SELECT format('WHEN %1$s IS NOT NULL AND lower(%1$s) <> ALL (%3$L::text[]) THEN ARRAY[%2$L, tokcost.focus_quote(%1$s) || '' is not a FOCUS %2$s value'']',
                                  field, col.focus_name, array_agg(lower(v.value)))
                      FROM tokcost.focus_value v WHERE v.column_name = col.column_name);
            ELSE
                IF col.column_name = 'billingcurrency' THEN
                    typed_exprs := typed_exprs || format('upper(%s)', field);
                    checks := checks || format(
                        'WHEN %1$s IS NOT NULL AND upper(%1$s) !~ ''^[A-Z]{3}$'' THEN ARRAY[%2$L, tokcost.focus_quote(%1$s) || '' is not a currency code'']',
                        field, col.focus_name);
                ELSE
                    typed_exprs := typed_exprs || field;
                END IF;
            END CASE;
            IF col.required THEN
                checks := checks || format('WHEN %s IS NULL THEN ARRAY[%L, ''the value is missing'']',
                                           field, col.focus_name);
            END IF;
        ELSIF lower(column_label) = 'x_tokensource' THEN
            token_source_expr := field;
            checks := checks || format(
                'WHEN octet_length(%1$s) > 255 THEN ARRAY[%2$L, ''a lane is at most 255 bytes'']',
                field, column_label);
        ELSE
            other_names := other_names || column_label;
            other_fields := other_fields || field;
        END IF;
    END LOOP;

    SELECT string_agg(c.focus_name, ', ' ORDER BY c.focus_name) INTO missing
      FROM tokcost.focus_column c
     WHERE c.required AND c.column_name <> ALL (target_columns);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'the header has no column %', missing
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'FOCUS requires these columns, and tokcost cannot cost a row without them.';
    END IF;

    target_columns := target_columns || ARRAY['x_tokensource', 'x_columns'];
    typed_exprs := typed_exprs
        || format('coalesce(%s, %L)', coalesce(token_source_expr, 'NULL'), default_token_source)
        || CASE WHEN cardinality(other_names) = 0 THEN 'NULL'
                ELSE format('nullif(jsonb_strip_nulls(jsonb_object(%L::text[], ARRAY[%s])), ''{}'')',
                            other_names, array_to_string(other_fields, ', ')) END;
    checks := checks || format(
        'WHEN tokcost.focus_timestamptz(%1$s) <= tokcost.focus_timestamptz(%2$s) THEN ARRAY[''ChargePeriodEnd'', ''ChargePeriodEnd is not after ChargePeriodStart'']',
        format('f[%s]', array_position(seen, 'chargeperiodend')),
        format('f[%s]', array_position(seen, 'chargeperiodstart')));

    IF replace AND current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'cannot replace the loads of source "%" at isolation level %',
            source, upper(current_setting('transaction_isolation'))
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = 'A transaction snapshot taken before another load of the source committed does not see that load, so both would stay.',
                  HINT = 'Run a replacing load in READ COMMITTED, the default isolation level.';
    END IF;

    -- Loads of one source run one at a time, in load_id order, so that a
    -- replacing load reads the rows of every load of the source before it.
    PERFORM pg_advisory_xact_lock(hashtextextended(
        'tokcost.focus_load' || E'\x1f' || load_focus_csv.source, 0));
    INSERT INTO tokcost.focus_load (source, header, other_columns)
    VALUES (load_focus_csv.source, header, other_names)
    RETURNING focus_load.load_id INTO new_load;

    -- One statement casts every field and writes each record to the table
    -- or to the rejects: no subtransaction, no row lost between the two.
    sql := format($q$
        WITH checked AS MATERIALIZED (
            SELECT line_number, record, f,
                   CASE WHEN f IS NULL THEN ARRAY[NULL, tokcost.csv_problem(record)]
                        WHEN cardinality(f) <> %2$s
                        THEN ARRAY[NULL, format('the record has %%s fields and the header %2$s', cardinality(f))]
                        %3$s
                   END AS reject
              FROM (SELECT r.line_number, r.record, tokcost.csv_split(r.record) AS f
                      FROM pg_temp.tokcost_focus_record r
                     WHERE r.line_number > %1$s
                    OFFSET 0) split  -- split each record once, not once per field
        ), rejected AS (
            INSERT INTO tokcost.focus_reject (load_id, line_number, column_name, reason, record)
            SELECT %4$s, line_number, reject[1], reject[2], record
              FROM checked WHERE reject IS NOT NULL
            RETURNING 1
        ), loaded AS (
            INSERT INTO tokcost.focus_charge (load_id, line_number, %5$s)
            SELECT %4$s, line_number, %6$s
              FROM checked WHERE reject IS NULL
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM checked),
               (SELECT count(*) FROM loaded),
               (SELECT count(*) FROM rejected)
    $q$, header_line, width, array_to_string(checks, E'\n                        '),
         new_load, array_to_string(target_columns, ', '), array_to_string(typed_exprs, ', '));
    EXECUTE sql INTO rows_read, rows_loaded, rows_rejected;

    UPDATE tokcost.focus_load l
       SET rows_read = load_focus_csv.rows_read,
           rows_loaded = load_focus_csv.rows_loaded,
           rows_rejected = load_focus_csv.rows_rejected
     WHERE l.load_id = new_load;

    IF replace THEN
        DELETE FROM tokcost.focus_charge c
         USING tokcost.focus_load l
         WHERE c.load_id = l.load_id
           AND l.source = load_focus_csv.source
           AND l.load_id <> new_load
           AND l.replaced_by IS NULL;
        UPDATE tokcost.focus_load l
           SET replaced_by = new_load
         WHERE l.source = load_focus_csv.source
           AND l.load_id <> new_load
           AND l.replaced_by IS NULL;
    END IF;

    DROP TABLE pg_temp.tokcost_focus_record;
    load_id := new_load;
    RETURN NEXT;
END
$$;

COMMENT ON FUNCTION tokcost.load_focus_csv(regclass, text, text, boolean) IS
'load the FOCUS CSV file staged line by line in a table (line_number, line) into tokcost.focus_charge, rejects into tokcost.focus_reject; returns the load and its counts';
