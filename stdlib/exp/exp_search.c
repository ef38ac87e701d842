/* Random search's distributions: uniform(lo, hi), loguniform(lo, hi),
 * randint(lo, hi) and choice(list), values a sweep with `samples: n`
 * draws its points from. Each point k draws its variables in order from
 * its own stream (RT_STREAM_SEARCH, sub = k) under the script's seed, so
 * the same script picks the same points, and point k is the same whether
 * the sweep has 10 samples or 20. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

typedef enum DistKind { DIST_UNIFORM, DIST_LOGUNIFORM, DIST_RANDINT, DIST_CHOICE } DistKind;

struct FxDist {
    DistKind kind;
    double   lo, hi;
    FxValue  choices;     /* DIST_CHOICE: the list (owned) */
};

static const char *const dist_names[] = {"uniform", "loguniform", "randint", "choice"};

static void dist_release(void *data)
{
    FxDist *d = data;
    if (d->kind == DIST_CHOICE)
        fx_unref(d->choices);
}

static void dist_describe(const void *data, FxBuf *out)
{
    const FxDist *d = data;
    char a[32], b[32];
    if (d->kind == DIST_CHOICE) {
        fx_buf_puts(out, "choice(");
        fx_value_repr(out, d->choices);
        fx_buf_puts(out, ")");
        return;
    }
    fx_buf_printf(out, "%s(%s, %s)", dist_names[d->kind], fx_num_text(d->lo, a),
                  fx_num_text(d->hi, b));
}

static int dist_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    FxDist *d = data;
    if (strcmp(name, "kind") == 0)
        *out = fx_str_cstr(&I->heap, dist_names[d->kind]);
    else if (strcmp(name, "lo") == 0 && d->kind != DIST_CHOICE)
        *out = fx_num(d->lo);
    else if (strcmp(name, "hi") == 0 && d->kind != DIST_CHOICE)
        *out = fx_num(d->hi);
    else
        return 1;
    return 0;
}

static const char *const dist_fields[] = {"kind", "lo", "hi", NULL};

const FxForeignType fx_dist_type = {
    .name = "distribution", .phrase = "a distribution", .release = dist_release,
    .free = free, .describe = dist_describe, .field = dist_field, .fields = dist_fields,
};

FxDist *fx_value_dist(FxValue v)
{
    if (v.type == FX_FOREIGN && fx_as_foreign(v)->type == &fx_dist_type)
        return fx_as_foreign(v)->data;
    return NULL;
}

static FxValue dist_new(FxInterp *I, DistKind kind, double lo, double hi)
{
    FxDist *d = fx_xcalloc(1, sizeof *d);
    d->kind = kind;
    d->lo = lo;
    d->hi = hi;
    return fx_foreign_new(&I->heap, &fx_dist_type, d);
}

/* The two bounds of uniform/loguniform/randint, checked. */
static int bounds(FxCall *c, DistKind kind, double *lo, double *hi)
{
    if (fx_arg_num(c, 0, lo) || fx_arg_num(c, 1, hi))
        return -1;
    const char *name = dist_names[kind];
    if (!isfinite(*lo) || !isfinite(*hi))
        return fx_error(c->I, fx_arg_span(c, isfinite(*lo) ? 1 : 0),
                        "%s() needs finite bounds", name);
    if (kind == DIST_RANDINT) {
        if (*lo != floor(*lo) || *hi != floor(*hi) || fabs(*lo) > 9e15 || fabs(*hi) > 9e15)
            return fx_error(c->I, fx_arg_span(c, *lo != floor(*lo) ? 0 : 1),
                            "randint() needs whole numbers");
        if (*lo > *hi)
            return fx_error(c->I, fx_arg_span(c, 1),
                            "randint(lo, hi) needs lo <= hi (both ends included)");
        return 0;
    }
    if (kind == DIST_LOGUNIFORM && *lo <= 0)
        return fx_error(c->I, fx_arg_span(c, 0),
                        "loguniform() needs a lower bound above 0, got %g", *lo);
    if (*lo >= *hi)
        return fx_error(c->I, fx_arg_span(c, 1), "%s(lo, hi) needs lo < hi, got %g and %g",
                        name, *lo, *hi);
    return 0;
}

/* uniform(), loguniform() and randint(): which one is the builtin's name. */
static int b_bounded(FxCall *c, FxValue *out)
{
    DistKind kind = !strcmp(c->bi->name, "uniform") ? DIST_UNIFORM
                  : !strcmp(c->bi->name, "loguniform") ? DIST_LOGUNIFORM : DIST_RANDINT;
    double lo, hi;
    if (bounds(c, kind, &lo, &hi))
        return -1;
    *out = dist_new(c->I, kind, lo, hi);
    return 0;
}

static int b_choice(FxCall *c, FxValue *out)
{
    FxValue l = c->args[0];
    if (l.type != FX_LIST)
        return fx_error(c->I, fx_arg_span(c, 0), "choice() needs a list of values, got %s",
                        fx_type_phrase(l));
    if (fx_as_list(l)->n == 0)
        return fx_error(c->I, fx_arg_span(c, 0), "choice() needs at least one value");
    *out = dist_new(c->I, DIST_CHOICE, 0, 0);
    ((FxDist *)fx_as_foreign(*out)->data)->choices = fx_ref(l);
    return 0;
}

FxValue fx_dist_draw(const FxDist *d, RtRng *r)
{
    switch (d->kind) {
    case DIST_UNIFORM: {
        double x = d->lo + (d->hi - d->lo) * rt_rng_uniform(r);
        return fx_num(x < d->hi ? x : d->lo);   /* [lo, hi), as numpy's */
    }
    case DIST_LOGUNIFORM: {
        double a = log(d->lo), b = log(d->hi);
        double x = exp(a + (b - a) * rt_rng_uniform(r));
        return fx_num(x < d->lo ? d->lo : x < d->hi ? x : d->lo);
    }
    case DIST_RANDINT:
        return fx_num(d->lo + (double)rt_rng_below(r, (uint64_t)(d->hi - d->lo) + 1));
    case DIST_CHOICE:
        break;
    }
    return fx_list_draw(d->choices, r);
}

FxValue fx_list_draw(FxValue list, RtRng *r)
{
    const FxList *l = fx_as_list(list);
    return fx_ref(l->items[rt_rng_below(r, l->n)]);
}

static const FxBuiltin search_builtins[] = {
    {"uniform", "lo, hi", b_bounded,
     "for a sweep's random search (samples:): numbers drawn uniformly from [lo, hi)"},
    {"loguniform", "lo, hi", b_bounded,
     "for random search: numbers whose logarithm is uniform, lo > 0 (learning rates)"},
    {"randint", "lo, hi", b_bounded,
     "for random search: whole numbers from lo to hi, both included"},
    {"choice", "values", b_choice,
     "for random search: one of the values, each as likely"},
};

void fx_exp_search_init(FxInterp *I)
{
    fx_define_builtins(I, search_builtins,
                       (int)(sizeof search_builtins / sizeof *search_builtins));
}
