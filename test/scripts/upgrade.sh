#!/usr/bin/env bash
# ALTER EXTENSION tokcost UPDATE from 1.0 gives the same objects, the same
# tables kept by pg_dump and the same reference rows as a fresh install of
# the default version.  Prints TAP.
set -uo pipefail

work=${SCRATCH:-$(mktemp -d)}
mkdir -p "$work"

members="SELECT pg_describe_object(classid, objid, 0) FROM pg_depend
          WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
            AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'tokcost')
          ORDER BY 1"
config="SELECT array_agg(c::regclass::text ORDER BY c::regclass::text)
          FROM pg_extension, unnest(extconfig) AS c WHERE extname = 'tokcost'"
reference="SELECT (SELECT count(*) FROM tokcost.focus_column) || ' ' || (SELECT count(*) FROM tokcost.focus_value)"

for db in tokcost_fresh tokcost_upgraded; do
    dropdb --if-exists "$db" >/dev/null 2>&1
    createdb "$db"
done
psql -X -q -d tokcost_fresh -c 'CREATE EXTENSION tokcost'
psql -X -q -d tokcost_upgraded -c "CREATE EXTENSION tokcost VERSION '1.0'" -c 'ALTER EXTENSION tokcost UPDATE'

echo "1..4"
version=$(psql -X -At -d tokcost_upgraded -c "SELECT extversion FROM pg_extension WHERE extname = 'tokcost'")
default=$(psql -X -At -d tokcost_fresh -c "SELECT default_version FROM pg_available_extensions WHERE name = 'tokcost'")
if [ "$version" = "$default" ]; then
    echo "ok 1 - ALTER EXTENSION UPDATE brings 1.0 to $default"
else
    echo "not ok 1 - ALTER EXTENSION UPDATE brings 1.0 to $version, not $default"
fi
n=2
for query in "$members" "$config" "$reference"; do
    what=$(case $n in 2) echo "the same objects";; 3) echo "the same tables kept by pg_dump";; 4) echo "the same reference rows";; esac)
    if diff <(psql -X -At -d tokcost_fresh -c "$query") <(psql -X -At -d tokcost_upgraded -c "$query") >"$work/diff"; then
        echo "ok $n - an updated database has $what as a fresh install"
    else
        echo "not ok $n - an updated database does not have $what as a fresh install"
        sed 's/^/# /' "$work/diff"
    fi
    n=$((n + 1))
done
dropdb tokcost_fresh
dropdb tokcost_upgraded
