#!/usr/bin/env bash
# Security tests: a low-privilege role must not be able to capture CREATE
# EXTENSION tokcost, by pre-creating schema tokcost or objects in it, nor
# later calls of tokcost's functions, by placing functions named like ours
# earlier in a superuser's search_path.  The installed scripts must use no
# CREATE OR REPLACE and no SECURITY DEFINER, and the trusted install by a
# database owner must work and give that owner only what it needs.
# Prints TAP.
set -uo pipefail

work=${SCRATCH:-$(mktemp -d)}
mkdir -p "$work"
export PGOPTIONS='-c client_min_messages=warning'
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# expect_error NAME SQLSTATE USER DATABASE SQL: the SQL fails with SQLSTATE.
expect_error() {
    local output
    output=$(psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate \
                  -U "$3" -d "$4" -c "$5" 2>&1)
    if [ $? -ne 0 ] && printf '%s\n' "$output" | grep -q "^ERROR:  $2\$"; then
        ok "$1"
    else
        not_ok "$1"
        printf '%s\n' "# expected SQLSTATE $2, got:" "$output" | sed '2,$s/^/# /'
    fi
}
# expect_success NAME USER DATABASE SQL
expect_success() {
    local output
    if output=$(sql -U "$2" -d "$3" -c "$4" 2>&1); then
        ok "$1"
    else
        not_ok "$1"
        printf '%s\n' "$output" | sed 's/^/# /'
    fi
}
has_extension() {
    [ "$(sql -d "$1" -c "SELECT count(*) FROM pg_extension WHERE extname = 'tokcost'")" = 1 ]
}
fresh_db() {
    dropdb --if-exists "$1" >/dev/null 2>&1
    createdb -O "$2" "$1"
}

sql -d postgres >/dev/null <<'SQL'
DROP ROLE IF EXISTS tokcost_mallory;
DROP ROLE IF EXISTS tokcost_dbo;
CREATE ROLE tokcost_mallory LOGIN;
CREATE ROLE tokcost_dbo LOGIN;
SQL

# 1. The installed scripts.
extdir="$("$PG_CONFIG" --sharedir)/extension"
scripts=$(ls "$extdir"/tokcost--*.sql | tr '\n' ' ')
check "installed scripts found: $(echo $scripts | wc -w)" "[ -n '$scripts' ]"
check "no CREATE OR REPLACE in the install and update scripts" \
    "! grep -H -n -i 'or[[:space:]]\+replace[[:space:]]' $scripts | grep -i -v -- '^[^:]*:[0-9]*:[[:space:]]*--' | grep -i -q 'create'"
check "no IF NOT EXISTS in the install and update scripts" \
    "! grep -i -q 'if[[:space:]]\+not[[:space:]]\+exists' $scripts"
check "no SECURITY DEFINER in the install and update scripts" \
    "! grep -i -q 'security[[:space:]]\+definer' $scripts"

# 2. Schema tokcost made by a low-privilege role stops a superuser install.
db=tokcost_sec_schema
fresh_db $db postgres
sql -d $db -c "GRANT CREATE ON DATABASE $db TO tokcost_mallory" >/dev/null
sql -U tokcost_mallory -d $db -c "CREATE SCHEMA tokcost" >/dev/null
expect_error "schema tokcost of another role stops CREATE EXTENSION by a superuser" \
    42501 postgres $db "CREATE EXTENSION tokcost"
check "no extension after the rejected install" "! has_extension $db"
# ... and a trusted install by the database owner.
sql -d $db -c "ALTER DATABASE $db OWNER TO tokcost_dbo" >/dev/null
expect_error "schema tokcost of another role stops a trusted install" \
    42501 tokcost_dbo $db "CREATE EXTENSION tokcost"

# 3. A function of ours placed in a schema tokcost that its owner made and
# then gave up to a superuser is still refused, and never adopted.
sql -U tokcost_mallory -d $db -c "CREATE FUNCTION tokcost.cost_per_mtok(numeric, numeric)
    RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric'" >/dev/null
