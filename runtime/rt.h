/* The public header of fx's training runtime: tensors, RNG, layers, losses,
 * optimizers, schedules, least squares, the training loop, weight files.
 * The interpreter includes only this header. Knows nothing of the fx
 * language: usable from a ten-line C program. Prefix rt_, types Rt*. */
#ifndef FX_RT_H
#define FX_RT_H

#include <stddef.h>
#include <stdint.h>

const char *rt_version(void);

/* ---- errors -------------------------------------------------------------
 * Functions that can fail take an RtError * (may be NULL) and return NULL
 * or a negative number; the message is lower case, no trailing period,
 * e.g. "dense(10) expects 2048 inputs, got 1000 from flatten". */
typedef enum RtErrorCode {
    RT_OK = 0,
    RT_ERR_NOMEM,     /* an allocation failed or was refused as too large */
    RT_ERR_SHAPE,     /* shapes do not fit */
    RT_ERR_ARG,       /* a bad argument value */
    RT_ERR_IO,        /* a file could not be read or written */
    RT_ERR_FORMAT,    /* a file is not what it should be */
    RT_ERR_DIVERGED,  /* loss became NaN or inf */
    RT_ERR_INTERRUPTED
} RtErrorCode;

typedef struct RtError {
    RtErrorCode code;
    char        msg[512];
} RtError;

void rt_error_set(RtError *e, RtErrorCode code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ==== section: tensors, RNG, layers, losses, models, training (rt-core) == */

/* ==== section: optimizers, schedules, clipping, least squares (rt-optim) =
 * Optimizers work on one flat parameter array and its flat gradient array
 * (llm.c style); their state is one allocation sized at creation. Update
 * rules and defaults are PyTorch's (torch.optim). */
typedef enum RtOptimKind {
    RT_OPT_SGD, RT_OPT_ADAM, RT_OPT_ADAMW, RT_OPT_RMSPROP, RT_OPT_ADAGRAD
} RtOptimKind;

typedef struct RtOptimConfig {
    RtOptimKind kind;
    double lr;
    double weight_decay;          /* PyTorch semantics: L2 into the gradient
                                     (decoupled for adamw) */
    double momentum, dampening;   /* sgd; momentum also for rmsprop */
    int    nesterov;              /* sgd */
    double beta1, beta2, eps;     /* adam, adamw; eps also rmsprop, adagrad */
    int    amsgrad;               /* adam, adamw */
    double alpha;                 /* rmsprop smoothing constant */
    int    centered;              /* rmsprop */
    double lr_decay;              /* adagrad */
    double initial_accumulator;   /* adagrad */
} RtOptimConfig;

/* Fills `c` with PyTorch's defaults for `kind` (lr included). */
void rt_optim_defaults(RtOptimConfig *c, RtOptimKind kind);

typedef struct RtOptim RtOptim;

RtOptim *rt_optim_new(const RtOptimConfig *c, size_t nparams, RtError *err);
/* One update of params from grads, with the current learning rate. */
void     rt_optim_step(RtOptim *o, float *params, const float *grads);
void     rt_optim_set_lr(RtOptim *o, double lr);
double   rt_optim_lr(const RtOptim *o);
void     rt_optim_reset(RtOptim *o);   /* zero state, step count 0 */
void     rt_optim_free(RtOptim *o);

/* ==== end of sections ==================================================== */

#endif
