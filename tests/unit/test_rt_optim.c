/* Tests the runtime's optimizers: every case in tests/fixtures/rt_optim.txt
 * (steps computed by torch.optim, see gen_rt_optim.py) within 1e-6
 * relative, plus defaults, argument checks, reset, set_lr and the state
 * layout. Knows nothing of the fx language.
 *
 * The absolute floor of 1e-8 is for parameters that a step brings close to
 * zero by cancellation (e.g. 0.004 from terms of 0.05), where one float32
 * rounding of those terms is already ~1e-6 of the result; PyTorch's SIMD
 * kernels fuse some multiply-adds that plain C does not. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "fixture_lines.h"
#include "rt.h"

#define RTOL 1e-6
#define ATOL 1e-8

static int kind_of(const char *s, RtOptimKind *k)
{
    static const RtOptimKind all[] = { RT_OPT_SGD, RT_OPT_ADAM, RT_OPT_ADAMW,
                                       RT_OPT_RMSPROP, RT_OPT_ADAGRAD };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(rt_optim_name(all[i]), s) == 0) {
            *k = all[i];
            return 0;
        }
    return -1;
}

static void config_from_line(const FixLines *L, RtOptimConfig *c)
{
    RtOptimKind kind = RT_OPT_SGD;
    if (kind_of(L->tok[2], &kind)) {
        fprintf(stderr, "unknown optimizer %s\n", L->tok[2]);
        exit(2);
    }
    rt_optim_defaults(c, kind);
    c->lr = fix_kvd(L, "lr");
    c->weight_decay = fix_kvd(L, "weight_decay");
    c->momentum = fix_kvd(L, "momentum");
    c->dampening = fix_kvd(L, "dampening");
    c->nesterov = (int)fix_kvd(L, "nesterov");
    c->beta1 = fix_kvd(L, "beta1");
    c->beta2 = fix_kvd(L, "beta2");
    c->eps = fix_kvd(L, "eps");
    c->amsgrad = (int)fix_kvd(L, "amsgrad");
    c->alpha = fix_kvd(L, "alpha");
    c->centered = (int)fix_kvd(L, "centered");
    c->lr_decay = fix_kvd(L, "lr_decay");
    c->initial_accumulator = fix_kvd(L, "initial_accumulator");
}

/* Largest |a-b| / (ATOL + RTOL*|b|) over n values: <= 1 passes (the
 * CHECK_CLOSE rule); *rel gets the largest plain |a-b|/|b|. */
static double worst_excess(const float *a, const float *b, size_t n,
                           double *rel)
{
    double w = 0;
    *rel = 0;
    for (size_t i = 0; i < n; i++) {
        double d = fabs((double)a[i] - b[i]), m = fabs((double)b[i]);
        double e = d / (ATOL + RTOL * m);
        if (!(e <= w))
            w = e;  /* NaN sticks */
        if (m > 0 && d / m > *rel)
            *rel = d / m;
    }
    return w;
}

/* One fixture case: the config line is current in L. */
static void run_case(Checks *c, FixLines *L, double *worst_all)
{
    char name[128];
    snprintf(name, sizeof name, "%s", L->tok[1]);
    size_t n = (size_t)atol(L->tok[3]);
    int steps = atoi(L->tok[4]);
    RtOptimConfig cfg;
    config_from_line(L, &cfg);
    RtError err = { 0 };
    RtOptim *o = rt_optim_new(&cfg, n, &err);
    CHECK(c, o != NULL, "%s: created (%s)", name, o ? "ok" : err.msg);
    if (!o)
        exit(1);
    float *p = malloc(n * sizeof *p), *g = malloc(n * sizeof *g);
    float *want = malloc(n * sizeof *want);
    fix_expect(L, "p0");
    fix_floats(L, 1, p, n);
    for (int t = 1; t <= steps; t++) {
        fix_expect(L, "g");
        fix_floats(L, 2, g, n);
        fix_expect(L, "p");
        fix_floats(L, 2, want, n);
        rt_optim_step(o, p, g);
        double rel, w = worst_excess(p, want, n, &rel);
        if (!(w <= *worst_all))
            *worst_all = w;
        CHECK(c, w <= 1, "%s step %d matches torch (worst rel %.2g, %.2g of "
              "the tolerance)", name, t, rel, w);
    }
    CHECK(c, rt_optim_steps(o) == steps, "%s: step count %lld", name,
          (long long)rt_optim_steps(o));
    free(p);
    free(g);
    free(want);
    rt_optim_free(o);
}

