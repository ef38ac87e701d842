/* The verdict rules over a run's histories. Each rule is one function
 * that reads the curves, compares a few numbers with their thresholds and
 * fills a verdict when it fires; fx.7's DIAGNOSIS section gives the same
 * formulas. Losses are compared with where the run started (`ref`, the
 * first batch's loss, or the first epoch's without batches), so the
 * thresholds hold for any loss scale. Knows nothing of the language. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "verdict.h"

typedef struct Ctx {
    const FxDiagInput  *in;
    const double       *v;       /* the thresholds */
    double              ref;     /* the starting loss */
    int64_t             E;
    const int          *fired;   /* by kind: the rules tried so far that fired */
} Ctx;

static void add_num(FxVerdict *o, const char *name, double value, const char *op, double limit)
{
    if (o->n < FX_DIAG_MAX_NUMBERS)
        o->num[o->n++] = (FxDiagNumber){name, value, op, limit};
}

static double tail_mean(const double *x, int64_t n, int64_t k)
{
    if (k > n)
        k = n;
    double s = 0;
    for (int64_t i = n - k; i < n; i++)
        s += x[i];
    return k ? s / (double)k : NAN;
}

/* The per-epoch fall of the loss over the last (up to) 3 epochs, as a
 * fraction of the starting loss. */
static double tail_gain(const Ctx *c)
{
    int64_t k = c->E >= 4 ? 3 : c->E - 1;
    if (k < 1)
        return NAN;
    const double *L = c->in->loss;
    return (L[c->E - 1 - k] - L[c->E - 1]) / (double)k / c->ref;
}

/* divergence: NaN or inf anywhere, or the last epoch's loss above
 * diverge_ratio times the starting loss. */
static int rule_divergence(const Ctx *c, FxVerdict *o)
{
    const FxDiagInput *in = c->in;
    if (in->diverged) {
        o->epoch = c->E;
        o->step = in->diverged_step;
        add_num(o, "non-finite loss at step", (double)in->diverged_step, "", NAN);
        return 1;
    }
    for (int64_t e = 0; e < c->E; e++)
        if (!isfinite(in->loss[e])) {
            o->epoch = e + 1;
            add_num(o, "non-finite loss in epoch", (double)(e + 1), "", NAN);
            return 1;
        }
    double r = in->loss[c->E - 1] / c->ref, lim = c->v[FX_DL_DIVERGE_RATIO];
    if (!(r > lim))
        return 0;
    for (int64_t e = 0; e < c->E; e++)
        if (in->loss[e] > lim * c->ref) {
            o->epoch = e + 1;
            break;
        }
    add_num(o, "final loss / first loss", r, ">", lim);
    return 1;
}

/* Whether the run ended stuck: a classifier's training accuracy at chance
 * (1/classes + stuck_margin) or any loss not below (1 - stuck_gain) times
 * where it started. */
static int stuck(const Ctx *c, FxVerdict *o)
{
    const FxDiagInput *in = c->in;
    double last = in->loss[c->E - 1], lim = 1 - c->v[FX_DL_STUCK_GAIN];
    if (in->classes >= 2 && in->accuracy) {
        double a = tail_mean(in->accuracy, c->E, 3);
        double chance = 1.0 / in->classes + c->v[FX_DL_STUCK_MARGIN];
        if (a <= chance) {
            add_num(o, "train accuracy (last 3 epochs)", a, "<=", chance);
            return 1;
        }
    }
    if (last / c->ref >= lim) {
        add_num(o, "final loss / first loss", last / c->ref, ">=", lim);
        return 1;
    }
    return 0;
}

/* lr too high: a batch loss in the first quarter of the steps above
 * spike_ratio times the first one, and the run then stuck. */
