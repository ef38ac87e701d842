/* compare(a, b): whether two sweep points trained over seeds (or two
 * lists of numbers) differ by more than seed noise, by Welch's t-test on
 * a metric's final or best value per repeat: the means, the sample stds,
 * t, the Welch-Satterthwaite degrees of freedom and the two-sided p-value
 * from Student's t distribution (through the regularised incomplete beta
 * function, evaluated by its continued fraction). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

/* The continued fraction of I_x(a, b), by the modified Lentz method;
 * converges fast for x < (a + 1) / (a + b + 2). */
static double beta_cf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    d = fabs(d) < tiny ? tiny : d;
    d = 1 / d;
    double f = d;
    for (int m = 1; m <= 500; m++) {
        double num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
        for (int half = 0; half < 2; half++) {
            d = 1 + num * d;
            d = fabs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = fabs(c) < tiny ? tiny : c;
            d = 1 / d;
            double step = c * d;
            f *= step;
            if (half == 1 && fabs(step - 1) < 1e-15)
                return f;
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
        }
    }
    return f;
}

/* The regularised incomplete beta function I_x(a, b). */
double fx_incomplete_beta(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return front * beta_cf(a, b, x) / a;
    return 1 - front * beta_cf(b, a, 1 - x) / b;
}

/* P(|T| >= |t|) for Student's t with df degrees of freedom. */
double fx_t_two_sided(double t, double df)
{
    if (isnan(t) || isnan(df) || df <= 0)
        return NAN;
    if (isinf(t))
        return 0;
    return fx_incomplete_beta(df / 2, 0.5, df / (df + t * t));
}

/* The per-repeat values of argument i: a point's repeats (the metric's
 * final or best value) or a list of numbers. */
static int samples(FxCall *c, int i, const char *metric, int best, double **x, int *n)
{
    FxValue v = c->args[i];
    FxRepeats *r = fx_value_repeats(v);
    if (r) {
        *n = fx_repeats_count(r);
        *x = fx_xcalloc((size_t)*n + 1, sizeof **x);
        if (fx_repeats_values(r, metric, best, *x) == 0)
            return 0;
        fx_error(c->I, fx_arg_span(c, i), "compare: these repeats have no %s", metric);
        fx_error_hint(c->I, "choose metric: \"loss\", \"accuracy\", \"val_loss\" or "
                      "\"val_accuracy\"");
        return -1;
    }
    if (v.type == FX_LIST) {
        FxList *l = fx_as_list(v);
        *n = (int)l->n;
        *x = fx_xcalloc(l->n + 1, sizeof **x);
        for (size_t k = 0; k < l->n; k++) {
            if (l->items[k].type != FX_NUM)
                return fx_error(c->I, fx_arg_span(c, i),
                                "compare: item %zu of the list is not a number", k);
            (*x)[k] = l->items[k].as.n;
        }
        return 0;
    }
    fx_error(c->I, fx_arg_span(c, i), "compare needs a point trained over seeds or a list "
             "of numbers, got %s", fx_type_phrase(v));
    fx_error_hint(c->I, "train each point over seeds: sweep ..., repeat: 5 { ... }, then "
                  "compare(runs[0], runs[1])");
    return -1;
}

static void put(FxInterp *I, FxValue rec, const char *key, FxValue v)
{
    fx_record_set(rec, fx_intern_cstr(&I->intern, key), v);
}

static int has_validation(FxValue v)
{
    FxRepeats *r = fx_value_repeats(v);
    if (!r || fx_repeats_count(r) == 0)
        return 0;
    const FxRun *run = fx_value_run(fx_repeats_result(r, 0));
    return run && run->has_val;
}

/* compare(a, b, metric: "val_loss", at: "final", alpha: 0.05) */
static int b_compare(FxCall *c, FxValue *out)
{
    FxInterp *I = c->I;
    int lists = !fx_value_repeats(c->args[0]) && !fx_value_repeats(c->args[1]);
    const char *metric = lists ? "values"
                       : has_validation(c->args[0]) && has_validation(c->args[1])
                       ? "val_loss" : "loss";
    const char *at = "final";
    double alpha = 0.05;
    if (c->given[2]) {
        if (c->args[2].type != FX_STR)
            return fx_error(I, fx_arg_span(c, 2), "metric: needs a name such as \"val_loss\"");
        metric = fx_as_str(c->args[2])->s;
    }
    if (c->given[3]) {
        if (c->args[3].type != FX_STR || (strcmp(fx_as_str(c->args[3])->s, "final") &&
                                          strcmp(fx_as_str(c->args[3])->s, "best")))
            return fx_error(I, fx_arg_span(c, 3), "at: is \"final\" or \"best\"");
        at = fx_as_str(c->args[3])->s;
    }
    if (fx_arg_opt_num(c, 4, alpha, &alpha))
        return -1;
    if (!(alpha > 0 && alpha < 1))
        return fx_error(I, fx_arg_span(c, 4), "alpha: needs a number between 0 and 1");
    double *x = NULL, *y = NULL;
    int nx = 0, ny = 0, rc = -1;
    int best = strcmp(at, "best") == 0;
    if (samples(c, 0, metric, best, &x, &nx) || samples(c, 1, metric, best, &y, &ny))
        goto done;
    if (nx < 2 || ny < 2) {
        fx_error(I, fx_arg_span(c, nx < 2 ? 0 : 1), "compare needs at least 2 repeats on "
                 "each side to measure the seed noise, got %d", nx < 2 ? nx : ny);
        fx_error_hint(I, "train the points with repeat: 5 or more");
        goto done;
    }
    double ma = fx_repeats_stat(x, nx, 0), sa = fx_repeats_stat(x, nx, 1);
    double mb = fx_repeats_stat(y, ny, 0), sb = fx_repeats_stat(y, ny, 1);
    double va = sa * sa / nx, vb = sb * sb / ny;
    double t, df, p;
    if (va + vb == 0) {              /* no noise at all: equal or certainly not */
        t = ma == mb ? 0 : copysign(INFINITY, ma - mb);
        df = nx + ny - 2;
        p = ma == mb ? 1 : 0;
    } else {
        t = (ma - mb) / sqrt(va + vb);
        df = (va + vb) * (va + vb) / (va * va / (nx - 1) + vb * vb / (ny - 1));
        p = fx_t_two_sided(t, df);
    }
    FxValue rec = fx_record_new(&I->heap);
    put(I, rec, "metric", fx_str_cstr(&I->heap, metric));
    put(I, rec, "at", fx_str_cstr(&I->heap, at));
    put(I, rec, "mean_a", fx_num(ma));
    put(I, rec, "std_a", fx_num(sa));
    put(I, rec, "n_a", fx_num(nx));
    put(I, rec, "mean_b", fx_num(mb));
    put(I, rec, "std_b", fx_num(sb));
    put(I, rec, "n_b", fx_num(ny));
    put(I, rec, "diff", fx_num(ma - mb));
    put(I, rec, "t", fx_num(t));
    put(I, rec, "df", fx_num(df));
    put(I, rec, "p", fx_num(p));
    put(I, rec, "differ", fx_bool(p < alpha));
    *out = rec;
    rc = 0;
done:
    free(x);
    free(y);
    return rc;
}

static const FxBuiltin compare_builtins[] = {
    {"compare", "a, b, metric=, at=, alpha=", b_compare,
     "Welch's t-test: do two points trained over seeds differ beyond seed noise?"},
};

void fx_exp_compare_init(FxInterp *I)
{
    fx_define_builtins(I, compare_builtins, 1);
}
