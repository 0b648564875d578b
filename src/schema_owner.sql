
-- In a trusted install, CREATE EXTENSION makes schema tokcost owned by the
-- role that runs it, and a schema's owner may rename it.  The name is then
-- free for a schema of that role's own, whose functions tokcost's PL/pgSQL
-- code would call by name, with the privileges of whoever runs it, a
-- superuser included.  So the schema belongs to the role that runs this
-- script: the bootstrap superuser in a trusted install, else the
-- superuser who installs.
ALTER SCHEMA tokcost OWNER TO CURRENT_USER;
