-- Bad input at every entry point, as a table of cases: each function,
-- aggregate and type input gets NULL, zero, negative, NaN, infinite and
-- huge values, empty and long lanes, unknown currencies and malformed
-- text and binary input.  The FOCUS, datacenter and partition functions
-- also get malformed CSV records, times and JSON, units that are not
-- tokens, empty, infinite and reversed date ranges, unknown idle modes,
-- node ids and relations, and tables of lines without line numbers.  Each
-- case expects a value or a specific SQLSTATE, never XX000 or a lost
-- connection.
--
-- A function of the extension that no case calls fails "every function has
-- a bad-input case"; add cases for it here.  Inputs of a hundred megabytes
-- and more are in large_input.sql, since valgrind runs this suite.
BEGIN;
SET LOCAL search_path = public;
SET LOCAL extra_float_digits = 0;
SET LOCAL DateStyle = 'ISO, YMD';

CREATE TEMP TABLE bad_input_case (
    id serial PRIMARY KEY,
    description text NOT NULL,
    expression text NOT NULL,   -- a scalar SQL expression
    expected text NOT NULL      -- 'value: <text form>', 'value: NULL' or 'error: <SQLSTATE>'
);

-- The outcome of an expression: its value as text, or its SQLSTATE.
CREATE FUNCTION pg_temp.outcome(expression text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    result text;
BEGIN
    EXECUTE 'SELECT (' || expression || ')::text' INTO result;
    RETURN 'value: ' || coalesce(result, 'NULL');
EXCEPTION WHEN OTHERS THEN
    RETURN 'error: ' || SQLSTATE;
END
$$;

-- Binary input goes through COPY ... (FORMAT binary), which hands each
-- field's bytes to lane_total_recv.  The file is written with lo_export
-- into the data directory of the throwaway test cluster.
CREATE TEMP TABLE recv_target (v tokcost.lane_total);
CREATE FUNCTION pg_temp.recv(payload bytea) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    path text := current_setting('data_directory') || '/tokcost_recv_case.bin';
    copy_file bytea;
    lo oid;
    result text;
BEGIN
    copy_file := '\x5047434f50590aff0d0a00'::bytea      -- PGCOPY\n\377\r\n\0
                 || '\x00000000'::bytea || '\x00000000'::bytea  -- flags, extension
                 || '\x0001'::bytea                       -- one field
                 || int4send(length(payload)) || payload
                 || '\xffff'::bytea;                      -- trailer
    lo := lo_from_bytea(0, copy_file);
    PERFORM lo_export(lo, path);
    PERFORM lo_unlink(lo);
    DELETE FROM recv_target;
    EXECUTE format('COPY recv_target FROM %L (FORMAT binary)', path);
    SELECT v::text INTO result FROM recv_target;
    RETURN result;
END
$$;

-- lane_total_send of a value, for building binary cases
CREATE FUNCTION pg_temp.wire(v text) RETURNS bytea
LANGUAGE sql AS $$SELECT tokcost.lane_total_send(v::tokcost.lane_total)$$;

INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('openai', 'bad-input-model', 'input', 2, '2026-01-01'),
       ('openai', 'bad-input-model', 'output', 8, '2026-01-01');

-- The value of an expression with one setting changed for it alone.
CREATE FUNCTION pg_temp.value_with(setting text, value text, expression text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    saved text := current_setting(setting, true);
    result text;
BEGIN
    PERFORM set_config(setting, value, true);
    EXECUTE 'SELECT (' || expression || ')::text' INTO result;
    PERFORM set_config(setting, coalesce(saved, ''), true);
    RETURN result;
END
$$;

-- The value of an expression after a statement, for the functions whose
-- input is the rows of a table.
CREATE FUNCTION pg_temp.after(statement text, expression text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    result text;
BEGIN
    EXECUTE statement;
    EXECUTE 'SELECT (' || expression || ')::text' INTO result;
    RETURN result;
END
$$;

-- A new table of lines, as load_focus_csv reads them: the given lines
-- numbered from 1, or with the given numbers.
CREATE TEMP SEQUENCE lines_table_number;
CREATE FUNCTION pg_temp.lines(VARIADIC line text[]) RETURNS regclass
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    name text := 'bad_input_lines_' || nextval('lines_table_number');
BEGIN
    EXECUTE format('CREATE TEMP TABLE %I (line_number bigint GENERATED ALWAYS AS IDENTITY, line text)', name);
    EXECUTE format('INSERT INTO %I (line) SELECT l FROM unnest($1) WITH ORDINALITY AS u (l, n) ORDER BY n', name)
        USING line;
    RETURN name::regclass;
END
$$;
CREATE FUNCTION pg_temp.numbered_lines(numbers bigint[], lines text[]) RETURNS regclass
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    name text := 'bad_input_lines_' || nextval('lines_table_number');
BEGIN
    EXECUTE format('CREATE TEMP TABLE %I (line_number bigint, line text)', name);
    EXECUTE format('INSERT INTO %I SELECT * FROM unnest($1, $2)', name) USING numbers, lines;
    RETURN name::regclass;
END
$$;

-- A FOCUS file of one good record and one bad record of each kind.  By
-- line, the bad ones have: 3 too few fields, 4 to 6 costs that are not
-- numbers, 7 a date that does not exist, 8 a time with a zone name, 9 an
-- end before the start, 10 a currency that is not a code, 11 a JSON array
-- for Tags, 12 a JSON number beyond numeric, 13 a lane of 256 bytes, 14 an
-- unknown charge category and 15 a missing required value.  Line 16 leaves
-- a quote open, which would take every later line into its field.
CREATE TEMP TABLE focus_file (n serial PRIMARY KEY, line text);
INSERT INTO focus_file (line) VALUES
    ('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,Tags,x_TokenSource,Extra'),
    ('1.5,1.5,usd,usage,2026-01-01,2026-01-02,1000,Tokens,"{""workload"": ""chat""}",cloud-api,' || repeat('x', 100000)),
    ('1,1,USD,Usage,2026-01-01'),
    ('NaN,1,USD,Usage,2026-01-01,2026-01-02,1,Tokens,,cloud-api,'),
    ('1,Infinity,USD,Usage,2026-01-01,2026-01-02,1,Tokens,,cloud-api,'),
    ('1e1001,1,USD,Usage,2026-01-01,2026-01-02,1,Tokens,,cloud-api,'),
    ('1,1,USD,Usage,2026-02-30,2026-03-01,1,Tokens,,cloud-api,'),
    ('1,1,USD,Usage,2026-01-01 00:00 Europe/Paris,2026-01-02,1,Tokens,,cloud-api,'),
    ('1,1,USD,Usage,2026-01-02,2026-01-01,1,Tokens,,cloud-api,'),
    ('1,1,US$,Usage,2026-01-01,2026-01-02,1,Tokens,,cloud-api,'),
    ('1,1,USD,Usage,2026-01-01,2026-01-02,1,Tokens,"[1, 2]",cloud-api,'),
    ('1,1,USD,Usage,2026-01-01,2026-01-02,1,Tokens,"{""a"": 1e131072}",cloud-api,'),
    ('1,1,USD,Usage,2026-01-01,2026-01-02,1,Tokens,,' || repeat('l', 256) || ','),
    ('1,1,USD,Refund,2026-01-01,2026-01-02,1,Tokens,,cloud-api,'),
    ('1,,USD,Usage,2026-01-01,2026-01-02,1,Tokens,,cloud-api,'),
    ('1,1,USD,Usage,2026-01-01,2026-01-02,1,Tokens,"{""a"": 1},cloud-api,');

-- GPU nodes: one in service from 2026 with a day of usage below its peak
-- and a day above it, and one from 2090 with no operating parameters.
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('bad-input-gpu', 'colo-gpu', 36000, '2026-01-01', 36),
       ('bad-input-gpu-unpriced', 'self-hosted-gpu', 1000, '2090-01-01', 12);
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, facility_per_day, peak_tokens_per_second)
VALUES ('bad-input-gpu', '2026-01-01', 2, 1.5, 0.1, 5, 1000);
INSERT INTO tokcost.gpu_usage (node_id, workload, period_start, period_end, tokens)
VALUES ('bad-input-gpu', 'chat', '2026-01-01 00:00+00', '2026-01-01 12:00+00', 30000000),
       ('bad-input-gpu', 'batch', '2026-01-01 12:00+00', '2026-01-02 00:00+00', 10000000),
       ('bad-input-gpu', 'chat', '2026-01-02 00:00+00', '2026-01-03 00:00+00', 100000000);
-- Counter samples of one series: a baseline, a rise and a restart.
INSERT INTO tokcost.gpu_counter_sample (node_id, workload, counter, sampled_at, value)
VALUES ('bad-input-gpu', 'chat', 'vllm:generation_tokens_total', '2026-02-01 10:00+00', 100),
       ('bad-input-gpu', 'chat', 'vllm:generation_tokens_total', '2026-02-01 11:00+00', 400),
       ('bad-input-gpu', 'chat', 'vllm:generation_tokens_total', '2026-02-01 12:00+00', 50);

-- Cost tables for partition_lane_totals: partitioned, plain, partitioned
-- without partitions, a view, and a table dropped after its OID was read.
CREATE TEMP TABLE bad_input_cost (lane text, cost numeric, tokens bigint, currency text, label text)
    PARTITION BY LIST (lane);
CREATE TEMP TABLE bad_input_cost_api PARTITION OF bad_input_cost FOR VALUES IN ('cloud-api');
CREATE TEMP TABLE bad_input_cost_gpu PARTITION OF bad_input_cost FOR VALUES IN ('colo-gpu');
INSERT INTO bad_input_cost VALUES ('cloud-api', 1.5, 1000, 'USD', 'a'), ('cloud-api', 2, 3000, 'USD', 'b'),
                                  ('colo-gpu', 0.25, 500, 'EUR', 'c');
CREATE TEMP TABLE bad_input_plain (lane text, cost numeric, tokens bigint);
INSERT INTO bad_input_plain VALUES ('cloud-api', 'NaN', 1);
CREATE TEMP TABLE bad_input_unpartitioned (lane text, cost numeric, tokens bigint) PARTITION BY LIST (lane);
CREATE TEMP VIEW bad_input_cost_view AS SELECT * FROM bad_input_cost;
CREATE TEMP TABLE bad_input_dropped (lane text);
CREATE TEMP TABLE dropped_table AS SELECT 'bad_input_dropped'::regclass::oid AS oid;
DROP TABLE bad_input_dropped;

INSERT INTO bad_input_case (description, expression, expected) VALUES
-- amortized_daily_cost
    ('amortized_daily_cost NULL capex', $$tokcost.amortized_daily_cost(NULL, 36)$$, 'value: NULL'),
    ('amortized_daily_cost NULL life', $$tokcost.amortized_daily_cost(1, NULL)$$, 'value: NULL'),
    ('amortized_daily_cost NULL residual', $$tokcost.amortized_daily_cost(1, 36, NULL)$$, 'value: NULL'),
    ('amortized_daily_cost zero capex', $$tokcost.amortized_daily_cost(0, 36)$$, 'value: 0.00000000000000000000'),
    ('amortized_daily_cost negative capex', $$tokcost.amortized_daily_cost(-1, 36)$$, 'error: 22023'),
    ('amortized_daily_cost NaN capex', $$tokcost.amortized_daily_cost('NaN', 36)$$, 'error: 22023'),
    ('amortized_daily_cost infinite capex', $$tokcost.amortized_daily_cost('Infinity', 36)$$, 'error: 22023'),
    ('amortized_daily_cost minus infinite capex', $$tokcost.amortized_daily_cost('-Infinity', 36)$$, 'error: 22023'),
    ('amortized_daily_cost zero life', $$tokcost.amortized_daily_cost(1, 0)$$, 'error: 22023'),
    ('amortized_daily_cost negative life', $$tokcost.amortized_daily_cost(1, -2147483648)$$, 'error: 22023'),
    ('amortized_daily_cost longest life', $$tokcost.amortized_daily_cost(1, 2147483647) > 0$$, 'value: true'),
    ('amortized_daily_cost capex near the numeric limit', $$tokcost.amortized_daily_cost(1e131071, 1) > 1e131000$$, 'value: true'),
    ('amortized_daily_cost residual above capex', $$tokcost.amortized_daily_cost(1, 36, 2)$$, 'error: 22023'),
    ('amortized_daily_cost NaN residual', $$tokcost.amortized_daily_cost(1, 36, 'NaN')$$, 'error: 22023'),
-- power_daily_cost
    ('power_daily_cost NULL', $$tokcost.power_daily_cost(NULL, 1.5, 0.12)$$, 'value: NULL'),
    ('power_daily_cost zero load', $$tokcost.power_daily_cost(0, 1.5, 0.12)$$, 'value: 0.000'),
    ('power_daily_cost PUE of 1', $$tokcost.power_daily_cost(10, 1, 0.1)$$, 'value: 24.0'),
    ('power_daily_cost PUE below 1', $$tokcost.power_daily_cost(10, 0.9999, 0.1)$$, 'error: 22023'),
    ('power_daily_cost negative PUE', $$tokcost.power_daily_cost(10, -1, 0.1)$$, 'error: 22023'),
    ('power_daily_cost NaN PUE', $$tokcost.power_daily_cost(10, 'NaN', 0.1)$$, 'error: 22023'),
    ('power_daily_cost infinite PUE', $$tokcost.power_daily_cost(10, 'Infinity', 0.1)$$, 'error: 22023'),
    ('power_daily_cost negative load', $$tokcost.power_daily_cost(-10, 1.5, 0.1)$$, 'error: 22023'),
    ('power_daily_cost NaN tariff', $$tokcost.power_daily_cost(10, 1.5, 'NaN')$$, 'error: 22023'),
    ('power_daily_cost product beyond numeric', $$tokcost.power_daily_cost(9e131071, 9e131071, 1)$$, 'error: 22003'),
-- node_daily_cost
    ('node_daily_cost NULL facility fee', $$tokcost.node_daily_cost(1, 1, 1, 1, 1, NULL)$$, 'value: NULL'),
    ('node_daily_cost negative facility fee', $$tokcost.node_daily_cost(1, 1, 1, 1, 1, -0.01)$$, 'error: 22023'),
    ('node_daily_cost infinite facility fee', $$tokcost.node_daily_cost(1, 1, 1, 1, 1, 'Infinity')$$, 'error: 22023'),
    ('node_daily_cost zero life', $$tokcost.node_daily_cost(1, 0, 1, 1, 1)$$, 'error: 22023'),
    ('node_daily_cost all zero', $$tokcost.node_daily_cost(0, 1, 0, 1, 0, 0, 0)$$, 'value: 0.00000000000000000000'),
-- cost_per_mtok(numeric, numeric)
    ('cost_per_mtok NULL cost', $$tokcost.cost_per_mtok(NULL, 1)$$, 'value: NULL'),
    ('cost_per_mtok zero tokens', $$tokcost.cost_per_mtok(5, 0)$$, 'value: NULL'),
    ('cost_per_mtok zero cost', $$tokcost.cost_per_mtok(0, 5)$$, 'value: 0.00000000000000000000'),
    ('cost_per_mtok credit', $$tokcost.cost_per_mtok(-5, 1000000)$$, 'value: -5.000000000000000000000000'),
    ('cost_per_mtok negative tokens', $$tokcost.cost_per_mtok(1, -1)$$, 'error: 22023'),
    ('cost_per_mtok NaN cost', $$tokcost.cost_per_mtok('NaN', 1)$$, 'error: 22023'),
    ('cost_per_mtok NaN tokens', $$tokcost.cost_per_mtok(1, 'NaN')$$, 'error: 22023'),
    ('cost_per_mtok infinite cost', $$tokcost.cost_per_mtok('Infinity', 1)$$, 'error: 22023'),
    ('cost_per_mtok infinite tokens', $$tokcost.cost_per_mtok(1, 'Infinity')$$, 'error: 22023'),
    ('cost_per_mtok quotient beyond numeric', $$tokcost.cost_per_mtok(9e131071, 1e-16000)$$, 'error: 22003'),
    ('cost_per_mtok bigint-limit tokens', $$tokcost.cost_per_mtok(9223372036854775807, 9223372036854775807)$$, 'value: 1000000.00000000000000000000'),
-- api_cost
    ('api_cost NULL input tokens', $$tokcost.api_cost(NULL, 1, 3, 15)$$, 'value: NULL'),
    ('api_cost NULL cached tokens', $$tokcost.api_cost(1, 1, 3, 15, NULL, 0.3)$$, 'value: NULL'),
    ('api_cost NULL rate for used tokens', $$tokcost.api_cost(1, 1, NULL, 15)$$, 'error: 22004'),
    ('api_cost NULL rate for zero tokens', $$tokcost.api_cost(0, 1, NULL, 15)$$, 'value: 0.000015'),
    ('api_cost all zero', $$tokcost.api_cost(0, 0, 0, 0)$$, 'value: 0.000000'),
    ('api_cost negative output tokens', $$tokcost.api_cost(1, -1, 3, 15)$$, 'error: 22023'),
    ('api_cost negative rate', $$tokcost.api_cost(1, 1, -3, 15)$$, 'error: 22023'),
    ('api_cost NaN tokens', $$tokcost.api_cost('NaN', 1, 3, 15)$$, 'error: 22023'),
    ('api_cost infinite rate', $$tokcost.api_cost(1, 1, 'Infinity', 15)$$, 'error: 22023'),
    ('api_cost more cached than input', $$tokcost.api_cost(1, 0, 3, 15, 2, 0.3)$$, 'error: 22023'),
    ('api_cost bigint-limit tokens', $$tokcost.api_cost(9223372036854775807, 9223372036854775807, 1, 1)$$, 'value: 18446744073709.551614'),
-- tokens_per_day
    ('tokens_per_day NULL', $$tokcost.tokens_per_day(NULL, 0.5)$$, 'value: NULL'),
    ('tokens_per_day zero utilization', $$tokcost.tokens_per_day(100, 0)$$, 'value: 0'),
    ('tokens_per_day full utilization', $$tokcost.tokens_per_day(100, 1)$$, 'value: 8640000'),
    ('tokens_per_day utilization above 1', $$tokcost.tokens_per_day(100, 1.0001)$$, 'error: 22023'),
    ('tokens_per_day negative utilization', $$tokcost.tokens_per_day(100, -0.0001)$$, 'error: 22023'),
    ('tokens_per_day negative peak', $$tokcost.tokens_per_day(-1, 0.5)$$, 'error: 22023'),
    ('tokens_per_day NaN utilization', $$tokcost.tokens_per_day(100, 'NaN')$$, 'error: 22023'),
    ('tokens_per_day infinite peak', $$tokcost.tokens_per_day('Infinity', 0.5)$$, 'error: 22023'),
-- utilization
    ('utilization NULL', $$tokcost.utilization(NULL, 1)$$, 'value: NULL'),
    ('utilization zero served', $$tokcost.utilization(0, 10)$$, 'value: 0.00000000000000000000'),
    ('utilization above peak', $$tokcost.utilization(20, 10)$$, 'value: 2.0000000000000000'),
    ('utilization zero peak', $$tokcost.utilization(1, 0)$$, 'error: 22023'),
    ('utilization negative peak', $$tokcost.utilization(1, -1)$$, 'error: 22023'),
    ('utilization negative served', $$tokcost.utilization(-1, 1)$$, 'error: 22023'),
    ('utilization NaN served', $$tokcost.utilization('NaN', 1)$$, 'error: 22023'),
    ('utilization infinite peak', $$tokcost.utilization(1, 'Infinity')$$, 'error: 22023'),
-- break_even_utilization
    ('break_even_utilization NULL', $$tokcost.break_even_utilization(NULL, 1, 1)$$, 'value: NULL'),
    ('break_even_utilization zero cost', $$tokcost.break_even_utilization(0, 1000000, 1)$$, 'value: 0.00000000000000000000'),
    ('break_even_utilization zero peak', $$tokcost.break_even_utilization(1, 0, 1)$$, 'error: 22023'),
    ('break_even_utilization zero cloud price', $$tokcost.break_even_utilization(1, 1, 0)$$, 'error: 22023'),
    ('break_even_utilization negative cost', $$tokcost.break_even_utilization(-1, 1, 1)$$, 'error: 22023'),
    ('break_even_utilization NaN price', $$tokcost.break_even_utilization(1, 1, 'NaN')$$, 'error: 22023'),
    ('break_even_utilization infinite peak', $$tokcost.break_even_utilization(1, 'Infinity', 1)$$, 'error: 22023'),
-- lane_total text input (lane_total_in)
    ('lane_total_in empty text', $$''::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in only a parenthesis', $$'('::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in empty tuple', $$'()'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in five empty fields', $$'(,,,,)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in unterminated quote', $$'("cloud-api,USD,1,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in trailing backslash', $$E'(cloud-api,USD,1,1,1\\'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in junk after the tuple', $$'(cloud-api,USD,1,1,1)x'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in six fields', $$'(cloud-api,USD,1,1,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in empty quoted lane', $$'("",USD,1,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in lane of 255 bytes', $$tokcost.lane(('(' || repeat('x', 255) || ',,1,1,1)')::tokcost.lane_total) = repeat('x', 255)$$, 'value: true'),
    ('lane_total_in lane of 256 bytes', $$('(' || repeat('x', 256) || ',,1,1,1)')::tokcost.lane_total$$, 'error: 22001'),
    ('lane_total_in lane of 100000 bytes', $$('(' || repeat('x', 100000) || ',,1,1,1)')::tokcost.lane_total$$, 'error: 22001'),
    ('lane_total_in lane of 128 two-byte characters', $$('(' || repeat(chr(233), 128) || ',,1,1,1)')::tokcost.lane_total$$, 'error: 22001'),
    ('lane_total_in quoted lane with separators', $$tokcost.lane('("a,b)(c",,1,1,1)')$$, 'value: a,b)(c'),
    ('lane_total_in unknown but well-formed currency', $$'(a,XXX,1,1,1)'::tokcost.lane_total$$, 'value: (a,XXX,1,1,1)'),
    ('lane_total_in lower-case currency', $$'(a,usd,1,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in four-letter currency', $$'(a,USDX,1,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in currency with a symbol', $$'(a,US$,1,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in quoted empty currency', $$'(a,"",1,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in NaN cost', $$'(a,,NaN,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in infinite cost', $$'(a,,Infinity,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in minus infinite tokens', $$'(a,,1,-Infinity,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in hex cost', $$'(a,,0x10,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in cost with two points', $$'(a,,1.2.3,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in exponent without digits', $$'(a,,1e,1,1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in cost at the numeric limit', $$tokcost.cost('(a,,1e131071,1,1)') = 1e131071$$, 'value: true'),
    ('lane_total_in cost beyond the numeric limit', $$'(a,,1e131072,1,1)'::tokcost.lane_total$$, 'error: 22003'),
    ('lane_total_in smallest scale numeric takes', $$tokcost.tokens('(a,,1,1e-16383,1)') = 1e-16383$$, 'value: true'),
    ('lane_total_in scale beyond numeric', $$'(a,,1,1e-16384,1)'::tokcost.lane_total$$, 'error: 22003'),
    ('lane_total_in cost of 2100 digits', $$('(a,,' || repeat('9', 2100) || ',1,1)')::tokcost.lane_total$$, 'error: 22003'),
    ('lane_total_in cost of 2000 digits', $$tokcost.cost(('(a,,' || repeat('9', 2000) || ',1,1)')::tokcost.lane_total) = repeat('9', 2000)::numeric$$, 'value: true'),
    ('lane_total_in zero rows', $$'(a,,1,1,0)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in negative rows', $$'(a,,1,1,-1)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in fractional rows', $$'(a,,1,1,1.0)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in rows in exponent form', $$'(a,,1,1,1e3)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in empty rows', $$'(a,,1,1,)'::tokcost.lane_total$$, 'error: 22P02'),
    ('lane_total_in bigint-limit rows', $$tokcost.rows('(a,,1,1,9223372036854775807)')$$, 'value: 9223372036854775807'),
    ('lane_total_in rows beyond bigint', $$'(a,,1,1,9223372036854775808)'::tokcost.lane_total$$, 'error: 22003'),
    ('lane_total_in negative token sum', $$'(a,,1,-5,1)'::tokcost.lane_total$$, 'value: (a,,1,-5,1)'),
-- lane_total_out: extreme values print and read back to the same value
    ('lane_total_out round trip at the numeric limits', $$('(a,,1e131071,1e-16383,1)'::tokcost.lane_total)::text::tokcost.lane_total::text = ('(a,,1e131071,1e-16383,1)'::tokcost.lane_total)::text$$, 'value: true'),
    ('lane_total_out quotes a lane with a quote', $$tokcost.lane_total_out(('(' || '"a""b"' || ',,1,1,1)')::tokcost.lane_total)$$, 'value: ("a""b",,1,1,1)'),
    ('lane_total_out int128 boundary', $$tokcost.lane_total_out('(a,,170141183460469231731687303715884105727,-170141183460469231731687303715884105728,1)')$$, 'value: (a,,170141183460469231731687303715884105727,-170141183460469231731687303715884105728,1)'),
-- lane_total binary input (lane_total_recv) through COPY
    ('lane_total_recv well-formed', $$pg_temp.recv(pg_temp.wire('(cloud-api,USD,4.92,1600000,3)'))$$, 'value: (cloud-api,USD,4.92,1600000,3)'),
    ('lane_total_recv well-formed, null sums', $$pg_temp.recv(pg_temp.wire('(a,,,,1)'))$$, 'value: (a,,,,1)'),
    ('lane_total_recv well-formed, numeric limits', $$pg_temp.recv(pg_temp.wire('(a,,1e131071,-1e-16383,1)')) = '(a,,1e131071,-1e-16383,1)'::tokcost.lane_total::text$$, 'value: true'),
    ('lane_total_recv empty', $$pg_temp.recv('\x')$$, 'error: 22P03'),
    ('lane_total_recv version 0', $$pg_temp.recv('\x00' || substr(pg_temp.wire('(a,,1,1,1)'), 2))$$, 'error: 22P03'),
    ('lane_total_recv version 2', $$pg_temp.recv('\x02' || substr(pg_temp.wire('(a,,1,1,1)'), 2))$$, 'error: 22P03'),
    ('lane_total_recv unknown flag', $$pg_temp.recv('\x0180' || substr(pg_temp.wire('(a,,1,1,1)'), 3))$$, 'error: 22P03'),
    ('lane_total_recv only a header', $$pg_temp.recv('\x0100')$$, 'error: 22P03'),
    ('lane_total_recv lane length 0', $$pg_temp.recv('\x0103' || '\x00000000'::bytea || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv negative lane length', $$pg_temp.recv('\x0103' || '\xffffffff'::bytea || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv lane length past the end', $$pg_temp.recv('\x0103' || '\x7fffffff'::bytea || '\x61'::bytea)$$, 'error: 22P03'),
    ('lane_total_recv lane of 256 bytes', $$pg_temp.recv('\x0103' || int4send(256) || convert_to(repeat('x', 256), 'UTF8') || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv lane of 255 bytes', $$length(pg_temp.recv('\x0103' || int4send(255) || convert_to(repeat('x', 255), 'UTF8') || int8send(1)))$$, 'value: 262'),
    ('lane_total_recv lane with invalid UTF-8', $$pg_temp.recv('\x0103' || int4send(1) || '\xff'::bytea || int8send(1))$$, 'error: 22021'),
    ('lane_total_recv lane with a zero byte', $$pg_temp.recv('\x0103' || int4send(2) || '\x6100'::bytea || int8send(1))$$, 'error: 22021'),
    ('lane_total_recv lower-case currency', $$pg_temp.recv('\x0107' || int4send(1) || '\x61'::bytea || int4send(3) || convert_to('usd', 'UTF8') || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv two-letter currency', $$pg_temp.recv('\x0107' || int4send(1) || '\x61'::bytea || int4send(2) || convert_to('US', 'UTF8') || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv currency flag without a currency', $$pg_temp.recv('\x0107' || int4send(1) || '\x61'::bytea)$$, 'error: 22P03'),
    ('lane_total_recv cost length past the end', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(1000))$$, 'error: 22P03'),
    ('lane_total_recv negative cost length', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(-8) || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv cost shorter than a numeric header', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(2) || '\x0000'::bytea || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv cost with more digits than bytes', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(8) || '\x0005000000000000'::bytea || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv cost with bytes left over', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(12) || numeric_send(1) || '\x0000'::bytea || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv cost digit out of range', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(10) || '\x000100000000000027100000'::bytea)$$, 'error: 22P03'),
    ('lane_total_recv NaN cost', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(8) || numeric_send('NaN') || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv infinite cost', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(8) || numeric_send('Infinity') || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv cost of 1100 bytes', $$pg_temp.recv('\x0102' || int4send(1) || '\x61'::bytea || int4send(1100) || '\x0222'::bytea || convert_to(repeat('x', 1098), 'UTF8') || int8send(1))$$, 'error: 22P03'),
    ('lane_total_recv no row count', $$pg_temp.recv('\x0103' || int4send(1) || '\x61'::bytea)$$, 'error: 22P03'),
    ('lane_total_recv short row count', $$pg_temp.recv('\x0103' || int4send(1) || '\x61'::bytea || '\x000001'::bytea)$$, 'error: 22P03'),
    ('lane_total_recv zero rows', $$pg_temp.recv('\x0103' || int4send(1) || '\x61'::bytea || int8send(0))$$, 'error: 22P03'),
    ('lane_total_recv negative rows', $$pg_temp.recv('\x0103' || int4send(1) || '\x61'::bytea || int8send(-9223372036854775808))$$, 'error: 22P03'),
    ('lane_total_recv bytes after the value', $$pg_temp.recv(pg_temp.wire('(a,,1,1,1)') || '\x00'::bytea)$$, 'error: 22P03'),
    ('lane_total_send of a NULL', $$tokcost.lane_total_send(NULL)$$, 'value: NULL'),
-- accessors
    ('lane of NULL', $$tokcost.lane(NULL)$$, 'value: NULL'),
    ('currency when none', $$tokcost.currency('(a,,1,1,1)')$$, 'value: NULL'),
    ('cost when every cost was NULL', $$tokcost.cost('(a,,,1,1)')$$, 'value: NULL'),
    ('tokens when every count was NULL', $$tokcost.tokens('(a,,1,,1)')$$, 'value: NULL'),
    ('rows of NULL', $$tokcost.rows(NULL)$$, 'value: NULL'),
    ('cost_per_mtok of a total with zero tokens', $$tokcost.cost_per_mtok('(a,,1,0,1)'::tokcost.lane_total)$$, 'value: NULL'),
    ('cost_per_mtok of a total with negative tokens', $$tokcost.cost_per_mtok('(a,,1,-1,1)'::tokcost.lane_total)$$, 'error: 22023'),
    ('cost_per_mtok of a total without a cost', $$tokcost.cost_per_mtok('(a,,,5,1)'::tokcost.lane_total)$$, 'value: NULL'),
-- comparison and hashing
    ('lane_total_cmp with NULL', $$tokcost.lane_total_cmp(NULL, '(a,,1,1,1)')$$, 'value: NULL'),
    ('lane_total_cmp numeric form against units form', $$tokcost.lane_total_cmp('(a,,1e60,1,1)', '(a,,1e59,1,1)')$$, 'value: 1'),
    ('lane_total_eq by value', $$tokcost.lane_total_eq('(a,,1.5,1,1)', '(a,,1.500,1,1)')$$, 'value: true'),
    ('lane_total_ne on currency', $$tokcost.lane_total_ne('(a,,1,1,1)', '(a,USD,1,1,1)')$$, 'value: true'),
    ('lane_total_lt on lane bytes', $$tokcost.lane_total_lt('(A,,1,1,1)', '(a,,1,1,1)')$$, 'value: true'),
    ('lane_total_le NULL cost first', $$tokcost.lane_total_le('(a,,,1,1)', '(a,,-1e100,1,1)')$$, 'value: true'),
    ('lane_total_gt at the numeric limit', $$tokcost.lane_total_gt('(a,,1e131071,1,1)', '(a,,9e131070,1,1)')$$, 'value: true'),
    ('lane_total_ge on rows', $$tokcost.lane_total_ge('(a,,1,1,2)', '(a,,1,1,1)')$$, 'value: true'),
    ('lane_total_hash agrees with equality', $$tokcost.lane_total_hash('(a,,1.5,10,1)') = tokcost.lane_total_hash('(a,,1.50,10.0,1)')$$, 'value: true'),
    ('lane_total_hash agrees across stored forms', $$tokcost.lane_total_hash('(a,,1e40,1,1)') = tokcost.lane_total_hash(('(a,,1' || repeat('0', 40) || '.00,1,1)')::tokcost.lane_total)$$, 'value: true'),
    ('lane_total_hash_extended with a NULL seed', $$tokcost.lane_total_hash_extended('(a,,1,1,1)', NULL)$$, 'value: NULL'),
    ('lane_total_hash_extended agrees with equality', $$tokcost.lane_total_hash_extended('(a,,1.5,10,1)', 7) = tokcost.lane_total_hash_extended('(a,,1.50,10,1)', 7)$$, 'value: true'),
-- combine, final and add
    ('lane_total_combine two lanes', $$tokcost.lane_total_combine('(a,,1,1,1)', '(b,,1,1,1)')$$, 'error: TC001'),
    ('lane_total_combine two currencies', $$tokcost.lane_total_combine('(a,USD,1,1,1)', '(a,EUR,1,1,1)')$$, 'error: TC001'),
    ('lane_total_combine currency and none', $$tokcost.lane_total_combine('(a,USD,1,1,1)', '(a,,1,1,1)')$$, 'error: TC001'),
    ('lane_total_combine rows beyond bigint', $$tokcost.lane_total_combine('(a,,1,1,9223372036854775807)', '(a,,1,1,1)')$$, 'error: 22003'),
    ('lane_total_combine sum beyond the size of a lane_total', $$tokcost.lane_total_combine('(a,,1e131071,1,1)', '(a,,1,1,1)')$$, 'error: 22003'),
    ('lane_total_combine NULL', $$tokcost.lane_total_combine(NULL, '(a,,1,1,1)')$$, 'value: NULL'),
    ('lane_total_combine past int128', $$tokcost.lane_total_combine('(a,,170141183460469231731687303715884105727,1,1)', '(a,,1,1,1)')$$, 'value: (a,,170141183460469231731687303715884105728,2,2)'),
    ('lane_sum_final of NULL', $$tokcost.lane_sum_final(NULL)$$, 'value: NULL'),
    ('lane_total_add two lanes', $$tokcost.lane_total_add('(a,,1,1,1)', '(b,,1,1,1)')$$, 'error: TC001'),
    ('lane_total_add NULL', $$tokcost.lane_total_add(NULL, '(a,,1,1,1)')$$, 'value: NULL'),
    ('lane_total_add NULL sums', $$tokcost.lane_total_add('(a,,,,1)', '(a,,2,,1)')$$, 'value: (a,,2,,2)'),
    ('lane_total_add rows beyond bigint', $$'(a,,1,1,9223372036854775807)'::tokcost.lane_total OPERATOR(tokcost.+) '(a,,1,1,1)'$$, 'error: 22003'),
    ('lane_total_add back into 128 bits', $$'(a,,1e60,1,1)'::tokcost.lane_total OPERATOR(tokcost.+) '(a,,-1e60,1,1)'$$, 'value: (a,,0,2,2)'),
-- transition functions called directly
    ('lane_total_accum NULL lane', $$tokcost.lane_total_accum(NULL, NULL, 1::numeric, 1::numeric)$$, 'error: TC001'),
    ('lane_total_accum empty lane', $$tokcost.lane_total_accum(NULL, '', 1::numeric, 1::numeric)$$, 'error: TC001'),
    ('lane_total_accum lane of 256 bytes', $$tokcost.lane_total_accum(NULL, repeat('x', 256), 1::numeric, 1::numeric)$$, 'error: 22001'),
    ('lane_total_accum NULL cost and tokens', $$tokcost.lane_total_accum(NULL, 'a', NULL::numeric, NULL::numeric)$$, 'value: (a,,,,1)'),
    ('lane_total_accum NaN cost', $$tokcost.lane_total_accum(NULL, 'a', 'NaN'::numeric, 1::numeric)$$, 'error: 22023'),
    ('lane_total_accum infinite tokens', $$tokcost.lane_total_accum(NULL, 'a', 1::numeric, 'Infinity'::numeric)$$, 'error: 22023'),
    ('lane_total_accum NULL currency', $$tokcost.lane_total_accum(NULL, 'a', 1::numeric, 1::numeric, NULL)$$, 'error: TC001'),
    ('lane_total_accum lower-case currency', $$tokcost.lane_total_accum(NULL, 'a', 1::numeric, 1::numeric, 'usd')$$, 'error: 22023'),
    ('lane_total_accum empty currency', $$tokcost.lane_total_accum(NULL, 'a', 1::numeric, 1::numeric, '')$$, 'error: 22023'),
    ('lane_total_accum long currency', $$tokcost.lane_total_accum(NULL, 'a', 1::numeric, 1::numeric, repeat('U', 10000))$$, 'error: 22023'),
    ('lane_total_accum unknown currency code', $$tokcost.lane_total_accum(NULL, 'a', 1::numeric, 1::numeric, 'ZZZ')$$, 'value: (a,ZZZ,1,1,1)'),
    ('lane_total_accum onto another lane', $$tokcost.lane_total_accum('(a,,1,1,1)', 'b', 1::numeric, 1::numeric)$$, 'error: TC001'),
    ('lane_total_accum onto bigint-limit rows', $$tokcost.lane_total_accum('(a,,1,1,9223372036854775807)', 'a', 1::numeric, 1::numeric)$$, 'error: 22003'),
    ('lane_total_accum bigint tokens at the limit', $$tokcost.lane_total_accum('(a,,0,9223372036854775807,1)', 'a', 0::numeric, 9223372036854775807::bigint)$$, 'value: (a,,0,18446744073709551614,2)'),
    ('lane_total_accum integer tokens at the limit', $$tokcost.lane_total_accum(NULL, 'a', 0::numeric, (-2147483648)::integer)$$, 'value: (a,,0,-2147483648,1)'),
    ('lane_total_accum float8 at its limit', $$tokcost.lane_total_accum(NULL, 'a', 1.7976931348623157e308::float8, 1::numeric) OPERATOR(tokcost.=) ('(a,,' || 1.7976931348623157e308::float8::numeric || ',1,1)')::tokcost.lane_total$$, 'value: true'),
    ('lane_total_accum smallest float8', $$tokcost.cost(tokcost.lane_total_accum(NULL, 'a', 4.9e-324::float8, 1::bigint)) = 4.9e-324::float8::numeric$$, 'value: true'),
    ('lane_total_accum float8 NaN', $$tokcost.lane_total_accum(NULL, 'a', 'NaN'::float8, 1::bigint)$$, 'error: 22023'),
    ('lane_total_accum float8 infinity', $$tokcost.lane_total_accum(NULL, 'a', '-Infinity'::float8, 1::integer)$$, 'error: 22023'),
    ('lane_total_accum float8 with currency', $$tokcost.lane_total_accum(NULL, 'a', 0.1::float8, 1::numeric, 'USD')$$, 'value: (a,USD,0.1,1,1)'),
    ('lane_total_accum float8 and bigint with currency', $$tokcost.lane_total_accum(NULL, 'a', 0.1::float8, 1::bigint, 'USD')$$, 'value: (a,USD,0.1,1,1)'),
    ('lane_total_accum float8 and integer with currency', $$tokcost.lane_total_accum(NULL, 'a', 0.1::float8, 1::integer, 'EUR')$$, 'value: (a,EUR,0.1,1,1)'),
    ('lane_total_accum numeric and bigint with currency', $$tokcost.lane_total_accum(NULL, 'a', 0.1, 1::bigint, 'USD')$$, 'value: (a,USD,0.1,1,1)'),
    ('lane_total_accum numeric and integer with currency', $$tokcost.lane_total_accum(NULL, 'a', 0.1, 1::integer, 'USD')$$, 'value: (a,USD,0.1,1,1)'),
    ('lane_total_accum float8 and integer', $$tokcost.lane_total_accum(NULL, 'a', 0.1::float8, 1::integer)$$, 'value: (a,,0.1,1,1)'),
    ('lane_total_accum float8 and numeric', $$tokcost.lane_total_accum(NULL, 'a', 0.1::float8, 1::numeric)$$, 'value: (a,,0.1,1,1)'),
    ('lane_total_accum numeric and integer', $$tokcost.lane_total_accum(NULL, 'a', 0.1, 1::integer)$$, 'value: (a,,0.1,1,1)'),
-- aggregates over rows
    ('lane_sum over no rows', $$(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('a', 1, 1)) v (l, c, t) WHERE false)$$, 'value: NULL'),
    ('lane_sum NULL lane', $$(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (NULL::text, 1, 1)) v (l, c, t))$$, 'error: TC001'),
    ('lane_sum two lanes', $$(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('a', 1, 1), ('b', 1, 1)) v (l, c, t))$$, 'error: TC001'),
    ('lane_sum two currencies', $$(SELECT tokcost.lane_sum(l, c, t, u) FROM (VALUES ('a', 1, 1, 'USD'), ('a', 1, 1, 'EUR')) v (l, c, t, u))$$, 'error: TC001'),
    ('lane_sum unknown currency code', $$(SELECT tokcost.lane_sum(l, c, t, u) FROM (VALUES ('a', 1, 1, 'QQQ')) v (l, c, t, u))$$, 'value: (a,QQQ,1,1,1)'),
    ('lane_sum malformed currency', $$(SELECT tokcost.lane_sum(l, c, t, u) FROM (VALUES ('a', 1, 1, 'US')) v (l, c, t, u))$$, 'error: 22023'),
    ('lane_sum bigint tokens past bigint', $$(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('a', 0, 9223372036854775807), ('a', 0, 9223372036854775807)) v (l, c, t))$$, 'value: (a,,0,18446744073709551614,2)'),
    ('lane_sum numeric cost past the size of a lane_total', $$(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('a', 1e131071, 1), ('a', 1, 1)) v (l, c, t))$$, 'error: 22003'),
    ('lane_sum float8 costs exactly', $$(SELECT tokcost.cost(tokcost.lane_sum(l, c, t)) FROM (VALUES ('a', 0.1::float8, 1), ('a', 0.2::float8, 1)) v (l, c, t))$$, 'value: 0.3'),
    ('lane_sum float8 NaN', $$(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('a', 'NaN'::float8, 1::bigint)) v (l, c, t))$$, 'error: 22023'),
    ('lane_sum integer tokens', $$(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES ('a', 1.5, 2147483647), ('a', 1.5, 2147483647)) v (l, c, t))$$, 'value: (a,,3.0,4294967294,2)'),
    ('lane_sum lane of 100000 bytes', $$(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (repeat('x', 100000), 1, 1)) v (l, c, t))$$, 'error: 22001'),
    ('lane_cost_per_mtok all NULL costs', $$(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES ('a', NULL::numeric, 1), ('a', NULL, 2)) v (l, c, t))$$, 'value: NULL'),
    ('lane_cost_per_mtok zero tokens', $$(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES ('a', 5, 0)) v (l, c, t))$$, 'value: NULL'),
    ('lane_cost_per_mtok negative token sum', $$(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES ('a', 5, -1)) v (l, c, t))$$, 'error: 22023'),
    ('lane_cost_per_mtok NaN tokens', $$(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES ('a', 5, 'NaN'::numeric)) v (l, c, t))$$, 'error: 22023'),
    ('lane_cost_per_mtok empty lane', $$(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES ('', 5, 1)) v (l, c, t))$$, 'error: TC001'),
    ('lane_cost_per_mtok credit', $$(SELECT tokcost.lane_cost_per_mtok(l, c, t, u) FROM (VALUES ('a', -5, 1000000, 'USD')) v (l, c, t, u))$$, 'value: -5.000000000000000000000000'),
    ('lane_cost_per_mtok window with a NULL lane', $$(SELECT max(x) FROM (SELECT tokcost.lane_cost_per_mtok(l, c, t) OVER (ORDER BY n ROWS 1 PRECEDING) AS x FROM (VALUES (1, 'a', 1, 1), (2, NULL, 1, 1)) v (n, l, c, t)) s)$$, 'error: TC001'),
    ('lane_sum window with NaN', $$(SELECT count(x) FROM (SELECT tokcost.lane_sum(l, c, t) OVER (ORDER BY n ROWS 1 PRECEDING) AS x FROM (VALUES (1, 'a', 1::numeric, 1), (2, 'a', 'NaN', 1)) v (n, l, c, t)) s)$$, 'error: 22023'),
