#!/usr/bin/env bash
# tokcost on three servers: a coordinator and two shards, each its own
# cluster on 127.0.0.1 with tokcost installed.  A cost table is sharded
# across the shards with declarative partitioning and postgres_fdw, three
# ways: list partitions by lane, range partitions by billing month and hash
# partitions by row id.  The FOCUS sample export is sharded by provider.
# The coordinator also keeps every row in a local table, and each sharded
# query must give the result of the same query on that table, to the last
# digit.  EXPLAIN VERBOSE shows which aggregates run on the shards.
# Prints TAP, and stops its servers on exit, failures included.  Every
# statement is bounded by a 60-second statement_timeout.
set -uo pipefail

source "$TOKCOST_ROOT/test/lib.sh"

work=${SCRATCH:-$(mktemp -d "${TMPDIR:-/tmp}/tokcost-scale-out.XXXXXX")}
mkdir -p "$work"
chmod 755 "$work"

nodes=(coordinator shard_a shard_b)
declare -A port

cleanup() {
    local node
    for node in "${nodes[@]}"; do
        cluster_stop "$work/$node"
    done
}
trap cleanup EXIT
trap 'exit 1' INT TERM
export PGOPTIONS='-c statement_timeout=60s'

# --- TAP --------------------------------------------------------------------

tests=0

pass() {
    tests=$((tests + 1))
    echo "ok $tests - $1"
}

# fail NAME [DETAIL]: a failed test, with its detail as TAP comments.
fail() {
    tests=$((tests + 1))
    echo "not ok $tests - $1"
    [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/# /'
    return 0
}

# same_text NAME EXPECTED ACTUAL: pass when both texts are equal.
same_text() {
    if [ "$2" == "$3" ] && [ -n "$2" ]; then
        pass "$1"
    else
        fail "$1" "$(diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") | head -n 40)"
    fi
}

# --- servers ----------------------------------------------------------------

# sql NODE [PSQL OPTION...]: run the SQL on stdin on NODE, print unaligned
# rows, stop at the first error.  Errors go to stderr with their SQLSTATE.
sql() {
    local node=$1
    shift
    psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
        -h 127.0.0.1 -p "${port[$node]}" -U postgres -d postgres "$@"
}

# Each server starts in a subshell, since cluster_start exits on failure.
start_servers() {
    local node
    for node in "${nodes[@]}"; do
        cluster_stop "$work/$node"
        rm -rf "${work:?}/$node"
        port[$node]=$(free_port)
        (cluster_start "$work/$node" "${port[$node]}") || return 1
        echo 'CREATE EXTENSION tokcost;' | sql "$node" || return 1
    done
}

# The columns of a FOCUS-shaped cost table, on every server.
cost_columns='id bigint NOT NULL,
    billing_period_start date NOT NULL,
    x_tokensource text,
    billing_currency text,
    effective_cost numeric,
    tokens bigint'

# The columns of the FOCUS sample that a lane aggregate reads.  The sample
# bills cloud services, not tokens, so its consumed quantity is used as the
# token count.
focus_columns='provider_name text,
    service_category text,
    x_tokensource text,
    billing_currency text,
    effective_cost numeric,
    consumed_quantity numeric'

create_shard_tables() {
    local shard
    for shard in shard_a shard_b; do
        sql "$shard" <<SQL || return 1
CREATE TABLE cost_by_lane ($cost_columns);
CREATE TABLE cost_by_month ($cost_columns);
CREATE TABLE cost_by_id ($cost_columns);
CREATE TABLE focus_by_provider ($focus_columns);
CREATE TABLE stored_totals (id integer, total tokcost.lane_total);
CREATE TABLE copied_totals (id integer, total tokcost.lane_total);
SQL
    done
}

