/*-------------------------------------------------------------------------
 *
 * tokcost.c
 *	  Module entry point of tokcost, a PostgreSQL extension that puts an
 *	  exact cost on AI tokens, lane by lane: metered cloud APIs and GPU
 *	  nodes that a company owns or colocates.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
