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

#include "decimal.h"

/* SQL types that the cost and tokens arguments accept. */
typedef enum InputKind
{
	INPUT_NUMERIC,
	INPUT_FLOAT8,
	INPUT_INT8,
	INPUT_INT4
} InputKind;

extern void lane_input_add(DecimalSum *sum, InputKind kind, Datum value);
extern bool lane_input_units(InputKind kind, Datum value, const char *name,
							 int128 *units, int *scale);

#endif							/* TOKCOST_LANE_AGG_H */
