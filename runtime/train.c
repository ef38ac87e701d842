/* The training loop behind rt_train: batches (in order, shuffled every
 * epoch, or drawn without replacement every step), each step's forward,
 * loss with the L2 penalty, backward, clipping and optimizer update; the
 * per-step and per-epoch records; validation (a given set, the last
 * fraction as Keras takes it, or a shuffled stratified split); schedules
 * per epoch or per step and reduce-on-plateau; early stopping with a copy
 * of the best weights; checkpoints; the stop on a NaN or inf loss; and the
 * callbacks. Everything is allocated once in setup(); a step allocates
 * nothing. Knows nothing of the fx language. */
#include <math.h>
#include <string.h>
#include <time.h>
#include "rt_internal.h"
#include "rt_train_internal.h"

enum { GO = 0, STOP = 1, FAIL = -1 };

/* The quantity early stopping and checkpoints watch, with Keras's rules:
 * an epoch improves when value - min_delta beats the best (falls for a
 * loss, rises for an accuracy); `wait` counts epochs since the last one. */
typedef struct Monitor {
    RtMetric metric;
    int      mode_max;
    double   min_delta;   /* >= 0 */
    double   best;
    int64_t  wait;
    int      have_copy;   /* best weights saved (restore_best) */
} Monitor;

typedef struct Trainer {
    RtModel             *m;
    const RtTrainConfig *c;
    RtHistory           *h;
    RtError             *err;
    RtLossKind           loss;
    int                  classify, has_l2;
    RtView               tr, va;          /* training and validation samples */
    int                  has_val;
    int64_t              batch;           /* samples per step */
    int64_t              bpe;             /* steps per (full) epoch */
    int64_t              epochs, steps;   /* planned */
    int64_t              eval_batch;      /* the model's max batch */
    RtOptim             *opt;
    float               *params, *grads, *buffers;
    int64_t              nparams, nbuffers;
    int64_t             *order;           /* tr.n: epoch order or sample */
    int64_t             *split;           /* train then val indices */
    float               *xbuf, *ybuf;     /* eval_batch samples each */
    float               *best;            /* params then buffers, or NULL */
    float               *before;          /* layer_stats: params before the
                                             measured step, or NULL */
    int64_t              stat_b;          /* the epoch's measured step */
    double               base_lr, lr;
    RtPlateau            plateau;
    Monitor              mon;
    int64_t              step;            /* steps done */
    double               ep_loss, ep_correct;
    int64_t              ep_seen;
    struct timespec      t0;
    RtThreads           *saved_th;       /* the model's own pool ... */
    int                  set_th;          /* ... replaced by c->threads */
} Trainer;

const char *rt_metric_name(RtMetric m)
{
    switch (m) {
    case RT_METRIC_LOSS:         return "loss";
    case RT_METRIC_ACCURACY:     return "accuracy";
    case RT_METRIC_VAL_LOSS:     return "val_loss";
    case RT_METRIC_VAL_ACCURACY: return "val_accuracy";
    }
    return "?";
}

void rt_train_defaults(RtTrainConfig *c)
{
    memset(c, 0, sizeof *c);
    c->loss = RT_LOSS_CROSS_ENTROPY;
    rt_optim_defaults(&c->optim, RT_OPT_ADAM);
    rt_sched_init(&c->schedule, RT_SCHED_CONSTANT);
    rt_plateau_init(&c->plateau);
    c->plateau_monitor = RT_METRIC_VAL_LOSS;
    c->epochs = 1;
    c->batch = 32;
    c->shuffle = 1;
    c->early.monitor = RT_METRIC_VAL_LOSS;
}

void rt_history_free(RtHistory *h)
{
    if (!h)
        return;
    rt_free(h->loss);
    rt_free(h->accuracy);
    rt_free(h->val_loss);
    rt_free(h->val_accuracy);
    rt_free(h->lr);
    rt_free(h->batch_loss);
    rt_free(h->batch_accuracy);
    rt_free(h->step_loss);
    rt_free(h->batch_lr);
    rt_layer_stats_free(&h->layer);
    memset(h, 0, sizeof *h);
    h->best_epoch = -1;
}

static double since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + 1e-9 * (double)(t.tv_nsec -
                                                             t0->tv_nsec);
}

/* ---- setup ---------------------------------------------------------------- */

