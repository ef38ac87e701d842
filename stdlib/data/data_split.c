/* Reshaping data sets into new ones: split (scikit-learn's
 * train_test_split, or Keras's validation tail with shuffle: false), take
 * (a slice), normalize (per-feature standardisation, optionally with
 * another set's statistics) and concat. Each returns new data sets; the
 * argument is never changed. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "data.h"

static int given(FxCall *c, int i)
{
    return i < c->n && c->given[i] && c->args[i].type != FX_NONE;
}

static FxValue with_origin(FxInterp *I, FxDataset *d, const char *from, const char *suffix)
{
    fx_dataset_origin(d, "%s%s", from, suffix);
    return fx_dataset_value(I, d);
}

/* ---- split ------------------------------------------------------------- */

enum { SP_D, SP_FRACTION, SP_SHUFFLE, SP_STRATIFY, SP_SEED, SP_SEP };

/* How many samples go to the test part: ceil(f * n) as scikit-learn when
 * shuffling, n - int(n * (1 - f)) as Keras's validation_split otherwise;
 * a whole number >= 1 is a count. */
static int test_count(FxCall *c, int64_t n, int shuffle, int64_t *out)
{
    double f;
    if (fx_arg_num(c, SP_FRACTION, &f))
        return -1;
    if (f > 0 && f < 1)
        *out = shuffle ? (int64_t)ceil(f * (double)n) : n - (int64_t)((double)n * (1.0 - f));
    else if (f >= 1 && f == floor(f) && f < 9e15)
        *out = (int64_t)f;
    else
        return fx_error(c->I, fx_arg_span(c, SP_FRACTION), "split() argument 'fraction' must be "
                        "between 0 and 1, or a whole number of test samples; got %g", f);
    if (*out < 1 || *out >= n) {
        fx_error(c->I, fx_arg_span(c, SP_FRACTION), "split() of %lld sample%s with fraction %g "
                 "leaves the %s part empty", (long long)n, n == 1 ? "" : "s", f,
                 *out < 1 ? "test" : "train");
        fx_error_hint(c->I, "each part needs at least one sample");
        return -1;
    }
    return 0;
}

/* Test samples per class: floor(n_test * n_c / n), the rest handed out by
 * largest remainder (ties to the lower class), so the sum is n_test. A
 * class gets at most one extra and never more than it holds. */
static int64_t *class_quota(const FxDataset *d, int64_t n_test)
{
    int64_t *cnt = fx_dataset_counts(d), have = 0;
    int64_t *quota = fx_xcalloc((size_t)d->classes, sizeof *quota);
    double *rem = fx_xcalloc((size_t)d->classes, sizeof *rem);
    for (int k = 0; k < d->classes; k++) {
        double exact = (double)n_test * (double)cnt[k] / (double)d->n;
        quota[k] = (int64_t)exact;
        rem[k] = exact - (double)quota[k];
        have += quota[k];
    }
    while (have < n_test) {   /* ends: the counts sum to n > n_test */
        int best = -1;
        for (int k = 0; k < d->classes; k++)
            if (quota[k] < cnt[k] && (best < 0 || rem[k] > rem[best]))
                best = k;
        quota[best]++;
        rem[best] = -1;
        have++;
    }
    free(rem);
    free(cnt);
    return quota;
}

/* idx = [test..., train...]. Shuffled: a permutation of all samples, the
 * first n_test of it the test part (scikit-learn's ShuffleSplit); with
 * stratify, walking the permutation, a sample goes to the test part while
 * its class is under quota. Not shuffled: the last n_test samples. */
static int split_order(FxCall *c, const FxDataset *d, int64_t n_test, int shuffle, int stratify,
                       RtRng *r, int64_t *idx)
{
    int64_t n = d->n;
    if (!shuffle) {
        for (int64_t i = 0; i < n_test; i++)
            idx[i] = n - n_test + i;
        for (int64_t i = 0; i < n - n_test; i++)
            idx[n_test + i] = i;
        return 0;
    }
    if (fx_data_permutation(c, r, idx, n))
        return -1;
    if (!stratify)
        return 0;
    int64_t *quota = class_quota(d, n_test), *perm = fx_xmalloc((size_t)n * sizeof *perm);
    memcpy(perm, idx, (size_t)n * sizeof *perm);
    int64_t t = 0, u = n_test;
    for (int64_t i = 0; i < n; i++) {
        int k = (int)d->y[perm[i] * d->ydim];
        if (quota[k] > 0) {
            quota[k]--;
            idx[t++] = perm[i];
        } else {
            idx[u++] = perm[i];
        }
    }
    free(perm);
    free(quota);
    return 0;
}