# The single-server rows are three lanes over twelve months, with credits,
# NULL costs and token counts, and costs of 0 to 10 decimal places.  Euro
# costs of about 10^40 add up to a sum that does not fit 128 bits.  Pound
# rows have only NULL costs and tokens, and two lanes need quotes in text.
load_rows() {
    sql coordinator <<'SQL'
CREATE TABLE cost_rows (
    id bigint NOT NULL,
    billing_period_start date NOT NULL,
    x_tokensource text,
    billing_currency text,
    effective_cost numeric,
    tokens bigint
);
INSERT INTO cost_rows
SELECT i,
       (date '2026-01-01' + make_interval(months => (i % 12)::int))::date,
       (ARRAY['cloud-api', 'self-hosted-gpu', 'colo-gpu'])[1 + (i / 12 % 3)::int],
       'USD',
       CASE WHEN i % 97 = 0 THEN NULL
            ELSE round((i * 7919 % 100003) / 997.0 - 5, (i % 11)::int) END,
       CASE WHEN i % 89 = 0 THEN NULL ELSE i * 104729 % 1000003 END
  FROM generate_series(1::bigint, 24000) i;
INSERT INTO cost_rows
SELECT 1000000 + i,
       (date '2026-01-01' + make_interval(months => (i % 12)::int))::date,
       'colo-gpu', 'EUR',
       i * 1e40 + i * 0.000001,
       9223372036854775807 - i
  FROM generate_series(1, 24) i;
INSERT INTO cost_rows
SELECT 2000000 + i,
       (date '2026-01-01' + make_interval(months => (i % 12)::int))::date,
       'self-hosted-gpu', 'GBP', NULL, NULL
  FROM generate_series(1, 24) i;
INSERT INTO cost_rows
SELECT 3000000 + i,
       (date '2026-01-01' + make_interval(months => (i % 12)::int))::date,
       (ARRAY['gpu "east", rack (7)', E'gpu-z\u00fcrich\\2'])[1 + (i % 2)::int],
       'USD', i * 1.25, i * 1000
  FROM generate_series(1, 24) i;
ANALYZE cost_rows;
SQL
}

# The real FOCUS 1.0 sample export, loaded as text and cast in SQL.  It
# writes missing values as the string NULL.
load_focus_sample() {
    local csv=${TOKCOST_SHARED_DATA:-}/focus-1.0-sample.csv columns
    [ -r "$csv" ] || { echo "FOCUS sample $csv not found" >&2; return 1; }
    columns=$(head -n 1 "$csv" | tr -d '"\r' | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
    sql coordinator <<SQL
CREATE TABLE focus_raw ($columns);
\\copy focus_raw FROM '$csv' (FORMAT csv, HEADER true, NULL 'NULL')
CREATE TABLE focus_rows AS
SELECT "ProviderName" AS provider_name,
       "ServiceCategory" AS service_category,
       'cloud-api'::text AS x_tokensource,
       "BillingCurrency" AS billing_currency,
       "EffectiveCost"::numeric AS effective_cost,
       "ConsumedQuantity"::numeric AS consumed_quantity
  FROM focus_raw;
SQL
}

# Three sharded copies of cost_rows and one of the FOCUS sample on the
# coordinator, each partition a foreign table on a shard.  The servers list tokcost as an extension whose
# functions and operators postgres_fdw may send to them, and are async
# capable, so that an Append runs their scans at the same time.  A row sent
# over the network costs the planner 0.2 rather than postgres_fdw's 0.01,
# so that it prefers sending totals to sending rows.
shard_rows() {
    sql coordinator <<SQL
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard_a FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port[shard_a]}', dbname 'postgres',
             extensions 'tokcost', async_capable 'true', batch_size '1000',
             fdw_tuple_cost '0.2');
CREATE SERVER shard_b FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port[shard_b]}', dbname 'postgres',
             extensions 'tokcost', async_capable 'true', batch_size '1000',
             fdw_tuple_cost '0.2');
CREATE USER MAPPING FOR postgres SERVER shard_a OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER shard_b OPTIONS (user 'postgres');

CREATE TABLE by_lane (LIKE cost_rows) PARTITION BY LIST (x_tokensource);
CREATE FOREIGN TABLE by_lane_cloud PARTITION OF by_lane
    FOR VALUES IN ('cloud-api') SERVER shard_a OPTIONS (table_name 'cost_by_lane');
