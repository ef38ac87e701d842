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
 * (llm.c style); their state is one allocation sized at creation and a step
 * allocates nothing. Update rules and defaults are PyTorch's (torch.optim,
 * the single-tensor code path, checked against torch 1.13), one parameter
 * group, weight decay applied to every parameter:
 *
 *   sgd      g += wd*p; with momentum mu: b = g on the first step, else
 *            b = mu*b + (1-dampening)*g; g = nesterov ? g + mu*b : b;
 *            p -= lr*g
 *   adam     g += wd*p; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g*g;
 *            amsgrad: vmax = max(vmax, v), used in place of v (the max of
 *            the raw v, as PyTorch's code does; its documentation's
 *            pseudocode takes the max of the bias-corrected v);
 *            p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)
 *   adamw    as adam without the L2 term, after p *= 1 - lr*wd (decoupled)
 *   rmsprop  g += wd*p; v = alpha*v + (1-alpha)*g*g; centered:
 *            a = alpha*a + (1-alpha)*g, v~ = v - a*a, else v~ = v;
 *            d = sqrt(v~) + eps; momentum mu > 0: b = mu*b + g/d, p -= lr*b;
 *            else p -= lr*g/d
 *   adagrad  g += wd*p; s += g*g (s starts at initial_accumulator);
 *            p -= lr/(1 + (t-1)*lr_decay) * g / (sqrt(s) + eps)
 *
 * The arithmetic is float32 in PyTorch's order with double coefficients
 * rounded to float, as PyTorch's scalars are; PyTorch's SIMD kernels fuse
 * some multiply-adds, so results differ from it by a few ulps (tested to
 * 1e-6 relative).
 *
 * Defaults (rt_optim_defaults), PyTorch's:
 *   sgd      lr 1e-3, momentum 0, dampening 0, nesterov off, wd 0
 *            (torch 1.13 has no default lr for SGD; 2.x uses 1e-3)
 *   adam     lr 1e-3, betas 0.9/0.999, eps 1e-8, wd 0, amsgrad off
 *   adamw    as adam but wd 1e-2
 *   rmsprop  lr 1e-2, alpha 0.99, eps 1e-8, momentum 0, centered off, wd 0
 *   adagrad  lr 1e-2, lr_decay 0, initial_accumulator 0, eps 1e-10, wd 0
 *
 * Where Keras (tf.keras 2.x, Keras 3) differs, so a Keras recipe can be
 * translated by hand:
 *   - Adam/AdamW: epsilon 1e-7, and it is "epsilon hat": Keras divides by
 *     sqrt(v) + eps with v not bias-corrected, i.e. PyTorch's eps equals
 *     Keras's eps / sqrt(1 - b2^t), a little larger early in training.
 *     Keras AdamW's default weight_decay is 0.004 (PyTorch 0.01); Keras 3
 *     Adam(weight_decay=...) decays decoupled, like adamw here, not as L2.
 *   - RMSprop: rho 0.9 (alpha here, 0.99), lr 1e-3 (1e-2), epsilon 1e-7
 *     added inside the square root, and its momentum buffer accumulates
 *     lr*g/sqrt(v + eps) (lr inside the buffer).
 *   - SGD: lr 0.01; momentum as v = mu*v - lr*g, p += v (lr inside the
 *     buffer: the same as PyTorch while lr is constant, not after a
 *     schedule changes it); no dampening.
 *   - Adagrad: lr 1e-3, initial_accumulator 0.1, epsilon 1e-7.
 *   - Keras's kernel_regularizer L2(l) adds l*sum(w^2) to the loss: its
 *     gradient is 2*l*w, so it equals weight_decay 2*l here, restricted to
 *     the kernels (not biases); the runtime models it as a per-layer penalty,
 *     not through these optimizers. */
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
/* "sgd", "adam", "adamw", "rmsprop", "adagrad"; "?" for anything else. */
const char *rt_optim_name(RtOptimKind kind);

typedef struct RtOptim RtOptim;

/* Checks the configuration as PyTorch does (lr, eps, weight_decay,
 * momentum, alpha, lr_decay, initial_accumulator >= 0; betas in [0, 1);
 * nesterov needs momentum > 0 and dampening 0) and allocates the state for
 * `nparams` parameters; NULL with `err` set on a bad value or no memory. */
