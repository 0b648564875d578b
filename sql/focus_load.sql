-- Loading FOCUS CSV exports: what real exports contain, rejects with line,
-- column and reason, and the accounting of every record.
SET timezone = 'America/New_York';
\set SHOW_CONTEXT never

-- Safe casts: NULL for text they cannot read, never an error.
SELECT v, tokcost.focus_numeric(v)
  FROM (VALUES ('1.50'), (' -0.25 '), ('+3'), ('1e-3'), ('2.5E+2'), ('.5'), ('5.'),
               ('abc'), ('NaN'), ('Infinity'), ('1,000'), ('$1'), ('1e99999'), ('--1'), ('')) AS t (v);
SELECT v, tokcost.focus_timestamptz(v)
  FROM (VALUES ('2024-09-18 22:00:00'), ('2024-09-18T22:00:00Z'), ('2024-09-18T22:00:00.0000000Z'),
               ('2024-09-18T22:00:00.1234565Z'), ('2024-09-18 22:00:00+02:00'), ('2024-09-18 22:00:00 -0530'),
               ('2024-09-18'), ('2024-09-18 22:00'), ('2024-09-18 24:00:00'), ('2024-09-18 22:00:00 UTC'),
               ('2024-02-29 00:00:00'), ('2023-02-29 00:00:00'), ('2024-09-31'), ('2024-13-01'),
               ('2024-09-18 24:00:01'), ('2024-09-18 22:60:00'), ('18/09/2024'), ('2024-9-18'),
               ('2024-09-18 22:00:00 Europe/Paris')) AS t (v);
SELECT v, tokcost.focus_jsonb(v)
  FROM (VALUES ('{"team": "a"}'), ('  {}'), ('[1, 2]'), ('"text"'), ('{not json}'),
               ('{"a": "\u0000"}'), ('{"a": 1')) AS t (v);
SELECT tokcost.csv_split('a,"b,c","d ""e""",,NULL,"NULL",""') AS fields;
SELECT tokcost.csv_split(E'"multi\nline",x') AS fields;
SELECT r, tokcost.csv_split(r) AS fields, tokcost.csv_problem(r) AS problem
  FROM (VALUES ('a,"b'), ('a,"b"c'), ('a,b"c'), (E'\xEF\xBB\xBFBilledCost,x')) AS t (r);

-- A small export: every kind of value real exports contain, and bad rows.
CREATE TEMP TABLE focus_lines (line_number bigint GENERATED ALWAYS AS IDENTITY, line text);
\copy focus_lines (line) FROM STDIN WITH (FORMAT csv, DELIMITER E'\x1f', QUOTE E'\x1e')
BilledCost,EffectiveCost,ListCost,BillingCurrency,ChargeCategory,ChargeClass,ChargePeriodStart,ChargePeriodEnd,ConsumedQuantity,ConsumedUnit,PricingQuantity,PricingUnit,ServiceCategory,Tags,x_TokenSource,x_Team,Extra
1.50,1.50,2.00,USD,usage,NULL,2026-11-02 00:00:00,2026-11-03 00:00:00,1500000,Tokens,1500,1K Tokens,AI and machine learning,"{""workload"": ""chat""}",cloud-api,alpha,e1
abc,1.50,2.00,USD,Usage,NULL,2026-11-02 00:00:00,2026-11-03 00:00:00,1,Tokens,1,Tokens,Compute,NULL,cloud-api,alpha,
1.00,1.00,1.00,USD,Usage,NULL,2026-11-31 00:00:00,2026-12-01 00:00:00,1,Tokens,1,Tokens,Compute,NULL,cloud-api,,
1.00,1.00,1.00,USD,Refund,NULL,2026-11-02T00:00:00Z,2026-11-03T00:00:00Z,1,Tokens,1,Tokens,Compute,NULL,cloud-api,,
-0.25,-0.25,0,usd,Credit,,2026-11-02T00:00:00+00:00,2026-11-03T00:00:00+00:00,NULL,NULL,NULL,NULL,AI and Machine Learning,NULL,cloud-api,,

