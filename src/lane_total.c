/*-------------------------------------------------------------------------
 *
 * lane_total.c
 *	  The tokcost.lane_total type: layout, validation, the blend check, and
 *	  the accessors.  Text and binary I/O live in lane_total_io.c, and
 *	  comparison in lane_total_cmp.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memdebug.h"

#include "costing.h"
#include "decimal.h"
#include "lane_total.h"
#include "numeric_read.h"

PG_FUNCTION_INFO_V1(lane_total_lane);
PG_FUNCTION_INFO_V1(lane_total_currency);
PG_FUNCTION_INFO_V1(lane_total_cost);
PG_FUNCTION_INFO_V1(lane_total_tokens);
PG_FUNCTION_INFO_V1(lane_total_rows);
PG_FUNCTION_INFO_V1(lane_total_cost_per_mtok);
PG_FUNCTION_INFO_V1(lane_total_sum_final);

/* Size of the fixed part plus the lane and currency bytes. */
static inline Size
lane_total_head_size(int lane_len, int currency_len)
{
	return offsetof(LaneTotal, data) + lane_len + currency_len;
}

static pg_attribute_noreturn() void
report_corrupt(const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("lane_total value is corrupt: %s", what)));
}

/*
 * Check a sum stored in numeric form: a finite numeric whose header and
 * base-10000 digits are whole, as numeric arithmetic needs them.
 */
static void
check_stored_numeric(const char *what, const char *numeric)
{
	Size		size = VARSIZE(numeric);
	const char *payload = numeric + VARHDRSZ;
	Size		length;
	uint16		header;
	int			dscale;
	int			weight;
	int			ndigits;

	if (size < VARHDRSZ + sizeof(uint16))
		report_corrupt(psprintf("%s sum is too short", what));
	length = size - VARHDRSZ;
	header = numeric_read_uint16(payload);
	if ((header & NUMERIC_FORM_MASK) == NUMERIC_FORM_SPECIAL)
		report_corrupt(psprintf("%s sum is not finite", what));
	if ((header & NUMERIC_FORM_MASK) == NUMERIC_FORM_SHORT)
	{
		dscale = (header & NUMERIC_SHORT_DSCALE_MASK) >> NUMERIC_SHORT_DSCALE_SHIFT;
		weight = header & NUMERIC_SHORT_WEIGHT_MASK;
		if (header & NUMERIC_SHORT_WEIGHT_SIGN)
			weight |= ~NUMERIC_SHORT_WEIGHT_MASK;
		payload += sizeof(uint16);
		length -= sizeof(uint16);
	}
	else
	{
		if (length < 2 * sizeof(uint16))
			report_corrupt(psprintf("%s sum is too short", what));
		dscale = header & NUMERIC_LONG_DSCALE_MASK;
		weight = (int16) numeric_read_uint16(payload + sizeof(uint16));
		payload += 2 * sizeof(uint16);
		length -= 2 * sizeof(uint16);
	}
	if (length % sizeof(uint16) != 0)
		report_corrupt(psprintf("%s sum ends inside a digit", what));
	ndigits = length / sizeof(uint16);
	for (int i = 0; i < ndigits; i++)
	{
		if (numeric_read_uint16(payload + i * sizeof(uint16)) >= NUMERIC_NBASE)
			report_corrupt(psprintf("%s sum has a digit out of range", what));
	}

	/*
	 * Numeric arithmetic stores no zero digit at either end and no digit
	 * past the display scale.  Its functions disagree on a value that
	 * breaks either rule: one prints the digits, another rounds them away.
	 */
	if (ndigits > 0 &&
		(numeric_read_uint16(payload) == 0 ||
		 numeric_read_uint16(payload + (ndigits - 1) * sizeof(uint16)) == 0))
		report_corrupt(psprintf("%s sum has a zero digit at one end", what));
	if (ndigits > 0 &&
		ndigits - (weight + 1) > (dscale + NUMERIC_DEC_DIGITS - 1) / NUMERIC_DEC_DIGITS)
		report_corrupt(psprintf("%s sum has digits past its scale", what));
}

/*
 * Detoast a lane_total and check its structure, which every reader relies
 * on.  Values come only from lane_total_pack, so a failure here means the
 * stored bytes were damaged or written by an unknown format version.
 */