RtOptim *rt_optim_new(const RtOptimConfig *c, size_t nparams, RtError *err);
/* One update of params from grads (both nparams long), with the current
 * learning rate. NaN or inf in grads propagates into params, as in
 * PyTorch; the caller checks its loss. */
void     rt_optim_step(RtOptim *o, float *params, const float *grads);
void     rt_optim_set_lr(RtOptim *o, double lr);
double   rt_optim_lr(const RtOptim *o);
int64_t  rt_optim_steps(const RtOptim *o);  /* steps taken since reset */
const RtOptimConfig *rt_optim_config(const RtOptim *o);  /* lr: the initial */
/* The state as one flat array (moments, buffers; `*count` floats, possibly
 * 0) for saving and restoring alongside rt_optim_steps; layout per kind:
 * sgd [buf], adam/adamw [m v (vmax)], rmsprop [v (buf) (grad_avg)],
 * adagrad [sum], each nparams long. */
float   *rt_optim_state(RtOptim *o, size_t *count);
void     rt_optim_set_steps(RtOptim *o, int64_t steps);  /* after a restore */
void     rt_optim_reset(RtOptim *o);   /* zero state, step count 0 */
void     rt_optim_free(RtOptim *o);

/* ---- gradient clipping, over one flat gradient array ----
 * rt_clip_grad_norm is torch.nn.utils.clip_grad_norm_: the norm of order
 * norm_type (> 0, or INFINITY for max |g|) of the whole array; when
 * max_norm / (norm + 1e-6) < 1 every element is scaled by that factor.
 * Returns the norm before clipping (NaN, gradients untouched, when
 * norm_type is not > 0). A NaN or inf norm is returned as is and scales the
 * gradients by the same factor PyTorch would (its default
 * error_if_nonfinite=False): the caller decides whether to stop.
 * rt_clip_grad_value is clip_grad_value_: clamps each element to
 * [-clip_value, clip_value]. */
double rt_clip_grad_norm(float *grads, size_t n, double max_norm,
                         double norm_type);
void   rt_clip_grad_value(float *grads, size_t n, double clip_value);

/* ---- learning-rate schedules ----
 * A schedule maps the number of scheduler steps taken, t = 0, 1, 2, ...
 * (PyTorch's last_epoch: epochs for a per-epoch schedule, optimizer steps
 * for a per-step one), to a learning rate, in closed form:
 *   constant     base_lr
 *   step         base_lr * gamma^floor(t / step_size)          (StepLR)
 *   exponential  base_lr * gamma^t                             (ExponentialLR)
 *   cosine       eta_min + (base_lr - eta_min)(1 + cos(pi t / t_max)) / 2
 *                (CosineAnnealingLR; past t_max it rises again, as PyTorch's)
 * With warmup W > 0 the schedule is first a linear warm-up from
 * start_factor*base_lr to base_lr over W steps, then the schedule above
 * restarted at W: t < W gives base_lr*(start_factor + (1-start_factor)*t/W),
 * t >= W gives kind(t - W). That is PyTorch's SequentialLR([LinearLR(
 * start_factor, end_factor=1, total_iters=W), kind], milestones=[W]).
 * PyTorch computes these recursively (lr *= ...); the closed forms agree to
 * rounding (checked within 1e-9 relative over 30 steps). Differences: the
 * closed form ignores any other change to the lr (PyTorch's recursive form
 * would carry a manual or plateau change forward); the warm-up always ends
 * at 1 (LinearLR's end_factor), and start_factor 0, which torch 1.13
 * accepts and then divides by, is refused. */
typedef enum RtSchedKind {
    RT_SCHED_CONSTANT, RT_SCHED_STEP, RT_SCHED_EXPONENTIAL, RT_SCHED_COSINE
} RtSchedKind;

typedef struct RtSchedule {
    RtSchedKind kind;
    int64_t step_size;      /* step: decay every step_size steps (>= 1) */
    double  gamma;          /* step, exponential: decay factor */
    int64_t t_max;          /* cosine: half period (>= 1) */
    double  eta_min;        /* cosine: lowest lr */
    int64_t warmup;         /* linear warm-up steps, 0 = none */
    double  start_factor;   /* warm-up starts at start_factor*base_lr */
} RtSchedule;

