#!/usr/bin/env bash
# The materialized-view pattern of the README: daily lane totals stored as
# tokcost.lane_total, refreshed with REFRESH MATERIALIZED VIEW CONCURRENTLY
# while pgbench inserts into the base tables, rolled up to months with
# lane_sum, and scheduled with pg_cron.  Bounded: pgbench runs for 20
# seconds.  Prints TAP.
set -uo pipefail

work=${SCRATCH:-$(mktemp -d)}
mkdir -p "$work"
bindir=$("${PG_CONFIG:-pg_config}" --bindir)
db=tokcost_refresh
seconds=${TOKCOST_REFRESH_SECONDS:-20}

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

tests=0
failures=0
check() {
    tests=$((tests + 1))
    if [ "$2" = "$3" ]; then
        echo "ok $tests - $1"
    else
        failures=$((failures + 1))
        echo "not ok $tests - $1"
        echo "#   got:      $2"
        echo "#   expected: $3"
    fi
}

echo "1..10"
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"

q <<'SQL'
CREATE EXTENSION tokcost;
-- cloud rows come from a load; the datacenter lane from a node
INSERT INTO tokcost.focus_load (source, header, other_columns)
VALUES ('pgbench', '{}', '{}');
INSERT INTO tokcost.gpu_node (node_id, lane, capex, in_service, life_months, retired_on)
VALUES ('gpu-01', 'colo-gpu', 300000, '2026-11-01', 36, '2026-12-01');
INSERT INTO tokcost.gpu_node_rate (node_id, valid_from, it_load_kw, pue, price_per_kwh,
                                   facility_per_day, peak_tokens_per_second)
VALUES ('gpu-01', '2026-11-01', 9.33, 1.5, 0.12, 25, 8680.56);
CREATE SEQUENCE charge_line;

-- The pattern: daily totals per lane and currency as lane_total values,
-- with the unique index that REFRESH ... CONCURRENTLY needs.
CREATE MATERIALIZED VIEW lane_total_daily AS
SELECT date(timezone('UTC', f.chargeperiodstart)) AS day,
       f.x_tokensource,
       f.billingcurrency,
       tokcost.lane_sum(f.x_tokensource, f.effectivecost, f.x_tokens, f.billingcurrency) AS total
  FROM tokcost.focus_cost f
 WHERE f.x_tokensource IS NOT NULL AND f.chargecategory <> 'Tax'
 GROUP BY 1, 2, 3;
CREATE UNIQUE INDEX ON lane_total_daily (day, x_tokensource, billingcurrency);

CREATE VIEW lane_total_monthly AS
SELECT date(date_trunc('month', day)) AS month, x_tokensource, billingcurrency,
       tokcost.lane_sum(total) AS total
  FROM lane_total_daily
 GROUP BY 1, 2, 3;
SQL

# what the totals must be: the same query, run fresh
fresh_daily="SELECT date(timezone('UTC', f.chargeperiodstart)), f.x_tokensource, f.billingcurrency,
                    tokcost.lane_sum(f.x_tokensource, f.effectivecost, f.x_tokens, f.billingcurrency)
               FROM tokcost.focus_cost f
              WHERE f.x_tokensource IS NOT NULL AND f.chargecategory <> 'Tax'
              GROUP BY 1, 2, 3"

status=0
q -c 'REFRESH MATERIALIZED VIEW CONCURRENTLY lane_total_daily' >"$work/first.log" 2>&1 || status=$?
check "a first concurrent refresh of the daily lane totals succeeds" "$status" 0
check "it holds the synthesized days of November" \
    "$(q -c "SELECT count(*) FROM lane_total_daily WHERE x_tokensource = 'colo-gpu'")" 30

q -c 'CREATE TABLE before AS SELECT ctid::text AS row_ctid, xmin::text AS row_xmin FROM lane_total_daily'
q -c 'REFRESH MATERIALIZED VIEW CONCURRENTLY lane_total_daily'
check "a second refresh over unchanged data changes no row" \
    "$(q -c 'SELECT count(*) FROM (SELECT ctid::text, xmin::text FROM lane_total_daily
                                   EXCEPT SELECT row_ctid, row_xmin FROM before) changed')" 0

