/*-------------------------------------------------------------------------
 *
 * coverage_shim.c
 *	  Edge counters for the fuzzing build of tokcost.so, shared with the
 *	  fuzzer process through a file.
 *
 * The fuzzing build compiles tokcost's C code with clang's
 * -fsanitize-coverage=trace-pc-guard, which calls the two functions below:
 * once per module with its guards, then on every edge.  They count edges
 * in a file that the libFuzzer harness maps too and registers as its
 * counters, so libFuzzer is guided by the edges that tokcost's own code
 * takes inside the server.  PostgreSQL's own code (numeric_in, palloc) is
 * not instrumented and gives no guidance.
 *
 * The file is COVERAGE_FILE in the backend's working directory, which is
 * the data directory.  Without it the counters go to a private array and
 * the build runs like any other.  This file itself is compiled without
 * coverage, or the callback would call itself.
 *
 *-------------------------------------------------------------------------
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "coverage_shim.h"

static uint8_t private_counters[TOKCOST_COVERAGE_COUNTERS];
static uint8_t *counters = private_counters;

void		__sanitizer_cov_trace_pc_guard_init(uint32_t *start, uint32_t *stop);
void		__sanitizer_cov_trace_pc_guard(uint32_t *guard);

/*
 * Number the guards 1, 2, ... in the order the module lists them, which is
 * the same in every backend that loads the same tokcost.so, and map the
 * shared counters.  Index 0 is never used, so a zero guard means "not
 * numbered yet" as the compiler's contract has it.
 */
void
__sanitizer_cov_trace_pc_guard_init(uint32_t *start, uint32_t *stop)
{
	static uint32_t next_guard = 0;
	uint32_t   *guard;
	int			fd;

	if (start == stop || *start != 0)
		return;
	for (guard = start; guard < stop; guard++)
		*guard = 1 + next_guard++ % (TOKCOST_COVERAGE_COUNTERS - 1);

	fd = open(TOKCOST_COVERAGE_FILE, O_RDWR);
	if (fd >= 0)
	{
		void	   *shared = mmap(NULL, TOKCOST_COVERAGE_COUNTERS,
								  PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

		if (shared != MAP_FAILED)
			counters = shared;
		close(fd);
	}
}

/* Count an edge, saturating at 255 as libFuzzer's own counters do. */
void
__sanitizer_cov_trace_pc_guard(uint32_t *guard)
{
	uint8_t    *counter = &counters[*guard];

	if (*counter != UINT8_MAX)
		(*counter)++;
}