/* split() of a string is the core's split(s, sep): the separator is the
 * second positional argument or sep:. */
static int text_split(FxCall *c, FxValue *out)
{
    char name[32];
    const FxBuiltin *t = fx_std(c->I)->text_split;
    for (int i = SP_SHUFFLE; i <= SP_SEED; i++)
        if (given(c, i))
            return fx_error(c->I, fx_arg_span(c, i), "split() argument '%s' is for datasets, "
                            "not strings", fx_param_name(c->bi, i, name, sizeof name));
    if (c->given[SP_FRACTION] && c->given[SP_SEP])
        return fx_error(c->I, fx_arg_span(c, SP_SEP), "split() of a string takes one separator");
    if (!t)
        return fx_error(c->I, c->node->span, "split() of strings is not available");
    int k = c->given[SP_SEP] ? SP_SEP : SP_FRACTION;
    FxValue args[2] = {c->args[SP_D], c->args[k]};
    const FxNode *at[2] = {c->at[SP_D], c->at[k]};
    unsigned char g[2] = {1, c->given[k]};
    FxCall tc = *c;
    tc.bi = t;
    tc.n = 2;
    tc.args = args;
    tc.at = at;
    tc.given = g;
    return t->fn(&tc, out);
}

static int b_split(FxCall *c, FxValue *out)
{
    FxDataset *d;
    int shuffle, stratify;
    int64_t n_test;
    RtRng r = {0};
    if (c->args[SP_D].type == FX_STR)
        return text_split(c, out);
    if (!fx_value_dataset(c->args[SP_D]))
        return fx_error(c->I, fx_arg_span(c, SP_D), "split() needs a dataset (or a string), "
                        "got %s", fx_type_phrase(c->args[SP_D]));
    if (given(c, SP_SEP))
        return fx_error(c->I, fx_arg_span(c, SP_SEP), "split() argument 'sep' is for strings; "
                        "a dataset is split by a fraction");
    if (!c->given[SP_FRACTION]) {
        fx_error(c->I, c->node->span, "split() of a dataset is missing argument 'fraction'");
        fx_error_hint(c->I, "split(d, 0.2) puts 20%% of the samples in the test part");
        return -1;
    }
    if (fx_arg_dataset(c, SP_D, &d) || fx_arg_bool(c, SP_SHUFFLE, 1, &shuffle) ||
        fx_arg_bool(c, SP_STRATIFY, 0, &stratify) || test_count(c, d->n, shuffle, &n_test))
        return -1;
    if (stratify && !shuffle)
        return fx_error(c->I, fx_arg_span(c, SP_STRATIFY), "split() cannot stratify without "
                        "shuffling (shuffle: false takes the last samples as they are)");
    if (stratify && d->classes < 2)
        return fx_error(c->I, fx_arg_span(c, SP_STRATIFY), "split() stratifies by class labels, "
                        "but %s has regression targets", d->origin);
    if (shuffle && fx_data_rng(c, SP_SEED, &r))
        return -1;
    RtError e = fx_std_rt_err(c->I);
    int64_t *idx = rt_alloc(d->n, sizeof *idx, "split indices", &e);
    FxDataset *test = NULL, *train = NULL;
    if (!idx)
        return fx_rt_error(c->I, c->node->span, &e);
    if (split_order(c, d, n_test, shuffle, stratify, &r, idx)) {
        rt_free(idx);
        return -1;
    }
    test = fx_dataset_take(d, idx, n_test, &e);
    if (test && fx_check_interrupt(c->I, c->node->span)) {
        rt_free(idx);
        fx_dataset_free(test);
        return -1;
    }
    train = test ? fx_dataset_take(d, idx + n_test, d->n - n_test, &e) : NULL;
    rt_free(idx);
    if (!train) {
        fx_dataset_free(test);
        return fx_rt_error(c->I, c->node->span, &e);
    }
    *out = fx_record_new(&c->I->heap);
    fx_record_set(*out, fx_intern_cstr(&c->I->intern, "train"),
                  with_origin(c->I, train, d->origin, "/train"));
    fx_record_set(*out, fx_intern_cstr(&c->I->intern, "test"),
                  with_origin(c->I, test, d->origin, "/test"));
    return 0;
}

