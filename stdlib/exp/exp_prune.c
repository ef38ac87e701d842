/* Pruning a sweep's bad points by successive halving (Jamieson and
 * Talwalkar 2016, counted in epochs): `halving(min_epochs: 1, eta: 3,
 * monitor: "val_loss")` is the value of a sweep's `prune:` option, and
 * fx_prune_score ranks a point's result at a rung: its monitored metric's
 * best value so far, lower is better (accuracies are negated), NaN and
 * missing values last. The rungs themselves run in exp_sweep.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

static void pruner_describe(const void *data, FxBuf *out)
{
    const FxPruner *p = data;
    fx_buf_printf(out, "halving(min_epochs: %lld, eta: %d", (long long)p->min_epochs, p->eta);
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
    FxPruner *p = fx_xcalloc(1, sizeof *p);
    p->min_epochs = min_epochs;
    p->eta = (int)eta;
    if (c->given[2]) {
        FxValue m = c->args[2];
        int ok = 0;
        for (int i = 0; i < 4 && m.type == FX_STR; i++)
            ok |= strcmp(fx_as_str(m)->s, monitors[i]) == 0;
        if (!ok) {
            free(p);
            fx_error(c->I, fx_arg_span(c, 2), "monitor: is \"loss\", \"accuracy\", "
                     "\"val_loss\" or \"val_accuracy\"");
            if (m.type == FX_STR) {
                const char *s = fx_diag_suggest(fx_as_str(m)->s, monitors, 4);
                if (s)
                    fx_error_hint(c->I, "did you mean \"%s\"?", s);
            }
            return -1;
        }
        snprintf(p->monitor, sizeof p->monitor, "%s", fx_as_str(m)->s);
    }
    *out = fx_foreign_new(&c->I->heap, &pruner_type, p);
    return 0;
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
};

void fx_exp_prune_init(FxInterp *I)
{
    fx_define_builtins(I, prune_builtins, 1);
}