LaneTotal *
lane_total_from_datum(Datum datum)
{
	LaneTotal  *value = DatumGetLaneTotal(datum);
	Size		size = VARSIZE(value);
	Size		end;

	if (size < offsetof(LaneTotal, data))
		report_corrupt("too short");
	if (value->version != LANE_TOTAL_VERSION)
		report_corrupt(psprintf("unknown format version %d", value->version));
	if ((value->flags & ~LANE_KNOWN_FLAGS) != 0)
		report_corrupt("unknown flags");
	if (value->lane_len == 0 ||
		(value->currency_len != 0 && value->currency_len != CURRENCY_CODE_LENGTH))
		report_corrupt("invalid lane or currency length");
	end = lane_total_head_size(value->lane_len, value->currency_len);
	if (value->flags & LANE_COST_NUMERIC)
	{
		end = MAXALIGN(end);
		if (end + VARHDRSZ > size ||
			end + VARSIZE((char *) value + end) > size)
			report_corrupt("cost sum out of bounds");
		check_stored_numeric("cost", (char *) value + end);
		end += VARSIZE((char *) value + end);
	}
	if (value->flags & LANE_TOKENS_NUMERIC)
	{
		end = MAXALIGN(end);
		if (end + VARHDRSZ > size ||
			end + VARSIZE((char *) value + end) > size)
			report_corrupt("token sum out of bounds");
		check_stored_numeric("token", (char *) value + end);
		end += VARSIZE((char *) value + end);
	}
	if (end > size)
		report_corrupt("sums out of bounds");

	/* values that the text and binary input reject must reach no reader */
	if (value->currency_len != 0 &&
		!lane_currency_is_valid(LANE_TOTAL_CURRENCY(value), value->currency_len))
		report_corrupt("invalid currency");
	if (pg_encoding_verifymbstr(GetDatabaseEncoding(), LANE_TOTAL_LANE(value),
								value->lane_len) != value->lane_len)
		report_corrupt("lane is not valid in the database encoding");
	if (value->rows < 1)
		report_corrupt(psprintf("row count " INT64_FORMAT, value->rows));
	if (!(value->flags & LANE_COST_NUMERIC) &&
		(value->cost_scale < 0 || value->cost_scale > DECIMAL_MAX_SCALE))
		report_corrupt(psprintf("cost scale %d", value->cost_scale));
	if (!(value->flags & LANE_TOKENS_NUMERIC) &&
		(value->tokens_scale < 0 || value->tokens_scale > DECIMAL_MAX_SCALE))
		report_corrupt(psprintf("token scale %d", value->tokens_scale));
	return value;
}

static void
check_numeric_size(const char *field, Numeric numeric)
{
	if (VARSIZE(numeric) > LANE_SUM_MAX_NUMERIC_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s sum is out of range for type lane_total", field),
				 errdetail("A lane_total stores each sum in at most %d bytes, which is about %d significant decimal digits.",
						   LANE_SUM_MAX_NUMERIC_BYTES,
						   (LANE_SUM_MAX_NUMERIC_BYTES - 8) * 2)));
}

/*
 * Build a lane_total in the current memory context.  Padding bytes are
 * zeroed so that equal parts always give equal bytes, which REFRESH
 * MATERIALIZED VIEW CONCURRENTLY relies on to skip unchanged rows.
 */
