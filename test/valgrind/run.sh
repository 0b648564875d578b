#!/usr/bin/env bash
# Run the pg_regress suite and the bad-input pgTAP suite against a server
# under valgrind's memcheck, and fail on any invalid read or write, use of
# uninitialised memory, or invalid free that valgrind reports.  Prints TAP.
#
# The server is a private copy of the installation that PG_CONFIG names,
# with tokcost built from this tree with USE_VALGRIND, which differs from
# the shipped build only in its valgrind client requests: every lane_total
# that tokcost builds or returns from an aggregate is checked to have no
# undefined byte.  Debian's server is built without USE_VALGRIND, so
# memcheck does not know palloc's chunks: it finds accesses outside
# malloc'd blocks (large pallocs, stack, static memory) and uses of
# uninitialised bytes, but not an overrun from one palloc chunk into its
# neighbour.  test/valgrind/postgres.supp holds the reports about the
# server itself, each with its reason.
#
# Environment: PG_CONFIG, TOKCOST_ROOT, SCRATCH (work folder), and
# TOKCOST_VALGRIND_SECONDS, the limit for the whole run (default 900).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export TOKCOST_ROOT=${TOKCOST_ROOT:-$(cd "$here/../.." && pwd)}
source "$TOKCOST_ROOT/test/lib.sh"
source "$TOKCOST_ROOT/test/pg_copy.sh"
work=${SCRATCH:-$(make_scratch_dir valgrind)}
mkdir -p "$work/logs"
chmod 755 "$work"
[ "$(id -u)" -eq 0 ] && chown "$(server_user)" "$work/logs"
limit=${TOKCOST_VALGRIND_SECONDS:-900}
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }

rm -rf "$work/pg" "$work/build"
PG_CONFIG=$(pg_copy "$work/pg")
export PG_CONFIG
mkdir -p "$work/build"
cp -a "$TOKCOST_ROOT/Makefile" "$TOKCOST_ROOT/tokcost.control" "$TOKCOST_ROOT/src" "$work/build/"
make -C "$work/build" -s PG_CONFIG="$PG_CONFIG" clean >/dev/null 2>&1
if make -C "$work/build" -s PG_CONFIG="$PG_CONFIG" PG_CPPFLAGS=-DUSE_VALGRIND install \
        >"$work/build.log" 2>&1; then
    ok "tokcost builds with USE_VALGRIND into a private server copy"
else
    not_ok "tokcost builds with USE_VALGRIND into a private server copy"
    tail -n 20 "$work/build.log" | sed 's/^/# /'
    echo "1..$n"
    exit 1
fi
bindir=$("$PG_CONFIG" --bindir)

# initdb and the settings come from cluster_start; the server then
# restarts under valgrind through a wrapper that pg_ctl runs in place of
# postgres.  Every process the postmaster forks stays under valgrind and
# writes its own log.
# JIT is off: it is PostgreSQL's code, and loading LLVM under valgrind
# costs minutes and reports glibc's loader.
TOKCOST_SERVER_OPTIONS="jit = off
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
# With --quiet a log contains only errors.  Each starts with a line that
# has one space after the process id, and its details are indented more.
errors=$(cat "$work/logs"/*.log 2>/dev/null | grep -cE '^==[0-9]+== [^ ]')
if [ "$errors" -eq 0 ]; then
    ok "valgrind reports no memory error ($logs process logs)"
else
    not_ok "valgrind reports $errors memory errors"
    grep -l -E '^==[0-9]+== [^ ]' "$work/logs"/*.log | head -n 3 | xargs cat 2>/dev/null |
        head -n 120 | sed 's/^/# /'
fi
echo "1..$n"