static int fail_arg(Trainer *T, const char *msg)
{
    rt_error_set(T->err, RT_ERR_ARG, "train: %s", msg);
    return -1;
}

static int is_val_metric(RtMetric m)
{
    return m == RT_METRIC_VAL_LOSS || m == RT_METRIC_VAL_ACCURACY;
}

/* Settings that do not depend on the data. */
static int check_config(Trainer *T)
{
    const RtTrainConfig *c = T->c;
    char msg[160];
    if (c->epochs < 0 || c->steps < 0 || c->batch < 0)
        return fail_arg(T, "epochs, steps and batch must be >= 0");
    if (!(c->val_split >= 0 && c->val_split < 1))
        return fail_arg(T, "val_split must be in [0, 1)");
    if (!(c->clip_norm >= 0) || !(c->clip_value >= 0))
        return fail_arg(T, "clip_norm and clip_value must be >= 0");
    if ((unsigned)c->early.monitor > RT_METRIC_VAL_ACCURACY ||
        (unsigned)c->plateau_monitor > RT_METRIC_VAL_ACCURACY)
        return fail_arg(T, "unknown metric to monitor");
    if (c->early.enabled && (c->early.patience < 0 || !(c->early.min_delta >= 0)))
        return fail_arg(T, "early stopping needs patience >= 0 and "
                        "min_delta >= 0");
    if (rt_sched_check(&c->schedule, T->err) < 0)
        return -1;
    if (c->plateau_enabled) {
        if (rt_plateau_check(&c->plateau, T->err) < 0)
            return -1;
        if (c->schedule.kind != RT_SCHED_CONSTANT || c->schedule.warmup > 0)
            return fail_arg(T, "reduce-on-plateau cannot be combined with a "
                            "learning-rate schedule");
    }
    if (!rt_loss_classifies(c->loss) &&
        ((c->early.enabled && (c->early.monitor == RT_METRIC_ACCURACY ||
                               c->early.monitor == RT_METRIC_VAL_ACCURACY)) ||
         (c->plateau_enabled && (c->plateau_monitor == RT_METRIC_ACCURACY ||
                                 c->plateau_monitor == RT_METRIC_VAL_ACCURACY)))) {
        snprintf(msg, sizeof msg, "accuracy is not defined for the %s loss",
                 rt_loss_name(c->loss));
        return fail_arg(T, msg);
    }
    return 0;
}

/* n_val of n for a split fraction, as Keras: the training part is
 * floor(n * (1 - split)) samples. */
static int split_count(Trainer *T, int64_t n, int64_t *n_val)
{
    int64_t keep = (int64_t)floor((double)n * (1.0 - T->c->val_split));
    if (keep <= 0 || keep >= n) {
        char msg[160];
        snprintf(msg, sizeof msg, "%lld samples cannot be split into training "
                 "and validation sets by val_split %g", (long long)n,
                 T->c->val_split);
        return fail_arg(T, msg);
    }
    *n_val = n - keep;
    return 0;
}

/* The class of sample i for stratification, or -1 when the loss has no
 * classes (then the split is a plain random one). */
static int64_t class_of(const Trainer *T, const RtData *d, int64_t i)
{
    if (T->loss == RT_LOSS_CROSS_ENTROPY)
        return (int64_t)d->y[i];
    if (d->ydim == 1 && rt_loss_classifies(T->loss))
        return d->y[i] > 0.5f;
    return -1;
}

/* Shuffled stratified split: each class gives its share of n_val (largest
 * remainders settle the rounding, ties to the lower class), drawn at random
 * from stream RT_STREAM_SPLIT; both parts keep the data's order. split[]
 * gets the training indices, then the validation ones. */
