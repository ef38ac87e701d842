/* The verdict rules over the per-layer evidence (FxDiagInput's layers:
 * gradient norms, effective steps, dead ReLU and saturated shares, one
 * row an epoch). Each reads the last epoch that has its numbers, so a
 * run that diverged is judged on the epoch before; each names the layer
 * the evidence is in. fx.7's DIAGNOSIS section gives the same rules and
 * where the thresholds come from (AUTOTRAINER, DeepDiagnosis). Knows
 * nothing of the language. */
#include <math.h>
#include <stdio.h>
#include "verdict.h"

static void add_num(FxVerdict *o, const char *name, double value, const char *op, double limit)
{
    if (o->n < FX_DIAG_MAX_NUMBERS)
        o->num[o->n++] = (FxDiagNumber){name, value, op, limit};
}

static double at(const FxDiagInput *in, const double *x, int64_t e, int i)
{
    return x[e * in->layers + i];
}

/* The last epoch with a number of x in any layer, or -1. */
static int64_t last_row(const FxDiagInput *in, const double *x)
{
    for (int64_t e = in->epochs - 1; x && e >= 0; e--)
        for (int i = 0; i < in->layers; i++)
            if (!isnan(at(in, x, e, i)))
                return e;
    return -1;
}

/* Names layer i in the verdict: an activation by the layer it follows
 * ("relu after dense(64)"), since that is the one to change; no name
 * when the input has none. */
static void name_layer(const FxDiagInput *in, FxVerdict *o, int i, int activation)
{
    const char *const *n = in->layer_names;
    o->in_layer = 1;
    o->layer = i;
    if (!n || !n[i] || !n[i][0])
        o->layer_name[0] = 0;
    else if (activation && i > 0 && n[i - 1] && n[i - 1][0])
        snprintf(o->layer_name, sizeof o->layer_name, "%s after %s", n[i], n[i - 1]);
    else
        snprintf(o->layer_name, sizeof o->layer_name, "%s", n[i]);
}

typedef int (*Holds)(const FxDiagInput *in, const double *lim, int64_t e, int i);

/* The first epoch of the run of epochs ending at e in which `holds`
 * (1-based). */
static int64_t since(const FxDiagInput *in, const double *lim, int64_t e, int i, Holds holds)
{
    while (e > 0 && holds(in, lim, e - 1, i))
        e--;
    return e + 1;
}

/* The first and last layers with a gradient norm at epoch e; 0 when
 * there are fewer than two. */
static int ends(const FxDiagInput *in, int64_t e, int *first, int *last)
{
    *first = *last = -1;
    for (int i = 0; i < in->layers; i++)
        if (!isnan(at(in, in->grad_norm, e, i))) {
            if (*first < 0)
                *first = i;
            *last = i;
        }
    return *first >= 0 && *last > *first;
}

static double grad_ratio(const FxDiagInput *in, int64_t e, int *first)
{
    int last;
    if (!ends(in, e, first, &last))
        return NAN;
    double g1 = at(in, in->grad_norm, e, last);
    return g1 > 0 ? at(in, in->grad_norm, e, *first) / g1 : NAN;
}

static int vanishing_at(const FxDiagInput *in, const double *lim, int64_t e, int i)
{
    int first;
    double r = grad_ratio(in, e, &first);
    (void)i;
    return r < lim[FX_DL_VANISH_RATIO] && at(in, in->grad_norm, e, first) < lim[FX_DL_VANISH_NORM];
}

/* vanishing gradients: at the last measured epoch, the first layer with
 * parameters gets a gradient norm below vanish_ratio times the last
 * one's, and below vanish_norm. */
int fx_diag_rule_vanishing(const FxDiagInput *in, const double *lim, FxVerdict *o)
{
    int64_t e = last_row(in, in->grad_norm);
    int first;
    if (e < 0 || !vanishing_at(in, lim, e, 0))
        return 0;
    double r = grad_ratio(in, e, &first);
    name_layer(in, o, first, 0);
    o->epoch = since(in, lim, e, 0, vanishing_at);
    add_num(o, "gradient norm, first layer / last", r, "<", lim[FX_DL_VANISH_RATIO]);
    add_num(o, "gradient norm of the first layer", at(in, in->grad_norm, e, first), "<",
            lim[FX_DL_VANISH_NORM]);
    return 1;
}

static int exploding_at(const FxDiagInput *in, const double *lim, int64_t e, int i)
{
    int first;
    (void)i;
    return grad_ratio(in, e, &first) > lim[FX_DL_EXPLODE_RATIO];
}

/* exploding gradients: at the last measured epoch, the first layer's
 * gradient norm above explode_ratio times the last one's. */
