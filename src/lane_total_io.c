/*-------------------------------------------------------------------------
 *
 * lane_total_io.c
 *	  Text and binary input and output of tokcost.lane_total.
 *
 * The text form is a record-like tuple, (lane,currency,cost,tokens,rows),
 * quoted as record_out quotes fields.  An empty unquoted field is null.
 * Citus ships partial aggregate states between servers in this form, so
 * output followed by input gives back the same value, scale included.
 *
 * Input functions treat their bytes as hostile: every length is bounded,
 * every number is checked to be finite, and the result is checked as a
 * whole (at least one row, a currency shaped like an ISO 4217 code).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>
#include <errno.h>

#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "lane_total.h"

PG_FUNCTION_INFO_V1(lane_total_in);
PG_FUNCTION_INFO_V1(lane_total_out);
PG_FUNCTION_INFO_V1(lane_total_recv);
PG_FUNCTION_INFO_V1(lane_total_send);

#define LANE_TOTAL_FIELDS	5

/* Flags of the binary form, separate from the stored flags. */
#define WIRE_COST_NULL		0x01
#define WIRE_TOKENS_NULL	0x02
#define WIRE_HAS_CURRENCY	0x04
#define WIRE_KNOWN_FLAGS	0x07

/* numeric_send's header: digit count, weight, sign and display scale */
#define NUMERIC_SEND_HEADER_BYTES	8

static pg_attribute_noreturn() void
report_bad_text(const char *input, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type lane_total: \"%s\"", input),
			 errdetail_internal("%s", detail)));
}

static pg_attribute_noreturn() void
report_bad_binary(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary data for type lane_total"),
			 errdetail_internal("%s", detail)));
}

/*
 * Read one field starting at *cursor, with record_in's rules: double quotes
 * group, a doubled quote or a backslash escapes the next character.  Stops
 * at the ',' or ')' that ends the field.  Sets *isnull for an empty field
 * that was never quoted.
 */
static void
read_field(const char *input, const char **cursor, StringInfo field,
		   bool *isnull)
{
	const char *p = *cursor;
	bool		in_quotes = false;
	bool		was_quoted = false;

	resetStringInfo(field);
	while (in_quotes || (*p != ',' && *p != ')'))
	{
		char		ch = *p++;

		if (ch == '\0')
			report_bad_text(input, "The value ends before its closing parenthesis.");
		if (ch == '\\')
		{
			if (*p == '\0')
				report_bad_text(input, "The value ends inside a backslash escape.");
			appendStringInfoChar(field, *p++);
		}
		else if (ch == '"')
		{
			if (!in_quotes)
				in_quotes = was_quoted = true;
			else if (*p == '"')
				appendStringInfoChar(field, *p++);
			else
				in_quotes = false;
		}
		else
			appendStringInfoChar(field, ch);
	}
	*cursor = p;
	*isnull = field->len == 0 && !was_quoted;
}

/*
 * Whether text is a finite decimal number that numeric_in accepts:
 * optional sign, digits with at most one point, optional exponent.
 * NaN and Infinity are rejected here, so that no sum is ever special.
 */
static bool
is_finite_number(const char *text)
{
	const char *p = text;
	bool		digits = false;

	while (isspace((unsigned char) *p))
		p++;
	if (*p == '+' || *p == '-')
		p++;
	while (isdigit((unsigned char) *p))
		p++, digits = true;
	if (*p == '.')
	{
		p++;
		while (isdigit((unsigned char) *p))
			p++, digits = true;
	}
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E')
	{
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char) *p))
			return false;
		while (isdigit((unsigned char) *p))
			p++;
	}
	while (isspace((unsigned char) *p))
		p++;
	return *p == '\0';
}

static void
parse_sum(const char *input, const char *name, const char *text,
		  bool isnull, DecimalSum *sum)
{
	Numeric		value;

	decimal_sum_init(sum);
	if (isnull)
		return;
	if (!is_finite_number(text))
		report_bad_text(input,
						psprintf("The %s field \"%s\" is not a finite number.",
								 name, text));
	value = DatumGetNumeric(DirectFunctionCall3(numeric_in,
												CStringGetDatum(text),
												ObjectIdGetDatum(InvalidOid),
												Int32GetDatum(-1)));
	decimal_sum_add_numeric(sum, value);
}

