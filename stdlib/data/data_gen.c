/* Data generators: random_images, random_data, regression and the toy
 * sets blobs, moons, circles (scikit-learn's make_*) and spirals (CS231n's
 * spiral data). Every draw comes from one RNG cursor per call (see
 * fx_data_rng), in a fixed order documented per generator, so the same
 * script and seed give the same data bit for bit. The toy sets are
 * shuffled, as scikit-learn's are, so a tail split holds every class. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "data.h"

#define MAX_FEATURES (1 << 24)

/* Wraps d as the call's value, or raises the runtime error. */
static int finish(FxCall *c, FxDataset *d, const RtError *e, FxValue *out)
{
    if (!d)
        return fx_rt_error(c->I, c->node->span, e);
    *out = fx_dataset_value(c->I, d);
    return 0;
}

/* A finite number >= 0 from slot i (dflt when not given). */
static int arg_nonneg(FxCall *c, int i, double dflt, double *out)
{
    char name[32];
    if (fx_arg_opt_num(c, i, dflt, out))
        return -1;
    if (!(*out >= 0) || isinf(*out))
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be 0 or more, got %g",
                        c->name, fx_param_name(c->bi, i, name, sizeof name), *out);
    return 0;
}

static int given(FxCall *c, int i)
{
    return i < c->n && c->given[i] && c->args[i].type != FX_NONE;
}

/* Frees a data set a pass left unfinished (Ctrl-C): -1. */
static int dropped(FxDataset *d)
{
    fx_dataset_free(d);
    return -1;
}

/* Uniform class labels, one rt_rng_below per sample. */
static int draw_labels(FxCall *c, RtRng *r, FxDataset *d)
{
    for (int64_t i = 0; i < d->n; i++) {
        if (fx_poll_interrupt(c->I, c->node->span, i))
            return -1;
        d->y[i] = (float)rt_rng_below(r, (uint64_t)d->classes);
    }
    return 0;
}

/* numpy's linspace(a, b, m) (endpoint included) at i; [a] when m is 1. */
static double lin(double a, double b, int64_t m, int64_t i)
{
    if (m <= 1)
        return a;
    return i == m - 1 ? b : a + (b - a) * (double)i / (double)(m - 1);
}

/* ---- random_images, random_data ------------------------------------------ */

/* Draws: n * numel(shape) pixels N(0, 1) (rt_rng_fill_normal), then the n
 * labels. */
static int b_random_images(FxCall *c, FxValue *out)
{
    int64_t n;
    RtShape shape;
    int classes;
    RtRng r;
    if (fx_data_count(c, 0, &n) || fx_data_shape(c, 1, &shape) ||
        fx_data_classes(c, 2, 10, &classes) || fx_data_rng(c, 3, &r))
        return -1;
    RtError e = fx_std_rt_err(c->I);
    FxDataset *d = fx_dataset_new(n, &shape, 1, classes, &e);
    if (!d)
        return fx_rt_error(c->I, c->node->span, &e);
    if (fx_data_fill_normal(c, &r, d->x, n * rt_shape_numel(&shape), 0, 1) ||
        draw_labels(c, &r, d))
        return dropped(d);
    fx_dataset_origin(d, "random_images(%lld)", (long long)n);
    return finish(c, d, &e, out);
}

enum { RD_N, RD_FEATURES, RD_CLASSES, RD_DIST, RD_LOW, RD_HIGH, RD_MEAN, RD_STD, RD_TARGETS,
       RD_SEED };

typedef struct RandomData {
    int64_t    n, targets;
    RtShape    shape;
    int        classes;
    const char *dist;
    double     low, high, mean, std;
} RandomData;

/* An option that belongs to the other distribution is a mistake, not a
 * silent no-op. */
static int wrong_dist_option(FxCall *c, int i, const char *dist)
{
    char name[32];
    fx_error(c->I, fx_arg_span(c, i), "random_data() argument '%s' does not apply to dist: \"%s\"",
             fx_param_name(c->bi, i, name, sizeof name), dist);
    fx_error_hint(c->I, "low and high go with dist: \"uniform\", mean and std with \"normal\"");
    return -1;
}

