-- Privileges of the extension owner (1.1).  In a trusted install the
-- bootstrap superuser runs this script and owns every object it makes, so
-- the database owner who ran CREATE EXTENSION is granted the writes that
-- it needs: keeping the price list, and restoring a dump of it.  In an
-- install by a superuser the extension owner owns the objects already, and
-- these grants change nothing.

GRANT INSERT, UPDATE, DELETE ON tokcost.api_price TO @extowner@;
