/* Reading `train`'s options into the runtime's RtTrainConfig: every option
 * checked for its type and range with a located error, and the defaults a
 * PyTorch or Keras user expects (batch 32, shuffled, 1 epoch, Adam). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exp_train.h"

/* train's options: each one's name, the form of its value and its line in
 * :help train, in that order. The REPL completes them and the resolver
 * checks programs against them; fx_train_read_options below reads and
 * validates every one; tests/unit/test_options.c holds man/fx.7 to them.
 * A new option is a row here, its reading below, and fx.7. */
const FxOptionDef fx_train_options[] = {
    {"epochs", "N", "passes over the data (default 1)"},
    {"steps", "N", "optimizer steps to take, instead of epochs"},
    {"batch", "N", "samples per step (default 32)"},
    {"shuffle", "BOOL", "a new order every epoch (default true)"},
    {"validate", "DATA", "a validation set: r.val_loss, r.val_accuracy"},
    {"validation_split", "F", "validate on the last fraction F of the data"},
    {"stratify", "BOOL", "the split shuffled and stratified by class"},
    {"loss", "\"NAME\"", "\"cross_entropy\", \"mse\", \"binary_cross_entropy\""},
    {"optimizer", "OPT", "sgd(...), adam(...) (the default), adamw, ..."},
    {"schedule", "SCHED", "step_lr, exponential_lr, cosine_lr, warmup, plateau"},
    {"l2", "X", "L2 penalty on kernels that have none of their own"},
    {"early_stopping", "true", "stop when val_loss (or loss) stops improving"},
    {"patience", "N", "early stopping after N epochs without a gain"},
    {"checkpoint", "\"FILE\"", "the best weights so far, as safetensors"},
    {"log", "\"epoch\"", "a line per \"epoch\", per \"batch\", or \"none\""},
    {"log_every", "N", "the line of every Nth epoch (or batch) and the last (default 1)"},
    {"full_loss", "BOOL", "the loss on all the data after each step"},
    {"resample", "BOOL", "each step draws its batch anew from all the data"},
    {"clip_norm", "X", "scale gradients down to an L2 norm of at most X"},
    {"clip_value", "X", "clip each gradient to [-X, X]"},
    {"seed", "N", "this run's seed (weights, shuffles, dropout)"},
    {"threads", "N", "threads for this run (default: --threads, or the cores)"},
    {"continue", "BOOL", "go on from the weights of the run trained"},
    {"diagnose", "BOOL", "print the run's diagnosis when it ends (fx --diagnose: every run)"},
    {"solver", "\"NAME\"", "\"gradient\" (default) or \"lstsq\" (closed form)"},
    {"label", "\"TEXT\"", "the run's name in plots and tables"},
    {0}};

/* What :help train shows after the options. */
const char fx_train_options_note[] =
    "early_stopping may also be a record, such as {monitor: \"val_accuracy\",\n"
    "patience: 3, min_delta: 0.001, restore_best: true}; patience is 10 unless\n"
    "given, and the monitor val_loss (loss without validation).\n";

static int opt_span_error(TrainJob *j, const char *name, const char *fmt, const char *what)
{
    const FxNode *k = fx_option(j->n, name);
    return fx_error(j->I, k ? k->a->span : j->n->span, fmt, name, what);
}

static int get(TrainJob *j, const char *name, FxValue *v, int *given)
{
    return fx_eval_option(j->I, j->n, name, j->env, v, given);
}

/* A number option in [lo, hi]; whole numbers only when `whole`. */
static int num_opt(TrainJob *j, const char *name, double lo, double hi, int whole, double *out)
{
    FxValue v;
    int given;
    if (get(j, name, &v, &given))
        return -1;
    if (!given)
        return 0;
    int ok = v.type == FX_NUM && v.as.n >= lo && v.as.n <= hi &&
             (!whole || v.as.n == floor(v.as.n));
    double x = v.type == FX_NUM ? v.as.n : 0;
    fx_unref(v);
    if (!ok) {
        char what[96];
        snprintf(what, sizeof what, "%s from %g to %g", whole ? "a whole number" : "a number",
                 lo, hi);
        return opt_span_error(j, name, "train %s: needs %s", what);
    }
    *out = x;
    return 0;
}

