-- Observed usage: intervals, the UTC day they count on, and cumulative
-- counters that reset when a server restarts.
SET timezone = 'Asia/Tokyo';
\set SHOW_CONTEXT never

INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months)
VALUES ('gpu-01', 'colo-gpu', 300000, '2026-11-02', 36);

-- An interval counts on the UTC day of the instant just before its end.
SELECT tokcost.usage_day('2026-11-03 00:00:00+00') AS ends_at_midnight,
       tokcost.usage_day('2026-11-03 00:00:01+00') AS ends_after_midnight,
       tokcost.usage_day('2026-11-03 08:30:00+09') AS tokyo_morning;

-- vLLM-style counters scraped hourly: the generation counter restarts at
-- 12:00 (the server restarted), and counts on across midnight.
INSERT INTO tokcost.gpu_counter_sample (node_id, workload, counter, sampled_at, value) VALUES
    ('gpu-01', 'rag', 'vllm:generation_tokens_total', '2026-11-05 10:00+00', 1000),
    ('gpu-01', 'rag', 'vllm:generation_tokens_total', '2026-11-05 11:00+00', 5000),
    ('gpu-01', 'rag', 'vllm:generation_tokens_total', '2026-11-05 12:00+00', 300),
    ('gpu-01', 'rag', 'vllm:generation_tokens_total', '2026-11-06 00:00+00', 900),
    ('gpu-01', 'rag', 'vllm:generation_tokens_total', '2026-11-06 01:00+00', 1200),
    ('gpu-01', 'rag', 'vllm:prompt_tokens_total', '2026-11-05 10:00+00', 10),
    ('gpu-01', 'rag', 'vllm:prompt_tokens_total', '2026-11-05 11:00+00', 20),
    ('gpu-01', 'chat', 'vllm:generation_tokens_total', '2026-11-05 10:00+00', 0),
    ('gpu-01', 'chat', 'vllm:generation_tokens_total', '2026-11-05 11:00+00', 70);
SELECT * FROM tokcost.convert_gpu_counters();
SELECT node_id, workload, period_start AT TIME ZONE 'UTC' AS period_start_utc,
       period_end AT TIME ZONE 'UTC' AS period_end_utc, tokens, source
  FROM tokcost.gpu_usage ORDER BY workload, period_end;
SELECT node_id, workload, counter, last_sampled_at AT TIME ZONE 'UTC' AS last_utc, last_value, resets
  FROM tokcost.gpu_counter_series ORDER BY 1, 2, 3;
SELECT count(*) AS samples_left FROM tokcost.gpu_counter_sample;

-- The next conversion counts from the last converted sample, not from zero.
-- A sample older than that sample arrived too late, and is counted as late.
INSERT INTO tokcost.gpu_counter_sample (node_id, workload, counter, sampled_at, value) VALUES
    ('gpu-01', 'rag', 'vllm:generation_tokens_total', '2026-11-06 02:00+00', 1500),
    ('gpu-01', 'rag', 'vllm:generation_tokens_total', '2026-11-05 23:00+00', 800),
    ('gpu-01', 'rag', 'vllm:generation_tokens_total', '2026-11-06 03:00+00', 40);
SELECT * FROM tokcost.convert_gpu_counters();
SELECT * FROM tokcost.convert_gpu_counters();
SELECT tokcost.usage_day(period_end) AS day, workload, sum(tokens) AS tokens
  FROM tokcost.gpu_usage GROUP BY 1, 2 ORDER BY 1, 2;

-- Usage rows are checked.
INSERT INTO tokcost.gpu_usage (node_id, period_start, period_end, tokens)
VALUES ('gpu-01', '2026-11-02', '2026-11-03', -1);
INSERT INTO tokcost.gpu_usage (node_id, period_start, period_end, tokens)
VALUES ('gpu-01', '2026-11-03', '2026-11-03', 1);
INSERT INTO tokcost.gpu_usage (node_id, period_start, period_end, tokens)
VALUES ('no-such-node', '2026-11-02', '2026-11-03', 1);
INSERT INTO tokcost.gpu_counter_sample (node_id, counter, sampled_at, value)
VALUES ('gpu-01', 'x', '2026-11-02', -5);


-- Leave the shared regression database as it was.
SET client_min_messages = warning;
TRUNCATE tokcost.gpu_node CASCADE;