int fx_diag_rule_exploding(const FxDiagInput *in, const double *lim, FxVerdict *o)
{
    int64_t e = last_row(in, in->grad_norm);
    int first;
    if (e < 0 || !exploding_at(in, lim, e, 0))
        return 0;
    double r = grad_ratio(in, e, &first);
    name_layer(in, o, first, 0);
    o->epoch = since(in, lim, e, 0, exploding_at);
    add_num(o, "gradient norm, first layer / last", r, ">", lim[FX_DL_EXPLODE_RATIO]);
    add_num(o, "gradient norm of the first layer", at(in, in->grad_norm, e, first), "", NAN);
    return 1;
}

/* The layer whose share in x at epoch e is largest (skipping the
 * model's last layer when skip_last), or -1. */
static int worst(const FxDiagInput *in, const double *x, int64_t e, int skip_last)
{
    int w = -1;
    for (int i = 0; i < in->layers - (skip_last ? 1 : 0); i++)
        if (!isnan(at(in, x, e, i)) && (w < 0 || at(in, x, e, i) > at(in, x, e, w)))
            w = i;
    return w;
}

static int dead_at(const FxDiagInput *in, const double *lim, int64_t e, int i)
{
    return at(in, in->dead, e, i) >= lim[FX_DL_DEAD_SHARE];
}

/* dead ReLUs: at the last measured epoch, a relu layer with at least
 * dead_share of its units 0 for every sample of the measured batch, when
 * that batch had at least dead_batch samples (or its size is unknown). */
int fx_diag_rule_dead_relu(const FxDiagInput *in, const double *lim, FxVerdict *o)
{
    int64_t e = last_row(in, in->dead);
    int i = e < 0 ? -1 : worst(in, in->dead, e, 0);
    if (i < 0 || !dead_at(in, lim, e, i) ||
        (in->layer_batch > 0 && (double)in->layer_batch < lim[FX_DL_DEAD_BATCH]))
        return 0;
    name_layer(in, o, i, 1);
    o->epoch = since(in, lim, e, i, dead_at);
    add_num(o, "share of dead units", at(in, in->dead, e, i), ">=", lim[FX_DL_DEAD_SHARE]);
    if (in->layer_batch > 0)
        add_num(o, "samples measured", (double)in->layer_batch, ">=", lim[FX_DL_DEAD_BATCH]);
    return 1;
}

static int saturated_at(const FxDiagInput *in, const double *lim, int64_t e, int i)
{
    return at(in, in->saturated, e, i) > lim[FX_DL_SAT_SHARE];
}

/* saturation: at the last measured epoch, a sigmoid or tanh layer other
 * than the model's last (whose saturated outputs are confident
 * predictions) with more than sat_share of its outputs saturated. */
int fx_diag_rule_saturation(const FxDiagInput *in, const double *lim, FxVerdict *o)
{
    int64_t e = last_row(in, in->saturated);
    int i = e < 0 ? -1 : worst(in, in->saturated, e, 1);
    if (i < 0 || !saturated_at(in, lim, e, i))
        return 0;
    name_layer(in, o, i, 1);
    o->epoch = since(in, lim, e, i, saturated_at);
    add_num(o, "share of saturated outputs", at(in, in->saturated, e, i), ">",
            lim[FX_DL_SAT_SHARE]);
    return 1;
}

static int step_high_at(const FxDiagInput *in, const double *lim, int64_t e, int i)
{
    return at(in, in->step, e, i) > lim[FX_DL_STEP_HIGH];
}

static int step_low_at(const FxDiagInput *in, const double *lim, int64_t e, int i)
{
    return at(in, in->step, e, i) < lim[FX_DL_STEP_LOW];
}

/* step size: at the last measured epoch, a layer's effective step
 * ||w_after - w_before|| / ||w_before|| above step_high (the largest
 * one is named) or, when none is and `low`, below step_low (the
 * smallest). */
int fx_diag_rule_step_size(const FxDiagInput *in, const double *lim, int low, FxVerdict *o)
{
    int64_t e = last_row(in, in->step);
    int hi = -1, lo = -1;
    for (int i = 0; e >= 0 && i < in->layers; i++) {
        double s = at(in, in->step, e, i);
        if (isnan(s))
            continue;
        if (hi < 0 || s > at(in, in->step, e, hi))
            hi = i;
        if (lo < 0 || s < at(in, in->step, e, lo))
            lo = i;
    }
    if (hi < 0)
        return 0;
    int high = step_high_at(in, lim, e, hi), i = high ? hi : lo;
    if (!high && (!low || !step_low_at(in, lim, e, lo)))
        return 0;
    name_layer(in, o, i, 0);
    o->epoch = since(in, lim, e, i, high ? step_high_at : step_low_at);
    add_num(o, "effective step ||dw|| / ||w||", at(in, in->step, e, i), high ? ">" : "<",
            lim[high ? FX_DL_STEP_HIGH : FX_DL_STEP_LOW]);
    if (in->lr)
        add_num(o, "learning rate", in->lr[e], "", NAN);
    return 1;
}
