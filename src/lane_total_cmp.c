/*-------------------------------------------------------------------------
 *
 * lane_total_cmp.c
 *	  Comparison and hashing of tokcost.lane_total, for the btree and hash
 *	  operator classes.
 *
 * Values order by lane bytes, then currency (none first), then cost, tokens
 * (null first) and row count.  Sums compare as numeric does, so a cost of
 * 1.5 equals a cost of 1.50, and the hash agrees with that equality.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "utils/builtins.h"

#include "lane_total.h"

PG_FUNCTION_INFO_V1(lane_total_cmp);
PG_FUNCTION_INFO_V1(lane_total_eq);
PG_FUNCTION_INFO_V1(lane_total_ne);
PG_FUNCTION_INFO_V1(lane_total_lt);
PG_FUNCTION_INFO_V1(lane_total_le);
PG_FUNCTION_INFO_V1(lane_total_gt);
PG_FUNCTION_INFO_V1(lane_total_ge);
PG_FUNCTION_INFO_V1(lane_total_hash);
PG_FUNCTION_INFO_V1(lane_total_hash_extended);

static int
compare_bytes(const char *a, int a_len, const char *b, int b_len)
{
	int			result = memcmp(a, b, Min(a_len, b_len));

	if (result != 0)
		return result < 0 ? -1 : 1;
	if (a_len != b_len)
		return a_len < b_len ? -1 : 1;
	return 0;
}

static int
compare_sums(const DecimalSum *a, const DecimalSum *b)
{
	if (a->isnull || b->isnull)
		return (int) b->isnull - (int) a->isnull;
	return decimal_sum_compare(a, b);
}

static int
compare_lane_totals(const LaneTotal *a, const LaneTotal *b)
{
	LaneTotalParts pa;
	LaneTotalParts pb;
	int			result;

	lane_total_unpack(a, &pa);
	lane_total_unpack(b, &pb);

	result = compare_bytes(pa.lane, pa.lane_len, pb.lane, pb.lane_len);
	if (result == 0)
		result = compare_bytes(pa.currency ? pa.currency : "", pa.currency_len,
							   pb.currency ? pb.currency : "", pb.currency_len);
	if (result == 0)
		result = compare_sums(&pa.cost, &pb.cost);
	if (result == 0)
		result = compare_sums(&pa.tokens, &pb.tokens);
	if (result == 0 && pa.rows != pb.rows)
		result = pa.rows < pb.rows ? -1 : 1;
	return result;
}

#define LANE_TOTAL_COMPARE(fcinfo) \
	compare_lane_totals(PG_GETARG_LANE_TOTAL(0), PG_GETARG_LANE_TOTAL(1))

Datum
lane_total_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(LANE_TOTAL_COMPARE(fcinfo));
}

Datum
lane_total_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(LANE_TOTAL_COMPARE(fcinfo) == 0);
}

Datum
lane_total_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(LANE_TOTAL_COMPARE(fcinfo) != 0);
}

Datum
lane_total_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(LANE_TOTAL_COMPARE(fcinfo) < 0);
}

Datum
lane_total_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(LANE_TOTAL_COMPARE(fcinfo) <= 0);
}

Datum
lane_total_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(LANE_TOTAL_COMPARE(fcinfo) > 0);
}

Datum
lane_total_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(LANE_TOTAL_COMPARE(fcinfo) >= 0);
}

static uint64
hash_lane_total(const LaneTotal *value, uint64 seed)
{
	LaneTotalParts parts;
	uint64		hash;

	lane_total_unpack(value, &parts);
	hash = hash_bytes_extended((const unsigned char *) parts.lane,
							   parts.lane_len, seed);
	if (parts.currency != NULL)
		hash = hash_combine64(hash,
							  hash_bytes_extended((const unsigned char *) parts.currency,
												  parts.currency_len, seed));
	if (!parts.cost.isnull)
		hash = hash_combine64(hash, decimal_sum_hash(&parts.cost, seed));
	hash = hash_combine64(hash, parts.cost.isnull ? 1 : 2);
	if (!parts.tokens.isnull)
		hash = hash_combine64(hash, decimal_sum_hash(&parts.tokens, seed));
	hash = hash_combine64(hash, parts.tokens.isnull ? 1 : 2);
	return hash_combine64(hash, (uint64) parts.rows);
}

Datum
lane_total_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32((uint32) hash_lane_total(PG_GETARG_LANE_TOTAL(0), 0));
}

Datum
lane_total_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(hash_lane_total(PG_GETARG_LANE_TOTAL(0),
									 PG_GETARG_INT64(1)));
}
