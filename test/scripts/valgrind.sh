#!/usr/bin/env bash
# The pg_regress suite and the bad-input pgTAP suite on a server under
# valgrind, for the test suite; test/valgrind/run.sh does the work.
# Prints TAP.
set -uo pipefail
exec bash "$TOKCOST_ROOT/test/valgrind/run.sh"
