/*-------------------------------------------------------------------------
 *
 * focus_cast.c
 *	  What the FOCUS loader needs to read an export without a subtransaction
 *	  per row: a strict CSV record splitter and casts that return NULL for a
 *	  value they cannot read instead of raising an error.
 *
 * PostgreSQL 15 has no soft input errors (pg_input_is_valid came in 16), and
 * catching the error of a cast needs a subtransaction, which costs a
 * transaction id per row and stops a set-based INSERT ... SELECT.  These
 * functions check the text first and call the server's own input function
 * only on text it is known to accept, so the loader casts every field in one
 * statement and finds a bad value as "text that is not NULL, cast that is".
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "catalog/pg_type.h"
#include "common/jsonapi.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "windowapi.h"

#include "decimal.h"

PG_FUNCTION_INFO_V1(focus_csv_split);
PG_FUNCTION_INFO_V1(focus_csv_problem);
PG_FUNCTION_INFO_V1(focus_csv_quote_state);
PG_FUNCTION_INFO_V1(focus_csv_record_start);
PG_FUNCTION_INFO_V1(focus_numeric);
PG_FUNCTION_INFO_V1(focus_timestamptz);
PG_FUNCTION_INFO_V1(focus_jsonb);

/* a numeric's text is capped well inside what numeric_in accepts */
#define MAX_NUMERIC_CHARS	1000
#define MAX_EXPONENT		1000

/* true for an empty field or the literal NULL that many exports write */
static bool
is_missing(const char *value, int len)
{
	return len == 0 || (len == 4 && memcmp(value, "NULL", 4) == 0);
}

/* a field's text, or (Datum) 0 with *isnull for a missing one */
static Datum
field_datum(const char *value, int len, bool *isnull)
{
	*isnull = is_missing(value, len);
	if (*isnull)
		return (Datum) 0;
	return PointerGetDatum(cstring_to_text_with_len(value, len));
}

/*
 * The fields of a CSV record if it is well formed: the commas outside double
 * quotes, plus one.  A malformed record has at least as many fields as
 * split_record reads before it finds the fault.
 */
static int64
count_fields(const char *p, const char *end)
{
	int64		fields = 1;
	bool		quoted = false;

	for (; p < end; p++)
	{
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			fields++;
	}
	return fields;
}

/*
 * Split one CSV record (RFC 4180: comma separated, fields optionally in
 * double quotes, a quote inside quotes doubled) into its fields.  An empty
 * field and the literal NULL, quoted or not, become SQL NULL.  Returns NULL
 * for a record that is not well formed, or that has more fields than an
 * array can hold, with *problem saying why.
 */
