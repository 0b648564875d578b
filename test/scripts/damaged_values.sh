#!/usr/bin/env bash
# Damaged lane_total values on disk: each field of the fixed header is
# overwritten in the heap file of a stopped server.  Every read of a
# damaged value must raise XX001 (data_corrupted).  It must never crash,
# raise another error, or return a value that the type's input rejects.
#
# The offsets follow struct LaneTotal in src/lane_total.h on a 64-bit
# build, where PostgreSQL declares int128 8-byte aligned.  The version is at
# byte 4, flags 5, lane_len 6, currency_len 7, cost_scale 8, tokens_scale 10
# and rows 16.  The lane bytes start at 56, the currency follows them, and a
# sum in numeric form follows at the next multiple of 8.
set -uo pipefail

source "$TOKCOST_ROOT/test/lib.sh"
work=${SCRATCH:-$(mktemp -d)}
mkdir -p "$work"
bindir=$("$PG_CONFIG" --bindir)
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
sql() { psql -X -q -At -d tokcost_damage "$@"; }

cluster_start "$work/cluster" >/dev/null
trap 'cluster_stop "$work/cluster"' EXIT
export PGOPTIONS='-c client_min_messages=warning'
createdb tokcost_damage

# One row per damage, each with a lane of its own to find it by, and one
# row left whole.
# The numeric_* rows hold a cost of 10^40, too large for 128 bits, so the
# sum is stored in numeric form after the lane and currency.
damages="version flags lane_len currency_len cost_scale tokens_scale rows_zero rows_negative
         currency lane_byte numeric_nan numeric_size numeric_digit numeric_zero_digit
         numeric_weight"
{
    echo "CREATE EXTENSION tokcost;"
    echo "CREATE TABLE stored (id text PRIMARY KEY, total tokcost.lane_total);"
    for damage in whole $damages; do
        case $damage in
            numeric_*) cost=1e40 ;;
            *) cost=1.5 ;;
        esac
        echo "INSERT INTO stored VALUES ('$damage', '(lane-$damage,USD,$cost,10,3)');"
    done
    echo "CHECKPOINT;"
} | sql -v ON_ERROR_STOP=1 >/dev/null
heap="$work/cluster/data/$(sql -c "SELECT pg_relation_filepath('stored')")"
cluster_stop "$work/cluster"

python3 - "$heap" $damages <<'PY'
import struct
import sys

path, damages = sys.argv[1], sys.argv[2:]
page = bytearray(open(path, 'rb').read())
writes = {
    'version': ('<B', 4, 9),
    'flags': ('<B', 5, 0xF0),
    'lane_len': ('<B', 6, 0),
    'currency_len': ('<B', 7, 2),
    'cost_scale': ('<h', 8, 32767),
    'tokens_scale': ('<h', 10, -1),
    'rows_zero': ('<q', 16, 0),
    'rows_negative': ('<q', 16, -5),
}
for damage in damages:
    lane = ('lane-' + damage).encode()
    start = page.find(lane + b'USD') - 56
    if start < 0 or page.find(lane + b'USD', start + 57) >= 0:
        sys.exit('lane of %s not found once in %s' % (damage, path))
    # the cost numeric: its 4-byte length word, header word, first digit
    numeric = start + ((56 + len(lane) + 3 + 7) & ~7)
    writes.update({
        'currency': ('<3s', 56 + len(lane), b'us$'),
        'lane_byte': ('<B', 56, 0xFF),
        'numeric_nan': ('<H', numeric - start + 4, 0xC000),
        'numeric_size': ('<I', numeric - start, 0),
        'numeric_digit': ('<H', numeric - start + 6, 65535),
        'numeric_zero_digit': ('<H', numeric - start + 6, 0),
        # a short-form weight of -1 puts the digit of 10^40 past scale 0
        'numeric_weight': ('<H', numeric - start + 4,
                           struct.unpack_from('<H', page, numeric + 4)[0] | 0x7F),
    })
    fmt, offset, value = writes[damage]
    struct.pack_into(fmt, page, start + offset, value)
open(path, 'wb').write(page)
PY
[ $? -eq 0 ] || not_ok "damage written to the heap file"

as_server_user "$bindir/pg_ctl" -D "$work/cluster/data" -l "$work/cluster/server.log" \
    -w -t 60 start >/dev/null || not_ok "server restarts on the damaged file"

# The SQLSTATE of a query, or "value" when it returns.
outcome() {
    local output
    if output=$(sql -v ON_ERROR_STOP=1 -c '\set VERBOSITY sqlstate' -c "$1" 2>&1); then
        echo value
    else
        echo "$output" | sed -n 's/^.*ERROR:  *//p' | head -n 1
    fi
}

for damage in $damages; do
    for query in "SELECT total::text FROM stored WHERE id = '$damage'" \
                 "SELECT tokcost.cost(total) FROM stored WHERE id = '$damage'" \
                 "SELECT tokcost.lane_sum(total) FROM stored WHERE id = '$damage'"; do
        got=$(outcome "$query")
        if [ "$got" = XX001 ]; then
            ok "damaged $damage: ${query%% FROM*} raises XX001"
        else
            not_ok "damaged $damage: ${query%% FROM*} raises XX001 (got ${got:-nothing})"
        fi
    done
done
if [ "$(sql -c "SELECT total::text FROM stored WHERE id = 'whole'")" = "(lane-whole,USD,1.5,10,3)" ]; then
    ok "the undamaged value reads as it was written"
else
    not_ok "the undamaged value reads as it was written"
fi
if grep -E -q 'terminated by signal|PANIC' "$work/cluster/server.log"; then
    not_ok "no server process crashed"
else
    ok "no server process crashed"
fi
echo "1..$n"
