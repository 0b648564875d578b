/*-------------------------------------------------------------------------
 *
 * lane_window.c
 *	  Moving-aggregate support of the lane aggregates, so that a window
 *	  such as ROWS BETWEEN 6 PRECEDING AND CURRENT ROW costs time linear in
 *	  the rows: each row enters the frame once and leaves it once.
 *
 * Every frame must equal a fresh aggregate over the same rows, display
 * scale included.  So each sum counts its non-null values (a sum with none
 * is null again) and counts values by display scale, so that the scale can
 * fall when the last value with the largest scale leaves.  A value whose
 * scale is too large to count makes the inverse give up, and the executor
 * then recomputes that frame from scratch.
 *
 * The state is internal: windows never run across parallel workers or
 * servers, so it needs no text form.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/builtins.h"

#include "costing.h"
#include "lane_agg.h"
#include "lane_total.h"

PG_FUNCTION_INFO_V1(lane_moving_accum);
PG_FUNCTION_INFO_V1(lane_moving_discard);
PG_FUNCTION_INFO_V1(lane_moving_cost_per_mtok);
PG_FUNCTION_INFO_V1(lane_moving_lane_sum);

/* Display scales 0 to MOVING_SCALE_SLOTS - 2 are counted one by one. */
#define MOVING_SCALE_SLOTS	64

typedef struct MovingSum
{
	DecimalSum	sum;			/* numeric form, if any, in the state's context */
	int64		count;			/* non-null values in the frame */
	int64		scale_counts[MOVING_SCALE_SLOTS];	/* last slot: all larger */
} MovingSum;

typedef struct LaneMovingState
{
	MemoryContext context;		/* the aggregate context */
	int64		rows;			/* rows in the frame */
	int			lane_len;		/* 0 while the frame is empty */
	int			currency_len;
	char		lane[LANE_MAX_BYTES];
	char		currency[CURRENCY_CODE_LENGTH];
	MovingSum	cost;
	MovingSum	tokens;
} LaneMovingState;

/* Argument types of one aggregate, found once per call site. */
typedef struct MovingInputKinds
{
	InputKind	cost;
	InputKind	tokens;
} MovingInputKinds;

static InputKind
input_kind_of(Oid type)
{
	switch (type)
	{
		case NUMERICOID:
			return INPUT_NUMERIC;
		case FLOAT8OID:
			return INPUT_FLOAT8;
		case INT8OID:
			return INPUT_INT8;
		case INT4OID:
			return INPUT_INT4;
		default:
			elog(ERROR, "lane aggregate input of type %u is not supported", type);
	}
	pg_unreachable();
}

static MovingInputKinds *
input_kinds(FunctionCallInfo fcinfo)
{
	MovingInputKinds *kinds = fcinfo->flinfo->fn_extra;

	if (kinds == NULL)
	{
		kinds = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(*kinds));
		kinds->cost = input_kind_of(get_fn_expr_argtype(fcinfo->flinfo, 2));
		kinds->tokens = input_kind_of(get_fn_expr_argtype(fcinfo->flinfo, 3));
		fcinfo->flinfo->fn_extra = kinds;
	}
	return kinds;
}

static void
moving_sum_reset(MovingSum *moving)
{
	if (moving->sum.numeric != NULL)
		pfree(moving->sum.numeric);
	memset(moving, 0, sizeof(*moving));
	decimal_sum_init(&moving->sum);
}

/*
 * Keep the sum's numeric form, if a step made a new one, in the state's
 * context, and free the one it replaces.
 */
static void
moving_sum_keep(MovingSum *moving, Numeric previous, MemoryContext context)
{
	if (moving->sum.numeric == previous)
		return;
	if (moving->sum.numeric != NULL)
	{
		Numeric		copy = MemoryContextAlloc(context, VARSIZE(moving->sum.numeric));

		memcpy(copy, moving->sum.numeric, VARSIZE(moving->sum.numeric));
		moving->sum.numeric = copy;
	}
	if (previous != NULL)
		pfree(previous);
}