static ArrayType *
split_record(text *record, char **problem)
{
	const char *p = VARDATA_ANY(record);
	const char *end = p + VARSIZE_ANY_EXHDR(record);
	int64		allocated;
	int			count = 0;
	Datum	   *values;
	bool	   *nulls;
	StringInfoData unquoted;
	int			dims[1];
	int			lbs[1] = {1};

	*problem = NULL;
	/* a UTF-8 byte order mark, as spreadsheet programs write it */
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;

	/*
	 * Counting first sizes the arrays once, and MaxArraySize Datums stay
	 * under MaxAllocSize, which doubling an allocation could pass.
	 */
	allocated = count_fields(p, end);
	if (allocated > (int64) MaxArraySize)
	{
		*problem = psprintf("field %d is past the %d fields that an array can hold",
							(int) MaxArraySize + 1, (int) MaxArraySize);
		return NULL;
	}
	values = palloc(allocated * sizeof(Datum));
	nulls = palloc(allocated * sizeof(bool));

	initStringInfo(&unquoted);
	for (;;)
	{
		const char *comma;

		Assert(count < allocated);
		if (p < end && *p == '"')
		{
			/* a quoted field: copy the runs between quotes, "" as " */
			resetStringInfo(&unquoted);
			p++;
			for (;;)
			{
				const char *quote = memchr(p, '"', end - p);

				if (quote == NULL)
				{
					*problem = psprintf("field %d has an opening quote and no closing quote",
										count + 1);
					return NULL;
				}
				appendBinaryStringInfo(&unquoted, p, quote - p);
				p = quote + 1;
				if (p < end && *p == '"')
				{
					appendStringInfoChar(&unquoted, '"');
					p++;
					continue;
				}
				break;
			}
			if (p < end && *p != ',')
			{
				*problem = psprintf("field %d has text after its closing quote",
									count + 1);
				return NULL;
			}
			values[count] = field_datum(unquoted.data, unquoted.len, &nulls[count]);
		}
		else
		{
			comma = memchr(p, ',', end - p);
			if (comma == NULL)
				comma = end;
			if (memchr(p, '"', comma - p) != NULL)
			{
				*problem = psprintf("field %d has a quote inside an unquoted value",
									count + 1);
				return NULL;
			}
			values[count] = field_datum(p, comma - p, &nulls[count]);
			p = comma;
		}
		count++;

		if (p >= end)
			break;
		p++;					/* the comma */
	}

	dims[0] = count;
	return construct_md_array(values, nulls, 1, dims, lbs,
							  TEXTOID, -1, false, TYPALIGN_INT);
}

/*
 * csv_split(record text) returns text[]
 *
 * The fields of a CSV record, or NULL for a record that is not well formed,
 * so that the caller can reject it as data rather than fail the load.
 */
Datum
focus_csv_split(PG_FUNCTION_ARGS)
{
	char	   *problem;
	ArrayType  *fields = split_record(PG_GETARG_TEXT_PP(0), &problem);

	if (fields == NULL)
		PG_RETURN_NULL();
	PG_RETURN_ARRAYTYPE_P(fields);
}

/*
 * csv_problem(record text) returns text
 *
 * Why csv_split cannot split a record, or NULL when it can.
 */
Datum
focus_csv_problem(PG_FUNCTION_ARGS)
{
	char	   *problem;

	(void) split_record(PG_GETARG_TEXT_PP(0), &problem);
	if (problem == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(problem));
}

/*
 * Whether a CSV record is inside a quoted field at the end of a physical
 * line, given whether it was at the line's start.  A line that starts
 * outside quotes starts a record.  A quote opens a field only at the start
 * of a field, where split_record takes it as opening one.  A quote inside
 * an unquoted value is text, so one stray quote makes one bad record
 * instead of joining the rest of the file into it.
 */
