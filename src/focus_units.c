/*-------------------------------------------------------------------------
 *
 * focus_units.c
 *	  Token counts from FOCUS quantities: a strict parser of the units in
 *	  ConsumedUnit and PricingUnit that count tokens.
 *
 * A token unit is, in FOCUS UnitFormat, a simple count-based unit whose base
 * unit is Token or Tokens, optionally preceded by a unit quantity: "Tokens",
 * "1000 Tokens", and the forms exports also write, "1K Tokens", "1M Tokens"
 * and "Million Tokens".  Words that qualify the tokens, from a fixed list,
 * may stand before the base unit ("1M Input Tokens").  Case is not significant.  Everything else is not a
 * count of tokens: another base unit ("Requests", "GB"), a compound unit
 * ("Request-Tokens") or a ratio ("Tokens/Second").  A unit is never guessed:
 * "1K Tokens" is 1,000 tokens and "1M Tokens" 1,000,000, so a price per
 * 1K tokens cannot be read as a price per million.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "common/int.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "compat.h"
#include "costing.h"

PG_FUNCTION_INFO_V1(focus_token_unit_size);
PG_FUNCTION_INFO_V1(focus_is_token_unit);
PG_FUNCTION_INFO_V1(focus_tokens);
PG_FUNCTION_INFO_V1(focus_unit_price_per_mtok);

#define TOKENS_PER_MTOK		1000000

/* at most 12 digits before a K or M, 10^18 tokens in all */
#define MAX_QUANTITY_DIGITS 12
#define MAX_UNIT_SIZE		INT64CONST(1000000000000000000)

typedef enum TokenUnitProblem
{
	TOKEN_UNIT_OK,
	TOKEN_UNIT_EMPTY,
	TOKEN_UNIT_RATIO,
	TOKEN_UNIT_COMPOUND,
	TOKEN_UNIT_QUANTITY,
	TOKEN_UNIT_MAGNITUDE,
	TOKEN_UNIT_QUALIFIER,
	TOKEN_UNIT_NOT_TOKENS
} TokenUnitProblem;

/*
 * Words that multiply the unit quantity, in any case: "Million Tokens" and
 * "1 Million Tokens" are 1,000,000 tokens, like "1M Tokens".  The letters
 * K and M are in letter_magnitude, since a lower-case m is milli.
 */
typedef struct MagnitudeWord
{
	const char *word;
	int64		factor;
} MagnitudeWord;

static const MagnitudeWord magnitude_words[] = {
	{"hundred", 100},
	{"hundreds", 100},
	{"kilo", 1000},
	{"thousand", 1000},
	{"thousands", 1000},
	{"mm", 1000000},
	{"mega", 1000000},
	{"million", 1000000},
	{"millions", 1000000},
	{"bn", INT64CONST(1000000000)},
	{"giga", INT64CONST(1000000000)},
	{"billion", INT64CONST(1000000000)},
	{"billions", INT64CONST(1000000000)},
};

/*
 * Words that may qualify the tokens, in any case ("1M Cached Input Tokens").
 * Any other word is rejected, so that a magnitude this parser does not know,
 * such as Trillion or Lakh, is never read as a qualifier of single tokens.
 */
static const char *const qualifier_words[] = {
	"audio", "batch", "billable", "cache", "cached", "completion",
	"completions", "context", "creation", "embedding", "embeddings",
	"generated", "image", "images", "input", "output", "processed", "prompt",
	"read", "reasoning", "response", "search", "text", "thinking", "tool",
	"total", "training", "uncached", "video", "write",
};

/* whether the len bytes at word are the lower-case word expected, in any case */
static bool
word_equals(const char *word, size_t len, const char *expected)
{
	return strlen(expected) == len && pg_strncasecmp(word, expected, len) == 0;
}

static bool
is_qualifier_word(const char *word, size_t len)
{
	for (size_t i = 0; i < lengthof(qualifier_words); i++)
	{
		if (word_equals(word, len, qualifier_words[i]))
			return true;
	}
	return false;
}

static bool
is_tokens_word(const char *word, size_t len)
{
	return word_equals(word, len, "token") || word_equals(word, len, "tokens");
}

/* any other letter: a lower-case m is milli, and "B" or "G" is a guess */
#define MAGNITUDE_UNREADABLE	(-1)

/* the factor of K, k or M, else MAGNITUDE_UNREADABLE */
static int64
letter_magnitude(char letter)
{
	switch (letter)
	{
		case 'K':
		case 'k':
			return 1000;
		case 'M':
			return 1000000;
	}
	return MAGNITUDE_UNREADABLE;
}