sql -d $db -c "ALTER SCHEMA tokcost OWNER TO postgres" >/dev/null
expect_error "a pre-created function named like ours stops CREATE EXTENSION" \
    42P06 postgres $db "CREATE EXTENSION tokcost"
check "the pre-created function is not adopted" \
    "! has_extension $db && [ \"\$(sql -d $db -c \"SELECT proowner::regrole FROM pg_proc WHERE proname = 'cost_per_mtok'\")\" = tokcost_mallory ]"

# 4. A superuser's schema tokcost that grants CREATE to others is refused.
db=tokcost_sec_grant
fresh_db $db postgres
sql -d $db -c "CREATE SCHEMA tokcost" -c "GRANT CREATE ON SCHEMA tokcost TO tokcost_mallory" >/dev/null
expect_error "schema tokcost granting CREATE to another role stops CREATE EXTENSION" \
    42501 postgres $db "CREATE EXTENSION tokcost"
sql -d $db -c "REVOKE CREATE ON SCHEMA tokcost FROM tokcost_mallory" >/dev/null
expect_success "an empty schema tokcost of a superuser is used" postgres $db "CREATE EXTENSION tokcost"

# 5. Every expression stored in an extension object (constraints, defaults,
# views, indexes, triggers) calls only pg_catalog and tokcost.
check "stored expressions refer only to pg_catalog and tokcost" \
    "[ \"\$(sql -d $db -c \"
      WITH member AS (
          SELECT d.objid FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid
           WHERE d.refclassid = 'pg_extension'::regclass AND e.extname = 'tokcost'
             AND d.classid = 'pg_class'::regclass AND d.deptype = 'e'),
      stored AS (
          SELECT 'pg_constraint'::regclass AS classid, oid AS objid FROM pg_constraint WHERE conrelid IN (SELECT objid FROM member)
          UNION ALL SELECT 'pg_attrdef'::regclass, oid FROM pg_attrdef WHERE adrelid IN (SELECT objid FROM member)
          UNION ALL SELECT 'pg_trigger'::regclass, oid FROM pg_trigger WHERE tgrelid IN (SELECT objid FROM member)
          UNION ALL SELECT 'pg_rewrite'::regclass, oid FROM pg_rewrite WHERE ev_class IN (SELECT objid FROM member)
          UNION ALL SELECT 'pg_class'::regclass, indexrelid FROM pg_index WHERE indrelid IN (SELECT objid FROM member))
      SELECT count(*) FROM stored s JOIN pg_depend d ON d.classid = s.classid AND d.objid = s.objid
        LEFT JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
        LEFT JOIN pg_operator o ON d.refclassid = 'pg_operator'::regclass AND o.oid = d.refobjid
       WHERE coalesce(p.pronamespace, o.oprnamespace) NOT IN ('pg_catalog'::regnamespace, 'tokcost'::regnamespace)\")\" = 0 ]"
