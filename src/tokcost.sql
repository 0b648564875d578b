-- tokcost install script, built by the Makefile from src/*.sql.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION tokcost" to load this file. \quit

-- A tokcost schema made beforehand by another role would let that role drop
-- or replace our objects later, since a schema's owner may drop anything in
-- it.  Install only into a schema that the extension's owner or a superuser
-- owns.
DO $$
DECLARE
    schema_owner pg_catalog.oid;
    extension_owner pg_catalog.oid;
BEGIN
    SELECT n.nspowner INTO schema_owner
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
END
$$;

COMMENT ON SCHEMA tokcost IS 'tokcost: exact cost per AI token, lane by lane (cloud APIs, self-hosted and colocated GPUs)';

-- Analysts call the functions and read the price list; only the owner writes it.
GRANT USAGE ON SCHEMA tokcost TO PUBLIC;