/* Fills `s` with `kind` and PyTorch's defaults: gamma 0.1, step_size 1,
 * t_max 1, eta_min 0, no warm-up, start_factor 1/3 (LinearLR's). */
void   rt_sched_init(RtSchedule *s, RtSchedKind kind);
/* 0, or -1 with `err` set when a field is out of range. */
int    rt_sched_check(const RtSchedule *s, RtError *err);
double rt_sched_lr(const RtSchedule *s, double base_lr, int64_t t);

/* Reduce-on-plateau (ReduceLROnPlateau): fed the monitored metric once per
 * epoch; after more than `patience` epochs without an improvement (rel:
 * better than best*(1 -/+ threshold); abs: best -/+ threshold) the lr is
 * multiplied by factor, not below min_lr, and only if it changes by more
 * than eps; then `cooldown` epochs pass in which bad epochs do not count.
 * A NaN metric never improves. */
typedef struct RtPlateau {
    int     mode_max;       /* 0: the metric should fall (min), 1: rise */
    int     threshold_abs;  /* 0: relative threshold, 1: absolute */
    double  factor;         /* 0.1, in [0, 1) */
    int64_t patience;       /* 10 */
    double  threshold;      /* 1e-4 */
    int64_t cooldown;       /* 0 */
    double  min_lr;         /* 0 */
    double  eps;            /* 1e-8 */
    /* state, set by rt_plateau_init / rt_plateau_reset */
    double  best;
    int64_t num_bad_epochs, cooldown_counter, epochs;
} RtPlateau;

void   rt_plateau_init(RtPlateau *p);   /* PyTorch's defaults, fresh state */
int    rt_plateau_check(const RtPlateau *p, RtError *err);
void   rt_plateau_reset(RtPlateau *p);  /* state only; settings kept */
/* Takes this epoch's metric and the current lr; returns the lr to use. */
double rt_plateau_step(RtPlateau *p, double metric, double lr);

/* ---- closed-form least squares ----
 * Fits y ~ X w (+ b) by least squares in double precision, as
 * scikit-learn's LinearRegression does, and more accurately: with an
 * intercept the columns of X and y are centred; every column is then scaled
 * to unit norm (a column that centring leaves constant to within rounding,
 * e.g. a bias column, is set to zero and gets coefficient 0, the intercept
 * carrying it), and LAPACK's SVD-based dgelsd
 * solves the result, treating singular values below eps*max(n, d) times the
 * largest as zero (numpy's rcond), so a rank-deficient X (a constant column
 * beside the intercept, more columns than rows) gets the minimum-norm
 * solution. The scaling is what keeps degree-10 polynomial features of x in
 * [0, 10] accurate (predictions within ~1e-10 of the exact fit; unscaled, as
 * sklearn does it, ~1e-5). X is n rows of d values, row-major. */
typedef struct RtLstsq {
    size_t  nfeat;       /* d, the number of columns of X */
    double *coef;        /* d coefficients, owned; NULL before a fit */
    double  intercept;   /* 0 when fitted without one */
    int     rank;        /* effective rank of the (centred, scaled) X */
} RtLstsq;

/* Each returns 0, or -1 with `err` set (sizes, NaN or inf in the data, no
 * memory, LAPACK failure); `fit` is overwritten (free an earlier fit
 * first) and must be freed with rt_lstsq_free after a success. */
int    rt_lstsq_fit(RtLstsq *fit, const double *X, const double *y,
                    size_t n, size_t d, int with_intercept, RtError *err);
int    rt_lstsq_fit_f32(RtLstsq *fit, const float *X, const float *y,
                        size_t n, size_t d, int with_intercept, RtError *err);
/* out[i] = X[i] . coef + intercept, in double. */
void   rt_lstsq_predict(const RtLstsq *fit, const double *X, size_t n,
                        double *out);
void   rt_lstsq_predict_f32(const RtLstsq *fit, const float *X, size_t n,
                            float *out);
void   rt_lstsq_free(RtLstsq *fit);
/* Mean of (pred - y)^2; 0 for n == 0. */
double rt_lstsq_mse(const double *pred, const double *y, size_t n);

/* ==== end of sections ==================================================== */

#endif
