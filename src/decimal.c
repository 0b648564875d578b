/*-------------------------------------------------------------------------
 *
 * decimal.c
 *	  Exact decimal sums in 128-bit fixed point, with numeric as fall-back.
 *
 * The fast path reads numeric's on-disk form directly (numeric_read.h), so
 * that summing a column costs no palloc and no detoasting copy per row.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "compat.h"
#include "decimal.h"
#include "float8_read.h"
#include "numeric_read.h"

#define INT128_MAX_VALUE	((int128) (~(uint128) 0 >> 1))

#define E18 ((int128) INT64CONST(1000000000000000000))

const int128 decimal_pow10[DECIMAL_MAX_POW10 + 1] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000),
	INT64CONST(10000), INT64CONST(100000), INT64CONST(1000000),
	INT64CONST(10000000), INT64CONST(100000000), INT64CONST(1000000000),
	INT64CONST(10000000000), INT64CONST(100000000000),
	INT64CONST(1000000000000), INT64CONST(10000000000000),
	INT64CONST(100000000000000), INT64CONST(1000000000000000),
	INT64CONST(10000000000000000), INT64CONST(100000000000000000),
	E18, E18 * 10, E18 * 100, E18 * 1000, E18 * 10000, E18 * 100000,
	E18 * 1000000, E18 * 10000000, E18 * 100000000, E18 * 1000000000,
	E18 * INT64CONST(10000000000), E18 * INT64CONST(100000000000),
	E18 * INT64CONST(1000000000000), E18 * INT64CONST(10000000000000),
	E18 * INT64CONST(100000000000000), E18 * INT64CONST(1000000000000000),
	E18 * INT64CONST(10000000000000000), E18 * INT64CONST(100000000000000000),
	E18 * E18, E18 * E18 * 10, E18 * E18 * 100
};

const int64 decimal_pow10_int64[DECIMAL_MAX_INT64_POW10 + 1] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000),
	INT64CONST(10000), INT64CONST(100000), INT64CONST(1000000),
	INT64CONST(10000000), INT64CONST(100000000), INT64CONST(1000000000),
	INT64CONST(10000000000), INT64CONST(100000000000),
	INT64CONST(1000000000000), INT64CONST(10000000000000),
	INT64CONST(100000000000000), INT64CONST(1000000000000000),
	INT64CONST(10000000000000000), INT64CONST(100000000000000000),
	INT64CONST(1000000000000000000)
};

const double float8_read_pow10[FLOAT8_POW10_BIAS + FLOAT8_POW10_MAX + 1] = {
	1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1,
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* decimal_mul_limit[k] is the largest magnitude that survives * 10^k. */
static int128 decimal_mul_limit[DECIMAL_MAX_POW10 + 1];
static bool decimal_mul_limit_ready = false;

/* A numeric value's fields, read from its on-disk form. */
typedef struct NumericFields
{
	DecimalSpecial special;
	bool		negative;
	int			weight;			/* base-10000 exponent of the first digit */
	int			dscale;
	int			ndigits;
	const char *digits;			/* ndigits uint16s, possibly unaligned */
} NumericFields;

static void
prepare_mul_limits(void)
{
	int			k;

	for (k = 0; k <= DECIMAL_MAX_POW10; k++)
		decimal_mul_limit[k] = INT128_MAX_VALUE / decimal_pow10[k];
	decimal_mul_limit_ready = true;
}

/*
 * Multiply *units by 10^k, returning false when the product does not fit.
 */
static inline bool
mul_pow10(int128 *units, int k)
{
	int128		magnitude;

	if (*units == 0 || k == 0)
		return true;
	if (k > DECIMAL_MAX_POW10)
		return false;
	if (unlikely(!decimal_mul_limit_ready))
		prepare_mul_limits();
	magnitude = *units < 0 ? -*units : *units;
	if (magnitude > decimal_mul_limit[k])
		return false;
	*units *= decimal_pow10[k];
	return true;
}

/*
 * Read the fields of a numeric.  The value may have a short varlena header,
 * so every read goes through memcpy.
 */
