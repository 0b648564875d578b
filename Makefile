# tokcost: a PGXS build.  `make && make install`, then `make installcheck`
# against a running server; test/run does all of that on a throwaway cluster.

EXTENSION = tokcost
EXTVERSION = 1.0
MODULE_big = tokcost
OBJS = \
	src/tokcost.o \
	src/decimal.o \
	src/costing.o \
	src/lane_total.o \
	src/lane_total_io.o \
	src/lane_total_cmp.o \
	src/lane_agg.o \
	src/lane_window.o
PGFILEDESC = "tokcost - exact cost per AI token"

# Pieces of the install script, in dependency order.
SQL_SOURCES = \
	src/tokcost.sql \
	src/costing.sql \
	src/lane_total.sql \
	src/lane_agg.sql \
	src/prices.sql
DATA_built = tokcost--$(EXTVERSION).sql

# pg_regress pairs sql/NAME.sql with expected/NAME.out; every file in sql/
# is a test, run in name order with the extension already created.
REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=tokcost

PG_CFLAGS = -Wall -Wextra -Werror

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

tokcost--$(EXTVERSION).sql: $(SQL_SOURCES)
	cat $^ > $@

$(OBJS): $(wildcard src/*.h)