LaneTotal *
lane_total_pack(const LaneTotalParts *parts)
{
	Size		size = lane_total_head_size(parts->lane_len, parts->currency_len);
	Size		cost_offset = 0;
	Size		tokens_offset = 0;
	bool		cost_numeric = !parts->cost.isnull && parts->cost.numeric != NULL;
	bool		tokens_numeric = !parts->tokens.isnull && parts->tokens.numeric != NULL;
	LaneTotal  *result;

	Assert(parts->lane_len > 0 && parts->lane_len <= LANE_MAX_BYTES);
	Assert(parts->currency_len == 0 || parts->currency_len == CURRENCY_CODE_LENGTH);

	if (cost_numeric)
	{
		check_numeric_size("cost", parts->cost.numeric);
		cost_offset = MAXALIGN(size);
		size = cost_offset + VARSIZE(parts->cost.numeric);
	}
	if (tokens_numeric)
	{
		check_numeric_size("token", parts->tokens.numeric);
		tokens_offset = MAXALIGN(size);
		size = tokens_offset + VARSIZE(parts->tokens.numeric);
	}

	result = palloc0(size);
	SET_VARSIZE(result, size);
	result->version = LANE_TOTAL_VERSION;
	result->lane_len = parts->lane_len;
	result->currency_len = parts->currency_len;
	memcpy(LANE_TOTAL_LANE(result), parts->lane, parts->lane_len);
	if (parts->currency_len > 0)
		memcpy(LANE_TOTAL_CURRENCY(result), parts->currency, parts->currency_len);

	if (parts->cost.isnull)
		result->flags |= LANE_COST_NULL;
	else if (cost_numeric)
	{
		result->flags |= LANE_COST_NUMERIC;
		result->cost_scale = parts->cost.scale;
		memcpy((char *) result + cost_offset, parts->cost.numeric,
			   VARSIZE(parts->cost.numeric));
	}
	else
	{
		result->cost_scale = parts->cost.scale;
		result->cost_units = parts->cost.units;
	}

	if (parts->tokens.isnull)
		result->flags |= LANE_TOKENS_NULL;
	else if (tokens_numeric)
	{
		result->flags |= LANE_TOKENS_NUMERIC;
		result->tokens_scale = parts->tokens.scale;
		memcpy((char *) result + tokens_offset, parts->tokens.numeric,
			   VARSIZE(parts->tokens.numeric));
	}
	else
	{
		result->tokens_scale = parts->tokens.scale;
		result->tokens_units = parts->tokens.units;
	}

	result->rows = parts->rows;

	/* under valgrind (a build with USE_VALGRIND), every byte must be set */
	VALGRIND_CHECK_MEM_IS_DEFINED(result, size);
	return result;
}

static void
unpack_sum(const LaneTotal *value, bool isnull, bool is_numeric, int scale,
		   int128 units, Size *offset, DecimalSum *sum)
{
	decimal_sum_init(sum);
	if (isnull)
		return;
	sum->isnull = false;
	sum->scale = scale;
	if (is_numeric)
	{
		*offset = MAXALIGN(*offset);
		sum->numeric = (Numeric) ((char *) value + *offset);
		*offset += VARSIZE(sum->numeric);
	}
	else
		sum->units = units;
}

/*
 * Take a lane_total apart.  The parts point into the value, so they live
 * as long as it does.
 */
void
lane_total_unpack(const LaneTotal *value, LaneTotalParts *parts)
{
	Size		offset = lane_total_head_size(value->lane_len, value->currency_len);

	parts->lane = LANE_TOTAL_LANE(value);
	parts->lane_len = value->lane_len;
	parts->currency = value->currency_len > 0 ? LANE_TOTAL_CURRENCY(value) : NULL;
	parts->currency_len = value->currency_len;
	unpack_sum(value, (value->flags & LANE_COST_NULL) != 0,
			   (value->flags & LANE_COST_NUMERIC) != 0,
			   value->cost_scale, value->cost_units, &offset, &parts->cost);
	unpack_sum(value, (value->flags & LANE_TOKENS_NULL) != 0,
			   (value->flags & LANE_TOKENS_NUMERIC) != 0,
			   value->tokens_scale, value->tokens_units, &offset, &parts->tokens);
	parts->rows = value->rows;
}

/*
 * Make an empty lane_total for a lane (and currency, when currency_len is
 * not 0), with null sums and no rows.
 */
LaneTotal *
lane_total_new(const char *lane, int lane_len,
			   const char *currency, int currency_len)
{
	LaneTotalParts parts;

	parts.lane = lane;
	parts.lane_len = lane_len;
	parts.currency = currency;
	parts.currency_len = currency_len;
	decimal_sum_init(&parts.cost);
	decimal_sum_init(&parts.tokens);
	parts.rows = 0;
	return lane_total_pack(&parts);
}

LaneTotal *
lane_total_copy(const LaneTotal *value)
{
	LaneTotal  *copy = palloc(VARSIZE(value));

	memcpy(copy, value, VARSIZE(value));
	return copy;
}

/*
 * Add a sum to one field by way of the general DecimalSum arithmetic, and
 * return the rebuilt value.  This is the slow path, for values that leave
 * 128-bit range; the input value is left unchanged.
 */
LaneTotal *
lane_total_add_sum(LaneTotal *value, LaneSumField field,
				   const DecimalSum *addend)
{
	LaneTotalParts parts;

	lane_total_unpack(value, &parts);
	if (field == LANE_SUM_COST)
		decimal_sum_add_sum(&parts.cost, addend);
	else
		decimal_sum_add_sum(&parts.tokens, addend);
	return lane_total_pack(&parts);
}

