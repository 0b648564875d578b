#!/usr/bin/env bash
# Concurrency test, on a server of its own.  For a bounded time
# (TOKCOST_CONCURRENCY_SECONDS, default 25), pgbench clients
# insert cost rows, pgbench analysts run lane aggregates (some in parallel
# plans, some over the materialized view), and a loop runs REFRESH
# MATERIALIZED VIEW CONCURRENTLY.  Afterwards every committed row must be
# counted exactly once by a final refresh, and no query may have failed.
# Prints TAP.
set -uo pipefail

source "$TOKCOST_ROOT/test/lib.sh"
work=${SCRATCH:-$(mktemp -d)}
mkdir -p "$work"
duration=${TOKCOST_CONCURRENCY_SECONDS:-25}
bindir=$("$PG_CONFIG" --bindir)
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d tokcost_concurrency "$@"; }

cluster_start "$work/cluster" >/dev/null
trap 'cluster_stop "$work/cluster"' EXIT
export PGOPTIONS='-c client_min_messages=warning'
createdb tokcost_concurrency
sql <<'SQL'
CREATE EXTENSION tokcost;
CREATE TABLE cost_rows (
    id bigserial PRIMARY KEY,
    charge_day date NOT NULL,
    x_tokensource text NOT NULL,
    billing_currency text NOT NULL,
    cost numeric NOT NULL,
    tokens bigint NOT NULL
);
CREATE MATERIALIZED VIEW daily AS
SELECT charge_day, x_tokensource, billing_currency,
       tokcost.lane_sum(x_tokensource, cost, tokens, billing_currency) AS total
  FROM cost_rows
 GROUP BY 1, 2, 3;
CREATE UNIQUE INDEX daily_key ON daily (charge_day, x_tokensource, billing_currency);
SQL

# Each insert transaction commits two rows, so that a half-committed
# transaction would show as an odd count.
cat >"$work/insert.sql" <<'EOF_SQL'
\set lane random(1, 3)
\set day random(0, 29)
\set cents random(-500, 100000)
\set tokens random(0, 5000000)
BEGIN;
INSERT INTO cost_rows (charge_day, x_tokensource, billing_currency, cost, tokens)
VALUES (date '2026-11-01' + :day, (ARRAY['cloud-api', 'self-hosted-gpu', 'colo-gpu'])[:lane],
        'USD', :cents * 0.0001, :tokens);
INSERT INTO cost_rows (charge_day, x_tokensource, billing_currency, cost, tokens)
VALUES (date '2026-11-01' + :day, 'cloud-api', 'EUR', :cents * 0.001, :tokens / 2);
COMMIT;
EOF_SQL

cat >"$work/analyst.sql" <<'EOF_SQL'
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT x_tokensource, billing_currency,
       tokcost.lane_cost_per_mtok(x_tokensource, cost, tokens, billing_currency)
  FROM cost_rows GROUP BY 1, 2;
SELECT x_tokensource, billing_currency, tokcost.cost_per_mtok(tokcost.lane_sum(total))
  FROM daily GROUP BY 1, 2;
SELECT charge_day, tokcost.lane_sum(x_tokensource, cost, tokens)
  FROM cost_rows WHERE x_tokensource = 'colo-gpu' GROUP BY 1;
EOF_SQL

log "running inserts, analysts and refreshes for ${duration}s"
"$bindir/pgbench" -n -c 2 -j 2 -T "$duration" -f "$work/insert.sql" tokcost_concurrency \
    >"$work/insert.out" 2>&1 &
insert_pid=$!
"$bindir/pgbench" -n -c 2 -j 2 -T "$duration" -f "$work/analyst.sql" tokcost_concurrency \
    >"$work/analyst.out" 2>&1 &
analyst_pid=$!

refreshes=0
refresh_failures=0
deadline=$((SECONDS + duration))
while [ $SECONDS -lt $deadline ]; do
    if sql -c 'REFRESH MATERIALIZED VIEW CONCURRENTLY daily' 2>>"$work/refresh.err"; then
        refreshes=$((refreshes + 1))
    else
        refresh_failures=$((refresh_failures + 1))
    fi
    sleep 0.2
done
wait "$insert_pid"; insert_status=$?
wait "$analyst_pid"; analyst_status=$?