static int stratified_split(Trainer *T, const RtData *d, int64_t n_val)
{
    int64_t n = d->n, classes = 1;
    for (int64_t i = 0; i < n; i++)
        classes = class_of(T, d, i) + 1 > classes ? class_of(T, d, i) + 1
                                                  : classes;
    int64_t *cnt = rt_alloc(3 * classes, sizeof *cnt, "split counts", T->err);
    int64_t *perm = cnt ? rt_alloc(n, sizeof *perm, "split", T->err) : NULL;
    if (!perm) {
        rt_free(cnt);
        return -1;
    }
    int64_t *quota = cnt + classes, *rem = cnt + 2 * classes, left = n_val;
    for (int64_t i = 0; i < n; i++)
        cnt[class_of(T, d, i) < 0 ? 0 : class_of(T, d, i)]++;
    for (int64_t k = 0; k < classes; k++) {
        quota[k] = n_val * cnt[k] / n;
        rem[k] = n_val * cnt[k] % n;
        left -= quota[k];
    }
    for (; left > 0; left--) {          /* at most `classes` rounds */
        int64_t top = 0;
        for (int64_t k = 1; k < classes; k++)
            top = rem[k] > rem[top] ? k : top;
        quota[top]++;
        rem[top] = -1;
    }
    RtRng r = rt_rng(T->c->seed, rt_stream(RT_STREAM_SPLIT, 0));
    rt_rng_permutation(&r, perm, n);
    /* Walk the permutation: a sample goes to validation while its class
     * still has quota. Mark with the split array: 1 = validation. */
    int64_t *mark = T->split;
    memset(mark, 0, (size_t)n * sizeof *mark);
    for (int64_t j = 0; j < n; j++) {
        int64_t s = perm[j], k = class_of(T, d, s);
        k = k < 0 ? 0 : k;
        if (quota[k] > 0) {
            quota[k]--;
            mark[s] = 1;
        }
    }
    int64_t a = 0, b = n - n_val;
    for (int64_t s = 0; s < n; s++)     /* perm is free for reuse now */
        perm[mark[s] ? b++ : a++] = s;
    memcpy(T->split, perm, (size_t)n * sizeof *perm);
    rt_free(perm);
    rt_free(cnt);
    return 0;
}

/* The training and validation views. */
static int setup_views(Trainer *T, const RtData *train, const RtData *val)
{
    const RtTrainConfig *c = T->c;
    T->tr = rt_view_all(train);
    T->has_val = 0;
    if (val && val->n > 0) {
        if (rt_data_check(T->m, val, T->loss, "validation data", T->err) < 0)
            return -1;
        T->va = rt_view_all(val);
        T->has_val = 1;
    } else if (c->val_split > 0) {
        int64_t n_val;
        if (split_count(T, train->n, &n_val) < 0)
            return -1;
        T->va = T->tr;
        T->tr.n = T->va.off = train->n - n_val;
        T->va.n = n_val;
        T->has_val = 1;
        if (c->val_split_shuffle) {
            T->split = rt_alloc(train->n, sizeof *T->split, "split", T->err);
            if (!T->split || stratified_split(T, train, n_val) < 0)
                return -1;
            T->tr.idx = T->split;
            T->va.idx = T->split + T->tr.n;
            T->va.off = 0;
        }
    }
    T->h->val_n = T->has_val ? T->va.n : 0;
    return 0;
}

/* Batch, steps per epoch, planned epochs and steps. */
static int plan(Trainer *T)
{
    const RtTrainConfig *c = T->c;
    int64_t n = T->tr.n, mb = rt_model_max_batch(T->m);
    char msg[200];
    T->batch = c->batch == 0 || c->batch > n ? n : c->batch;
    if (c->sample_per_step && c->batch > n) {
        snprintf(msg, sizeof msg, "sample_per_step draws %lld samples without "
                 "replacement from only %lld", (long long)c->batch,
                 (long long)n);
        return fail_arg(T, msg);
    }
    if (T->batch > mb) {
        snprintf(msg, sizeof msg, "a batch of %lld samples does not fit the "
                 "model (built for at most %lld)", (long long)T->batch,
                 (long long)mb);
        return fail_arg(T, msg);
    }
    T->bpe = (n + T->batch - 1) / T->batch;
    if (c->steps > 0) {
        T->steps = c->steps;
        T->epochs = (c->steps + T->bpe - 1) / T->bpe;
    } else {
        T->epochs = c->epochs;
        if (__builtin_mul_overflow(T->epochs, T->bpe, &T->steps))
            return fail_arg(T, "too many steps");
    }
    T->eval_batch = mb;
    return 0;
}

