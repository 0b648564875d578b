/*-------------------------------------------------------------------------
 *
 * tokcost_fuzz.c
 *	  libFuzzer harness that feeds inputs to tokcost's parsers in a real
 *	  PostgreSQL backend over one persistent libpq connection.
 *
 * Targets, chosen with TOKCOST_FUZZ_TARGET:
 *	  text		the input as lane_total text (lane_total_in)
 *	  binary	the input as lane_total binary data (lane_total_recv)
 *	  price_map	the input as a JSON price map (tokcost.import_price_map),
 *				in a transaction that is rolled back
 *
 * An input fails, and libFuzzer saves it, in three cases: the backend
 * dies, it raises an SQLSTATE outside the target's list of expected input
 * errors (XX000 above all), or an accepted lane_total changes in a round
 * trip through its text or binary form.
 *
 * Coverage: the harness registers the counter file that the fuzzing build
 * of tokcost.so writes (see coverage_shim.c), so libFuzzer sees the edges
 * of tokcost's C code in the backend.  Server code outside tokcost, and
 * PL/pgSQL, give no guidance.
 *
 * Environment: TOKCOST_FUZZ_CONNINFO (libpq connection string),
 * TOKCOST_FUZZ_TARGET, and TOKCOST_FUZZ_COVERAGE (path of the counter
 * file; optional).
 *
 *-------------------------------------------------------------------------
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "libpq-fe.h"

#include "coverage_shim.h"

/* libFuzzer's registration hooks, which the harness calls for the file */
extern void __sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop);
extern void __sanitizer_cov_pcs_init(const uintptr_t *start,
									 const uintptr_t *stop);

typedef enum FuzzTarget
{
	TARGET_TEXT,
	TARGET_BINARY,
	TARGET_PRICE_MAP
} FuzzTarget;

static PGconn *conn;
static FuzzTarget target;
static unsigned int lane_total_oid;

/* SQLSTATEs that bad input may raise, per target; a prefix matches a class */
static const char *const text_errors[] = {
	"22P02", "22001", "22003", "22021", NULL
};
static const char *const binary_errors[] = {
	"22P03", "22021", "22003", NULL
};
static const char *const price_map_errors[] = {
	"22P02", "22023", "22P05", "22003", "22021", "2203", "54000", "54001",
	NULL
};

static const char *const round_trip_sql =
"SELECT v::text,"
"       v::text::tokcost.lane_total OPERATOR(tokcost.=) v,"
"       tokcost.lane_total_hash(v) ="
"           tokcost.lane_total_hash(v::text::tokcost.lane_total),"
"       tokcost.lane_total_send(v)"
"  FROM (SELECT $1::tokcost.lane_total AS v) s";

static const char *const price_map_sql =
"SELECT * FROM tokcost.import_price_map($1::jsonb, '2026-01-01')";

static void
fail(const char *what, const char *detail)
{
	fprintf(stderr, "tokcost_fuzz: %s\n%s\n", what, detail ? detail : "");
	abort();
}

static void
map_coverage(void)
{
	const char *path = getenv("TOKCOST_FUZZ_COVERAGE");
	uint8_t    *counters;
	uintptr_t  *pcs;
	int			fd;
	int			i;

	if (path == NULL || *path == '\0')
		return;
	fd = open(path, O_RDWR);
	if (fd < 0)
		fail("cannot open the coverage file", path);
	counters = mmap(NULL, TOKCOST_COVERAGE_COUNTERS, PROT_READ | PROT_WRITE,
					MAP_SHARED, fd, 0);
	close(fd);
	if (counters == MAP_FAILED)
		fail("cannot map the coverage file", path);

	/*
	 * libFuzzer wants one PC table entry (PC, flags) per counter.  The
	 * backend's PCs mean nothing in this process, so each entry gets a
	 * made-up PC, distinct per counter; the "cov" count then includes
	 * tokcost's edges.
	 */
	pcs = calloc(2 * TOKCOST_COVERAGE_COUNTERS, sizeof(uintptr_t));
	if (pcs == NULL)
		fail("out of memory", NULL);
	for (i = 0; i < TOKCOST_COVERAGE_COUNTERS; i++)
		pcs[2 * i] = (uintptr_t) 0x7e000000 + (uintptr_t) i;
	__sanitizer_cov_8bit_counters_init(counters,
									   counters + TOKCOST_COVERAGE_COUNTERS);
	__sanitizer_cov_pcs_init(pcs, pcs + 2 * TOKCOST_COVERAGE_COUNTERS);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *conninfo = getenv("TOKCOST_FUZZ_CONNINFO");
	const char *name = getenv("TOKCOST_FUZZ_TARGET");
	PGresult   *result;

	(void) argc;
	(void) argv;
	if (name == NULL || strcmp(name, "text") == 0)
		target = TARGET_TEXT;
	else if (strcmp(name, "binary") == 0)
		target = TARGET_BINARY;
	else if (strcmp(name, "price_map") == 0)
		target = TARGET_PRICE_MAP;
	else
		fail("TOKCOST_FUZZ_TARGET must be text, binary or price_map", name);

	conn = PQconnectdb(conninfo ? conninfo : "");
	if (PQstatus(conn) != CONNECTION_OK)
		fail("cannot connect", PQerrorMessage(conn));
	result = PQexec(conn, "SELECT 'tokcost.lane_total'::regtype::oid");
	if (PQresultStatus(result) != PGRES_TUPLES_OK)
		fail("tokcost is not installed", PQerrorMessage(conn));
	lane_total_oid = (unsigned int) strtoul(PQgetvalue(result, 0, 0), NULL, 10);
	PQclear(result);

	map_coverage();
	return 0;
}