static bool
quote_state_after(bool quoted, text *line)
{
	const char *p = VARDATA_ANY(line);
	const char *end = p + VARSIZE_ANY_EXHDR(line);
	bool		field_start = !quoted;

	/* the byte order mark that split_record skips */
	if (!quoted && end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (; p < end; p++)
	{
		if (quoted)
		{
			if (*p != '"')
				continue;
			if (p + 1 < end && p[1] == '"')
				p++;			/* a doubled quote inside quotes */
			else
				quoted = false;
		}
		else if (*p == ',')
			field_start = true;
		else
		{
			quoted = field_start && *p == '"';
			field_start = false;
		}
	}
	return quoted;
}

/*
 * csv_quote_state(quoted boolean, line text) returns boolean
 */
Datum
focus_csv_quote_state(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(quote_state_after(PG_GETARG_BOOL(0), PG_GETARG_TEXT_PP(1)));
}

/* what csv_record_start keeps between the rows of a partition */
typedef struct RecordStartState
{
	int64		next_row;		/* the row expected next */
	bool		quoted;			/* inside a quoted field after the rows so far */
} RecordStartState;

/*
 * csv_record_start(line text) returns boolean, a window function
 *
 * Whether a line starts a CSV record, over the lines of a file in order:
 * whether the lines before it leave no quoted field open.  The executor
 * calls a window function on the rows of a partition in order, so the
 * quote state is carried from one row to the next.  A NULL line is an
 * empty one.
 */
Datum
focus_csv_record_start(PG_FUNCTION_ARGS)
{
	WindowObject window = PG_WINDOW_OBJECT();
	RecordStartState *state;
	int64		row = WinGetCurrentPosition(window);
	bool		isnull;
	Datum		line;
	bool		starts;

	state = (RecordStartState *)
		WinGetPartitionLocalMemory(window, sizeof(RecordStartState));
	if (row != state->next_row)
		elog(ERROR, "csv_record_start called on row " INT64_FORMAT " after row " INT64_FORMAT,
			 row, state->next_row - 1);
	starts = !state->quoted;
	line = WinGetFuncArgCurrent(window, 0, &isnull);
	if (!isnull)
		state->quoted = quote_state_after(state->quoted, DatumGetTextPP(line));
	state->next_row = row + 1;
	PG_RETURN_BOOL(starts);
}

/* skip leading and trailing ASCII white space of [*start, *end) */
static void
trim_space(const char **start, const char **end)
{
	while (*start < *end && isspace((unsigned char) **start))
		(*start)++;
	while (*end > *start && isspace((unsigned char) (*end)[-1]))
		(*end)--;
}

/* read up to max decimal digits; the count read, and their value in *value */
static int
read_digits(const char **p, const char *end, int max, int64 *value)
{
	int			n = 0;

	*value = 0;
	while (*p < end && n < max && isdigit((unsigned char) **p))
	{
		*value = *value * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

/*
 * focus_numeric(text) returns numeric
 *
 * A decimal number (optional sign, digits with an optional point, an
 * optional exponent), surrounding white space allowed.  NaN, the
 * infinities, thousands separators and currency signs are not numbers of
 * money here, so they, and anything else, give NULL.
 */
Datum
focus_numeric(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	const char *start = VARDATA_ANY(input);
	const char *end = start + VARSIZE_ANY_EXHDR(input);
	const char *p;
	int			digits = 0;
	char	   *copy;

	trim_space(&start, &end);
	if (end - start > MAX_NUMERIC_CHARS)
		PG_RETURN_NULL();
	p = start;
	if (p < end && (*p == '+' || *p == '-'))
		p++;
	while (p < end && isdigit((unsigned char) *p))
		p++, digits++;
	if (p < end && *p == '.')
	{
		p++;
		while (p < end && isdigit((unsigned char) *p))
			p++, digits++;
	}
	if (digits == 0)
		PG_RETURN_NULL();
	if (p < end && (*p == 'e' || *p == 'E'))
	{
		int64		exponent;

		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (read_digits(&p, end, 5, &exponent) == 0 || exponent > MAX_EXPONENT)
			PG_RETURN_NULL();
	}
	if (p != end)
		PG_RETURN_NULL();

	copy = pnstrdup(start, end - start);
	PG_RETURN_DATUM(DirectFunctionCall3(numeric_in, CStringGetDatum(copy),
										ObjectIdGetDatum(InvalidOid),
										Int32GetDatum(-1)));
}

/*
 * focus_timestamptz(text) returns timestamptz
 *
 * An ISO 8601 date and time as billing exports write it:
 * YYYY-MM-DD, then optionally T or a space and HH:MM[:SS[.fraction]], then
 * optionally Z, UTC or an offset (+HH, +HHMM, +HH:MM).  A time with no zone
 * is UTC, as FOCUS requires of every date and time, whatever the session's
 * TimeZone.  24:00:00 is the midnight that ends the day.  Fractions finer
 * than a microsecond are rounded.  Anything else, or a date that does not
 * exist, gives NULL.
 */
Datum
focus_timestamptz(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	const char *p = VARDATA_ANY(input);
	const char *end = p + VARSIZE_ANY_EXHDR(input);
	int64		year,
				month,
				day,
				hour = 0,
				minute = 0,
				second = 0,
				usec = 0,
				offset_seconds = 0;
	TimestampTz result;

	trim_space(&p, &end);
	if (read_digits(&p, end, 4, &year) != 4 || p >= end || *p++ != '-' ||
		read_digits(&p, end, 2, &month) != 2 || p >= end || *p++ != '-' ||
		read_digits(&p, end, 2, &day) != 2)
		PG_RETURN_NULL();
	if (year < 1 || month < 1 || month > 12 || day < 1 ||
		day > day_tab[isleap(year)][month - 1])
		PG_RETURN_NULL();

	if (p < end && (*p == 'T' || *p == 't' || *p == ' ') &&
		p + 1 < end && isdigit((unsigned char) p[1]))
	{
		p++;
		if (read_digits(&p, end, 2, &hour) != 2 || p >= end || *p++ != ':' ||
			read_digits(&p, end, 2, &minute) != 2)
			PG_RETURN_NULL();
		if (p < end && *p == ':')
		{
			p++;
			if (read_digits(&p, end, 2, &second) != 2)
				PG_RETURN_NULL();
			if (p < end && (*p == '.' || *p == ','))
			{
				int64		fraction;
				int			n;

				p++;
				n = read_digits(&p, end, 9, &fraction);
				if (n == 0 || (p < end && isdigit((unsigned char) *p)))
					PG_RETURN_NULL();
				for (; n < 9; n++)
					fraction *= 10;
				/* nanoseconds to microseconds, half up */
				usec = (fraction + 500) / 1000;
			}
		}
		if (minute > 59 || second > 59 ||
			hour > 24 || (hour == 24 && (minute || second || usec)))
			PG_RETURN_NULL();
	}

	if (p < end && *p == ' ')
		p++;
	if (p < end && (*p == 'Z' || *p == 'z'))
		p++;
	else if (end - p == 3 && pg_strncasecmp(p, "UTC", 3) == 0)
		p += 3;
	else if (p < end && (*p == '+' || *p == '-'))
	{
		int			direction = (*p == '-') ? -1 : 1;
		int64		offset_hours,
					offset_minutes = 0;

		p++;
		if (read_digits(&p, end, 2, &offset_hours) != 2)
			PG_RETURN_NULL();
		if (p < end && *p == ':')
			p++;
		if (p < end && read_digits(&p, end, 2, &offset_minutes) != 2)
			PG_RETURN_NULL();
		if (offset_hours > 15 || offset_minutes > 59)
			PG_RETURN_NULL();
		offset_seconds = direction *
			(offset_hours * 3600 + offset_minutes * 60);
	}
	if (p != end)
		PG_RETURN_NULL();

	/* a year of four digits is well inside the range of a timestamp */
	result = (int64) (date2j(year, month, day) - POSTGRES_EPOCH_JDATE) *
		USECS_PER_DAY;
	result += ((hour * 60 + minute) * 60 + second - offset_seconds) *
		USECS_PER_SEC + usec;
	PG_RETURN_TIMESTAMPTZ(result);
}

/*
 * The limits of numeric_in, which jsonb_in applies to every JSON number.  A
 * weight of at most 32767 base-10000 digits puts the leading nonzero digit
 * at most 131071 places before the decimal point.  The display scale is at
 * most DECIMAL_MAX_SCALE digits, and an exponent must stay inside
 * +-(INT_MAX / 2).  The bad-input suite checks each limit against jsonb_in
 * of the server it runs on.
 */
#define NUMERIC_MAX_LEADING_EXPONENT	131071
#define NUMERIC_MAX_EXPONENT			(PG_INT32_MAX / 2)

/*
 * Whether numeric_in accepts a JSON number token, which the JSON parser has
 * checked: -?digits[.digits][(e|E)[+-]digits].
 */
static bool
json_number_fits_numeric(const char *p)
{
	int64		integer_digits = 0;
	int64		fraction_digits = 0;
	int64		leading = -1;	/* place of the leading nonzero digit, 0 for
								 * units, -1 for tenths, ... */
	bool		nonzero = false;
	int64		exponent = 0;
	int64		scale;

	if (*p == '-')
		p++;
	for (; isdigit((unsigned char) *p); p++)
	{
		if (*p != '0' && !nonzero)
		{
			nonzero = true;
			leading = integer_digits;	/* digits before it, fixed below */
		}
		integer_digits++;
	}
	if (nonzero)
		leading = integer_digits - 1 - leading;
	if (*p == '.')
	{
		for (p++; isdigit((unsigned char) *p); p++)
		{
			fraction_digits++;
			if (*p != '0' && !nonzero)
			{
				nonzero = true;
				leading = -fraction_digits;
			}
		}
	}
	if (*p == 'e' || *p == 'E')
	{
		bool		negative = false;

		p++;
		if (*p == '+' || *p == '-')
			negative = (*p++ == '-');
		/* stop counting past the limit, which is all that matters */
		for (; isdigit((unsigned char) *p); p++)
			if (exponent <= NUMERIC_MAX_EXPONENT)
				exponent = exponent * 10 + (*p - '0');
		if (exponent >= NUMERIC_MAX_EXPONENT)
			return false;
		if (negative)
			exponent = -exponent;
	}

	scale = fraction_digits - exponent;
	if (scale > DECIMAL_MAX_SCALE)
		return false;
	return !nonzero || leading + exponent <= NUMERIC_MAX_LEADING_EXPONENT;
}

/* JSON parse state of focus_jsonb: whether a number is out of range */
typedef struct JsonNumberCheck
{
	bool		out_of_range;
} JsonNumberCheck;

/* NOTE: test/run builds against PostgreSQL 15, which compiles only #else. */
#if PG_VERSION_NUM >= 160000
static JsonParseErrorType
check_json_scalar(void *state, char *token, JsonTokenType type)
{
	JsonNumberCheck *check = (JsonNumberCheck *) state;

	if (type == JSON_TOKEN_NUMBER && !json_number_fits_numeric(token))
	{
		check->out_of_range = true;
		return JSON_SEM_ACTION_FAILED;
	}
	return JSON_SUCCESS;
}
#else
static void
check_json_scalar(void *state, char *token, JsonTokenType type)
{
	JsonNumberCheck *check = (JsonNumberCheck *) state;

	if (type == JSON_TOKEN_NUMBER && !json_number_fits_numeric(token))
		check->out_of_range = true;
}
#endif

/*
 * focus_jsonb(text) returns jsonb
 *
 * A JSON object, as FOCUS writes Tags and other key-value columns, or NULL
 * for text that is not one or that jsonb cannot store: a lone \u0000 escape
 * or a number outside the range of numeric.
 *
 * NOTE: nesting deeper than max_stack_depth allows still raises SQLSTATE
 * 54001, and a value past the size limits of jsonb SQLSTATE 54000, as
 * jsonb_in does.
 */
Datum
focus_jsonb(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	char	   *json = text_to_cstring(input);
	char	   *p = json;
	JsonLexContext *lex;
	JsonNumberCheck check = {false};
	JsonSemAction actions = {0};

	while (isspace((unsigned char) *p))
		p++;
	if (*p != '{')
		PG_RETURN_NULL();
#if PG_VERSION_NUM >= 170000
	lex = makeJsonLexContextCstringLen(NULL, json, strlen(json),
									   GetDatabaseEncoding(), true);
#else
	lex = makeJsonLexContextCstringLen(json, strlen(json),
									   GetDatabaseEncoding(), true);
#endif
	actions.semstate = &check;
	actions.scalar = check_json_scalar;
	/* with escapes checked, this also refuses \u0000, as jsonb does */
	if (pg_parse_json(lex, &actions) != JSON_SUCCESS || check.out_of_range)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(json)));
}