static int alloc_history(Trainer *T)
{
    RtHistory *h = T->h;
    int64_t E = T->epochs, S = T->steps;
    double **ep[] = {&h->loss, &h->accuracy, &h->val_loss, &h->val_accuracy,
                     &h->lr};
    double **st[] = {&h->batch_loss, &h->batch_accuracy, &h->batch_lr,
                     &h->step_loss};
    for (size_t i = 0; i < sizeof ep / sizeof *ep; i++)
        if (!(*ep[i] = rt_alloc(E, sizeof(double), "history", T->err)))
            return -1;
    for (size_t i = 0; i < sizeof st / sizeof *st; i++) {
        if (st[i] == &h->step_loss && !T->c->full_loss)
            continue;
        if (!(*st[i] = rt_alloc(S, sizeof(double), "history", T->err)))
            return -1;
    }
    if (T->c->layer_stats) {
        T->before = rt_alloc(T->nparams, sizeof(float), "layer statistics",
                             T->err);
        if (!T->before || rt_layer_stats_alloc(&h->layer, T->m, E, T->err) < 0)
            return -1;
    }
    return 0;
}

/* Buffers, the optimizer, the best-weights copy, the monitor. */
static int alloc_state(Trainer *T)
{
    const RtTrainConfig *c = T->c;
    RtModel *m = T->m;
    T->params = rt_model_params(m, &T->nparams);
    T->grads = rt_model_grads(m, NULL);
    T->buffers = rt_model_buffers(m, &T->nbuffers);
    T->opt = rt_optim_new(&c->optim, (size_t)T->nparams, T->err);
    if (!T->opt)
        return -1;
    T->order = rt_alloc(T->tr.n, sizeof *T->order, "batch order", T->err);
    if (!T->order)
        return -1;
    int64_t in_n = T->tr.in_n, yd = T->tr.d->ydim;
    T->xbuf = rt_alloc(T->eval_batch * in_n, sizeof(float), "batch", T->err);
    T->ybuf = T->xbuf ? rt_alloc(T->eval_batch * yd, sizeof(float),
                                 "batch targets", T->err) : NULL;
    if (!T->ybuf)
        return -1;
    if (c->early.enabled && c->early.restore_best) {
        T->best = rt_alloc(T->nparams + T->nbuffers, sizeof(float),
                           "best weights", T->err);
        if (!T->best)
            return -1;
    }
    return alloc_history(T);
}

static void setup_monitor(Trainer *T)
{
    const RtTrainConfig *c = T->c;
    Monitor *M = &T->mon;
    M->metric = c->early.enabled ? c->early.monitor
              : T->has_val ? RT_METRIC_VAL_LOSS : RT_METRIC_LOSS;
    M->mode_max = M->metric == RT_METRIC_ACCURACY ||
                  M->metric == RT_METRIC_VAL_ACCURACY;
    M->min_delta = c->early.enabled ? c->early.min_delta : 0;
    M->best = M->mode_max ? -INFINITY : INFINITY;
}

static int setup(Trainer *T, const RtData *train, const RtData *val)
{
    const RtTrainConfig *c = T->c;
    T->loss = c->loss;
    T->classify = rt_loss_classifies(c->loss);
    if (check_config(T) < 0 ||
        rt_data_check(T->m, train, T->loss, "training data", T->err) < 0)
        return -1;
    if (train->n < 1)
        return fail_arg(T, "no training samples");
    if (setup_views(T, train, val) < 0 || plan(T) < 0)
        return -1;
    int early_val = c->early.enabled && is_val_metric(c->early.monitor);
    if (!T->has_val && (early_val || (c->plateau_enabled &&
                                      is_val_metric(c->plateau_monitor)))) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s is monitored but there is no validation "
                 "data (give a validation set or val_split)",
                 rt_metric_name(early_val ? c->early.monitor
                                          : c->plateau_monitor));
        return fail_arg(T, msg);
    }
    if (alloc_state(T) < 0)
        return -1;
    for (int i = 0; i < rt_model_layers(T->m); i++)
        T->has_l2 |= rt_model_layer_spec(T->m, i)->l2 != 0;
    setup_monitor(T);
    T->plateau = c->plateau;
    rt_plateau_reset(&T->plateau);
    T->base_lr = T->lr = c->optim.lr;
    if (c->threads) {
        T->saved_th = T->m->th;
        T->set_th = 1;
        rt_model_set_threads(T->m, c->threads);
    }
    rt_model_set_dropout_seed(T->m, c->seed);
    return 0;
}

/* ---- one step ------------------------------------------------------------- */

static void set_lr(Trainer *T, double lr)
{
    T->lr = lr;
    rt_optim_set_lr(T->opt, lr);
}

/* A data index of the training set holding a NaN or inf among the batch's
 * samples, or -1. */
