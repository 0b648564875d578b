/*-------------------------------------------------------------------------
 *
 * lane_agg.c
 *	  Transition and combine functions of the lane aggregates
 *	  (lane_cost_per_mtok, lane_sum), whose state is a tokcost.lane_total.
 *
 * When called as an aggregate, the transition updates the state in place:
 * nodeAgg keeps a returned pointer that equals the state it passed in, so a
 * row costs no palloc.  The lane is compared where it lies in the tuple,
 * without a detoasted copy.  A sum leaves this fast path only when it no
 * longer fits 128 bits, and then the state is rebuilt with numeric sums.
 *
 * The transition takes NULLs itself (it is not strict) so that a null lane
 * is an error while a null cost or token count is skipped, as sum() skips
 * it.  The combine function is strict: nodeAgg copies the first non-null
 * partial state and skips null ones, which is what empty workers produce.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/builtins.h"

#include "costing.h"
#include "float8_read.h"
#include "lane_agg.h"
#include "lane_total.h"
#include "numeric_read.h"

PG_FUNCTION_INFO_V1(lane_total_accum_numeric_numeric);
PG_FUNCTION_INFO_V1(lane_total_accum_numeric_int8);
PG_FUNCTION_INFO_V1(lane_total_accum_numeric_int4);
PG_FUNCTION_INFO_V1(lane_total_accum_float8_numeric);
PG_FUNCTION_INFO_V1(lane_total_accum_float8_int8);
PG_FUNCTION_INFO_V1(lane_total_accum_float8_int4);
PG_FUNCTION_INFO_V1(lane_total_combine);

/*
 * Add an input value to a DecimalSum by the general path.  Used when the
 * in-place path cannot take the value, and by the moving aggregate.
 */
void
lane_input_add(DecimalSum *sum, InputKind kind, Datum value)
{
	switch (kind)
	{
		case INPUT_NUMERIC:
			decimal_sum_add_numeric(sum, DatumGetNumeric(value));
			break;
		case INPUT_FLOAT8:
			decimal_sum_add_float8(sum, DatumGetFloat8(value));
			break;
		case INPUT_INT8:
			decimal_sum_add_int64(sum, DatumGetInt64(value));
			break;
		case INPUT_INT4:
			decimal_sum_add_int64(sum, DatumGetInt32(value));
			break;
	}
}

/*
 * Check that an input value is finite and convert it to units at its own
 * display scale.  Returns false when it does not fit 128 bits.
 */
bool
lane_input_units(InputKind kind, Datum value, const char *name,
				 int128 *units, int *scale)
{
	switch (kind)
	{
		case INPUT_NUMERIC:
			{
				Numeric		numeric = (Numeric) lane_datum_varlena(value);

				if (unlikely(decimal_numeric_special(numeric) != DECIMAL_FINITE))
					check_finite(name, DatumGetNumeric(value));
				return decimal_units_from_numeric(numeric, units, scale);
			}
		case INPUT_FLOAT8:
			check_finite_float8(name, DatumGetFloat8(value));
			return decimal_units_from_float8(DatumGetFloat8(value), units, scale);
		case INPUT_INT8:
			*units = DatumGetInt64(value);
			*scale = 0;
			return true;
		case INPUT_INT4:
			*units = DatumGetInt32(value);
			*scale = 0;
			return true;
	}
	pg_unreachable();
}

/*
 * Convert an input value to an int64 count of 10^-scale units with no
 * palloc and no 128-bit arithmetic.  This covers the common values: a
 * numeric of up to 16 significant digits, a float8 whose numeric cast has
 * up to 15, and every integer.  Returns false for other values, NaN and
 * infinities included, and the general path then reads or rejects them.
 */
static pg_attribute_always_inline bool
input_int64_units(InputKind kind, Datum value, int sum_scale, int64 *units,
				  int *scale)
{
	switch (kind)
	{
		case INPUT_NUMERIC:
			return numeric_read_int64_units(lane_datum_varlena(value),
											sum_scale, units, scale);
		case INPUT_FLOAT8:
			return float8_read_int64_units(DatumGetFloat8(value), sum_scale,
										   units, scale);
		case INPUT_INT8:
			*units = DatumGetInt64(value);
			*scale = 0;
			return true;
		case INPUT_INT4:
			*units = DatumGetInt32(value);
			*scale = 0;
			return true;
	}
	pg_unreachable();
}

