-- Turn the timings and checks that bench/run collected into the Markdown
-- tables of bench/RESULTS.md.  Run with psql -A -t: every output row is
-- one line of the page.

-- Medians of the timed runs (round 0 is the warm-up).
CREATE TEMP VIEW medians AS
SELECT rows, block, grouped_by, workers, query,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
  FROM timings WHERE round > 0
 GROUP BY rows, block, grouped_by, workers, query;

-- Ratios of two queries within each round, then the median over rounds.
CREATE TEMP VIEW paired AS
SELECT a.rows, a.block, a.grouped_by, a.workers, a.query AS numerator,
       b.query AS denominator,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ms / b.ms) AS ratio
  FROM timings a
  JOIN timings b USING (rows, block, grouped_by, workers, round)
 WHERE a.round > 0
 GROUP BY a.rows, a.block, a.grouped_by, a.workers, a.query, b.query;

CREATE TEMP VIEW aggregate_rows AS
SELECT m.rows, m.grouped_by, m.workers,
       max(m.ms) FILTER (WHERE m.query = 'count') AS count_ms,
       max(m.ms) FILTER (WHERE m.query = 'sum') AS sum_ms,
       max(m.ms) FILTER (WHERE m.query = 'guard') AS guard_ms,
       max(m.ms) FILTER (WHERE m.query = 'per_mtok') AS per_mtok_ms,
       max(m.ms) FILTER (WHERE m.query = 'per_mtok_float8') AS float8_ms,
       max(m.ms) FILTER (WHERE m.query = 'lane_sum') AS lane_sum_ms,
       (SELECT ratio FROM paired p WHERE (p.rows, p.block, p.grouped_by, p.workers) = (m.rows, 'aggregate', m.grouped_by, m.workers)
           AND p.numerator = 'per_mtok' AND p.denominator = 'sum') AS vs_sum,
       (SELECT ratio FROM paired p WHERE (p.rows, p.block, p.grouped_by, p.workers) = (m.rows, 'aggregate', m.grouped_by, m.workers)
           AND p.numerator = 'per_mtok' AND p.denominator = 'count') AS vs_count,
       (SELECT ratio FROM paired p WHERE (p.rows, p.block, p.grouped_by, p.workers) = (m.rows, 'aggregate', m.grouped_by, m.workers)
           AND p.numerator = 'per_mtok_float8' AND p.denominator = 'per_mtok') AS float8_vs_numeric
  FROM medians m
 WHERE m.block = 'aggregate'
 GROUP BY m.rows, m.grouped_by, m.workers;

CREATE TEMP VIEW verdicts AS
SELECT *,
       concat_ws(', ',
                 CASE WHEN vs_sum > 1.0 THEN format('per_mtok / sum over by %s%%', round(((vs_sum - 1.0) * 100)::numeric, 1)) END,
                 CASE WHEN vs_count > 1.5 THEN format('per_mtok / count over by %s%%', round(((vs_count / 1.5 - 1.0) * 100)::numeric, 1)) END,
                 CASE WHEN float8_vs_numeric > 1.0 THEN format('float8 slower by %s%%', round(((float8_vs_numeric - 1.0) * 100)::numeric, 1)) END) AS misses
  FROM aggregate_rows;

