/* Pruning a sweep's bad points, the value of a sweep's `prune:` option:
 * successive halving (Jamieson and Talwalkar 2016, counted in epochs),
 * `halving(min_epochs: 1, eta: 3, monitor: "val_loss")`, whose rungs run
 * in exp_sweep.c, with fx_prune_score ranking a point's result at a rung:
 * its monitored metric's best value so far, lower is better (accuracies
 * are negated), NaN and missing values last; and the median rule,
 * `median(warmup: 0, startup: 5, monitor:)` as Optuna's MedianPruner,
 * which training asks after every epoch (fx_prune_median_stop) while the
 * sweep runs its points one after another. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

static void pruner_describe(const void *data, FxBuf *out)
{
    const FxPruner *p = data;
    if (p->median)
        fx_buf_printf(out, "median(warmup: %lld, startup: %d", (long long)p->warmup,
                      p->startup);
    else
        fx_buf_printf(out, "halving(min_epochs: %lld, eta: %d", (long long)p->min_epochs,
                      p->eta);
    if (p->monitor[0])
        fx_buf_printf(out, ", monitor: \"%s\"", p->monitor);
    fx_buf_puts(out, ")");
}

static const FxForeignType pruner_type = {
    .name = "pruner", .phrase = "a pruner", .free = free, .describe = pruner_describe,
};

FxPruner *fx_value_pruner(FxValue v)
{
    if (v.type == FX_FOREIGN && fx_as_foreign(v)->type == &pruner_type)
        return fx_as_foreign(v)->data;
    return NULL;
}

static const char *const monitors[] = {"loss", "accuracy", "val_loss", "val_accuracy"};

/* Argument i, monitor:, into p->monitor (left "" when not given). */
static int monitor_arg(FxCall *c, int i, FxPruner *p)
{
    if (!c->given[i])
        return 0;
    FxValue m = c->args[i];
    int ok = 0;
    for (int k = 0; k < 4 && m.type == FX_STR; k++)
        ok |= strcmp(fx_as_str(m)->s, monitors[k]) == 0;
    if (!ok) {
        fx_error(c->I, fx_arg_span(c, i), "monitor: is \"loss\", \"accuracy\", "
                 "\"val_loss\" or \"val_accuracy\"");
        if (m.type == FX_STR) {
            const char *s = fx_diag_suggest(fx_as_str(m)->s, monitors, 4);
            if (s)
                fx_error_hint(c->I, "did you mean \"%s\"?", s);
        }
        return -1;
    }
    snprintf(p->monitor, sizeof p->monitor, "%s", fx_as_str(m)->s);
    return 0;
}

static int pruner_value(FxCall *c, FxPruner *p, int monitor_at, FxValue *out)
{
    FxPruner *q = fx_xcalloc(1, sizeof *q);
    *q = *p;
    if (monitor_arg(c, monitor_at, q)) {
        free(q);
        return -1;
    }
    *out = fx_foreign_new(&c->I->heap, &pruner_type, q);
    return 0;
}

/* halving(min_epochs: 1, eta: 3, monitor: "val_loss") */
static int b_halving(FxCall *c, FxValue *out)
{
    long long min_epochs, eta;
    if (fx_arg_opt_int(c, 0, 1, &min_epochs) || fx_arg_opt_int(c, 1, 3, &eta))
        return -1;
    if (min_epochs < 1 || min_epochs > 1000000)
        return fx_error(c->I, fx_arg_span(c, 0), "min_epochs: needs a whole number from 1");
    if (eta < 2 || eta > 100)
        return fx_error(c->I, fx_arg_span(c, 1), "eta: needs a whole number from 2 to 100 "
                        "(the share of points each rung keeps is 1/eta)");
    FxPruner p = {.min_epochs = min_epochs, .eta = (int)eta};
    return pruner_value(c, &p, 2, out);
}

/* median(warmup: 0, startup: 5, monitor: "val_loss"): Optuna's
 * MedianPruner with its defaults (n_warmup_steps 0, n_startup_trials 5). */
static int b_median(FxCall *c, FxValue *out)
{
    long long warmup, startup;
    if (fx_arg_opt_int(c, 0, 0, &warmup) || fx_arg_opt_int(c, 1, 5, &startup))
        return -1;
    if (warmup < 0 || warmup > 1000000)
        return fx_error(c->I, fx_arg_span(c, 0), "warmup: needs a whole number of epochs "
                        "from 0");
    if (startup < 0 || startup > 100000)
        return fx_error(c->I, fx_arg_span(c, 1), "startup: needs a whole number of points "
                        "from 0 (those that must finish before any is stopped)");
    FxPruner p = {.median = 1, .warmup = warmup, .startup = (int)startup};
    return pruner_value(c, &p, 2, out);
}

/* ---- the median rule ------------------------------------------------------ */

/* The finished points' monitored curves (lower is better) and the best
 * value so far of the run training now. */
struct FxMedian {
    FxPruner  p;
    double  **curve;
    int64_t  *len;
    int       n;
    double    best;
};

FxMedian *fx_median_new(const FxPruner *p)
{
    FxMedian *m = fx_xcalloc(1, sizeof *m);
    m->p = *p;
    m->best = INFINITY;
    return m;
}

void fx_median_free(FxMedian *m)
{
    if (!m)
        return;
    for (int i = 0; i < m->n; i++)
        free(m->curve[i]);
    free(m->curve);
    free(m->len);
    free(m);
}

/* The monitor of a run: "" is val_loss with validation, else loss. */
static const char *monitor_of(const FxPruner *p, int has_val)
{
    return p->monitor[0] ? p->monitor : has_val ? "val_loss" : "loss";
}