static void
read_numeric_fields(Numeric value, NumericFields *fields)
{
	const char *payload = VARDATA_ANY(value);
	int			length = VARSIZE_ANY_EXHDR(value);
	uint16		header;

	if (length < (int) sizeof(uint16))
		elog(ERROR, "numeric datum of %d bytes is too short", length);
	header = numeric_read_uint16(payload);

	memset(fields, 0, sizeof(*fields));
	if ((header & NUMERIC_FORM_MASK) == NUMERIC_FORM_SPECIAL)
	{
		switch (header & NUMERIC_SPECIAL_MASK)
		{
			case NUMERIC_SPECIAL_PINF:
				fields->special = DECIMAL_POS_INF;
				break;
			case NUMERIC_SPECIAL_NINF:
				fields->special = DECIMAL_NEG_INF;
				break;
			default:
				fields->special = DECIMAL_NAN;
				break;
		}
		return;
	}

	if (header & NUMERIC_FORM_SHORT)
	{
		fields->negative = (header & NUMERIC_SHORT_NEGATIVE) != 0;
		fields->dscale = (header & NUMERIC_SHORT_DSCALE_MASK) >>
			NUMERIC_SHORT_DSCALE_SHIFT;
		fields->weight = header & NUMERIC_SHORT_WEIGHT_MASK;
		if (header & NUMERIC_SHORT_WEIGHT_SIGN)
			fields->weight |= ~NUMERIC_SHORT_WEIGHT_MASK;
		payload += sizeof(uint16);
		length -= sizeof(uint16);
	}
	else
	{
		if (length < (int) (2 * sizeof(uint16)))
			elog(ERROR, "numeric datum of %d bytes is too short", length);
		fields->negative = (header & NUMERIC_FORM_MASK) == NUMERIC_LONG_NEGATIVE;
		fields->dscale = header & NUMERIC_LONG_DSCALE_MASK;
		fields->weight = (int16) numeric_read_uint16(payload + sizeof(uint16));
		payload += 2 * sizeof(uint16);
		length -= 2 * sizeof(uint16);
	}
	fields->ndigits = length / (int) sizeof(uint16);
	fields->digits = payload;
}

/*
 * Classify a numeric as finite, NaN or an infinity.
 */
DecimalSpecial
decimal_numeric_special(Numeric value)
{
	const char *payload = VARDATA_ANY(value);
	uint16		header;

	if (VARSIZE_ANY_EXHDR(value) < sizeof(uint16))
		elog(ERROR, "numeric datum is too short");
	header = numeric_read_uint16(payload);
	if ((header & NUMERIC_FORM_MASK) != NUMERIC_FORM_SPECIAL)
		return DECIMAL_FINITE;
	switch (header & NUMERIC_SPECIAL_MASK)
	{
		case NUMERIC_SPECIAL_PINF:
			return DECIMAL_POS_INF;
		case NUMERIC_SPECIAL_NINF:
			return DECIMAL_NEG_INF;
		default:
			return DECIMAL_NAN;
	}
}

/*
 * Return the display scale of a finite numeric.
 */
int
decimal_numeric_dscale(Numeric value)
{
	NumericFields fields;

	read_numeric_fields(value, &fields);
	return fields.dscale;
}

/*
 * Convert a finite numeric to units of 10^-dscale.  Returns false when the
 * value needs more than 128 bits at its own display scale.
 *
 * The last base-10000 digit can carry up to three decimal digits beyond the
 * display scale, and numeric keeps those zero, so they are divided off that
 * one small digit instead of dividing the 128-bit result.
 */
bool
decimal_units_from_numeric(Numeric value, int128 *units, int *scale)
{
	NumericFields fields;
	int128		acc = 0;
	int			exponent;
	int			last;
	int			i;

	read_numeric_fields(value, &fields);
	Assert(fields.special == DECIMAL_FINITE);
	*scale = fields.dscale;
	if (fields.ndigits == 0)
	{
		*units = 0;
		return true;
	}

	/* value = digits * 10^exponent, reading the digits as one integer */
	exponent = NUMERIC_DEC_DIGITS * (fields.weight - fields.ndigits + 1) +
		fields.dscale;
	last = numeric_read_uint16(fields.digits + (fields.ndigits - 1) * sizeof(uint16));

	for (i = 0; i < fields.ndigits - 1; i++)
	{
		int			digit = numeric_read_uint16(fields.digits + i * sizeof(uint16));

		/* nine base-10000 digits are 36 decimal digits, which always fit */
		if (i < 9)
			acc = acc * NUMERIC_NBASE + digit;
		else if (!mul_pow10(&acc, NUMERIC_DEC_DIGITS) ||
				 !decimal_add_checked(&acc, digit))
			return false;
	}

	if (exponent >= 0)
	{
		if (!mul_pow10(&acc, NUMERIC_DEC_DIGITS) ||
			!decimal_add_checked(&acc, last) ||
			!mul_pow10(&acc, exponent))
			return false;
	}
	else
	{
		int			drop = -exponent;

		/* digits beyond the display scale must be zero */
		if (drop >= NUMERIC_DEC_DIGITS || last % (int) decimal_pow10_int64[drop] != 0)
			return false;
		if (!mul_pow10(&acc, NUMERIC_DEC_DIGITS - drop) ||
			!decimal_add_checked(&acc, last / (int) decimal_pow10_int64[drop]))
			return false;
	}

	*units = fields.negative ? -acc : acc;
	return true;
}