/*
 * Return the value with every sum that fits 128 bits in units form, so that
 * one total has one byte image whatever plan computed it.  A value already
 * in that form is returned as it is.
 */
LaneTotal *
lane_total_canonical(LaneTotal *value)
{
	LaneTotalParts parts;

	if ((value->flags & (LANE_COST_NUMERIC | LANE_TOKENS_NUMERIC)) == 0)
		return value;
	lane_total_unpack(value, &parts);
	decimal_sum_canonicalize(&parts.cost);
	decimal_sum_canonicalize(&parts.tokens);
	return lane_total_pack(&parts);
}

/*
 * Print at most 64 bytes of a lane for a message, cut on a character
 * boundary.
 */
static char *
lane_for_message(const char *lane, int lane_len)
{
	int			clip = pg_mbcliplen(lane, lane_len, 64);

	if (clip < lane_len)
		return psprintf("%s...", pnstrdup(lane, clip));
	return pnstrdup(lane, lane_len);
}

/*
 * Check the lane of a row entering a lane aggregate.  An empty lane is as
 * untagged as a null one.
 */
void
lane_validate_lane(const char *lane, int lane_len)
{
	if (lane_len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_TOKCOST_LANE_BLEND),
				 errmsg("cannot aggregate a row with an empty lane"),
				 errdetail("Every row in a lane aggregate needs an x_TokenSource lane tag such as \"cloud-api\", so that untagged cost is never averaged into a lane."),
				 errhint("Tag the row with its lane, or filter out rows whose lane is empty.")));
	if (lane_len > LANE_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
				 errmsg("lane \"%s\" is too long", lane_for_message(lane, lane_len)),
				 errdetail("A lane tag is at most %d bytes, and this one is %d bytes.",
						   LANE_MAX_BYTES, lane_len)));
}

/* Whether a currency is an ISO 4217 code in shape: three upper-case letters. */
bool
lane_currency_is_valid(const char *currency, int currency_len)
{
	if (currency_len != CURRENCY_CODE_LENGTH)
		return false;
	for (int i = 0; i < currency_len; i++)
	{
		if (currency[i] < 'A' || currency[i] > 'Z')
			return false;
	}
	return true;
}

/*
 * Check that a currency is shaped like an ISO 4217 code.  Only the shape is
 * checked, not the registry, because the registry changes and a lane
 * aggregate needs only that one group never mixes two codes.
 */
void
lane_validate_currency(const char *currency, int currency_len)
{
	if (!lane_currency_is_valid(currency, currency_len))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid currency code \"%s\"",
						lane_for_message(currency, currency_len)),
				 errdetail("A currency is an ISO 4217 code of three upper-case letters, such as \"USD\".")));
}

/*
 * Raise the blend error unless two lanes and their currencies are the
 * same.  This is the one place where the blend check is decided, for rows,
 * parallel partial states, rollups and totals from other servers alike.
 */
void
lane_check_compatible(const char *lane_a, int lane_a_len,
					  const char *currency_a, int currency_a_len,
					  const char *lane_b, int lane_b_len,
					  const char *currency_b, int currency_b_len)
{
	if (lane_a_len != lane_b_len || memcmp(lane_a, lane_b, lane_a_len) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_TOKCOST_LANE_BLEND),
				 errmsg("cannot blend lane \"%s\" with lane \"%s\"",
						lane_for_message(lane_a, lane_a_len),
						lane_for_message(lane_b, lane_b_len)),
				 errdetail("A lane aggregate adds up the rows of one x_TokenSource lane, and this group contains rows of both."),
				 errhint("Add the lane column to GROUP BY, or filter the rows to one lane.")));

	if (currency_a_len == 0 && currency_b_len == 0)
		return;
	if (currency_a_len == 0 || currency_b_len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_TOKCOST_LANE_BLEND),
				 errmsg("cannot blend amounts in currency \"%s\" with amounts of no stated currency in lane \"%s\"",
						currency_a_len > 0 ? pnstrdup(currency_a, currency_a_len) :
						pnstrdup(currency_b, currency_b_len),
						lane_for_message(lane_a, lane_a_len)),
				 errdetail("A lane_total made without a currency argument cannot be combined with one made with it."),
				 errhint("Build every value with the same lane_sum signature, with or without the currency argument.")));
	if (memcmp(currency_a, currency_b, currency_a_len) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_TOKCOST_LANE_BLEND),
				 errmsg("cannot blend currency \"%s\" with currency \"%s\" in lane \"%s\"",
						pnstrdup(currency_a, currency_a_len),
						pnstrdup(currency_b, currency_b_len),
						lane_for_message(lane_a, lane_a_len)),
				 errdetail("A lane aggregate adds up amounts in one billing currency, and this group contains both."),
				 errhint("Add the currency column to GROUP BY, or convert the amounts to one currency first.")));
}