static int64_t bad_input(const Trainer *T, const float *x, const int64_t *pos,
                         int64_t lo, int64_t size)
{
    for (int64_t j = 0; j < size; j++)
        for (int64_t k = 0; k < T->tr.in_n; k++)
            if (!isfinite(x[j * T->tr.in_n + k])) {
                int64_t p = pos ? pos[lo + j] : lo + j;
                return T->tr.off + (T->tr.idx ? T->tr.idx[p] : p);
            }
    return -1;
}

/* Says in h->diverged_what where the NaN or inf came from. */
static void diverged(Trainer *T, double loss, int64_t bad)
{
    RtHistory *h = T->h;
    char *w = h->diverged_what;
    size_t cap = sizeof h->diverged_what;
    int len = snprintf(w, cap, "loss is %s", isnan(loss) ? "nan" : "inf");
    int li = rt_model_nonfinite(T->m, RT_CHECK_ACTS);
    int lp = rt_model_nonfinite(T->m, RT_CHECK_PARAMS);
    if (bad >= 0 && len >= 0 && (size_t)len < cap)
        len += snprintf(w + len, cap - (size_t)len, "; training sample %lld "
                        "holds nan or inf", (long long)bad);
    if (li >= 0 && len >= 0 && (size_t)len < cap)
        len += snprintf(w + len, cap - (size_t)len, "; first non-finite "
                        "activations in layer %d (%s)%s", li,
                        rt_model_layer_name(T->m, li),
                        lp == li ? ", whose weights are not finite" : "");
    else if (lp >= 0 && len >= 0 && (size_t)len < cap)
        snprintf(w + len, cap - (size_t)len, "; non-finite weights in layer "
                 "%d (%s)", lp, rt_model_layer_name(T->m, lp));
    else if (len >= 0 && (size_t)len < cap)
        snprintf(w + len, cap - (size_t)len, "; the activations are finite");
    h->diverged = 1;
    h->diverged_step = T->step + 1;
}

/* The update from the gradients of the last forward and loss; with
 * `measure`, the per-layer gradients and steps of epoch e too. */
static void update(Trainer *T, int measure, int64_t e)
{
    const RtTrainConfig *c = T->c;
    rt_model_backward_loss(T->m);
    if (T->has_l2)
        rt_model_l2_grad(T->m);
    if (measure) {
        rt_layer_stats_grads(&T->h->layer, T->m, e);
        rt_layer_stats_keep(T->m, T->before);
    }
    if (c->clip_norm > 0)
        rt_clip_grad_norm(T->grads, (size_t)T->nparams, c->clip_norm, 2.0);
    if (c->clip_value > 0)
        rt_clip_grad_value(T->grads, (size_t)T->nparams, c->clip_value);
    rt_optim_step(T->opt, T->params, T->grads);
    if (measure)
        rt_layer_stats_steps(&T->h->layer, T->m, T->before, e);
}

/* After a step: the full-data loss, the callback. */
static int after_step(Trainer *T, int64_t epoch, int64_t b, int64_t nb,
                      int64_t size, double loss, double acc)
{
    const RtTrainConfig *c = T->c;
    RtHistory *h = T->h;
    double full = NAN, full_acc;
    if (c->full_loss) {
        if (rt_eval_view(T->m, &T->tr, T->loss, T->eval_batch, T->xbuf,
                         T->ybuf, &full, &full_acc, T->err) < 0)
            return FAIL;
        h->step_loss[T->step - 1] = full;
    }
    if (c->on_batch) {
        RtBatchInfo bi = {.epoch = epoch + 1, .epochs = c->steps > 0 ? 0 : T->epochs,
                          .batch = b + 1, .batches = nb, .step = T->step,
                          .steps = T->steps, .size = size, .loss = loss,
                          .accuracy = acc, .lr = T->lr, .full_loss = full};
        if (c->on_batch(c->ctx, &bi) != 0) {
            h->interrupted = 1;
            return STOP;
        }
    }
    return GO;
}