static int64
parse_rows(const char *input, const char *text, bool isnull)
{
	char	   *end;
	int64		rows;

	if (isnull || !is_finite_number(text) || strpbrk(text, ".eE") != NULL)
		report_bad_text(input, "The rows field must be a whole number.");
	errno = 0;
	rows = strtoi64(text, &end, 10);
	if (errno == ERANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("row count \"%s\" is out of range for type bigint", text)));
	if (rows < 1)
		report_bad_text(input, "The rows field must be at least 1, since a lane_total sums at least one row.");
	return rows;
}

/*
 * lane_total_in: parse (lane,currency,cost,tokens,rows).
 */
Datum
lane_total_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *p = input;
	StringInfoData fields[LANE_TOTAL_FIELDS];
	bool		isnull[LANE_TOTAL_FIELDS];
	LaneTotalParts parts;
	int			i;

	while (isspace((unsigned char) *p))
		p++;
	if (*p++ != '(')
		report_bad_text(input, "A lane_total starts with \"(\".");

	for (i = 0; i < LANE_TOTAL_FIELDS; i++)
	{
		initStringInfo(&fields[i]);
		read_field(input, &p, &fields[i], &isnull[i]);
		if (i < LANE_TOTAL_FIELDS - 1 && *p != ',')
			report_bad_text(input, "A lane_total has five fields: lane, currency, cost, tokens and rows.");
		p++;
	}
	if (p[-1] != ')')
		report_bad_text(input, "A lane_total has five fields: lane, currency, cost, tokens and rows.");
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '\0')
		report_bad_text(input, "Junk follows the closing parenthesis.");

	if (isnull[0] || fields[0].len == 0)
		report_bad_text(input, "The lane field must not be empty.");
	lane_validate_lane(fields[0].data, fields[0].len);
	if (!isnull[1] && !lane_currency_is_valid(fields[1].data, fields[1].len))
		report_bad_text(input, "The currency field must be empty or an ISO 4217 code of three upper-case letters.");

	parts.lane = fields[0].data;
	parts.lane_len = fields[0].len;
	parts.currency = isnull[1] ? NULL : fields[1].data;
	parts.currency_len = isnull[1] ? 0 : fields[1].len;
	parse_sum(input, "cost", fields[2].data, isnull[2], &parts.cost);
	parse_sum(input, "tokens", fields[3].data, isnull[3], &parts.tokens);
	parts.rows = parse_rows(input, fields[4].data, isnull[4]);

	PG_RETURN_LANE_TOTAL(lane_total_pack(&parts));
}

/*
 * Append a field, quoted when record_in would otherwise misread it.
 */
static void
append_field(StringInfo out, const char *value, int len)
{
	bool		needs_quotes = len == 0;
	int			i;

	for (i = 0; i < len && !needs_quotes; i++)
	{
		char		ch = value[i];

		needs_quotes = ch == '"' || ch == '\\' || ch == '(' || ch == ')' ||
			ch == ',' || isspace((unsigned char) ch);
	}
	if (!needs_quotes)
	{
		appendBinaryStringInfo(out, value, len);
		return;
	}
	appendStringInfoChar(out, '"');
	for (i = 0; i < len; i++)
	{
		if (value[i] == '"' || value[i] == '\\')
			appendStringInfoChar(out, value[i]);
		appendStringInfoChar(out, value[i]);
	}
	appendStringInfoChar(out, '"');
}

static void
append_sum(StringInfo out, const DecimalSum *sum)
{
	if (sum->isnull)
		return;
	if (sum->numeric != NULL)
		appendStringInfoString(out,
							   DatumGetCString(DirectFunctionCall1(numeric_out,
																   NumericGetDatum(sum->numeric))));
	else
		appendStringInfoString(out, decimal_units_to_cstring(sum->units, sum->scale));
}

/*
 * lane_total_out: print (lane,currency,cost,tokens,rows).
 */