check "every PL/pgSQL function pins search_path to pg_catalog, pg_temp" \
    "[ \"\$(sql -d $db -c \"SELECT count(*) FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
        WHERE p.pronamespace = 'tokcost'::regnamespace AND l.lanname = 'plpgsql'
          AND NOT coalesce(p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'], false)\")\" = 0 ]"
check "no SECURITY DEFINER function, or one without a pinned search_path" \
    "[ \"\$(sql -d $db -c \"SELECT count(*) FROM pg_proc WHERE pronamespace = 'tokcost'::regnamespace AND prosecdef\")\" = 0 ]"

# 6. After the install, functions named like ours in a schema that comes
# first in a superuser's search_path must not run in place of ours.  Each
# decoy records that it ran.
sql -d $db >/dev/null <<'SQL'
CREATE SCHEMA mallory AUTHORIZATION tokcost_mallory;
GRANT USAGE ON SCHEMA mallory TO PUBLIC;
SQL
sql -U tokcost_mallory -d $db >/dev/null <<'SQL'
CREATE TABLE mallory.captured (by_role name, decoy text);
GRANT INSERT ON mallory.captured TO PUBLIC;
CREATE FUNCTION mallory.lane_sum_final(tokcost.lane_total) RETURNS tokcost.lane_total
LANGUAGE plpgsql AS $$BEGIN INSERT INTO mallory.captured VALUES (current_user, 'lane_sum_final'); RETURN $1; END$$;
CREATE FUNCTION mallory.lane_total_combine(tokcost.lane_total, tokcost.lane_total) RETURNS tokcost.lane_total
LANGUAGE plpgsql AS $$BEGIN INSERT INTO mallory.captured VALUES (current_user, 'lane_total_combine'); RETURN $1; END$$;
CREATE FUNCTION mallory.api_rate(text, text, timestamptz, text) RETURNS numeric
LANGUAGE plpgsql AS $$BEGIN INSERT INTO mallory.captured VALUES (current_user, 'api_rate'); RETURN 0; END$$;
CREATE FUNCTION mallory.api_cost(numeric, numeric, numeric, numeric, numeric, numeric) RETURNS numeric
LANGUAGE plpgsql AS $$BEGIN INSERT INTO mallory.captured VALUES (current_user, 'api_cost'); RETURN 0; END$$;
CREATE FUNCTION mallory.now() RETURNS timestamptz
LANGUAGE plpgsql AS $$BEGIN INSERT INTO mallory.captured VALUES (current_user, 'now'); RETURN '2000-01-01'; END$$;
CREATE FUNCTION mallory.numeric_ge_int(numeric, integer) RETURNS boolean
LANGUAGE plpgsql AS $$BEGIN INSERT INTO mallory.captured VALUES (current_user, '>='); RETURN true; END$$;
CREATE OPERATOR mallory.>= (LEFTARG = numeric, RIGHTARG = integer, FUNCTION = mallory.numeric_ge_int);
CREATE FUNCTION mallory.text_eq(text, text) RETURNS boolean
LANGUAGE plpgsql AS $$BEGIN INSERT INTO mallory.captured VALUES (current_user, '='); RETURN true; END$$;
CREATE OPERATOR mallory.= (LEFTARG = text, RIGHTARG = text, FUNCTION = mallory.text_eq);
SQL
captured() { sql -d $db -c "SELECT count(*) FROM mallory.captured"; }

# The decoys work: an unqualified call through that search_path reaches one.
sql -d $db -c "SET search_path = mallory, tokcost, public" \
    -c "SELECT lane_sum_final('(a,,1,1,1)'::tokcost.lane_total)" >/dev/null
check "a decoy captures an unqualified call (the check can fail)" "[ \"\$(captured)\" = 1 ]"
sql -d $db -c "DELETE FROM mallory.captured" >/dev/null

if sql -d $db >"$work/capture.out" 2>&1 <<'SQL'
SET search_path = mallory, tokcost, public;
SELECT tokcost.lane_total_add('(a,USD,1.5,10,1)', '(a,USD,2,5,2)')::text;
SELECT ('(a,USD,1.5,10,1)'::tokcost.lane_total OPERATOR(tokcost.+) '(a,USD,2,5,2)')::text;
SELECT tokcost.lane_sum(l, c, t, u)::text FROM (VALUES ('a', 1.5, 10, 'USD'), ('a', 2, 5, 'USD')) v (l, c, t, u);
SELECT tokcost.lane_sum(x)::text FROM (VALUES ('(a,,1,1,1)'::tokcost.lane_total), ('(a,,2,2,2)')) v (x);
SELECT * FROM tokcost.import_price_map('{"m": {"input_cost_per_token": 2e-06, "output_cost_per_token": 8e-06, "litellm_provider": "p"}}', '2026-01-01');
INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from)
VALUES ('p', 'm2', 'input', 1, '2026-01-01');
UPDATE tokcost.api_price SET usd_per_mtok = 3 WHERE model = 'm2';
SELECT tokcost.api_rate('m', 'input', '2026-02-01');
SELECT tokcost.api_cost_by_model('m', '2026-02-01', 1000000, 1000000);
SELECT count(*) FROM tokcost.api_price_current;
SQL
then
    ok "tokcost's functions run under a hostile search_path"