static int rule_lr_too_high(const Ctx *c, FxVerdict *o)
{
    const FxDiagInput *in = c->in;
    if (in->steps < 4 || !in->batch_loss)
        return 0;
    int64_t w = in->steps / 4, at = 0;
    double top = -INFINITY;
    for (int64_t i = 0; i < w; i++)
        if (isfinite(in->batch_loss[i]) && in->batch_loss[i] > top) {
            top = in->batch_loss[i];
            at = i;
        }
    double r = top / in->batch_loss[0], lim = c->v[FX_DL_SPIKE_RATIO];
    if (!(r > lim) || !isfinite(in->loss[c->E - 1]))
        return 0;
    add_num(o, "early spike / first batch loss", r, ">", lim);
    if (!stuck(c, o))
        return 0;
    o->step = at + 1;
    o->epoch = at * c->E / in->steps + 1;
    if (in->lr)
        add_num(o, "learning rate", in->lr[0], "", NAN);
    return 1;
}

/* oscillation: from the second epoch on, the loss's total variation
 * beyond its net change, per epoch, above osc_amplitude times the mean
 * loss (lib.fx's oscillation()), with at least osc_rises rises; and
 * either the run ended above osc_high times its starting loss (the zigzag
 * is what kept it from falling) or the zigzag is above osc_large of the
 * mean loss and at least osc_share of all the loss's movement. (A run
 * that learned and then bounces a little about its floor, as Adam does,
 * is not said to oscillate.) */
static int rule_oscillation(const Ctx *c, FxVerdict *o)
{
    const double *L = c->in->loss;
    if (c->E < 5)
        return 0;
    double mean = tail_mean(L, c->E, c->E - 1), tv = 0;
    int rises = 0;
    for (int64_t e = 2; e < c->E; e++) {
        double d = L[e] - L[e - 1];
        tv += fabs(d);
        if (d > 0 && !rises++)
            o->epoch = e + 1;
    }
    double back = tv - fabs(L[c->E - 1] - L[1]);
    double z = back / (double)(c->E - 2) / mean, share = tv > 0 ? back / tv : 0;
    double high = L[c->E - 1] / c->ref;
    int stuck_high = high > c->v[FX_DL_OSC_HIGH];
    int large = z > c->v[FX_DL_OSC_LARGE] && share >= c->v[FX_DL_OSC_SHARE];
    if (rises < c->v[FX_DL_OSC_RISES] || !(z > c->v[FX_DL_OSC_AMPLITUDE]) ||
        !(stuck_high || large))
        return 0;
    add_num(o, "epochs whose loss rose", rises, ">=", c->v[FX_DL_OSC_RISES]);
    if (stuck_high) {
        add_num(o, "zigzag per epoch / mean loss", z, ">", c->v[FX_DL_OSC_AMPLITUDE]);
        add_num(o, "final loss / first loss", high, ">", c->v[FX_DL_OSC_HIGH]);
    } else {
        add_num(o, "zigzag per epoch / mean loss", z, ">", c->v[FX_DL_OSC_LARGE]);
        add_num(o, "share of the movement undone", share, ">=", c->v[FX_DL_OSC_SHARE]);
    }
    return 1;
}

/* Whether no epoch gained more than slow_gain times the starting loss:
 * a learning rate too low to move the loss at all. */
static int tiny_gains(const Ctx *c, double *best_out)
{
    double best = 0;
    for (int64_t e = 1; e < c->E; e++) {
        double d = (c->in->loss[e - 1] - c->in->loss[e]) / c->ref;
        if (d > best)
            best = d;
    }
    if (best_out)
        *best_out = best;
    return c->E >= 2 && best < c->v[FX_DL_SLOW_GAIN];
}

/* gradient noise: the batch-to-batch spread of the loss, std(diff)/sqrt 2
 * (the spread of one batch's loss about the trend), above noise_ratio
 * times the mean batch loss and above noise_trend times the trend, the
 * fall from the mean of the first tenth of the batches to that of the
 * last tenth. Not said when the loss did not move at all (tiny_gains):
 * that is the learning rate, not the batch. */
