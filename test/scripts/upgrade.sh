#!/usr/bin/env bash
# Upgrade test: ALTER EXTENSION tokcost UPDATE from every older version must
# give the same catalog state as a fresh install of the default version:
# the same member objects, function definitions, aggregate, operator and
# type properties, table definitions, comments and privileges, as printed
# by test/sql/catalog_snapshot.sql.  Run once as a superuser and once as a
# database owner who is not one (the trusted-extension path).  Prints TAP.
set -uo pipefail

work=${SCRATCH:-$(mktemp -d)}
mkdir -p "$work"
export PGOPTIONS='-c client_min_messages=warning'
snapshot_sql="$TOKCOST_ROOT/test/sql/catalog_snapshot.sql"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
snapshot() { sql -d "$1" -f "$snapshot_sql" >"$2" 2>&1; }

default_version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$TOKCOST_ROOT/tokcost.control")
older_versions=$(sql -d postgres -c "SELECT version FROM pg_available_extension_versions
    WHERE name = 'tokcost' AND version <> '$default_version' ORDER BY version")

# A role that owns its database and is no superuser installs tokcost as a
# trusted extension.
sql -d postgres -c "DROP ROLE IF EXISTS tokcost_upgrade_owner" \
    -c "CREATE ROLE tokcost_upgrade_owner LOGIN" >/dev/null

for installer in postgres tokcost_upgrade_owner; do
    fresh=tokcost_fresh_$installer
    dropdb --if-exists "$fresh" >/dev/null 2>&1
    createdb -O "$installer" "$fresh"
    sql -U "$installer" -d "$fresh" -c 'CREATE EXTENSION tokcost' >"$work/$fresh.log" 2>&1
    check "fresh install as $installer is version $default_version" \
        "[ \"\$(sql -d $fresh -c \"SELECT extversion FROM pg_extension WHERE extname = 'tokcost'\")\" = '$default_version' ]"
    snapshot "$fresh" "$work/$fresh.snapshot"

    for version in $older_versions; do
        updated=tokcost_from_${version//./_}_$installer
        dropdb --if-exists "$updated" >/dev/null 2>&1
        createdb -O "$installer" "$updated"
        # Data stored under the old version must survive the update.  Under
        # 1.0 a trusted install's owner owns the schema, and the update
        # takes only a superuser's, so a superuser takes it over first.
        if sql -U "$installer" -d "$updated" >"$work/$updated.log" 2>&1 <<SQL &&
CREATE EXTENSION tokcost VERSION '$version';
CREATE TABLE daily (day date, total tokcost.lane_total);
INSERT INTO daily VALUES ('2026-11-02', '(cloud-api,USD,326.99,222800000,1)'),
                         ('2026-11-03', '(cloud-api,USD,373.75,229117000,1)');
CREATE INDEX daily_cost_idx ON daily (tokcost.cost(total));
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('openai', 'gpt-4o', 'input', 2.5, '2026-01-01');
SQL
           sql -d "$updated" -c 'ALTER SCHEMA tokcost OWNER TO postgres' >>"$work/$updated.log" 2>&1 &&
           sql -U "$installer" -d "$updated" -c 'ALTER EXTENSION tokcost UPDATE' >>"$work/$updated.log" 2>&1
        then
            ok "update from $version to $default_version as $installer"
        else
            not_ok "update from $version to $default_version as $installer"
            sed 's/^/# /' "$work/$updated.log"
        fi
        check "updated database is version $default_version" \
            "[ \"\$(sql -d $updated -c \"SELECT extversion FROM pg_extension WHERE extname = 'tokcost'\")\" = '$default_version' ]"
        check "data stored under $version reads the same after the update" \
            "[ \"\$(sql -d $updated -c \"SELECT string_agg(total::text || ' ' || tokcost.cost(total), ';' ORDER BY day) FROM daily\")\" = '(cloud-api,USD,326.99,222800000,1) 326.99;(cloud-api,USD,373.75,229117000,1) 373.75' ]"
        check "prices stored under $version survive the update" \
            "[ \"\$(sql -d $updated -c \"SELECT count(*) FROM tokcost.api_price\")\" = 1 ]"
        # The snapshot must not see the test's own data.
        sql -d "$updated" -c 'DELETE FROM tokcost.api_price' -c 'DROP TABLE daily' >/dev/null
        snapshot "$updated" "$work/$updated.snapshot"
        if diff -u "$work/$fresh.snapshot" "$work/$updated.snapshot" >"$work/$updated.diff"; then
            ok "$version updated to $default_version equals a fresh install as $installer ($(wc -l <"$work/$fresh.snapshot") catalog lines)"
        else
            not_ok "$version updated to $default_version equals a fresh install as $installer"
            sed 's/^/# /' "$work/$updated.diff" | head -n 200
        fi

        # The comparison must be able to fail: change one comment and one
        # privilege and expect both in the diff.
        sql -d "$updated" -c "COMMENT ON FUNCTION tokcost.lane_total_add(tokcost.lane_total, tokcost.lane_total) IS 'changed'" \
            -c "GRANT UPDATE ON tokcost.api_price TO PUBLIC" >/dev/null
        snapshot "$updated" "$work/$updated.changed"
        diff "$work/$fresh.snapshot" "$work/$updated.changed" >"$work/$updated.changed.diff"
        check "snapshot sees a changed comment" "grep -q \"comment='changed'\" '$work/$updated.changed.diff'"
        check "snapshot sees a changed privilege" "grep -q '=rw/' '$work/$updated.changed.diff'"
        dropdb "$updated"
    done
    dropdb "$fresh"
done

[ -n "$older_versions" ] && ok "older versions to update from: $(echo $older_versions)" ||
    not_ok "no older version of tokcost to update from"
check "every older version has an update path to $default_version" \
    "[ \"\$(sql -d postgres -c \"SELECT count(*) FROM pg_available_extension_versions v
        WHERE v.name = 'tokcost' AND v.version <> '$default_version'
          AND NOT EXISTS (SELECT 1 FROM pg_extension_update_paths('tokcost') p
                           WHERE p.source = v.version AND p.target = '$default_version'
                             AND p.path IS NOT NULL)\")\" = 0 ]"

sql -d postgres -c "DROP ROLE tokcost_upgrade_owner" >/dev/null
echo "1..$n"