-- the rollup aggregate
    ('lane_sum rollup of NULLs', $$(SELECT tokcost.lane_sum(x) FROM (VALUES (NULL::tokcost.lane_total), (NULL)) v (x))$$, 'value: NULL'),
    ('lane_sum rollup of two lanes', $$(SELECT tokcost.lane_sum(x) FROM (VALUES ('(a,,1,1,1)'::tokcost.lane_total), ('(b,,1,1,1)')) v (x))$$, 'error: TC001'),
    ('lane_sum rollup past bigint rows', $$(SELECT tokcost.lane_sum(x) FROM (VALUES ('(a,,1,1,9223372036854775807)'::tokcost.lane_total), ('(a,,1,1,1)')) v (x))$$, 'error: 22003'),
-- price lookups
    ('api_rate NULL model', $$tokcost.api_rate(NULL, 'input', '2026-03-01')$$, 'value: NULL'),
    ('api_rate NULL time', $$tokcost.api_rate('bad-input-model', 'input', NULL)$$, 'value: NULL'),
    ('api_rate unknown token class', $$tokcost.api_rate('bad-input-model', 'image', '2026-03-01')$$, 'value: NULL'),
    ('api_rate empty model', $$tokcost.api_rate('', 'input', '2026-03-01')$$, 'value: NULL'),
    ('api_rate model of 100000 bytes', $$tokcost.api_rate(repeat('m', 100000), 'input', '2026-03-01')$$, 'value: NULL'),
    ('api_rate before any price', $$tokcost.api_rate('bad-input-model', 'input', '-infinity')$$, 'value: NULL'),
    ('api_rate at infinity', $$tokcost.api_rate('bad-input-model', 'input', 'infinity')$$, 'value: 2'),
    ('api_rate unknown provider', $$tokcost.api_rate('bad-input-model', 'input', '2026-03-01', 'nobody')$$, 'value: NULL'),
    ('api_cost_by_model NULL model', $$tokcost.api_cost_by_model(NULL, '2026-03-01', 1, 1)$$, 'error: 22004'),
    ('api_cost_by_model NULL time', $$tokcost.api_cost_by_model('bad-input-model', NULL, 1, 1)$$, 'error: 22004'),
    ('api_cost_by_model NULL tokens', $$tokcost.api_cost_by_model('bad-input-model', '2026-03-01', NULL, 1)$$, 'value: NULL'),
    ('api_cost_by_model unknown model', $$tokcost.api_cost_by_model('no-such-model', '2026-03-01', 1, 1)$$, 'error: TC002'),
    ('api_cost_by_model cached tokens without a cached price', $$tokcost.api_cost_by_model('bad-input-model', '2026-03-01', 10, 1, 5)$$, 'error: TC002'),
    ('api_cost_by_model negative tokens', $$tokcost.api_cost_by_model('bad-input-model', '2026-03-01', -1, 1)$$, 'error: 22023'),
    ('api_cost_by_model NaN tokens', $$tokcost.api_cost_by_model('bad-input-model', '2026-03-01', 'NaN', 1)$$, 'error: 22023'),
    ('api_cost_by_model zero tokens', $$tokcost.api_cost_by_model('bad-input-model', '2026-03-01', 0, 0)$$, 'value: 0.000000'),
    ('api_cost_by_model bigint-limit tokens', $$tokcost.api_cost_by_model('bad-input-model', '2026-03-01', 9223372036854775807, 0)$$, 'value: 18446744073709.551614'),