/*
 * The factor of a magnitude word or letter, MAGNITUDE_UNREADABLE for any
 * other single letter, or 0 for any other word.
 */
static int64
magnitude_factor(const char *word, size_t len)
{
	if (len == 1)
		return letter_magnitude(word[0]);
	for (size_t i = 0; i < lengthof(magnitude_words); i++)
	{
		if (word_equals(word, len, magnitude_words[i].word))
			return magnitude_words[i].factor;
	}
	return 0;
}

/* multiply *quantity by factor; false when the unit passes 10^18 tokens */
static bool
scale_quantity(int64 *quantity, int64 factor)
{
	int64		result;

	if (pg_mul_s64_overflow(*quantity, factor, &result) ||
		result > MAX_UNIT_SIZE)
		return false;
	*quantity = result;
	return true;
}

/*
 * Parse a unit.  On success, *size is the number of tokens in one unit.
 *
 * A magnitude, a K or M after the digits or one word of magnitude_words,
 * may come only once and only before the other words: "Input Million
 * Tokens" and "1K Million Tokens" are rejected rather than read one way or
 * the other.
 */
static TokenUnitProblem
parse_token_unit(const char *p, const char *end, int64 *size)
{
	int64		quantity = 1;
	bool		magnitude_allowed = true;
	bool		unknown_word = false;
	int			tokens_words = 0;
	const char *word;
	const char *last_word = NULL;
	int			last_len = 0;

	while (p < end && isspace((unsigned char) *p))
		p++;
	while (end > p && isspace((unsigned char) end[-1]))
		end--;
	if (p == end)
		return TOKEN_UNIT_EMPTY;
	if (memchr(p, '/', end - p) != NULL)
		return TOKEN_UNIT_RATIO;
	if (memchr(p, '-', end - p) != NULL)
		return TOKEN_UNIT_COMPOUND;

	/* an optional unit quantity: a positive integer, K or M after it */
	if (isdigit((unsigned char) *p))
	{
		int			digits = 0;

		quantity = 0;
		while (p < end && isdigit((unsigned char) *p))
		{
			if (++digits > MAX_QUANTITY_DIGITS)
				return TOKEN_UNIT_QUANTITY;
			quantity = quantity * 10 + (*p++ - '0');
		}
		if (p < end && letter_magnitude(*p) > 0)
		{
			quantity *= letter_magnitude(*p);
			magnitude_allowed = false;
			p++;
		}
		if (quantity == 0 || p >= end || *p != ' ')
			return TOKEN_UNIT_QUANTITY;
		while (p < end && *p == ' ')
			p++;
	}

	/* words of letters, one space or more apart; the last one counts */
	while (p < end)
	{
		int64		factor;

		word = p;
		while (p < end && isalpha((unsigned char) *p))
			p++;
		if (p == word || (p < end && *p != ' '))
			return TOKEN_UNIT_NOT_TOKENS;
		factor = magnitude_factor(word, p - word);
		if (factor != 0)
		{
			if (!magnitude_allowed || factor == MAGNITUDE_UNREADABLE)
				return TOKEN_UNIT_MAGNITUDE;
			if (!scale_quantity(&quantity, factor))
				return TOKEN_UNIT_QUANTITY;
		}
		else if (is_tokens_word(word, p - word))
			tokens_words++;
		else if (!is_qualifier_word(word, p - word))
			unknown_word = true;
		magnitude_allowed = false;
		last_word = word;
		last_len = p - word;
		while (p < end && *p == ' ')
			p++;
	}
	if (last_word == NULL || !is_tokens_word(last_word, last_len))
		return TOKEN_UNIT_NOT_TOKENS;
	if (unknown_word || tokens_words > 1)
		return TOKEN_UNIT_QUALIFIER;

	*size = quantity;
	return TOKEN_UNIT_OK;
}

