-- Observed usage of the GPU nodes: tokens served per node, workload and
-- interval, loaded directly or converted from the cumulative token counters
-- that inference servers expose (vLLM's vllm:prompt_tokens_total and
-- vllm:generation_tokens_total, for example), scraped over time.

CREATE TABLE tokcost.gpu_usage (
    node_id text NOT NULL REFERENCES tokcost.gpu_node,
    workload text NOT NULL DEFAULT 'unattributed',
    period_start timestamptz NOT NULL,
    period_end timestamptz NOT NULL,
    tokens numeric NOT NULL,
    source text,
    CONSTRAINT gpu_usage_period_check
        CHECK (period_end > period_start AND period_start > '-infinity' AND period_end < 'infinity'),
    CONSTRAINT gpu_usage_tokens_check
        CHECK (tokens >= 0 AND pg_catalog.scale(tokens) IS NOT NULL),
    CONSTRAINT gpu_usage_workload_check CHECK (workload <> '')
);

CREATE INDEX gpu_usage_node_end_idx ON tokcost.gpu_usage (node_id, period_end);

COMMENT ON TABLE tokcost.gpu_usage IS
'tokens a GPU node served for a workload in an interval; an interval counts on the UTC day in which it ends';
COMMENT ON COLUMN tokcost.gpu_usage.node_id IS
'the node (tokcost.gpu_node)';
COMMENT ON COLUMN tokcost.gpu_usage.workload IS
'what the tokens were served for (an application, a team, a model): the key of cost allocation';
COMMENT ON COLUMN tokcost.gpu_usage.period_start IS
'start of the interval, exclusive of tokens counted before it';
COMMENT ON COLUMN tokcost.gpu_usage.period_end IS
'end of the interval; the interval''s tokens count on the UTC day of the instant just before it';
COMMENT ON COLUMN tokcost.gpu_usage.tokens IS
'tokens served in the interval';
COMMENT ON COLUMN tokcost.gpu_usage.source IS
'where the figure came from (counters, a log, an estimate), for audit';
COMMENT ON INDEX tokcost.gpu_usage_node_end_idx IS
'usage of a node by day';

CREATE FUNCTION tokcost.usage_day(period_end timestamptz)
RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
-- timestamp - interval is immutable where timestamptz - interval is not,
-- since the latter reads TimeZone for intervals of days or months
RETURN pg_catalog.date(pg_catalog.timezone('UTC', period_end)
           OPERATOR(pg_catalog.-) '1 microsecond'::pg_catalog.interval);

COMMENT ON FUNCTION tokcost.usage_day(timestamptz) IS
'the UTC day on which an interval ending at period_end counts: the day of the instant just before the end, so that an interval ending at midnight counts on the day it covers';

-- Scraped counter samples and, per counter series, how far they have been
-- converted into tokcost.gpu_usage.
CREATE TABLE tokcost.gpu_counter_sample (
    node_id text NOT NULL REFERENCES tokcost.gpu_node,
    workload text NOT NULL DEFAULT 'unattributed',
    counter text NOT NULL,
    sampled_at timestamptz NOT NULL,
    value numeric NOT NULL,
    PRIMARY KEY (node_id, workload, counter, sampled_at),
    CONSTRAINT gpu_counter_sample_value_check
        CHECK (value >= 0 AND pg_catalog.scale(value) IS NOT NULL),
    CONSTRAINT gpu_counter_sample_time_check
        CHECK (sampled_at > '-infinity' AND sampled_at < 'infinity'),
    CONSTRAINT gpu_counter_sample_workload_check CHECK (workload <> '')
);

COMMENT ON TABLE tokcost.gpu_counter_sample IS
'samples of cumulative token counters scraped from inference servers, waiting to be converted by tokcost.convert_gpu_counters';
COMMENT ON COLUMN tokcost.gpu_counter_sample.node_id IS
'the node the server runs on';
COMMENT ON COLUMN tokcost.gpu_counter_sample.workload IS
'the workload the counter counts for (a model name label, for example)';
COMMENT ON COLUMN tokcost.gpu_counter_sample.counter IS
'the counter, for example vllm:prompt_tokens_total or vllm:generation_tokens_total; each counter is a series of its own, and their tokens add up';
COMMENT ON COLUMN tokcost.gpu_counter_sample.sampled_at IS
'when the sample was scraped';
COMMENT ON COLUMN tokcost.gpu_counter_sample.value IS
'the counter''s value: tokens since the server started';

CREATE TABLE tokcost.gpu_counter_series (
    node_id text NOT NULL REFERENCES tokcost.gpu_node,
    workload text NOT NULL,
    counter text NOT NULL,
    last_sampled_at timestamptz NOT NULL,
    last_value numeric NOT NULL,
    resets bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (node_id, workload, counter)
);

COMMENT ON TABLE tokcost.gpu_counter_series IS
'each counter series that tokcost.convert_gpu_counters has seen: its last converted sample and the resets found';
COMMENT ON COLUMN tokcost.gpu_counter_series.node_id IS
'the node';
COMMENT ON COLUMN tokcost.gpu_counter_series.workload IS
'the workload';
COMMENT ON COLUMN tokcost.gpu_counter_series.counter IS
'the counter';
COMMENT ON COLUMN tokcost.gpu_counter_series.last_sampled_at IS
'time of the last sample converted, from which the next conversion counts';
COMMENT ON COLUMN tokcost.gpu_counter_series.last_value IS
'value of the last sample converted';
COMMENT ON COLUMN tokcost.gpu_counter_series.resets IS
'how many times the counter went back, as when the server restarted';