-- the importer
    ('import_price_map NULL map', $$(SELECT prices_added FROM tokcost.import_price_map(NULL, '2026-01-01'))$$, 'error: 22023'),
    ('import_price_map array', $$(SELECT prices_added FROM tokcost.import_price_map('[1, 2]', '2026-01-01'))$$, 'error: 22023'),
    ('import_price_map empty object', $$(SELECT prices_added FROM tokcost.import_price_map('{}', '2026-01-01'))$$, 'value: 0'),
    ('import_price_map NULL time', $$(SELECT prices_added FROM tokcost.import_price_map('{}', NULL))$$, 'error: 22023'),
    ('import_price_map time infinity', $$(SELECT prices_added FROM tokcost.import_price_map('{}', 'infinity'))$$, 'error: 22023'),
    ('import_price_map negative price', $$(SELECT prices_added FROM tokcost.import_price_map('{"m": {"input_cost_per_token": -1e-06, "litellm_provider": "p"}}', '2026-01-01'))$$, 'error: 22023'),
    ('import_price_map price as text', $$(SELECT prices_added FROM tokcost.import_price_map('{"m": {"input_cost_per_token": "1e-06", "litellm_provider": "p"}}', '2026-01-01'))$$, 'error: 22023'),
    ('import_price_map entry not an object', $$(SELECT prices_added FROM tokcost.import_price_map('{"m": 5}', '2026-01-01'))$$, 'error: 22023'),
    ('import_price_map empty provider', $$(SELECT prices_added FROM tokcost.import_price_map('{"m": {"input_cost_per_token": 1e-06, "litellm_provider": ""}}', '2026-01-01'))$$, 'error: 22023'),
    ('import_price_map provider as number', $$(SELECT prices_added FROM tokcost.import_price_map('{"m": {"input_cost_per_token": 1e-06, "litellm_provider": 7}}', '2026-01-01'))$$, 'error: 22023'),
    ('import_price_map huge price', $$(SELECT prices_added FROM tokcost.import_price_map('{"huge": {"input_cost_per_token": 1e100, "litellm_provider": "p"}}', '2026-01-01'))$$, 'value: 1'),
    ('import_price_map tiny price', $$(SELECT prices_added FROM tokcost.import_price_map('{"tiny": {"input_cost_per_token": 1e-40, "litellm_provider": "p"}}', '2026-01-01'))$$, 'value: 1'),
    ('import_price_map empty model name', $$(SELECT prices_added FROM tokcost.import_price_map('{"": {"input_cost_per_token": 1e-06, "litellm_provider": "p"}}', '2026-01-01'))$$, 'value: 1'),
    ('import_price_map model name too long for the index', $$(SELECT prices_added FROM tokcost.import_price_map(jsonb_build_object((SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i), '{"input_cost_per_token": 1e-06, "litellm_provider": "p"}'::jsonb), '2026-01-01'))$$, 'error: 54000'),
    ('import_price_map rewriting history', $$(SELECT prices_added FROM tokcost.import_price_map('{"bad-input-model": {"input_cost_per_token": 1e-06, "litellm_provider": "openai"}}', '2025-01-01'))$$, 'error: 22023'),
