/*-------------------------------------------------------------------------
 *
 * lane_agg.h
 *	  Input handling shared by the lane aggregates' transition functions and
 *	  their moving-aggregate (window) variants.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TOKCOST_LANE_AGG_H
#define TOKCOST_LANE_AGG_H

#include "postgres.h"

#include "fmgr.h"

#include "decimal.h"

/* SQL types that the cost and tokens arguments accept. */
typedef enum InputKind
{
	INPUT_NUMERIC,
	INPUT_FLOAT8,
	INPUT_INT8,
	INPUT_INT4
} InputKind;

/*
 * The varlena behind a datum, detoasted only when it is compressed or
 * stored out of line: what PG_DETOAST_DATUM_PACKED returns, without its
 * function call on the per-row path.  Values read from a heap tuple are
 * seldom either, so a row's lane and cost are read where they lie.
 */
static inline struct varlena *
lane_datum_varlena(Datum datum)
{
	struct varlena *value = (struct varlena *) DatumGetPointer(datum);

	if (unlikely(VARATT_IS_COMPRESSED(value) || VARATT_IS_EXTERNAL(value)))
		return pg_detoast_datum_packed(value);
	return value;
}

extern void lane_input_add(DecimalSum *sum, InputKind kind, Datum value);
extern bool lane_input_units(InputKind kind, Datum value, const char *name,
							 int128 *units, int *scale);

#endif							/* TOKCOST_LANE_AGG_H */