/* ---- take --------------------------------------------------------------- */

/* A position as in a list slice: negative counts from the end; clamped. */
static int64_t slice_pos(long long v, int64_t n)
{
    if (v < 0)
        v += n;
    return v < 0 ? 0 : v > n ? n : v;
}

static int b_take(FxCall *c, FxValue *out)
{
    FxDataset *d;
    long long a, b;
    if (fx_arg_dataset(c, 0, &d) || fx_arg_int(c, 1, &a) || fx_arg_opt_int(c, 2, 0, &b))
        return -1;
    int two = given(c, 2);
    int64_t start = two ? slice_pos(a, d->n) : 0, stop = slice_pos(two ? b : a, d->n);
    if (stop <= start) {
        if (two)
            fx_error(c->I, c->node->span, "take(d, %lld, %lld) of %lld samples is empty", a, b,
                     (long long)d->n);
        else
            fx_error(c->I, c->node->span, "take(d, %lld) of %lld samples is empty", a,
                     (long long)d->n);
        fx_error_hint(c->I, "take(d, k) keeps the first k samples, take(d, start, stop) "
                      "samples start to stop - 1; negative positions count from the end");
        return -1;
    }
    RtError e = fx_std_rt_err(c->I);
    int64_t *idx = rt_alloc(stop - start, sizeof *idx, "take indices", &e);
    FxDataset *t = NULL;
    if (idx) {
        for (int64_t i = start; i < stop; i++)
            idx[i - start] = i;
        t = fx_dataset_take(d, idx, stop - start, &e);
    }
    rt_free(idx);
    if (!t)
        return fx_rt_error(c->I, c->node->span, &e);
    char suffix[64];
    snprintf(suffix, sizeof suffix, "[%lld:%lld]", (long long)start, (long long)stop);
    *out = with_origin(c->I, t, d->origin, suffix);
    return 0;
}

/* ---- normalize ------------------------------------------------------------ */

/* Per-feature mean and population std (numpy's default, ddof 0) of ref, in
 * double; a constant feature gets std 1, as scikit-learn's StandardScaler. */
static void feature_stats(const FxDataset *ref, double *mean, double *std)
{
    int64_t per = rt_shape_numel(&ref->shape);
    for (int64_t j = 0; j < per; j++)
        mean[j] = std[j] = 0;
    for (int64_t i = 0; i < ref->n; i++)
        for (int64_t j = 0; j < per; j++)
            mean[j] += ref->x[i * per + j];
    for (int64_t j = 0; j < per; j++)
        mean[j] /= (double)ref->n;
    for (int64_t i = 0; i < ref->n; i++)
        for (int64_t j = 0; j < per; j++) {
            double t = ref->x[i * per + j] - mean[j];
            std[j] += t * t;
        }
    for (int64_t j = 0; j < per; j++) {
        std[j] = sqrt(std[j] / (double)ref->n);
        if (!(std[j] > 0))
            std[j] = 1;
    }
}

static int b_normalize(FxCall *c, FxValue *out)
{
    FxDataset *d, *ref;
    if (fx_arg_dataset(c, 0, &d))
        return -1;
    ref = d;
    if (given(c, 1) && fx_arg_dataset(c, 1, &ref))
        return -1;
    if (!rt_shape_equal(&d->shape, &ref->shape)) {
        char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE];
        return fx_error(c->I, fx_arg_span(c, 1), "normalize(): 'like' has samples of %s, d "
                        "samples of %s; they must match", rt_shape_str(&ref->shape, a, sizeof a),
                        rt_shape_str(&d->shape, b, sizeof b));
    }
    int64_t per = rt_shape_numel(&d->shape), all = d->n;
    RtError e = fx_std_rt_err(c->I);
    int64_t *idx = rt_alloc(all, sizeof *idx, "indices", &e);
    double *mean = idx ? rt_alloc(per, sizeof *mean, "feature means", &e) : NULL;
    double *std = mean ? rt_alloc(per, sizeof *std, "feature stds", &e) : NULL;
    FxDataset *t = NULL;
    if (std) {
        for (int64_t i = 0; i < all; i++)
            idx[i] = i;
        t = fx_dataset_take(d, idx, all, &e);
    }
    if (t) {
        feature_stats(ref, mean, std);
        for (int64_t i = 0; i < all; i++)
            for (int64_t j = 0; j < per; j++)
                t->x[i * per + j] = (float)((t->x[i * per + j] - mean[j]) / std[j]);
        rt_free(t->x64);        /* new numbers, computed in float32 */
        t->x64 = NULL;
    }
    rt_free(idx);
    rt_free(mean);
    rt_free(std);
    if (!t)
        return fx_rt_error(c->I, c->node->span, &e);
    *out = with_origin(c->I, t, d->origin, "/normalized");
    return 0;
}

