# Builds fx. re2c and Lemon generate C into $(B)/gen (never the source
# tree). Three static libraries in one direction: runtime/ (libfxrt.a)
# knows nothing of the language; interp/ (libfxinterp.a) is the language
# and never calls stdlib/; stdlib/ (libfxstd.a) opens itself into an
# interpreter through interp/fx.h and reaches the runtime through
# runtime/rt.h. stdlib/main.c is the program.
#
#   make                 build ./fx (a copy of build/fx)
#   make test            plain build and sanitizer build, every test, summary
#   make test-cluster    fx --shard under a real one-node Slurm cluster it
#                        starts itself (root; slurm-wlm, munge; tests/cluster)
#   make bench           benchmarks against PyTorch (needs python3-torch)
#   make coverage        line and branch coverage of interp/, stdlib/, runtime/
#                        after the whole suite (gcov; build/cov)
#   make failalloc       every allocation of a few scripts failed in turn (ASan)
#   make fuzz            libFuzzer runs of tests/fuzz/fuzz_*.c (clang), FUZZ_TIME
#                        seconds each (default 60), corpora in build/fuzz/corpus
#   make fresh-check     the README's set-up in a fresh Debian 12 root (root)
#   make install PREFIX=/usr/local

B       ?= build
PREFIX  ?= /usr/local
CC      ?= cc
OPT     ?= -O2
SAN     ?=
ifeq ($(SAN),1)
OPT      = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
           -fno-sanitize-recover=undefined
endif
# make coverage: gcov counters, no optimisation (lines map to the source).
ifeq ($(SAN),cov)
OPT      = -O0 -g --coverage
endif
# make fuzz: clang, ASan+UBSan and libFuzzer's coverage on every library.
ifeq ($(SAN),fuzz)
OPT      = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined,fuzzer-no-link \
           -fno-sanitize-recover=undefined
endif
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN     = -Wall -Wextra -Werror -Wno-unused-parameter
# Lemon's template trips these on its own code; ours keeps every warning.
GEN_WARN = -Wno-unused-variable -Wno-type-limits -Wno-unused-but-set-variable
# Compiler and linker flags of the libraries come from pkg-config (so the
# build finds OpenBLAS wherever Debian puts it, on amd64 and arm64 alike),
# asked once and only when a rule needs them: `make deps` may have to
# install pkg-config itself first.
PKGS     = openblas libedit zlib
pkg      = $(or $(shell pkg-config $(1) $(PKGS) 2>/dev/null),$(error \
             pkg-config cannot find $(PKGS); run `make deps` (tools/deps.sh)))
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(call pkg,--cflags))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(call pkg,--libs))$(PKG_LIBS)
INCS     = -I$(B)/gen -Iinterp -Iruntime -Istdlib $(PKG_CFLAGS)
CFLAGS  ?=
ALL_CFLAGS = $(CSTD) $(OPT) $(WARN) $(INCS) -MMD -MP $(CFLAGS)
LDLIBS   = $(PKG_LIBS) -lm -lpthread
LDFLAGS ?=
ALL_LDFLAGS = $(OPT) $(LDFLAGS)

# V=1 shows the full commands.
V       ?= 0
ifeq ($(V),0)
Q        = @
say      = @echo "  $(1)	$(2)";
else
Q        =
say      =
endif

RE2C    ?= re2c
LEMON   ?= lemon
LEMPAR  ?= /usr/share/lemon/lempar.c