CREATE FOREIGN TABLE by_lane_other PARTITION OF by_lane
    DEFAULT SERVER shard_b OPTIONS (table_name 'cost_by_lane');

CREATE TABLE by_month (LIKE cost_rows) PARTITION BY RANGE (billing_period_start);
CREATE FOREIGN TABLE by_month_h1 PARTITION OF by_month
    FOR VALUES FROM ('2026-01-01') TO ('2026-07-01')
    SERVER shard_a OPTIONS (table_name 'cost_by_month');
CREATE FOREIGN TABLE by_month_h2 PARTITION OF by_month
    FOR VALUES FROM ('2026-07-01') TO ('2027-01-01')
    SERVER shard_b OPTIONS (table_name 'cost_by_month');

CREATE TABLE by_id (LIKE cost_rows) PARTITION BY HASH (id);
CREATE FOREIGN TABLE by_id_0 PARTITION OF by_id
    FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard_a OPTIONS (table_name 'cost_by_id');
CREATE FOREIGN TABLE by_id_1 PARTITION OF by_id
    FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard_b OPTIONS (table_name 'cost_by_id');

CREATE TABLE focus_by_provider (LIKE focus_rows) PARTITION BY LIST (provider_name);
CREATE FOREIGN TABLE focus_aws PARTITION OF focus_by_provider
    FOR VALUES IN ('AWS') SERVER shard_a OPTIONS (table_name 'focus_by_provider');
CREATE FOREIGN TABLE focus_other PARTITION OF focus_by_provider
    DEFAULT SERVER shard_b OPTIONS (table_name 'focus_by_provider');

CREATE FOREIGN TABLE remote_totals (id integer, total tokcost.lane_total)
    SERVER shard_a OPTIONS (table_name 'stored_totals');

INSERT INTO by_lane SELECT * FROM cost_rows;
INSERT INTO by_month SELECT * FROM cost_rows;
INSERT INTO by_id SELECT * FROM cost_rows;
INSERT INTO focus_by_provider SELECT * FROM focus_rows;
SQL
    local shard
    for shard in shard_a shard_b; do
        echo 'ANALYZE cost_by_lane, cost_by_month, cost_by_id, focus_by_provider;' |
            sql "$shard" || return 1
    done
}

# --- queries ----------------------------------------------------------------

# on_coordinator QUERY: the query's rows, with partitionwise aggregation on.
on_coordinator() {
    printf 'SET enable_partitionwise_aggregate = on;\n%s;\n' "$1" | sql coordinator
}

# plan QUERY: EXPLAIN VERBOSE of the query on the coordinator.
plan() {
    on_coordinator "EXPLAIN (VERBOSE, COSTS OFF) $1"
}

# error_of QUERY: the query's error output on the coordinator.
error_of() {
    on_coordinator "$1" 2>&1 >/dev/null
}

# for_table TABLE TEMPLATE: the template with @ replaced by a table name.
for_table() {
    printf '%s' "${2//@/$1}"
}

count_lines() {
    grep -cE "$1" <<<"$2"
}

# Aggregate nodes that run on the coordinator, as opposed to the
# "Relations: Aggregate on" lines of foreign scans that run them remotely.
local_aggregates() {
    count_lines '^ *(-> +)?(Finalize |Partial )?(Hash|Group|Mixed)?Aggregate' "$1"
}

# pushed_down NAME PLAN COUNT [LOCAL]: COUNT foreign scans run the lane
# aggregate remotely, and the coordinator runs LOCAL aggregates (default 0)
# of its own, such as a rollup of the totals that come back.
pushed_down() {
    local remote
    remote=$(count_lines 'Remote SQL: SELECT .*tokcost\.lane_(sum|cost_per_mtok)\(.* GROUP BY ' "$2")
    if [ "$remote" -eq "$3" ] && [ "$(local_aggregates "$2")" -eq "${4:-0}" ]; then
        pass "$1"
    else
        fail "$1" "$2"
    fi
}

# --- the tests --------------------------------------------------------------

lane_sum_query='SELECT x_tokensource, billing_currency,
       tokcost.lane_sum(x_tokensource, effective_cost, tokens, billing_currency)
  FROM @ GROUP BY 1, 2 ORDER BY 1, 2'