static void
input_to_sum(InputKind kind, Datum value, const char *name, DecimalSum *sum)
{
	int128		units;
	int			scale;

	decimal_sum_init(sum);
	if (lane_input_units(kind, value, name, &units, &scale))
	{
		sum->isnull = false;
		sum->units = units;
		sum->scale = scale;
	}
	else
		lane_input_add(sum, kind, value);
}

static void
moving_sum_add(MovingSum *moving, InputKind kind, Datum value,
			   const char *name, MemoryContext context)
{
	DecimalSum	addend;
	Numeric		previous = moving->sum.numeric;

	input_to_sum(kind, value, name, &addend);
	decimal_sum_add_sum(&moving->sum, &addend);
	moving_sum_keep(moving, previous, context);
	moving->count++;
	moving->scale_counts[Min(addend.scale, MOVING_SCALE_SLOTS - 1)]++;
}

/*
 * Remove a value that entered the frame earlier.  Returns false when the
 * new display scale cannot be known, so the frame must be recomputed.
 */
static bool
moving_sum_remove(MovingSum *moving, InputKind kind, Datum value,
				  const char *name, MemoryContext context)
{
	DecimalSum	removed;
	Numeric		previous = moving->sum.numeric;
	int			slot;
	int			max_scale;

	input_to_sum(kind, value, name, &removed);
	slot = Min(removed.scale, MOVING_SCALE_SLOTS - 1);
	if (slot == MOVING_SCALE_SLOTS - 1)
		return false;

	Assert(moving->count > 0 && moving->scale_counts[slot] > 0);
	moving->count--;
	moving->scale_counts[slot]--;
	if (moving->count == 0)
	{
		moving_sum_reset(moving);
		return true;
	}

	decimal_sum_subtract_sum(&moving->sum, &removed);

	/*
	 * While values with a scale in the last slot remain, the largest scale is
	 * among them and unchanged, because this value was not one of them.
	 * Otherwise the largest scale is the largest slot still counted.
	 */
	if (moving->scale_counts[MOVING_SCALE_SLOTS - 1] == 0)
	{
		for (max_scale = MOVING_SCALE_SLOTS - 2; max_scale > 0; max_scale--)
			if (moving->scale_counts[max_scale] > 0)
				break;
		if (max_scale < moving->sum.scale)
			decimal_sum_set_scale(&moving->sum, max_scale);
	}
	moving_sum_keep(moving, previous, context);
	return true;
}

static LaneMovingState *
moving_state_new(FunctionCallInfo fcinfo)
{
	MemoryContext context;
	LaneMovingState *state;

	if (AggCheckCallContext(fcinfo, &context) == 0)
		elog(ERROR, "lane moving aggregate called in non-aggregate context");
	state = MemoryContextAllocZero(context, sizeof(LaneMovingState));
	state->context = context;
	decimal_sum_init(&state->cost.sum);
	decimal_sum_init(&state->tokens.sum);
	return state;
}

/*
 * Read the lane (and currency) of a row, raising the blend error when it
 * is null or differs from the frame's.
 */
static void
moving_check_lane(FunctionCallInfo fcinfo, LaneMovingState *state)
{
	text	   *lane;
	const char *currency = NULL;
	int			currency_len = 0;
	int			lane_len;

	if (PG_ARGISNULL(1))
		lane_report_null_lane(state->lane_len > 0 ? state->lane : NULL,
							  state->lane_len);
	lane = PG_GETARG_TEXT_PP(1);
	lane_len = VARSIZE_ANY_EXHDR(lane);
	if (PG_NARGS() > 4)
	{
		text	   *currency_text;

		if (PG_ARGISNULL(4))
			lane_report_null_currency(VARDATA_ANY(lane), lane_len);
		currency_text = PG_GETARG_TEXT_PP(4);
		currency = VARDATA_ANY(currency_text);
		currency_len = VARSIZE_ANY_EXHDR(currency_text);
		lane_validate_currency(currency, currency_len);
	}

	if (state->lane_len == 0)
	{
		lane_validate_lane(VARDATA_ANY(lane), lane_len);
		memcpy(state->lane, VARDATA_ANY(lane), lane_len);
		state->lane_len = lane_len;
		if (currency != NULL)
			memcpy(state->currency, currency, currency_len);
		state->currency_len = currency_len;
		return;
	}
	lane_check_compatible(state->lane, state->lane_len,
						  state->currency, state->currency_len,
						  VARDATA_ANY(lane), lane_len,
						  currency, currency_len);
}