-- token units
    ('token_unit_size NULL', $$tokcost.token_unit_size(NULL)$$, 'value: NULL'),
    ('token_unit_size Tokens', $$tokcost.token_unit_size('Tokens')$$, 'value: 1'),
    ('token_unit_size 1K in lower case', $$tokcost.token_unit_size('1k tokens')$$, 'value: 1000'),
    ('token_unit_size largest quantity', $$tokcost.token_unit_size('999999999999M Tokens')$$, 'value: 999999999999000000'),
    ('token_unit_size empty', $$tokcost.token_unit_size('')$$, 'error: 22023'),
    ('token_unit_size only spaces', $$tokcost.token_unit_size('   ')$$, 'error: 22023'),
    ('token_unit_size not tokens', $$tokcost.token_unit_size('Requests')$$, 'error: 22023'),
    ('token_unit_size ratio', $$tokcost.token_unit_size('Tokens/Second')$$, 'error: 22023'),
    ('token_unit_size compound', $$tokcost.token_unit_size('Request-Tokens')$$, 'error: 22023'),
    ('token_unit_size zero quantity', $$tokcost.token_unit_size('0 Tokens')$$, 'error: 22023'),
    ('token_unit_size 13-digit quantity', $$tokcost.token_unit_size('1000000000000 Tokens')$$, 'error: 22023'),
    ('token_unit_size milli is not mega', $$tokcost.token_unit_size('1m Tokens')$$, 'error: 22023'),
    ('token_unit_size million in words', $$tokcost.token_unit_size('Million Tokens')$$, 'value: 1000000'),
    ('token_unit_size magnitude after a qualifier', $$tokcost.token_unit_size('Input Million Tokens')$$, 'error: 22023'),
    ('token_unit_size two magnitudes', $$tokcost.token_unit_size('1K Million Tokens')$$, 'error: 22023'),
    ('token_unit_size lower-case m word', $$tokcost.token_unit_size('m Tokens')$$, 'error: 22023'),
    ('token_unit_size unknown qualifier', $$tokcost.token_unit_size('Trillion Tokens')$$, 'error: 22023'),
    ('token_unit_size known qualifiers', $$tokcost.token_unit_size('1K Cached Input Tokens')$$, 'value: 1000'),
    ('token_unit_size largest in words', $$tokcost.token_unit_size('1000000000 Billion Tokens')$$, 'value: 1000000000000000000'),
    ('token_unit_size past 10^18 in words', $$tokcost.token_unit_size('999999999999 Billion Tokens')$$, 'error: 22023'),
    ('token_unit_size quantity without a space', $$tokcost.token_unit_size('1MTokens')$$, 'error: 22023'),
    ('token_unit_size unit of 100000 bytes', $$tokcost.token_unit_size(repeat('Tokens', 20000))$$, 'error: 22023'),
    ('is_token_unit NULL', $$tokcost.is_token_unit(NULL)$$, 'value: NULL'),
    ('is_token_unit empty', $$tokcost.is_token_unit('')$$, 'value: false'),
    ('is_token_unit qualified tokens', $$tokcost.is_token_unit(' 1M  Input Tokens ')$$, 'value: true'),
    ('is_token_unit a tab between words', $$tokcost.is_token_unit(E'1M\tTokens')$$, 'value: false'),
    ('is_token_unit not tokens', $$tokcost.is_token_unit('GB')$$, 'value: false'),
    ('is_token_unit ratio', $$tokcost.is_token_unit('Tokens/Second')$$, 'value: false'),
    ('is_token_unit unit of 100000 bytes', $$tokcost.is_token_unit(repeat('x', 100000))$$, 'value: false'),
    ('focus_tokens NULL quantity', $$tokcost.focus_tokens(NULL, 'Tokens')$$, 'value: NULL'),
    ('focus_tokens NULL unit', $$tokcost.focus_tokens(1, NULL)$$, 'value: NULL'),
    ('focus_tokens 1M Tokens', $$tokcost.focus_tokens(1.5, '1M Tokens')$$, 'value: 1500000.0'),
    ('focus_tokens zero', $$tokcost.focus_tokens(0, 'Tokens')$$, 'value: 0'),
    ('focus_tokens credit', $$tokcost.focus_tokens(-5, '1K Tokens')$$, 'value: -5000'),
    ('focus_tokens NaN', $$tokcost.focus_tokens('NaN', 'Tokens')$$, 'error: 22023'),
    ('focus_tokens infinite', $$tokcost.focus_tokens('Infinity', 'Tokens')$$, 'error: 22023'),
    ('focus_tokens minus infinite', $$tokcost.focus_tokens('-Infinity', 'Tokens')$$, 'error: 22023'),
    ('focus_tokens not tokens', $$tokcost.focus_tokens(1, 'Requests')$$, 'error: 22023'),
    ('focus_tokens beyond numeric', $$tokcost.focus_tokens(1e131071, '1M Tokens')$$, 'error: 22003'),
    ('unit_price_per_mtok NULL price', $$tokcost.unit_price_per_mtok(NULL, 'Tokens')$$, 'value: NULL'),
    ('unit_price_per_mtok 1K Tokens', $$tokcost.unit_price_per_mtok(0.002, '1K Tokens')$$, 'value: 2.000'),
    ('unit_price_per_mtok 1000M Tokens exactly', $$tokcost.unit_price_per_mtok(1.2345678901234567891, '1000M Tokens')$$, 'value: 0.0012345678901234567891'),
    ('unit_price_per_mtok 128 Tokens exactly', $$tokcost.unit_price_per_mtok(1, '128 Tokens')$$, 'value: 7812.5'),
    ('unit_price_per_mtok 3 Tokens rounded', $$tokcost.unit_price_per_mtok(1, '3 Tokens')$$, 'value: 333333.333333333333'),
    ('unit_price_per_mtok NaN', $$tokcost.unit_price_per_mtok('NaN', 'Tokens')$$, 'error: 22023'),
    ('unit_price_per_mtok infinite', $$tokcost.unit_price_per_mtok('Infinity', '1M Tokens')$$, 'error: 22023'),
    ('unit_price_per_mtok not tokens', $$tokcost.unit_price_per_mtok(2, 'Requests')$$, 'error: 22023'),
    ('unit_price_per_mtok beyond numeric', $$tokcost.unit_price_per_mtok(1e131071, 'Tokens')$$, 'error: 22003'),
