/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  Shims for server API differences between PostgreSQL 13 and 17.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TOKCOST_COMPAT_H
#define TOKCOST_COMPAT_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#if PG_VERSION_NUM < 140000
/* PostgreSQL 14 added int64_to_numeric; before it, go through the cast. */
static inline Numeric
int64_to_numeric(int64 value)
{
	return DatumGetNumeric(DirectFunctionCall1(int8_numeric,
											   Int64GetDatum(value)));
}
#endif

#endif							/* TOKCOST_COMPAT_H */
