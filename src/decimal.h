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

/* 10^DECIMAL_MAX_INT64_POW10 is the largest power of ten that int64 holds. */
#define DECIMAL_MAX_INT64_POW10	18

extern const int128 decimal_pow10[DECIMAL_MAX_POW10 + 1];
extern const int64 decimal_pow10_int64[DECIMAL_MAX_INT64_POW10 + 1];

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

/*
 * Add b to *a, returning false (and leaving *a alone) on overflow.  The sum
 * is taken in unsigned arithmetic, where wrapping is defined, and overflow
 * shows as a result whose sign differs from both operands'.
 */
static inline bool
decimal_add_checked(int128 *a, int128 b)
{
	int128		result = (int128) ((uint128) *a + (uint128) b);

	if (((*a ^ result) & (b ^ result)) < 0)
		return false;
	*a = result;
	return true;
}

/*
 * Add an int64 count of 10^-scale units to a sum at *sum_scale: the
 * per-row step of the lane aggregates.  When the value's scale is below
 * the sum's by at most 18, aligning it is one 64-by-64-bit multiplication
 * that cannot overflow, because |units| <= 2^63 and 10^18 < 2^60.  Other
 * cases, such as a value that widens the sum's scale, take
 * decimal_add_units.  Returns false, with the sum unchanged, when the
 * result does not fit in 128 bits.
 */
static inline bool
decimal_add_int64_units(int128 *sum, int16 *sum_scale, int64 units, int scale)
{
	int			shift = *sum_scale - scale;

	if (likely(shift == 0))
		return decimal_add_checked(sum, units);
	if (likely(shift > 0 && shift <= DECIMAL_MAX_INT64_POW10))
		return decimal_add_checked(sum, (int128) units *
								   (int128) decimal_pow10_int64[shift]);
	return decimal_add_units(sum, sum_scale, units, scale);
}

#endif							/* TOKCOST_DECIMAL_H */