-- CSV records
    ('csv_split NULL', $$tokcost.csv_split(NULL)$$, 'value: NULL'),
    ('csv_split empty record', $$tokcost.csv_split('')$$, 'value: {NULL}'),
    ('csv_split only commas', $$tokcost.csv_split(',,')$$, 'value: {NULL,NULL,NULL}'),
    ('csv_split NULL literals', $$tokcost.csv_split('NULL,"NULL", NULL')$$, 'value: {NULL,NULL," NULL"}'),
    ('csv_split quotes and separators', $$tokcost.csv_split('"a,b","c ""d""",e')$$, 'value: {"a,b","c \"d\"",e}'),
    ('csv_split line feed in quotes', $$tokcost.csv_split(E'"a\nb",c') = ARRAY[E'a\nb', 'c']$$, 'value: true'),
    ('csv_split only a byte order mark', $$tokcost.csv_split(convert_from('\xefbbbf', 'UTF8'))$$, 'value: {NULL}'),
    ('csv_split quote left open', $$tokcost.csv_split('a,"b')$$, 'value: NULL'),
    ('csv_split text after a closing quote', $$tokcost.csv_split('"a"b')$$, 'value: NULL'),
    ('csv_split quote inside a value', $$tokcost.csv_split('a"b')$$, 'value: NULL'),
    ('csv_split field of 100000 bytes', $$length((tokcost.csv_split(repeat('x', 100000)))[1])$$, 'value: 100000'),
    ('csv_split a million fields', $$cardinality(tokcost.csv_split(repeat(',', 999999)))$$, 'value: 1000000'),
    ('csv_problem NULL', $$tokcost.csv_problem(NULL)$$, 'value: NULL'),
    ('csv_problem well formed', $$tokcost.csv_problem('a,"b"')$$, 'value: NULL'),
    ('csv_problem quote left open', $$tokcost.csv_problem('a,"b')$$, 'value: field 2 has an opening quote and no closing quote'),
    ('csv_problem text after a closing quote', $$tokcost.csv_problem('"a"b')$$, 'value: field 1 has text after its closing quote'),
    ('csv_problem quote inside a value', $$tokcost.csv_problem('a,b"c')$$, 'value: field 2 has a quote inside an unquoted value'),
    ('csv_quote_state NULL line', $$tokcost.csv_quote_state(false, NULL)$$, 'value: NULL'),
    ('csv_quote_state NULL state', $$tokcost.csv_quote_state(NULL, 'a')$$, 'value: NULL'),
    ('csv_quote_state empty line', $$tokcost.csv_quote_state(true, '')$$, 'value: true'),
    ('csv_quote_state doubled quotes', $$tokcost.csv_quote_state(false, '"a ""b""",c')$$, 'value: false'),
    ('csv_quote_state field left open', $$tokcost.csv_quote_state(false, 'a,"b ""c')$$, 'value: true'),
    ('csv_quote_state stray quote', $$tokcost.csv_quote_state(false, 'a,3" rack')$$, 'value: false'),
    ('csv_quote_state quote after a closed field', $$tokcost.csv_quote_state(false, '"a"b",c')$$, 'value: false'),
    ('csv_quote_state continuation closes', $$tokcost.csv_quote_state(true, 'end of note",x')$$, 'value: false'),
    ('csv_quote_state byte order mark', $$tokcost.csv_quote_state(false, convert_from('\xefbbbf2261'::bytea, 'UTF8'))$$, 'value: true'),
    ('csv_quote_state line of 100000 quotes', $$tokcost.csv_quote_state(false, repeat('"', 100000))$$, 'value: false'),
    ('csv_record_start no lines', $$(SELECT string_agg(s::text, ',' ORDER BY n) FROM (SELECT n, tokcost.csv_record_start(l) OVER (ORDER BY n) AS s FROM (VALUES (1, NULL::text)) v (n, l) WHERE false) w)$$, 'value: NULL'),
    ('csv_record_start NULL line in a quoted field', $$(SELECT string_agg(s::text, ',' ORDER BY n) FROM (SELECT n, tokcost.csv_record_start(l) OVER (ORDER BY n) AS s FROM (VALUES (1, 'a,"b'), (2, NULL), (3, 'c",d'), (4, 'e')) v (n, l)) w)$$, 'value: true,false,false,true'),
    ('csv_record_start stray quote', $$(SELECT string_agg(s::text, ',' ORDER BY n) FROM (SELECT n, tokcost.csv_record_start(l) OVER (ORDER BY n) AS s FROM (VALUES (1, 'a,3" rack'), (2, 'b')) v (n, l)) w)$$, 'value: true,true'),
    ('csv_record_start per partition', $$(SELECT string_agg(s::text, ',' ORDER BY f, n) FROM (SELECT f, n, tokcost.csv_record_start(l) OVER (PARTITION BY f ORDER BY n) AS s FROM (VALUES (1, 1, 'a,"b'), (2, 1, 'c'), (1, 2, 'd",e')) v (f, n, l)) w)$$, 'value: true,false,true'),
    ('csv_record_start without OVER', $$tokcost.csv_record_start('a')$$, 'error: 42809'),
