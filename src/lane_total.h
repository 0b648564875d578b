/*-------------------------------------------------------------------------
 *
 * lane_total.h
 *	  The tokcost.lane_total value: one lane's cost sum, token sum and row
 *	  count, and the blend check that keeps lanes and currencies apart.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TOKCOST_LANE_TOTAL_H
#define TOKCOST_LANE_TOTAL_H

#include "postgres.h"

#include "fmgr.h"

#include "decimal.h"

/* SQLSTATE of the blend error: mixed lanes, mixed currencies, untagged rows */
#define ERRCODE_TOKCOST_LANE_BLEND	MAKE_SQLSTATE('T','C','0','0','1')

#define LANE_TOTAL_VERSION		1
#define LANE_MAX_BYTES			255
#define CURRENCY_CODE_LENGTH	3

/*
 * Largest stored size of one sum in numeric form.  It keeps a whole value
 * well inside a heap page, which the type needs because its storage is
 * plain: values are never toasted, so they can be updated in place.
 */
#define LANE_SUM_MAX_NUMERIC_BYTES	1024

/* LaneTotal.flags */
#define LANE_COST_NULL			0x01	/* no non-null cost was added */
#define LANE_TOKENS_NULL		0x02	/* no non-null token count was added */
#define LANE_COST_NUMERIC		0x04	/* cost sum stored as numeric in data */
#define LANE_TOKENS_NUMERIC		0x08	/* token sum stored as numeric in data */
#define LANE_KNOWN_FLAGS		0x0F

/*
 * On-disk form.  data contains the lane bytes, then the currency bytes, then
 * at MAXALIGN'd offsets the cost numeric and the token numeric for the sums
 * whose NUMERIC flag is set.  The type is declared with double alignment
 * and plain storage, so a value read from a tuple is always aligned with a
 * 4-byte header.
 */
typedef struct LaneTotal
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* LANE_TOTAL_VERSION */
	uint8		flags;
	uint8		lane_len;		/* 1 to LANE_MAX_BYTES */
	uint8		currency_len;	/* 0 (none) or CURRENCY_CODE_LENGTH */
	int16		cost_scale;
	int16		tokens_scale;
	int64		rows;
	int128		cost_units;		/* cost sum in 10^-cost_scale units */
	int128		tokens_units;	/* token sum in 10^-tokens_scale units */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} LaneTotal;

#define LANE_TOTAL_LANE(lt)		((lt)->data)
#define LANE_TOTAL_CURRENCY(lt)	((lt)->data + (lt)->lane_len)

/* A lane_total taken apart, with pointers into the value or into palloc'd memory. */
typedef struct LaneTotalParts
{
	const char *lane;
	int			lane_len;
	const char *currency;		/* NULL when no currency is tracked */
	int			currency_len;
	DecimalSum	cost;
	DecimalSum	tokens;
	int64		rows;
} LaneTotalParts;

/* Which sum of a lane_total an operation touches. */
typedef enum LaneSumField
{
	LANE_SUM_COST,
	LANE_SUM_TOKENS
} LaneSumField;

#define DatumGetLaneTotal(d)	((LaneTotal *) PG_DETOAST_DATUM(d))
#define PG_GETARG_LANE_TOTAL(n)	lane_total_from_datum(PG_GETARG_DATUM(n))
#define PG_RETURN_LANE_TOTAL(p)	PG_RETURN_POINTER(p)

extern LaneTotal *lane_total_from_datum(Datum datum);
extern LaneTotal *lane_total_pack(const LaneTotalParts *parts);
extern void lane_total_unpack(const LaneTotal *value, LaneTotalParts *parts);
extern LaneTotal *lane_total_new(const char *lane, int lane_len,
								 const char *currency, int currency_len);
extern LaneTotal *lane_total_copy(const LaneTotal *value);
extern LaneTotal *lane_total_add_sum(LaneTotal *value, LaneSumField field,
									 const DecimalSum *addend);
extern LaneTotal *lane_total_canonical(LaneTotal *value);

extern void lane_validate_lane(const char *lane, int lane_len);
extern bool lane_currency_is_valid(const char *currency, int currency_len);
extern void lane_validate_currency(const char *currency, int currency_len);
extern void lane_check_compatible(const char *lane_a, int lane_a_len,
								  const char *currency_a, int currency_a_len,
								  const char *lane_b, int lane_b_len,
								  const char *currency_b, int currency_b_len);
extern void lane_report_null_lane(const char *seen_lane, int seen_lane_len)
			pg_attribute_noreturn();
extern void lane_report_null_currency(const char *lane, int lane_len)
			pg_attribute_noreturn();
extern void lane_report_rows_overflow(void) pg_attribute_noreturn();

/*
 * Byte equality of two short strings, eight bytes at a time.  Lanes are a
 * few bytes long, and this inline loop saves a call to memcmp per row.
 */
static inline bool
lane_bytes_equal(const char *a, const char *b, int length)
{
	for (; length >= (int) sizeof(uint64); length -= sizeof(uint64))
	{
		uint64		word_a;
		uint64		word_b;

		memcpy(&word_a, a, sizeof(uint64));
		memcpy(&word_b, b, sizeof(uint64));
		if (word_a != word_b)
			return false;
		a += sizeof(uint64);
		b += sizeof(uint64);
	}
	for (; length > 0; length--)
		if (*a++ != *b++)
			return false;
	return true;
}

/* Same lane and currency bytes: the per-row test before the full check. */
static inline bool
lane_matches(const LaneTotal *value, const char *lane, int lane_len,
			 const char *currency, int currency_len)
{
	return value->lane_len == lane_len &&
		value->currency_len == currency_len &&
		lane_bytes_equal(LANE_TOTAL_LANE(value), lane, lane_len) &&
		lane_bytes_equal(LANE_TOTAL_CURRENCY(value), currency, currency_len);
}

#endif							/* TOKCOST_LANE_TOTAL_H */