else
    not_ok "tokcost's functions run under a hostile search_path"
    sed 's/^/# /' "$work/capture.out"
fi
check "results under the hostile search_path are tokcost's own" \
    "[ \"\$(sed -n '1,4p;6,7p' '$work/capture.out' | tr '\n' ' ')\" = '(a,USD,3.5,15,3) (a,USD,3.5,15,3) (a,USD,3.5,15,2) (a,,3,3,3) 2 10.000000 ' ]"
check "no decoy ran" "[ \"\$(captured)\" = 0 ]"
if [ "$(captured)" != 0 ]; then sql -d $db -c "SELECT * FROM mallory.captured" | sed 's/^/# /'; fi

# 7. The trusted install by a database owner who is no superuser.
db=tokcost_sec_trusted
fresh_db $db tokcost_dbo
expect_error "a role without CREATE on the database cannot install tokcost" \
    42501 tokcost_mallory $db "CREATE EXTENSION tokcost"
expect_success "the database owner installs tokcost without being a superuser" \
    tokcost_dbo $db "CREATE EXTENSION tokcost"
check "the database owner owns the extension" \
    "[ \"\$(sql -d $db -c \"SELECT extowner::regrole FROM pg_extension WHERE extname = 'tokcost'\")\" = tokcost_dbo ]"
check "the bootstrap superuser owns schema tokcost" \
    "[ \"\$(sql -d $db -c \"SELECT nspowner FROM pg_namespace WHERE nspname = 'tokcost'\")\" = 10 ]"
# Renamed, the schema's name would be free for a schema of the owner's own,
# whose functions tokcost's PL/pgSQL code calls by name.
expect_error "the database owner cannot rename schema tokcost" 42501 tokcost_dbo $db \
    "ALTER SCHEMA tokcost RENAME TO tokcost_moved"
expect_error "the database owner cannot add a function to schema tokcost" 42501 tokcost_dbo $db \
    "CREATE FUNCTION tokcost.rewriting_history(integer) RETURNS boolean LANGUAGE sql AS 'SELECT true'"
check "the bootstrap superuser owns the extension's functions and tables" \
    "[ \"\$(sql -d $db -c \"SELECT count(*) FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
        LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
        LEFT JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid
       WHERE e.extname = 'tokcost' AND d.deptype = 'e'
         AND coalesce(p.proowner, c.relowner) <> 10\")\" = 0 ]"
# pg_restore as this owner writes every config table, so each must grant
# its writes to the extension owner (GRANT ... TO @extowner@ in the script).
# A config sequence has no INSERT or DELETE privilege, and pg_restore sets
# its value with setval, which needs UPDATE.
check "the extension owner may write every config table" \
    "[ \"\$(sql -d $db -c \"SELECT coalesce(string_agg(c::regclass::text, ', '), 'none')
        FROM pg_extension e, unnest(e.extconfig) c
       WHERE e.extname = 'tokcost'
         AND NOT CASE WHEN (SELECT relkind FROM pg_class WHERE oid = c) = 'S'
                      THEN has_sequence_privilege(e.extowner, c, 'UPDATE')
                      ELSE has_table_privilege(e.extowner, c, 'INSERT')
                           AND has_table_privilege(e.extowner, c, 'UPDATE')
                           AND has_table_privilege(e.extowner, c, 'DELETE') END\")\" = none ]"
expect_success "the database owner keeps the price list" tokcost_dbo $db \
    "SELECT * FROM tokcost.import_price_map('{\"m\": {\"input_cost_per_token\": 1e-06, \"litellm_provider\": \"p\"}}', '2026-01-01')"
expect_error "the database owner cannot change a tokcost function" 42501 tokcost_dbo $db \
    "ALTER FUNCTION tokcost.cost_per_mtok(numeric, numeric) VOLATILE"
expect_error "the database owner cannot replace a tokcost function" 42501 tokcost_dbo $db \
    "CREATE OR REPLACE FUNCTION tokcost.api_rate(text, text, timestamptz, text) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric'"