-- casts that return NULL for text they cannot read
    ('focus_numeric NULL', $$tokcost.focus_numeric(NULL)$$, 'value: NULL'),
    ('focus_numeric empty', $$tokcost.focus_numeric('')$$, 'value: NULL'),
    ('focus_numeric white space', $$tokcost.focus_numeric(E' \t\n')$$, 'value: NULL'),
    ('focus_numeric surrounding white space', $$tokcost.focus_numeric(E'\t-1.50\n')$$, 'value: -1.50'),
    ('focus_numeric point first', $$tokcost.focus_numeric('+.5e-3')$$, 'value: 0.0005'),
    ('focus_numeric NaN', $$tokcost.focus_numeric('NaN')$$, 'value: NULL'),
    ('focus_numeric infinite', $$tokcost.focus_numeric('Infinity')$$, 'value: NULL'),
    ('focus_numeric minus infinite', $$tokcost.focus_numeric('-inf')$$, 'value: NULL'),
    ('focus_numeric thousands separator', $$tokcost.focus_numeric('1,000')$$, 'value: NULL'),
    ('focus_numeric currency sign', $$tokcost.focus_numeric('$1')$$, 'value: NULL'),
    ('focus_numeric hex', $$tokcost.focus_numeric('0x10')$$, 'value: NULL'),
    ('focus_numeric only a point', $$tokcost.focus_numeric('.')$$, 'value: NULL'),
    ('focus_numeric exponent without digits', $$tokcost.focus_numeric('1e+')$$, 'value: NULL'),
    ('focus_numeric exponent 1000', $$tokcost.focus_numeric('1e1000') = 1e1000$$, 'value: true'),
    ('focus_numeric exponent -1000', $$tokcost.focus_numeric('1e-1000') = 1e-1000$$, 'value: true'),
    ('focus_numeric exponent 1001', $$tokcost.focus_numeric('1e1001')$$, 'value: NULL'),
    ('focus_numeric exponent of six digits', $$tokcost.focus_numeric('1e000001')$$, 'value: NULL'),
    ('focus_numeric 1000 characters', $$tokcost.focus_numeric(repeat('9', 1000)) = repeat('9', 1000)::numeric$$, 'value: true'),
    ('focus_numeric 1001 characters', $$tokcost.focus_numeric(repeat('9', 1001))$$, 'value: NULL'),
    ('focus_numeric full-width digits', $$tokcost.focus_numeric(chr(65297))$$, 'value: NULL'),
    ('focus_timestamptz NULL', $$tokcost.focus_timestamptz(NULL)$$, 'value: NULL'),
    ('focus_timestamptz empty', $$tokcost.focus_timestamptz('')$$, 'value: NULL'),
    ('focus_timestamptz date only, as UTC', $$tokcost.focus_timestamptz('2024-02-29') = '2024-02-29 00:00:00+00'$$, 'value: true'),
    ('focus_timestamptz no zone in another session zone', $$pg_temp.value_with('TimeZone', 'Pacific/Kiritimati', $q$tokcost.focus_timestamptz('2024-09-18 22:00') = '2024-09-18 22:00:00+00'$q$)$$, 'value: true'),
    ('focus_timestamptz not a leap year', $$tokcost.focus_timestamptz('1900-02-29')$$, 'value: NULL'),
    ('focus_timestamptz day 31 of a 30-day month', $$tokcost.focus_timestamptz('2024-09-31')$$, 'value: NULL'),
    ('focus_timestamptz year 0', $$tokcost.focus_timestamptz('0000-01-01')$$, 'value: NULL'),
    ('focus_timestamptz year 1', $$tokcost.focus_timestamptz('0001-01-01T00:00:00Z') = '0001-01-01 00:00:00+00'$$, 'value: true'),
    ('focus_timestamptz end of year 9999', $$tokcost.focus_timestamptz('9999-12-31T24:00:00Z') = '10000-01-01 00:00:00+00'$$, 'value: true'),
    ('focus_timestamptz past 24:00', $$tokcost.focus_timestamptz('2024-01-01T24:00:01')$$, 'value: NULL'),
    ('focus_timestamptz leap second', $$tokcost.focus_timestamptz('2016-12-31T23:59:60Z')$$, 'value: NULL'),
    ('focus_timestamptz offset of 16 hours', $$tokcost.focus_timestamptz('2024-01-01T10:00+16')$$, 'value: NULL'),
    ('focus_timestamptz offset of 15:59', $$tokcost.focus_timestamptz('2024-01-01T10:00-15:59') = '2024-01-02 01:59:00+00'$$, 'value: true'),
    ('focus_timestamptz nanoseconds rounded', $$tokcost.focus_timestamptz('2024-01-01 23:59:59.9999995Z') = '2024-01-02 00:00:00+00'$$, 'value: true'),
    ('focus_timestamptz ten fraction digits', $$tokcost.focus_timestamptz('2024-01-01 10:00:00.1234567890')$$, 'value: NULL'),
    ('focus_timestamptz zone name', $$tokcost.focus_timestamptz('2024-01-01 10:00 Europe/Paris')$$, 'value: NULL'),
    ('focus_timestamptz infinity', $$tokcost.focus_timestamptz('infinity')$$, 'value: NULL'),
    ('focus_timestamptz now', $$tokcost.focus_timestamptz('now')$$, 'value: NULL'),
    ('focus_timestamptz one-digit month', $$tokcost.focus_timestamptz('2024-1-01')$$, 'value: NULL'),
    ('focus_timestamptz text of 100000 bytes', $$tokcost.focus_timestamptz('2024-01-01' || repeat(' ', 100000) || 'x')$$, 'value: NULL'),
    ('focus_jsonb NULL', $$tokcost.focus_jsonb(NULL)$$, 'value: NULL'),
    ('focus_jsonb empty', $$tokcost.focus_jsonb('')$$, 'value: NULL'),
    ('focus_jsonb array', $$tokcost.focus_jsonb('[1]')$$, 'value: NULL'),
    ('focus_jsonb string', $$tokcost.focus_jsonb('"a"')$$, 'value: NULL'),
    ('focus_jsonb object left open', $$tokcost.focus_jsonb('{"a": 1')$$, 'value: NULL'),
    ('focus_jsonb text after the object', $$tokcost.focus_jsonb('{"a": 1} x')$$, 'value: NULL'),
    ('focus_jsonb zero character', $$tokcost.focus_jsonb('{"a": "\u0000"}')$$, 'value: NULL'),
    ('focus_jsonb lone surrogate', $$tokcost.focus_jsonb('{"a": "\ud800"}')$$, 'value: NULL'),
    ('focus_jsonb unknown escape', $$tokcost.focus_jsonb('{"a": "\x"}')$$, 'value: NULL'),
    ('focus_jsonb duplicate key', $$tokcost.focus_jsonb('{"a": 1, "a": 2}')$$, 'value: {"a": 2}'),
    ('focus_jsonb number at the numeric limit', $$tokcost.focus_jsonb('{"a": [1e131071, -1e-16383, 0e1073741822]}') IS NOT NULL$$, 'value: true'),
    ('focus_jsonb number beyond numeric', $$tokcost.focus_jsonb('{"a": 1e131072}')$$, 'value: NULL'),
    ('focus_jsonb number below the numeric scale', $$tokcost.focus_jsonb('{"a": {"b": -1e-16384}}')$$, 'value: NULL'),
    ('focus_jsonb zero with 16384 decimals', $$tokcost.focus_jsonb('{"a": 0.' || repeat('0', 16384) || '}')$$, 'value: NULL'),
    ('focus_jsonb integer of 131073 digits', $$tokcost.focus_jsonb('{"a": 1' || repeat('0', 131072) || '}')$$, 'value: NULL'),
    ('focus_jsonb exponent past numeric_in', $$tokcost.focus_jsonb('{"a": 0e1073741823}')$$, 'value: NULL'),
    ('focus_jsonb agrees with jsonb at the numeric limits', $$(SELECT string_agg(n, ' ') FROM (VALUES ('1e131071'), ('1e131072'), ('9.99e131071'), ('0.00001e131076'), ('0.00001e131077'), ('100e131069'), ('100e131070'), ('1e-16383'), ('1e-16384'), ('1.5e-16382'), ('1.5e-16383'), ('0.001e-16380'), ('0.001e-16381'), ('0e-16383'), ('0e-16384'), ('0e1073741822'), ('0e1073741823'), ('0e-1073741823'), ('-1e131072'), ('0E+99999999999999999999'), ('1' || repeat('0', 131071)), ('1' || repeat('0', 131072)), ('0.' || repeat('0', 16383)), ('0.' || repeat('0', 16384))) AS v (n) WHERE (tokcost.focus_jsonb('{"a": ' || n || '}') IS NULL) <> (pg_temp.outcome(quote_literal('{"a": ' || n || '}') || '::jsonb') LIKE 'error: %'))$$, 'value: NULL'),
    ('focus_jsonb value of 100000 bytes', $$length(tokcost.focus_jsonb('{"a": "' || repeat('x', 100000) || '"}') ->> 'a')$$, 'value: 100000'),
    ('focus_jsonb nested past the stack depth', $$tokcost.focus_jsonb('{"a": ' || repeat('[', 100000) || repeat(']', 100000) || '}')$$, 'error: 54001'),
    ('focus_quote NULL', $$tokcost.focus_quote(NULL)$$, 'value: NULL'),
    ('focus_quote empty', $$tokcost.focus_quote('')$$, 'value: ""'),
    ('focus_quote 80 characters', $$tokcost.focus_quote(repeat('x', 80)) = '"' || repeat('x', 80) || '"'$$, 'value: true'),
    ('focus_quote 81 characters', $$tokcost.focus_quote(repeat('x', 81)) = '"' || repeat('x', 77) || '..."'$$, 'value: true'),
    ('focus_quote 100000 two-byte characters', $$length(tokcost.focus_quote(repeat(chr(233), 100000)))$$, 'value: 82'),
    ('focus_workload both NULL', $$tokcost.focus_workload(NULL, NULL)$$, 'value: unattributed'),
    ('focus_workload x_Workload before the tag', $$tokcost.focus_workload('{"workload": "tag"}', '{"x_Workload": "column"}')$$, 'value: column'),
    ('focus_workload empty x_Workload', $$tokcost.focus_workload('{"workload": "tag"}', '{"x_Workload": ""}')$$, 'value: tag'),
    ('focus_workload empty tag', $$tokcost.focus_workload('{"workload": ""}', NULL)$$, 'value: unattributed'),
    ('focus_workload tags an array', $$tokcost.focus_workload('["workload"]', '[1]')$$, 'value: unattributed'),
    ('focus_workload tag a number', $$tokcost.focus_workload('{"Workload": 5}', NULL)$$, 'value: 5'),