void
lane_report_null_lane(const char *seen_lane, int seen_lane_len)
{
	if (seen_lane != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_TOKCOST_LANE_BLEND),
				 errmsg("cannot aggregate a row with a null lane"),
				 errdetail("Every row in a lane aggregate needs an x_TokenSource lane tag, and this group contains rows of lane \"%s\" and a row with none.",
						   lane_for_message(seen_lane, seen_lane_len)),
				 errhint("Tag the row with its lane, or filter out rows whose lane is null.")));
	ereport(ERROR,
			(errcode(ERRCODE_TOKCOST_LANE_BLEND),
			 errmsg("cannot aggregate a row with a null lane"),
			 errdetail("Every row in a lane aggregate needs an x_TokenSource lane tag such as \"cloud-api\", so that untagged cost is never averaged into a lane."),
			 errhint("Tag the row with its lane, or filter out rows whose lane is null.")));
}

void
lane_report_null_currency(const char *lane, int lane_len)
{
	ereport(ERROR,
			(errcode(ERRCODE_TOKCOST_LANE_BLEND),
			 errmsg("cannot aggregate a row with a null currency in lane \"%s\"",
					lane_for_message(lane, lane_len)),
			 errdetail("A lane aggregate with a currency argument adds up amounts of one stated currency, and a null currency could be any."),
			 errhint("Fill in the row's currency, or use the form of the aggregate without a currency argument.")));
}

void
lane_report_rows_overflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("lane_total row count is out of range for type bigint")));
}

/* lane(lane_total): the lane tag. */
Datum
lane_total_lane(PG_FUNCTION_ARGS)
{
	LaneTotal  *value = PG_GETARG_LANE_TOTAL(0);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(LANE_TOTAL_LANE(value),
											  value->lane_len));
}

/* currency(lane_total): the currency code, or null when none is tracked. */
Datum
lane_total_currency(PG_FUNCTION_ARGS)
{
	LaneTotal  *value = PG_GETARG_LANE_TOTAL(0);

	if (value->currency_len == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(LANE_TOTAL_CURRENCY(value),
											  value->currency_len));
}

/* cost(lane_total): the cost sum, null when every cost was null. */
Datum
lane_total_cost(PG_FUNCTION_ARGS)
{
	LaneTotalParts parts;

	lane_total_unpack(PG_GETARG_LANE_TOTAL(0), &parts);
	if (parts.cost.isnull)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(decimal_sum_to_numeric(&parts.cost));
}

/* tokens(lane_total): the token sum, null when every count was null. */
Datum
lane_total_tokens(PG_FUNCTION_ARGS)
{
	LaneTotalParts parts;

	lane_total_unpack(PG_GETARG_LANE_TOTAL(0), &parts);
	if (parts.tokens.isnull)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(decimal_sum_to_numeric(&parts.tokens));
}

/* rows(lane_total): how many rows were aggregated, null costs included. */
Datum
lane_total_rows(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_LANE_TOTAL(0)->rows);
}

/*
 * cost_per_mtok(lane_total): cost / tokens * 1,000,000 with the scalar
 * function's rules.  It is also the final function of lane_cost_per_mtok.
 */
Datum
lane_total_cost_per_mtok(PG_FUNCTION_ARGS)
{
	LaneTotalParts parts;
	Numeric		result;

	lane_total_unpack(PG_GETARG_LANE_TOTAL(0), &parts);
	if (parts.cost.isnull || parts.tokens.isnull)
		PG_RETURN_NULL();
	result = costing_cost_per_mtok(decimal_sum_to_numeric(&parts.cost),
								   decimal_sum_to_numeric(&parts.tokens));
	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/*
 * Final function of lane_sum: the state in canonical form.
 */
Datum
lane_total_sum_final(PG_FUNCTION_ARGS)
{
	LaneTotal  *result = lane_total_canonical(PG_GETARG_LANE_TOTAL(0));

	/* a state updated in place must still have every byte set */
	VALGRIND_CHECK_MEM_IS_DEFINED(result, VARSIZE(result));
	PG_RETURN_LANE_TOTAL(result);
}