/*
 * lane_moving_accum(state, lane, cost, tokens [, currency]): a row enters
 * the frame.
 */
Datum
lane_moving_accum(PG_FUNCTION_ARGS)
{
	MovingInputKinds *kinds = input_kinds(fcinfo);
	LaneMovingState *state;

	state = PG_ARGISNULL(0) ? moving_state_new(fcinfo) :
		(LaneMovingState *) PG_GETARG_POINTER(0);
	moving_check_lane(fcinfo, state);

	if (state->rows == PG_INT64_MAX)
		lane_report_rows_overflow();
	state->rows++;
	if (!PG_ARGISNULL(2))
		moving_sum_add(&state->cost, kinds->cost, PG_GETARG_DATUM(2),
					   "cost", state->context);
	if (!PG_ARGISNULL(3))
		moving_sum_add(&state->tokens, kinds->tokens, PG_GETARG_DATUM(3),
					   "tokens", state->context);
	PG_RETURN_POINTER(state);
}

/*
 * lane_moving_discard(state, lane, cost, tokens [, currency]): a row leaves
 * the frame.  Returns null to make the executor recompute the frame.
 */
Datum
lane_moving_discard(PG_FUNCTION_ARGS)
{
	MovingInputKinds *kinds = input_kinds(fcinfo);
	LaneMovingState *state = (LaneMovingState *) PG_GETARG_POINTER(0);

	Assert(!PG_ARGISNULL(0) && state->rows > 0);
	if (!PG_ARGISNULL(2) &&
		!moving_sum_remove(&state->cost, kinds->cost, PG_GETARG_DATUM(2),
						   "cost", state->context))
		PG_RETURN_NULL();
	if (!PG_ARGISNULL(3) &&
		!moving_sum_remove(&state->tokens, kinds->tokens, PG_GETARG_DATUM(3),
						   "tokens", state->context))
		PG_RETURN_NULL();

	state->rows--;
	if (state->rows == 0)
	{
		/* an empty frame may next hold another lane */
		state->lane_len = 0;
		state->currency_len = 0;
	}
	PG_RETURN_POINTER(state);
}

/*
 * lane_moving_cost_per_mtok(state): the final function for windows.
 */
Datum
lane_moving_cost_per_mtok(PG_FUNCTION_ARGS)
{
	LaneMovingState *state;
	Numeric		result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (LaneMovingState *) PG_GETARG_POINTER(0);
	if (state->rows == 0 || state->cost.sum.isnull || state->tokens.sum.isnull)
		PG_RETURN_NULL();
	result = costing_cost_per_mtok(decimal_sum_to_numeric(&state->cost.sum),
								   decimal_sum_to_numeric(&state->tokens.sum));
	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/*
 * lane_moving_lane_sum(state): the frame as a lane_total.
 */
Datum
lane_moving_lane_sum(PG_FUNCTION_ARGS)
{
	LaneMovingState *state;
	LaneTotalParts parts;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (LaneMovingState *) PG_GETARG_POINTER(0);
	if (state->rows == 0)
		PG_RETURN_NULL();

	parts.lane = state->lane;
	parts.lane_len = state->lane_len;
	parts.currency = state->currency_len > 0 ? state->currency : NULL;
	parts.currency_len = state->currency_len;
	parts.cost = state->cost.sum;
	parts.tokens = state->tokens.sum;
	decimal_sum_canonicalize(&parts.cost);
	decimal_sum_canonicalize(&parts.tokens);
	parts.rows = state->rows;
	PG_RETURN_LANE_TOTAL(lane_total_pack(&parts));
}
