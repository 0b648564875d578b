/*-------------------------------------------------------------------------
 *
 * decimal.h
 *	  Exact decimal sums: a 128-bit count of 10^-scale units, with PostgreSQL
 *	  numeric as the fall-back for values that do not fit.
 *
 * A DecimalSum adds numeric, float8 and integer inputs without rounding.
 * Its scale is the largest display scale (dscale) of the values added, which
 * is the scale that PostgreSQL's sum(numeric) gives its result, so both print
 * the same digits.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TOKCOST_DECIMAL_H
#define TOKCOST_DECIMAL_H

#include "postgres.h"

#include "utils/numeric.h"

#ifndef HAVE_INT128
#error "tokcost needs a compiler with a 128-bit integer type (GCC or Clang on a 64-bit target)"
#endif

/* 10^DECIMAL_MAX_POW10 is the largest power of ten that int128 holds. */
#define DECIMAL_MAX_POW10	38

/* Largest display scale that numeric accepts (NUMERIC_DSCALE_MAX). */
#define DECIMAL_MAX_SCALE	0x3FFF

/*
 * A running exact sum.  While numeric is NULL the value is units * 10^-scale.
 * Once a value does not fit, numeric is the exact sum and units is unused.
 * The numeric lives in the memory context that was current when it was made.
 */
typedef struct DecimalSum
{
	bool		isnull;			/* no non-null value added yet */
	int16		scale;			/* largest dscale among the values added */
	int128		units;
	Numeric		numeric;
} DecimalSum;

/* Kinds of special numeric values, which no sum accepts. */
typedef enum DecimalSpecial
{
	DECIMAL_FINITE = 0,
	DECIMAL_NAN,
	DECIMAL_POS_INF,
	DECIMAL_NEG_INF
} DecimalSpecial;

extern const int128 decimal_pow10[DECIMAL_MAX_POW10 + 1];

extern DecimalSpecial decimal_numeric_special(Numeric value);
extern int	decimal_numeric_dscale(Numeric value);
extern bool decimal_units_from_numeric(Numeric value, int128 *units,
									   int *scale);
extern bool decimal_units_from_float8(double value, int128 *units,
									  int *scale);
extern bool decimal_add_units(int128 *sum, int16 *sum_scale,
							  int128 units, int scale);
extern bool decimal_rescale(int128 *units, int from_scale, int to_scale);
extern Numeric decimal_units_to_numeric(int128 units, int scale);
extern char *decimal_units_to_cstring(int128 units, int scale);
extern int	decimal_units_compare(int128 a, int a_scale,
								  int128 b, int b_scale);

extern void decimal_sum_init(DecimalSum *sum);
extern void decimal_sum_add_numeric(DecimalSum *sum, Numeric value);
extern void decimal_sum_add_int64(DecimalSum *sum, int64 value);
extern void decimal_sum_add_float8(DecimalSum *sum, double value);
extern void decimal_sum_add_sum(DecimalSum *sum, const DecimalSum *other);
extern void decimal_sum_subtract_sum(DecimalSum *sum, const DecimalSum *other);
extern void decimal_sum_set_scale(DecimalSum *sum, int scale);
extern void decimal_sum_canonicalize(DecimalSum *sum);
extern Numeric decimal_sum_to_numeric(const DecimalSum *sum);
extern int	decimal_sum_compare(const DecimalSum *a, const DecimalSum *b);
extern uint64 decimal_sum_hash(const DecimalSum *sum, uint64 seed);

#endif							/* TOKCOST_DECIMAL_H */