1,2,3,USD,Usage
1.00,1.00,1.00,USD,Usage,NULL,2026-11-02 00:00:00,2026-11-02 00:00:00,1,Tokens,1,Tokens,Compute,NULL,cloud-api,,
0.10,0.10,0.10,USD,Tax,NULL,2026-11-02 00:00:00,2026-11-03 00:00:00,NULL,NULL,NULL,NULL,Other,"{not json}",cloud-api,,
0.10,0.10,0.10,USD,Usage,Correction,2026-11-02 00:00:00.1234567,2026-11-03 00:00:00,1,Tokens,1,Tokens,Other,"{""a"":
""two lines""}",cloud-api,beta,"x ""q"" y"
NULL,1.00,1.00,USD,Usage,NULL,2026-11-02,2026-11-03,1,Tokens,1,Tokens,Compute,NULL,cloud-api,,
1.00,1.00,1.00,EURO,Usage,NULL,2026-11-02,2026-11-03,1,Tokens,1,Tokens,Compute,NULL,cloud-api,,
1.00,1.00,1.00,USD,Usage,NULL,2026-11-02,2026-11-03,1,Tokens,1,Tokens,Compute,NULL,cloud-api,,"never closed
\.
SELECT * FROM tokcost.load_focus_csv('focus_lines', 'small.csv');
SELECT line_number, column_name, reason FROM tokcost.focus_reject ORDER BY line_number;
SELECT line_number, billedcost, billingcurrency, chargecategory, chargeclass, chargeperiodstart,
       servicecategory, tags, x_tokensource, x_tokens, x_columns
  FROM tokcost.focus_charge ORDER BY line_number;
SELECT source, rows_read, rows_loaded, rows_rejected, other_columns FROM tokcost.focus_load;

-- A file without x_TokenSource takes the default lane; loading a source
-- again with replace => true replaces its rows.
TRUNCATE focus_lines;
\copy focus_lines (line) FROM STDIN WITH (FORMAT csv, DELIMITER E'\x1f', QUOTE E'\x1e')
BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,PricingQuantity,PricingUnit
2.00,2.00,USD,Usage,2026-11-02,2026-11-03,2,1M Tokens
\.
SELECT rows_read, rows_loaded, rows_rejected FROM tokcost.load_focus_csv('focus_lines', 'small.csv', default_token_source => 'cloud-api', replace => true);
SELECT line_number, billedcost, x_tokensource, x_tokens FROM tokcost.focus_charge ORDER BY load_id, line_number;
SELECT load_id, source, replaced_by FROM tokcost.focus_load ORDER BY load_id;

-- A file the loader cannot read at all is refused before anything is written.
TRUNCATE focus_lines;
INSERT INTO focus_lines (line) VALUES ('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory');
SELECT * FROM tokcost.load_focus_csv('focus_lines', 'no-periods.csv');
TRUNCATE focus_lines;
INSERT INTO focus_lines (line)
VALUES ('BilledCost,billedcost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd');
SELECT * FROM tokcost.load_focus_csv('focus_lines', 'twice.csv');
TRUNCATE focus_lines;
INSERT INTO focus_lines (line) VALUES ('BilledCost,"EffectiveCost');
SELECT * FROM tokcost.load_focus_csv('focus_lines', 'broken-header.csv');
TRUNCATE focus_lines;
SELECT * FROM tokcost.load_focus_csv('focus_lines', 'empty.csv');
CREATE TEMP TABLE not_lines (line text);
SELECT * FROM tokcost.load_focus_csv('not_lines', 'x.csv');
SELECT * FROM tokcost.load_focus_csv('focus_lines', NULL);
SELECT * FROM tokcost.load_focus_csv('focus_lines', 'x.csv', default_token_source => '');
SELECT count(*) AS loads FROM tokcost.focus_load;

-- A quote inside an unquoted value opens no field: that record alone is
-- rejected, and the quoted field over two lines after it still loads.
TRUNCATE focus_lines;
INSERT INTO focus_lines (line) VALUES
    ('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,ChargeDescription'),
    ('1,1,USD,Usage,2026-11-02,2026-11-03,row 2'),
    ('1,1,USD,Usage,2026-11-02,2026-11-03,a 3" rack'),
    ('1,1,USD,Usage,2026-11-02,2026-11-03,"two'),
    ('lines"'),
    ('1,1,USD,Usage,2026-11-02,2026-11-03,row 6');
SELECT rows_read, rows_loaded, rows_rejected FROM tokcost.load_focus_csv('focus_lines', 'stray-quote.csv');
SELECT line_number, reason, record FROM tokcost.focus_reject
 WHERE load_id = (SELECT max(load_id) FROM tokcost.focus_load);
SELECT chargedescription FROM tokcost.focus_charge
 WHERE load_id = (SELECT max(load_id) FROM tokcost.focus_load) ORDER BY line_number;

-- A replacing load needs READ COMMITTED, where it reads every load of the
-- source committed before it.  An appending load runs at any level.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT rows_loaded FROM tokcost.load_focus_csv('focus_lines', 'small.csv', replace => true);
ROLLBACK;
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT rows_loaded FROM tokcost.load_focus_csv('focus_lines', 'appended.csv');
ROLLBACK;


-- Leave the shared regression database as it was.
SET client_min_messages = warning;
TRUNCATE tokcost.focus_load CASCADE;