SELECT pg_catalog.pg_extension_config_dump('tokcost.gpu_usage', '');
SELECT pg_catalog.pg_extension_config_dump('tokcost.gpu_counter_sample', '');
SELECT pg_catalog.pg_extension_config_dump('tokcost.gpu_counter_series', '');

GRANT SELECT ON tokcost.gpu_usage, tokcost.gpu_counter_sample, tokcost.gpu_counter_series TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON tokcost.gpu_usage, tokcost.gpu_counter_sample, tokcost.gpu_counter_series TO @extowner@;

CREATE FUNCTION tokcost.convert_gpu_counters()
RETURNS TABLE (
    samples_converted bigint,
    samples_late bigint,
    resets bigint,
    usage_rows bigint,
    tokens numeric)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- One conversion at a time, so that a series' last sample is the one
    -- the next conversion counts from.
    LOCK TABLE tokcost.gpu_counter_series IN SHARE ROW EXCLUSIVE MODE;

    IF to_regclass('pg_temp.tokcost_counter_delta') IS NOT NULL THEN
        DROP TABLE pg_temp.tokcost_counter_delta;
    END IF;
    CREATE TEMP TABLE tokcost_counter_delta ON COMMIT DROP AS
    SELECT s.node_id, s.workload, s.counter, s.sampled_at, s.value,
           s.prev_at, s.prev_value,
           -- A counter only grows; when it goes back the server restarted,
           -- and its value is what it counted since the restart.
           CASE WHEN s.prev_value IS NULL THEN NULL
                WHEN s.value >= s.prev_value THEN s.value - s.prev_value
                ELSE s.value END AS delta,
           s.prev_value IS NOT NULL AND s.value < s.prev_value AS reset
      FROM (SELECT c.node_id, c.workload, c.counter, c.sampled_at, c.value,
                   coalesce(lag(c.sampled_at) OVER w, g.last_sampled_at) AS prev_at,
                   coalesce(lag(c.value) OVER w, g.last_value) AS prev_value
              FROM tokcost.gpu_counter_sample c
              LEFT JOIN tokcost.gpu_counter_series g
                     ON (g.node_id, g.workload, g.counter) = (c.node_id, c.workload, c.counter)
             WHERE g.last_sampled_at IS NULL OR c.sampled_at > g.last_sampled_at
            WINDOW w AS (PARTITION BY c.node_id, c.workload, c.counter ORDER BY c.sampled_at)) s;

    -- Samples at or before a series' last converted one arrived too late
    -- to count; they are reported, and removed with the converted ones.
    SELECT count(*) INTO samples_late
      FROM tokcost.gpu_counter_sample c
      JOIN tokcost.gpu_counter_series g
        ON (g.node_id, g.workload, g.counter) = (c.node_id, c.workload, c.counter)
     WHERE c.sampled_at <= g.last_sampled_at;

    SELECT count(*), count(*) FILTER (WHERE d.reset)
      INTO samples_converted, resets
      FROM pg_temp.tokcost_counter_delta d;

    WITH added AS (
        INSERT INTO tokcost.gpu_usage (node_id, workload, period_start, period_end, tokens, source)
        SELECT d.node_id, d.workload, min(d.prev_at), max(d.sampled_at), sum(d.delta), 'counters'
          FROM pg_temp.tokcost_counter_delta d
         WHERE d.delta IS NOT NULL
         GROUP BY d.node_id, d.workload, tokcost.usage_day(d.sampled_at)
        RETURNING gpu_usage.tokens
    )
    SELECT count(*), coalesce(sum(a.tokens), 0) INTO usage_rows, tokens FROM added a;

    INSERT INTO tokcost.gpu_counter_series AS g
           (node_id, workload, counter, last_sampled_at, last_value, resets)
    SELECT DISTINCT ON (d.node_id, d.workload, d.counter)
           d.node_id, d.workload, d.counter, d.sampled_at, d.value,
           count(*) FILTER (WHERE d.reset) OVER (PARTITION BY d.node_id, d.workload, d.counter)
      FROM pg_temp.tokcost_counter_delta d
     ORDER BY d.node_id, d.workload, d.counter, d.sampled_at DESC
    ON CONFLICT (node_id, workload, counter) DO UPDATE
       SET last_sampled_at = excluded.last_sampled_at,
           last_value = excluded.last_value,
           resets = g.resets + excluded.resets;

    DELETE FROM tokcost.gpu_counter_sample c
     USING tokcost.gpu_counter_series g
     WHERE (g.node_id, g.workload, g.counter) = (c.node_id, c.workload, c.counter)
       AND c.sampled_at <= g.last_sampled_at;

    DROP TABLE pg_temp.tokcost_counter_delta;
    RETURN NEXT;
END
$$;

COMMENT ON FUNCTION tokcost.convert_gpu_counters() IS
'convert the scraped counter samples into tokcost.gpu_usage, one row per node, workload and UTC day: the first sample of a series is its baseline, a counter that went back (a restart) counts its new value';
