-- Load the real FOCUS 1.0 sample (1,000 anonymised rows of AWS, Microsoft
-- and Oracle billing data) through psql's \copy and tokcost.load_focus_csv.
-- Check that every row is accounted for, and that the sums equal the file's
-- own, which test/focus_sums.pl computes from the raw text of the columns
-- with exact decimal arithmetic, independently of the loader.  Then mix the
-- sample with synthesized datacenter rows and check that the views keep the
-- lanes apart.
BEGIN;
SELECT plan(24);

-- The loader reads zone-less times as UTC whatever the session's zone.
SET LOCAL timezone = 'Pacific/Auckland';

-- test/focus_sums.pl reads the file's raw text with exact decimal sums.
\set file_figures `perl "$TOKCOST_ROOT/test/focus_sums.pl" "$TOKCOST_SHARED_DATA/focus-1.0-sample.csv"`
CREATE TEMP TABLE file_figures AS
SELECT split_part(:'file_figures', ' ', 1)::bigint AS records,
       split_part(:'file_figures', ' ', 2)::numeric AS billed,
       split_part(:'file_figures', ' ', 3)::numeric AS effective,
       split_part(:'file_figures', ' ', 4)::numeric AS list,
       split_part(:'file_figures', ' ', 5)::bigint AS tagged;

CREATE TEMP TABLE focus_lines (line_number bigint GENERATED ALWAYS AS IDENTITY, line text);
\copy focus_lines (line) FROM PROGRAM 'cat "$TOKCOST_SHARED_DATA/focus-1.0-sample.csv"' WITH (FORMAT csv, DELIMITER E'\x1f', QUOTE E'\x1e')

CREATE TEMP TABLE first_load AS
SELECT * FROM tokcost.load_focus_csv('focus_lines', 'focus-1.0-sample.csv');

SELECT is((SELECT records FROM file_figures), 1000::bigint, 'Perl reads 1,000 records in the file');
SELECT is((SELECT rows_read FROM first_load), (SELECT records FROM file_figures),
          'the loader reads as many records as the file has');
SELECT is((SELECT rows_loaded + rows_rejected FROM first_load), (SELECT rows_read FROM first_load),
          'rows loaded plus rows rejected equals rows read');
SELECT is((SELECT rows_rejected FROM first_load), 0::bigint, 'no row of the real sample is rejected');
SELECT is((SELECT count(*) FROM tokcost.focus_charge), 1000::bigint, 'all 1,000 rows are in tokcost.focus_charge');
SELECT is((SELECT (rows_read, rows_loaded, rows_rejected)::text FROM tokcost.focus_load),
          '(1000,1000,0)', 'the load is recorded with its counts');

SELECT is((SELECT sum(billedcost) FROM tokcost.focus_charge), (SELECT billed FROM file_figures),
          'sum(BilledCost) equals the file''s own sum to the last digit');
SELECT is((SELECT sum(billedcost)::text FROM tokcost.focus_charge), '20.52022672899',
          'and that sum is 20.52022672899');
SELECT is((SELECT sum(effectivecost) FROM tokcost.focus_charge), (SELECT effective FROM file_figures),
          'sum(EffectiveCost) equals the file''s own sum');
SELECT is((SELECT sum(listcost) FROM tokcost.focus_charge), (SELECT list FROM file_figures),
          'sum(ListCost) equals the file''s own sum');

SELECT is((SELECT count(*) FROM tokcost.focus_charge WHERE chargefrequency = 'Usage-Based'), 999::bigint,
          'Usage-based in odd casing is read as the FOCUS value Usage-Based');
SELECT is((SELECT count(*) FROM tokcost.focus_charge
            WHERE 'NULL' IN (availabilityzone, chargeclass, commitmentdiscountid, resourcename)),
          0::bigint, 'the literal NULL is a missing value, not the text NULL');
SELECT is((SELECT count(*) FROM tokcost.focus_charge WHERE tags IS NOT NULL), (SELECT tagged FROM file_figures),
          'every Tags value that is not NULL is a JSON object');
SELECT is((SELECT min(chargeperiodstart) FROM tokcost.focus_charge), '2024-09-01 00:00:00+00'::timestamptz,
          'a time with no zone is read as UTC, in a session whose zone is not UTC');
SELECT is((SELECT count(*) FROM tokcost.focus_charge WHERE x_columns ? 'Id'), 1000::bigint,
          'the column Id, which is not a FOCUS column, is kept in x_columns');
SELECT is((SELECT other_columns FROM tokcost.focus_load), ARRAY['Id'],
          'and the load lists it as such');
SELECT is((SELECT sum(effectivecost) FROM tokcost.focus_charge WHERE chargecategory = 'Credit'), -3::numeric,
          'the credit keeps its negative EffectiveCost');

-- Loading the same file again with replace => true replaces the first load.
CREATE TEMP TABLE second_load AS
SELECT * FROM tokcost.load_focus_csv('focus_lines', 'focus-1.0-sample.csv', replace => true);
SELECT is((SELECT count(*) FROM tokcost.focus_charge), 1000::bigint,
          'a replacing load of the same source does not double the rows');
SELECT is((SELECT replaced_by FROM tokcost.focus_load WHERE load_id = (SELECT load_id FROM first_load)),
          (SELECT load_id FROM second_load), 'and the first load is marked as replaced');

-- The sample has no token rows and no lane.  Tag its AI rows as the cloud
-- lane, register a colocated GPU node, and read both lanes from one table.
UPDATE tokcost.focus_charge SET x_tokensource = 'cloud-api'
 WHERE servicecategory = 'AI and Machine Learning';
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months, retired_on)
VALUES ('sample-gpu', 'colo-gpu', 300000, '2024-09-01', 36, '2024-10-01');
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh,
                                   facility_per_day, peak_tokens_per_second)
VALUES ('sample-gpu', '2024-09-01', 9.33, 1.5, 0.12, 25, 8680.56);
INSERT INTO tokcost.gpu_usage (node_id, period_start, period_end, tokens)
VALUES ('sample-gpu', '2024-09-18', '2024-09-19', 150000000);

SELECT is((SELECT array_agg(DISTINCT x_rowsource ORDER BY x_rowsource) FROM tokcost.focus_cost
            WHERE x_tokensource IS NOT NULL),
          ARRAY['ingested', 'synthesized'], 'one FOCUS view holds ingested and synthesized rows');
SELECT is((SELECT count(*) FROM tokcost.focus_cost WHERE x_rowsource = 'synthesized'), 30::bigint,
          'one synthesized row per day of September for the node');
SELECT is((SELECT round(cost_per_mtok, 4) FROM tokcost.lane_daily
            WHERE day = '2024-09-18' AND x_tokensource = 'colo-gpu'), 2.2606,
          'the lane report gives the colo-gpu lane its own $/Mtok');
SELECT is((SELECT array_agg(x_tokensource ORDER BY x_tokensource) FROM tokcost.lane_monthly
            WHERE month = '2024-09-01'),
          ARRAY['cloud-api', 'colo-gpu'], 'the monthly report has one row per lane');
SELECT throws_ok($$SELECT tokcost.lane_cost_per_mtok(x_tokensource, effectivecost, x_tokens)
                     FROM tokcost.focus_cost WHERE x_tokensource IS NOT NULL$$,
                 'TC001', NULL, 'one $/Mtok over both lanes of the FOCUS view is refused');

SELECT * FROM finish();
ROLLBACK;