static int rule_gradient_noise(const Ctx *c, FxVerdict *o)
{
    const FxDiagInput *in = c->in;
    int64_t n = in->steps;
    if (n < 20 || !in->batch_loss || tiny_gains(c, NULL))
        return 0;
    const double *B = in->batch_loss;
    double s = 0, s2 = 0, m = 0, head = 0, tail = 0;
    for (int64_t i = 1; i < n; i++) {
        double d = B[i] - B[i - 1];
        s += d;
        s2 += d * d;
    }
    for (int64_t i = 0; i < n; i++)
        m += B[i];
    m /= (double)n;
    int64_t t = n / 10;
    for (int64_t i = 0; i < t; i++) {
        head += B[i];
        tail += B[n - 1 - i];
    }
    double fall = (head - tail) / (double)t;
    double k = (double)(n - 1), var = (s2 - s * s / k) / (k - 1);
    double sd = sqrt(var > 0 ? var : 0) / sqrt(2);
    double r = sd / m, lim = c->v[FX_DL_NOISE_RATIO];
    if (!(r > lim) || !(sd > c->v[FX_DL_NOISE_TREND] * fall))
        return 0;
    o->epoch = 1;
    o->step = 1;
    add_num(o, "batch noise / mean batch loss", r, ">", lim);
    add_num(o, "batch noise / trend", fall > 0 ? sd / fall : INFINITY, ">",
            c->v[FX_DL_NOISE_TREND]);
    return 1;
}

/* Whether the loss fell in at least 80% of the epochs. */
static int steady_fall(const Ctx *c)
{
    int falls = 0;
    for (int64_t e = 1; e < c->E; e++)
        falls += c->in->loss[e] < c->in->loss[e - 1];
    return c->E >= 3 && falls >= 0.8 * (double)(c->E - 1);
}

/* The mean fall per epoch of x over its last 3 epochs, as a fraction of
 * its last value. */
static double rel_fall(const double *x, int64_t E)
{
    return E >= 4 && x[E - 1] > 0 ? (x[E - 4] - x[E - 1]) / 3 / x[E - 1] : NAN;
}

/* slow learning: the loss fell steadily and was still falling, over the
 * last 3 epochs, by more than slow_falling of itself per epoch, as was
 * the validation loss (when there is one) by more than half that: the
 * run stopped far from its floor. Or every epoch's gain was below
 * slow_gain of the starting loss (tiny_gains). A classifier already at
 * 99% training accuracy is not slow. */
static int rule_slow(const Ctx *c, FxVerdict *o)
{
    const FxDiagInput *in = c->in;
    if (!steady_fall(c))
        return 0;
    if (in->classes >= 2 && in->accuracy && in->accuracy[c->E - 1] >= 0.99)
        return 0;
    double g = rel_fall(in->loss, c->E), best;
    double gv = in->val_loss ? rel_fall(in->val_loss, c->E) : INFINITY;
    double lim = c->v[FX_DL_SLOW_FALLING];
    o->epoch = 1;
    if (g > lim && gv > lim / 2) {
        add_num(o, "last epochs' fall / loss", g, ">", lim);
        if (in->val_loss)
            add_num(o, "last epochs' fall / val_loss", gv, ">", lim / 2);
        return 1;
    }
    if (tiny_gains(c, &best)) {
        add_num(o, "largest epoch gain / first loss", best, "<", c->v[FX_DL_SLOW_GAIN]);
        return 1;
    }
    return 0;
}

/* plateau: no epoch improved the best loss by more than min_delta times
 * the starting loss for `patience` epochs, while the best loss is still
 * above plateau_high times the starting loss. */
static int rule_plateau(const Ctx *c, FxVerdict *o)
{
    const double *L = c->in->loss;
    double delta = c->v[FX_DL_MIN_DELTA] * c->ref, best = L[0];
    int64_t b = 0;
    for (int64_t e = 1; e < c->E; e++)
        if (L[e] < best - delta) {
            best = L[e];
            b = e;
        }
    double stall = (double)(c->E - 1 - b), high = best / c->ref;
    if (stall < c->v[FX_DL_PATIENCE] || !(high > c->v[FX_DL_PLATEAU_HIGH]))
        return 0;
    o->epoch = b + 2;
    add_num(o, "epochs without improvement", stall, ">=", c->v[FX_DL_PATIENCE]);
    add_num(o, "best loss / first loss", high, ">", c->v[FX_DL_PLATEAU_HIGH]);
    return 1;
}