static int random_data_args(FxCall *c, RandomData *a)
{
    static const char *const dists[] = {"normal", "uniform", NULL};
    long long targets;
    if (fx_data_count(c, RD_N, &a->n) || fx_data_shape(c, RD_FEATURES, &a->shape) ||
        fx_data_classes(c, RD_CLASSES, 2, &a->classes) ||
        fx_data_choice(c, RD_DIST, "normal", dists, &a->dist) ||
        fx_arg_opt_num(c, RD_LOW, 0, &a->low) || fx_arg_opt_num(c, RD_HIGH, 1, &a->high) ||
        fx_arg_opt_num(c, RD_MEAN, 0, &a->mean) || arg_nonneg(c, RD_STD, 1, &a->std) ||
        fx_arg_opt_int(c, RD_TARGETS, 0, &targets))
        return -1;
    int uniform = strcmp(a->dist, "uniform") == 0;
    for (int i = uniform ? RD_MEAN : RD_LOW; i <= (uniform ? RD_STD : RD_HIGH); i++)
        if (given(c, i))
            return wrong_dist_option(c, i, a->dist);
    if (uniform && !(a->low < a->high && isfinite(a->low) && isfinite(a->high)))
        return fx_error(c->I, fx_arg_span(c, given(c, RD_HIGH) ? RD_HIGH : RD_LOW),
                        "random_data() needs low < high (both finite), got low %g and high %g",
                        a->low, a->high);
    if (!isfinite(a->mean))
        return fx_error(c->I, fx_arg_span(c, RD_MEAN), "random_data() argument 'mean' must be "
                        "finite");
    if (targets < 0 || targets > MAX_FEATURES)
        return fx_error(c->I, fx_arg_span(c, RD_TARGETS), "random_data() argument 'targets' "
                        "must be from 0 to %d, got %lld", MAX_FEATURES, targets);
    if (targets > 0 && given(c, RD_CLASSES)) {
        fx_error(c->I, fx_arg_span(c, RD_TARGETS), "random_data() takes classes or targets, "
                 "not both");
        fx_error_hint(c->I, "classes: k gives class labels, targets: k regression targets");
        return -1;
    }
    a->targets = targets;
    return 0;
}

/* Draws: the features (rt_rng_fill_normal or rt_rng_fill_uniform), then the
 * labels (one rt_rng_below each) or the targets (rt_rng_fill_normal). */
static int b_random_data(FxCall *c, FxValue *out)
{
    RandomData a;
    RtRng r;
    if (random_data_args(c, &a) || fx_data_rng(c, RD_SEED, &r))
        return -1;
    RtError e = fx_std_rt_err(c->I);
    FxDataset *d = fx_dataset_new(a.n, &a.shape, a.targets ? a.targets : 1,
                                  a.targets ? 0 : a.classes, &e);
    if (!d)
        return fx_rt_error(c->I, c->node->span, &e);
    int64_t count = a.n * rt_shape_numel(&a.shape);
    int rc = strcmp(a.dist, "uniform") == 0
        ? fx_data_fill_uniform(c, &r, d->x, count, (float)a.low, (float)a.high)
        : fx_data_fill_normal(c, &r, d->x, count, (float)a.mean, (float)a.std);
    if (rc == 0)
        rc = a.targets ? fx_data_fill_normal(c, &r, d->y, a.n * a.targets, 0, 1)
                       : draw_labels(c, &r, d);
    if (rc)
        return dropped(d);
    fx_dataset_origin(d, "random_data(%lld)", (long long)a.n);
    return finish(c, d, &e, out);
}

/* ---- regression -------------------------------------------------------- */

enum { RG_F, RG_N, RG_RANGE, RG_NOISE, RG_DIST, RG_SEED };