/*
 * Parse a decimal string as printed by %g or the shortest-float printer
 * ("-1.25e-05", "300", "0.001") into units and a display scale, with the
 * scale rule of numeric input: digits after the point, less the exponent.
 */
static bool
units_from_float_text(const char *text, int128 *units, int *scale)
{
	const char *p = text;
	bool		negative = false;
	int128		acc = 0;
	int			fraction_digits = 0;
	bool		in_fraction = false;
	int			exponent = 0;
	int			display_scale;

	if (*p == '-')
	{
		negative = true;
		p++;
	}
	for (; *p != '\0' && *p != 'e' && *p != 'E'; p++)
	{
		if (*p == '.')
		{
			in_fraction = true;
			continue;
		}
		if (*p < '0' || *p > '9')
			return false;
		if (!mul_pow10(&acc, 1) || !decimal_add_checked(&acc, *p - '0'))
			return false;
		if (in_fraction)
			fraction_digits++;
	}
	if (*p == 'e' || *p == 'E')
		exponent = atoi(p + 1);

	/* acc * 10^(exponent - fraction_digits) is the value */
	display_scale = fraction_digits - exponent;
	if (display_scale < 0)
	{
		if (!mul_pow10(&acc, -display_scale))
			return false;
		display_scale = 0;
	}
	if (display_scale > DECIMAL_MAX_SCALE)
		return false;

	*units = negative ? -acc : acc;
	*scale = display_scale;
	return true;
}

/*
 * Convert a finite float8 to units with exactly the value and display scale
 * that PostgreSQL's float8-to-numeric cast gives: the value printed with
 * DBL_DIG (15) significant digits.  Returns false when that value needs more
 * than 128 bits.
 *
 * Most values take float8_read_int64_units, which prints nothing.
 * Next, the shortest round-trip form comes from a fast printer.  When it has
 * at most 15 significant digits it is the 15-digit rounding too, for the
 * reason given above float8_read_int64_units.  Longer forms and
 * subnormals, where that fails, take the slower snprintf path.
 */
bool
decimal_units_from_float8(double value, int128 *units, int *scale)
{
	char		buffer[DOUBLE_SHORTEST_DECIMAL_LEN + 8];
	int			significant = 0;
	bool		leading = true;
	const char *p;
	int64		small_units;

	Assert(!isnan(value) && !isinf(value));
	if (value == 0.0)
	{
		*units = 0;
		*scale = 0;
		return true;
	}
	if (float8_read_int64_units(value, 0, &small_units, scale))
	{
		*units = small_units;
		return true;
	}

	if (fabs(value) >= DBL_MIN)
	{
		int			length = double_to_shortest_decimal_bufn(value, buffer);

		buffer[length] = '\0';
		for (p = buffer; *p != '\0' && *p != 'e'; p++)
		{
			if (*p < '0' || *p > '9')
				continue;
			if (leading && *p == '0')
				continue;
			leading = false;
			significant++;
		}
	}
	if (significant == 0 || significant > DBL_DIG)
		snprintf(buffer, sizeof(buffer), "%.*g", DBL_DIG, value);

	return units_from_float_text(buffer, units, scale);
}

/*
 * Add units at the given scale to a sum, widening the sum's scale when the
 * value has more decimal places.  Returns false, with the sum unchanged,
 * when the result does not fit in 128 bits.
 */
bool
decimal_add_units(int128 *sum, int16 *sum_scale, int128 units, int scale)
{
	int128		aligned_sum = *sum;

	if (scale > *sum_scale)
	{
		if (!mul_pow10(&aligned_sum, scale - *sum_scale))
			return false;
	}
	else if (scale < *sum_scale)
	{
		if (!mul_pow10(&units, *sum_scale - scale))
			return false;
	}
	if (!decimal_add_checked(&aligned_sum, units))
		return false;

	*sum = aligned_sum;
	if (scale > *sum_scale)
		*sum_scale = scale;
	return true;
}

/*
 * Change the scale of *units from from_scale to to_scale.  Lowering the
 * scale must drop only zero digits.  Returns false when raising overflows.
 */