static void test_fixtures(Checks *c)
{
    FixLines L;
    if (fix_open(&L, "tests/fixtures/rt_optim.txt")) {
        CHECK(c, 0, "tests/fixtures/rt_optim.txt opens");
        return;
    }
    int cases = 0;
    double worst = 0;
    while (fix_next(&L)) {
        if (strcmp(L.tok[0], "case") == 0) {
            run_case(c, &L, &worst);
            cases++;
        }
    }
    fix_close(&L);
    CHECK(c, cases >= 19, "%d optimizer cases read; worst error %.2g of "
          "the tolerance", cases, worst);
}

static void test_defaults(Checks *c)
{
    RtOptimConfig d;
    rt_optim_defaults(&d, RT_OPT_SGD);
    CHECK(c, d.lr == 1e-3 && d.momentum == 0 && d.dampening == 0 &&
             !d.nesterov && d.weight_decay == 0, "sgd defaults");
    rt_optim_defaults(&d, RT_OPT_ADAM);
    CHECK(c, d.lr == 1e-3 && d.beta1 == 0.9 && d.beta2 == 0.999 &&
             d.eps == 1e-8 && d.weight_decay == 0 && !d.amsgrad,
          "adam defaults");
    rt_optim_defaults(&d, RT_OPT_ADAMW);
    CHECK(c, d.lr == 1e-3 && d.weight_decay == 1e-2 && d.eps == 1e-8,
          "adamw defaults (weight_decay 0.01)");
    rt_optim_defaults(&d, RT_OPT_RMSPROP);
    CHECK(c, d.lr == 1e-2 && d.alpha == 0.99 && d.eps == 1e-8 &&
             d.momentum == 0 && !d.centered, "rmsprop defaults");
    rt_optim_defaults(&d, RT_OPT_ADAGRAD);
    CHECK(c, d.lr == 1e-2 && d.eps == 1e-10 && d.lr_decay == 0 &&
             d.initial_accumulator == 0, "adagrad defaults");
}

/* Each bad configuration is refused with RT_ERR_ARG and a message naming
 * the setting. */
