/*-------------------------------------------------------------------------
 *
 * costing.c
 *	  Scalar costing functions: amortization, power, a node's daily cost,
 *	  cost per million tokens, metered API cost, and break-even utilization.
 *
 * All arithmetic is numeric.  Sums and products are exact; a quotient has
 * numeric division's precision (at least 16 significant digits).
 *
 * Conventions: a month is 365.25 / 12 = 30.4375 days; power is IT load (kW)
 * x PUE x 24 h x price per kWh; a rate is USD per million tokens.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "compat.h"
#include "costing.h"
#include "decimal.h"

PG_FUNCTION_INFO_V1(tokcost_amortized_daily_cost);
PG_FUNCTION_INFO_V1(tokcost_power_daily_cost);
PG_FUNCTION_INFO_V1(tokcost_node_daily_cost);
PG_FUNCTION_INFO_V1(tokcost_cost_per_mtok);
PG_FUNCTION_INFO_V1(tokcost_api_cost);
PG_FUNCTION_INFO_V1(tokcost_tokens_per_day);
PG_FUNCTION_INFO_V1(tokcost_utilization);
PG_FUNCTION_INFO_V1(tokcost_break_even_utilization);

#define DAYS_PER_MONTH		"30.4375"	/* 365.25 / 12 */
#define HOURS_PER_DAY		24
#define SECONDS_PER_DAY		86400
#define TOKENS_PER_MTOK		1000000
#define MTOK_PER_TOKEN		"0.000001"

static Numeric
numeric_from_cstring(const char *text)
{
	return DatumGetNumeric(DirectFunctionCall3(numeric_in,
											   CStringGetDatum(text),
											   ObjectIdGetDatum(InvalidOid),
											   Int32GetDatum(-1)));
}

static Numeric
add(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_add,
											   NumericGetDatum(a),
											   NumericGetDatum(b)));
}

static Numeric
sub(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_sub,
											   NumericGetDatum(a),
											   NumericGetDatum(b)));
}

static Numeric
mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul,
											   NumericGetDatum(a),
											   NumericGetDatum(b)));
}

static Numeric
divide(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_div,
											   NumericGetDatum(a),
											   NumericGetDatum(b)));
}

static int
compare(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp,
											 NumericGetDatum(a),
											 NumericGetDatum(b)));
}

static int
sign(Numeric value)
{
	return compare(value, int64_to_numeric(0));
}

static char *
numeric_text(Numeric value)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out,
											   NumericGetDatum(value)));
}

/*
 * Raise invalid_parameter_value unless a numeric argument is finite.  Money
 * amounts and counts are never NaN or infinite.
 */
void
check_finite(const char *name, Numeric value)
{
	if (decimal_numeric_special(value) != DECIMAL_FINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s: %s", name, numeric_text(value)),
				 errdetail("Parameter %s must be a finite number.", name)));
}

static const char *
float8_special_name(double value)
{
	if (isnan(value))
		return "NaN";
	return value > 0 ? "Infinity" : "-Infinity";
}

void
check_finite_float8(const char *name, double value)
{
	if (isnan(value) || isinf(value))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s: %s", name, float8_special_name(value)),
				 errdetail("Parameter %s must be a finite number.", name)));
}

void
check_not_negative(const char *name, Numeric value)
{
	check_finite(name, value);
	if (sign(value) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s: %s", name, numeric_text(value)),
				 errdetail("Parameter %s must not be negative.", name)));
}

static void
check_positive(const char *name, Numeric value)
{
	check_finite(name, value);
	if (sign(value) <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s: %s", name, numeric_text(value)),
				 errdetail("Parameter %s must be greater than zero.", name)));
}

static void
check_fraction(const char *name, Numeric value)
{
	check_finite(name, value);
	if (sign(value) < 0 || compare(value, int64_to_numeric(1)) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s: %s", name, numeric_text(value)),
				 errdetail("Parameter %s is a fraction of capacity, from 0 to 1.", name)));
}

/*
 * cost / tokens * 1,000,000, or NULL when tokens is zero: the unit cost of
 * nothing is undefined, though the cost still counts wherever it is summed.
 * Evaluated in that order so that the result equals the same SQL
 * expression over sum(cost) and sum(tokens).
 */
Numeric
costing_cost_per_mtok(Numeric cost, Numeric tokens)
{
	int			tokens_sign;

	check_finite("cost", cost);
	check_not_negative("tokens", tokens);
	tokens_sign = sign(tokens);
	if (tokens_sign == 0)
		return NULL;
	return mul(divide(cost, tokens), int64_to_numeric(TOKENS_PER_MTOK));
}

