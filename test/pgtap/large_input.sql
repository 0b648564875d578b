-- Inputs of a hundred megabytes and more, which bad_input.sql leaves out
-- because test/valgrind/run.sh runs it under valgrind, where each of these
-- would take minutes.  Each case expects a value, never XX000.
BEGIN;
SET LOCAL search_path = public;
SELECT plan(5);

-- A CSV record of 134,217,728 empty fields, one more than the maximum size
-- of an array (MaxArraySize).  Splitting it used to double its arrays past
-- the largest allocation PostgreSQL makes and raise XX000.
CREATE TEMP TABLE huge_record AS SELECT repeat(',', 134217727) AS record;

SELECT is((SELECT tokcost.csv_split(record) IS NULL FROM huge_record), true,
          'csv_split of more fields than an array holds');
SELECT is((SELECT tokcost.csv_problem(record) FROM huge_record),
          'field 134217728 is past the 134217727 fields that an array can hold',
          'csv_problem of more fields than an array holds');

-- The loader rejects such a record as data and loads the rest.
CREATE TEMP TABLE huge_lines (line_number bigint GENERATED ALWAYS AS IDENTITY, line text);
INSERT INTO huge_lines (line)
VALUES ('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd');
INSERT INTO huge_lines (line) SELECT record FROM huge_record;
INSERT INTO huge_lines (line) VALUES ('1,1,USD,Usage,2026-01-01,2026-01-02');
CREATE TEMP TABLE huge_load AS SELECT * FROM tokcost.load_focus_csv('huge_lines', 'huge.csv');

SELECT is((SELECT row(rows_read, rows_loaded, rows_rejected)::text FROM huge_load), '(2,1,1)',
          'load_focus_csv loads around a record of too many fields');
SELECT is((SELECT reason FROM tokcost.focus_reject r JOIN huge_load l USING (load_id)),
          'field 134217728 is past the 134217727 fields that an array can hold',
          'load_focus_csv gives the reason for the rejected record');
SELECT is((SELECT line_number FROM tokcost.focus_reject r JOIN huge_load l USING (load_id)), 2::bigint,
          'load_focus_csv names the line of the rejected record');

SELECT * FROM finish();
ROLLBACK;