static int bool_opt(TrainJob *j, const char *name, int *out)
{
    FxValue v;
    int given;
    if (get(j, name, &v, &given))
        return -1;
    if (!given)
        return 0;
    int ok = v.type == FX_BOOL;
    if (ok)
        *out = v.as.b;
    fx_unref(v);
    return ok ? 0 : opt_span_error(j, name, "train %s: needs %s", "true or false");
}

/* A string option that must be one of `choices` (NULL-terminated); *out
 * is its index. */
static int choice_opt(TrainJob *j, const char *name, const char *const *choices, int *out)
{
    FxValue v;
    int given;
    if (get(j, name, &v, &given))
        return -1;
    if (!given)
        return 0;
    int n = 0;
    while (choices[n])
        n++;
    if (v.type == FX_STR)
        for (int i = 0; i < n; i++)
            if (!strcmp(fx_as_str(v)->s, choices[i])) {
                *out = i;
                fx_unref(v);
                return 0;
            }
    const FxNode *k = fx_option(j->n, name);
    if (v.type == FX_STR)
        fx_error(j->I, k->a->span, "train %s: unknown value \"%s\"", name, fx_as_str(v)->s);
    else
        fx_error(j->I, k->a->span, "train %s: needs a string, got %s", name, fx_type_phrase(v));
    const char *s = v.type == FX_STR ? fx_diag_suggest(fx_as_str(v)->s, choices, n) : NULL;
    FxBuf b;
    fx_buf_init(&b);
    for (int i = 0; i < n; i++)
        fx_buf_printf(&b, "%s\"%s\"", i ? ", " : "", choices[i]);
    if (s)
        fx_error_hint(j->I, "did you mean \"%s\"?", s);
    else
        fx_error_hint(j->I, "use one of %s", b.s);
    fx_buf_free(&b);
    fx_unref(v);
    return -1;
}

static int loss_opt(TrainJob *j)
{
    static const char *const names[] = {"cross_entropy", "mse", "binary_cross_entropy", "bce",
                                        NULL};
    int k = -1;
    if (choice_opt(j, "loss", names, &k))
        return -1;
    j->loss_given = k >= 0;
    j->cfg.loss = k == 0 ? RT_LOSS_CROSS_ENTROPY : k == 1 ? RT_LOSS_MSE : RT_LOSS_BCE;
    return 0;
}

/* An option whose value must be a foreign value of type t: its data is
 * copied into `copy` (size bytes); *given says whether it was there. */
static int foreign_opt(TrainJob *j, const char *name, const FxForeignType *t, void *copy,
                       size_t size, int *given, const char *what)
{
    FxValue v;
    if (get(j, name, &v, given))
        return -1;
    if (!*given)
        return 0;
    int ok = v.type == FX_FOREIGN && fx_as_foreign(v)->type == t;
    if (ok)
        memcpy(copy, fx_as_foreign(v)->data, size);
    fx_unref(v);
    return ok ? 0 : opt_span_error(j, name, "train %s: needs %s", what);
}

static int optimizer_opt(TrainJob *j)
{
    FxOptimizer o;
    int given;
    if (foreign_opt(j, "optimizer", &fx_optimizer_type, &o, sizeof o, &given,
                    "an optimizer such as adam(lr: 0.001)")) {
        fx_error_hint(j->I, "the optimizers are sgd, adam, adamw, rmsprop and adagrad");
        return -1;
    }
    if (given)
        j->cfg.optim = o.cfg;
    return 0;
}