/* ---- concat ----------------------------------------------------------------- */

static int b_concat(FxCall *c, FxValue *out)
{
    FxDataset *a, *b;
    if (fx_arg_dataset(c, 0, &a) || fx_arg_dataset(c, 1, &b))
        return -1;
    char sa[RT_SHAPE_STR_SIZE], sb[RT_SHAPE_STR_SIZE];
    if (!rt_shape_equal(&a->shape, &b->shape))
        return fx_error(c->I, fx_arg_span(c, 1), "concat(): samples of %s and of %s do not match",
                        rt_shape_str(&a->shape, sa, sizeof sa), rt_shape_str(&b->shape, sb, sizeof sb));
    if ((a->classes < 2) != (b->classes < 2) || a->ydim != b->ydim)
        return fx_error(c->I, fx_arg_span(c, 1), "concat(): one data set has %s, the other %s",
                        a->classes < 2 ? "regression targets" : "class labels",
                        b->classes < 2 ? "regression targets" : "class labels");
    RtError e = fx_std_rt_err(c->I);
    int classes = a->classes > b->classes ? a->classes : b->classes;
    FxDataset *t = fx_dataset_new(a->n + b->n, &a->shape, a->ydim, classes, &e);
    if (!t)
        return fx_rt_error(c->I, c->node->span, &e);
    int64_t per = rt_shape_numel(&a->shape);
    memcpy(t->x, a->x, (size_t)(a->n * per) * sizeof(float));
    memcpy(t->x + a->n * per, b->x, (size_t)(b->n * per) * sizeof(float));
    memcpy(t->y, a->y, (size_t)(a->n * a->ydim) * sizeof(float));
    memcpy(t->y + a->n * a->ydim, b->y, (size_t)(b->n * b->ydim) * sizeof(float));
    if (fx_dataset_copy_exact(t, 0, a, 0, a->n, &e) ||
        fx_dataset_copy_exact(t, a->n, b, 0, b->n, &e)) {
        fx_dataset_free(t);
        return fx_rt_error(c->I, c->node->span, &e);
    }
    fx_dataset_origin(t, "%s+%s", a->origin, b->origin);
    *out = fx_dataset_value(c->I, t);
    return 0;
}

static const FxBuiltin split_builtins[] = {
    {"split", "d, fraction=, shuffle=, stratify=, seed=, sep=", b_split,
     "{train, test}: a shuffled fraction of dataset d (or a count) as test, as scikit-learn's "
     "train_test_split; shuffle: false takes the last samples, as Keras's validation_split. "
     "split(s, sep) of a string: its parts"},
    {"take", "d, a, b=", b_take,
     "take(d, k): the first k samples; take(d, start, stop): a slice (negative from the end)"},
    {"normalize", "d, like=", b_normalize,
     "each feature standardised to mean 0 and std 1 with d's statistics, or like's"},
    {"concat", "a, b", b_concat, "the samples of a followed by those of b"},
};

void fx_data_split_init(FxInterp *I)
{
    /* split() also serves strings: keep the core's split to hand them to. */
    FxValue *text = fx_env_find_here(I->builtins, fx_intern_cstr(&I->intern, "split"));
    if (text && text->type == FX_BUILTIN)
        fx_std(I)->text_split = text->as.bi;
    fx_define_builtins(I, split_builtins, (int)(sizeof split_builtins / sizeof *split_builtins));
}
