/* The standard library's per-interpreter state: the seed every random
 * thing derives from, the counters that give each data set and each
 * training run its own RNG streams, and the training thread pool: the
 * library state of fx.h (fx_library_state); no globals. */
#ifndef FX_STD_H
#define FX_STD_H

#include <stdint.h>
#include "fx.h"
#include "rt.h"

typedef struct FxStd {
    uint64_t   seed;         /* `seed N`; 0 until a script sets one */
    uint64_t   data_calls;   /* data sets drawn so far: stream numbers */
    uint64_t   train_calls;  /* training runs so far: init/shuffle seeds */
    RtThreads *threads;      /* made on first use, I->opt.threads wide */
    int        blas_pinned;  /* OpenBLAS told to use one thread */
    char       label[160];   /* the sweep point being run ("lr=0.1"), or "" */
    int        runs;         /* the last --out run number (run-N files) */
    int        invocation;   /* this invocation's number in --out's manifest;
                                0 until the folder is opened */
    FxValue    point_params; /* the sweep point being run's values (borrowed),
                                or none */
    const char *point_key;   /* the sweep point being recorded's store key
                                (borrowed), or NULL */
    int64_t    epoch_cap;    /* > 0: a pruned sweep's rung stops every run
                                after this many epochs (marked pruned) */
    int        sweeps;       /* sweep statements run so far (the store's
                                number for each) */
    const char *out_what;    /* while a sweep's store: stands in for --out:
                                "store:", else NULL ("--out") */
    struct FxMedian *median; /* a sweep's median pruner while its points
                                run (borrowed), or NULL */
    const FxBuiltin *text_split;  /* the core's split(s, sep), to which the
                                     data split() hands strings */
} FxStd;

static inline FxStd *fx_std(FxInterp *I) { return fx_library_state(I); }

/* How messages name the folder of I->opt.out_dir. */
static inline const char *fx_out_what(FxInterp *I)
{
    return fx_std(I)->out_what ? fx_std(I)->out_what : "--out";
}

/* Made when the library opens (seed 0, no pool yet), freed with the
 * interpreter. */
FxStd *fx_std_new(void);
void   fx_std_free(FxStd *s);

/* A fresh RNG cursor for the next generated data set: stream
 * RT_STREAM_DATA numbered by data_calls, under the current seed. */
RtRng fx_std_data_rng(FxInterp *I);
/* The pool, created on first use (NULL when threads would be 1). Either
 * way OpenBLAS is held to one thread: with a pool its threads would fight
 * the pool's, and at --threads 1 fx must use one core. */
RtThreads *fx_std_threads(FxInterp *I);
/* The threads training uses: I->opt.threads, or the machine's online
 * cores when it is 0 (at most 256). */
int fx_std_thread_count(const FxInterp *I);

/* An empty runtime error value carrying the interpreter's memory budget:
 * what every call into the runtime is given. */
static inline RtError fx_std_rt_err(const FxInterp *I)
{
    RtError e = {0};
    e.max_bytes = I->opt.max_memory;
    return e;
}

/* Raises a located error from a runtime error value. */
int fx_rt_error(FxInterp *I, FxSpan at, const RtError *e);

#endif