# pgbench inserts cloud charges and GPU usage while refreshes run.
cat >"$work/insert.sql" <<'SQL'
\set day random(1, 30)
\set tokens random(1000, 5000000)
\set cents random(1, 50000)
INSERT INTO tokcost.focus_charge (load_id, line_number, billedcost, effectivecost, billingcurrency,
                                  chargecategory, chargeperiodstart, chargeperiodend,
                                  consumedquantity, consumedunit, x_tokensource)
VALUES (1, nextval('charge_line'), :cents * 0.01, :cents * 0.01, 'USD', 'Usage',
        timestamptz '2026-11-01 00:00:00+00' + (:day - 1) * interval '1 day',
        timestamptz '2026-11-01 00:00:00+00' + :day * interval '1 day',
        :tokens, 'Tokens', 'cloud-api');
INSERT INTO tokcost.gpu_usage (node_id, workload, period_start, period_end, tokens)
VALUES ('gpu-01', 'chat', timestamptz '2026-11-01 00:00:00+00' + (:day - 1) * interval '1 day',
        timestamptz '2026-11-01 00:00:00+00' + :day * interval '1 day', :tokens);
SELECT count(*) FROM lane_total_daily;
SQL

"$bindir/pgbench" -n -c 2 -j 2 -T "$seconds" -f "$work/insert.sql" -d "$db" >"$work/pgbench.log" 2>&1 &
bench=$!
refreshes=0
refresh_failures=0
while kill -0 "$bench" 2>/dev/null; do
    if q -c 'REFRESH MATERIALIZED VIEW CONCURRENTLY lane_total_daily' >>"$work/refresh.log" 2>&1; then
        refreshes=$((refreshes + 1))
    else
        refresh_failures=$((refresh_failures + 1))
    fi
    sleep 0.5
done
wait "$bench"
bench_status=$?
sed 's/^/# /' "$work/pgbench.log" | grep -E 'transactions actually processed|failed|tps' || true
echo "# $refreshes concurrent refreshes while pgbench ran for $seconds s"

check "pgbench's inserts all succeed during the refreshes" "$bench_status" 0
check "every refresh during the inserts succeeds" "$refresh_failures" 0
check "refreshes ran while pgbench inserted" "$([ "$refreshes" -ge 3 ] && echo yes || echo "$refreshes")" yes

q -c 'REFRESH MATERIALIZED VIEW CONCURRENTLY lane_total_daily'
check "after a last refresh the stored totals equal a fresh aggregation" \
    "$(q -c "SELECT count(*) FROM (($fresh_daily) EXCEPT (SELECT * FROM lane_total_daily)
                                   UNION ALL
                                   (SELECT * FROM lane_total_daily) EXCEPT ($fresh_daily)) d")" 0
check "the monthly rollup with lane_sum equals the rows summed directly" \
    "$(q -c "SELECT count(*) FROM lane_total_monthly m
               JOIN (SELECT x_tokensource, sum(effectivecost) AS cost, sum(x_tokens) AS tokens
                       FROM tokcost.focus_cost WHERE x_tokensource IS NOT NULL
                      GROUP BY 1) d USING (x_tokensource)
              WHERE tokcost.cost(m.total) = d.cost AND tokcost.tokens(m.total) = d.tokens")" 2
check "a rollup across lanes is refused (TC001)" \
    "$(q -c 'SELECT tokcost.lane_sum(total) FROM lane_total_daily' 2>&1 | grep -c 'cannot blend lane')" 1

# pg_cron runs the refresh on a schedule; it lives in the database named by
# cron.database_name and schedules jobs in other databases.
job=$(psql -X -q -At -d postgres <<SQL 2>"$work/cron.log"
CREATE EXTENSION IF NOT EXISTS pg_cron;
SELECT cron.schedule_in_database('tokcost-lane-refresh', '15 2 * * *',
    'REFRESH MATERIALIZED VIEW CONCURRENTLY lane_total_daily', '$db');
SQL
)
check "pg_cron schedules the refresh in the reporting database" \
    "$(psql -X -q -At -d postgres -c "SELECT database || ' ' || command FROM cron.job WHERE jobid = ${job:-0}" 2>>"$work/cron.log")" \
    "$db REFRESH MATERIALIZED VIEW CONCURRENTLY lane_total_daily"
[ -s "$work/cron.log" ] && sed 's/^/# /' "$work/cron.log"
psql -X -q -At -d postgres -c "SELECT cron.unschedule('tokcost-lane-refresh')" >/dev/null 2>&1

dropdb "$db"
[ "$failures" -eq 0 ]
