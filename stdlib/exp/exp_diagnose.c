/* diagnose(RUN or RECORD, thresholds...): prints a run's verdicts and
 * returns them as a record keyed by kind; also what r.diagnosis is. A
 * record of curves ({loss:, val_loss:, accuracy:, val_accuracy:,
 * batch_loss:, classes:, val_n:, and layers: as r.layers gives with
 * layer_batch:}) is diagnosed alike, so recorded histories can be
 * checked without training. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "diag/verdict.h"
#include "experiment.h"

int fx_run_diagnose(const FxRun *r, const FxDiagLimits *lim, FxVerdict *out)
{
    const RtHistory *h = &r->h;
    FxDiagInput in = {
        .epochs = h->epochs, .loss = h->loss,
        .accuracy = r->classify ? h->accuracy : NULL,
        .val_loss = r->has_val ? h->val_loss : NULL,
        .val_accuracy = r->has_val && r->classify ? h->val_accuracy : NULL,
        .lr = h->lr, .steps = h->steps, .batch_loss = h->batch_loss,
        .classes = r->classify ? r->classes : 0, .diverged = h->diverged,
        .diverged_step = h->diverged_step, .val_n = h->val_n,
        .layers = h->layer.layers, .grad_norm = h->layer.grad_norm, .step = h->layer.step,
        .dead = h->layer.dead, .saturated = h->layer.saturated, .layer_batch = h->layer.batch};
    if (!in.grad_norm || !in.step || !in.dead || !in.saturated)
        in.layers = 0;
    FxDiagLimits d;
    if (!lim) {
        fx_diag_limits_default(&d);
        lim = &d;
    }
    char (*names)[64] = in.layers > 0 ? fx_xcalloc((size_t)in.layers, sizeof *names) : NULL;
    const char **np = in.layers > 0 ? fx_xcalloc((size_t)in.layers, sizeof *np) : NULL;
    for (int i = 0; i < in.layers; i++)
        np[i] = fx_run_layer_name(r, i, names[i], sizeof names[i]);
    in.layer_names = np;
    int n = fx_diagnose(&in, lim, out);
    free(np);
    free(names);
    return n;
}

FxValue fx_run_diagnosis(FxInterp *I, const FxRun *r)
{
    FxVerdict v[FX_DK_COUNT];
    int n = fx_run_diagnose(r, NULL, v);
    return fx_diag_value(I, v, n);
}

/* A record's curve `key` into *x (NULL when absent); -1 on a bad one. */
static int rec_curve(FxCall *c, FxValue rec, const char *key, double **x, int64_t *n)
{
    FxValue *v = fx_record_get(rec, fx_intern_cstr(&c->I->intern, key));
    *x = NULL;
    if (!v)
        return 0;
    size_t len;
    *x = fx_list_numbers(c->I, *v, fx_arg_span(c, 0), key, &len);
    if (!*x)
        return -1;
    *n = (int64_t)len;
    return 0;
}