-- the FOCUS loader
    ('load_focus_csv NULL lines', $$(SELECT rows_read FROM tokcost.load_focus_csv(NULL, 'x.csv'))$$, 'error: 22004'),
    ('load_focus_csv relation OID 0', $$(SELECT rows_read FROM tokcost.load_focus_csv(0, 'x.csv'))$$, 'error: 42P01'),
    ('load_focus_csv dropped table', $$(SELECT rows_read FROM tokcost.load_focus_csv((SELECT oid FROM dropped_table)::regclass, 'x.csv'))$$, 'error: 42P01'),
    ('load_focus_csv not a table of lines', $$(SELECT rows_read FROM tokcost.load_focus_csv('bad_input_plain', 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv NULL source', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('x'), NULL))$$, 'error: 22004'),
    ('load_focus_csv empty source', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('x'), ''))$$, 'error: 22004'),
    ('load_focus_csv source too long for its index', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd'), (SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i)))$$, 'error: 54000'),
    ('load_focus_csv empty default lane', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('x'), 'x.csv', ''))$$, 'error: 22023'),
    ('load_focus_csv default lane of 256 bytes', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('x'), 'x.csv', repeat('l', 256)))$$, 'error: 22023'),
    ('load_focus_csv no lines', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines(VARIADIC '{}'::text[]), 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv blank lines only', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('', '   ', NULL), 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv header with a quote left open', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('BilledCost,"EffectiveCost'), 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv header with an empty column', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('BilledCost,,EffectiveCost'), 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv header with a column twice', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('BilledCost,billedcost'), 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv header without the required columns', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.lines('BilledCost,Tags'), 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv line without a number', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.numbered_lines('{1,NULL}', ARRAY['BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd', '1,1,USD,Usage,2026-01-01,2026-01-02']), 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv two lines with one number', $$(SELECT rows_read FROM tokcost.load_focus_csv(pg_temp.numbered_lines('{1,2,2}', ARRAY['BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd', '1,1,USD,Usage,2026-01-01,2026-01-02', '2,2,USD,Usage,2026-01-01,2026-01-02']), 'x.csv'))$$, 'error: 22023'),
    ('load_focus_csv header only', $$(SELECT row(rows_read, rows_loaded, rows_rejected)::text FROM tokcost.load_focus_csv(pg_temp.lines('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd'), 'x.csv'))$$, 'value: (0,0,0)'),
    ('load_focus_csv header of 1000 other columns', $$(SELECT row(rows_read, rows_loaded, rows_rejected)::text FROM tokcost.load_focus_csv(pg_temp.lines('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,' || (SELECT string_agg('x_' || i, ',') FROM generate_series(1, 1000) i), '1,1,USD,Usage,2026-01-01,2026-01-02' || repeat(',v', 1000)), 'wide.csv'))$$, 'value: (1,1,0)'),
    ('load_focus_csv a file of bad records', $$(SELECT row(rows_read, rows_loaded, rows_rejected)::text FROM tokcost.load_focus_csv(pg_temp.lines(VARIADIC (SELECT array_agg(line ORDER BY n) FROM focus_file)), 'bad-records.csv'))$$, 'value: (15,1,14)'),
    ('load_focus_csv the good record', $$(SELECT format('%s %s %s %s', c.billingcurrency, c.chargecategory, c.x_tokens, length(c.x_columns ->> 'Extra')) FROM tokcost.focus_charge c JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' ORDER BY load_id LIMIT 1)$$, 'value: USD Usage 1000 100000'),
    ('load_focus_csv rejects too few fields', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 3 ORDER BY load_id LIMIT 1)$$, 'value: -: the record has 5 fields and the header 11'),
    ('load_focus_csv rejects a NaN cost', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 4 ORDER BY load_id LIMIT 1)$$, 'value: BilledCost: "NaN" is not a number'),
    ('load_focus_csv rejects an infinite cost', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 5 ORDER BY load_id LIMIT 1)$$, 'value: EffectiveCost: "Infinity" is not a number'),
    ('load_focus_csv rejects a cost of exponent 1001', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 6 ORDER BY load_id LIMIT 1)$$, 'value: BilledCost: "1e1001" is a number out of range'),
    ('load_focus_csv rejects a date that does not exist', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 7 ORDER BY load_id LIMIT 1)$$, 'value: ChargePeriodStart: "2026-02-30" is not an ISO 8601 date and time'),
    ('load_focus_csv rejects a zone name', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 8 ORDER BY load_id LIMIT 1)$$, 'value: ChargePeriodStart: "2026-01-01 00:00 Europe/Paris" is not an ISO 8601 date and time'),
    ('load_focus_csv rejects an end before the start', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 9 ORDER BY load_id LIMIT 1)$$, 'value: ChargePeriodEnd: ChargePeriodEnd is not after ChargePeriodStart'),
    ('load_focus_csv rejects a currency symbol', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 10 ORDER BY load_id LIMIT 1)$$, 'value: BillingCurrency: "US$" is not a currency code'),
    ('load_focus_csv rejects a JSON array for Tags', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 11 ORDER BY load_id LIMIT 1)$$, 'value: Tags: "[1, 2]" is not a JSON object, or has a number or a \u0000 that jsonb cannot store'),
    ('load_focus_csv rejects a JSON number beyond numeric', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 12 ORDER BY load_id LIMIT 1)$$, 'value: Tags: "{"a": 1e131072}" is not a JSON object, or has a number or a \u0000 that jsonb cannot store'),
    ('load_focus_csv rejects a lane of 256 bytes', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 13 ORDER BY load_id LIMIT 1)$$, 'value: x_TokenSource: a lane is at most 255 bytes'),
    ('load_focus_csv rejects an unknown charge category', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 14 ORDER BY load_id LIMIT 1)$$, 'value: ChargeCategory: "Refund" is not a FOCUS ChargeCategory value'),
    ('load_focus_csv rejects a missing required value', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 15 ORDER BY load_id LIMIT 1)$$, 'value: EffectiveCost: the value is missing'),
    ('load_focus_csv rejects a quote left open', $$(SELECT format('%s: %s', coalesce(r.column_name, '-'), r.reason) FROM tokcost.focus_reject r JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'bad-records.csv' AND r.line_number = 16 ORDER BY load_id LIMIT 1)$$, 'value: -: field 9 has an opening quote and no closing quote'),
-- usage days
    ('usage_day NULL', $$tokcost.usage_day(NULL)$$, 'value: NULL'),
    ('usage_day interval ending at midnight', $$tokcost.usage_day('2026-11-03 00:00:00+00') = '2026-11-02'$$, 'value: true'),
    ('usage_day one microsecond past midnight', $$tokcost.usage_day('2026-11-03 00:00:00.000001+00') = '2026-11-03'$$, 'value: true'),
    ('usage_day in another session zone', $$pg_temp.value_with('TimeZone', 'Pacific/Kiritimati', $q$tokcost.usage_day('2026-11-03 00:00:00+00') = '2026-11-02'$q$)$$, 'value: true'),
    ('usage_day infinity', $$tokcost.usage_day('infinity')$$, 'value: infinity'),
    ('usage_day minus infinity', $$tokcost.usage_day('-infinity')$$, 'value: -infinity'),
    ('usage_day earliest timestamp', $$tokcost.usage_day('4714-11-24 00:00:00+00 BC')$$, 'error: 22008'),
-- the datacenter lane: the register and its setting
    ('rewriting_history when unset', $$tokcost.rewriting_history()$$, 'value: false'),
    ('rewriting_history on', $$pg_temp.value_with('tokcost.rewrite_history', 'on', 'tokcost.rewriting_history()')$$, 'value: true'),
    ('rewriting_history ON in capitals', $$pg_temp.value_with('tokcost.rewrite_history', 'ON', 'tokcost.rewriting_history()')$$, 'value: true'),
    ('rewriting_history off', $$pg_temp.value_with('tokcost.rewrite_history', 'off', 'tokcost.rewriting_history()')$$, 'value: false'),
    ('rewriting_history empty', $$pg_temp.value_with('tokcost.rewrite_history', '', 'tokcost.rewriting_history()')$$, 'value: false'),
    ('rewriting_history not a boolean', $$pg_temp.value_with('tokcost.rewrite_history', 'maybe', 'tokcost.rewriting_history()')$$, 'value: false'),
    ('rewriting_history value of 100000 bytes', $$pg_temp.value_with('tokcost.rewrite_history', repeat('o', 100000), 'tokcost.rewriting_history()')$$, 'value: false'),
    ('gpu_first_day the earliest node', $$tokcost.gpu_first_day() = '2026-01-01'$$, 'value: true'),
    ('utc_today', $$tokcost.utc_today() = (now() AT TIME ZONE 'UTC')::date$$, 'value: true'),
    ('utc_today at UTC+14', $$pg_temp.value_with('TimeZone', 'Pacific/Kiritimati', $q$tokcost.utc_today() = (now() AT TIME ZONE 'UTC')::date$q$)$$, 'value: true'),
    ('utc_today at UTC-12', $$pg_temp.value_with('TimeZone', 'Etc/GMT+12', $q$tokcost.utc_today() = (now() AT TIME ZONE 'UTC')::date$q$)$$, 'value: true'),
-- daily costs, FOCUS rows, idle cost and allocation
    ('gpu_node_day NULL start', $$(SELECT count(*) FROM tokcost.gpu_node_day(NULL, '2026-01-02'))$$, 'error: 22023'),
    ('gpu_node_day NULL end', $$(SELECT count(*) FROM tokcost.gpu_node_day('2026-01-01', NULL))$$, 'error: 22023'),
    ('gpu_node_day infinite end', $$(SELECT count(*) FROM tokcost.gpu_node_day('2026-01-01', 'infinity'))$$, 'error: 22023'),
    ('gpu_node_day minus infinite start', $$(SELECT count(*) FROM tokcost.gpu_node_day('-infinity', '2026-01-02'))$$, 'error: 22023'),
    ('gpu_node_day reversed range', $$(SELECT count(*) FROM tokcost.gpu_node_day('2026-01-03', '2026-01-01'))$$, 'value: 0'),
    ('gpu_node_day empty range', $$(SELECT count(*) FROM tokcost.gpu_node_day('2026-01-01', '2026-01-01'))$$, 'value: 0'),
    ('gpu_node_day range before service', $$(SELECT count(*) FROM tokcost.gpu_node_day('2025-01-01', '2026-01-01'))$$, 'value: 0'),
    ('gpu_node_day from the earliest date', $$(SELECT count(*) FROM tokcost.gpu_node_day('4714-11-24 BC', '2026-01-02'))$$, 'value: 1'),
    ('gpu_node_day end past the timestamp range', $$(SELECT count(*) FROM tokcost.gpu_node_day('2026-01-01', '300000-01-01'))$$, 'error: 22008'),
    ('gpu_node_day a day without operating parameters', $$(SELECT count(*) FROM tokcost.gpu_node_day('2089-12-31', '2090-01-02'))$$, 'error: TC004'),
    ('gpu_node_day cents of two days', $$(SELECT string_agg(daily_cost_cents::text, ' ' ORDER BY day) FROM tokcost.gpu_node_day('2026-01-01', '2026-01-03'))$$, 'value: 45.05 45.06'),
    ('gpu_node_day exact cost', $$(SELECT round(daily_cost, 12) FROM tokcost.gpu_node_day('2026-01-01', '2026-01-02'))$$, 'value: 45.054209445585'),
    ('gpu_node_day tokens of the day', $$(SELECT tokens FROM tokcost.gpu_node_day('2026-01-01', '2026-01-02'))$$, 'value: 40000000'),
    ('gpu_focus_rows NULL start', $$(SELECT count(*) FROM tokcost.gpu_focus_rows(NULL, '2026-01-02'))$$, 'error: 22023'),
    ('gpu_focus_rows reversed range', $$(SELECT count(*) FROM tokcost.gpu_focus_rows('2026-01-02', '2026-01-01'))$$, 'value: 0'),
    ('gpu_focus_rows costs of a day', $$(SELECT format('%s %s %s %s %s', billedcost, effectivecost, listcost, consumedquantity, x_rowsource) FROM tokcost.gpu_focus_rows('2026-01-01', '2026-01-02'))$$, 'value: 0 45.05 45.05 40000000 synthesized'),
    ('gpu_focus_rows billing period of a day', $$(SELECT billingperiodstart = '2026-01-01 00:00+00' AND billingperiodend = '2026-02-01 00:00+00' FROM tokcost.gpu_focus_rows('2026-01-01', '2026-01-02'))$$, 'value: true'),
    ('gpu_idle NULL end', $$(SELECT count(*) FROM tokcost.gpu_idle('2026-01-01', NULL))$$, 'error: 22023'),
    ('gpu_idle reversed range', $$(SELECT count(*) FROM tokcost.gpu_idle('2026-01-02', '2026-01-01'))$$, 'value: 0'),
    ('gpu_idle below the peak', $$(SELECT format('%s %s %s', total_cost, used_cost, idle_cost) FROM tokcost.gpu_idle('2026-01-01', '2026-01-02'))$$, 'value: 45.05 20.86 24.19'),
    ('gpu_idle above the peak', $$(SELECT format('%s %s %s', total_cost, used_cost, idle_cost) FROM tokcost.gpu_idle('2026-01-02', '2026-01-03'))$$, 'value: 45.06 45.06 0.00'),
    ('gpu_allocation NULL idle mode', $$(SELECT count(*) FROM tokcost.gpu_allocation('2026-01-01', '2026-01-02', NULL))$$, 'error: 22023'),
    ('gpu_allocation empty idle mode', $$(SELECT count(*) FROM tokcost.gpu_allocation('2026-01-01', '2026-01-02', ''))$$, 'error: 22023'),
    ('gpu_allocation idle mode in capitals', $$(SELECT count(*) FROM tokcost.gpu_allocation('2026-01-01', '2026-01-02', 'SPREAD'))$$, 'error: 22023'),
    ('gpu_allocation unknown idle mode', $$(SELECT count(*) FROM tokcost.gpu_allocation('2026-01-01', '2026-01-02', 'evenly'))$$, 'error: 22023'),
    ('gpu_allocation idle mode of 100000 bytes', $$(SELECT count(*) FROM tokcost.gpu_allocation('2026-01-01', '2026-01-02', repeat('s', 100000)))$$, 'error: 22023'),
    ('gpu_allocation NULL start', $$(SELECT count(*) FROM tokcost.gpu_allocation(NULL, '2026-01-02'))$$, 'error: 22023'),
    ('gpu_allocation reversed range', $$(SELECT count(*) FROM tokcost.gpu_allocation('2026-01-02', '2026-01-01'))$$, 'value: 0'),
    ('gpu_allocation idle spread', $$(SELECT string_agg(workload || ' ' || cost, ', ' ORDER BY workload) FROM tokcost.gpu_allocation('2026-01-01', '2026-01-02'))$$, 'value: batch 11.26, chat 33.79'),
    ('gpu_allocation idle separate', $$(SELECT string_agg(workload || ' ' || cost, ', ' ORDER BY workload) FROM tokcost.gpu_allocation('2026-01-01', '2026-01-02', 'separate'))$$, 'value: (idle) 24.19, batch 5.22, chat 15.64'),
