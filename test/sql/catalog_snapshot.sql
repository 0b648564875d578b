-- Print the catalog state of extension tokcost, one fact per line, sorted,
-- with every OID replaced by a name: so two databases print the same text
-- exactly when their tokcost objects are the same.  Used by
-- test/scripts/upgrade.sh to compare a fresh install with an updated one.
--
-- It walks pg_depend for the extension's members, so it covers objects
-- that later versions add with no change here.
SET search_path = pg_catalog;

WITH ext AS (
    SELECT oid, extname, extversion, extrelocatable, extconfig, extcondition,
           extnamespace
      FROM pg_extension WHERE extname = 'tokcost'
), member AS (
    SELECT d.classid, d.objid, d.objsubid
      FROM pg_depend d, ext
     WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid
       AND d.deptype = 'e'
), fact (line) AS (
    -- the extension itself, its schema and its config tables
    SELECT format('extension %s %s relocatable=%s schema=%s', extname, extversion,
                  extrelocatable, extnamespace::regnamespace)
      FROM ext
    UNION ALL
    SELECT format('extension config %s filter %L', c.cfg::regclass, c.cond)
      FROM ext, unnest(ext.extconfig, ext.extcondition) AS c (cfg, cond)
    UNION ALL
    SELECT format('schema %s owner=%s acl=%s comment=%L', n.nspname,
                  n.nspowner::regrole, n.nspacl, obj_description(n.oid, 'pg_namespace'))
      FROM pg_namespace n, ext WHERE n.oid = ext.extnamespace
    UNION ALL
    -- every member, with its comment and its recorded initial privileges
    SELECT format('member %s comment=%L', pg_describe_object(m.classid, m.objid, m.objsubid),
                  (SELECT d.description FROM pg_description d
                    WHERE d.classoid = m.classid AND d.objoid = m.objid AND d.objsubid = 0))
      FROM member m
    UNION ALL
    SELECT format('init privileges %s %s: %s', pg_describe_object(i.classoid, i.objoid, i.objsubid),
                  i.privtype, i.initprivs)
      FROM pg_init_privs i JOIN member m ON i.classoid = m.classid AND i.objoid = m.objid
    UNION ALL
    -- functions (not aggregates): the whole definition and the privileges
    SELECT format('function %s owner=%s acl=%s%s%s', p.oid::regprocedure, p.proowner::regrole,
                  p.proacl, chr(10), pg_get_functiondef(p.oid))
      FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
     WHERE p.prokind <> 'a'
    UNION ALL
    SELECT format('aggregate %s kind=%s direct=%s transfn=%s finalfn=%s combinefn=%s serialfn=%s '
                  'deserialfn=%s mtransfn=%s minvtransfn=%s mfinalfn=%s finalextra=%s '
                  'mfinalextra=%s finalmodify=%s mfinalmodify=%s sortop=%s transtype=%s '
                  'transspace=%s mtranstype=%s mtransspace=%s initval=%L minitval=%L '
                  'parallel=%s owner=%s acl=%s',
                  a.aggfnoid::regprocedure, a.aggkind, a.aggnumdirectargs,
                  a.aggtransfn::oid::regprocedure, nullif(a.aggfinalfn::oid, 0)::regprocedure,
                  nullif(a.aggcombinefn::oid, 0)::regprocedure,
                  nullif(a.aggserialfn::oid, 0)::regprocedure,
                  nullif(a.aggdeserialfn::oid, 0)::regprocedure,
                  nullif(a.aggmtransfn::oid, 0)::regprocedure,
                  nullif(a.aggminvtransfn::oid, 0)::regprocedure,
                  nullif(a.aggmfinalfn::oid, 0)::regprocedure,
                  a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify,
                  nullif(a.aggsortop, 0)::regoperator, a.aggtranstype::regtype, a.aggtransspace,
                  nullif(a.aggmtranstype, 0)::regtype, a.aggmtransspace, a.agginitval,
                  a.aggminitval, p.proparallel, p.proowner::regrole, p.proacl)
      FROM member m
      JOIN pg_aggregate a ON m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid
      JOIN pg_proc p ON p.oid = a.aggfnoid
    UNION ALL
    SELECT format('operator %s code=%s commutator=%s negator=%s restrict=%s join=%s '
                  'merges=%s hashes=%s result=%s owner=%s',
                  o.oid::regoperator, o.oprcode::oid::regprocedure,
                  nullif(o.oprcom, 0)::regoperator, nullif(o.oprnegate, 0)::regoperator,
                  nullif(o.oprrest::oid, 0)::regprocedure, nullif(o.oprjoin::oid, 0)::regprocedure,
                  o.oprcanmerge, o.oprcanhash, o.oprresult::regtype, o.oprowner::regrole)
      FROM member m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
    UNION ALL
    SELECT format('type %s type=%s len=%s byval=%s category=%s preferred=%s delim=%s '
                  'input=%s output=%s receive=%s send=%s modin=%s modout=%s analyze=%s '
                  'subscript=%s align=%s storage=%s notnull=%s element=%s array=%s '
                  'default=%L collation=%s owner=%s acl=%s',
                  t.oid::regtype, t.typtype, t.typlen, t.typbyval, t.typcategory,
                  t.typispreferred, t.typdelim, t.typinput::oid::regprocedure,
                  t.typoutput::oid::regprocedure, nullif(t.typreceive::oid, 0)::regprocedure,
                  nullif(t.typsend::oid, 0)::regprocedure, nullif(t.typmodin::oid, 0)::regprocedure,
                  nullif(t.typmodout::oid, 0)::regprocedure, nullif(t.typanalyze::oid, 0)::regprocedure,
                  nullif(t.typsubscript::oid, 0)::regprocedure, t.typalign, t.typstorage,
                  t.typnotnull, nullif(t.typelem, 0)::regtype, nullif(t.typarray, 0)::regtype,
                  t.typdefault, nullif(t.typcollation, 0)::regcollation, t.typowner::regrole, t.typacl)
      FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
    UNION ALL
    -- operator families: each operator and support function in them
    SELECT format('opfamily %s operator %s strategy=%s purpose=%s sortfamily=%s',
                  pg_describe_object('pg_opfamily'::regclass, f.oid, 0), ao.amopopr::regoperator,
                  ao.amopstrategy, ao.amoppurpose, nullif(ao.amopsortfamily, 0))
      FROM member m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid
      JOIN pg_amop ao ON ao.amopfamily = f.oid
    UNION ALL
    SELECT format('opfamily %s function %s (%s, %s) %s',
                  pg_describe_object('pg_opfamily'::regclass, f.oid, 0), ap.amprocnum,
                  ap.amproclefttype::regtype, ap.amprocrighttype::regtype,
                  ap.amproc::oid::regprocedure)
      FROM member m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid
      JOIN pg_amproc ap ON ap.amprocfamily = f.oid
    UNION ALL
    SELECT format('opclass %s family=%s type=%s default=%s keytype=%s',
                  pg_describe_object('pg_opclass'::regclass, c.oid, 0),
                  pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0),
                  c.opcintype::regtype, c.opcdefault, nullif(c.opckeytype, 0)::regtype)
      FROM member m JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid
    UNION ALL
    -- relations: kind, privileges, columns, constraints, indexes, triggers,
    -- view definitions and comments on columns
    SELECT format('relation %s kind=%s persistence=%s owner=%s acl=%s options=%s rowsecurity=%s',
                  c.oid::regclass, c.relkind, c.relpersistence, c.relowner::regrole, c.relacl,
                  c.reloptions, c.relrowsecurity)
      FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
    UNION ALL
    SELECT format('column %s.%s %s notnull=%s default=%s identity=%L generated=%L '
                  'collation=%s acl=%s comment=%L',
                  c.oid::regclass, a.attname, format_type(a.atttypid, a.atttypmod),
                  a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid), a.attidentity,
                  a.attgenerated, nullif(a.attcollation, 0)::regcollation, a.attacl,
                  col_description(c.oid, a.attnum))
      FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
    UNION ALL
    SELECT format('constraint %s on %s: %s comment=%L', k.conname, k.conrelid::regclass,
                  pg_get_constraintdef(k.oid), obj_description(k.oid, 'pg_constraint'))
      FROM member m JOIN pg_constraint k ON m.classid = 'pg_class'::regclass AND k.conrelid = m.objid
    UNION ALL
    SELECT format('index %s comment=%L', pg_get_indexdef(i.indexrelid),
                  obj_description(i.indexrelid, 'pg_class'))
      FROM member m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
    UNION ALL
    SELECT format('trigger %s enabled=%s comment=%L', pg_get_triggerdef(g.oid), g.tgenabled,
                  obj_description(g.oid, 'pg_trigger'))
      FROM member m JOIN pg_trigger g ON m.classid = 'pg_class'::regclass AND g.tgrelid = m.objid
     WHERE NOT g.tgisinternal
    UNION ALL
    SELECT format('policy %s on %s: %s', pol.polname, pol.polrelid::regclass,
                  pg_get_expr(pol.polqual, pol.polrelid))
      FROM member m JOIN pg_policy pol ON m.classid = 'pg_class'::regclass AND pol.polrelid = m.objid
    UNION ALL
    SELECT format('view %s: %s', c.oid::regclass, pg_get_viewdef(c.oid))
      FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
     WHERE c.relkind IN ('v', 'm')
    UNION ALL
    SELECT format('sequence %s type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s',
                  s.seqrelid::regclass, s.seqtypid::regtype, s.seqstart, s.seqincrement,
                  s.seqmin, s.seqmax, s.seqcache, s.seqcycle)
      FROM member m JOIN pg_sequence s ON m.classid = 'pg_class'::regclass AND s.seqrelid = m.objid
    UNION ALL
    SELECT format('cast %s context=%s method=%s', pg_describe_object(m.classid, m.objid, 0),
                  ca.castcontext, ca.castmethod)
      FROM member m JOIN pg_cast ca ON m.classid = 'pg_cast'::regclass AND ca.oid = m.objid
    UNION ALL
    -- the rows of the reference tables that the install script fills and
    -- pg_dump does not keep (config tables hold the user's rows instead)
    SELECT format('reference rows %s: %s', c.oid::regclass,
                  (xpath('/row/digest/text()',
                         query_to_xml(format('SELECT count(*) || '' rows, md5 '' || '
                                             'md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) '
                                             'AS digest FROM %s t', c.oid::regclass),
                                      false, true, '')))[1]::text)
      FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
     WHERE c.relkind = 'r'
       AND c.oid <> ALL ((SELECT extconfig FROM ext)::oid[])
)
SELECT line FROM fact ORDER BY line COLLATE "C";