# pgbench exits 2 when a client aborted; above 128 a signal from outside
# the test stopped it.
describe_status() {
    if [ "$1" -gt 128 ]; then echo "pgbench killed by signal $(($1 - 128))"; else echo "pgbench status $1"; fi
}
processed() { sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$1"; }
failed() { sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$1"; }
inserts=$(processed "$work/insert.out")
analyses=$(processed "$work/analyst.out")

if [ "$insert_status" -eq 0 ] && [ "$(failed "$work/insert.out")" = 0 ]; then
    ok "$inserts insert transactions committed, none failed"
else
    not_ok "insert clients finished without a failed transaction ($(describe_status "$insert_status"))"
    sed 's/^/# /' "$work/insert.out" | tail -n 20
fi
if [ "$analyst_status" -eq 0 ] && [ "$(failed "$work/analyst.out")" = 0 ]; then
    ok "$analyses analyst transactions ran, none failed"
else
    not_ok "analyst clients finished without a failed transaction ($(describe_status "$analyst_status"))"
    sed 's/^/# /' "$work/analyst.out" | tail -n 20
fi
if [ "$refreshes" -gt 0 ] && [ "$refresh_failures" -eq 0 ]; then
    ok "$refreshes concurrent refreshes, none failed"
else
    not_ok "concurrent refreshes: $refreshes succeeded, $refresh_failures failed"
    sed 's/^/# /' "$work/refresh.err" | tail -n 20
fi

sql -c 'REFRESH MATERIALIZED VIEW CONCURRENTLY daily'
check "the table holds the two rows of every committed insert transaction" \
    "[ \"\$(sql -c 'SELECT count(*) FROM cost_rows')\" = $((2 * ${inserts:-0})) ]"
check "the final refresh counts every row exactly once" \
    "[ \"\$(sql -c 'SELECT sum(tokcost.rows(total)) FROM daily')\" = \"\$(sql -c 'SELECT count(*) FROM cost_rows')\" ]"
check "every group of the final refresh equals sum() and count() over the table" \
    "[ \"\$(sql -c \"SELECT count(*) FROM daily d
        FULL JOIN (SELECT charge_day, x_tokensource, billing_currency, sum(cost)::text AS cost,
                          sum(tokens)::text AS tokens, count(*) AS row_count
                     FROM cost_rows GROUP BY 1, 2, 3) r
          USING (charge_day, x_tokensource, billing_currency)
       WHERE d.total IS NULL OR r.row_count IS NULL
          OR tokcost.cost(d.total)::text <> r.cost OR tokcost.tokens(d.total)::text <> r.tokens
          OR tokcost.rows(d.total) <> r.row_count\")\" = 0 ]"

# Two replacing loads of one source at once: the second waits for the
# first, then replaces it, so the source's rows count once.
sql <<'SQL'
CREATE TABLE staged_lines (line_number bigint GENERATED ALWAYS AS IDENTITY, line text);
INSERT INTO staged_lines (line) VALUES
    ('BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,x_TokenSource'),
    ('10,10,USD,Usage,2026-11-02,2026-11-03,cloud-api');
SELECT count(*) FROM tokcost.load_focus_csv('staged_lines', 'restated.csv');
SQL
sql -c "BEGIN" \
    -c "SELECT count(*) FROM tokcost.load_focus_csv('staged_lines', 'restated.csv', replace => true)" \
    -c "SELECT pg_sleep(2)" -c "COMMIT" >/dev/null &
first_load=$!
sleep 1
sql -c "SELECT count(*) FROM tokcost.load_focus_csv('staged_lines', 'restated.csv', replace => true)" >/dev/null
wait "$first_load"
check "concurrent replacing loads leave one load of the source" \
    "[ \"\$(sql -c \"SELECT count(*) FROM tokcost.focus_load WHERE source = 'restated.csv' AND replaced_by IS NULL\")\" = 1 ]"
check "concurrent replacing loads count the source's cost once" \
    "[ \"\$(sql -c \"SELECT sum(c.effectivecost) FROM tokcost.focus_charge c JOIN tokcost.focus_load l USING (load_id) WHERE l.source = 'restated.csv'\")\" = 10 ]"

check "no server process crashed" \
    "! grep -E -q 'terminated by signal|PANIC' '$work/cluster/server.log'"
check "the server logged no error" "! grep -q 'ERROR:' '$work/cluster/server.log'"
echo "1..$n"