static int range_arg(FxCall *c, int i, double *lo, double *hi)
{
    *lo = 0;
    *hi = 10;
    if (!given(c, i))
        return 0;
    FxList *l;
    if (fx_arg_list(c, i, &l))
        return -1;
    if (l->n != 2 || l->items[0].type != FX_NUM || l->items[1].type != FX_NUM ||
        !(l->items[0].as.n < l->items[1].as.n) || !isfinite(l->items[0].as.n) ||
        !isfinite(l->items[1].as.n))
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument 'range' must be [low, high] "
                        "with low < high", c->name);
    *lo = l->items[0].as.n;
    *hi = l->items[1].as.n;
    return 0;
}

/* y[i] += f(x[i]), calling the fx function once per point with x as the
 * field d.x shows it, so a script's y - f(x) is the noise. */
static int apply_f(FxCall *c, FxDataset *d)
{
    FxValue f = c->args[RG_F];
    for (int64_t i = 0; i < d->n; i++) {
        FxValue arg = fx_num(fx_float_num(d->x[i])), r;
        if (fx_call_value(c->I, f, &arg, 1, c->node, &r))
            return -1;
        char xs[32], ys[32];
        if (r.type != FX_NUM || !isfinite(r.as.n)) {
            fx_error(c->I, fx_arg_span(c, RG_F), "regression() needs f to return a finite "
                     "number; f(%s) gave %s", fx_num_text(arg.as.n, xs),
                     r.type == FX_NUM ? fx_num_text(r.as.n, ys) : fx_type_phrase(r));
            fx_unref(r);
            return -1;
        }
        d->y[i] = (float)(r.as.n + d->y[i]);
    }
    return 0;
}

/* Draws: n x values (rt_rng_fill_uniform; none for dist: "linspace"), then
 * n noise values (rt_rng_fill_normal with std noise). */
static int b_regression(FxCall *c, FxValue *out)
{
    static const char *const dists[] = {"uniform", "linspace", NULL};
    FxValue f = c->args[RG_F];
    int64_t n;
    double lo, hi, noise;
    const char *dist;
    RtRng r;
    if (f.type != FX_FUNC && f.type != FX_BUILTIN)
        return fx_error(c->I, fx_arg_span(c, RG_F), "regression() argument 'f' must be a "
                        "function, got %s", fx_type_phrase(f));
    if (fx_data_count(c, RG_N, &n) || range_arg(c, RG_RANGE, &lo, &hi) ||
        arg_nonneg(c, RG_NOISE, 1, &noise) || fx_data_choice(c, RG_DIST, "uniform", dists, &dist) ||
        fx_data_rng(c, RG_SEED, &r))
        return -1;
    RtError e = fx_std_rt_err(c->I);
    RtShape one = rt_shape1(1);
    FxDataset *d = fx_dataset_new(n, &one, 1, 0, &e);
    if (!d)
        return fx_rt_error(c->I, c->node->span, &e);
    int rc = 0;
    if (strcmp(dist, "uniform") == 0)
        rc = fx_data_fill_uniform(c, &r, d->x, n, (float)lo, (float)hi);
    else
        for (int64_t i = 0; i < n; i++)
            d->x[i] = (float)lin(lo, hi, n, i);
    if (rc || fx_data_fill_normal(c, &r, d->y, n, 0, (float)noise) || apply_f(c, d))
        return dropped(d);
    fx_dataset_origin(d, "regression(%lld)", (long long)n);
    return finish(c, d, &e, out);
}

/* ---- blobs ------------------------------------------------------------- */

enum { BL_N, BL_CENTERS, BL_FEATURES, BL_STD, BL_SEED };

typedef struct Blobs {
    int     k;
    int64_t f;
    float  *centers;     /* k * f, owned; NULL: drawn in [-10, 10) */
} Blobs;