static int schedule_opt(TrainJob *j)
{
    FxSchedule s;
    int given;
    if (foreign_opt(j, "schedule", &fx_schedule_type, &s, sizeof s, &given,
                    "a schedule such as cosine_lr(20) or step_lr(10)"))
        return -1;
    if (!given)
        return 0;
    if (s.plateau) {
        j->cfg.plateau_enabled = 1;
        j->cfg.plateau = s.plat;
        j->cfg.plateau_monitor = s.monitor;
    } else {
        j->cfg.schedule = s.sched;
        j->cfg.schedule_per_step = s.per_step;
    }
    j->has_schedule = 1;
    return 0;
}

static int metric_named(const char *s, RtMetric *out)
{
    static const char *const names[] = {"loss", "accuracy", "val_loss", "val_accuracy"};
    for (int k = 0; k < 4; k++)
        if (!strcmp(s, names[k])) {
            *out = (RtMetric)k;
            return 0;
        }
    return -1;
}

/* early_stopping: {monitor:, patience:, min_delta:, restore_best:} or
 * true; patience: N is the short form. */
static int early_opt(TrainJob *j)
{
    FxValue v;
    int given;
    double patience = -1;
    if (num_opt(j, "patience", 0, 1e9, 1, &patience) || get(j, "early_stopping", &v, &given))
        return -1;
    RtEarlyStop *e = &j->cfg.early;
    e->monitor = RT_METRIC_VAL_LOSS;
    e->patience = patience >= 0 ? (int64_t)patience : 10;
    e->enabled = patience >= 0 || (given && !(v.type == FX_BOOL && !v.as.b));
    j->monitor_given = 0;
    if (!given || v.type == FX_BOOL) {
        fx_unref(v);
        return 0;
    }
    const FxNode *at = fx_option(j->n, "early_stopping")->a;
    int rc = 0;
    if (v.type != FX_RECORD) {
        rc = fx_error_at(j->I, at, "train early_stopping: needs a record such as {monitor: "
                         "\"val_loss\", patience: 3, restore_best: true}, or true");
    } else {
        FxRecord *r = fx_as_record(v);
        for (int i = 0; i < r->n && !rc; i++) {
            const char *k = r->keys[i];
            FxValue x = r->vals[i];
            if (!strcmp(k, "monitor") && x.type == FX_STR) {
                if (metric_named(fx_as_str(x)->s, &e->monitor)) {
                    static const char *const m[] = {"loss", "accuracy", "val_loss", "val_accuracy"};
                    rc = fx_error_at(j->I, at, "train early_stopping: unknown monitor \"%s\"",
                                     fx_as_str(x)->s);
                    const char *sug = fx_diag_suggest(fx_as_str(x)->s, m, 4);
                    if (sug)
                        fx_error_hint(j->I, "did you mean \"%s\"?", sug);
                    else
                        fx_error_hint(j->I, "monitor loss, accuracy, val_loss or val_accuracy");
                }
                j->monitor_given = 1;
            }
            else if (!strcmp(k, "patience") && x.type == FX_NUM && x.as.n >= 0 && x.as.n == floor(x.as.n))
                e->patience = (int64_t)x.as.n;
            else if (!strcmp(k, "min_delta") && x.type == FX_NUM && x.as.n >= 0)
                e->min_delta = x.as.n;
            else if (!strcmp(k, "restore_best") && x.type == FX_BOOL)
                e->restore_best = x.as.b;
            else
                rc = fx_error_at(j->I, at, "train early_stopping: bad field '%s' (monitor: "
                                 "\"val_loss\"|\"val_accuracy\"|\"loss\"|\"accuracy\", patience: "
                                 "whole number, min_delta: number, restore_best: bool)", k);
        }
    }
    fx_unref(v);
    return rc;
}

static int data_opt(TrainJob *j)
{
    FxValue v;
    int given;
    if (get(j, "validate", &v, &given))
        return -1;
    if (!given)
        return 0;
    j->val = fx_value_dataset(v);
    if (!j->val) {
        fx_unref(v);
        return opt_span_error(j, "validate", "train %s: needs %s", "a dataset");
    }
    j->valv = v;
    return 0;
}

