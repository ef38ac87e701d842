/* Tests the learning-rate schedules against torch.optim.lr_scheduler
 * (tests/fixtures/rt_schedule.txt, from gen_rt_optim.py): 30 values of each
 * closed-form schedule within 1e-9 relative, and ReduceLROnPlateau's lr
 * after each of 20-40 metrics, exactly up to 1e-12 relative. Plus argument
 * checks and a few hand-computed values. Knows nothing of fx. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "fixture_lines.h"
#include "rt.h"

static int sched_kind(const char *s, RtSchedKind *k)
{
    if (!strcmp(s, "step")) *k = RT_SCHED_STEP;
    else if (!strcmp(s, "exponential")) *k = RT_SCHED_EXPONENTIAL;
    else if (!strcmp(s, "cosine")) *k = RT_SCHED_COSINE;
    else if (!strcmp(s, "none")) *k = RT_SCHED_CONSTANT;
    else return -1;
    return 0;
}

/* Worst |a-b| / (atol + rtol*|b|) over n values; <= 1 passes. */
static double worst_excess(const double *a, const double *b, int n,
                           double rtol, double atol, int *at)
{
    double w = 0;
    for (int i = 0; i < n; i++) {
        double e = fabs(a[i] - b[i]) / (atol + rtol * fabs(b[i]));
        if (!(e <= w)) {
            w = e;
            *at = i;
        }
    }
    return w;
}

static void run_sched(Checks *c, FixLines *L)
{
    char name[64];
    snprintf(name, sizeof name, "%s", L->tok[1]);
    RtSchedule s;
    RtSchedKind kind;
    if (sched_kind(L->tok[2], &kind)) {
        CHECK(c, 0, "%s: unknown kind %s", name, L->tok[2]);
        return;
    }
    rt_sched_init(&s, kind);
    double base = strtod(L->tok[3], NULL);
    s.step_size = (int64_t)fix_kvd(L, "step_size");
    s.gamma = fix_kvd(L, "gamma");
    s.t_max = (int64_t)fix_kvd(L, "t_max");
    s.eta_min = fix_kvd(L, "eta_min");
    s.warmup = (int64_t)fix_kvd(L, "warmup");
    s.start_factor = fix_kvd(L, "start_factor");
    RtError err = { 0 };
    CHECK(c, rt_sched_check(&s, &err) == 0, "%s: settings accepted%s%s", name,
          err.msg[0] ? ": " : "", err.msg);
    fix_expect(L, "lr");
    int n = atoi(L->tok[1]);
    double *want = malloc((size_t)n * sizeof *want);
    double *got = malloc((size_t)n * sizeof *got);
    fix_doubles(L, 2, want, (size_t)n);
    for (int t = 0; t < n; t++)
        got[t] = rt_sched_lr(&s, base, t);
    int at = 0;
    double w = worst_excess(got, want, n, 1e-9, 1e-15 * base, &at);
    CHECK(c, w <= 1, "%s: %d lrs match torch within 1e-9 (worst %.2g of "
          "the tolerance, t=%d: %.17g vs %.17g)", name, n, w, at, got[at],
          want[at]);
    free(want);
    free(got);
}

static void run_plateau(Checks *c, FixLines *L)
{
    char name[64];
    snprintf(name, sizeof name, "%s", L->tok[1]);
    double lr = strtod(L->tok[2], NULL);
    RtPlateau p;
    rt_plateau_init(&p);
    const char *mode = fix_kv(L, "mode"), *tm = fix_kv(L, "threshold_mode");
    p.mode_max = mode && !strcmp(mode, "max");
    p.threshold_abs = tm && !strcmp(tm, "abs");
    p.factor = fix_kvd(L, "factor");
    p.patience = (int64_t)fix_kvd(L, "patience");
    p.threshold = fix_kvd(L, "threshold");
    p.cooldown = (int64_t)fix_kvd(L, "cooldown");
    p.min_lr = fix_kvd(L, "min_lr");
    p.eps = fix_kvd(L, "eps");
    rt_plateau_reset(&p);
    RtError err = { 0 };
    CHECK(c, rt_plateau_check(&p, &err) == 0,
          "plateau %s: settings accepted%s%s", name, err.msg[0] ? ": " : "",
          err.msg);
    fix_expect(L, "metric");
    int n = atoi(L->tok[1]);
    double *metric = malloc((size_t)n * sizeof *metric);
    double *want = malloc((size_t)n * sizeof *want);
    double *got = malloc((size_t)n * sizeof *got);
    fix_doubles(L, 2, metric, (size_t)n);
    fix_expect(L, "lr");
    fix_doubles(L, 2, want, (size_t)n);
    int reductions = 0;
    for (int i = 0; i < n; i++) {
        double before = lr;
        lr = got[i] = rt_plateau_step(&p, metric[i], lr);
        reductions += lr != before;
    }
    int at = 0;
    double w = worst_excess(got, want, n, 1e-12, 0, &at);
    CHECK(c, w <= 1 && p.epochs == n, "plateau %s: %d epochs, %d reductions "
          "as torch (t=%d: %.17g vs %.17g)", name, n, reductions, at,
          got[at], want[at]);
    free(metric);
    free(want);
    free(got);
}