static int blob_list(FxCall *c, FxList *l, Blobs *b)
{
    if (l->n < 2 || l->n > FX_DATA_MAX_CLASSES)
        return fx_error(c->I, fx_arg_span(c, BL_CENTERS), "blobs() needs 2 to %d centers, got %zu",
                        FX_DATA_MAX_CLASSES, l->n);
    for (size_t j = 0; j < l->n; j++) {
        FxValue p = l->items[j];
        int ok = p.type == FX_LIST && fx_as_list(p)->n >= 1 && fx_as_list(p)->n <= MAX_FEATURES &&
                 (j == 0 || fx_as_list(p)->n == fx_as_list(l->items[0])->n);
        for (size_t i = 0; ok && i < fx_as_list(p)->n; i++)
            ok = fx_as_list(p)->items[i].type == FX_NUM && isfinite(fx_as_list(p)->items[i].as.n);
        if (!ok)
            return fx_error(c->I, fx_arg_span(c, BL_CENTERS), "blobs() argument 'centers' must "
                            "be a count or a list of points (lists of numbers of one length); "
                            "item %zu is not", j);
    }
    b->k = (int)l->n;
    b->f = (int64_t)fx_as_list(l->items[0])->n;
    b->centers = fx_xmalloc((size_t)(b->k * b->f) * sizeof(float));
    for (int j = 0; j < b->k; j++)
        for (int64_t i = 0; i < b->f; i++)
            b->centers[j * b->f + i] = (float)fx_as_list(l->items[j])->items[i].as.n;
    return 0;
}

static int blob_args(FxCall *c, Blobs *b)
{
    long long f;
    memset(b, 0, sizeof *b);
    if (fx_arg_opt_int(c, BL_FEATURES, 2, &f))
        return -1;
    if (f < 1 || f > MAX_FEATURES)
        return fx_error(c->I, fx_arg_span(c, BL_FEATURES), "blobs() argument 'features' must be "
                        "from 1 to %d, got %lld", MAX_FEATURES, f);
    if (!given(c, BL_CENTERS) || c->args[BL_CENTERS].type != FX_LIST) {
        b->f = f;
        return fx_data_classes(c, BL_CENTERS, 3, &b->k);
    }
    if (blob_list(c, fx_as_list(c->args[BL_CENTERS]), b))
        return -1;
    if (given(c, BL_FEATURES) && f != b->f) {
        free(b->centers);
        b->centers = NULL;
        return fx_error(c->I, fx_arg_span(c, BL_FEATURES), "blobs(): the centers have %lld "
                        "features, but features is %lld", (long long)b->f, f);
    }
    return 0;
}

/* Sample i of n belongs to part j when parts hold n / k each and the first
 * n % k parts one more (scikit-learn's split of samples among centers). */
static int part_of(int64_t i, int64_t n, int k)
{
    int64_t q = n / k, r = n % k;
    return (int)(i < r * (q + 1) ? i / (q + 1) : r + (i - r * (q + 1)) / q);
}

/* Draws: the centers when not given (k * features, rt_rng_fill_uniform in
 * [-10, 10)), then n * features N(0, std) offsets, then the shuffle. */
static int blob_fill(FxCall *c, FxDataset *d, const Blobs *b, double std, RtRng *r)
{
    if (fx_data_fill_normal(c, r, d->x, d->n * b->f, 0, (float)std))
        return -1;
    for (int64_t i = 0; i < d->n; i++) {
        if (fx_poll_interrupt(c->I, c->node->span, i))
            return -1;
        int j = part_of(i, d->n, b->k);
        for (int64_t a = 0; a < b->f; a++)
            d->x[i * b->f + a] += b->centers[j * b->f + a];
        d->y[i] = (float)j;
    }
    return 0;
}

