#!/usr/bin/env bash
# Dump and restore: pg_dump and pg_restore of a database that uses tokcost
# in tables, generated columns, expression indexes, a materialized view and
# the extension's config tables must report no error and lose nothing,
# with search_path = '' in the restoring session.  Runs twice: for an
# install, dump and restore by a superuser, and for all three by a
# database owner without superuser (a trusted install).  Prints TAP.
set -uo pipefail

work=${SCRATCH:-$(mktemp -d)}
mkdir -p "$work"
export PGOPTIONS='-c client_min_messages=warning'
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# Digest of every row of every relation outside the system schemas, and
# of every config table of every extension, one line per relation.
contents_sql="
SELECT format('%s %s %s', c.oid::regclass, count_rows, digest)
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 CROSS JOIN LATERAL (
       SELECT (xpath('/row/c/text()', query_to_xml(format(
                   'SELECT count(*) AS c FROM %s', c.oid::regclass), false, true, '')))[1]::text,
              (xpath('/row/d/text()', query_to_xml(format(
                   'SELECT md5(coalesce(string_agg(t::text, E''\\n'' ORDER BY t::text), '''')) AS d FROM %s t',
                   c.oid::regclass), false, true, '')))[1]::text) AS r (count_rows, digest)
 WHERE c.relkind IN ('r', 'm', 'p')
   AND (n.nspname NOT IN ('pg_catalog', 'information_schema', 'tokcost')
        OR c.oid IN (SELECT unnest(extconfig) FROM pg_extension))
 ORDER BY 1"

# Definitions of the user's objects: columns, constraints, indexes, views.
definitions_sql="
SELECT format('column %s.%s %s generated=%L default=%s', a.attrelid::regclass, a.attname,
              format_type(a.atttypid, a.atttypmod), a.attgenerated, pg_get_expr(d.adbin, d.adrelid))
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT format('constraint %s %s', conrelid::regclass, pg_get_constraintdef(oid))
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL
SELECT format('index %s valid=%s', pg_get_indexdef(i.indexrelid), i.indisvalid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE c.relnamespace = 'public'::regnamespace
UNION ALL
SELECT format('view %s %s', c.oid::regclass, pg_get_viewdef(c.oid))
  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm')
ORDER BY 1"

# Check every btree index of the restored database against its table, as
# amcheck does: a lane_total index out of order would show here.
amcheck_sql="
CREATE EXTENSION IF NOT EXISTS amcheck;
SELECT count(*) FROM (
    SELECT bt_index_check(i.indexrelid, true)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_am am ON am.oid = c.relam
     WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace) s"

sql -d postgres -c "DROP ROLE IF EXISTS tokcost_dump_owner" \
    -c "CREATE ROLE tokcost_dump_owner LOGIN" >/dev/null

for owner in postgres tokcost_dump_owner; do
    src=tokcost_dump_src_$owner
    dropdb --if-exists "$src" >/dev/null 2>&1
    createdb -O "$owner" "$src"
    if sql -U "$owner" -d "$src" -v focus_csv="$TOKCOST_SHARED_DATA/focus-1.0-sample.csv" \
           -v price_map="$TOKCOST_SHARED_DATA/model-prices-2025-09.json" \
           -f "$TOKCOST_ROOT/test/sql/sample_estate.sql" >"$work/$src.load.log" 2>&1; then
        ok "sample estate loads as $owner"
    else
        not_ok "sample estate loads as $owner"
        sed 's/^/# /' "$work/$src.load.log"
    fi
    sql -d "$src" -c "$contents_sql" >"$work/$src.contents"
    sql -d "$src" -c "$definitions_sql" >"$work/$src.definitions"
    sql -d "$src" -f "$TOKCOST_ROOT/test/sql/catalog_snapshot.sql" >"$work/$src.catalog"
    check "source has rows in the price list, the table and the view" \
        "grep -q '^tokcost.api_price [1-9]' '$work/$src.contents' &&
         grep -q '^focus_cost 1000 ' '$work/$src.contents' &&
         grep -q '^daily_lane [1-9]' '$work/$src.contents'"

    # Schema tokcost belongs to the bootstrap superuser even in a trusted
    # install, so a restore by another role leaves ownership out.  It also
    # runs in one transaction, because CREATE EXTENSION takes a
    # non-superuser's schema only when its own transaction made it.
    no_owner=
    [ "$owner" = postgres ] || no_owner="--no-owner"
    for format in custom plain; do
        dst=tokcost_dump_dst_${owner}_$format
        dropdb --if-exists "$dst" >/dev/null 2>&1
        createdb -O "$owner" "$dst"
        if [ "$format" = custom ]; then
            pg_dump -U "$owner" -Fc -f "$work/$src.dump" "$src" 2>"$work/$dst.dump.err"
            dump_status=$?
            PGOPTIONS="$PGOPTIONS -c search_path=" \
                pg_restore -U "$owner" $no_owner ${no_owner:+--single-transaction} --exit-on-error -d "$dst" "$work/$src.dump" \
                >"$work/$dst.restore.out" 2>"$work/$dst.restore.err"
            restore_status=$?
        else
            pg_dump -U "$owner" $no_owner -Fp -f "$work/$src.sql" "$src" 2>"$work/$dst.dump.err"
            dump_status=$?
            PGOPTIONS="$PGOPTIONS -c search_path=" \
                psql -X -q -U "$owner" -v ON_ERROR_STOP=1 --single-transaction \
                -d "$dst" -f "$work/$src.sql" >"$work/$dst.restore.out" 2>"$work/$dst.restore.err"
            restore_status=$?
        fi
        check "pg_dump ($format) as $owner succeeds without messages" \
            "[ $dump_status -eq 0 ] && [ ! -s '$work/$dst.dump.err' ]"
        # A plain dump replays the schema's grants, which only its owner,
        # the bootstrap superuser, can change: another role gets warnings.
        if [ -n "$no_owner" ]; then
            sed -i '/WARNING:  no privileges \(could be revoked\|were granted\) for "tokcost"$/d' \
                "$work/$dst.restore.err"
        fi
        if [ "$restore_status" -eq 0 ] && [ ! -s "$work/$dst.restore.err" ]; then
            ok "restore ($format) as $owner with search_path '' reports no error"
        else
            not_ok "restore ($format) as $owner with search_path '' reports no error"
            sed 's/^/# /' "$work/$dst.restore.err" | head -n 40
        fi

        sql -d "$dst" -c "$contents_sql" >"$work/$dst.contents"
        sql -d "$dst" -c "$definitions_sql" >"$work/$dst.definitions"
        sql -d "$dst" -f "$TOKCOST_ROOT/test/sql/catalog_snapshot.sql" >"$work/$dst.catalog"
        for part in contents definitions catalog; do
            if diff -u "$work/$src.$part" "$work/$dst.$part" >"$work/$dst.$part.diff"; then
                ok "restored $part ($format, $owner) equal the source ($(wc -l <"$work/$src.$part") lines)"
            else
                not_ok "restored $part ($format, $owner) equal the source"
                sed 's/^/# /' "$work/$dst.$part.diff" | head -n 60
            fi
        done
        check "restored btree indexes pass amcheck ($format, $owner)" \
            "[ \"\$(sql -d $dst -c \"$amcheck_sql\" 2>&1 | tail -n 1)\" -ge 5 ]"
        # The restored view must still refresh, concurrently, to the same rows.
        check "restored materialized view refreshes concurrently to the same rows ($format, $owner)" \
            "sql -U $owner -d $dst -c 'REFRESH MATERIALIZED VIEW CONCURRENTLY daily_lane' &&
             [ \"\$(sql -d $dst -c \"$contents_sql\" | grep '^daily_lane ')\" = \"\$(grep '^daily_lane ' '$work/$src.contents')\" ]"
        check "restored generated columns recompute to the stored values ($format, $owner)" \
            "[ \"\$(sql -d $dst -c \"SELECT count(*) FROM focus_cost
                 WHERE cost_per_mtok IS DISTINCT FROM tokcost.cost_per_mtok(effective_cost, tokens)
                    OR row_total::text IS DISTINCT FROM tokcost.lane_total_accum(NULL, x_tokensource,
                                                    effective_cost, tokens, billing_currency)::text\")\" = 0 ]"
        dropdb "$dst"
    done
    dropdb "$src"
done

sql -d postgres -c "DROP ROLE tokcost_dump_owner" >/dev/null
echo "1..$n"
