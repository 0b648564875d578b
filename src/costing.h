/*-------------------------------------------------------------------------
 *
 * costing.h
 *	  Costing arithmetic shared by the scalar functions and the aggregates,
 *	  and the argument checks behind their error messages.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TOKCOST_COSTING_H
#define TOKCOST_COSTING_H

#include "postgres.h"

#include "utils/numeric.h"

extern Numeric costing_cost_per_mtok(Numeric cost, Numeric tokens);

extern void check_finite(const char *name, Numeric value);
extern void check_finite_float8(const char *name, double value);
extern void check_not_negative(const char *name, Numeric value);

#endif							/* TOKCOST_COSTING_H */