/*
 * Add one row's cost or token count to the state, in place when the sum
 * stays in 128-bit form.  Returns the state, which is a new value when the
 * sum had to move to numeric form.
 *
 * There are three paths, fastest first.  An int64 value is added to the
 * 128-bit sum in place.  A wider value, or one that widens the sum's scale,
 * takes the general 128-bit arithmetic.  A sum that no longer fits 128 bits
 * moves to numeric form.
 */
static pg_attribute_always_inline LaneTotal *
accumulate(LaneTotal *state, LaneSumField field, InputKind kind, Datum value)
{
	bool		is_cost = field == LANE_SUM_COST;
	uint8		null_flag = is_cost ? LANE_COST_NULL : LANE_TOKENS_NULL;
	uint8		numeric_flag = is_cost ? LANE_COST_NUMERIC : LANE_TOKENS_NUMERIC;
	int128	   *sum_units = is_cost ? &state->cost_units : &state->tokens_units;
	int16	   *sum_scale = is_cost ? &state->cost_scale : &state->tokens_scale;
	int64		small_units;
	int128		units;
	int			scale;
	DecimalSum	addend;

	if (likely((state->flags & numeric_flag) == 0))
	{
		if (likely(input_int64_units(kind, value, *sum_scale,
									 &small_units, &scale) &&
				   decimal_add_int64_units(sum_units, sum_scale,
										   small_units, scale)))
		{
			state->flags &= ~null_flag;
			return state;
		}
		if (lane_input_units(kind, value, is_cost ? "cost" : "tokens",
							 &units, &scale) &&
			decimal_add_units(sum_units, sum_scale, units, scale))
		{
			state->flags &= ~null_flag;
			return state;
		}
	}
	else
	{
		/* only checks that the value is finite */
		lane_input_units(kind, value, is_cost ? "cost" : "tokens",
						 &units, &scale);
	}

	decimal_sum_init(&addend);
	lane_input_add(&addend, kind, value);
	return lane_total_add_sum(state, field, &addend);
}

/*
 * Return the transition state to update: the caller's own value when
 * called as an aggregate, else a copy, since a plain function call must not
 * change its argument.
 */
static inline LaneTotal *
writable_state(FunctionCallInfo fcinfo)
{
	Datum		datum = PG_GETARG_DATUM(0);
	bool		in_aggregate;

	/* the test that AggCheckCallContext makes first, without its call */
	in_aggregate = (fcinfo->context != NULL &&
					IsA(fcinfo->context, AggState)) ||
		AggCheckCallContext(fcinfo, NULL);
	if (in_aggregate && !VARATT_IS_EXTENDED(DatumGetPointer(datum)))
	{
		LaneTotal  *state = (LaneTotal *) DatumGetPointer(datum);

		if (unlikely(state->version != LANE_TOTAL_VERSION))
			lane_total_from_datum(datum);	/* reports the damage */
		return state;
	}
	return lane_total_copy(lane_total_from_datum(datum));
}

/*
 * The transition of every lane aggregate over rows:
 * (state, lane, cost, tokens [, currency]).
 */
static pg_attribute_always_inline Datum
lane_total_accum(FunctionCallInfo fcinfo, InputKind cost_kind,
				 InputKind tokens_kind)
{
	LaneTotal  *state = NULL;
	text	   *lane;
	const char *currency = NULL;
	int			currency_len = 0;

	if (!PG_ARGISNULL(0))
		state = writable_state(fcinfo);

	if (PG_ARGISNULL(1))
		lane_report_null_lane(state ? LANE_TOTAL_LANE(state) : NULL,
							  state ? state->lane_len : 0);
	lane = (text *) lane_datum_varlena(PG_GETARG_DATUM(1));

	if (PG_NARGS() > 4)
	{
		text	   *currency_text;

		if (PG_ARGISNULL(4))
			lane_report_null_currency(VARDATA_ANY(lane), VARSIZE_ANY_EXHDR(lane));
		currency_text = (text *) lane_datum_varlena(PG_GETARG_DATUM(4));
		currency = VARDATA_ANY(currency_text);
		currency_len = VARSIZE_ANY_EXHDR(currency_text);
	}

	if (state == NULL)
	{
		lane_validate_lane(VARDATA_ANY(lane), VARSIZE_ANY_EXHDR(lane));
		if (currency != NULL)
			lane_validate_currency(currency, currency_len);
		state = lane_total_new(VARDATA_ANY(lane), VARSIZE_ANY_EXHDR(lane),
							   currency, currency_len);
	}
	else if (unlikely(!lane_matches(state, VARDATA_ANY(lane),
									VARSIZE_ANY_EXHDR(lane),
									currency, currency_len)))
	{
		if (currency != NULL)
			lane_validate_currency(currency, currency_len);
		lane_check_compatible(LANE_TOTAL_LANE(state), state->lane_len,
							  LANE_TOTAL_CURRENCY(state), state->currency_len,
							  VARDATA_ANY(lane), VARSIZE_ANY_EXHDR(lane),
							  currency, currency_len);
	}

	if (unlikely(pg_add_s64_overflow(state->rows, 1, &state->rows)))
		lane_report_rows_overflow();
	if (!PG_ARGISNULL(2))
		state = accumulate(state, LANE_SUM_COST, cost_kind, PG_GETARG_DATUM(2));
	if (!PG_ARGISNULL(3))
		state = accumulate(state, LANE_SUM_TOKENS, tokens_kind, PG_GETARG_DATUM(3));

	PG_RETURN_LANE_TOTAL(state);
}