per_mtok_query='SELECT x_tokensource, billing_currency,
       tokcost.lane_cost_per_mtok(x_tokensource, effective_cost, tokens, billing_currency)
  FROM @ GROUP BY 1, 2 ORDER BY 1, 2'
# Per month and lane on the shards, rolled up to lanes on the coordinator.
monthly_rollup_query='SELECT x_tokensource, billing_currency, tokcost.lane_sum(total)
  FROM (SELECT billing_period_start, x_tokensource, billing_currency,
               tokcost.lane_sum(x_tokensource, effective_cost, tokens, billing_currency) AS total
          FROM @ GROUP BY 1, 2, 3) AS monthly
 GROUP BY 1, 2 ORDER BY 1, 2'
# The first half year's cloud rows are on shard_a and the second half
# year's colo rows on shard_b, so only the coordinator gets both lanes.
mixed_filter="(billing_period_start < '2026-07-01' AND x_tokensource = 'cloud-api')
    OR (billing_period_start >= '2026-07-01' AND x_tokensource = 'colo-gpu')"
mixed_monthly_query="SELECT billing_period_start,
       tokcost.lane_sum(x_tokensource, effective_cost, tokens) AS total
  FROM by_month WHERE $mixed_filter GROUP BY 1"

test_servers() {
    local node version
    for node in "${nodes[@]}"; do
        version=$(echo "SELECT extversion FROM pg_extension WHERE extname = 'tokcost'" | sql "$node")
        same_text "tokcost 1.1 on $node" "1.1" "$version"
    done
}

test_rows_sharded() {
    local expected actual
    expected=$(echo "SELECT count(*) FILTER (WHERE x_tokensource = 'cloud-api'),
                            count(*) FILTER (WHERE x_tokensource <> 'cloud-api')
                       FROM cost_rows" | sql coordinator)
    actual="$(echo 'SELECT count(*) FROM cost_by_lane' | sql shard_a)|$(echo 'SELECT count(*) FROM cost_by_lane' | sql shard_b)"
    same_text "cloud rows on shard_a, others on shard_b" "$expected" "$actual"
    actual=$(echo "SELECT count(*) FROM (SELECT billing_period_start FROM cost_by_month
                                          GROUP BY 1 HAVING count(DISTINCT x_tokensource) >= 3) m" |
        sql shard_b)
    same_text "every month holds three lanes" "6" "$actual"
}

test_full_pushdown_by_lane() {
    local query
    query=$(for_table by_lane "$lane_sum_query")
    pushed_down "lane_sum by lane runs on shards" "$(plan "$query")" 2
    same_text "lane_sum by lane equals one server" \
        "$(on_coordinator "$(for_table cost_rows "$lane_sum_query")")" "$(on_coordinator "$query")"

    query=$(for_table by_lane "$per_mtok_query")
    pushed_down "lane_cost_per_mtok by lane runs on shards" "$(plan "$query")" 2
    same_text "lane_cost_per_mtok by lane equals one server" \
        "$(on_coordinator "$(for_table cost_rows "$per_mtok_query")")" "$(on_coordinator "$query")"
}

