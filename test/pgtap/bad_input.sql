-- Bad input at every entry point, as a table of cases: each function,
-- aggregate and type input gets NULL, zero, negative, NaN, infinite and
-- huge values, empty and long lanes, unknown currencies and malformed
-- text and binary input.  Each case expects a value or a specific
-- SQLSTATE, never XX000 or a lost connection.
--
-- A function of the extension that no case calls fails "every function has
-- a bad-input case"; add cases for it here.
BEGIN;
SET LOCAL search_path = public;
SET LOCAL extra_float_digits = 0;

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
    ('import_price_map rewriting history', $$(SELECT prices_added FROM tokcost.import_price_map('{"bad-input-model": {"input_cost_per_token": 1e-06, "litellm_provider": "openai"}}', '2025-01-01'))$$, 'error: 22023');

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