static int string_opt(TrainJob *j, const char *name, char *out, size_t cap)
{
    FxValue v;
    int given;
    if (get(j, name, &v, &given))
        return -1;
    if (!given)
        return 0;
    int ok = v.type == FX_STR && fx_as_str(v)->len > 0 && fx_as_str(v)->len < cap;
    if (ok)
        memcpy(out, fx_as_str(v)->s, fx_as_str(v)->len + 1);
    fx_unref(v);
    return ok ? 0 : opt_span_error(j, name, "train %s: needs %s", "a non-empty string");
}

static int counts(TrainJob *j)
{
    double epochs = 1, steps = 0, batch = 32, threads = 0, seed = -1;
    if (num_opt(j, "epochs", 1, 1e7, 1, &epochs) || num_opt(j, "steps", 1, 1e9, 1, &steps) ||
        num_opt(j, "batch", 1, 1e8, 1, &batch) || num_opt(j, "threads", 1, 256, 1, &threads) ||
        num_opt(j, "seed", 0, 9007199254740992.0, 1, &seed))
        return -1;
    if (fx_option(j->n, "epochs") && fx_option(j->n, "steps"))
        return fx_error_at(j->I, fx_option(j->n, "steps"), "train takes epochs: or steps:, "
                           "not both");
    j->cfg.epochs = (int64_t)epochs;
    j->cfg.steps = (int64_t)steps;
    j->cfg.batch = (int64_t)batch;
    j->threads = (int)threads;
    j->seed_given = seed >= 0;
    j->seed = seed >= 0 ? (uint64_t)seed : 0;
    return 0;
}

int fx_train_read_options(TrainJob *j)
{
    static const char *const logs[] = {"epoch", "batch", "none", NULL};
    static const char *const solvers[] = {"gradient", "lstsq", NULL};
    int log = 0, solver = 0;
    double log_every = 1;
    rt_train_defaults(&j->cfg);
    j->cfg.shuffle = 1;
    if (counts(j) || loss_opt(j) || optimizer_opt(j) || schedule_opt(j) || early_opt(j) ||
        data_opt(j) || bool_opt(j, "shuffle", &j->cfg.shuffle) ||
        num_opt(j, "validation_split", 0, 0.99, 0, &j->cfg.val_split) ||
        bool_opt(j, "stratify", &j->cfg.val_split_shuffle) ||
        num_opt(j, "l2", 0, 1e9, 0, &j->l2) ||
        string_opt(j, "checkpoint", j->checkpoint, sizeof j->checkpoint) ||
        choice_opt(j, "log", logs, &log) || num_opt(j, "log_every", 1, 1e9, 1, &log_every) ||
        bool_opt(j, "full_loss", &j->cfg.full_loss) ||
        bool_opt(j, "resample", &j->cfg.sample_per_step) ||
        num_opt(j, "clip_norm", 0, 1e30, 0, &j->cfg.clip_norm) ||
        num_opt(j, "clip_value", 0, 1e30, 0, &j->cfg.clip_value) ||
        bool_opt(j, "continue", &j->cont) || bool_opt(j, "diagnose", &j->diagnose) || choice_opt(j, "solver", solvers, &solver) ||
        string_opt(j, "label", j->label, sizeof j->label))
        return -1;
    j->log = log;
    j->log_every = (int64_t)log_every;
    j->lstsq = solver == 1;
    if (j->cfg.val_split_shuffle && j->cfg.val_split <= 0)
        return fx_error_at(j->I, fx_option(j->n, "stratify")->a,
                           "train stratify: needs validation_split:");
    if (j->val && j->cfg.val_split > 0)
        return fx_error_at(j->I, fx_option(j->n, "validation_split"),
                           "train takes validate: or validation_split:, not both");
    if (j->checkpoint[0]) {
        char *p = fx_path_script(j->I, j->checkpoint);
        snprintf(j->checkpoint_path, sizeof j->checkpoint_path, "%s", p);
        free(p);
        j->cfg.checkpoint = j->checkpoint_path;
    }
    return 0;
}