-- operating-parameter changes, after which 2027 costs more than numeric holds
    ('change_gpu_node_rate NULL node', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate(NULL, '2026-06-01', pue => 1.2))$$, 'error: 22004'),
    ('change_gpu_node_rate NULL day', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', NULL, pue => 1.2))$$, 'error: 22004'),
    ('change_gpu_node_rate unknown node', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('no-such-gpu', '2026-06-01', pue => 1.2))$$, 'error: 23503'),
    ('change_gpu_node_rate empty node', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('', '2026-06-01', pue => 1.2))$$, 'error: 23503'),
    ('change_gpu_node_rate node of 100000 bytes', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate(repeat('n', 100000), '2026-06-01', pue => 1.2))$$, 'error: 23503'),
    ('change_gpu_node_rate infinite day', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', 'infinity', pue => 1.2))$$, 'error: 22023'),
    ('change_gpu_node_rate minus infinite day', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '-infinity', pue => 1.2))$$, 'error: 22023'),
    ('change_gpu_node_rate NaN PUE', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2026-06-01', pue => 'NaN'))$$, 'error: 23514'),
    ('change_gpu_node_rate PUE below 1', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2026-06-01', pue => 0.99))$$, 'error: 23514'),
    ('change_gpu_node_rate negative tariff', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2026-06-01', price_per_kwh => -0.01))$$, 'error: 23514'),
    ('change_gpu_node_rate infinite facility fee', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2026-06-01', facility_per_day => 'Infinity'))$$, 'error: 23514'),
    ('change_gpu_node_rate zero peak', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2026-06-01', peak_tokens_per_second => 0))$$, 'error: 23514'),
    ('change_gpu_node_rate node without parameters', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu-unpriced', '2090-01-01'))$$, 'error: 22004'),
    ('change_gpu_node_rate from a day', $$(SELECT string_agg(format('%s %s %s', valid_from, coalesce(valid_to::text, 'open'), pue), '; ' ORDER BY valid_from) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2026-06-01', pue => 1.2))$$, 'value: 2026-01-01 2026-06-01 1.5; 2026-06-01 open 1.2'),
    ('change_gpu_node_rate before the period in effect', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2026-03-01', pue => 1.3))$$, 'error: TC005'),
    ('change_gpu_node_rate on the day the period starts', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2026-06-01', pue => 1.3))$$, 'error: TC005'),
    ('change_gpu_node_rate IT load near the numeric limit', $$(SELECT count(*) FROM tokcost.change_gpu_node_rate('bad-input-gpu', '2027-01-01', it_load_kw => 9e131071))$$, 'value: 2'),
    ('gpu_node_day power beyond numeric', $$(SELECT count(*) FROM tokcost.gpu_node_day('2027-01-01', '2027-01-02'))$$, 'error: 22003'),
-- counter samples: a baseline, a rise and a restart, then a late sample
    ('convert_gpu_counters a rise and a restart', $$(SELECT row(samples_converted, samples_late, resets, usage_rows, tokens)::text FROM tokcost.convert_gpu_counters())$$, 'value: (3,0,1,1,350)'),
    ('convert_gpu_counters with nothing new', $$(SELECT row(samples_converted, samples_late, resets, usage_rows, tokens)::text FROM tokcost.convert_gpu_counters())$$, 'value: (0,0,0,0,0)'),
    ('convert_gpu_counters a late sample', $$pg_temp.after($q$INSERT INTO tokcost.gpu_counter_sample (node_id, workload, counter, sampled_at, value) VALUES ('bad-input-gpu', 'chat', 'vllm:generation_tokens_total', '2026-02-01 11:30+00', 500), ('bad-input-gpu', 'chat', 'vllm:generation_tokens_total', '2026-02-02 00:00+00', 80)$q$, $q$(SELECT row(samples_converted, samples_late, resets, usage_rows, tokens)::text FROM tokcost.convert_gpu_counters())$q$)$$, 'value: (1,1,0,1,30)'),
    ('convert_gpu_counters counts midnight on the day before', $$(SELECT string_agg(tokcost.usage_day(period_end)::text || ' ' || tokens, '; ' ORDER BY period_end) FROM tokcost.gpu_usage WHERE source = 'counters')$$, 'value: 2026-02-01 350; 2026-02-01 30'),
    ('convert_gpu_counters a counter at the numeric limit', $$pg_temp.after($q$INSERT INTO tokcost.gpu_counter_sample (node_id, workload, counter, sampled_at, value) VALUES ('bad-input-gpu', 'chat', 'vllm:generation_tokens_total', '2026-02-03 00:00+00', 9.99e131071)$q$, $q$(SELECT tokens = 9.99e131071 - 80 FROM tokcost.convert_gpu_counters())$q$)$$, 'value: true'),
-- lane totals per partition
    ('partition_lane_totals_query NULL table', $$tokcost.partition_lane_totals_query(NULL, 'lane', 'cost', 'tokens')$$, 'error: 22004'),
    ('partition_lane_totals_query NULL lane column', $$tokcost.partition_lane_totals_query('bad_input_cost', NULL, 'cost', 'tokens')$$, 'error: 22004'),
    ('partition_lane_totals_query NULL cost column', $$tokcost.partition_lane_totals_query('bad_input_cost', 'lane', NULL, 'tokens')$$, 'error: 22004'),
    ('partition_lane_totals_query NULL tokens column', $$tokcost.partition_lane_totals_query('bad_input_cost', 'lane', 'cost', NULL)$$, 'error: 22004'),
    ('partition_lane_totals_query a view', $$tokcost.partition_lane_totals_query('bad_input_cost_view', 'lane', 'cost', 'tokens')$$, 'error: 42809'),
    ('partition_lane_totals_query an index', $$tokcost.partition_lane_totals_query('pg_class_oid_index', 'lane', 'cost', 'tokens')$$, 'error: 42809'),
    ('partition_lane_totals_query a sequence', $$tokcost.partition_lane_totals_query('lines_table_number', 'lane', 'cost', 'tokens')$$, 'error: 42809'),
    ('partition_lane_totals_query relation OID 0', $$tokcost.partition_lane_totals_query(0, 'lane', 'cost', 'tokens')$$, 'error: 42P01'),
    ('partition_lane_totals_query dropped table', $$tokcost.partition_lane_totals_query((SELECT oid FROM dropped_table)::regclass, 'lane', 'cost', 'tokens')$$, 'error: 42P01'),
    ('partition_lane_totals_query one branch per partition', $$array_length(string_to_array(tokcost.partition_lane_totals_query('bad_input_cost', 'lane', 'cost', 'tokens'), ' UNION ALL '), 1)$$, 'value: 2'),
    ('partition_lane_totals NULL table', $$(SELECT count(*) FROM tokcost.partition_lane_totals(NULL, 'lane', 'cost', 'tokens'))$$, 'error: 22004'),
    ('partition_lane_totals a view', $$(SELECT count(*) FROM tokcost.partition_lane_totals('bad_input_cost_view', 'lane', 'cost', 'tokens'))$$, 'error: 42809'),
    ('partition_lane_totals relation OID 0', $$(SELECT count(*) FROM tokcost.partition_lane_totals(0, 'lane', 'cost', 'tokens'))$$, 'error: 42P01'),
    ('partition_lane_totals partitioned table without partitions', $$(SELECT count(*) FROM tokcost.partition_lane_totals('bad_input_unpartitioned', 'lane', 'cost', 'tokens'))$$, 'value: 0'),
    ('partition_lane_totals per partition', $$(SELECT string_agg(format('%s %s', partition, total), '; ' ORDER BY partition::text) FROM tokcost.partition_lane_totals('bad_input_cost', 'lane', 'cost', 'tokens'))$$, 'value: bad_input_cost_api (cloud-api,,3.5,4000,2); bad_input_cost_gpu (colo-gpu,,0.25,500,1)'),
    ('partition_lane_totals with a currency', $$(SELECT string_agg(total::text, '; ' ORDER BY partition::text) FROM tokcost.partition_lane_totals('bad_input_cost', 'lane', 'cost', 'tokens', 'currency'))$$, 'value: (cloud-api,USD,3.5,4000,2); (colo-gpu,EUR,0.25,500,1)'),
    ('partition_lane_totals row filter', $$(SELECT string_agg(total::text, '; ' ORDER BY partition::text) FROM tokcost.partition_lane_totals('bad_input_cost', 'lane', 'cost', 'tokens', row_filter => 'tokens > 1000'))$$, 'value: (cloud-api,,2,3000,1)'),
    ('partition_lane_totals malformed row filter', $$(SELECT count(*) FROM tokcost.partition_lane_totals('bad_input_cost', 'lane', 'cost', 'tokens', row_filter => 'tokens >'))$$, 'error: 42601'),
    ('partition_lane_totals column that does not exist', $$(SELECT count(*) FROM tokcost.partition_lane_totals('bad_input_cost', 'lane', 'price', 'tokens'))$$, 'error: 42703'),
    ('partition_lane_totals text cost column', $$(SELECT count(*) FROM tokcost.partition_lane_totals('bad_input_cost', 'lane', 'label', 'tokens'))$$, 'error: 42883'),
    ('partition_lane_totals empty column name', $$(SELECT count(*) FROM tokcost.partition_lane_totals('bad_input_cost', '', 'cost', 'tokens'))$$, 'error: 42601'),
    ('partition_lane_totals plain table with a NaN cost', $$(SELECT count(*) FROM tokcost.partition_lane_totals('bad_input_plain', 'lane', 'cost', 'tokens'))$$, 'error: 22023');

SELECT plan((SELECT count(*)::int FROM bad_input_case) + 3);

SELECT is(pg_temp.outcome(expression), expected, description)
  FROM bad_input_case ORDER BY id;

SELECT is(ARRAY(SELECT description FROM bad_input_case
                 WHERE pg_temp.outcome(expression) = 'error: XX000'),
          ARRAY[]::text[], 'no case raises an internal error');

-- Every function a user can call, and every aggregate, has a case.  Type
-- I/O, operator, window and trigger support functions are reached through
-- their type, operator, aggregate or table.
SELECT is(ARRAY(
    SELECT DISTINCT p.proname::text
      FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
     WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
       AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tokcost')
       AND p.prorettype <> 'trigger'::regtype
       AND NOT 'internal'::regtype = ANY (p.proargtypes::oid[] || p.prorettype)
       AND NOT EXISTS (SELECT 1 FROM bad_input_case c
                        WHERE c.expression LIKE '%tokcost.' || p.proname || '(%'
                           OR c.expression LIKE '%::tokcost.' || p.proname || '%'
                           OR c.expression LIKE '%::tokcost.lane_total%' AND p.proname = 'lane_total_in'
                           OR c.expression LIKE '%pg_temp.wire(%' AND p.proname = 'lane_total_send'
                           OR c.expression LIKE '%OPERATOR(tokcost.+)%' AND p.proname = 'lane_total_add')
     ORDER BY 1),
    ARRAY[]::text[], 'every function has a bad-input case (add cases for the functions listed here)');

SELECT ok(pg_temp.outcome('1') = 'value: 1', 'the session survived every case');

SELECT * FROM finish();
ROLLBACK;
