-- The lane_total type: text form, accessors, comparison, hashing, binary I/O.

-- Text input and output round-trip, scale and quoting included.
SELECT '(cloud-api,USD,4.920000,1600000,3)'::tokcost.lane_total;
SELECT '(self-hosted-gpu,,339.105078713210130,150000000,1)'::tokcost.lane_total;
SELECT '(colo-gpu,EUR,-0.50,0,2)'::tokcost.lane_total;
SELECT '("lane, with (odd) \"chars\"",,1,2,3)'::tokcost.lane_total;
SELECT '("a ""quoted"" lane",,1,2,3)'::tokcost.lane_total;
SELECT '(cloud-api,,,,7)'::tokcost.lane_total;
SELECT '  ( cloud-api ,USD, 1.5e3 , 2E-2 ,1)  '::tokcost.lane_total;
SELECT '(cloud-api,USD,123456789012345678901234567890.123456789,1,1)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1e60,1,1)'::tokcost.lane_total;
SELECT v::text::tokcost.lane_total::text = v::text AS round_trips
  FROM (VALUES ('(cloud-api,USD,4.920000,1600000,3)'::tokcost.lane_total),
               ('("x y",,,,1)'),
               ('(cloud-api,USD,1e60,1.000000000000000000000000000000000000001,1)'),
               ('(cloud-api,USD,-0.000000000000000000000000000000000000000000001,1,1)')) t(v);

-- Accessors.
SELECT tokcost.lane(v), tokcost.currency(v), tokcost.cost(v), tokcost.tokens(v),
       tokcost.rows(v), tokcost.cost_per_mtok(v)
  FROM (VALUES ('(cloud-api,USD,4.92,1600000,3)'::tokcost.lane_total),
               ('(cloud-api,,4.92,0,3)'),
               ('(cloud-api,,,100,3)'),
               ('(cloud-api,,-4.92,1600000,3)')) t(v);
SELECT tokcost.cost_per_mtok('(cloud-api,,4.92,-100,3)'::tokcost.lane_total);

-- Malformed text input.
SELECT ''::tokcost.lane_total;
SELECT 'cloud-api,USD,1,2,3'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,3,4)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,3) x'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,3'::tokcost.lane_total;
SELECT '(,USD,1,2,3)'::tokcost.lane_total;
SELECT '("",USD,1,2,3)'::tokcost.lane_total;
SELECT '(cloud-api,usd,1,2,3)'::tokcost.lane_total;
SELECT '(cloud-api,US,1,2,3)'::tokcost.lane_total;
SELECT '(cloud-api,USD,abc,2,3)'::tokcost.lane_total;
SELECT '(cloud-api,USD,NaN,2,3)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,Infinity,3)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,0)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,-1)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,1.5)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,99999999999999999999)'::tokcost.lane_total;
SELECT '(cloud-api,USD,1,2,3\'::tokcost.lane_total;
SELECT ('(' || repeat('x', 256) || ',USD,1,2,3)')::tokcost.lane_total;
SELECT length(tokcost.lane(('(' || repeat('x', 255) || ',USD,1,2,3)')::tokcost.lane_total));

-- Equality compares sums by value; ordering is lane, currency, cost, tokens,
-- rows.  The operators live in schema tokcost, like the rest of the extension.
SELECT '(a,,1.5,10,1)'::tokcost.lane_total OPERATOR(tokcost.=) '(a,,1.50,10,1)' AS qualified;
SET search_path = tokcost, public;
SELECT '(a,,1.5,10,1)'::tokcost.lane_total = '(a,,1.50,10,1)' AS equal_by_value;
SELECT '(a,,1.5,10,1)'::tokcost.lane_total = '(a,,1.5,10,2)' AS rows_differ;
SELECT '(a,,1.5,10,1)'::tokcost.lane_total = '(a,USD,1.5,10,1)' AS currency_differs;
SELECT '(a,,1.5,10,1)'::tokcost.lane_total <> '(b,,1.5,10,1)' AS lanes_differ;
SELECT v FROM (VALUES ('(b,,1,1,1)'::tokcost.lane_total), ('(a,USD,1,1,1)'),
                      ('(a,,2,1,1)'), ('(a,,,1,1)'), ('(a,,1,,1)'), ('(a,,1,1,2)'),
                      ('(a,,1e50,1,1)'), ('(a,,-1e50,1,1)'), ('(a,,1,1,1)')) t(v)
 ORDER BY v;
SELECT tokcost.lane_total_hash('(a,,1.5,10,1)') = tokcost.lane_total_hash('(a,,1.500,10,1)')
    AS hash_ignores_scale;
SELECT tokcost.lane_total_hash('(a,,1e40,10,1)')
       = tokcost.lane_total_hash('(a,,10000000000000000000000000000000000000000.00,10,1)')
    AS hash_of_wide_values;
SELECT tokcost.lane_total_hash_extended('(a,,1.5,10,1)', 0) & 4294967295
       = tokcost.lane_total_hash('(a,,1.5,10,1)')::bigint & 4294967295 AS extended_hash_agrees;

-- GROUP BY, DISTINCT, indexes and joins through the operator classes.
CREATE TABLE lane_totals (id int, total tokcost.lane_total);
INSERT INTO lane_totals VALUES
    (1, '(cloud-api,USD,1.5,10,1)'), (2, '(cloud-api,USD,1.50,10,1)'),
    (3, '(colo-gpu,USD,2,20,1)'), (4, '(colo-gpu,USD,2,20,1)');
SELECT count(DISTINCT total) FROM lane_totals;
SET enable_hashagg = off;
SELECT total, count(*) FROM lane_totals GROUP BY total ORDER BY total;
RESET enable_hashagg;
SET enable_sort = off;
SELECT total, count(*) FROM lane_totals GROUP BY total ORDER BY 2, 1;
RESET enable_sort;
CREATE UNIQUE INDEX lane_totals_total_idx ON lane_totals (total) WHERE id IN (1, 3);
CREATE INDEX lane_totals_hash_idx ON lane_totals USING hash (total);
SET enable_seqscan = off;
SELECT id FROM lane_totals WHERE total = '(colo-gpu,USD,2.000,20,1)' ORDER BY id;
RESET enable_seqscan;
SELECT a.id, b.id FROM lane_totals a JOIN lane_totals b USING (total) WHERE a.id < b.id ORDER BY 1, 2;

-- Binary send and receive through COPY BINARY.
CREATE TEMP TABLE binary_copy (total tokcost.lane_total);
\copy (SELECT total FROM lane_totals ORDER BY id) TO 'results/lane_totals.bin' (FORMAT binary)
\copy binary_copy FROM 'results/lane_totals.bin' (FORMAT binary)
SELECT total::text FROM binary_copy;
SELECT tokcost.lane_total_send('(cloud-api,USD,4.92,1600000,3)');
SELECT tokcost.lane_total_send('(x,,,,1)');

-- Values never exceed a page: a cost sum of more than 2,000 digits is out of
-- range, while a wide value with few significant digits fits.
SELECT ('(a,,' || repeat('7', 2100) || ',1,1)')::tokcost.lane_total;
SELECT length(tokcost.cost(('(a,,' || repeat('7', 1900) || ',1,1)')::tokcost.lane_total)::text);
SELECT length(tokcost.cost(('(a,,1' || repeat('0', 2100) || ',1,1)')::tokcost.lane_total)::text);


DROP TABLE lane_totals;
RESET search_path;
