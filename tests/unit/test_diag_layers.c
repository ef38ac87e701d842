/* The verdict rules over per-layer evidence, on made-up rows: each fires
 * past its threshold and not before it, names its layer and the epoch
 * its evidence starts at, follows an overridden threshold, and none
 * fires without evidence or on healthy numbers. */
#include <math.h>
#include <string.h>
#include "check.h"
#include "diag/verdict.h"

/* dense(8) relu dense(8) sigmoid dense(1): 5 layers, 4 epochs. */
enum { E = 4, NL = 5 };
static const char *const NAMES[NL] = {"dense(8)", "relu", "dense(8)", "sigmoid", "dense(1)"};

typedef struct Rows {
    double g[E * NL], s[E * NL], d[E * NL], sat[E * NL];
    double loss[E];
} Rows;

/* Healthy numbers: gradients 0.1 everywhere, steps 1e-3, few dead units
 * and no saturation, a loss that falls. */
static void healthy(Rows *r)
{
    for (int i = 0; i < E * NL; i++)
        r->g[i] = r->s[i] = r->d[i] = r->sat[i] = NAN;
    for (int e = 0; e < E; e++) {
        for (int i = 0; i < NL; i += 2) {
            r->g[e * NL + i] = 0.1;
            r->s[e * NL + i] = 1e-3;
        }
        r->d[e * NL + 1] = 0.1;
        r->sat[e * NL + 3] = 0.05;
        r->loss[e] = 1.0 - 0.2 * e;
    }
}

static FxDiagInput input(const Rows *r)
{
    return (FxDiagInput){.epochs = E, .loss = r->loss, .layers = NL, .grad_norm = r->g,
                         .step = r->s, .dead = r->d, .saturated = r->sat, .layer_batch = 32,
                         .layer_names = NAMES};
}

static const FxVerdict *find(const FxVerdict *v, int n, FxDiagKind k)
{
    for (int i = 0; i < n; i++)
        if (v[i].kind == k)
            return &v[i];
    return NULL;
}

static const FxVerdict *diagnose(const Rows *r, const FxDiagLimits *lim, FxVerdict *v,
                                 FxDiagKind k)
{
    FxDiagInput in = input(r);
    return find(v, fx_diagnose(&in, lim, v), k);
}

/* Whether any verdict read from the layers' evidence was given. */
static int any_layer_verdict(const FxVerdict *v, int n)
{
    for (int i = 0; i < n; i++)
        if ((int)v[i].kind >= (int)FX_DK_FIRST_LAYER_KIND && v[i].kind != FX_DK_HEALTHY)
            return 1;
    return 0;
}

static void test_healthy(Checks *c, const FxDiagLimits *lim)
{
    Rows r;
    FxVerdict v[FX_DK_COUNT];
    healthy(&r);
    FxDiagInput in = input(&r);
    int n = fx_diagnose(&in, lim, v);
    CHECK(c, !any_layer_verdict(v, n), "healthy layer numbers: no layer verdict");
    in.layers = 0;
    r.g[3 * NL] = 1e-9;            /* would vanish, but there is no evidence */
    n = fx_diagnose(&in, lim, v);
    CHECK(c, !any_layer_verdict(v, n), "no per-layer evidence: no layer verdict");
}

static void test_gradients(Checks *c, const FxDiagLimits *lim)
{
    Rows r;
    FxVerdict v[FX_DK_COUNT];
    healthy(&r);
    for (int e = 2; e < E; e++)
        r.g[e * NL] = 5e-5;       /* ratio 5e-4 from epoch 3 on */
    const FxVerdict *x = diagnose(&r, lim, v, FX_DK_VANISHING);
    CHECK(c, x && x->in_layer && x->layer == 0 && !strcmp(x->layer_name, "dense(8)") &&
          x->epoch == 3, "vanishing: first layer 5e-5 vs last 0.1, from epoch 3, layer 0");
    r.g[3 * NL] = 2e-4;           /* above vanish_norm */
    CHECK(c, !diagnose(&r, lim, v, FX_DK_VANISHING), "not vanishing above vanish_norm");
    r.g[3 * NL] = 5e-5;
    FxDiagLimits l2 = *lim;
    l2.v[FX_DL_VANISH_RATIO] = 1e-4;
    CHECK(c, !diagnose(&r, &l2, v, FX_DK_VANISHING), "vanish_ratio 1e-4 overrides");
    healthy(&r);
    r.g[3 * NL] = 7.5;            /* 75 times the last layer's */
    x = diagnose(&r, lim, v, FX_DK_EXPLODING);
    CHECK(c, x && x->layer == 0 && x->epoch == 4, "exploding: ratio 75 > 70 in epoch 4");
    r.g[3 * NL] = 6.5;
    CHECK(c, !diagnose(&r, lim, v, FX_DK_EXPLODING), "ratio 65: not exploding");
}