/* overfitting: after the validation loss's minimum (epoch t) come at
 * least overfit_epochs epochs in which the training loss fell, the mean
 * validation loss is above (1 + overfit_rise) times the minimum and the
 * train-validation gap grew. The verdict's epoch is t, where it turned. */
static int rule_overfitting(const Ctx *c, FxVerdict *o)
{
    const FxDiagInput *in = c->in;
    const double *V = in->val_loss, *L = in->loss;
    if (!V || c->E < 2)
        return 0;
    int64_t t = 0;
    for (int64_t e = 1; e < c->E; e++)
        if (V[e] < V[t])
            t = e;
    int64_t after = c->E - 1 - t;
    if ((double)after < c->v[FX_DL_OVERFIT_EPOCHS] || !(V[t] > 0))
        return 0;
    double rise = tail_mean(V, c->E, after) / V[t] - 1;
    double gap0 = V[t] - L[t], gap1 = V[c->E - 1] - L[c->E - 1];
    if (!(rise > c->v[FX_DL_OVERFIT_RISE]) || !(L[c->E - 1] < L[t]) || !(gap1 > gap0))
        return 0;
    o->epoch = t + 1;
    add_num(o, "epochs after the best val_loss", (double)after, ">=",
            c->v[FX_DL_OVERFIT_EPOCHS]);
    add_num(o, "val_loss rise since then", rise, ">", c->v[FX_DL_OVERFIT_RISE]);
    add_num(o, "train-val gap growth", gap1 - gap0, ">", 0);
    return 1;
}

/* memorisation: training accuracy at least memo_train while the
 * validation accuracy of the last 3 epochs is within memo_margin standard
 * errors of chance, 1/classes (sqrt(p(1-p)/val_n); 0.1 when val_n is
 * unknown). */
static int rule_memorisation(const Ctx *c, FxVerdict *o)
{
    const FxDiagInput *in = c->in;
    if (in->classes < 2 || !in->accuracy || !in->val_accuracy)
        return 0;
    double p = 1.0 / in->classes, a = in->accuracy[c->E - 1];
    double va = tail_mean(in->val_accuracy, c->E, 3);
    double se = in->val_n > 0 ? sqrt(p * (1 - p) / (double)in->val_n) : 0.1 / 3;
    double lim = p + c->v[FX_DL_MEMO_MARGIN] * se;
    if (!(a >= c->v[FX_DL_MEMO_TRAIN]) || !(va <= lim))
        return 0;
    for (int64_t e = 0; e < c->E; e++)
        if (in->accuracy[e] >= c->v[FX_DL_MEMO_TRAIN]) {
            o->epoch = e + 1;
            break;
        }
    add_num(o, "train accuracy", a, ">=", c->v[FX_DL_MEMO_TRAIN]);
    add_num(o, "val accuracy (last 3 epochs)", va, "<=", lim);
    add_num(o, "chance (1/classes)", p, "", NAN);
    return 1;
}

/* underfitting: the training loss (and the validation loss, when there is
 * one) ended at least underfit_high times where it started, and was not
 * falling by more than slow_falling of it per epoch. */
static int rule_underfitting(const Ctx *c, FxVerdict *o)
{
    const FxDiagInput *in = c->in;
    double r = in->loss[c->E - 1] / c->ref, lim = c->v[FX_DL_UNDERFIT_HIGH];
    double g = tail_gain(c);
    if (!(r >= lim) || g > c->v[FX_DL_UNDERFIT_FALLING])
        return 0;
    if (in->val_loss) {
        double rv = in->val_loss[c->E - 1] / in->val_loss[0];
        if (!(rv >= lim))
            return 0;
        add_num(o, "final val_loss / first", rv, ">=", lim);
    }
    o->epoch = 1;
    add_num(o, "final loss / first loss", r, ">=", lim);
    add_num(o, "last epochs' gain / first loss", isnan(g) ? 0 : g, "<=",
            c->v[FX_DL_UNDERFIT_FALLING]);
    return 1;
}

