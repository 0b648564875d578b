-- tokcost update script from 1.0 to 1.1, built by the Makefile from this
-- guard and the pieces that 1.1 adds.

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION tokcost UPDATE TO '1.1'" to load this file. \quit