static void test_activations(Checks *c, const FxDiagLimits *lim)
{
    Rows r;
    FxVerdict v[FX_DK_COUNT];
    healthy(&r);
    r.d[3 * NL + 1] = 0.7;
    const FxVerdict *x = diagnose(&r, lim, v, FX_DK_DEAD_RELU);
    CHECK(c, x && x->layer == 1 && !strcmp(x->layer_name, "relu after dense(8)"),
          "dead relu: 70%% of the units, named after the layer it follows (%s)",
          x ? x->layer_name : "none");
    r.d[3 * NL + 1] = 0.69;
    CHECK(c, !diagnose(&r, lim, v, FX_DK_DEAD_RELU), "69%% dead: no verdict");
    r.d[3 * NL + 1] = 0.9;
    FxDiagInput in = input(&r);
    in.layer_batch = 4;
    int n = fx_diagnose(&in, lim, v);
    CHECK(c, !find(v, n, FX_DK_DEAD_RELU), "not judged on a batch of 4 (< dead_batch)");
    healthy(&r);
    r.sat[2 * NL + 3] = r.sat[3 * NL + 3] = 0.8;
    x = diagnose(&r, lim, v, FX_DK_SATURATION);
    CHECK(c, x && x->layer == 3 && x->epoch == 3, "saturation: 80%% from epoch 3, layer 3");
    r.sat[2 * NL + 3] = r.sat[3 * NL + 3] = 0.5;
    CHECK(c, !diagnose(&r, lim, v, FX_DK_SATURATION), "50%% saturated: not more than 0.5");
}

static void test_steps(Checks *c, const FxDiagLimits *lim)
{
    Rows r;
    FxVerdict v[FX_DK_COUNT];
    healthy(&r);
    r.s[3 * NL + 2] = 0.3;
    const FxVerdict *x = diagnose(&r, lim, v, FX_DK_STEP_SIZE);
    CHECK(c, x && x->layer == 2 && !strcmp(x->num[0].op, ">"), "step 0.3 > 0.1 in layer 2");
    healthy(&r);
    r.s[3 * NL + 4] = 1e-6;
    x = diagnose(&r, lim, v, FX_DK_STEP_SIZE);
    CHECK(c, x && x->layer == 4 && !strcmp(x->num[0].op, "<"), "step 1e-6 < 1e-5 in layer 4");
    FxDiagLimits l2 = *lim;
    l2.v[FX_DL_STEP_LOW] = 1e-7;
    CHECK(c, !diagnose(&r, &l2, v, FX_DK_STEP_SIZE), "step_low 1e-7 overrides");
    /* a diverged last epoch has no numbers: the epoch before is judged */
    healthy(&r);
    r.s[2 * NL + 2] = 0.5;
    for (int i = 0; i < NL; i++)
        r.s[3 * NL + i] = r.g[3 * NL + i] = NAN;
    x = diagnose(&r, lim, v, FX_DK_STEP_SIZE);
    CHECK(c, x && x->epoch == 3, "the last epoch with numbers is judged (epoch 3)");
}

/* Dead units pass no gradient: vanishing gradients and a tiny step are
 * their consequence, not said next to them. */
static void test_consequences(Checks *c, const FxDiagLimits *lim)
{
    Rows r;
    FxVerdict v[FX_DK_COUNT];
    healthy(&r);
    r.d[3 * NL + 1] = 1.0;
    r.g[3 * NL] = 0;
    r.s[3 * NL] = 0;
    FxDiagInput in = input(&r);
    int n = fx_diagnose(&in, lim, v);
    CHECK(c, find(v, n, FX_DK_DEAD_RELU) && !find(v, n, FX_DK_VANISHING) &&
          !find(v, n, FX_DK_STEP_SIZE), "dead units: neither vanishing nor a small step");
    r.d[3 * NL + 1] = 0.1;
    n = fx_diagnose(&in, lim, v);
    CHECK(c, find(v, n, FX_DK_VANISHING) && !find(v, n, FX_DK_STEP_SIZE),
          "a vanished gradient: no small step said");
    r.s[3 * NL + 2] = 0.5;
    n = fx_diagnose(&in, lim, v);
    CHECK(c, find(v, n, FX_DK_STEP_SIZE), "a step too large is said whatever else fired");
}

int main(void)
{
    Checks c = {0};
    FxDiagLimits lim;
    fx_diag_limits_default(&lim);
    CHECK(&c, fx_diag_limit_index("dead_share") == FX_DL_DEAD_SHARE &&
          lim.v[FX_DL_STEP_HIGH] == 0.1, "the layer thresholds are named and have defaults");
    test_healthy(&c, &lim);
    test_gradients(&c, &lim);
    test_activations(&c, &lim);
    test_steps(&c, &lim);
    test_consequences(&c, &lim);
    return checks_done(&c);
}