bool
decimal_rescale(int128 *units, int from_scale, int to_scale)
{
	if (to_scale >= from_scale)
		return mul_pow10(units, to_scale - from_scale);

	while (from_scale > to_scale)
	{
		int			step = Min(from_scale - to_scale, DECIMAL_MAX_POW10);

		if (*units % decimal_pow10[step] != 0)
			elog(ERROR, "cannot lower scale from %d to %d without rounding",
				 from_scale, to_scale);
		*units /= decimal_pow10[step];
		from_scale -= step;
	}
	return true;
}

/*
 * Print units at a scale as a plain decimal string: "-0.0500" for -500 at
 * scale 4.
 */
char *
decimal_units_to_cstring(int128 units, int scale)
{
	uint128		magnitude = units < 0 ? -(uint128) units : (uint128) units;
	char		digits[48];
	int			ndigits = 0;
	char	   *result;
	char	   *out;
	int			integer_digits;
	int			i;

	do
	{
		digits[ndigits++] = '0' + (int) (magnitude % 10);
		magnitude /= 10;
	} while (magnitude != 0);

	/* sign, integer digits (at least one), point, scale digits, NUL */
	integer_digits = Max(ndigits - scale, 1);
	result = palloc(2 + integer_digits + scale + 1);
	out = result;
	if (units < 0)
		*out++ = '-';
	for (i = integer_digits + scale - 1; i >= scale; i--)
		*out++ = i < ndigits ? digits[i] : '0';
	if (scale > 0)
	{
		*out++ = '.';
		for (i = scale - 1; i >= 0; i--)
			*out++ = i < ndigits ? digits[i] : '0';
	}
	*out = '\0';
	return result;
}

Numeric
decimal_units_to_numeric(int128 units, int scale)
{
	char	   *text = decimal_units_to_cstring(units, scale);
	Datum		result;

	result = DirectFunctionCall3(numeric_in, CStringGetDatum(text),
								 ObjectIdGetDatum(InvalidOid),
								 Int32GetDatum(-1));
	pfree(text);
	return DatumGetNumeric(result);
}

/*
 * Compare two unit values at their scales, without rounding.
 */
int
decimal_units_compare(int128 a, int a_scale, int128 b, int b_scale)
{
	if (a_scale < b_scale && !mul_pow10(&a, b_scale - a_scale))
		return a > 0 ? 1 : -1;	/* |a| now exceeds every int128, so |b| */
	if (b_scale < a_scale && !mul_pow10(&b, a_scale - b_scale))
		return b > 0 ? -1 : 1;
	if (a < b)
		return -1;
	return a > b ? 1 : 0;
}

void
decimal_sum_init(DecimalSum *sum)
{
	sum->isnull = true;
	sum->scale = 0;
	sum->units = 0;
	sum->numeric = NULL;
}

/* Move a sum from units to numeric form, for a value that does not fit. */
static void
switch_to_numeric(DecimalSum *sum)
{
	if (sum->numeric == NULL)
		sum->numeric = decimal_units_to_numeric(sum->units, sum->scale);
}

static void
add_numeric_slow(DecimalSum *sum, Numeric value)
{
	switch_to_numeric(sum);
	sum->numeric = DatumGetNumeric(DirectFunctionCall2(numeric_add,
													   NumericGetDatum(sum->numeric),
													   NumericGetDatum(value)));
	sum->scale = decimal_numeric_dscale(sum->numeric);
}

/*
 * Add a finite numeric to a sum.
 */
void
decimal_sum_add_numeric(DecimalSum *sum, Numeric value)
{
	int128		units;
	int			scale;

	sum->isnull = false;
	if (sum->numeric == NULL &&
		decimal_units_from_numeric(value, &units, &scale) &&
		decimal_add_units(&sum->units, &sum->scale, units, scale))
		return;
	add_numeric_slow(sum, value);
}

void
decimal_sum_add_int64(DecimalSum *sum, int64 value)
{
	sum->isnull = false;
	if (sum->numeric == NULL &&
		decimal_add_units(&sum->units, &sum->scale, value, 0))
		return;
	add_numeric_slow(sum, int64_to_numeric(value));
}

/*
 * Add a finite float8, taken at the value its numeric cast has.
 */
void
decimal_sum_add_float8(DecimalSum *sum, double value)
{
	int128		units;
	int			scale;

	sum->isnull = false;
	if (sum->numeric == NULL &&
		decimal_units_from_float8(value, &units, &scale) &&
		decimal_add_units(&sum->units, &sum->scale, units, scale))
		return;
	add_numeric_slow(sum,
					 DatumGetNumeric(DirectFunctionCall1(float8_numeric,
														 Float8GetDatum(value))));
}

/*
 * Add another sum.  A null sum adds nothing, as in SQL's sum().
 */
