/*-------------------------------------------------------------------------
 *
 * numeric_read.h
 *	  Reading PostgreSQL numeric values straight from their on-disk form.
 *
 * The layout is the one described in PostgreSQL's
 * src/backend/utils/adt/numeric.c.  It is stable across major versions,
 * because pg_upgrade keeps numeric columns as they are.  The readers here
 * are static inline so that the aggregate transitions, which call them
 * once per row, compile them in: a numeric of up to 16 significant digits
 * then costs no function call, no palloc and no 128-bit arithmetic.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TOKCOST_NUMERIC_READ_H
#define TOKCOST_NUMERIC_READ_H

#include "postgres.h"

#include "common/int.h"

#include "decimal.h"

/*
 * The 16-bit header word that starts a numeric's payload.  The top two bits
 * choose the layout: 00 and 01 are the long form (positive, negative), 10 is
 * the short form and 11 marks NaN or an infinity.
 */
#define NUMERIC_FORM_MASK		0xC000
#define NUMERIC_LONG_NEGATIVE	0x4000
#define NUMERIC_FORM_SHORT		0x8000
#define NUMERIC_FORM_SPECIAL	0xC000
#define NUMERIC_SPECIAL_MASK	0xF000
#define NUMERIC_SPECIAL_NAN		0xC000
#define NUMERIC_SPECIAL_PINF	0xD000
#define NUMERIC_SPECIAL_NINF	0xF000
#define NUMERIC_LONG_DSCALE_MASK	0x3FFF
#define NUMERIC_SHORT_NEGATIVE	0x2000
#define NUMERIC_SHORT_DSCALE_MASK	0x1F80
#define NUMERIC_SHORT_DSCALE_SHIFT	7
#define NUMERIC_SHORT_WEIGHT_SIGN	0x0040
#define NUMERIC_SHORT_WEIGHT_MASK	0x003F

/* numeric stores base-10000 digits, four decimal digits each */
#define NUMERIC_NBASE			10000
#define NUMERIC_DEC_DIGITS		4

/*
 * Base-10000 digits that numeric_read_int64_units accepts: four of them
 * are at most 16 decimal digits, below 2^63.
 */
#define NUMERIC_INT64_MAX_DIGITS	4

static inline uint16
numeric_read_uint16(const char *p)
{
	uint16		value;

	memcpy(&value, p, sizeof(value));
	return value;
}

/*
 * Convert a finite numeric of at most NUMERIC_INT64_MAX_DIGITS base-10000
 * digits to an int64 count of 10^-*scale units.  *scale is the value's
 * display scale, or a larger one up to sum_scale.  A caller that adds the
 * units to a sum of scale sum_scale gets the sum's scale right either way,
 * so the common value skips the division that lowers it to the display
 * scale.  Returns false, setting nothing, for NaN and infinities,
 * for longer values and for values whose units do not fit int64: the
 * caller then takes its general path, which also reports the errors.
 *
 * The value may have a short varlena header, so every read goes through
 * memcpy.  The caller passes a value that is neither compressed nor
 * external.
 */
static pg_attribute_always_inline bool
numeric_read_int64_units(const struct varlena *value, int sum_scale,
						 int64 *units, int *scale)
{
	const char *payload = VARDATA_ANY(value);
	int			length = VARSIZE_ANY_EXHDR(value);
	uint16		header;
	bool		negative;
	int			weight;
	int			dscale;
	int			ndigits;
	int			digit_scale;
	int			exponent;
	uint64		acc = 0;
	int			last;
	int			i;

	if (unlikely(length < (int) sizeof(uint16)))
		return false;
	header = numeric_read_uint16(payload);
	if (likely((header & NUMERIC_FORM_MASK) == NUMERIC_FORM_SHORT))
	{
		negative = (header & NUMERIC_SHORT_NEGATIVE) != 0;
		dscale = (header & NUMERIC_SHORT_DSCALE_MASK) >>
			NUMERIC_SHORT_DSCALE_SHIFT;
		weight = header & NUMERIC_SHORT_WEIGHT_MASK;
		if (header & NUMERIC_SHORT_WEIGHT_SIGN)
			weight |= ~NUMERIC_SHORT_WEIGHT_MASK;
		payload += sizeof(uint16);
		length -= sizeof(uint16);
	}
	else if ((header & NUMERIC_FORM_MASK) == NUMERIC_FORM_SPECIAL ||
			 length < (int) (2 * sizeof(uint16)))
		return false;
	else
	{
		negative = (header & NUMERIC_FORM_MASK) == NUMERIC_LONG_NEGATIVE;
		dscale = header & NUMERIC_LONG_DSCALE_MASK;
		weight = (int16) numeric_read_uint16(payload + sizeof(uint16));
		payload += 2 * sizeof(uint16);
		length -= 2 * sizeof(uint16);
	}

	ndigits = length / (int) sizeof(uint16);
	if (ndigits == 0)
	{
		*units = 0;
		*scale = dscale;
		return true;
	}
	if (ndigits > NUMERIC_INT64_MAX_DIGITS)
		return false;

	for (i = 0; i < ndigits - 1; i++)
		acc = acc * NUMERIC_NBASE +
			numeric_read_uint16(payload + i * sizeof(uint16));
	last = numeric_read_uint16(payload + (ndigits - 1) * sizeof(uint16));

	/*
	 * The digits read as one integer count units of 10^-digit_scale, a
	 * multiple of four.  It is at least the display scale unless numeric
	 * dropped trailing zero digits.  When digit_scale is between the display
	 * scale and sum_scale, that count is already the result.
	 */
	digit_scale = NUMERIC_DEC_DIGITS * (ndigits - 1 - weight);
	if (likely(digit_scale >= dscale && digit_scale <= sum_scale))
	{
		*units = negative ? -(int64) (acc * NUMERIC_NBASE + last) :
			(int64) (acc * NUMERIC_NBASE + last);
		*scale = digit_scale;
		return true;
	}

	/*
	 * Otherwise convert to the display scale: the count times 10^exponent.
	 * A negative exponent means the last base-10000 digit carries decimal
	 * places beyond the display scale.  Numeric keeps those zero, so they
	 * are divided off that one small digit, by constants that the compiler
	 * turns into multiplications.
	 */
	exponent = dscale - digit_scale;
	switch (exponent)
	{
		case -3:
			if (last % 1000 != 0)
				return false;
			acc = acc * 10 + last / 1000;
			break;
		case -2:
			if (last % 100 != 0)
				return false;
			acc = acc * 100 + last / 100;
			break;
		case -1:
			if (last % 10 != 0)
				return false;
			acc = acc * 1000 + last / 10;
			break;
		default:
			if (exponent < 0 || exponent > DECIMAL_MAX_INT64_POW10)
				return false;
			acc = acc * NUMERIC_NBASE + last;
			if (exponent > 0 &&
				pg_mul_u64_overflow(acc, (uint64) decimal_pow10_int64[exponent],
									&acc))
				return false;
			break;
	}
	if (acc > (uint64) PG_INT64_MAX)
		return false;

	*units = negative ? -(int64) acc : (int64) acc;
	*scale = dscale;
	return true;
}

#endif							/* TOKCOST_NUMERIC_READ_H */
