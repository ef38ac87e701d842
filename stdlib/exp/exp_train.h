/* What `train` carries from its options to the runtime and back: shared by
 * exp_train.c (running it) and exp_train_opts.c (reading
 * its options). */
#ifndef FX_EXP_TRAIN_H
#define FX_EXP_TRAIN_H

#include <time.h>
#include "experiment.h"

typedef struct TrainJob {
    FxInterp      *I;
    const FxNode  *n;
    FxEnv         *env;
    FxValue        modelv;         /* the model (or run) being trained; owned ref */
    const FxModel *m;
    FxValue        datav, valv;    /* owned refs */
    FxDataset     *data, *val;
    RtTrainConfig  cfg;
    int            loss_given, monitor_given, has_schedule;
    int            log;            /* 0 epoch lines, 1 batch lines, 2 none */
    int            lstsq, cont, seed_given, threads;
    int            diagnose;       /* print the verdicts after the run */
    uint64_t       seed;
    double         l2;
    char           checkpoint[512];       /* as written */
    char           checkpoint_path[4096]; /* resolved (path.c's rule) */
    char           label[160];
    /* progress */
    struct timespec start, epoch_start;
    int            progress_shown;
    int64_t        log_every;      /* a line every N epochs (or batches) */
    double         ep_loss_sum;    /* this epoch's batch losses x sizes ... */
    int64_t        ep_seen;        /* ... over its samples so far */
    int64_t        epochs_total;
    int64_t        pruned;         /* the epoch a sweep's prune: stopped it */
} TrainJob;

int fx_train_read_options(TrainJob *j);

static inline double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + 1e-9 * (double)(t.tv_nsec - t0->tv_nsec);
}

#endif