Datum
lane_total_out(PG_FUNCTION_ARGS)
{
	LaneTotalParts parts;
	StringInfoData out;

	lane_total_unpack(PG_GETARG_LANE_TOTAL(0), &parts);
	initStringInfo(&out);
	appendStringInfoChar(&out, '(');
	append_field(&out, parts.lane, parts.lane_len);
	appendStringInfoChar(&out, ',');
	if (parts.currency != NULL)
		appendBinaryStringInfo(&out, parts.currency, parts.currency_len);
	appendStringInfoChar(&out, ',');
	append_sum(&out, &parts.cost);
	appendStringInfoChar(&out, ',');
	append_sum(&out, &parts.tokens);
	appendStringInfo(&out, "," INT64_FORMAT ")", parts.rows);
	PG_RETURN_CSTRING(out.data);
}

/* Send text in the client encoding, after its byte count, as text_send does. */
static void
send_counted_text(StringInfo buf, const char *text, int len)
{
	char	   *converted = pg_server_to_client(text, len);
	int			converted_len = converted == text ? len : (int) strlen(converted);

	pq_sendint32(buf, converted_len);
	pq_sendbytes(buf, converted, converted_len);
}

/*
 * Raise invalid_binary_representation unless count more bytes are left, so
 * that a short value gets that SQLSTATE and names the field it ends in,
 * where pq_getmsg* would report a protocol violation.
 */
static void
require_bytes(StringInfo buf, int count, const char *field)
{
	if (buf->len - buf->cursor < count)
		report_bad_binary(psprintf("The value ends in its %s, after %d bytes.",
								   field, buf->len));
}

static char *
recv_counted_text(StringInfo buf, const char *name, int max_len, int *len)
{
	int32		raw_len;
	char	   *text;

	require_bytes(buf, 4, psprintf("%s length", name));
	raw_len = pq_getmsgint(buf, 4);

	if (raw_len < 1 || raw_len > buf->len - buf->cursor)
		report_bad_binary(psprintf("The %s length %d is out of bounds.",
								   name, raw_len));
	text = pq_getmsgtext(buf, raw_len, len);
	if (*len < 1 || *len > max_len)
		report_bad_binary(psprintf("The %s is %d bytes, and the limit is %d.",
								   name, *len, max_len));
	return text;
}

static void
send_sum(StringInfo buf, const DecimalSum *sum)
{
	bytea	   *numeric_bytes;

	numeric_bytes = DatumGetByteaPP(DirectFunctionCall1(numeric_send,
														NumericGetDatum(decimal_sum_to_numeric(sum))));
	pq_sendint32(buf, VARSIZE_ANY_EXHDR(numeric_bytes));
	pq_sendbytes(buf, VARDATA_ANY(numeric_bytes), VARSIZE_ANY_EXHDR(numeric_bytes));
}

/*
 * Read a sum sent by send_sum: a byte count, then numeric_send's form,
 * which numeric_recv checks digit by digit.
 */
static void
recv_sum(StringInfo buf, const char *name, DecimalSum *sum)
{
	int32		len;
	int16		ndigits;
	StringInfoData numeric_buf;
	Numeric		value;

	require_bytes(buf, 4, psprintf("%s sum length", name));
	len = pq_getmsgint(buf, 4);

	if (len < 0 || len > buf->len - buf->cursor ||
		len > LANE_SUM_MAX_NUMERIC_BYTES)
		report_bad_binary(psprintf("The %s sum length %d is out of bounds.",
								   name, len));
	numeric_buf.data = (char *) pq_getmsgbytes(buf, len);

	/*
	 * numeric_send writes four int16s (digit count, weight, sign, display
	 * scale) and then the digits.  Check the count against the length here,
	 * since numeric_recv would report a short buffer as a protocol error.
	 */
	if (len < NUMERIC_SEND_HEADER_BYTES)
		report_bad_binary(psprintf("The %s sum is %d bytes, shorter than a numeric header.",
								   name, len));
	ndigits = (int16) (((uint8) numeric_buf.data[0] << 8) |
					   (uint8) numeric_buf.data[1]);
	if (ndigits < 0 || len != NUMERIC_SEND_HEADER_BYTES + 2 * ndigits)
		report_bad_binary(psprintf("The %s sum is %d bytes, and its header says it has %d digits.",
								   name, len, ndigits));
	numeric_buf.len = len;
	numeric_buf.maxlen = len;
	numeric_buf.cursor = 0;
	value = DatumGetNumeric(DirectFunctionCall3(numeric_recv,
												PointerGetDatum(&numeric_buf),
												ObjectIdGetDatum(InvalidOid),
												Int32GetDatum(-1)));
	if (numeric_buf.cursor != numeric_buf.len)
		report_bad_binary(psprintf("The %s sum has %d bytes left over.",
								   name, numeric_buf.len - numeric_buf.cursor));
	if (decimal_numeric_special(value) != DECIMAL_FINITE)
		report_bad_binary(psprintf("The %s sum is not a finite number.", name));
	decimal_sum_init(sum);
	decimal_sum_add_numeric(sum, value);
}

