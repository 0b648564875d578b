# tokcost: a PGXS build.  `make && make install`, then `make installcheck`
# against a running server; test/run does all of that on a throwaway cluster.

EXTENSION = tokcost
MODULE_big = tokcost
OBJS = \
	src/tokcost.o \
	src/decimal.o \
	src/costing.o \
	src/lane_total.o \
	src/lane_total_io.o \
	src/lane_total_cmp.o \
	src/lane_agg.o \
	src/lane_window.o \
	src/focus_cast.o \
	src/focus_units.o
PGFILEDESC = "tokcost - exact cost per AI token"

# Install script pieces of each version, in dependency order.  The full
# script of a version is every piece up to it; the update script from the
# previous version is a guard line plus that version's own pieces.  Once a
# version is released its pieces do not change: later versions add pieces.
SQL_1_0 = \
	src/tokcost.sql \
	src/costing.sql \
	src/lane_total.sql \
	src/lane_agg.sql \
	src/prices.sql
SQL_1_1 = \
	src/schema_owner.sql \
	src/focus_units.sql \
	src/focus_load.sql \
	src/gpu_register.sql \
	src/gpu_usage.sql \
	src/focus_synth.sql \
	src/focus_views.sql \
	src/partition_totals.sql \
	src/lane_total_add.sql
DATA_built = tokcost--1.0.sql tokcost--1.1.sql tokcost--1.0--1.1.sql

# pg_regress pairs sql/NAME.sql with expected/NAME.out; every file in sql/
# is a test, run in name order with the extension already created.
REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=tokcost

PG_CFLAGS = -Wall -Wextra -Werror

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

tokcost--1.0.sql: $(SQL_1_0)
	cat $^ > $@

tokcost--1.1.sql: $(SQL_1_0) $(SQL_1_1)
	cat $^ > $@

tokcost--1.0--1.1.sql: src/update--1.0--1.1.sql $(SQL_1_1)
	cat $^ > $@

$(OBJS): $(wildcard src/*.h)
