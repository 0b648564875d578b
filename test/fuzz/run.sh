#!/usr/bin/env bash
# Fuzz tokcost's parsers with libFuzzer in a real backend, and print TAP.
#
#   test/fuzz/run.sh [TARGET...]      targets: text binary price_map (default: all)
#
# Builds tokcost with clang's edge coverage into a private copy of the
# PostgreSQL installation that PG_CONFIG names, starts a throwaway cluster
# on 127.0.0.1 from that copy, builds the harness (tokcost_fuzz.c) and runs
# each target for TOKCOST_FUZZ_SECONDS seconds (default 60) from its seed
# corpus in test/fuzz/corpus/TARGET.  An input that crashes the backend,
# raises an unexpected SQLSTATE or breaks a round trip fails the target
# and is kept in the work folder as crash-*.
#
# Environment:
#   PG_CONFIG            pg_config of the server to copy (default: pg_config)
#   TOKCOST_FUZZ_SECONDS seconds per target (default 60)
#   TOKCOST_FUZZ_WORK    work folder (default: a new folder under /tmp); new
#                        corpus entries, logs and failing inputs are left there
#   TOKCOST_FUZZ_MERGE=1 afterwards, add to test/fuzz/corpus/TARGET the new
#                        inputs that reach edges its seeds do not (libFuzzer's
#                        -merge=1)
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export TOKCOST_ROOT=${TOKCOST_ROOT:-$(cd "$here/../.." && pwd)}
source "$TOKCOST_ROOT/test/lib.sh"
source "$TOKCOST_ROOT/test/pg_copy.sh"

seconds=${TOKCOST_FUZZ_SECONDS:-60}
targets=${*:-text binary price_map}
work=${TOKCOST_FUZZ_WORK:-$(make_scratch_dir fuzz)}
mkdir -p "$work"
chmod 755 "$work"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
bail() { not_ok "$1"; [ -n "${2:-}" ] && sed 's/^/# /' "$2" | tail -n 30; echo "1..$n"; exit 1; }

# 1. The fuzzing build of tokcost, in a private copy of the server.
log "copying the PostgreSQL installation to $work/pg"
rm -rf "$work/pg"
system_pg_config=$PG_CONFIG
PG_CONFIG=$(pg_copy "$work/pg")
export PG_CONFIG

log "building tokcost with edge coverage"
rm -rf "$work/build"
mkdir -p "$work/build"
cp -a "$TOKCOST_ROOT/Makefile" "$TOKCOST_ROOT/tokcost.control" "$TOKCOST_ROOT/src" "$work/build/"
# objects of an ordinary build may have come along; they have no coverage
make -C "$work/build" -s PG_CONFIG="$PG_CONFIG" clean >/dev/null 2>&1
clang -O1 -g -fPIC -Wall -Wextra -Werror -c "$here/coverage_shim.c" -o "$work/build/coverage_shim.o" ||
    bail "the coverage shim builds"
# CFLAGS replaces the server build's GCC flags, which clang does not all
# take, with the ones PostgreSQL code needs.  No -Werror: clang warns about
# the server headers' gnu_printf, and the ordinary GCC build keeps -Werror.
if make -C "$work/build" -s CC=clang with_llvm=no PG_CONFIG="$PG_CONFIG" \
        CFLAGS="-O1 -g -fno-strict-aliasing -fwrapv" \
        PG_CFLAGS="-Wall -Wno-ignored-attributes -fsanitize-coverage=trace-pc-guard" \
        SHLIB_LINK="$work/build/coverage_shim.o" install >"$work/build.log" 2>&1; then
    edges=$(objdump -d "$work/build/tokcost.so" | grep -c 'call.*<__sanitizer_cov_trace_pc_guard[@>]')
    if [ "$edges" -gt 0 ]; then
        ok "tokcost builds with edge coverage ($edges instrumented edges) into a private server copy"
    else
        bail "tokcost builds with edge coverage: no instrumented edge in tokcost.so"
    fi