/*
 * lane_total_send: version byte, flags byte, lane, currency if any, the sums
 * that are not null as numeric_send bytes, and the row count.
 */
Datum
lane_total_send(PG_FUNCTION_ARGS)
{
	LaneTotalParts parts;
	StringInfoData buf;
	uint8		flags = 0;

	lane_total_unpack(PG_GETARG_LANE_TOTAL(0), &parts);
	if (parts.cost.isnull)
		flags |= WIRE_COST_NULL;
	if (parts.tokens.isnull)
		flags |= WIRE_TOKENS_NULL;
	if (parts.currency != NULL)
		flags |= WIRE_HAS_CURRENCY;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, LANE_TOTAL_VERSION);
	pq_sendbyte(&buf, flags);
	send_counted_text(&buf, parts.lane, parts.lane_len);
	if (parts.currency != NULL)
		send_counted_text(&buf, parts.currency, parts.currency_len);
	if (!parts.cost.isnull)
		send_sum(&buf, &parts.cost);
	if (!parts.tokens.isnull)
		send_sum(&buf, &parts.tokens);
	pq_sendint64(&buf, parts.rows);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * lane_total_recv: the inverse of lane_total_send.  The caller checks that
 * the whole buffer was read.
 */
Datum
lane_total_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	LaneTotalParts parts;
	int			version;
	int			flags;
	char	   *lane;
	char	   *currency = NULL;
	int			lane_len;
	int			currency_len = 0;

	require_bytes(buf, 2, "header");
	version = pq_getmsgbyte(buf);
	if (version != LANE_TOTAL_VERSION)
		report_bad_binary(psprintf("The format version is %d, and this build reads only version %d.",
								   version, LANE_TOTAL_VERSION));
	flags = pq_getmsgbyte(buf);
	if ((flags & ~WIRE_KNOWN_FLAGS) != 0)
		report_bad_binary(psprintf("The flags byte 0x%02x has unknown bits.", flags));

	lane = recv_counted_text(buf, "lane", LANE_MAX_BYTES, &lane_len);
	if (flags & WIRE_HAS_CURRENCY)
	{
		currency = recv_counted_text(buf, "currency", CURRENCY_CODE_LENGTH,
									 &currency_len);
		if (!lane_currency_is_valid(currency, currency_len))
			report_bad_binary("The currency is not an ISO 4217 code of three upper-case letters.");
	}

	parts.lane = lane;
	parts.lane_len = lane_len;
	parts.currency = currency;
	parts.currency_len = currency_len;
	decimal_sum_init(&parts.cost);
	decimal_sum_init(&parts.tokens);
	if (!(flags & WIRE_COST_NULL))
		recv_sum(buf, "cost", &parts.cost);
	if (!(flags & WIRE_TOKENS_NULL))
		recv_sum(buf, "token", &parts.tokens);
	require_bytes(buf, 8, "row count");
	parts.rows = pq_getmsgint64(buf);
	if (parts.rows < 1)
		report_bad_binary(psprintf("The row count is " INT64_FORMAT ", and a lane_total sums at least one row.",
								   parts.rows));

	PG_RETURN_LANE_TOTAL(lane_total_pack(&parts));
}