static int diagnose_record(FxCall *c, FxValue rec, const FxDiagLimits *lim, FxVerdict *out,
                           int *nv)
{
    double *cur[6] = {0};
    static const char *const keys[6] = {"loss", "accuracy", "val_loss", "val_accuracy", "lr",
                                        "batch_loss"};
    int64_t len[6] = {0};
    int rc = 0;
    for (int i = 0; i < 6 && !rc; i++)
        rc = rec_curve(c, rec, keys[i], &cur[i], &len[i]);
    if (!rc && !cur[0])
        rc = fx_error(c->I, fx_arg_span(c, 0), "diagnose() needs a run, or a record with "
                      "at least loss: (a list of per-epoch losses)");
    for (int i = 1; i < 5 && !rc; i++)
        if (cur[i] && len[i] != len[0])
            rc = fx_error(c->I, fx_arg_span(c, 0), "diagnose(): %s has %lld epochs, loss %lld",
                          keys[i], (long long)len[i], (long long)len[0]);
    FxLayerRows rows = {0};
    FxValue *ly = rc ? NULL : fx_record_get(rec, fx_intern_cstr(&c->I->intern, "layers"));
    if (ly && ly->type != FX_NONE)
        rc = fx_layer_rows_read(c->I, fx_arg_span(c, 0), *ly, len[0], &rows);
    if (!rc) {
        FxValue *lb = fx_record_get(rec, fx_intern_cstr(&c->I->intern, "layer_batch"));
        FxValue *cl = fx_record_get(rec, fx_intern_cstr(&c->I->intern, "classes"));
        FxValue *vn = fx_record_get(rec, fx_intern_cstr(&c->I->intern, "val_n"));
        FxDiagInput in = {
            .epochs = len[0], .loss = cur[0], .accuracy = cur[1], .val_loss = cur[2],
            .val_accuracy = cur[3], .lr = cur[4], .steps = cur[5] ? len[5] : 0,
            .batch_loss = cur[5],
            .classes = cl && cl->type == FX_NUM ? (int)cl->as.n : 0,
            .val_n = vn && vn->type == FX_NUM ? (int64_t)vn->as.n : 0,
            .layers = rows.layers, .grad_norm = rows.grad_norm, .step = rows.step,
            .dead = rows.dead, .saturated = rows.saturated, .layer_names = rows.name_ptrs,
            .layer_batch = lb && lb->type == FX_NUM && lb->as.n >= 1 && lb->as.n < 1e15
                ? (int64_t)lb->as.n : 0};
        *nv = fx_diagnose(&in, lim, out);
    }
    fx_layer_rows_free(&rows);
    for (int i = 0; i < 6; i++)
        free(cur[i]);
    return rc;
}

static int read_limits(FxCall *c, FxDiagLimits *lim)
{
    fx_diag_limits_default(lim);
    for (int i = 0; i < c->nkw; i++) {
        int k = fx_diag_limit_index(c->kwnames[i]);
        if (k < 0) {
            fx_error_at(c->I, c->kwat[i], "diagnose() has no threshold '%s'", c->kwnames[i]);
            fx_error_hint(c->I, "fx(7), DIAGNOSIS, lists them: patience, min_delta, "
                                "overfit_epochs, noise_ratio, ...");
            return -1;
        }
        if (c->kwvals[i].type != FX_NUM)
            return fx_error_at(c->I, c->kwat[i], "%s: needs a number", c->kwnames[i]);
        lim->v[k] = c->kwvals[i].as.n;
    }
    return 0;
}

static int b_diagnose(FxCall *c, FxValue *out)
{
    FxDiagLimits lim;
    FxVerdict v[FX_DK_COUNT];
    int n = 0;
    if (c->n < 1 || !c->given[0])
        return fx_error_at(c->I, c->node, "diagnose() needs a run");
    if (read_limits(c, &lim))
        return -1;
    FxValue x = c->args[0];
    FxRun *r = fx_value_run(x);
    const char *label = "";
    if (r) {
        n = fx_run_diagnose(r, &lim, v);
        label = r->label;
    } else if (x.type == FX_RECORD) {
        if (diagnose_record(c, x, &lim, v, &n))
            return -1;
    } else {
        return fx_error(c->I, fx_arg_span(c, 0), "diagnose() needs a run or a record of "
                        "curves, got %s", fx_type_phrase(x));
    }
    fx_diag_print(c->I->out, label, v, n);
    *out = fx_diag_value(c->I, v, n);
    return 0;
}

static const FxBuiltin diagnose_builtins[] = {
    {"diagnose", "run, **", b_diagnose,
     "prints and returns a run's verdicts (overfitting, lr_too_high, ...); thresholds by name"},
};

void fx_exp_diagnose_init(FxInterp *I)
{
    fx_define_builtins(I, diagnose_builtins, 1);
}