static int b_blobs(FxCall *c, FxValue *out)
{
    int64_t n;
    double std;
    Blobs b;
    RtRng r;
    if (fx_data_count(c, BL_N, &n) || arg_nonneg(c, BL_STD, 1, &std) || blob_args(c, &b))
        return -1;
    if (fx_data_rng(c, BL_SEED, &r)) {
        free(b.centers);
        return -1;
    }
    if (!b.centers) {
        b.centers = fx_xmalloc((size_t)(b.k * b.f) * sizeof(float));
        rt_rng_fill_uniform(&r, b.centers, b.k * b.f, -10, 10);
    }
    RtError e = fx_std_rt_err(c->I);
    RtShape s = rt_shape1(b.f);
    FxDataset *d = fx_dataset_new(n, &s, 1, b.k, &e);
    if (!d) {
        free(b.centers);
        return fx_rt_error(c->I, c->node->span, &e);
    }
    int rc = blob_fill(c, d, &b, std, &r);
    free(b.centers);
    if (rc)
        return dropped(d);
    if (fx_data_shuffled(c, &d, &r))
        return -1;
    fx_dataset_origin(d, "blobs(%lld)", (long long)n);
    return finish(c, d, &e, out);
}

/* ---- moons, circles, spirals ------------------------------------------------ */

/* The first n / 2 samples are class 0, the rest class 1 (scikit-learn's
 * n_samples_out and n_samples_in); point(i, m, k, ctx) gives sample k of
 * the m in class i. Then the shuffle, then N(0, noise) on every coordinate
 * (scikit-learn's order). */
typedef void (*PointFn)(int cls, int64_t m, int64_t k, double factor, float *xy);

static int two_class(FxCall *c, FxValue *out, PointFn point, double factor, double noise,
                     int64_t n, RtRng *r)
{
    RtError e = fx_std_rt_err(c->I);
    RtShape s = rt_shape1(2);
    FxDataset *d = fx_dataset_new(n, &s, 1, 2, &e);
    if (!d)
        return fx_rt_error(c->I, c->node->span, &e);
    int64_t nout = n / 2, nin = n - nout;
    for (int64_t i = 0; i < n; i++) {
        if (fx_poll_interrupt(c->I, c->node->span, i))
            return dropped(d);
        int cls = i >= nout;
        point(cls, cls ? nin : nout, cls ? i - nout : i, factor, d->x + 2 * i);
        d->y[i] = (float)cls;
    }
    if (fx_data_shuffled(c, &d, r))
        return -1;
    float *z = fx_xmalloc((size_t)(2 * n) * sizeof *z);
    int rc = fx_data_fill_normal(c, r, z, 2 * n, 0, (float)noise);
    for (int64_t i = 0; rc == 0 && i < 2 * n; i++)
        d->x[i] += z[i];
    free(z);
    if (rc)
        return dropped(d);
    fx_dataset_origin(d, "%s(%lld)", c->name, (long long)n);
    return finish(c, d, &e, out);
}

/* Outer: (cos t, sin t); inner: (1 - cos t, 0.5 - sin t); t = linspace(0, pi). */
static void moon_point(int cls, int64_t m, int64_t k, double factor, float *xy)
{
    (void)factor;
    double t = lin(0, M_PI, m, k);
    xy[0] = (float)(cls ? 1 - cos(t) : cos(t));
    xy[1] = (float)(cls ? 1 - sin(t) - 0.5 : sin(t));
}

/* Radius 1 and `factor`; t = linspace(0, 2 pi, endpoint excluded). */
static void circle_point(int cls, int64_t m, int64_t k, double factor, float *xy)
{
    double t = 2 * M_PI * (double)k / (double)m, rad = cls ? factor : 1;
    xy[0] = (float)(rad * cos(t));
    xy[1] = (float)(rad * sin(t));
}

static int b_moons(FxCall *c, FxValue *out)
{
    int64_t n;
    double noise;
    RtRng r;
    if (fx_data_count(c, 0, &n) || arg_nonneg(c, 1, 0.1, &noise) || fx_data_rng(c, 2, &r))
        return -1;
    return two_class(c, out, moon_point, 0, noise, n, &r);
}