/* Step b of `nb` in this epoch: GO, STOP (interrupted or diverged) or FAIL. */
static int train_step(Trainer *T, int64_t epoch, int64_t b, int64_t nb)
{
    const RtTrainConfig *c = T->c;
    RtHistory *h = T->h;
    const int64_t *pos = c->shuffle ? T->order : NULL;
    int64_t lo = b * T->batch, size = T->tr.n - lo < T->batch ? T->tr.n - lo
                                                              : T->batch;
    if (c->sample_per_step) {
        RtRng r = rt_rng(c->seed, rt_stream(RT_STREAM_SAMPLE,
                                            (uint64_t)T->step));
        rt_rng_sample(&r, T->order, T->tr.n, T->batch);
        pos = T->order;
        lo = 0;
        size = T->batch;
    }
    const float *x, *y;
    rt_view_batch(&T->tr, pos, lo, size, T->xbuf, T->ybuf, &x, &y);
    if (c->schedule_per_step && !c->plateau_enabled)
        set_lr(T, rt_sched_lr(&c->schedule, T->base_lr, T->step));
    rt_model_zero_grads(T->m);
    if (!rt_model_forward(T->m, x, size, RT_TRAIN, (uint64_t)T->step, T->err))
        return FAIL;
    int measure = c->layer_stats && b == T->stat_b;
    if (measure)
        rt_layer_stats_acts(&h->layer, T->m, epoch);
    RtError le = {0};
    double loss = rt_model_loss(T->m, T->loss, y, &le);
    if (le.code != RT_OK) {
        if (T->err)
            rt_error_copy(T->err, &le);
        return FAIL;
    }
    if (T->has_l2)
        loss += rt_model_l2_penalty(T->m);
    double correct = T->classify ? rt_batch_correct(T->m, T->loss, y, size) : 0;
    double acc = T->classify ? correct / (double)size : NAN;
    h->batch_loss[T->step] = loss;
    h->batch_accuracy[T->step] = acc;
    h->batch_lr[T->step] = T->lr;
    h->steps = T->step + 1;
    T->ep_loss += loss * (double)size;
    T->ep_correct += correct;
    T->ep_seen += size;
    if (!isfinite(loss)) {
        diverged(T, loss, bad_input(T, x, pos, lo, size));
        T->step++;
        return STOP;
    }
    update(T, measure, epoch);
    T->step++;
    return after_step(T, epoch, b, nb, size, loss, acc);
}

/* ---- epochs --------------------------------------------------------------- */

static void save_best(Trainer *T)
{
    if (!T->best)
        return;
    memcpy(T->best, T->params, (size_t)T->nparams * sizeof(float));
    memcpy(T->best + T->nparams, T->buffers,
           (size_t)T->nbuffers * sizeof(float));
    T->mon.have_copy = 1;
}

static double metric_of(const RtHistory *h, RtMetric m, int64_t e)
{
    switch (m) {
    case RT_METRIC_LOSS:         return h->loss[e];
    case RT_METRIC_ACCURACY:     return h->accuracy[e];
    case RT_METRIC_VAL_LOSS:     return h->val_loss[e];
    case RT_METRIC_VAL_ACCURACY: return h->val_accuracy[e];
    }
    return NAN;
}

/* Keras's EarlyStopping.on_epoch_end, less the stop decision: whether
 * epoch e improved the monitored value (NaN never does). */
static int monitor_epoch(Trainer *T, int64_t e)
{
    Monitor *M = &T->mon;
    double v = metric_of(T->h, M->metric, e);
    if (T->best && !M->have_copy) {
        save_best(T);                   /* the first epoch's, as Keras */
        T->h->best_epoch = e;
    }
    M->wait++;
    int better = M->mode_max ? v - M->min_delta > M->best
                             : v + M->min_delta < M->best;
    if (!better)
        return 0;
    M->best = v;
    M->wait = 0;
    T->h->best_epoch = e;
    save_best(T);
    return 1;
}

/* Records epoch e's means; with `cut` (interrupted or diverged mid-epoch)
 * nothing else happens. Else validation, the monitor, the checkpoint,
 * reduce-on-plateau, the callback and the early-stopping decision. */