static void test_bad_configs(Checks *c)
{
    struct { RtOptimKind kind; const char *field; double v; } bad[] = {
        { RT_OPT_SGD, "lr", -0.1 },
        { RT_OPT_SGD, "lr", NAN },
        { RT_OPT_SGD, "momentum", -0.5 },
        { RT_OPT_ADAM, "beta1", 1.0 },
        { RT_OPT_ADAM, "beta2", -0.1 },
        { RT_OPT_ADAMW, "eps", -1e-8 },
        { RT_OPT_ADAMW, "weight_decay", -1 },
        { RT_OPT_RMSPROP, "alpha", -0.9 },
        { RT_OPT_ADAGRAD, "lr_decay", -1 },
        { RT_OPT_ADAGRAD, "initial_accumulator", INFINITY },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        RtOptimConfig cfg;
        rt_optim_defaults(&cfg, bad[i].kind);
        const char *f = bad[i].field;
        double *slot = !strcmp(f, "lr") ? &cfg.lr
                     : !strcmp(f, "momentum") ? &cfg.momentum
                     : !strcmp(f, "beta1") ? &cfg.beta1
                     : !strcmp(f, "beta2") ? &cfg.beta2
                     : !strcmp(f, "eps") ? &cfg.eps
                     : !strcmp(f, "weight_decay") ? &cfg.weight_decay
                     : !strcmp(f, "alpha") ? &cfg.alpha
                     : !strcmp(f, "lr_decay") ? &cfg.lr_decay
                     : &cfg.initial_accumulator;
        *slot = bad[i].v;
        RtError err = { 0 };
        RtOptim *o = rt_optim_new(&cfg, 4, &err);
        CHECK(c, !o && err.code == RT_ERR_ARG && strstr(err.msg, f),
              "%s %s=%g refused: \"%s\"", rt_optim_name(bad[i].kind), f,
              bad[i].v, err.msg);
        rt_optim_free(o);
    }
    RtOptimConfig cfg;
    rt_optim_defaults(&cfg, RT_OPT_SGD);
    cfg.nesterov = 1;
    RtError err = { 0 };
    RtOptim *o = rt_optim_new(&cfg, 4, &err);
    CHECK(c, !o && err.code == RT_ERR_ARG && strstr(err.msg, "nesterov"),
          "nesterov without momentum refused: \"%s\"", err.msg);
    cfg.momentum = 0.9;
    cfg.dampening = 0.1;
    o = rt_optim_new(&cfg, 4, &err);
    CHECK(c, !o && strstr(err.msg, "dampening"),
          "nesterov with dampening refused");
    cfg.kind = (RtOptimKind)42;
    o = rt_optim_new(&cfg, 4, &err);
    CHECK(c, !o && err.code == RT_ERR_ARG, "unknown kind refused: \"%s\"",
          err.msg);
    CHECK(c, rt_optim_new(NULL, 4, NULL) == NULL,
          "no config, no error value: NULL, no crash");
    rt_optim_defaults(&cfg, RT_OPT_ADAM);
    cfg.amsgrad = 1;
    o = rt_optim_new(&cfg, SIZE_MAX / 8, &err);
    CHECK(c, !o && err.code == RT_ERR_NOMEM,
          "adam state for SIZE_MAX/8 parameters refused: \"%s\"", err.msg);
}

/* State arrays per kind, as documented in rt.h. */
static void test_state_layout(Checks *c)
{
    struct { RtOptimKind kind; double mom; int flag; size_t slots; } k[] = {
        { RT_OPT_SGD, 0, 0, 0 },      { RT_OPT_SGD, 0.9, 0, 1 },
        { RT_OPT_ADAM, 0, 0, 2 },     { RT_OPT_ADAM, 0, 1, 3 },
        { RT_OPT_ADAMW, 0, 1, 3 },    { RT_OPT_RMSPROP, 0, 0, 1 },
        { RT_OPT_RMSPROP, 0.9, 0, 2 }, { RT_OPT_RMSPROP, 0.9, 1, 3 },
        { RT_OPT_ADAGRAD, 0, 0, 1 },
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
        RtOptimConfig cfg;
        rt_optim_defaults(&cfg, k[i].kind);
        cfg.momentum = k[i].mom;
        cfg.amsgrad = cfg.centered = k[i].flag;
        RtOptim *o = rt_optim_new(&cfg, 5, NULL);
        size_t count = 99;
        rt_optim_state(o, &count);
        CHECK(c, count == 5 * k[i].slots, "%s (momentum %g, flag %d): %zu "
              "state floats", rt_optim_name(k[i].kind), k[i].mom, k[i].flag,
              count);
        rt_optim_free(o);
    }
    RtOptimConfig cfg;
    rt_optim_defaults(&cfg, RT_OPT_ADAGRAD);
    cfg.initial_accumulator = 0.25;
    RtOptim *o = rt_optim_new(&cfg, 3, NULL);
    size_t count;
    float *s = rt_optim_state(o, &count);
    CHECK(c, count == 3 && s[0] == 0.25f && s[2] == 0.25f,
          "adagrad accumulator starts at initial_accumulator");
    rt_optim_free(o);
    o = rt_optim_new(&cfg, 0, NULL);
    CHECK(c, o != NULL, "zero parameters is allowed");
    rt_optim_step(o, NULL, NULL);
    rt_optim_free(o);
}