/* the number of tokens in one unit; raises an error with the reason otherwise */
static int64
token_unit_size(text *unit)
{
	const char *p = VARDATA_ANY(unit);
	const char *end = p + VARSIZE_ANY_EXHDR(unit);
	char	   *name = text_to_cstring(unit);
	int64		size = 0;
	const char *detail = NULL;

	switch (parse_token_unit(p, end, &size))
	{
		case TOKEN_UNIT_OK:
			return size;
		case TOKEN_UNIT_EMPTY:
			detail = "The unit is empty.";
			break;
		case TOKEN_UNIT_RATIO:
			detail = "It is a ratio unit, a rate per something, not a count.";
			break;
		case TOKEN_UNIT_COMPOUND:
			detail = "It is a compound unit, a count sustained over something, not a count of tokens.";
			break;
		case TOKEN_UNIT_QUANTITY:
			detail = "Its unit quantity is not a positive integer of at most 12 digits, optionally followed by K or M, and a space, or it is more than 10^18 tokens.";
			break;
		case TOKEN_UNIT_MAGNITUDE:
			detail = "It names a magnitude such as K, Thousand or Million twice, after a word that qualifies the tokens, or as a single letter other than K, k or M, since a lower-case m is milli.";
			break;
		case TOKEN_UNIT_QUALIFIER:
			detail = "A word before Tokens is neither a magnitude such as K or Million nor a known qualifier such as Input, Output or Cached.";
			break;
		case TOKEN_UNIT_NOT_TOKENS:
			detail = "Its base unit is not Token or Tokens.";
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unit \"%s\" is not a count of tokens", name),
			 errdetail("%s", detail),
			 errhint("A token unit is Tokens, or a block of them such as 1000 Tokens, 1K Tokens or 1M Tokens.")));
	return 0;					/* not reached */
}

/* token_unit_size(unit text) returns numeric: tokens in one unit */
Datum
focus_token_unit_size(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(int64_to_numeric(token_unit_size(PG_GETARG_TEXT_PP(0))));
}

/* is_token_unit(unit text) returns boolean, and never an error */
Datum
focus_is_token_unit(PG_FUNCTION_ARGS)
{
	text	   *unit = PG_GETARG_TEXT_PP(0);
	const char *p = VARDATA_ANY(unit);
	int64		size;

	PG_RETURN_BOOL(parse_token_unit(p, p + VARSIZE_ANY_EXHDR(unit), &size)
				   == TOKEN_UNIT_OK);
}

/* focus_tokens(quantity numeric, unit text) returns numeric: the tokens */
Datum
focus_tokens(PG_FUNCTION_ARGS)
{
	Numeric		quantity = PG_GETARG_NUMERIC(0);
	int64		size = token_unit_size(PG_GETARG_TEXT_PP(1));
	Numeric		tokens_per_unit = int64_to_numeric(size);

	check_finite("quantity", quantity);
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_mul,
										NumericGetDatum(quantity),
										NumericGetDatum(tokens_per_unit)));
}

/*
 * unit_price_per_mtok(unit_price numeric, unit text) returns numeric: a price
 * per pricing unit of tokens as a price per million tokens.
 *
 * The price is exact whenever 10^(6 + k) tokens make a whole number of units
 * for some k from 0 to 12.  Then it is unit_price * (10^(6 + k) / size) *
 * 10^-k, at the price's scale plus k.  That covers 1, 1000, 1K, 1M and
 * 1000M Tokens, and every size that divides 10^18.  Any other size takes the
 * rounding of numeric division, and for most of them, such as 3 Tokens, no
 * exact decimal price exists.
 */
Datum
focus_unit_price_per_mtok(PG_FUNCTION_ARGS)
{
	Numeric		price = PG_GETARG_NUMERIC(0);
	int64		size = token_unit_size(PG_GETARG_TEXT_PP(1));
	int64		tokens = TOKENS_PER_MTOK;
	int			k;
	Datum		per_mtok;

	check_finite("unit_price", price);
	for (k = 0;; k++)
	{
		if (tokens % size == 0)
		{
			per_mtok = DirectFunctionCall2(numeric_mul, NumericGetDatum(price),
										   NumericGetDatum(int64_to_numeric(tokens / size)));
			if (k == 0)
				PG_RETURN_DATUM(per_mtok);
			/* numeric_mul keeps every digit, since the scales add up */
			PG_RETURN_DATUM(DirectFunctionCall2(numeric_mul, per_mtok,
												DirectFunctionCall3(numeric_in,
																	CStringGetDatum(psprintf("1e-%d", k)),
																	ObjectIdGetDatum(InvalidOid),
																	Int32GetDatum(-1))));
		}
		if (k == 12)
			break;
		tokens *= 10;
	}
	per_mtok = DirectFunctionCall2(numeric_mul, NumericGetDatum(price),
								   NumericGetDatum(int64_to_numeric(TOKENS_PER_MTOK)));
	PG_RETURN_DATUM(DirectFunctionCall2(numeric_div, per_mtok,
										NumericGetDatum(int64_to_numeric(size))));
}