CREATE FUNCTION pg_temp.check_value(size bigint, check_name text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT value FROM checks WHERE rows = size AND name = check_name
$$;

CREATE FUNCTION pg_temp.grouping_label(grouped_by text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE grouped_by WHEN 'lane' THEN 'by lane' WHEN 'day' THEN 'by day'
                         WHEN 'lane_day' THEN 'by lane and day' ELSE grouped_by END
$$;

CREATE FUNCTION pg_temp.grouping_order(grouped_by text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE grouped_by WHEN 'lane' THEN 1 WHEN 'day' THEN 2 ELSE 3 END
$$;

-- Summary of the targets over every size.
SELECT '## Targets';
SELECT '';
SELECT format('%s of %s groupings meet all three targets.',
              count(*) FILTER (WHERE misses = ''), count(*))
  FROM verdicts;
SELECT '';
SELECT format('- %s rows, %s, %s workers: %s', to_char(rows, 'FM999,999,999'),
              pg_temp.grouping_label(grouped_by), workers, misses)
  FROM verdicts WHERE misses <> ''
 ORDER BY rows, workers, pg_temp.grouping_order(grouped_by);
SELECT '';

-- One section per table size.
SELECT line FROM (
    SELECT rows, 0 AS part, 0 AS sort, format(E'## %s rows\n\nThe table is %s and took %s s to build; load average %s before the timings, %s after.\n\n### Aggregating the rows\n\n| grouping | workers | count | sum | guard | per_mtok | float8 | lane_sum | per_mtok / sum | per_mtok / count | float8 / per_mtok | targets |\n|---|---|---|---|---|---|---|---|---|---|---|---|',
                  to_char(rows, 'FM999,999,999'), pg_temp.check_value(rows, 'table_size'),
                  pg_temp.check_value(rows, 'load_seconds'), pg_temp.check_value(rows, 'load_before'),
                  pg_temp.check_value(rows, 'load_after')) AS line
      FROM (SELECT DISTINCT rows FROM timings) AS sizes
    UNION ALL
    SELECT rows, 1, workers * 10 + pg_temp.grouping_order(grouped_by),
           format('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |',
                  pg_temp.grouping_label(grouped_by),
                  CASE WHEN workers = 0 THEN 'serial'
                       ELSE format('%s (%s launched)', workers,
                                   coalesce(pg_temp.check_value(rows, 'workers_' || grouped_by), '?')) END,
                  round(count_ms::numeric), round(sum_ms::numeric), round(guard_ms::numeric),
                  round(per_mtok_ms::numeric), round(float8_ms::numeric), round(lane_sum_ms::numeric),
                  round(vs_sum::numeric, 2), round(vs_count::numeric, 2), round(float8_vs_numeric::numeric, 2),
                  CASE WHEN misses = '' THEN 'met' ELSE 'missed: ' || misses END)
      FROM verdicts
    UNION ALL
    SELECT rows, 2, 0, format(E'\n### Rolling up stored lane_total values\n\n`lane_rollup` holds %s rows, one `lane_sum` per day, lane and account, with plain `sum(cost)` and `sum(tokens)` columns beside it. Rolled up by lane, its totals equal the rows'' sums: %s. The rollup query is `tokcost.lane_sum(total)`; count and sum read the same table.\n\n| grouping | workers | count | sum | rollup | rollup / sum | rollup / count |\n|---|---|---|---|---|---|---|',
                              pg_temp.check_value(rows, 'rollup_rows'), pg_temp.check_value(rows, 'rollup_equal'))
      FROM (SELECT DISTINCT rows FROM timings WHERE block = 'rollup') AS sizes
    UNION ALL
    SELECT m.rows, 3, m.workers * 10 + pg_temp.grouping_order(m.grouped_by),
           format('| %s | %s | %s | %s | %s | %s | %s |',
                  pg_temp.grouping_label(m.grouped_by),
                  CASE WHEN m.workers = 0 THEN 'serial' ELSE m.workers::text END,
                  round((max(m.ms) FILTER (WHERE m.query = 'count'))::numeric),
                  round((max(m.ms) FILTER (WHERE m.query = 'sum'))::numeric),
                  round((max(m.ms) FILTER (WHERE m.query = 'rollup'))::numeric),
                  (SELECT round(ratio::numeric, 2) FROM paired p WHERE (p.rows, p.block, p.grouped_by, p.workers) = (m.rows, 'rollup', m.grouped_by, m.workers)
                      AND p.numerator = 'rollup' AND p.denominator = 'sum'),
                  (SELECT round(ratio::numeric, 2) FROM paired p WHERE (p.rows, p.block, p.grouped_by, p.workers) = (m.rows, 'rollup', m.grouped_by, m.workers)
                      AND p.numerator = 'rollup' AND p.denominator = 'count'))
      FROM medians m WHERE m.block = 'rollup'
     GROUP BY m.rows, m.grouped_by, m.workers
    UNION ALL
    SELECT rows, 4, 0, E'\n### Rolling 7-day window\n\nThe cloud-api lane''s rows, `ORDER BY day, id ROWS BETWEEN 6 PRECEDING AND CURRENT ROW`, serial, work_mem 2GB so that the sort stays in memory. window_sum is `sum(cost) OVER w / nullif(sum(tokens) OVER w, 0) * 1000000`; window_per_mtok is `tokcost.lane_cost_per_mtok(lane, cost, tokens) OVER w`. Both queries sort the rows first, which costs more per row as the table grows. That the aggregate''s own work is linear in the rows, whatever the frame width, is checked by `test/pgtap/window_frames.sql`, which counts the argument evaluations.\n\n| query | ms | ns per row | window_per_mtok / window_sum |\n|---|---|---|---|'
      FROM (SELECT DISTINCT rows FROM timings WHERE block = 'window') AS sizes
    UNION ALL
    SELECT m.rows, 5, CASE m.query WHEN 'window_sum' THEN 1 ELSE 2 END,
           format('| %s | %s | %s | %s |', m.query, round(m.ms::numeric),
                  round((m.ms * 1e6 / (m.rows / 3.0))::numeric),
                  CASE WHEN m.query = 'window_per_mtok' THEN
                       (SELECT round(ratio::numeric, 2) FROM paired p WHERE (p.rows, p.block) = (m.rows, 'window')
                           AND p.numerator = 'window_per_mtok' AND p.denominator = 'window_sum')::text
                       ELSE '' END)
      FROM medians m WHERE m.block = 'window'
    UNION ALL
    SELECT rows, 6, 0, format(E'\n### Hash aggregate memory\n\n`lane_sum` and `lane_cost_per_mtok` grouped by day, lane and account: %s groups, serial, sort disabled so that the plan is a hash aggregate. The executor''s figures (strategy, peak memory in kB, batches, disk kB, the planner''s estimate of the groups):\n\n| work_mem | strategy, peak kB, batches, disk kB, estimated groups |\n|---|---|\n| 1GB | %s |\n| 64kB | %s |\n\nThe 64kB run spills to disk and gives the same result, digit for digit: %s.',
                              pg_temp.check_value(rows, 'memory_groups'), pg_temp.check_value(rows, 'memory_in_memory'),
                              pg_temp.check_value(rows, 'memory_spilled'), pg_temp.check_value(rows, 'spill_identical'))
      FROM (SELECT DISTINCT rows FROM checks WHERE name = 'memory_groups') AS sizes
    UNION ALL
    SELECT rows, 7, 0, '' FROM (SELECT DISTINCT rows FROM timings) AS sizes
) AS page
ORDER BY rows, part, sort;

-- Memory against table size.  The hash table's bucket array is sized from
-- the planner's estimate of the groups, which grows with the table even
-- when the groups do not, so count(*) over the same grouping is measured
-- too, and the aggregates' own memory is the difference.
SELECT E'## Memory against table size\n\nThe hash table\'s bucket array is sized from the planner\'s estimate of the number of groups, which grows with the table even when the groups stay the same, so `count(*)` over the same grouping is measured too. The memory that the lane aggregates\' transition states take is the difference.\n\n| rows | groups | estimated groups | peak kB | peak kB of count(*) | transition states kB | peak kB at 64kB | batches at 64kB | same result spilled |\n|---|---|---|---|---|---|---|---|---|';
SELECT format('| %s | %s | %s | %s | %s | %s | %s | %s | %s |', to_char(rows, 'FM999,999,999'),
              pg_temp.check_value(rows, 'memory_groups'),
              split_part(pg_temp.check_value(rows, 'memory_in_memory'), ',', 5),
              split_part(pg_temp.check_value(rows, 'memory_in_memory'), ',', 2),
              split_part(pg_temp.check_value(rows, 'memory_count'), ',', 2),
              split_part(pg_temp.check_value(rows, 'memory_in_memory'), ',', 2)::bigint
              - split_part(pg_temp.check_value(rows, 'memory_count'), ',', 2)::bigint,
              split_part(pg_temp.check_value(rows, 'memory_spilled'), ',', 2),
              split_part(pg_temp.check_value(rows, 'memory_spilled'), ',', 3),
              pg_temp.check_value(rows, 'spill_identical'))
  FROM (SELECT DISTINCT rows FROM checks WHERE name = 'memory_groups') AS sizes
 ORDER BY rows;
SELECT '';
SELECT format('The transition states take %s times as much memory at %s rows as at %s rows.',
              round((max(states) FILTER (WHERE rows = (SELECT max(rows) FROM checks))
                     / max(states) FILTER (WHERE rows = (SELECT min(rows) FROM checks)))::numeric, 3),
              to_char(max(rows), 'FM999,999,999'), to_char(min(rows), 'FM999,999,999'))
  FROM (SELECT rows,
               split_part(pg_temp.check_value(rows, 'memory_in_memory'), ',', 2)::numeric
               - split_part(pg_temp.check_value(rows, 'memory_count'), ',', 2)::numeric AS states
          FROM (SELECT DISTINCT rows FROM checks WHERE name = 'memory_groups') AS sizes) AS m;