Datum
lane_total_accum_numeric_numeric(PG_FUNCTION_ARGS)
{
	return lane_total_accum(fcinfo, INPUT_NUMERIC, INPUT_NUMERIC);
}

Datum
lane_total_accum_numeric_int8(PG_FUNCTION_ARGS)
{
	return lane_total_accum(fcinfo, INPUT_NUMERIC, INPUT_INT8);
}

Datum
lane_total_accum_numeric_int4(PG_FUNCTION_ARGS)
{
	return lane_total_accum(fcinfo, INPUT_NUMERIC, INPUT_INT4);
}

Datum
lane_total_accum_float8_numeric(PG_FUNCTION_ARGS)
{
	return lane_total_accum(fcinfo, INPUT_FLOAT8, INPUT_NUMERIC);
}

Datum
lane_total_accum_float8_int8(PG_FUNCTION_ARGS)
{
	return lane_total_accum(fcinfo, INPUT_FLOAT8, INPUT_INT8);
}

Datum
lane_total_accum_float8_int4(PG_FUNCTION_ARGS)
{
	return lane_total_accum(fcinfo, INPUT_FLOAT8, INPUT_INT4);
}

/*
 * Add one sum of another lane_total into the state, in place while both
 * are in 128-bit form.
 */
static LaneTotal *
combine_sum(LaneTotal *state, const LaneTotal *other, LaneSumField field)
{
	bool		is_cost = field == LANE_SUM_COST;
	uint8		null_flag = is_cost ? LANE_COST_NULL : LANE_TOKENS_NULL;
	uint8		numeric_flag = is_cost ? LANE_COST_NUMERIC : LANE_TOKENS_NUMERIC;
	LaneTotalParts other_parts;

	if (other->flags & null_flag)
		return state;
	if (((state->flags | other->flags) & numeric_flag) == 0 &&
		decimal_add_units(is_cost ? &state->cost_units : &state->tokens_units,
						  is_cost ? &state->cost_scale : &state->tokens_scale,
						  is_cost ? other->cost_units : other->tokens_units,
						  is_cost ? other->cost_scale : other->tokens_scale))
	{
		state->flags &= ~null_flag;
		return state;
	}
	lane_total_unpack(other, &other_parts);
	return lane_total_add_sum(state, field,
							  is_cost ? &other_parts.cost : &other_parts.tokens);
}

/*
 * lane_total_combine(a, b): merge two totals of one lane.  It is the
 * combine function of every lane aggregate and the transition of the
 * lane_sum(lane_total) rollup, so the blend check applies alike to parallel workers,
 * rollups and servers.
 */
Datum
lane_total_combine(PG_FUNCTION_ARGS)
{
	LaneTotal  *state = writable_state(fcinfo);
	LaneTotal  *other = PG_GETARG_LANE_TOTAL(1);

	if (!lane_matches(state, LANE_TOTAL_LANE(other), other->lane_len,
					  LANE_TOTAL_CURRENCY(other), other->currency_len))
		lane_check_compatible(LANE_TOTAL_LANE(state), state->lane_len,
							  LANE_TOTAL_CURRENCY(state), state->currency_len,
							  LANE_TOTAL_LANE(other), other->lane_len,
							  LANE_TOTAL_CURRENCY(other), other->currency_len);

	if (pg_add_s64_overflow(state->rows, other->rows, &state->rows))
		lane_report_rows_overflow();
	state = combine_sum(state, other, LANE_SUM_COST);
	state = combine_sum(state, other, LANE_SUM_TOKENS);
	PG_RETURN_LANE_TOTAL(state);
}
