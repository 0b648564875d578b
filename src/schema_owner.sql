
-- In a trusted install, CREATE EXTENSION makes schema tokcost owned by the
-- role that runs it, and a schema's owner may rename it.  The name is then
-- free for a schema of that role's own.  tokcost's PL/pgSQL code would call
-- that schema's functions by name, with the privileges of its caller, a
-- superuser included.  So the schema belongs to the role that runs this
-- script: the bootstrap superuser in a trusted install, else the
-- superuser who installs.
--
-- The new owner counts only once this transaction commits, and until then
-- the old owner may still create objects in the schema from another
-- session, after the checks below.  So a schema that this transaction did
-- not create must belong to a superuser already: a non-superuser's schema
-- from before, such as a 1.0 install's or one made ahead of CREATE
-- EXTENSION, stops the install or update.  A schema made in this
-- transaction is invisible to other sessions until it commits.
--
-- An update from 1.0 gets the schema as the install left it.  A function
-- or operator placed there that is not the extension's can match a call of
-- tokcost's own more closely, and a role granted CREATE can add one later,
-- so either stops the update, as it stops a fresh install.
DO $$
DECLARE
    extension_oid pg_catalog.oid;
    schema_oid pg_catalog.oid;
    schema_owner pg_catalog.oid;
    made_here boolean;
    creator pg_catalog.oid;
    foreign_objects pg_catalog.text;
BEGIN
    SELECT e.oid INTO extension_oid
      FROM pg_catalog.pg_extension e
     WHERE e.extname OPERATOR(pg_catalog.=) 'tokcost';
    SELECT n.oid, n.nspowner INTO schema_oid, schema_owner
      FROM pg_catalog.pg_namespace n
     WHERE n.nspname OPERATOR(pg_catalog.=) 'tokcost';
    -- The install script's own GRANT rewrites the schema's row, so its
    -- owner dependency tells when the schema was made: age() of a row
    -- written by this transaction or one of its subtransactions is 0 or
    -- below.  The bootstrap superuser has no such row.
    SELECT pg_catalog.bool_or(pg_catalog.age(d.xmin) OPERATOR(pg_catalog.<=) 0) INTO made_here
      FROM pg_catalog.pg_shdepend d
     WHERE d.dbid OPERATOR(pg_catalog.=) (SELECT db.oid FROM pg_catalog.pg_database db
                                           WHERE db.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
       AND d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_namespace'::pg_catalog.regclass
       AND d.objid OPERATOR(pg_catalog.=) schema_oid
       AND d.deptype OPERATOR(pg_catalog.=) 'o';
    made_here := coalesce(made_here, false);

    IF NOT made_here
       AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r
                 WHERE r.oid OPERATOR(pg_catalog.=) schema_owner) THEN
        RAISE EXCEPTION 'schema "tokcost" is owned by role %, which is not a superuser',
            pg_catalog.quote_ident(schema_owner::pg_catalog.regrole::pg_catalog.text)
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'Its owner could create objects in it from another session until this command commits, and they would stay in tokcost''s schema.',
                  HINT = 'Have a superuser run ALTER SCHEMA tokcost OWNER TO a superuser, or drop the schema if it is empty, then run the command again.';
    END IF;

    SELECT a.grantee INTO creator
      FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
     WHERE n.oid OPERATOR(pg_catalog.=) schema_oid
       AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'
       AND a.grantee OPERATOR(pg_catalog.<>) n.nspowner
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'schema "tokcost" grants CREATE to %',
            CASE WHEN creator OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
                 ELSE pg_catalog.quote_ident(creator::pg_catalog.regrole::pg_catalog.text) END
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'A role that may create objects in schema tokcost can add functions or operators that match calls to tokcost''s own more closely.',
                  HINT = 'Revoke CREATE on schema tokcost from every role but its owner, then run the command again.';
    END IF;

    SELECT pg_catalog.string_agg(o.description, ', ' ORDER BY o.description) INTO foreign_objects
      FROM (SELECT 'function ' OPERATOR(pg_catalog.||) p.oid::pg_catalog.regprocedure::pg_catalog.text AS description,
                   'pg_catalog.pg_proc'::pg_catalog.regclass AS classid, p.oid AS objid
              FROM pg_catalog.pg_proc p
             WHERE p.pronamespace OPERATOR(pg_catalog.=) schema_oid
            UNION ALL
            SELECT 'operator ' OPERATOR(pg_catalog.||) o.oid::pg_catalog.regoperator::pg_catalog.text,
                   'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid
              FROM pg_catalog.pg_operator o
             WHERE o.oprnamespace OPERATOR(pg_catalog.=) schema_oid) o
     WHERE NOT EXISTS (
           SELECT 1 FROM pg_catalog.pg_depend d
            WHERE d.classid OPERATOR(pg_catalog.=) o.classid
              AND d.objid OPERATOR(pg_catalog.=) o.objid
              AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
              AND d.refobjid OPERATOR(pg_catalog.=) extension_oid
              AND d.deptype OPERATOR(pg_catalog.=) 'e');
    IF foreign_objects IS NOT NULL THEN
        RAISE EXCEPTION 'schema "tokcost" contains objects that are not part of extension tokcost: %',
            foreign_objects
            USING ERRCODE = 'duplicate_schema',
                  DETAIL = 'A function or operator placed in schema tokcost can stand in for one of tokcost''s own.',
                  HINT = 'Move those objects out of schema tokcost or drop them, then run the command again.';
    END IF;
END
$$;

ALTER SCHEMA tokcost OWNER TO CURRENT_USER;