else
    bail "tokcost builds with edge coverage into a private server copy" "$work/build.log"
fi

log "building the harness"
if clang -O1 -g -fsanitize=fuzzer -Wall -Wextra -Werror -I"$("$system_pg_config" --includedir)" \
        "$here/tokcost_fuzz.c" -L"$("$system_pg_config" --libdir)" -lpq \
        -o "$work/tokcost_fuzz" >"$work/harness.log" 2>&1; then
    ok "the libFuzzer harness builds"
else
    bail "the libFuzzer harness builds" "$work/harness.log"
fi

# 2. A server from the copy, with an empty coverage file in its data folder.
rm -rf "$work/cluster"
cluster_start "$work/cluster" >/dev/null
trap 'cluster_stop "$work/cluster"' EXIT
coverage="$work/cluster/data/tokcost_fuzz_coverage.bin"
truncate -s 65536 "$coverage"
[ "$(id -u)" -eq 0 ] && chown "$(server_user)" "$coverage"
createdb tokcost_fuzz
psql -X -q -d tokcost_fuzz -c 'CREATE EXTENSION tokcost' >/dev/null ||
    bail "tokcost installs in the fuzzing server" "$work/cluster/server.log"
# Keep a runaway input from holding up the run.
psql -X -q -d tokcost_fuzz -c "ALTER DATABASE tokcost_fuzz SET statement_timeout = '5s'" >/dev/null

# 3. The targets.
for target in $targets; do
    seeds="$TOKCOST_ROOT/test/fuzz/corpus/$target"
    corpus="$work/corpus/$target"
    mkdir -p "$corpus" "$work/artifacts"
    log "fuzzing $target for ${seconds}s"
    TOKCOST_FUZZ_TARGET=$target \
    TOKCOST_FUZZ_CONNINFO="host=$PGHOST port=$PGPORT user=$PGUSER dbname=tokcost_fuzz" \
    TOKCOST_FUZZ_COVERAGE=$coverage \
        "$work/tokcost_fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=20 \
        -rss_limit_mb=2048 -print_final_stats=1 \
        -dict="$TOKCOST_ROOT/test/fuzz/$target.dict" \
        -artifact_prefix="$work/artifacts/$target-" \
        "$corpus" "$seeds" >"$work/$target.log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log")
    coverage_line=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$work/$target.log" | tail -n 1 |
                    grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*')
    if [ "$status" -eq 0 ] && [ -n "$runs" ] && [ "${TOKCOST_FUZZ_MERGE:-0}" = 1 ]; then
        before=$(ls "$seeds" | wc -l)
        TOKCOST_FUZZ_TARGET=$target \
        TOKCOST_FUZZ_CONNINFO="host=$PGHOST port=$PGPORT user=$PGUSER dbname=tokcost_fuzz" \
        TOKCOST_FUZZ_COVERAGE=$coverage \
            "$work/tokcost_fuzz" -merge=1 -max_len=4096 "$seeds" "$corpus" \
            >"$work/$target.merge.log" 2>&1
        log "$target: corpus $before -> $(ls "$seeds" | wc -l) inputs in $seeds"
    fi
    if [ "$status" -eq 0 ] && [ -n "$runs" ]; then
        ok "$target: $runs inputs in ${seconds}s, $coverage_line, no failing input"
    else
        not_ok "$target: the fuzzer found a failing input or stopped (status $status)"
        grep -E -A8 'tokcost_fuzz:|ERROR|deadly signal' "$work/$target.log" | head -n 40 | sed 's/^/# /'
        ls "$work/artifacts" | sed 's/^/# artifact: /'
    fi
done

if grep -E -q 'terminated by signal|PANIC' "$work/cluster/server.log"; then
    not_ok "no backend crashed"
    grep -E -B2 'terminated by signal|PANIC' "$work/cluster/server.log" | head -n 20 | sed 's/^/# /'
else
    ok "no backend crashed"
fi
echo "1..$n"