expect_error "the database owner cannot detach a tokcost function from the extension" 42501 tokcost_dbo $db \
    "ALTER EXTENSION tokcost DROP FUNCTION tokcost.utilization(numeric, numeric)"
expect_error "the database owner cannot drop the price list's trigger" 42501 tokcost_dbo $db \
    "DROP TRIGGER api_price_check_overlap ON tokcost.api_price"
expect_error "another role cannot write the price list" 42501 tokcost_mallory $db \
    "INSERT INTO tokcost.api_price (provider, model, token_class, usd_per_mtok, valid_from) VALUES ('p', 'x', 'input', 0, '2026-01-01')"
expect_success "another role reads prices and calls the functions" tokcost_mallory $db \
    "SELECT tokcost.api_cost_by_model('m', '2026-02-01', 1000, 0), tokcost.lane_sum(l, c, t) FROM (VALUES ('a', 1, 1)) v (l, c, t)"
expect_success "the database owner updates and drops the extension" tokcost_dbo $db \
    "ALTER EXTENSION tokcost UPDATE; DROP EXTENSION tokcost"

# 8. A trusted 1.0 install updated by its owner.  Under 1.0 the owner owns
# schema tokcost and could create objects in it from another session until
# the update commits.  So the update needs a superuser's schema, and what
# was placed or granted there before stops it.
db=tokcost_sec_update
fresh_db $db tokcost_dbo
expect_success "the database owner installs tokcost 1.0" tokcost_dbo $db \
    "CREATE EXTENSION tokcost VERSION '1.0'"
expect_error "the owner's 1.0 schema stops the update" 42501 tokcost_dbo $db \
    "ALTER EXTENSION tokcost UPDATE"
expect_success "the database owner places a function in its 1.0 schema" tokcost_dbo $db \
    "CREATE FUNCTION tokcost.tokens_per_day(numeric, integer) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric'"
sql -d $db -c "ALTER SCHEMA tokcost OWNER TO postgres" >/dev/null
expect_error "a function of the owner's in the 1.0 schema stops the update" 42P06 tokcost_dbo $db \
    "ALTER EXTENSION tokcost UPDATE"
sql -d $db -c "DROP FUNCTION tokcost.tokens_per_day(numeric, integer)" >/dev/null
expect_error "CREATE granted on the 1.0 schema stops the update" 42501 postgres $db \
    "GRANT CREATE ON SCHEMA tokcost TO PUBLIC; ALTER EXTENSION tokcost UPDATE"
expect_success "the database owner updates once a superuser owns the schema" tokcost_dbo $db \
    "ALTER EXTENSION tokcost UPDATE"
check "the updated schema stays the bootstrap superuser's" \
    "[ \"\$(sql -d $db -c \"SELECT nspowner FROM pg_namespace WHERE nspname = 'tokcost'\")\" = 10 ]"
expect_error "the database owner cannot rename the updated schema" 42501 tokcost_dbo $db \
    "ALTER SCHEMA tokcost RENAME TO tokcost_moved"

# 9. A schema tokcost that the database owner made before a trusted
# install: the owner could fill it from another session during the install.
db=tokcost_sec_precreated
fresh_db $db tokcost_dbo
sql -U tokcost_dbo -d $db -c "CREATE SCHEMA tokcost" >/dev/null
expect_error "a schema the database owner made beforehand stops a trusted install" 42501 tokcost_dbo $db \
    "CREATE EXTENSION tokcost"
expect_success "a schema made in the install's own transaction is used" tokcost_dbo $db \
    "DROP SCHEMA tokcost; CREATE SCHEMA tokcost; CREATE EXTENSION tokcost"

for db in tokcost_sec_schema tokcost_sec_grant tokcost_sec_trusted tokcost_sec_update \
          tokcost_sec_precreated; do
    dropdb "$db"
done
sql -d postgres -c "DROP ROLE tokcost_mallory" -c "DROP ROLE tokcost_dbo" >/dev/null
echo "1..$n"