static Numeric
amortized_daily_cost(Numeric capex, int32 life_months, Numeric residual_value)
{
	Numeric		days;

	check_not_negative("capex", capex);
	if (life_months <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid life_months: %d", life_months),
				 errdetail("Parameter life_months must be at least 1.")));
	check_not_negative("residual_value", residual_value);
	if (compare(residual_value, capex) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid residual_value: %s", numeric_text(residual_value)),
				 errdetail("Parameter residual_value must not exceed capex, which is %s.",
						   numeric_text(capex))));

	days = mul(int64_to_numeric(life_months), numeric_from_cstring(DAYS_PER_MONTH));
	return divide(sub(capex, residual_value), days);
}

static Numeric
power_daily_cost(Numeric it_load_kw, Numeric pue, Numeric price_per_kwh)
{
	check_not_negative("it_load_kw", it_load_kw);
	check_finite("pue", pue);
	if (compare(pue, int64_to_numeric(1)) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid pue: %s", numeric_text(pue)),
				 errdetail("Parameter pue is facility power over IT power, so it is at least 1.")));
	check_not_negative("price_per_kwh", price_per_kwh);

	return mul(mul(mul(it_load_kw, pue), int64_to_numeric(HOURS_PER_DAY)),
			   price_per_kwh);
}

/*
 * amortized_daily_cost(capex, life_months, residual_value): straight-line
 * depreciation per day.
 */
Datum
tokcost_amortized_daily_cost(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(amortized_daily_cost(PG_GETARG_NUMERIC(0),
										   PG_GETARG_INT32(1),
										   PG_GETARG_NUMERIC(2)));
}

/*
 * power_daily_cost(it_load_kw, pue, price_per_kwh): a day of facility power
 * for a given IT load.
 */
Datum
tokcost_power_daily_cost(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(power_daily_cost(PG_GETARG_NUMERIC(0),
									   PG_GETARG_NUMERIC(1),
									   PG_GETARG_NUMERIC(2)));
}

/*
 * node_daily_cost(capex, life_months, it_load_kw, pue, price_per_kwh,
 * facility_per_day, residual_value): what a node costs a day, busy or idle.
 */
Datum
tokcost_node_daily_cost(PG_FUNCTION_ARGS)
{
	Numeric		capex = PG_GETARG_NUMERIC(0);
	int32		life_months = PG_GETARG_INT32(1);
	Numeric		it_load_kw = PG_GETARG_NUMERIC(2);
	Numeric		pue = PG_GETARG_NUMERIC(3);
	Numeric		price_per_kwh = PG_GETARG_NUMERIC(4);
	Numeric		facility_per_day = PG_GETARG_NUMERIC(5);
	Numeric		residual_value = PG_GETARG_NUMERIC(6);
	Numeric		total;

	check_not_negative("facility_per_day", facility_per_day);
	total = add(amortized_daily_cost(capex, life_months, residual_value),
				power_daily_cost(it_load_kw, pue, price_per_kwh));
	PG_RETURN_NUMERIC(add(total, facility_per_day));
}

/*
 * cost_per_mtok(cost, tokens): cost per million tokens.
 */
Datum
tokcost_cost_per_mtok(PG_FUNCTION_ARGS)
{
	Numeric		result = costing_cost_per_mtok(PG_GETARG_NUMERIC(0),
											   PG_GETARG_NUMERIC(1));

	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/*
 * Cost of one token class: tokens * rate, where a NULL rate is allowed only
 * for zero tokens, because unpriced usage must never cost nothing.
 */
static Numeric
token_class_cost(const char *tokens_name, Numeric tokens,
				 const char *rate_name, Numeric rate, bool rate_isnull)
{
	if (rate_isnull)
	{
		if (sign(tokens) != 0)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s is null, but %s is %s",
							rate_name, tokens_name, numeric_text(tokens)),
					 errdetail("Tokens with no rate cannot be priced, and pricing them at zero would understate the cost."),
					 errhint("Pass %s, or price the row by model with tokcost.api_cost_by_model.",
							 rate_name)));
		return int64_to_numeric(0);
	}
	check_not_negative(rate_name, rate);
	return mul(tokens, rate);
}

