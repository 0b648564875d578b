/*-------------------------------------------------------------------------
 *
 * float8_read.h
 *	  Converting a float8 to the units of its numeric cast without printing.
 *
 * Static inline, like numeric_read.h, so that the aggregate transitions
 * compile the conversion in: it runs once per row.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TOKCOST_FLOAT8_READ_H
#define TOKCOST_FLOAT8_READ_H

#include "postgres.h"

#include <float.h>
#include <math.h>

/*
 * Powers of ten as float8, from 10^-FLOAT8_POW10_BIAS: those from 10^0 to
 * 10^22 are exact, and those below 1 are the nearest float8.
 */
#define FLOAT8_POW10_BIAS	9
#define FLOAT8_POW10_MAX	22

extern const double float8_read_pow10[FLOAT8_POW10_BIAS + FLOAT8_POW10_MAX + 1];

/*
 * Set *units to value * 10^scale when that is an integer d of at most 15
 * digits with d / 10^scale == value in float8, the test explained below.
 */
static pg_attribute_always_inline bool
float8_units_at_scale(double value, int scale, int64 *units)
{
	double		power = float8_read_pow10[scale + FLOAT8_POW10_BIAS];
	double		digits = rint(value * power);

	if (!(fabs(digits) < 1e15) || digits / power != value)
		return false;
	*units = (int64) digits;
	return true;
}

/*
 * Find the float8-to-numeric cast by arithmetic alone for a float8 of at
 * most 15 digits at sum_scale (up to 22), and otherwise for zero or a
 * float8 of magnitude 10^-8 to 10^15.  Sets *units to the value in units of
 * 10^-*scale.  *scale is the cast's display scale, or a larger one up to
 * sum_scale when the display scale is below sum_scale.  Adding the units
 * to a sum of scale sum_scale gives the sum the right scale either way,
 * and stripping zeros that the sum would put back is skipped.  Returns
 * false, setting nothing, when arithmetic cannot tell the result; the
 * caller then prints the value.
 *
 * The cast's value is the decimal D nearest the float8 v among those with
 * DBL_DIG (15) significant digits, with trailing zeros dropped from the
 * display scale.  Two such decimals lie more than 4 units in the last
 * place of v apart (10^-15 relative against 2^-52), so at most one of them
 * rounds to v.  If one does, it is D, since D is at least as close to v.
 * So a digit string d of at most 15 digits with d / 10^s == v in float8
 * is D: both d and 10^s (s <= 22) are exact in float8, and IEEE 754
 * division rounds correctly, so the test is exact.  Scaling v by 10^s and
 * rounding only proposes d, and the test checks it.
 */
static pg_attribute_always_inline bool
float8_read_int64_units(double value, int sum_scale, int64 *units, int *scale)
{
	double		magnitude = fabs(value);
	uint64		bits;
	int			binary_exponent;
	int			decimal_exponent;
	int			s;
	int64		result;

#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
	/* the test needs float8 arithmetic rounded to float8, not wider */
	return false;
#endif

	/*
	 * Try sum_scale first: a value with at most that many decimals, the
	 * common case once a sum has seen a few rows, then needs neither its
	 * exponent nor zeros stripped.  The test proves at most 15 digits right
	 * at any scale the table holds, whatever the value's magnitude, and a
	 * value with more decimals than sum_scale fails it.
	 */
	if (sum_scale <= FLOAT8_POW10_MAX &&
		float8_units_at_scale(value, sum_scale, units))
	{
		*scale = sum_scale;
		return true;
	}
	if (value == 0.0)
	{
		*units = 0;
		*scale = 0;
		return true;
	}
	if (!(magnitude >= 1e-8 && magnitude < 1e15))
		return false;

	/*
	 * floor(log10(magnitude)).  The binary exponent times 1233 / 4096, just
	 * under log10(2), rounded down, is that or one less over this range,
	 * and one comparison with a power of ten, without a branch, settles it.
	 * A power below 1 is inexact in float8, so next to one the result can
	 * be one off.  Then d has a digit too many or too few, and the test
	 * below either fails or still proves d right.
	 */
	memcpy(&bits, &magnitude, sizeof(bits));
	binary_exponent = (int) ((bits >> 52) & 0x7FF) - 1023;
	decimal_exponent = binary_exponent * 1233 / 4096;
	if (binary_exponent < 0)
		decimal_exponent--;
	decimal_exponent +=
		magnitude >= float8_read_pow10[decimal_exponent + 1 + FLOAT8_POW10_BIAS];

	s = DBL_DIG - 1 - decimal_exponent;
	if (s < 0 || s > FLOAT8_POW10_MAX)
		return false;

	if (!float8_units_at_scale(value, s, &result))
		return false;

	/* drop trailing zeros as the cast's %g printing does, to sum_scale */
	while (s >= sum_scale + 8 && result % 100000000 == 0)
	{
		result /= 100000000;
		s -= 8;
	}
	while (s >= sum_scale + 2 && result % 100 == 0)
	{
		result /= 100;
		s -= 2;
	}
	while (s > sum_scale && s > 0 && result % 10 == 0)
	{
		result /= 10;
		s--;
	}
	*units = result;
	*scale = s;
	return true;
}

#endif							/* TOKCOST_FLOAT8_READ_H */
