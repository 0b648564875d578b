#!/usr/bin/env bash
# Run the pg_regress suite and the bad-input pgTAP suite against a server
# under valgrind's memcheck, and fail on any invalid read or write, use of
# uninitialised memory, or invalid free that valgrind reports.  Prints TAP.
#
# The server is the installed one (PG_CONFIG), with the installed tokcost,
# so what is checked is the build that ships.  Debian's server is built
# without USE_VALGRIND, so memcheck does not know palloc's chunks: it finds
# accesses outside malloc'd blocks (large pallocs, stack, static memory)
# and uninitialised bytes anywhere, but not an overrun from one palloc
# chunk into its neighbour.  test/valgrind/postgres.supp holds the reports
# that are not tokcost's, each with its reason.
#
# Environment: PG_CONFIG, TOKCOST_ROOT, SCRATCH (work folder), and
# TOKCOST_VALGRIND_SECONDS, the limit for the whole run (default 900).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export TOKCOST_ROOT=${TOKCOST_ROOT:-$(cd "$here/../.." && pwd)}
source "$TOKCOST_ROOT/test/lib.sh"
work=${SCRATCH:-$(make_scratch_dir valgrind)}
mkdir -p "$work/logs"
chmod 755 "$work"
[ "$(id -u)" -eq 0 ] && chown "$(server_user)" "$work/logs"
limit=${TOKCOST_VALGRIND_SECONDS:-900}
bindir=$("$PG_CONFIG" --bindir)
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }

# initdb and the settings come from cluster_start; the server then
# restarts under valgrind through a wrapper that pg_ctl runs in place of
# postgres.  Every process the postmaster forks stays under valgrind and
# writes its own log.
TOKCOST_SERVER_OPTIONS="max_parallel_workers_per_gather = 2
autovacuum = off" cluster_start "$work/cluster" >/dev/null
cluster_stop "$work/cluster"
cp "$here/postgres.supp" "$work/postgres.supp"
cat >"$work/postgres-valgrind" <<EOF_WRAPPER
#!/bin/sh
exec valgrind --quiet --tool=memcheck --trace-children=no --leak-check=no \\
    --track-origins=yes --num-callers=30 --read-var-info=no \\
    --suppressions="$work/postgres.supp" --gen-suppressions=all \\
    --log-file="$work/logs/%p.log" "$bindir/postgres" "\$@"
EOF_WRAPPER
chmod 755 "$work/postgres-valgrind"
started=$SECONDS
if as_server_user "$bindir/pg_ctl" -D "$work/cluster/data" -l "$work/cluster/server.log" \
        -p "$work/postgres-valgrind" -w -t 300 start >/dev/null; then
    ok "server starts under valgrind ($((SECONDS - started))s)"
else
    not_ok "server starts under valgrind"
    tail -n 20 "$work/cluster/server.log" | sed 's/^/# /'
    echo "1..$n"
    exit 1
fi
trap 'cluster_stop "$work/cluster"' EXIT

started=$SECONDS
timeout "$limit" make -C "$TOKCOST_ROOT" -s PG_CONFIG="$PG_CONFIG" installcheck \
    >"$work/regress.log" 2>&1
status=$?
passed=$(grep -cE ' \.\.\. ok ' "$work/regress.log")
failed=$(grep -cE ' \.\.\. FAILED' "$work/regress.log")
if [ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; then
    ok "pg_regress suite passes under valgrind: $passed tests in $((SECONDS - started))s"
else
    not_ok "pg_regress suite passes under valgrind (status $status, $failed failed)"
    tail -n 20 "$work/regress.log" | sed 's/^/# /'
    [ -f "$TOKCOST_ROOT/regression.diffs" ] && head -n 40 "$TOKCOST_ROOT/regression.diffs" | sed 's/^/# /'
fi

started=$SECONDS
createdb tokcost_valgrind_tap
psql -X -q -d tokcost_valgrind_tap -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION tokcost' >/dev/null
timeout "$limit" pg_prove -d tokcost_valgrind_tap "$TOKCOST_ROOT/test/pgtap/bad_input.sql" \
    >"$work/pgtap.log" 2>&1
status=$?
if [ "$status" -eq 0 ]; then
    ok "bad-input suite passes under valgrind ($((SECONDS - started))s)"
else
    not_ok "bad-input suite passes under valgrind (status $status)"
    tail -n 20 "$work/pgtap.log" | sed 's/^/# /'
fi

cluster_stop "$work/cluster"
logs=$(ls "$work/logs" | wc -l)
errors=$(cat "$work/logs"/*.log 2>/dev/null | grep -cE '^==[0-9]+== (Invalid|Conditional jump|Use of uninitialised|Syscall param|Mismatched free|Source and destination overlap|Argument .* of function)')
if [ "$errors" -eq 0 ]; then
    ok "valgrind reports no memory error ($logs process logs)"
else
    not_ok "valgrind reports $errors memory errors"
    grep -l -E '^==[0-9]+== (Invalid|Conditional|Use of|Syscall|Mismatched|Source and|Argument)' "$work/logs"/*.log |
        head -n 3 | xargs cat | head -n 120 | sed 's/^/# /'
fi
echo "1..$n"