static void test_fixtures(Checks *c)
{
    FixLines L;
    if (fix_open(&L, "tests/fixtures/rt_schedule.txt")) {
        CHECK(c, 0, "tests/fixtures/rt_schedule.txt opens");
        return;
    }
    int scheds = 0, plateaus = 0;
    while (fix_next(&L)) {
        if (!strcmp(L.tok[0], "sched")) {
            run_sched(c, &L);
            scheds++;
        } else if (!strcmp(L.tok[0], "plateau")) {
            run_plateau(c, &L);
            plateaus++;
        }
    }
    fix_close(&L);
    CHECK(c, scheds == 10 && plateaus == 6, "%d schedules and %d plateau "
          "runs read", scheds, plateaus);
}

static void test_by_hand(Checks *c)
{
    RtSchedule s;
    rt_sched_init(&s, RT_SCHED_CONSTANT);
    CHECK(c, rt_sched_lr(&s, 0.3, 0) == 0.3 && rt_sched_lr(&s, 0.3, 99) == 0.3,
          "constant");
    rt_sched_init(&s, RT_SCHED_STEP);
    s.step_size = 10;
    CHECK_CLOSE(c, rt_sched_lr(&s, 1.0, 25), 0.01, 1e-15, 0,
                "step: gamma 0.1 by default, twice by t=25");
    rt_sched_init(&s, RT_SCHED_COSINE);
    s.t_max = 4;
    CHECK_CLOSE(c, rt_sched_lr(&s, 1.0, 2), 0.5, 1e-15, 0, "cosine halfway");
    CHECK_CLOSE(c, rt_sched_lr(&s, 1.0, 4), 0.0, 0, 1e-16, "cosine at t_max");
    CHECK_CLOSE(c, rt_sched_lr(&s, 1.0, 8000000000004LL), 0.0, 0, 1e-12,
                "cosine at a huge t keeps its period");
    s.warmup = 4;
    CHECK_CLOSE(c, rt_sched_lr(&s, 0.9, 0), 0.3, 1e-15, 0,
                "warm-up starts at base/3 by default");
    CHECK_CLOSE(c, rt_sched_lr(&s, 0.9, 2), 0.6, 1e-15, 0, "warm-up halfway");
    CHECK_CLOSE(c, rt_sched_lr(&s, 0.9, 4), 0.9, 1e-15, 0,
                "after warm-up the cosine starts at base");
    CHECK_CLOSE(c, rt_sched_lr(&s, 0.9, -3), 0.3, 1e-15, 0,
                "negative t is taken as 0");
}

static void test_checks(Checks *c)
{
    RtSchedule s;
    RtError err = { 0 };
    rt_sched_init(&s, RT_SCHED_STEP);
    s.step_size = 0;
    CHECK(c, rt_sched_check(&s, &err) && strstr(err.msg, "step_size"),
          "step_size 0 refused: \"%s\"", err.msg);
    rt_sched_init(&s, RT_SCHED_EXPONENTIAL);
    s.gamma = NAN;
    CHECK(c, rt_sched_check(&s, &err) && strstr(err.msg, "gamma"),
          "gamma NaN refused: \"%s\"", err.msg);
    rt_sched_init(&s, RT_SCHED_COSINE);
    s.t_max = 0;
    CHECK(c, rt_sched_check(&s, &err) && strstr(err.msg, "t_max"),
          "t_max 0 refused: \"%s\"", err.msg);
    rt_sched_init(&s, RT_SCHED_CONSTANT);
    s.warmup = 3;
    s.start_factor = 0;
    CHECK(c, rt_sched_check(&s, &err) && strstr(err.msg, "start_factor"),
          "start_factor 0 refused: \"%s\"", err.msg);
    s.warmup = -1;
    CHECK(c, rt_sched_check(&s, &err) && strstr(err.msg, "warm-up"),
          "negative warm-up refused: \"%s\"", err.msg);
    s.kind = (RtSchedKind)9;
    s.warmup = 0;
    CHECK(c, rt_sched_check(&s, &err) && err.code == RT_ERR_ARG,
          "unknown kind refused: \"%s\"", err.msg);

    RtPlateau p;
    rt_plateau_init(&p);
    CHECK(c, p.factor == 0.1 && p.patience == 10 && p.threshold == 1e-4 &&
             !p.threshold_abs && !p.mode_max && p.cooldown == 0 &&
             p.min_lr == 0 && p.eps == 1e-8 && rt_plateau_check(&p, NULL) == 0,
          "plateau defaults are PyTorch's");
    p.factor = 1.0;
    CHECK(c, rt_plateau_check(&p, &err) && strstr(err.msg, "factor"),
          "factor 1 refused: \"%s\"", err.msg);
    p.factor = 0.5;
    p.patience = -1;
    CHECK(c, rt_plateau_check(&p, &err) && strstr(err.msg, "patience"),
          "negative patience refused");
}

static void test_plateau_nan(Checks *c)
{
    RtPlateau p;
    rt_plateau_init(&p);
    p.patience = 1;
    double lr = 1.0;
    lr = rt_plateau_step(&p, 1.0, lr);
    lr = rt_plateau_step(&p, NAN, lr);
    CHECK(c, lr == 1.0 && p.best == 1.0, "one NaN epoch counts as bad");
    lr = rt_plateau_step(&p, NAN, lr);
    CHECK(c, fabs(lr - 0.1) < 1e-15, "two NaN epochs past patience 1 reduce");
}

int main(void)
{
    Checks c = { 0, 0 };
    test_fixtures(&c);
    test_by_hand(&c);
    test_checks(&c);
    test_plateau_nan(&c);
    return checks_done(&c);
}
