-- Volatility audit: every tokcost function's volatility, strictness and
-- parallel marking, checked against a reviewed list and against what the
-- function does.  A function that reads a table or a setting must not be
-- IMMUTABLE, or an index, a generated column or a cached plan would freeze
-- its result.
--
-- A function added to the extension fails "every function is in the
-- reviewed list" until it is added to expected_marking below with its
-- marking, and a changed marking fails until the list is changed with it.
BEGIN;
SET LOCAL search_path = public;

CREATE TEMP TABLE expected_marking (
    signature text PRIMARY KEY,         -- regprocedure, as printed with
                                        -- search_path = public
    volatility text NOT NULL,           -- immutable, stable, volatile
    strictness text NOT NULL,           -- strict, called on null input
    parallel text NOT NULL,             -- safe, restricted, unsafe
    sample text                         -- an expression that calls it, or
                                        -- NULL for support functions that
                                        -- SQL cannot call
);

INSERT INTO expected_marking VALUES
    -- costing.sql: numeric arithmetic on the arguments alone
    ('tokcost.amortized_daily_cost(numeric,integer,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.amortized_daily_cost(300000, 36, 100)'),
    ('tokcost.power_daily_cost(numeric,numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.power_daily_cost(14, 1.5, 0.12)'),
    ('tokcost.node_daily_cost(numeric,integer,numeric,numeric,numeric,numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.node_daily_cost(300000, 36, 9.33, 1.5, 0.12, 25, 0)'),
    ('tokcost.cost_per_mtok(numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.cost_per_mtok(339.09, 150000000)'),
    ('tokcost.api_cost(numeric,numeric,numeric,numeric,numeric,numeric)', 'immutable', 'called on null input', 'safe',
     'tokcost.api_cost(1000000, 200000, 3.00, 15.00, 400000, 0.30)'),
    ('tokcost.tokens_per_day(numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.tokens_per_day(8680.56, 0.6)'),
    ('tokcost.utilization(numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.utilization(150000000, 750000000)'),
    ('tokcost.break_even_utilization(numeric,numeric,numeric)', 'immutable', 'strict', 'safe',
     'tokcost.break_even_utilization(339, 750000000, 0.80)'),
    -- lane_total.sql: the type's I/O, accessors and comparison read only
    -- their arguments; binary I/O converts to the client encoding
    ('tokcost.lane_total_in(cstring)', 'immutable', 'strict', 'safe',
     '''(cloud-api,USD,4.92,1600000,3)''::tokcost.lane_total'),
    ('tokcost.lane_total_out(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_out(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.lane_total_recv(internal)', 'stable', 'strict', 'safe', NULL),
    ('tokcost.lane_total_send(tokcost.lane_total)', 'stable', 'strict', 'safe',
     'tokcost.lane_total_send(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.lane(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.currency(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.currency(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.cost(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.cost(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.tokens(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.tokens(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.rows(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.rows(''(cloud-api,USD,4.92,1600000,3)'')'),
    ('tokcost.cost_per_mtok(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.cost_per_mtok(''(cloud-api,USD,4.92,1600000,3)''::tokcost.lane_total)'),
    ('tokcost.lane_total_cmp(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_cmp(''(a,,1.5,1,1)'', ''(a,,1.50,1,1)'')'),
    ('tokcost.lane_total_eq(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_eq(''(a,,1.5,1,1)'', ''(a,,1.50,1,1)'')'),
    ('tokcost.lane_total_ne(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_ne(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_lt(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_lt(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_le(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_le(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_gt(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_gt(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_ge(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_ge(''(a,,1.5,1,1)'', ''(b,,1.5,1,1)'')'),
    ('tokcost.lane_total_hash(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_hash(''(a,USD,1.5,1,1)'')'),
    ('tokcost.lane_total_hash_extended(tokcost.lane_total,bigint)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_hash_extended(''(a,USD,1.5,1,1)'', 42)'),
    -- lane_agg.sql: aggregate support and the aggregates themselves
    ('tokcost.lane_total_combine(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_total_combine(''(a,USD,1.5,1,1)'', ''(a,USD,2,3,4)'')'),
    ('tokcost.lane_sum_final(tokcost.lane_total)', 'immutable', 'strict', 'safe',
     'tokcost.lane_sum_final(''(a,USD,1.5,1,1)'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,numeric)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::numeric)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,numeric,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::numeric, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,bigint)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::bigint)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,bigint,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::bigint, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,integer)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::integer)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,numeric,integer,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5, 10::integer, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,numeric)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::numeric)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,numeric,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::numeric, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,bigint)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::bigint)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,bigint,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::bigint, ''USD'')'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,integer)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::integer)'),
    ('tokcost.lane_total_accum(tokcost.lane_total,text,double precision,integer,text)', 'immutable', 'called on null input', 'safe',
     'tokcost.lane_total_accum(NULL, ''a'', 1.5::float8, 10::integer, ''USD'')'),
    ('tokcost.lane_moving_accum(internal,text,"any","any")', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_accum(internal,text,"any","any",text)', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_discard(internal,text,"any","any")', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_discard(internal,text,"any","any",text)', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_cost_per_mtok(internal)', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_moving_lane_sum(internal)', 'immutable', 'called on null input', 'safe', NULL),
    ('tokcost.lane_cost_per_mtok(text,numeric,numeric)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,numeric,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,bigint)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,bigint,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,integer)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,numeric,integer,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,numeric)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,numeric,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,bigint)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,bigint,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,integer)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_cost_per_mtok(text,double precision,integer,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_cost_per_mtok(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,numeric)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,numeric,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,bigint)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,bigint,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,integer)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(text,numeric,integer,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,numeric)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,numeric,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::numeric)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,bigint)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,bigint,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::bigint)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,integer)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t) FROM (VALUES (''a'', 1.5::float8, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(text,double precision,integer,text)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(l, c, t, ''USD'') FROM (VALUES (''a'', 1.5::float8, 10::integer)) v (l, c, t))'),
    ('tokcost.lane_sum(tokcost.lane_total)', 'immutable', 'called on null input', 'safe',
     '(SELECT tokcost.lane_sum(x) FROM (VALUES (''(a,,1,1,1)''::tokcost.lane_total), (''(a,,2,2,2)'')) v (x))'),
    -- prices.sql: the lookups read tokcost.api_price; the importer and the
    -- trigger write or lock
    ('tokcost.api_price_check_overlap()', 'volatile', 'called on null input', 'unsafe', NULL),
    ('tokcost.import_price_map(jsonb,timestamp with time zone,text)', 'volatile', 'called on null input', 'unsafe', NULL),
    ('tokcost.api_rate(text,text,timestamp with time zone,text)', 'stable', 'called on null input', 'safe',
     'tokcost.api_rate(''audit-model'', ''input'', ''2026-03-01'')'),
    ('tokcost.api_cost_by_model(text,timestamp with time zone,numeric,numeric,numeric,text)', 'stable', 'called on null input', 'safe',
     'tokcost.api_cost_by_model(''audit-model'', ''2026-03-01'', 1000, 100)'),
    -- lane_total_add.sql (1.1): combine and canonical form, both immutable
    ('tokcost.lane_total_add(tokcost.lane_total,tokcost.lane_total)', 'immutable', 'strict', 'safe',
     '(''(a,USD,1.5,1,1)''::tokcost.lane_total OPERATOR(tokcost.+) ''(a,USD,2,3,4)'')'),
    -- focus_units.sql (1.1): token units parsed from their text alone
    ('tokcost.token_unit_size(text)', 'immutable', 'strict', 'safe',
     'tokcost.token_unit_size(''1K Tokens'')'),
    ('tokcost.is_token_unit(text)', 'immutable', 'strict', 'safe',
     'tokcost.is_token_unit(''1M Input Tokens'')'),
    ('tokcost.focus_tokens(numeric,text)', 'immutable', 'strict', 'safe',
     'tokcost.focus_tokens(1.5, ''1M Tokens'')'),
    ('tokcost.unit_price_per_mtok(numeric,text)', 'immutable', 'strict', 'safe',
     'tokcost.unit_price_per_mtok(0.002, ''1K Tokens'')'),
    -- focus_load.sql (1.1): the CSV splitter and the casts read only their
    -- text.  focus_timestamptz reads a time without a zone as UTC, not in
    -- TimeZone.  The loader writes its tables.
    ('tokcost.csv_split(text)', 'immutable', 'strict', 'safe',
     'tokcost.csv_split(''a,"b,c",,NULL,"d ""e"""'')'),
    ('tokcost.csv_problem(text)', 'immutable', 'strict', 'safe',
     'tokcost.csv_problem(''a,"b'')'),
    ('tokcost.csv_quote_state(boolean,text)', 'immutable', 'strict', 'safe',
     'tokcost.csv_quote_state(false, ''a,"b ""c'')'),
    ('tokcost.csv_record_start(text)', 'immutable', 'called on null input', 'safe',
     '(SELECT string_agg(s::text, '','' ORDER BY n) FROM (SELECT n, tokcost.csv_record_start(l) OVER (ORDER BY n) AS s FROM (VALUES (1, ''a,"b''), (2, ''c",d'')) v (n, l)) w)'),
    ('tokcost.focus_numeric(text)', 'immutable', 'strict', 'safe',
     'tokcost.focus_numeric('' -1.50e2 '')'),
    ('tokcost.focus_timestamptz(text)', 'immutable', 'strict', 'safe',
     'extract(epoch FROM tokcost.focus_timestamptz(''2024-09-18 22:00:00.5''))'),
    ('tokcost.focus_jsonb(text)', 'immutable', 'strict', 'safe',
     'tokcost.focus_jsonb(''{"team": "a", "share": 0.25}'')'),
    ('tokcost.focus_quote(text)', 'immutable', 'strict', 'safe',
     'tokcost.focus_quote(repeat(''x'', 100))'),
    ('tokcost.load_focus_csv(regclass,text,text,boolean)', 'volatile', 'called on null input', 'unsafe',
     '(SELECT rows_loaded FROM tokcost.load_focus_csv(''audit_lines'', ''audit.csv''))'),
    -- gpu_register.sql (1.1): rewriting_history reads a setting; the guards
    -- and change_gpu_node_rate lock and write
    ('tokcost.rewriting_history()', 'stable', 'called on null input', 'safe',
     'tokcost.rewriting_history()'),
    ('tokcost.gpu_node_guard()', 'volatile', 'called on null input', 'unsafe', NULL),
    ('tokcost.gpu_node_rate_guard()', 'volatile', 'called on null input', 'unsafe', NULL),
    ('tokcost.change_gpu_node_rate(text,date,numeric,numeric,numeric,numeric,numeric,text)', 'volatile', 'called on null input', 'unsafe',
     '(SELECT count(*) FROM tokcost.change_gpu_node_rate(''audit-gpu'', ''2019-01-01'', pue => 1.4))'),
    -- gpu_usage.sql (1.1): usage_day is arithmetic in UTC; the converter
    -- locks and writes
    ('tokcost.usage_day(timestamp with time zone)', 'immutable', 'strict', 'safe',
     'tokcost.usage_day(''2026-11-03 00:00:00+00'') - ''2026-11-01''::date'),
    ('tokcost.convert_gpu_counters()', 'volatile', 'called on null input', 'unsafe',
     '(SELECT usage_rows FROM tokcost.convert_gpu_counters())'),
    -- focus_synth.sql (1.1): the synthesized rows read the register
    ('tokcost.gpu_node_day(date,date)', 'stable', 'called on null input', 'safe',
     '(SELECT string_agg(format(''%s %s %s %s %s'', day - ''2017-01-01''::date, node_id, daily_cost, daily_cost_cents, tokens), ''; '' ORDER BY day, node_id) FROM tokcost.gpu_node_day(''2017-09-29'', ''2017-10-03''))'),
    ('tokcost.gpu_focus_rows(date,date)', 'stable', 'called on null input', 'safe',
     '(SELECT string_agg(format(''%s %s %s %s %s %s'', extract(epoch FROM billingperiodstart), extract(epoch FROM billingperiodend), extract(epoch FROM chargeperiodstart), resourceid, effectivecost, consumedquantity), ''; '' ORDER BY chargeperiodstart, resourceid) FROM tokcost.gpu_focus_rows(''2017-09-30'', ''2017-10-02''))'),
    ('tokcost.gpu_idle(date,date)', 'stable', 'called on null input', 'safe',
     '(SELECT string_agg(format(''%s %s %s %s %s'', day - ''2017-01-01''::date, node_id, total_cost, used_cost, idle_cost), ''; '' ORDER BY day, node_id) FROM tokcost.gpu_idle(''2017-09-29'', ''2017-10-03''))'),
    ('tokcost.gpu_allocation(date,date,text)', 'stable', 'called on null input', 'safe',
     '(SELECT string_agg(format(''%s %s %s %s'', day - ''2017-01-01''::date, node_id, workload, cost), ''; '' ORDER BY day, node_id, workload) FROM tokcost.gpu_allocation(''2017-09-29'', ''2017-10-03'', ''separate''))'),
    -- focus_views.sql (1.1): utc_today reads the clock, gpu_first_day the
    -- register; focus_workload reads only its arguments
    ('tokcost.utc_today()', 'stable', 'called on null input', 'safe',
     'tokcost.utc_today() = (now() AT TIME ZONE ''UTC'')::date'),
    ('tokcost.gpu_first_day()', 'stable', 'called on null input', 'safe',
     'tokcost.gpu_first_day() - ''2017-01-01''::date'),
    ('tokcost.focus_workload(jsonb,jsonb)', 'immutable', 'called on null input', 'safe',
     'tokcost.focus_workload(''{"workload": "chat"}'', ''{"x_Team": "a"}'')'),
    -- partition_totals.sql (1.1): the query text reads the catalogs and the
    -- totals read the cost table, which may be a foreign table that only the
    -- leader process can scan
    ('tokcost.partition_lane_totals_query(regclass,name,name,name,name,text)', 'stable', 'called on null input', 'safe',
     'tokcost.partition_lane_totals_query(''public.audit_cost'', ''lane'', ''cost'', ''tokens'')'),
    ('tokcost.partition_lane_totals(regclass,name,name,name,name,text)', 'stable', 'called on null input', 'restricted',
     '(SELECT string_agg(format(''%s %s'', lane, total), ''; '' ORDER BY lane) FROM tokcost.partition_lane_totals(''public.audit_cost'', ''lane'', ''cost'', ''tokens''))');

CREATE TEMP VIEW actual_marking AS
SELECT p.oid::regprocedure::text AS signature,
       CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END AS volatility,
       CASE WHEN p.proisstrict THEN 'strict' ELSE 'called on null input' END AS strictness,
       CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END AS parallel
  FROM pg_depend d
  JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
 WHERE d.refclassid = 'pg_extension'::regclass
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tokcost')
   AND d.deptype = 'e';

-- Reads of tables outside the catalogs in this transaction so far, from the
-- statistics that the backend keeps for its open transaction.
CREATE FUNCTION pg_temp.table_reads() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::bigint
      FROM pg_stat_xact_all_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
       AND schemaname NOT LIKE 'pg\_temp%' AND schemaname NOT LIKE 'pg\_toast\_temp%'
$$;

CREATE FUNCTION pg_temp.reads_during(expression text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    before bigint := pg_temp.table_reads();
BEGIN
    EXECUTE 'SELECT ' || expression;
    RETURN pg_temp.table_reads() - before;
END
$$;

-- The value of an expression under the settings given as name => value
-- pairs, which are restored afterwards.
CREATE FUNCTION pg_temp.value_under(expression text, settings text[]) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    saved text[] := '{}';
    result text;
    i int;
BEGIN
    FOR i IN 1 .. coalesce(array_length(settings, 1), 0) BY 2 LOOP
        saved := saved || ARRAY[settings[i], current_setting(settings[i])];
        PERFORM set_config(settings[i], settings[i + 1], true);
    END LOOP;
    EXECUTE 'SELECT (' || expression || ')::text' INTO result;
    FOR i IN 1 .. coalesce(array_length(saved, 1), 0) BY 2 LOOP
        PERFORM set_config(saved[i], saved[i + 1], true);
    END LOOP;
    RETURN result;
END
$$;

-- Tuples written to tables outside the catalogs in this transaction so far,
-- and by an expression.
CREATE FUNCTION pg_temp.table_writes() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint
      FROM pg_stat_xact_all_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
       AND schemaname NOT LIKE 'pg\_temp%' AND schemaname NOT LIKE 'pg\_toast\_temp%'
$$;

CREATE FUNCTION pg_temp.writes_during(expression text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    before bigint := pg_temp.table_writes();
BEGIN
    EXECUTE 'SELECT ' || expression;
    RETURN pg_temp.table_writes() - before;
END
$$;

-- The error of an expression run where the planner puts every parallel
-- safe query into a parallel worker, or NULL when it runs there.  A scalar
-- subquery would be an InitPlan, which PostgreSQL 15 runs in the leader, so
-- an expression in parentheses that starts with SELECT runs as a query of
-- its own.
CREATE FUNCTION pg_temp.parallel_error(expression text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    setting text := CASE WHEN current_setting('server_version_num')::int >= 160000
                         THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END;
BEGIN
    PERFORM set_config(setting, 'on', true);
    IF expression ~ '^\(SELECT .*\)$' THEN
        EXECUTE substr(expression, 2, length(expression) - 2);
    ELSE
        EXECUTE 'SELECT (' || expression || ')::text';
    END IF;
    PERFORM set_config(setting, 'off', true);
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- A function marked parallel safe that a parallel worker cannot run, to
-- show that pg_temp.parallel_error really puts calls into a worker.
CREATE FUNCTION pg_temp.parallel_canary() RETURNS integer
LANGUAGE plpgsql PARALLEL SAFE AS $$
BEGIN
    PERFORM set_config('work_mem', '5MB', false);
    RETURN 1;
END
$$;

INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('audit', 'audit-model', 'input', 2, '2026-01-01'),
       ('audit', 'audit-model', 'output', 8, '2026-01-01');

-- Rows for the datacenter, FOCUS and partition samples.  The node is in
-- service on 1 October 2017, a day whose midnight America/Asuncion skipped
-- for daylight saving time.
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('audit-gpu', 'colo-gpu', 36000, '2017-09-01', 36);
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, facility_per_day, peak_tokens_per_second)
VALUES ('audit-gpu', '2017-09-01', 2, 1.5, 0.1, 5, 1000);
INSERT INTO tokcost.gpu_usage (node_id, workload, period_start, period_end, tokens)
VALUES ('audit-gpu', 'chat', '2017-09-30 00:00+00', '2017-10-01 00:00+00', 30000000),
       ('audit-gpu', 'batch', '2017-10-01 00:00+00', '2017-10-02 00:00+00', 20000000);
INSERT INTO tokcost.gpu_counter_sample (node_id, counter, sampled_at, value)
VALUES ('audit-gpu', 'vllm:generation_tokens_total', '2018-01-01 10:00+00', 100),
       ('audit-gpu', 'vllm:generation_tokens_total', '2018-01-01 11:00+00', 250);
CREATE TABLE public.audit_cost (lane text, cost numeric, tokens bigint) PARTITION BY LIST (lane);
CREATE TABLE public.audit_cost_api PARTITION OF public.audit_cost FOR VALUES IN ('cloud-api');
INSERT INTO public.audit_cost VALUES ('cloud-api', 1.5, 1000);
CREATE TEMP TABLE audit_lines (line_number bigint GENERATED ALWAYS AS IDENTITY, line text);
INSERT INTO audit_lines (line)
VALUES ('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd'),
       ('1.50,1.50,USD,Usage,2026-11-02,2026-11-03');

-- The stable functions that read tables or the clock but no setting.
CREATE TEMP VIEW settings_free AS
SELECT * FROM expected_marking
 WHERE signature ~ '^tokcost\.(gpu_node_day|gpu_focus_rows|gpu_idle|gpu_allocation|gpu_first_day|utc_today|partition_lane_totals|partition_lane_totals_query)\(';

SELECT plan((SELECT count(*)::int FROM expected_marking) + 35);

-- 1. The list and the extension name the same functions.
SELECT is(ARRAY(SELECT a.signature FROM actual_marking a
                 WHERE a.signature NOT IN (SELECT signature FROM expected_marking)
                 ORDER BY 1),
          ARRAY[]::text[],
          'every function is in the reviewed list (add each one listed here to expected_marking in test/pgtap/volatility.sql, with the marking its behaviour needs)');
SELECT is(ARRAY(SELECT e.signature FROM expected_marking e
                 WHERE e.signature NOT IN (SELECT signature FROM actual_marking)
                 ORDER BY 1),
          ARRAY[]::text[],
          'every function in the reviewed list exists');

-- 2. One check per function: its marking is the reviewed one.
SELECT is((SELECT format('%s, %s, parallel %s', a.volatility, a.strictness, a.parallel)
             FROM actual_marking a WHERE a.signature = e.signature),
          format('%s, %s, parallel %s', e.volatility, e.strictness, e.parallel),
          'marking of ' || e.signature)
  FROM expected_marking e
 ORDER BY e.signature;

-- 3. Behaviour: an immutable function reads no table ...
SELECT is(ARRAY(SELECT e.signature FROM expected_marking e
                 WHERE e.volatility = 'immutable' AND e.sample IS NOT NULL
                   AND pg_temp.reads_during(e.sample) > 0
                 ORDER BY 1),
          ARRAY[]::text[], 'no immutable function reads a table');
-- ... while the lookups and the datacenter functions do, which shows that
-- the reads are seen.
SELECT ok(pg_temp.reads_during(sample) > 0, signature || ' reads a table')
  FROM expected_marking
 WHERE signature ~ '^tokcost\.(api_rate|api_cost_by_model|gpu_node_day|gpu_focus_rows|gpu_idle|gpu_allocation|gpu_first_day|partition_lane_totals)\('
 ORDER BY signature;

-- ... and gives the same value whatever the session's settings.
SELECT is(ARRAY(SELECT e.signature FROM expected_marking e
                 WHERE e.volatility = 'immutable' AND e.sample IS NOT NULL
                   AND pg_temp.value_under(e.sample, ARRAY['TimeZone', 'UTC', 'DateStyle', 'ISO, MDY',
                           'extra_float_digits', '1', 'client_encoding', 'UTF8', 'search_path', 'public'])
                       IS DISTINCT FROM
                       pg_temp.value_under(e.sample, ARRAY['TimeZone', 'Asia/Kathmandu', 'DateStyle', 'SQL, DMY',
                           'extra_float_digits', '-3', 'client_encoding', 'LATIN1', 'search_path', 'pg_catalog',
                           'IntervalStyle', 'sql_standard', 'lc_monetary', 'C'])
                 ORDER BY 1),
          ARRAY[]::text[], 'no immutable function depends on a setting');
-- lane_total_send is stable because its bytes follow client_encoding.
SELECT isnt(pg_temp.value_under($$tokcost.lane_total_send(('(caf' || chr(233) || ',,1,1,1)')::tokcost.lane_total)$$,
                                ARRAY['client_encoding', 'UTF8']),
            pg_temp.value_under($$tokcost.lane_total_send(('(caf' || chr(233) || ',,1,1,1)')::tokcost.lane_total)$$,
                                ARRAY['client_encoding', 'LATIN1']),
            'lane_total_send depends on client_encoding');
-- The datacenter functions and the UTC day are stable for their tables and
-- the clock only: no zone moves a UTC day.  Kiritimati (UTC+14) and
-- Etc/GMT+12 (UTC-12) put the local date off the UTC date at every hour of
-- the day, and Asuncion skipped midnight on 1 October 2017.
SELECT is(ARRAY(SELECT DISTINCT e.signature
                  FROM settings_free e,
                       (VALUES ('America/Asuncion'), ('Pacific/Kiritimati'), ('Etc/GMT+12')) AS z (zone)
                 WHERE pg_temp.value_under(e.sample, ARRAY['TimeZone', 'UTC', 'DateStyle', 'ISO, MDY',
                           'IntervalStyle', 'postgres', 'extra_float_digits', '1', 'search_path', 'public'])
                       IS DISTINCT FROM
                       pg_temp.value_under(e.sample, ARRAY['TimeZone', z.zone, 'DateStyle', 'SQL, DMY',
                           'IntervalStyle', 'sql_standard', 'extra_float_digits', '-3', 'search_path', 'pg_catalog'])
                 ORDER BY 1),
          ARRAY[]::text[], 'no stable function that reads only tables or the clock depends on a setting');

-- 4. A function with an SQL-standard body calls nothing more volatile than
-- itself, or the planner would fold or inline a value that can change.  The
-- calls are read from the body's parse tree: functions, the functions
-- behind operators, and aggregates.
SELECT is(ARRAY(SELECT DISTINCT p.oid::regprocedure::text || ' calls ' || c.oid::regprocedure::text
                  FROM pg_proc p
                  JOIN actual_marking a ON a.signature = p.oid::regprocedure::text
                 CROSS JOIN LATERAL regexp_matches(p.prosqlbody::text,
                                                   ':(funcid|opfuncid|aggfnoid|winfnoid|opno) (\d+)', 'g') AS m
                  LEFT JOIN pg_operator o ON m[1] = 'opno' AND o.oid = m[2]::oid
                  JOIN pg_proc c ON c.oid = CASE WHEN m[1] = 'opno' THEN o.oprcode ELSE m[2]::oid END
                 WHERE p.prosqlbody IS NOT NULL
                   AND position(c.provolatile IN 'isv') > position(p.provolatile IN 'isv')
                 ORDER BY 1),
          ARRAY[]::text[], 'no SQL function calls a more volatile function');

-- 5. A function marked parallel safe runs in a parallel worker, which
-- refuses writes, settings and the leader's temporary tables.  The planner
-- folds an immutable call with constant arguments in the leader, so the
-- calls that reach the worker are those of the stable functions.
SELECT alike(pg_temp.parallel_error('pg_temp.parallel_canary()'), '25000: %',
            'a parallel worker runs the calls of these checks');
SELECT alike(pg_temp.parallel_error('(SELECT count(*) FROM generate_series(1, pg_temp.parallel_canary()))'),
             '25000: %', 'a parallel worker runs the queries of these checks');
SELECT is(ARRAY(SELECT e.signature || ' (' || pg_temp.parallel_error(e.sample) || ')'
                  FROM expected_marking e
                 WHERE e.parallel = 'safe' AND e.sample IS NOT NULL
                   AND pg_temp.parallel_error(e.sample) IS NOT NULL
                 ORDER BY 1),
          ARRAY[]::text[], 'every parallel safe function runs in a parallel worker');

-- 6. Only a volatile function writes, and each volatile one does.
SELECT is(ARRAY(SELECT e.signature FROM expected_marking e
                 WHERE e.volatility <> 'volatile' AND e.sample IS NOT NULL
                   AND pg_temp.writes_during(e.sample) > 0
                 ORDER BY 1),
          ARRAY[]::text[], 'no immutable or stable function writes a table');
SELECT ok(pg_temp.writes_during(sample) > 0, signature || ' writes a table')
  FROM expected_marking
 WHERE volatility = 'volatile' AND sample IS NOT NULL
 ORDER BY signature;

-- 7. A stable lookup returns a price that changed within the session, even
-- through a plan that PL/pgSQL caches and reuses.  Such a plan would have
-- folded an immutable call with constant arguments to a constant.
SET LOCAL plan_cache_mode = force_generic_plan;
CREATE FUNCTION pg_temp.audit_rate() RETURNS numeric
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN tokcost.api_rate('audit-model', 'input', '2026-03-01');
END
$$;
CREATE FUNCTION pg_temp.audit_cost() RETURNS numeric
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN tokcost.api_cost_by_model('audit-model', '2026-03-01', 1000000, 0);
END
$$;
SELECT is(pg_temp.audit_rate(), 2::numeric, 'api_rate before the price changes');
SELECT is(pg_temp.audit_cost(), 2::numeric, 'api_cost_by_model before the price changes');
UPDATE tokcost.api_price SET usd_per_mtok = 3
 WHERE model = 'audit-model' AND token_class = 'input';
SELECT is(pg_temp.audit_rate(), 3::numeric, 'api_rate sees the new price in the same session');
SELECT is(pg_temp.audit_cost(), 3::numeric, 'api_cost_by_model sees the new price in the same session');

-- The same for the datacenter and partition functions and the setting that
-- rewriting_history reads: each sample runs through a PL/pgSQL function of
-- its own, before and after what it reads changes.
CREATE TEMP TABLE cached_sample AS
SELECT signature, sample, 'cached_' || md5(signature) AS function_name,
       NULL::text AS before, NULL::text AS after
  FROM expected_marking
 WHERE signature ~ '^tokcost\.(gpu_node_day|gpu_focus_rows|gpu_idle|gpu_allocation|gpu_first_day|partition_lane_totals|partition_lane_totals_query|rewriting_history)\(';
CREATE FUNCTION pg_temp.cached_value(function_name text) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    result text;
BEGIN
    EXECUTE format('SELECT pg_temp.%I()', function_name) INTO result;
    RETURN result;
END
$$;
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT * FROM cached_sample LOOP
        EXECUTE format('CREATE FUNCTION pg_temp.%I() RETURNS text LANGUAGE plpgsql STABLE AS %L',
                       c.function_name, format('BEGIN RETURN (%s)::text; END', c.sample));
    END LOOP;
END
$$;
UPDATE cached_sample SET before = pg_temp.cached_value(function_name);
INSERT INTO tokcost.gpu_usage (node_id, workload, period_start, period_end, tokens)
VALUES ('audit-gpu', 'late', '2017-10-01 12:00+00', '2017-10-01 13:00+00', 5000000);
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('audit-gpu-early', 'self-hosted-gpu', 1000, '2017-08-01', 12);
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh, peak_tokens_per_second)
VALUES ('audit-gpu-early', '2017-08-01', 1, 1.2, 0.1, 100);
INSERT INTO public.audit_cost VALUES ('cloud-api', 2, 3000);
CREATE TABLE public.audit_cost_gpu PARTITION OF public.audit_cost FOR VALUES IN ('colo-gpu');
SET LOCAL tokcost.rewrite_history = on;
UPDATE cached_sample SET after = pg_temp.cached_value(function_name);
SET LOCAL tokcost.rewrite_history = off;
SELECT isnt(after, before, regexp_replace(signature, '\(.*', '') || ' sees the change in the same session')
  FROM cached_sample
 ORDER BY signature;

-- 8. PostgreSQL itself rejects a stable lookup where only immutable
-- functions may go.
SELECT throws_ok($$CREATE TEMP TABLE audit_usage (model text, tokens numeric,
                       cost numeric GENERATED ALWAYS AS
                           (tokcost.api_cost_by_model(model, '2026-03-01', tokens, 0)) STORED)$$,
                 '42P17', NULL, 'a price lookup cannot be a generated column');

SELECT * FROM finish();
ROLLBACK;