static int end_epoch(Trainer *T, int64_t e, int cut)
{
    const RtTrainConfig *c = T->c;
    RtHistory *h = T->h;
    double seen = (double)T->ep_seen;
    h->loss[e] = T->ep_loss / seen;
    h->accuracy[e] = T->classify ? T->ep_correct / seen : NAN;
    h->val_loss[e] = h->val_accuracy[e] = NAN;
    h->lr[e] = T->lr;
    h->epochs = e + 1;
    /* A run that diverged is still validated (its accuracy is a count, a
     * number however the loss went); an interrupted one is not. */
    if (cut && !(h->diverged && T->has_val))
        return STOP;
    if (T->has_val && rt_eval_view(T->m, &T->va, T->loss, T->eval_batch,
                                   T->xbuf, T->ybuf, &h->val_loss[e],
                                   &h->val_accuracy[e], T->err) < 0)
        return FAIL;
    if (cut)
        return STOP;
    int improved = monitor_epoch(T, e);
    if (improved && c->checkpoint &&
        rt_weights_save(T->m, c->checkpoint, T->err) < 0)
        return FAIL;
    if (c->plateau_enabled)
        set_lr(T, rt_plateau_step(&T->plateau,
                                  metric_of(h, c->plateau_monitor, e), T->lr));
    int stop = c->early.enabled && !improved &&
               T->mon.wait >= c->early.patience && e > 0;
    if (c->on_epoch) {
        RtEpochInfo ei = {.epoch = e + 1, .epochs = c->steps > 0 ? 0 : T->epochs,
                          .loss = h->loss[e], .accuracy = h->accuracy[e],
                          .val_loss = h->val_loss[e],
                          .val_accuracy = h->val_accuracy[e], .lr = h->lr[e],
                          .improved = improved, .seconds = since(&T->t0),
                          .next_lr = T->lr};
        if (c->on_epoch(c->ctx, &ei) != 0) {
            h->interrupted = 1;
            return STOP;
        }
    }
    if (stop) {
        h->stopped_early = 1;
        return STOP;
    }
    return GO;
}

/* Epoch e: its order, its learning rate, its steps, its end. */
static int run_epoch(Trainer *T, int64_t e)
{
    const RtTrainConfig *c = T->c;
    int64_t nb = T->bpe;
    if (T->step + nb > T->steps)
        nb = T->steps - T->step;        /* the last epoch of a step count */
    if (c->shuffle && !c->sample_per_step) {
        RtRng r = rt_rng(c->seed, rt_stream(RT_STREAM_SHUFFLE, (uint64_t)e));
        rt_rng_permutation(&r, T->order, T->tr.n);
    }
    if (!c->schedule_per_step && !c->plateau_enabled)
        set_lr(T, rt_sched_lr(&c->schedule, T->base_lr, e));
    T->ep_loss = T->ep_correct = 0;
    T->ep_seen = 0;
    /* The step measured for layer_stats: the last, or the one before when
     * the last is a smaller remainder batch. */
    T->stat_b = nb - 1;
    if (nb > 1 && nb == T->bpe && !c->sample_per_step && T->tr.n % T->batch)
        T->stat_b = nb - 2;
    int rc = GO;
    for (int64_t b = 0; b < nb && rc == GO; b++)
        rc = train_step(T, e, b, nb);
    if (rc == FAIL)
        return FAIL;
    return end_epoch(T, e, rc == STOP);
}

static void finish(Trainer *T, int rc)
{
    RtHistory *h = T->h;
    if (rc >= 0 && T->mon.have_copy && !h->interrupted) {
        memcpy(T->params, T->best, (size_t)T->nparams * sizeof(float));
        memcpy(T->buffers, T->best + T->nparams,
               (size_t)T->nbuffers * sizeof(float));
        h->restored_best = 1;
    }
    if (T->set_th)
        rt_model_set_threads(T->m, T->saved_th);
    h->seconds = since(&T->t0);
    rt_optim_free(T->opt);
    rt_free(T->order);
    rt_free(T->split);
    rt_free(T->xbuf);
    rt_free(T->ybuf);
    rt_free(T->best);
    rt_free(T->before);
}

int rt_train(RtModel *m, const RtData *train, const RtData *val,
             const RtTrainConfig *c, RtHistory *h, RtError *err)
{
    if (!h) {
        rt_error_set(err, RT_ERR_ARG, "train: no history to fill");
        return -1;
    }
    memset(h, 0, sizeof *h);
    h->best_epoch = -1;
    if (!m || !train || !c) {
        rt_error_set(err, RT_ERR_ARG, "train: no model, data or settings");
        return -1;
    }
    Trainer T = {.m = m, .c = c, .h = h, .err = err};
    clock_gettime(CLOCK_MONOTONIC, &T.t0);
    int rc = setup(&T, train, val);
    for (int64_t e = 0; rc == GO && e < T.epochs; e++)
        rc = run_epoch(&T, e);
    finish(&T, rc);
    return rc == FAIL ? -1 : 0;
}