RT_SRC     := $(sort $(wildcard runtime/*.c))
INTERP_SRC := $(sort $(wildcard interp/*.c))
STD_SRC    := $(sort $(filter-out stdlib/main.c,$(wildcard stdlib/*.c stdlib/*/*.c)))
GEN_SRC    := $(B)/gen/lexer.c $(B)/gen/parser.c
UNIT_SRC   := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC   := $(sort $(wildcard tests/fuzz/fuzz_*.c))
EXC_SRC    := $(sort $(wildcard examples/c/*.c))

RT_OBJ     := $(RT_SRC:%.c=$(B)/%.o)
INTERP_OBJ := $(INTERP_SRC:%.c=$(B)/%.o) $(GEN_SRC:.c=.o)
STD_OBJ    := $(STD_SRC:%.c=$(B)/%.o)
# ar keeps one member per file name: two stdlib files of one name would
# silently lose one.
ifneq ($(words $(notdir $(STD_SRC))),$(words $(sort $(notdir $(STD_SRC)))))
$(error two files under stdlib/ share a name: $(sort $(notdir $(STD_SRC))))
endif
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZ_BIN   := $(FUZZ_SRC:tests/fuzz/%.c=$(B)/tests/%)
EXC_BIN    := $(EXC_SRC:examples/c/%.c=$(B)/examples/%)

.PHONY: all deps test-deps test test-cluster unit bench install clean demo fresh-check fuzz coverage failalloc check-seeds
.SUFFIXES:

all: fx

fx: $(B)/fx
	@cp $(B)/fx fx

deps:
	@sh tools/deps.sh

test-deps:
	@sh tools/deps.sh test

$(B)/fx: $(B)/stdlib/main.o $(B)/libfxstd.a $(B)/libfxinterp.a $(B)/libfxrt.a
	$(call say,LD,$@) $(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/libfxrt.a: $(RT_OBJ)
	@mkdir -p $(@D)
	$(call say,AR,$@) rm -f $@ && ar rcs $@ $^

$(B)/libfxinterp.a: $(INTERP_OBJ)
	@mkdir -p $(@D)
	$(call say,AR,$@) rm -f $@ && ar rcs $@ $^

$(B)/libfxstd.a: $(STD_OBJ)
	@mkdir -p $(@D)
	$(call say,AR,$@) rm -f $@ && ar rcs $@ $^

# The lexer includes Lemon's token codes, so parser.h must exist first.
$(B)/gen/lexer.c: grammar/lexer.re $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(call say,RE2C,$<) $(RE2C) -W -Werror --no-generation-date --no-version -o $@ $<

# Lemon exits non-zero on any conflict, which fails the build.
$(B)/gen/parser.c $(B)/gen/parser.h: grammar/parser.y $(LEMPAR)
	@mkdir -p $(B)/gen
	$(call say,LEMON,$<) $(LEMON) -q -T$(LEMPAR) -d$(B)/gen $<

$(B)/gen/%.o: $(B)/gen/%.c
	$(call say,CC,$<) $(CC) $(ALL_CFLAGS) $(GEN_WARN) -c -o $@ $<

# The runtime's loops are written for the vectorizer (gcc enables it at
# -O2 only from gcc 12, and only its cheapest form; clang at -O2 always).
# Elementwise code only: without -ffast-math no sum is reordered, so
# results do not change.
$(RT_OBJ): ALL_CFLAGS += -ftree-vectorize

$(B)/%.o: %.c | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(call say,CC,$<) $(CC) $(ALL_CFLAGS) -c -o $@ $<

# $(filter ...): the .d files add headers to $^, which must not be linked.
$(B)/tests/%: tests/unit/%.c $(B)/libfxstd.a $(B)/libfxinterp.a $(B)/libfxrt.a | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(call say,CC,$<) $(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $(filter %.c %.a,$^) $(LDLIBS)

# Fuzz targets (tests/fuzz/fuzz_*.c), run by tests/fuzz/run.sh.
$(B)/tests/fuzz_%: tests/fuzz/fuzz_%.c $(B)/libfxstd.a $(B)/libfxinterp.a $(B)/libfxrt.a | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(call say,CC,$<) $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(filter %.c %.a,$^) $(LDLIBS)

# The same targets as libFuzzer programs (make fuzz, in build/fuzz).
$(B)/lf/fuzz_%: tests/fuzz/fuzz_%.c $(B)/libfxstd.a $(B)/libfxinterp.a $(B)/libfxrt.a | $(B)/gen/parser.h
	@mkdir -p $(@D)
	$(call say,CC,$<) $(CC) $(ALL_CFLAGS) -DFX_LIBFUZZER $(ALL_LDFLAGS) -fsanitize=fuzzer -o $@ $(filter %.c %.a,$^) $(LDLIBS)

# make failalloc: the sanitizer build with every allocation of fx's own
# code routed through tests/failalloc/fail_alloc.c, then
# tests/failalloc/run.sh fails each allocation in turn (FX_FAIL_ALLOC=N).
WRAP = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=aligned_alloc
$(B)/fx-failalloc: $(B)/stdlib/main.o tests/failalloc/fail_alloc.c $(B)/libfxstd.a $(B)/libfxinterp.a $(B)/libfxrt.a
	$(call say,LD,$@) $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(WRAP) -o $@ $(filter %.o %.c %.a,$^) $(LDLIBS)

failalloc:
	@$(MAKE) --no-print-directory B=build/san SAN=1 build/san/fx-failalloc
	@sh tests/failalloc/run.sh build/san/fx-failalloc

coverage: test-deps
	@find build/cov -name '*.gcda' -delete 2>/dev/null || true
	@$(MAKE) --no-print-directory B=build/cov SAN=cov build/cov/fx unit
	@FX_SKIP_EXAMPLES=1 sh tests/run.sh build/cov | tail -n 1
	@sh tests/coverage.sh build/cov

FUZZ_TIME ?= 60
fuzz:
	@$(MAKE) --no-print-directory B=build/fuzz CC=clang SAN=fuzz \
	    $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/lf/%)
	@sh tests/fuzz/libfuzzer.sh build/fuzz $(FUZZ_TIME)

$(B)/examples/%: examples/c/%.c $(B)/libfxrt.a
	@mkdir -p $(@D)
	$(call say,CC,$<) $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(filter %.c %.a,$^) $(LDLIBS)

unit: $(UNIT_BIN) $(FUZZ_BIN) $(EXC_BIN)

# Every test twice: the optimised build, then ASan+UBSan. One summary line.
test: test-deps
	@$(MAKE) --no-print-directory fx unit
	@$(MAKE) --no-print-directory B=build/san SAN=1 build/san/fx build/san/fx-failalloc unit
	@sh tests/run.sh build build/san

# A Slurm job array runs fx's shards on a one-node cluster the test
# starts and stops itself (tests/cluster/slurm.sh, as root). Not part of
# make test: it needs slurm-wlm and munge (tools/deps.sh cluster). Where
# they cannot be installed or a daemon cannot run, the test says why and
# exits 77, which is a skip here, not a failure.
test-cluster:
	@sh tools/deps.sh cluster || echo "make test-cluster: tools/deps.sh cluster failed; the test will say what is missing"
	@$(MAKE) --no-print-directory fx
	@sh tests/cluster/slurm.sh $(B)/fx; rc=$$?; [ $$rc = 77 ] && rc=0; exit $$rc

# The probes: fx's convolutions through the runtime alone, and the FMA
# peak of one core (its own flags: the widest vectors this CPU runs).
BENCH_BIN := $(B)/bench/conv_probe $(B)/bench/fma_peak $(B)/bench/diag_probe

bench: fx $(BENCH_BIN)
	@sh tests/bench/run.sh

$(B)/bench/conv_probe: tests/bench/conv_probe.c $(B)/libfxrt.a
	@mkdir -p $(@D)
	$(call say,CC,$<) $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/bench/diag_probe: tests/bench/diag_probe.c $(B)/libfxrt.a
	@mkdir -p $(@D)
	$(call say,CC,$<) $(CC) $(ALL_CFLAGS) -Iruntime $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/bench/fma_peak: tests/bench/fma_peak.c
	@mkdir -p $(@D)
	$(call say,CC,$<) $(CC) -std=gnu11 -O2 -march=native -ffp-contract=fast -Wall -Wextra -o $@ $<

# The seed examples too slow to repeat over seeds inside make test (s0, a
# CNN): 10 script seeds, minutes; tests/slow/check_seeds.sh.
check-seeds: fx
	@sh tests/slow/check_seeds.sh ./fx

demo: deps
	@$(MAKE) --no-print-directory fx
	./fx examples/seeds/s0_cnn_lr_batch.fx

# Set-up from nothing: the README's commands in a fresh Debian 12 root
# (debootstrap; minutes, as root). Not part of make test.
fresh-check:
	@sh tools/fresh-check.sh

install: fx
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	           $(DESTDIR)$(PREFIX)/share/man/man7
	install -m 755 fx $(DESTDIR)$(PREFIX)/bin/fx
	install -m 644 man/fx.1 $(DESTDIR)$(PREFIX)/share/man/man1/fx.1
	install -m 644 man/fx.7 $(DESTDIR)$(PREFIX)/share/man/man7/fx.7

clean:
	rm -rf build fx

-include $(shell find $(B) -name '*.d' 2>/dev/null)
