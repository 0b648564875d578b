#!/usr/bin/env bash
# Bounded libFuzzer run of tokcost's parsers for the test suite: each
# target (lane_total text, lane_total binary, price map JSON) for
# TOKCOST_FUZZ_SECONDS seconds, 60 unless set.  test/fuzz/run.sh does the
# work; run it directly, with a larger TOKCOST_FUZZ_SECONDS, to fuzz longer.
# Prints TAP.
set -uo pipefail
TOKCOST_FUZZ_WORK=${SCRATCH:-} exec bash "$TOKCOST_ROOT/test/fuzz/run.sh"