/*
 * api_cost(input_tokens, output_tokens, input_per_mtok, output_per_mtok,
 * cached_input_tokens, cached_input_per_mtok): the metered cost of one
 * usage row.  Cached input tokens are part of input_tokens and billed at
 * the cached rate instead of the input rate.
 *
 * Not strict: a NULL token count gives NULL (usage unknown), while a NULL
 * rate is an error unless its token count is zero.
 */
Datum
tokcost_api_cost(PG_FUNCTION_ARGS)
{
	Numeric		input_tokens;
	Numeric		output_tokens;
	Numeric		cached_tokens;
	Numeric		uncached_tokens;
	Numeric		total;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	input_tokens = PG_GETARG_NUMERIC(0);
	output_tokens = PG_GETARG_NUMERIC(1);
	cached_tokens = PG_GETARG_NUMERIC(4);
	check_not_negative("input_tokens", input_tokens);
	check_not_negative("output_tokens", output_tokens);
	check_not_negative("cached_input_tokens", cached_tokens);
	if (compare(cached_tokens, input_tokens) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid cached_input_tokens: %s", numeric_text(cached_tokens)),
				 errdetail("Cached input tokens are part of input_tokens, which is %s.",
						   numeric_text(input_tokens))));
	uncached_tokens = sub(input_tokens, cached_tokens);

	total = token_class_cost("input_tokens", uncached_tokens,
							 "input_per_mtok",
							 PG_ARGISNULL(2) ? NULL : PG_GETARG_NUMERIC(2),
							 PG_ARGISNULL(2));
	total = add(total,
				token_class_cost("cached_input_tokens", cached_tokens,
								 "cached_input_per_mtok",
								 PG_ARGISNULL(5) ? NULL : PG_GETARG_NUMERIC(5),
								 PG_ARGISNULL(5)));
	total = add(total,
				token_class_cost("output_tokens", output_tokens,
								 "output_per_mtok",
								 PG_ARGISNULL(3) ? NULL : PG_GETARG_NUMERIC(3),
								 PG_ARGISNULL(3)));

	/* multiplying by 10^-6 is exact, where dividing would round */
	PG_RETURN_NUMERIC(mul(total, numeric_from_cstring(MTOK_PER_TOKEN)));
}

/*
 * tokens_per_day(peak_tokens_per_second, utilization): tokens a node serves
 * in a day at a utilization of its peak rate.
 */
Datum
tokcost_tokens_per_day(PG_FUNCTION_ARGS)
{
	Numeric		peak = PG_GETARG_NUMERIC(0);
	Numeric		utilization = PG_GETARG_NUMERIC(1);

	check_not_negative("peak_tokens_per_second", peak);
	check_fraction("utilization", utilization);
	PG_RETURN_NUMERIC(mul(mul(peak, int64_to_numeric(SECONDS_PER_DAY)),
						  utilization));
}

/*
 * utilization(tokens_served, peak_tokens_per_day): the fraction of a day's
 * peak capacity that was used.  Above 1 means the peak rate is understated.
 */
Datum
tokcost_utilization(PG_FUNCTION_ARGS)
{
	Numeric		served = PG_GETARG_NUMERIC(0);
	Numeric		peak = PG_GETARG_NUMERIC(1);

	check_not_negative("tokens_served", served);
	check_positive("peak_tokens_per_day", peak);
	PG_RETURN_NUMERIC(divide(served, peak));
}

/*
 * break_even_utilization(daily_cost, peak_tokens_per_day, cloud_per_mtok):
 * the utilization at which the node's cost per million tokens equals the
 * cloud price.  Above 1 means the node can never beat that price.
 */
Datum
tokcost_break_even_utilization(PG_FUNCTION_ARGS)
{
	Numeric		daily_cost = PG_GETARG_NUMERIC(0);
	Numeric		peak = PG_GETARG_NUMERIC(1);
	Numeric		cloud_per_mtok = PG_GETARG_NUMERIC(2);
	Numeric		cloud_cost_at_peak;

	check_not_negative("daily_cost", daily_cost);
	check_positive("peak_tokens_per_day", peak);
	check_positive("cloud_per_mtok", cloud_per_mtok);

	/* daily_cost / (peak / 10^6 * cloud_per_mtok), with the exact product first */
	cloud_cost_at_peak = mul(mul(peak, cloud_per_mtok),
							 numeric_from_cstring(MTOK_PER_TOKEN));
	PG_RETURN_NUMERIC(divide(daily_cost, cloud_cost_at_peak));
}