/* Reset gives a fresh optimizer; set_steps + the saved state resumes. */
static void test_reset_and_resume(Checks *c)
{
    RtOptimConfig cfg;
    rt_optim_defaults(&cfg, RT_OPT_ADAM);
    cfg.amsgrad = 1;
    float g[3][4] = { { 0.5f, -1, 2, 0.1f }, { -0.2f, 0.3f, 1, 0.0f },
                      { 0.01f, 0.7f, -0.4f, 3 } };
    float p1[4] = { 1, 2, 3, 4 }, p2[4] = { 1, 2, 3, 4 }, p3[4];
    RtOptim *a = rt_optim_new(&cfg, 4, NULL), *b = rt_optim_new(&cfg, 4, NULL);
    for (int t = 0; t < 3; t++)
        rt_optim_step(a, p1, g[t]);
    rt_optim_reset(a);
    CHECK(c, rt_optim_steps(a) == 0, "reset zeroes the step count");
    memcpy(p3, p2, sizeof p3);
    for (int t = 0; t < 3; t++) {
        rt_optim_step(a, p2, g[t]);
        rt_optim_step(b, p3, g[t]);
    }
    CHECK(c, memcmp(p2, p3, sizeof p2) == 0,
          "after reset, steps equal a fresh optimizer's bit for bit");

    /* Save b after 2 steps, restore into a third optimizer, compare. */
    float q1[4] = { 1, 2, 3, 4 }, q2[4];
    RtOptim *x = rt_optim_new(&cfg, 4, NULL), *y = rt_optim_new(&cfg, 4, NULL);
    rt_optim_step(x, q1, g[0]);
    rt_optim_step(x, q1, g[1]);
    size_t nx, ny;
    float *sx = rt_optim_state(x, &nx), *sy = rt_optim_state(y, &ny);
    memcpy(sy, sx, nx * sizeof *sx);
    rt_optim_set_steps(y, rt_optim_steps(x));
    memcpy(q2, q1, sizeof q2);
    rt_optim_step(x, q1, g[2]);
    rt_optim_step(y, q2, g[2]);
    CHECK(c, nx == ny && memcmp(q1, q2, sizeof q1) == 0,
          "state + step count restore resumes exactly");
    rt_optim_free(a);
    rt_optim_free(b);
    rt_optim_free(x);
    rt_optim_free(y);
}

static void test_set_lr(Checks *c)
{
    RtOptimConfig cfg;
    rt_optim_defaults(&cfg, RT_OPT_SGD);
    cfg.lr = 0.5;
    RtOptim *o = rt_optim_new(&cfg, 1, NULL);
    float p = 1, g = 2;
    rt_optim_step(o, &p, &g);
    CHECK(c, p == 0.0f, "sgd lr 0.5: 1 - 0.5*2 = 0 (got %g)", p);
    rt_optim_set_lr(o, 0.25);
    CHECK(c, rt_optim_lr(o) == 0.25 && rt_optim_config(o)->lr == 0.5,
          "set_lr changes the current lr, not the configured one");
    rt_optim_step(o, &p, &g);
    CHECK(c, p == -0.5f, "next step uses lr 0.25 (got %g)", p);
    rt_optim_free(o);
}

/* Seed 001, example 1: gradient descent on x^2 - 4x + 3 from 0. */
static void test_gradient_descent(Checks *c)
{
    const double lrs[] = { 0.01, 0.1, 0.2, 0.5 };
    for (int i = 0; i < 4; i++) {
        RtOptimConfig cfg;
        rt_optim_defaults(&cfg, RT_OPT_SGD);
        cfg.lr = lrs[i];
        RtOptim *o = rt_optim_new(&cfg, 1, NULL);
        float x = 0;
        double xd = 0;
        for (int s = 0; s < 100; s++) {
            float g = 2 * x - 4;
            rt_optim_step(o, &x, &g);
            xd -= lrs[i] * (2 * xd - 4);
        }
        CHECK_CLOSE(c, x, xd, 1e-5, 1e-6, "sgd on x^2-4x+3: x after 100 steps");
        rt_optim_free(o);
    }
}

int main(void)
{
    Checks c = { 0, 0 };
    test_fixtures(&c);
    test_defaults(&c);
    test_bad_configs(&c);
    test_state_layout(&c);
    test_reset_and_resume(&c);
    test_set_lr(&c);
    test_gradient_descent(&c);
    return checks_done(&c);
}
