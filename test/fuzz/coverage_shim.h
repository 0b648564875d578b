/*-------------------------------------------------------------------------
 *
 * coverage_shim.h
 *	  The counter file shared by the fuzzing build of tokcost.so and the
 *	  libFuzzer harness.
 *
 *-------------------------------------------------------------------------
 */
#ifndef TOKCOST_COVERAGE_SHIM_H
#define TOKCOST_COVERAGE_SHIM_H

/* Name of the counter file in the data directory, and its size in bytes. */
#define TOKCOST_COVERAGE_FILE		"tokcost_fuzz_coverage.bin"
#define TOKCOST_COVERAGE_COUNTERS	65536

#endif							/* TOKCOST_COVERAGE_SHIM_H */