static int b_circles(FxCall *c, FxValue *out)
{
    int64_t n;
    double noise, factor;
    RtRng r;
    if (fx_data_count(c, 0, &n) || arg_nonneg(c, 1, 0.05, &noise) ||
        fx_arg_opt_num(c, 2, 0.5, &factor))
        return -1;
    if (!(factor >= 0 && factor < 1))
        return fx_error(c->I, fx_arg_span(c, 2), "circles() argument 'factor' must be in [0, 1), "
                        "got %g", factor);
    if (fx_data_rng(c, 3, &r))
        return -1;
    return two_class(c, out, circle_point, factor, noise, n, &r);
}

/* CS231n: class j's m points have radius linspace(0, 1, m) and angle
 * linspace(4j, 4(j+1), m) + N(0, noise); the point is (r sin t, r cos t).
 * Classes share n as blobs' centers do. Draws: n angle offsets in class
 * order (rt_rng_fill_normal), then the shuffle. */
static int b_spirals(FxCall *c, FxValue *out)
{
    int64_t n;
    int k;
    double noise;
    RtRng r;
    if (fx_data_count(c, 0, &n) || fx_data_classes(c, 1, 2, &k) || arg_nonneg(c, 2, 0.2, &noise) ||
        fx_data_rng(c, 3, &r))
        return -1;
    RtError e = fx_std_rt_err(c->I);
    RtShape s = rt_shape1(2);
    FxDataset *d = fx_dataset_new(n, &s, 1, k, &e);
    if (!d)
        return fx_rt_error(c->I, c->node->span, &e);
    if (fx_data_fill_normal(c, &r, d->y, n, 0, (float)noise))   /* the offsets, for now */
        return dropped(d);
    for (int64_t j = 0, i = 0; j < k; j++) {
        int64_t m = n / k + (j < n % k);
        for (int64_t at = 0; at < m; at++, i++) {
            if (fx_poll_interrupt(c->I, c->node->span, i))
                return dropped(d);
            double rad = lin(0, 1, m, at), t = lin(4.0 * j, 4.0 * (j + 1), m, at) + d->y[i];
            d->x[2 * i] = (float)(rad * sin(t));
            d->x[2 * i + 1] = (float)(rad * cos(t));
            d->y[i] = (float)j;
        }
    }
    if (fx_data_shuffled(c, &d, &r))
        return -1;
    fx_dataset_origin(d, "spirals(%lld)", (long long)n);
    return finish(c, d, &e, out);
}

static const FxBuiltin gen_builtins[] = {
    {"random_images", "n, shape, classes=, seed=", b_random_images,
     "n images of the given shape with N(0, 1) pixels and uniform labels (classes 10)"},
    {"random_data", "n, features, classes=, dist=, low=, high=, mean=, std=, targets=, seed=",
     b_random_data, "n samples of normal (mean 0, std 1) or uniform (low 0, high 1) features "
     "with uniform labels (classes 2) or, with targets: k, N(0, 1) regression targets"},
    {"regression", "f, n, range=, noise=, dist=, seed=", b_regression,
     "n points x uniform in range (default [0, 10]; dist: \"linspace\" evenly spaced) with "
     "y = f(x) + N(0, noise) (noise 1)"},
    {"blobs", "n, centers=, features=, std=, seed=", b_blobs,
     "n points in Gaussian blobs around centers (3, drawn in [-10, 10)) of std 1, as "
     "scikit-learn's make_blobs"},
    {"moons", "n, noise=, seed=", b_moons,
     "two interleaving half circles with N(0, noise) noise (0.1), as scikit-learn's make_moons"},
    {"circles", "n, noise=, factor=, seed=", b_circles,
     "a circle inside a larger one (radius factor 0.5, noise 0.05), as scikit-learn's "
     "make_circles"},
    {"spirals", "n, classes=, noise=, seed=", b_spirals,
     "interleaved spiral arms, one per class (2), angle noise 0.2, as CS231n's spiral data"},
};

void fx_data_gen_init(FxInterp *I)
{
    fx_define_builtins(I, gen_builtins, (int)(sizeof gen_builtins / sizeof *gen_builtins));
}
