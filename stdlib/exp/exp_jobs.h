/* Work items in child processes, a few at a time (exp_jobs.c). */
#ifndef FX_EXP_JOBS_H
#define FX_EXP_JOBS_H

#include "experiment.h"

typedef struct FxJobs {
    /* In the child: do item k and put the answer's bytes in *out. */
    void (*child)(void *ctx, long long k, FxBuf *out);
    /* In the caller, as each child ends: its bytes, and 0 or the wait
     * status of a child that did not exit cleanly. */
    void (*done)(void *ctx, long long k, const char *bytes, size_t n, int status);
    /* In the caller, before starting an item: nonzero starts no more. */
    int (*stop)(void *ctx);
    void *ctx;
} FxJobs;

/* Items 0..count-1 with at most `jobs` children at once; 0, or -1 when a
 * child could not be started (those not started are never reported). */
int fx_jobs_run(const FxJobs *J, long long count, int jobs);
/* The machine's online cores. */
int fx_jobs_cores(void);

#endif