static double signed_value(const char *m, double loss, double acc, double vloss, double vacc)
{
    return !strcmp(m, "loss") ? loss : !strcmp(m, "val_loss") ? vloss
         : !strcmp(m, "accuracy") ? -acc : -vacc;
}

/* A point's run that trained to its end (not pruned, not diverged, as
 * Optuna counts only complete trials) joins the rule's history. */
static void median_add_run(FxMedian *m, const FxRun *r)
{
    const RtHistory *h = &r->h;
    if (r->pruned || h->diverged || h->epochs <= 0)
        return;
    const char *mon = monitor_of(&m->p, r->has_val);
    double *c = fx_xcalloc((size_t)h->epochs, sizeof *c);
    for (int64_t e = 0; e < h->epochs; e++)
        c[e] = signed_value(mon, h->loss ? h->loss[e] : NAN,
                            h->accuracy ? h->accuracy[e] : NAN,
                            h->val_loss ? h->val_loss[e] : NAN,
                            h->val_accuracy ? h->val_accuracy[e] : NAN);
    m->curve = fx_xrealloc(m->curve, (size_t)(m->n + 1) * sizeof *m->curve);
    m->len = fx_xrealloc(m->len, (size_t)(m->n + 1) * sizeof *m->len);
    m->curve[m->n] = c;
    m->len[m->n++] = h->epochs;
}

void fx_median_add(FxMedian *m, FxValue result)
{
    const FxRun *r = fx_value_run(result);
    if (r) {
        median_add_run(m, r);
        return;
    }
    const FxRepeats *rp = fx_value_repeats(result);
    for (int i = 0; rp && i < fx_repeats_count(rp); i++)
        if ((r = fx_value_run(fx_repeats_result(rp, i))))
            median_add_run(m, r);
}

static int cmp_num(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* After epoch e of a run: stop it when, past the warm-up and once
 * `startup` points have finished, its best value so far is worse than
 * the median (numpy's, the middle two averaged) of the finished points'
 * values at epoch e. Never at the run's last epoch: it is complete. */
int fx_prune_median_stop(FxMedian *m, const RtEpochInfo *e, int has_val)
{
    if (!m)
        return 0;
    const char *mon = monitor_of(&m->p, has_val);
    double v = signed_value(mon, e->loss, e->accuracy, e->val_loss, e->val_accuracy);
    if (e->epoch <= 1)
        m->best = INFINITY;
    if (!isnan(v) && v < m->best)
        m->best = v;
    if (e->epoch >= e->epochs || e->epoch <= m->p.warmup || m->n < m->p.startup || m->n == 0)
        return 0;
    double *at = fx_xcalloc((size_t)m->n, sizeof *at);
    int k = 0;
    for (int i = 0; i < m->n; i++)
        if (m->len[i] >= e->epoch && !isnan(m->curve[i][e->epoch - 1]))
            at[k++] = m->curve[i][e->epoch - 1];
    int stop = 0;
    if (k > 0) {
        qsort(at, (size_t)k, sizeof *at, cmp_num);
        double med = k % 2 ? at[k / 2] : (at[k / 2 - 1] + at[k / 2]) / 2;
        stop = isinf(m->best) || m->best > med;   /* no value at all: Optuna prunes */
    }
    free(at);
    return stop;
}

/* One run's score: its monitor's best value over the epochs it ran. */
static double run_score(const FxRun *r, const char *monitor)
{
    const RtHistory *h = &r->h;
    const char *m = monitor[0] ? monitor : r->has_val ? "val_loss" : "loss";
    const double *x = !strcmp(m, "loss") ? h->loss
                    : !strcmp(m, "val_loss") && r->has_val ? h->val_loss
                    : !strcmp(m, "accuracy") && r->classify ? h->accuracy
                    : !strcmp(m, "val_accuracy") && r->has_val && r->classify
                      ? h->val_accuracy : NULL;
    int up = strstr(m, "accuracy") != NULL;
    double best = INFINITY;
    for (int64_t e = 0; x && e < h->epochs; e++)
        if (!isnan(x[e]) && (up ? -x[e] : x[e]) < best)
            best = up ? -x[e] : x[e];
    return h->diverged ? INFINITY : best;
}

double fx_prune_score(FxValue result, const FxPruner *p, int *pruned)
{
    *pruned = 0;
    const FxRun *r = fx_value_run(result);
    if (r) {
        *pruned = r->pruned;
        return run_score(r, p->monitor);
    }
    const FxRepeats *rp = fx_value_repeats(result);
    if (!rp)
        return NAN;
    double sum = 0;
    int n = fx_repeats_count(rp);
    for (int i = 0; i < n; i++) {
        const FxRun *ri = fx_value_run(fx_repeats_result(rp, i));
        if (!ri)
            return NAN;
        *pruned |= ri->pruned;
        sum += run_score(ri, p->monitor);
    }
    return n ? sum / n : NAN;
}

static const FxBuiltin prune_builtins[] = {
    {"halving", "min_epochs=, eta=, monitor=", b_halving,
     "for a sweep's prune: successive halving, keeping the best 1/eta of the points at "
     "each rung"},
    {"median", "warmup=, startup=, monitor=", b_median,
     "for a sweep's prune: stop a point whose best so far is worse than the median of the "
     "finished points at the same epoch (Optuna's MedianPruner)"},
};

void fx_exp_prune_init(FxInterp *I)
{
    fx_define_builtins(I, prune_builtins, 2);
}