test_pushdown_needs_settings() {
    local query plan_text
    query=$(for_table by_lane "$lane_sum_query")
    plan_text=$(on_coordinator "SET enable_partitionwise_aggregate = off;
                                EXPLAIN (VERBOSE, COSTS OFF) $query")
    if [ "$(count_lines 'Remote SQL: .*tokcost' "$plan_text")" -eq 0 ] &&
        [ "$(local_aggregates "$plan_text")" -gt 0 ]; then
        pass "no partitionwise aggregation, no remote aggregate"
    else
        fail "no partitionwise aggregation, no remote aggregate" "$plan_text"
    fi

    echo "ALTER SERVER shard_a OPTIONS (DROP extensions)" | sql coordinator
    plan_text=$(plan "$query")
    if [ "$(count_lines 'Remote SQL: .*tokcost' "$plan_text")" -eq 1 ] &&
        [ "$(count_lines 'Remote SQL: ' "$plan_text")" -eq 2 ]; then
        pass "no extensions option, no remote aggregate"
    else
        fail "no extensions option, no remote aggregate" "$plan_text"
    fi
    same_text "one shard not aggregating, same result" \
        "$(on_coordinator "$(for_table cost_rows "$lane_sum_query")")" "$(on_coordinator "$query")"
    echo "ALTER SERVER shard_a OPTIONS (ADD extensions 'tokcost')" | sql coordinator
}

test_partial_by_month() {
    local query plan_text
    query=$(for_table by_month "$lane_sum_query")
    plan_text=$(plan "$query")
    # PostgreSQL 15's postgres_fdw ships no partial aggregate: each shard
    # sends its rows, and the coordinator aggregates them.
    if [ "$(count_lines 'Remote SQL: ' "$plan_text")" -eq 2 ] &&
        [ "$(count_lines 'Remote SQL: .*tokcost' "$plan_text")" -eq 0 ] &&
        [ "$(local_aggregates "$plan_text")" -gt 0 ]; then
        pass "non-key grouping ships rows to coordinator"
    else
        fail "non-key grouping ships rows to coordinator" "$plan_text"
    fi
    same_text "non-key grouping equals one server" \
        "$(on_coordinator "$(for_table cost_rows "$lane_sum_query")")" "$(on_coordinator "$query")"
}

test_monthly_rollup() {
    local query answer
    query=$(for_table by_month "$monthly_rollup_query")
    pushed_down "monthly totals run on shards" "$(plan "$query")" 2 1
    answer=$(on_coordinator "$query")
    same_text "monthly rollup equals one server" \
        "$(on_coordinator "$(for_table cost_rows "$lane_sum_query")")" "$answer"
    same_text "rollup cost_per_mtok equals one server" \
        "$(on_coordinator "$(for_table cost_rows "$per_mtok_query")")" \
        "$(on_coordinator "SELECT x_tokensource, billing_currency, tokcost.cost_per_mtok(total)
                             FROM ($query) AS r (x_tokensource, billing_currency, total) ORDER BY 1, 2")"

    # The data reach the wide and the NULL forms of a sum.
    same_text "sum past 128 bits exact across servers" "t|t" \
        "$(on_coordinator "SELECT tokcost.cost(total) > 2::numeric ^ 127,
                                  tokcost.cost(total) = (SELECT sum(effective_cost) FROM cost_rows
                                                         WHERE billing_currency = 'EUR')
                             FROM ($query) AS r (lane, currency, total) WHERE currency = 'EUR'")"
    same_text "NULL sums cross servers as NULL" "t|t|24" \
        "$(on_coordinator "SELECT tokcost.cost(total) IS NULL, tokcost.tokens(total) IS NULL,
                                  tokcost.rows(total)
                             FROM ($query) AS r (lane, currency, total) WHERE currency = 'GBP'")"
}

test_blend_on_coordinator() {
    local inner output
    inner=$(on_coordinator "$mixed_monthly_query")
    if [ -n "$inner" ] &&
        [ "$(on_coordinator "SELECT count(DISTINCT tokcost.lane(total)) FROM ($mixed_monthly_query) m")" = 2 ]; then
        pass "monthly totals hold one lane each"
    else
        fail "monthly totals hold one lane each" "$inner"
    fi
    pushed_down "one-lane monthly totals run on shards" "$(plan "$mixed_monthly_query")" 2

    output=$(error_of "SELECT tokcost.lane_sum(total) FROM ($mixed_monthly_query) m")
    if grep -q 'ERROR:  TC001: cannot blend lane' <<<"$output" &&
        ! grep -q 'remote SQL command' <<<"$output"; then
        pass "rollup of two shards' lanes raises TC001"
    else
        fail "rollup of two shards' lanes raises TC001" "$output"
    fi

    output=$(error_of "SELECT tokcost.lane_cost_per_mtok(x_tokensource, effective_cost, tokens)
                         FROM by_month WHERE $mixed_filter")
    if grep -q 'ERROR:  TC001: cannot blend lane' <<<"$output" &&
        ! grep -q 'remote SQL command' <<<"$output"; then
        pass "combined partial states raise TC001"
    else
        fail "combined partial states raise TC001" "$output"
    fi

    output=$(error_of "SELECT billing_period_start,
                              tokcost.lane_sum(x_tokensource, effective_cost, tokens)
                         FROM by_month GROUP BY 1")
    if grep -q 'ERROR:  TC001: cannot blend lane' <<<"$output" &&
        grep -q 'remote SQL command' <<<"$output"; then
        pass "two lanes on one shard raise TC001"
    else
        fail "two lanes on one shard raise TC001" "$output"
    fi
}

test_partition_lane_totals() {
    local helper_query plan_text filter expected output
    helper_query=$(on_coordinator "SELECT tokcost.partition_lane_totals_query('by_id',
        'x_tokensource', 'effective_cost', 'tokens', 'billing_currency')")
    plan_text=$(plan "$helper_query")
    pushed_down "partition_lane_totals runs on shards" "$plan_text" 2
    same_text "partition_lane_totals scans shards concurrently" "2" \
        "$(count_lines 'Async Foreign Scan' "$plan_text")"
    same_text "partition_lane_totals rollup equals one server" \
        "$(on_coordinator "$(for_table cost_rows "$lane_sum_query")")" \
        "$(on_coordinator "SELECT lane, currency, tokcost.lane_sum(total)
                             FROM tokcost.partition_lane_totals('by_id', 'x_tokensource',
                                  'effective_cost', 'tokens', 'billing_currency')
                            GROUP BY 1, 2 ORDER BY 1, 2")"

    filter="billing_period_start >= ''2026-03-01'' AND effective_cost > 0"
    helper_query=$(on_coordinator "SELECT tokcost.partition_lane_totals_query('by_id',
        'x_tokensource', 'effective_cost', 'tokens', row_filter => '$filter')")
    plan_text=$(plan "$helper_query")
    same_text "row filter sent to both shards" "2" \
        "$(count_lines "Remote SQL: .*tokcost\.lane_sum\(.* WHERE .*effective_cost > 0" "$plan_text")"
    expected=$(on_coordinator "SELECT x_tokensource, tokcost.lane_sum(x_tokensource, effective_cost, tokens)
                                 FROM cost_rows WHERE ${filter//\'\'/\'} GROUP BY 1 ORDER BY 1")
    same_text "filtered partition totals equal one server" "$expected" \
        "$(on_coordinator "SELECT lane, tokcost.lane_sum(total)
                             FROM tokcost.partition_lane_totals('by_id', 'x_tokensource',
                                  'effective_cost', 'tokens', row_filter => '$filter')
                            GROUP BY 1 ORDER BY 1")"

    output=$(error_of "SELECT tokcost.lane_sum(total)
                         FROM tokcost.partition_lane_totals('by_id', 'x_tokensource',
                              'effective_cost', 'tokens')")
    if grep -q 'ERROR:  TC001: cannot blend lane' <<<"$output" &&
        ! grep -q 'remote SQL command' <<<"$output"; then
        pass "partition totals without lane raise TC001"
    else
        fail "partition totals without lane raise TC001" "$output"
    fi
}

test_focus_sample() {
    local by_provider by_service
    by_provider='SELECT provider_name,
       tokcost.lane_sum(x_tokensource, effective_cost, consumed_quantity, billing_currency)
  FROM @ GROUP BY 1 ORDER BY 1'
    by_service='SELECT service_category,
       tokcost.lane_sum(x_tokensource, effective_cost, consumed_quantity, billing_currency)
  FROM @ GROUP BY 1 ORDER BY 1'
    same_text "FOCUS sample split over both shards" "1000|2" \
        "$(on_coordinator 'SELECT count(*), count(DISTINCT tableoid) FROM focus_by_provider')"
    pushed_down "FOCUS per provider runs on shards" \
        "$(plan "$(for_table focus_by_provider "$by_provider")")" 2
    same_text "FOCUS per provider equals one server" \
        "$(on_coordinator "$(for_table focus_rows "$by_provider")")" \
        "$(on_coordinator "$(for_table focus_by_provider "$by_provider")")"
    same_text "FOCUS per service category equals one server" \
        "$(on_coordinator "$(for_table focus_rows "$by_service")")" \
        "$(on_coordinator "$(for_table focus_by_provider "$by_service")")"
}

# Lane totals of many shapes: per lane, per month and lane, and values at
# the edges of the text form.
make_totals() {
    sql coordinator <<'SQL'
CREATE TABLE local_totals AS
SELECT (row_number() OVER (ORDER BY t::text))::integer AS id, t AS total
  FROM (SELECT tokcost.lane_sum(x_tokensource, effective_cost, tokens, billing_currency)
          FROM cost_rows GROUP BY billing_period_start, x_tokensource, billing_currency
        UNION ALL
        SELECT tokcost.lane_sum(x_tokensource, effective_cost, tokens)
          FROM cost_rows GROUP BY x_tokensource
        UNION ALL
        SELECT v::tokcost.lane_total
          FROM (VALUES ('(cloud-api,USD,-123456789012345678901234567890123456789012.5,7,2)'),
                       ('(cloud-api,,0.000000000000000000000000000001,0.5,1)'),
                       ('(rack-7,EUR,,,9223372036854775807)'),
                       ('(colo-gpu,,1.50,,3)'),
                       ('("lane ""with"" quotes, and (parens)",,2.00,100,1)'),
                       ('("back\\slash",,0,0,1)')) AS x (v)) AS s (t);
SQL
}

# digest NODE TABLE: one checksum of a lane_total table's text form and
# one of its binary form.
digest() {
    echo "SELECT md5(string_agg(id || ':' || total::text, ',' ORDER BY id)) || ' '
              || md5(string_agg(encode(tokcost.lane_total_send(total), 'hex'), ',' ORDER BY id))
              || ' ' || count(*)
            FROM $2" | sql "$1"
}

test_text_round_trip() {
    local expected rollup_query
    make_totals
    expected=$(digest coordinator local_totals)

    echo 'INSERT INTO remote_totals SELECT * FROM local_totals' | sql coordinator
    same_text "lane_total written through postgres_fdw unchanged" \
        "$expected" "$(digest shard_a stored_totals)"
    # A digest of the foreign table itself would run on the shard, so the
    # values are fetched into a local table first.
    echo 'CREATE TABLE fetched_totals AS SELECT * FROM remote_totals' | sql coordinator
    same_text "lane_total read through postgres_fdw unchanged" \
        "$expected" "$(digest coordinator fetched_totals)"

    sql coordinator -c '\copy local_totals TO pstdout (FORMAT binary)' |
        sql shard_b -c '\copy copied_totals FROM pstdin (FORMAT binary)'
    same_text "lane_total binary COPY across servers unchanged" \
        "$expected" "$(digest shard_b copied_totals)"

    rollup_query='SELECT tokcost.lane(total), tokcost.currency(total), tokcost.lane_sum(total)
                    FROM @ GROUP BY 1, 2 ORDER BY 1, 2'
    pushed_down "stored totals rollup runs on shard" \
        "$(plan "$(for_table remote_totals "$rollup_query")")" 1
    same_text "stored totals rollup equals one server" \
        "$(on_coordinator "$(for_table local_totals "$rollup_query")")" \
        "$(on_coordinator "$(for_table remote_totals "$rollup_query")")"
}

main() {
    if ! start_servers || ! create_shard_tables || ! load_rows || ! load_focus_sample ||
        ! shard_rows; then
        fail "three servers start and shard rows" \
            "$(tail -n 20 "$work"/*/server.log 2>/dev/null)"
        echo "1..$tests"
        exit 1
    fi
    pass "three servers start and shard rows"

    test_servers
    test_rows_sharded
    test_full_pushdown_by_lane
    test_pushdown_needs_settings
    test_partial_by_month
    test_monthly_rollup
    test_blend_on_coordinator
    test_partition_lane_totals
    test_focus_sample
    test_text_round_trip
    echo "1..$tests"
}

main