/* The per-layer rules (diag_layer_rules.c), when there is evidence. */
#define LAYER_RULE(name, fn)                                    \
    static int name(const Ctx *c, FxVerdict *o)                 \
    {                                                           \
        return c->in->layers > 0 && fn(c->in, c->v, o);         \
    }
LAYER_RULE(rule_dead_relu, fx_diag_rule_dead_relu)
LAYER_RULE(rule_saturation, fx_diag_rule_saturation)
LAYER_RULE(rule_vanishing, fx_diag_rule_vanishing)
LAYER_RULE(rule_exploding, fx_diag_rule_exploding)

/* A step too small is not news when the gradient is gone (dead units,
 * vanishing gradients) or the learning rate is already too high. */
static int rule_step_size(const Ctx *c, FxVerdict *o)
{
    const int *f = c->fired;
    int low = !f[FX_DK_DEAD_RELU] && !f[FX_DK_VANISHING] && !f[FX_DK_LR_TOO_HIGH] &&
              !f[FX_DK_DIVERGENCE];
    return c->in->layers > 0 && fx_diag_rule_step_size(c->in, c->v, low, o);
}

typedef int (*Rule)(const Ctx *, FxVerdict *);

int fx_diagnose(const FxDiagInput *in, const FxDiagLimits *lim, FxVerdict *out)
{
    int n = 0;
    if (in->epochs < 1 || !in->loss) {
        out[0] = (FxVerdict){.kind = FX_DK_HEALTHY};
        return 1;
    }
    int fired[FX_DK_COUNT] = {0};
    Ctx c = {in, lim->v, in->loss[0], in->epochs, fired};
    if (in->steps > 0 && in->batch_loss && isfinite(in->batch_loss[0]) && in->batch_loss[0] > 0)
        c.ref = in->batch_loss[0];
    if (!(c.ref > 0) || !isfinite(c.ref))
        c.ref = 1;
    static const Rule rules[FX_DK_HEALTHY] = {
        rule_divergence, rule_lr_too_high, rule_oscillation, rule_gradient_noise, rule_slow,
        rule_plateau, rule_overfitting, rule_memorisation, rule_underfitting,
        rule_dead_relu, rule_saturation, rule_vanishing, rule_exploding, rule_step_size};
    for (int k = 0; k < FX_DK_HEALTHY; k++) {
        /* a diverged run's other curves are meaningless (its layers'
         * evidence, read from the epochs before, is not); a run whose
         * learning rate is too high is not also said to underfit */
        if (fired[FX_DK_DIVERGENCE] && k != FX_DK_LR_TOO_HIGH && k < FX_DK_FIRST_LAYER_KIND)
            continue;
        if (k == FX_DK_UNDERFITTING && (fired[FX_DK_LR_TOO_HIGH] || fired[FX_DK_SLOW]))
            continue;
        /* consequences are not causes: the zigzag, the scattered batch
         * losses and the stall of a run whose learning rate is too high
         * all come from that learning rate */
        if ((k == FX_DK_OSCILLATION || k == FX_DK_GRADIENT_NOISE || k == FX_DK_PLATEAU) &&
            fired[FX_DK_LR_TOO_HIGH])
            continue;
        if (k == FX_DK_PLATEAU && fired[FX_DK_SLOW])     /* still falling, not stalled */
            continue;
        if (k == FX_DK_VANISHING && fired[FX_DK_DEAD_RELU])  /* dead units pass none */
            continue;
        FxVerdict v = {.kind = (FxDiagKind)k};
        if (rules[k](&c, &v)) {
            out[n++] = v;
            fired[k] = 1;
        }
    }
    if (n == 0)
        out[n++] = (FxVerdict){.kind = FX_DK_HEALTHY};
    return n;
}
