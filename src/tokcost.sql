-- tokcost install script, built by the Makefile from src/*.sql.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION tokcost" to load this file. \quit

-- CREATE EXTENSION creates schema tokcost unless it exists.  A schema made
-- beforehand lets its owner drop or replace what is in it.  An object
-- placed there before the install, or later by a role with CREATE, can
-- match a call to our functions more closely than our own and so run in
-- their place, with the privileges of the caller.  So a pre-existing
-- schema must be owned by the extension owner or a superuser, grant CREATE
-- to no other role, and be empty.
DO $$
DECLARE
    schema_oid pg_catalog.oid;
    schema_owner pg_catalog.oid;
    extension_owner pg_catalog.oid;
    schema_acl pg_catalog.aclitem[];
    creator pg_catalog.oid;
    object_count pg_catalog.int8;
BEGIN
    SELECT n.oid, n.nspowner, n.nspacl INTO schema_oid, schema_owner, schema_acl
      FROM pg_catalog.pg_namespace n
     WHERE n.nspname OPERATOR(pg_catalog.=) 'tokcost';
    SELECT e.extowner INTO extension_owner
      FROM pg_catalog.pg_extension e
     WHERE e.extname OPERATOR(pg_catalog.=) 'tokcost';
    IF schema_owner OPERATOR(pg_catalog.<>) extension_owner
       AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r
                 WHERE r.oid OPERATOR(pg_catalog.=) schema_owner) THEN
        RAISE EXCEPTION 'schema "tokcost" is owned by role "%", not by the extension owner "%"',
            schema_owner::pg_catalog.regrole, extension_owner::pg_catalog.regrole
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The owner of a schema can drop or replace the objects in it, so tokcost installs only into a schema owned by the extension owner or a superuser.',
                  HINT = 'Drop or rename that schema, or have a superuser take ownership of it, then run CREATE EXTENSION again.';
    END IF;

    SELECT a.grantee INTO creator
      FROM pg_catalog.aclexplode(schema_acl) a
     WHERE a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'
       AND a.grantee OPERATOR(pg_catalog.<>) schema_owner
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'schema "tokcost" grants CREATE to %',
            CASE WHEN creator OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
                 ELSE pg_catalog.format('role "%s"', creator::pg_catalog.regrole) END
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'A role that may create objects in schema tokcost can add functions or operators that match calls to tokcost''s own more closely.',
                  HINT = 'Revoke CREATE on schema tokcost from every role but its owner, then run CREATE EXTENSION again.';
    END IF;

    SELECT (SELECT pg_catalog.count(*) FROM pg_catalog.pg_class c
             WHERE c.relnamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_proc p
             WHERE p.pronamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_type t
             WHERE t.typnamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_operator o
             WHERE o.oprnamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_opfamily f
             WHERE f.opfnamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_collation l
             WHERE l.collnamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_conversion v
             WHERE v.connamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_ts_config g
             WHERE g.cfgnamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_ts_dict d
             WHERE d.dictnamespace OPERATOR(pg_catalog.=) schema_oid)
         OPERATOR(pg_catalog.+) (SELECT pg_catalog.count(*) FROM pg_catalog.pg_statistic_ext x
             WHERE x.stxnamespace OPERATOR(pg_catalog.=) schema_oid)
      INTO object_count;
    IF object_count OPERATOR(pg_catalog.>) 0 THEN
        RAISE EXCEPTION 'schema "tokcost" already contains % objects', object_count
            USING ERRCODE = 'duplicate_schema',
                  DETAIL = 'An object made in schema tokcost before the install could stand in for one of tokcost''s own.',
                  HINT = 'Move the objects out of schema tokcost or drop them, then run CREATE EXTENSION again.';
    END IF;
END
$$;

COMMENT ON SCHEMA tokcost IS 'tokcost: exact cost per AI token, lane by lane (cloud APIs, self-hosted and colocated GPUs)';

-- Analysts call the functions and read the price list; only the owner writes it.
GRANT USAGE ON SCHEMA tokcost TO PUBLIC;