void
decimal_sum_add_sum(DecimalSum *sum, const DecimalSum *other)
{
	if (other->isnull)
		return;
	if (other->numeric != NULL)
	{
		sum->isnull = false;
		add_numeric_slow(sum, other->numeric);
		return;
	}
	sum->isnull = false;
	if (sum->numeric == NULL &&
		decimal_add_units(&sum->units, &sum->scale, other->units, other->scale))
		return;
	add_numeric_slow(sum, decimal_units_to_numeric(other->units, other->scale));
}

/*
 * Subtract another sum; the scale stays the larger of the two.  The caller
 * decides when the result is null again.
 */
void
decimal_sum_subtract_sum(DecimalSum *sum, const DecimalSum *other)
{
	DecimalSum	negated = *other;

	if (other->isnull)
		return;
	if (other->numeric != NULL)
		negated.numeric = DatumGetNumeric(DirectFunctionCall1(numeric_uminus,
															  NumericGetDatum(other->numeric)));
	else if (other->units == -INT128_MAX_VALUE - 1)
		negated.numeric = DatumGetNumeric(DirectFunctionCall1(numeric_uminus,
															  NumericGetDatum(decimal_units_to_numeric(other->units,
																									   other->scale))));
	else
		negated.units = -other->units;
	decimal_sum_add_sum(sum, &negated);
}

/*
 * Set the display scale.  Lowering it must drop only zero digits, which the
 * caller guarantees by knowing that no remaining value had a larger scale.
 */
void
decimal_sum_set_scale(DecimalSum *sum, int scale)
{
	if (scale == sum->scale)
		return;
	if (sum->numeric == NULL && decimal_rescale(&sum->units, sum->scale, scale))
	{
		sum->scale = scale;
		return;
	}
	switch_to_numeric(sum);
	sum->numeric = DatumGetNumeric(DirectFunctionCall2(numeric_round,
													   NumericGetDatum(sum->numeric),
													   Int32GetDatum(scale)));
	sum->scale = scale;
}

/*
 * Return a sum in numeric form to units when it fits again, so that equal
 * sums have one stored form whatever order their values came in.
 */
void
decimal_sum_canonicalize(DecimalSum *sum)
{
	int128		units;
	int			scale;

	if (sum->numeric == NULL)
		return;
	if (decimal_units_from_numeric(sum->numeric, &units, &scale))
	{
		sum->units = units;
		sum->scale = scale;
		sum->numeric = NULL;
	}
}

/*
 * Return the sum as a numeric; the caller handles a null sum.
 */
Numeric
decimal_sum_to_numeric(const DecimalSum *sum)
{
	Assert(!sum->isnull);
	if (sum->numeric != NULL)
		return sum->numeric;
	return decimal_units_to_numeric(sum->units, sum->scale);
}

/*
 * Compare two non-null sums by value, as numeric comparison does: 1.5 and
 * 1.50 are equal.
 */
int
decimal_sum_compare(const DecimalSum *a, const DecimalSum *b)
{
	Assert(!a->isnull && !b->isnull);
	if (a->numeric == NULL && b->numeric == NULL)
		return decimal_units_compare(a->units, a->scale, b->units, b->scale);
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp,
											 NumericGetDatum(decimal_sum_to_numeric(a)),
											 NumericGetDatum(decimal_sum_to_numeric(b))));
}

/*
 * Hash a non-null sum so that sums equal by decimal_sum_compare hash alike:
 * trailing zero decimals are stripped first, and a value that fits 128 bits
 * at its smallest scale is always hashed in that form.
 */
uint64
decimal_sum_hash(const DecimalSum *sum, uint64 seed)
{
	int128		units = sum->units;
	int			scale = sum->scale;
	unsigned char buffer[sizeof(int128) + sizeof(int32)];
	int32		scale32;

	Assert(!sum->isnull);
	if (sum->numeric != NULL)
	{
		Numeric		trimmed;

		trimmed = DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
													  NumericGetDatum(sum->numeric)));
		if (!decimal_units_from_numeric(trimmed, &units, &scale))
			return DatumGetUInt64(DirectFunctionCall2(hash_numeric_extended,
													  NumericGetDatum(trimmed),
													  UInt64GetDatum(seed)));
	}
	while (scale > 0 && units % 10 == 0)
	{
		units /= 10;
		scale--;
	}
	scale32 = scale;
	memcpy(buffer, &units, sizeof(int128));
	memcpy(buffer + sizeof(int128), &scale32, sizeof(int32));
	return hash_bytes_extended(buffer, sizeof(buffer), seed);
}
