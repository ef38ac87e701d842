/* `train MODEL on DATA, options`: builds a fresh runtime model for the
 * data's sample shape (or continues from trained weights when asked),
 * picks the loss the data calls for unless told, runs the runtime's loop
 * with the per-epoch (or per-batch) lines the seeds print, a progress line
 * with an ETA on a terminal, Ctrl-C stopping cleanly after a batch, and
 * returns a run. Also `evaluate` and `predict`. */
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "diag/verdict.h"
#include "exp_train.h"
#include "exp_progress.h"

const FxOptionDef fx_evaluate_options[] = {{"loss", 0, 0}, {"batch", 0, 0}, {0}};
const FxOptionDef fx_predict_options[] = {{"batch", 0, 0}, {0}};

int fx_train_lstsq(TrainJob *j, FxValue *out);

/* splitmix64: independent seeds from (seed, counter). */
static uint64_t mix(uint64_t a, uint64_t b)
{
    uint64_t z = a * 0x9E3779B97F4A7C15ull + b + 0x632BE59BD9B4E019ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* ---- what is trained on what --------------------------------------------------- */

static int target_model(FxInterp *I, const FxNode *at, FxEnv *env, FxValue *v,
                        const FxModel **m)
{
    if (fx_eval(I, at, env, v))
        return -1;
    FxRun *run = fx_value_run(*v);
    if (run) {
        FxValue mv = fx_ref(run->model);
        fx_unref(*v);
        *v = mv;
    }
    *m = fx_value_model(*v);
    if (*m)
        return 0;
    fx_error_at(I, at, "expected a model (from a model statement) or a run, got %s",
                fx_type_phrase(*v));
    fx_unref(*v);
    *v = fx_none();
    return -1;
}

static int data_arg(FxInterp *I, const FxNode *at, FxEnv *env, FxValue *v, FxDataset **d)
{
    if (fx_eval(I, at, env, v))
        return -1;
    *d = fx_value_dataset(*v);
    if (*d)
        return 0;
    fx_error_at(I, at, "expected a dataset after 'on', got %s", fx_type_phrase(*v));
    fx_error_hint(I, "make one with random_images, random_data, regression, load_csv, ...");
    return -1;
}

/* The loss the data and the model's output call for, or a located error
 * when the given loss cannot work. */
static int choose_loss(TrainJob *j, RtModel *rm)
{
    RtShape os = rt_model_output_shape(rm);
    int64_t outs = rt_shape_numel(&os);
    const FxDataset *d = j->data;
    int last_sigmoid = rt_model_layer_spec(rm, rt_model_layers(rm) - 1)->kind == RT_LAYER_SIGMOID;
    FxSpan at = j->n->b->span;
    if (!j->loss_given)
        j->cfg.loss = d->classes < 2 ? RT_LOSS_MSE : outs == 1 ? RT_LOSS_BCE : RT_LOSS_CROSS_ENTROPY;
    switch (j->cfg.loss) {
    case RT_LOSS_CROSS_ENTROPY:
        if (d->classes < 2)
            return fx_error(j->I, at, "cross_entropy needs class labels, but this dataset has "
                            "regression targets; use loss: mse");
        /* More outputs than classes is an error too, not only fewer: the
         * extra outputs are never a target (training only pushes their
         * logits down), which is almost always a wrong dense(n); data whose
         * labels leave out some classes say how many with classes:. */
        if (outs != d->classes) {
            fx_error(j->I, at, "the model gives %lld outputs per sample but the data has "
                     "%d classes: end the model with dense(%d)", (long long)outs,
                     d->classes, d->classes);
            if (outs > d->classes)
                fx_error_hint(j->I, "if the labels leave out classes, give the data "
                              "classes: %lld", (long long)outs);
            return -1;
        }
        break;
    case RT_LOSS_BCE: case RT_LOSS_BCE_LOGITS:
        if (d->classes != 2 || outs != 1)
            return fx_error(j->I, at, "binary_cross_entropy needs 2 classes and 1 output per "
                            "sample; the data has %d classes, the model %lld outputs",
                            d->classes, (long long)outs);
        if (!last_sigmoid)
            j->cfg.loss = RT_LOSS_BCE_LOGITS;   /* the output is a logit */
        break;
    default:
        if (outs != d->ydim)
            return fx_error(j->I, at, "the model gives %lld outputs per sample but the targets "
                            "have %lld values", (long long)outs, (long long)d->ydim);
    }
    return 0;
}

/* ---- progress and per-epoch lines -------------------------------------------------- */

static int classifies(RtLossKind k) { return k != RT_LOSS_MSE; }

/* A progress line built on the stack: the callbacks run after every
 * batch, and nothing per step allocates. */
typedef struct Line {
    char   s[256];
    size_t n;
} Line;

static void line_add(Line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line_add(Line *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(l->s + l->n, sizeof l->s - l->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        l->n = l->n + (size_t)k < sizeof l->s ? l->n + (size_t)k : sizeof l->s - 1;
}

/* Four decimals, as the seeds print; exponent form once that would be a
 * wall of digits (a diverging loss). */
static void metric(Line *l, const char *name, double x)
{
    if (isnan(x) && strcmp(name, "loss"))
        return;
    if (fabs(x) < 1e5 || !isfinite(x))
        line_add(l, "  %s %.4f", name, x);
    else
        line_add(l, "  %s %.4e", name, x);
}

static void clear_progress(TrainJob *j)
{
    if (j->progress_shown) {
        fputs("\r\033[K", stderr);
        j->progress_shown = 0;
    }
}

/* Whether line k of n (1-based) is one log_every: N shows: every Nth
 * and the last. */
static int every(const TrainJob *j, int64_t k, int64_t n)
{
    return j->log_every <= 1 || k % j->log_every == 0 || k == n;
}

/* Reduce-on-plateau just cut the learning rate: said as Keras does. */
static void plateau_line(TrainJob *j, const RtEpochInfo *e)
{
    if (!j->cfg.plateau_enabled || !(e->next_lr < e->lr) || j->I->opt.quiet || j->log == 2)
        return;
    fprintf(j->I->out, "epoch %lld: plateau reducing learning rate to %.4g\n",
            (long long)e->epoch, e->next_lr);
}

static int on_epoch(void *ctx, const RtEpochInfo *e)
{
    TrainJob *j = ctx;
    clear_progress(j);
    double took = seconds_since(&j->epoch_start);
    clock_gettime(CLOCK_MONOTONIC, &j->epoch_start);
    j->ep_loss_sum = 0;
    j->ep_seen = 0;
    int64_t cap = fx_std(j->I)->epoch_cap;
    if ((cap > 0 && e->epoch >= cap && e->epoch < e->epochs) ||
        fx_prune_median_stop(fx_std(j->I)->median, e, j->val || j->cfg.val_split > 0)) {
        j->pruned = e->epoch;           /* a pruned sweep's rung, or the median rule */
        return 1;
    }
    if (j->log != 0 || j->I->opt.quiet || e->epochs == 0) {  /* steps: one line at the end */
        plateau_line(j, e);
        return 0;
    }
    if (!every(j, e->epoch, e->epochs)) {
        plateau_line(j, e);
        return 0;
    }
    Line b = {.n = 0};
    int w = snprintf(NULL, 0, "%lld", (long long)e->epochs);
    line_add(&b, "epoch %*lld/%lld", w, (long long)e->epoch, (long long)e->epochs);
    metric(&b, "loss", e->loss);
    metric(&b, "acc", e->accuracy);
    metric(&b, "val_loss", e->val_loss);
    metric(&b, "val_acc", e->val_accuracy);
    if (j->has_schedule)
        line_add(&b, "  lr %.4g", e->lr);
    char took_s[32];
    fx_fmt_duration(took_s, sizeof took_s, took);
    line_add(&b, "  %s", took_s);
    fprintf(j->I->out, "%s\n", b.s);
    plateau_line(j, e);
    fflush(j->I->out);
    return 0;
}

static void batch_line(TrainJob *j, const RtBatchInfo *bi)
{
    Line b = {.n = 0};
    if (bi->epochs) {
        int w = snprintf(NULL, 0, "%lld", (long long)bi->batches);
        line_add(&b, "epoch %lld  batch %*lld/%lld", (long long)bi->epoch, w,
                 (long long)bi->batch, (long long)bi->batches);
    } else {
        int w = snprintf(NULL, 0, "%lld", (long long)bi->steps);
        line_add(&b, "step %*lld/%lld", w, (long long)bi->step, (long long)bi->steps);
    }
    metric(&b, "loss", bi->loss);
    metric(&b, "acc", bi->accuracy);
    metric(&b, "full_loss", bi->full_loss);
    fprintf(j->I->out, "%s\n", b.s);
}

/* The bar on a terminal, once an epoch has taken a second: the running
 * loss, elapsed time, time per step and time left (exp_progress.c). */
static void progress(TrainJob *j, const RtBatchInfo *bi)
{
    double t = seconds_since(&j->epoch_start);
    if (t < 1.0 || bi->batches <= 1)
        return;
    FxProgress p = {bi->epoch, bi->epochs, bi->batch, bi->batches,
                    j->ep_seen ? j->ep_loss_sum / (double)j->ep_seen : NAN, t};
    char s[256];
    fx_progress_text(s, sizeof s, &p);
    fprintf(stderr, "\r%s\033[K", s);
    j->progress_shown = 1;
}

static int on_batch(void *ctx, const RtBatchInfo *bi)
{
    TrainJob *j = ctx;
    FxInterp *I = j->I;
    j->ep_loss_sum += bi->loss * (double)bi->size;
    j->ep_seen += bi->size;
    int64_t k = bi->epochs ? bi->batch : bi->step, n = bi->epochs ? bi->batches : bi->steps;
    if (j->log == 1 && !I->opt.quiet && every(j, k, n))
        batch_line(j, bi);
    else if (j->log == 0 && !I->opt.quiet && I->opt.tty && bi->epochs)
        progress(j, bi);
    if (I->interrupted && *I->interrupted) {
        *I->interrupted = 0;
        I->interrupt_pending = 1;
        I->interrupt_seen = 1;
        return 1;
    }
    return 0;
}

/* ---- running ----------------------------------------------------------------------- */

static void set_status(FxRun *r, TrainJob *j)
{
    RtHistory *h = &r->h;
    FxInterp *I = j->I;
    const char *mon = rt_metric_name(j->cfg.early.monitor);
    if (h->diverged) {
        snprintf(r->status, sizeof r->status, "diverged at step %lld",
                 (long long)h->diverged_step);
        I->soft_failures++;     /* --strict; a sweep's child reports it as a point */
    } else if (r->pruned)
        snprintf(r->status, sizeof r->status, "pruned at epoch %lld", (long long)h->epochs);
    else if (h->interrupted)
        snprintf(r->status, sizeof r->status, "interrupted in epoch %lld",
                 (long long)h->epochs);
    else if (h->stopped_early)
        snprintf(r->status, sizeof r->status, "stopped early at epoch %lld",
                 (long long)h->epochs);
    else
        snprintf(r->status, sizeof r->status, "ok");
    if ((I->opt.quiet || j->log == 2) && !h->diverged && !h->interrupted)
        return;
    if (h->diverged)
        fprintf(I->out, "training stopped at step %lld: %s\n", (long long)h->diverged_step,
                h->diverged_what);
    else if (h->interrupted)
        fprintf(I->out, "interrupted in epoch %lld: the run keeps the history and the weights "
                "so far\n", (long long)h->epochs);
    else if (h->stopped_early)
        fprintf(I->out, "stopped early after epoch %lld: best %s at epoch %lld%s\n",
                (long long)h->epochs, mon, (long long)h->best_epoch + 1,
                h->restored_best ? ", its weights restored" : "");
}

/* Training by steps prints one line when it ends: the first and last
 * losses (on all the data after each step when full_loss is on). */
static void steps_line(TrainJob *j, const RtHistory *h)
{
    if (j->cfg.steps <= 0 || j->log != 0 || j->I->opt.quiet || h->steps == 0)
        return;
    const double *x = h->step_loss ? h->step_loss : h->batch_loss;
    fprintf(j->I->out, "%lld steps  %s %.4f -> %.4f\n", (long long)h->steps,
            h->step_loss ? "full-data loss" : "batch loss", x[0], x[h->steps - 1]);
}

static FxValue make_run(TrainJob *j, RtModel *rm, RtHistory *h)
{
    steps_line(j, h);
    FxInterp *I = j->I;
    FxRun *r = fx_xcalloc(1, sizeof *r);
    r->h = *h;
    r->loss = j->cfg.loss;
    r->classify = classifies(j->cfg.loss);
    r->has_val = j->val || j->cfg.val_split > 0;
    r->classes = j->data->classes;
    if (r->classify && r->classes < 2)
        r->classes = 2;
    if (j->pruned && !h->diverged) {    /* not a Ctrl-C: the sweep's rung */
        r->pruned = 1;
        r->h.interrupted = 0;
    }
    snprintf(r->label, sizeof r->label, "%s", j->label[0] ? j->label : fx_std(I)->label);
    FxModel *copy = fx_model_copy(j->m);
    copy->weights = rm;
    copy->input = j->data->shape;
    r->model = fx_model_value(I, copy);
    set_status(r, j);
    r->threads = fx_std_thread_count(I);
    if ((j->diagnose || I->opt.diagnose) && !j->lstsq) {
        r->diagnosed = 1;
        FxVerdict v[FX_DK_COUNT];
        int nv = fx_run_diagnose(r, NULL, v);
        fx_diag_print(I->out, r->label, v, nv);
    }
    return fx_foreign_new(&I->heap, &fx_run_type, r);
}

static RtModel *prepare_model(TrainJob *j)
{
    FxInterp *I = j->I;
    /* Validation and the epoch's evaluation run in batches of the training
     * batch, as Keras's validation_batch_size defaults to batch_size: the
     * model's buffers are sized for one training batch, not for the whole
     * validation set (which tripled W1's peak memory). */
    int64_t n = j->data->n, batch = j->cfg.batch > 0 && j->cfg.batch < n ? j->cfg.batch : n;
    FxModel tmp = *j->m;
    RtLayerSpec *specs = NULL;
    if (j->l2 > 0) {               /* train l2: on every kernel without its own */
        specs = fx_xmalloc((size_t)j->m->n * sizeof *specs);
        memcpy(specs, j->m->layers, (size_t)j->m->n * sizeof *specs);
        for (int i = 0; i < j->m->n; i++)
            if ((specs[i].kind == RT_LAYER_DENSE || specs[i].kind == RT_LAYER_CONV2D) &&
                specs[i].l2 == 0)
                specs[i].l2 = j->l2;
        tmp.layers = specs;
    }
    RtModel *rm = fx_model_build(I, &tmp, &j->data->shape, batch, j->n->b->span);
    free(specs);
    if (!rm)
        return NULL;
    FxStd *std = fx_std(I);
    uint64_t run = std->train_calls++;
    uint64_t seed = j->seed_given ? j->seed : mix(std->seed, run);
    rt_model_init(rm, seed);
    j->cfg.seed = mix(seed, 1);
    if (j->cont) {
        RtError e = fx_std_rt_err(I);
        if (!j->m->weights) {
            fx_error_at(I, j->n->a, "continue: true needs a trained model, such as r.model");
        } else if (rt_model_copy_weights(rm, j->m->weights, &e)) {
            fx_rt_error(I, j->n->a->span, &e);
        } else {
            return rm;
        }
        rt_model_free(rm);
        return NULL;
    }
    return rm;
}

/* A checkpoint file that cannot be written is an error before training,
 * not after the first epoch: its missing folders are made, as save's, and
 * its temporary file is made and removed; the path itself is not touched. */
static int check_checkpoint(TrainJob *j)
{
    if (!j->checkpoint[0])
        return 0;
    const char *path = j->checkpoint_path;
    int err = fx_path_make_parents(path);
    if (err) {
        fx_error_at(j->I, fx_option(j->n, "checkpoint")->a, "cannot write '%s': %s",
                    j->checkpoint, strerror(err));
        fx_error_path_hint(j->I, path, 0);
        return -1;
    }
    RtError e = fx_std_rt_err(j->I);
    RtOutFile o;
    if (rt_out_open(&o, path, &e) < 0) {
        const char *why = strstr(e.msg, "': ");
        if (why && strncmp(e.msg, "cannot write '", 14) == 0)
            fx_error_at(j->I, fx_option(j->n, "checkpoint")->a, "cannot write '%s': %s",
                        j->checkpoint, why + 3);
        else
            fx_error_at(j->I, fx_option(j->n, "checkpoint")->a, "%s", e.msg);
        fx_error_path_hint(j->I, path, 0);
        return -1;
    }
    rt_out_close(&o, 0, &e);
    return 0;
}

static int run_gradient(TrainJob *j, FxValue *out)
{
    FxInterp *I = j->I;
    if (check_checkpoint(j))
        return -1;
    RtModel *rm = prepare_model(j);
    if (!rm || choose_loss(j, rm)) {
        rt_model_free(rm);
        return -1;
    }
    /* threads: N gives this run its own pool; the numbers are the same
     * for any thread count, only the time differs. */
    RtError te = fx_std_rt_err(I);
    RtThreads *own = j->threads > 0 ? rt_threads_new(j->threads, &te) : NULL;
    if (j->threads > 0 && !own) {
        rt_model_free(rm);
        return fx_rt_error(I, fx_option(j->n, "threads")->a->span, &te);
    }
    RtThreads *th = own ? own : fx_std_threads(I);
    rt_model_set_threads(rm, th);
    j->cfg.threads = th;
    j->cfg.on_epoch = on_epoch;
    j->cfg.on_batch = on_batch;
    j->cfg.ctx = j;
    j->cfg.layer_stats = j->diagnose || I->opt.diagnose;   /* the evidence diagnosis reads */
    if (j->cfg.early.enabled && !j->monitor_given && !j->val && j->cfg.val_split <= 0)
        j->cfg.early.monitor = RT_METRIC_LOSS;
    clock_gettime(CLOCK_MONOTONIC, &j->start);
    j->epoch_start = j->start;
    RtData train = fx_dataset_rt(j->data), val;
    if (j->val)
        val = fx_dataset_rt(j->val);
    RtHistory h = {0};
    RtError e = fx_std_rt_err(I);
    int rc = rt_train(rm, &train, j->val ? &val : NULL, &j->cfg, &h, &e);
    clear_progress(j);
    rt_model_set_threads(rm, fx_std_threads(I));   /* own may go; the model stays */
    rt_threads_free(own);
    if (rc) {
        rt_history_free(&h);
        rt_model_free(rm);
        return fx_rt_error(I, j->n->span, &e);
    }
    *out = make_run(j, rm, &h);
    return 0;
}

int fx_eval_train(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    /* An earlier train of this statement was interrupted (a loop, a
     * function, a sweep body with two trains): one Ctrl-C stops them all. */
    if (I->interrupt_pending) {
        I->interrupt_seen = 1;
        return fx_error_at(I, n, "interrupted");
    }
    TrainJob j = {0};
    j.I = I;
    j.n = n;
    j.env = env;
    j.modelv = j.datav = j.valv = fx_none();
    int rc = -1;
    if (!target_model(I, n->a, env, &j.modelv, &j.m) &&
        !data_arg(I, n->b, env, &j.datav, &j.data) && !fx_train_read_options(&j)) {
        if (j.val && (!rt_shape_equal(&j.val->shape, &j.data->shape) ||
                      j.val->ydim != j.data->ydim)) {
            char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE];
            fx_error_at(I, fx_option(n, "validate")->a, "the validation samples are %s but the "
                        "training samples are %s", rt_shape_str(&j.val->shape, a, sizeof a),
                        rt_shape_str(&j.data->shape, b, sizeof b));
        } else {
            rc = fx_out_begin(I, n);
            if (rc == 0)
                rc = j.lstsq ? fx_train_lstsq(&j, out) : run_gradient(&j, out);
            if (rc == 0 && I->opt.out_dir &&
                fx_out_record(I, n, *out, fx_std(I)->point_params, fx_std(I)->label, NULL)) {
                fx_unref(*out);
                rc = -1;
            }
        }
    }
    fx_unref(j.modelv);
    fx_unref(j.datav);
    fx_unref(j.valv);
    return rc;
}

/* ---- evaluate and predict ---------------------------------------------------------------- */

/* The trained model of a run or model value, with the run's loss when known. */
static int trained(FxInterp *I, const FxNode *at, FxEnv *env, FxValue *v, RtModel **rm,
                   int *loss)
{
    if (fx_eval(I, at, env, v))
        return -1;
    FxRun *run = fx_value_run(*v);
    FxModel *m = run ? fx_value_model(run->model) : fx_value_model(*v);
    *loss = run ? (int)run->loss : -1;
    if (m && m->weights) {
        *rm = m->weights;
        return 0;
    }
    fx_error_at(I, at, "expected a trained model or a run, got %s",
                m ? "a model that has not been trained" : fx_type_phrase(*v));
    if (m)
        fx_error_hint(I, "train it first: let r = train %s on DATA, then use r or r.model",
                      m->name);
    return -1;
}

/* evaluate's and predict's options: loss: (a loss name) and batch:. The
 * model is cloned for a fixed batch size, so the same weights give the
 * same numbers however the model was built (trained or loaded). */
static int eval_options(FxInterp *I, const FxNode *n, FxEnv *env, int *loss, int64_t *batch)
{
    static const char *const names[] = {"cross_entropy", "mse", "binary_cross_entropy", "bce"};
    FxValue v;
    int given;
    *batch = 256;
    if (fx_eval_option(I, n, "batch", env, &v, &given))
        return -1;
    if (given) {
        int ok = v.type == FX_NUM && v.as.n >= 1 && v.as.n <= 1e6 && v.as.n == floor(v.as.n);
        *batch = ok ? (int64_t)v.as.n : 0;
        fx_unref(v);
        if (!ok)
            return fx_error_at(I, fx_option(n, "batch")->a, "batch: needs a whole number from "
                               "1 to 1000000");
    }
    if (fx_eval_option(I, n, "loss", env, &v, &given) || !given)
        return given ? -1 : 0;
    for (int k = 0; k < 4; k++)
        if (v.type == FX_STR && !strcmp(fx_as_str(v)->s, names[k])) {
            *loss = k == 0 ? RT_LOSS_CROSS_ENTROPY : k == 1 ? RT_LOSS_MSE : RT_LOSS_BCE;
            fx_unref(v);
            return 0;
        }
    fx_unref(v);
    return fx_error_at(I, fx_option(n, "loss")->a, "loss: is cross_entropy, mse or "
                       "binary_cross_entropy");
}

static RtModel *eval_clone(FxInterp *I, const FxNode *n, RtModel *rm, int64_t batch,
                           const FxDataset *d)
{
    RtShape in = rt_model_input_shape(rm);
    char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE];
    if (!rt_shape_equal(&in, &d->shape)) {
        fx_error_at(I, n->b, "the model takes samples of %s, the dataset has %s",
                    rt_shape_str(&in, a, sizeof a), rt_shape_str(&d->shape, b, sizeof b));
        return NULL;
    }
    RtError e = fx_std_rt_err(I);
    RtModel *c = rt_model_clone(rm, batch < d->n ? batch : d->n, &e);
    if (!c)
        fx_rt_error(I, n->span, &e);
    return c;
}

int fx_eval_evaluate(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue mv = fx_none(), dv = fx_none();
    RtModel *rm, *c = NULL;
    FxDataset *d;
    int loss, rc = -1;
    int64_t batch;
    if (!trained(I, n->a, env, &mv, &rm, &loss) && !data_arg(I, n->b, env, &dv, &d) &&
        !eval_options(I, n, env, &loss, &batch) && (c = eval_clone(I, n, rm, batch, d))) {
        RtShape os = rt_model_output_shape(rm);
        if (loss < 0)
            loss = d->classes < 2 ? RT_LOSS_MSE
                 : rt_shape_numel(&os) == 1 ? RT_LOSS_BCE : RT_LOSS_CROSS_ENTROPY;
        RtData data = fx_dataset_rt(d);
        double l, acc;
        RtError e = fx_std_rt_err(I);
        if (rt_evaluate(c, &data, (RtLossKind)loss, 0, &l, &acc, &e)) {
            fx_rt_error(I, n->span, &e);
        } else {
            *out = fx_record_new(&I->heap);
            fx_record_set(*out, fx_intern_cstr(&I->intern, "loss"), fx_num(l));
            if (!isnan(acc))
                fx_record_set(*out, fx_intern_cstr(&I->intern, "accuracy"), fx_num(acc));
            rc = 0;
        }
    }
    rt_model_free(c);
    fx_unref(mv);
    fx_unref(dv);
    return rc;
}

static FxValue outputs_value(FxInterp *I, const float *y, int64_t n, int64_t w)
{
    FxValue l = fx_list_new(&I->heap, (size_t)n);
    for (int64_t i = 0; i < n; i++) {
        if (w == 1) {
            fx_list_push_value(l, fx_num(y[i]));
            continue;
        }
        FxValue row = fx_list_new(&I->heap, (size_t)w);
        for (int64_t k = 0; k < w; k++)
            fx_list_push_value(row, fx_num(y[i * w + k]));
        fx_list_push_value(l, row);
    }
    return l;
}

int fx_eval_predict(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue mv = fx_none(), dv = fx_none();
    RtModel *rm, *c = NULL;
    FxDataset *d;
    int loss, rc = -1;
    int64_t batch;
    if (!trained(I, n->a, env, &mv, &rm, &loss) && !data_arg(I, n->b, env, &dv, &d) &&
        !eval_options(I, n, env, &loss, &batch) && (c = eval_clone(I, n, rm, batch, d))) {
        RtShape os = rt_model_output_shape(rm);
        int64_t w = rt_shape_numel(&os);
        RtError e = fx_std_rt_err(I);
        float *y = rt_alloc(d->n * w, sizeof *y, "predictions", &e);
        if (!y || rt_predict(c, d->x, d->n, 0, y, &e)) {
            fx_rt_error(I, n->span, &e);
        } else {
            *out = outputs_value(I, y, d->n, w);
            rc = 0;
        }
        rt_free(y);
    }
    rt_model_free(c);
    fx_unref(mv);
    fx_unref(dv);
    return rc;
}