static int
expected_error(const char *sqlstate, const char *const *allowed)
{
	int			i;

	for (i = 0; allowed[i] != NULL; i++)
		if (sqlstate != NULL &&
			strncmp(sqlstate, allowed[i], strlen(allowed[i])) == 0)
			return 1;
	return 0;
}

/*
 * Check a query's result: a lost connection or an unexpected SQLSTATE
 * fails the input.  Returns 1 when the query returned rows.
 */
static int
check_result(PGresult *result, const char *const *allowed)
{
	const char *sqlstate;

	if (PQstatus(conn) != CONNECTION_OK)
		fail("the backend died", PQerrorMessage(conn));
	if (PQresultStatus(result) == PGRES_TUPLES_OK)
		return 1;
	sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
	if (!expected_error(sqlstate, allowed))
		fail(sqlstate ? sqlstate : "no SQLSTATE", PQresultErrorMessage(result));
	return 0;
}

/*
 * Run the round-trip query on a lane_total given as text (format 0) or
 * binary data (format 1), and check the round trips.  Returns the text
 * form of the value, or NULL when the input was rejected.
 */
static char *
round_trip(const char *value, int length, int format,
		   const char *const *allowed)
{
	unsigned int types[1] = {format == 0 ? 0 : lane_total_oid};
	const char *values[1] = {value};
	int			lengths[1] = {length};
	int			formats[1] = {format};
	PGresult   *result;
	char	   *text = NULL;

	result = PQexecParams(conn, round_trip_sql, 1, types, values, lengths,
						  formats, 0);
	if (check_result(result, allowed))
	{
		if (strcmp(PQgetvalue(result, 0, 1), "t") != 0)
			fail("text output does not read back to an equal value",
				 PQgetvalue(result, 0, 0));
		if (strcmp(PQgetvalue(result, 0, 2), "t") != 0)
			fail("equal values hash differently", PQgetvalue(result, 0, 0));
		text = strdup(PQgetvalue(result, 0, 0));

		/* binary output must read back to the same text */
		{
			size_t		sent_length;
			unsigned char *sent;
			PGresult   *again;

			sent = PQunescapeBytea((const unsigned char *) PQgetvalue(result, 0, 3),
								   &sent_length);
			values[0] = (const char *) sent;
			lengths[0] = (int) sent_length;
			formats[0] = 1;
			types[0] = lane_total_oid;
			again = PQexecParams(conn, round_trip_sql, 1, types, values,
								 lengths, formats, 0);
			if (!check_result(again, binary_errors))
				fail("binary output is rejected as binary input", text);
			if (strcmp(PQgetvalue(again, 0, 0), text) != 0)
				fail("binary output reads back to another value", text);
			PQclear(again);
			PQfreemem(sent);
		}
	}
	PQclear(result);
	return text;
}

static void
run_price_map(const char *json)
{
	const char *values[1] = {json};
	PGresult   *result;

	PQclear(PQexec(conn, "BEGIN"));
	result = PQexecParams(conn, price_map_sql, 1, NULL, values, NULL, NULL, 0);
	check_result(result, price_map_errors);
	PQclear(result);
	result = PQexec(conn, "ROLLBACK");
	if (PQresultStatus(result) != PGRES_COMMAND_OK)
		fail("cannot roll back", PQerrorMessage(conn));
	PQclear(result);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *input;
	char	   *text;

	/* text parameters end at a zero byte, which SQL text cannot hold */
	if (target != TARGET_BINARY && memchr(data, 0, size) != NULL)
		return 0;
	input = malloc(size + 1);
	if (input == NULL)
		fail("out of memory", NULL);
	memcpy(input, data, size);
	input[size] = '\0';

	switch (target)
	{
		case TARGET_TEXT:
			text = round_trip(input, 0, 0, text_errors);
			free(text);
			break;
		case TARGET_BINARY:
			text = round_trip(input, (int) size, 1, binary_errors);
			free(text);
			break;
		case TARGET_PRICE_MAP:
			run_price_map(input);
			break;
	}
	free(input);
	return 0;
}
