/* The dataset value: creation and copying of samples, how it prints (size,
 * sample shape, class balance), its fields (n, shape, classes, counts, x,
 * y, origin) and len(); plus the argument helpers every data builtin
 * shares. Generators, loaders and splitting live in data_*.c; the runtime
 * sees a data set only through fx_dataset_rt(). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data.h"

/* ---- creation ----------------------------------------------------------- */

FxDataset *fx_dataset_new(int64_t n, const RtShape *shape, int64_t ydim, int classes,
                          RtError *err)
{
    int64_t per = rt_shape_numel(shape);
    char sb[RT_SHAPE_STR_SIZE], what[RT_SHAPE_STR_SIZE + 64];
    rt_shape_str(shape, sb, sizeof sb);
    if (n < 0 || per < 0 || ydim < 0 || (per > 0 && n > INT64_MAX / per) ||
        (ydim > 0 && n > INT64_MAX / ydim)) {
        rt_error_set(err, RT_ERR_NOMEM, "a data set of %lld samples of %s is too large",
                     (long long)n, sb);
        return NULL;
    }
    FxDataset *d = rt_alloc(1, sizeof *d, "a data set", err);
    if (!d)
        return NULL;
    d->shape = *shape;
    d->n = n;
    d->ydim = ydim;
    d->classes = classes;
    snprintf(what, sizeof what, "a data set of %lld samples of %s", (long long)n, sb);
    d->x = rt_alloc(n * per, sizeof(float), what, err);
    d->y = d->x ? rt_alloc(n * ydim, sizeof(float), "the data set's targets", err) : NULL;
    if (!d->y) {
        fx_dataset_free(d);
        return NULL;
    }
    return d;
}

void fx_dataset_free(FxDataset *d)
{
    if (!d)
        return;
    rt_free(d->x);
    rt_free(d->y);
    rt_free(d->x64);
    rt_free(d->y64);
    rt_free(d);
}

void fx_dataset_origin(FxDataset *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(d->origin, sizeof d->origin, fmt, ap);
    va_end(ap);
    if (len >= (int)sizeof d->origin)      /* cut: say so */
        memcpy(d->origin + sizeof d->origin - 4, "...", 4);
}

FxDataset *fx_dataset_take(const FxDataset *d, const int64_t *idx, int64_t k, RtError *err)
{
    FxDataset *t = fx_dataset_new(k, &d->shape, d->ydim, d->classes, err);
    if (!t)
        return NULL;
    int64_t per = rt_shape_numel(&d->shape);
    for (int64_t i = 0; i < k; i++) {
        memcpy(t->x + i * per, d->x + idx[i] * per, (size_t)per * sizeof(float));
        memcpy(t->y + i * d->ydim, d->y + idx[i] * d->ydim, (size_t)d->ydim * sizeof(float));
        if ((d->x64 || d->y64) && fx_dataset_copy_exact(t, i, d, idx[i], 1, err)) {
            fx_dataset_free(t);
            return NULL;
        }
    }
    memcpy(t->origin, d->origin, sizeof t->origin);
    return t;
}

/* ---- exact numbers -------------------------------------------------------- */

/* A copy of `v` (count doubles) when one of them is not its float in f,
 * else NULL; *bad on running out of memory. */
static double *exact_of(const double *v, const float *f, int64_t count, int *bad, RtError *err)
{
    int64_t i = 0;
    while (v && i < count && (double)f[i] == v[i])
        i++;
    if (!v || i == count)
        return NULL;
    double *c = rt_alloc(count, sizeof *c, "a data set's exact numbers", err);
    if (c)
        memcpy(c, v, (size_t)count * sizeof *c);
    *bad = !c;
    return c;
}

int fx_dataset_keep_exact(FxDataset *d, const double *x64, const double *y64, RtError *err)
{
    int bad = 0;
    rt_free(d->x64);
    rt_free(d->y64);
    d->x64 = exact_of(x64, d->x, d->n * rt_shape_numel(&d->shape), &bad, err);
    d->y64 = bad ? NULL : exact_of(y64, d->y, d->n * d->ydim, &bad, err);
    return bad ? -1 : 0;
}

/* dst's exact array of `count` numbers, made from its floats on first use. */
static double *exact_array(double **a, const float *f, int64_t count, RtError *err)
{
    if (!*a && (*a = rt_alloc(count, sizeof **a, "a data set's exact numbers", err)))
        for (int64_t i = 0; i < count; i++)
            (*a)[i] = f[i];
    return *a;
}

int fx_dataset_copy_exact(FxDataset *dst, int64_t to, const FxDataset *src, int64_t from,
                          int64_t k, RtError *err)
{
    int64_t per = rt_shape_numel(&src->shape);
    if (src->x64) {
        if (!exact_array(&dst->x64, dst->x, dst->n * per, err))
            return -1;
        memcpy(dst->x64 + to * per, src->x64 + from * per, (size_t)(k * per) * sizeof(double));
    }
    if (src->y64) {
        if (!exact_array(&dst->y64, dst->y, dst->n * dst->ydim, err))
            return -1;
        memcpy(dst->y64 + to * dst->ydim, src->y64 + from * src->ydim,
               (size_t)(k * src->ydim) * sizeof(double));
    }
    return 0;
}

RtData fx_dataset_rt(const FxDataset *d)
{
    RtData r = {d->x, d->y, d->n, d->shape, d->ydim};
    return r;
}

int64_t *fx_dataset_counts(const FxDataset *d)
{
    if (d->classes < 2)
        return NULL;
    int64_t *cnt = fx_xcalloc((size_t)d->classes, sizeof *cnt);
    for (int64_t i = 0; i < d->n; i++) {
        float y = d->y[i * d->ydim];
        if (y >= 0 && y < (float)d->classes)
            cnt[(int64_t)y]++;
    }
    return cnt;
}

/* ---- printing ------------------------------------------------------------- */

static void dataset_describe(const void *data, FxBuf *out)
{
    const FxDataset *d = data;
    char sb[RT_SHAPE_STR_SIZE];
    fx_buf_printf(out, "dataset %s: %lld sample%s of %s", d->origin, (long long)d->n,
                  d->n == 1 ? "" : "s", rt_shape_str(&d->shape, sb, sizeof sb));
    if (d->classes < 2) {
        fx_buf_printf(out, ", target [%lld]", (long long)d->ydim);
        return;
    }
    int64_t *cnt = fx_dataset_counts(d), lo = cnt[0], hi = cnt[0];
    for (int k = 1; k < d->classes; k++) {
        lo = cnt[k] < lo ? cnt[k] : lo;
        hi = cnt[k] > hi ? cnt[k] : hi;
    }
    free(cnt);
    fx_buf_printf(out, ", %d classes", d->classes);
    if (lo == hi)
        fx_buf_printf(out, " (%lld per class)", (long long)lo);
    else
        fx_buf_printf(out, " (%lld to %lld per class)", (long long)lo, (long long)hi);
}

static long long dataset_length(const void *data)
{
    return (long long)((const FxDataset *)data)->n;
}

static void dataset_free(void *data)
{
    fx_dataset_free(data);
}

/* ---- fields ------------------------------------------------------------- */

double fx_float_num(float f)
{
    if (!isfinite(f))
        return f;
    char buf[32];
    for (int p = 1; p <= 9; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, (double)f);
        double v = strtod(buf, NULL);
        if ((float)v == f)
            return v;
    }
    return f;
}

/* Nested lists following dims[0..nd) over p, or over the exact numbers e
 * when there are some (a number when nd is 0). */
static FxValue floats_value(FxHeap *h, const float *p, const double *e, const int64_t *dims,
                            int nd)
{
    if (nd == 0)
        return fx_num(e ? *e : fx_float_num(*p));
    int64_t stride = 1;
    for (int k = 1; k < nd; k++)
        stride *= dims[k];
    FxValue l = fx_list_new(h, (size_t)dims[0]);
    for (int64_t i = 0; i < dims[0]; i++)
        fx_list_push_value(l, floats_value(h, p + i * stride, e ? e + i * stride : NULL,
                                           dims + 1, nd - 1));
    return l;
}

/* One item per sample: per-sample rows of `width` floats shaped as `s`; a
 * sample of one number is that number. */
static FxValue rows_value(FxHeap *h, const float *p, const double *e, int64_t n,
                          const RtShape *s)
{
    int64_t width = rt_shape_numel(s);
    int nd = width == 1 && s->ndim == 1 ? 0 : s->ndim;
    FxValue l = fx_list_new(h, (size_t)n);
    for (int64_t i = 0; i < n; i++)
        fx_list_push_value(l, floats_value(h, p + i * width, e ? e + i * width : NULL,
                                           s->dim, nd));
    return l;
}

static FxValue ints_value(FxHeap *h, const int64_t *v, int64_t n)
{
    FxValue l = fx_list_new(h, (size_t)n);
    for (int64_t i = 0; i < n; i++)
        fx_list_push_value(l, fx_num((double)v[i]));
    return l;
}

/* The error's span is left empty: the evaluator places it at the field. */
static int too_big(FxInterp *I, const FxDataset *d, const char *name, int64_t count)
{
    fx_error(I, (FxSpan){0, 0}, "'%s' of a dataset of %lld samples would be a list of %lld "
             "numbers (at most %d)", name, (long long)d->n, (long long)count, FX_DATA_MAX_LIST);
    int64_t per = name[0] == 'x' ? rt_shape_numel(&d->shape) : d->ydim;
    int64_t k = FX_DATA_MAX_LIST / (per > 0 ? per : 1);
    fx_error_hint(I, "take(d, %lld) keeps the first %lld samples; take(d, start, stop) a slice",
                  (long long)k, (long long)k);
    return -1;
}

static int dataset_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    FxDataset *d = data;
    FxHeap *h = &I->heap;
    if (strcmp(name, "n") == 0) {
        *out = fx_num((double)d->n);
    } else if (strcmp(name, "shape") == 0) {
        *out = ints_value(h, d->shape.dim, d->shape.ndim);
    } else if (strcmp(name, "classes") == 0) {
        *out = fx_num(d->classes);
    } else if (strcmp(name, "counts") == 0) {
        int64_t *cnt = fx_dataset_counts(d);
        *out = ints_value(h, cnt, cnt ? d->classes : 0);
        free(cnt);
    } else if (strcmp(name, "x") == 0) {
        int64_t count = d->n * rt_shape_numel(&d->shape);
        if (count > FX_DATA_MAX_LIST)
            return too_big(I, d, name, count);
        *out = rows_value(h, d->x, d->x64, d->n, &d->shape);
    } else if (strcmp(name, "y") == 0) {
        if (d->n * d->ydim > FX_DATA_MAX_LIST)
            return too_big(I, d, name, d->n * d->ydim);
        RtShape ys = rt_shape1(d->ydim);
        *out = rows_value(h, d->y, d->y64, d->n, &ys);
    } else if (strcmp(name, "origin") == 0) {
        *out = fx_str_cstr(h, d->origin);
    } else {
        return 1;
    }
    return 0;
}

static const char *const dataset_fields[] = {
    "n", "shape", "classes", "counts", "x", "y", "origin", NULL
};

const FxForeignType fx_dataset_type = {
    .name = "dataset",
    .phrase = "a dataset",
    .free = dataset_free,
    .describe = dataset_describe,
    .field = dataset_field,
    .fields = dataset_fields,
    .length = dataset_length,
};

FxValue fx_dataset_value(FxInterp *I, FxDataset *d)
{
    return fx_foreign_new(&I->heap, &fx_dataset_type, d);
}

FxDataset *fx_value_dataset(FxValue v)
{
    if (v.type != FX_FOREIGN || fx_as_foreign(v)->type != &fx_dataset_type)
        return NULL;
    return fx_as_foreign(v)->data;
}

/* ---- argument helpers ---------------------------------------------------- */

static const char *param(FxCall *c, int i, char *buf, size_t n)
{
    return fx_param_name(c->bi, i, buf, n);
}

int fx_arg_dataset(FxCall *c, int i, FxDataset **out)
{
    char name[32];
    *out = fx_value_dataset(c->args[i]);
    if (*out)
        return 0;
    fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be a dataset, got %s", c->name,
             param(c, i, name, sizeof name), fx_type_phrase(c->args[i]));
    if (c->args[i].type == FX_RECORD &&
        fx_record_get(c->args[i], fx_intern_cstr(&c->I->intern, "train")))
        fx_error_hint(c->I, "split() gives a record {train, test}: pick one, as in s.train");
    return -1;
}

int fx_data_count(FxCall *c, int i, int64_t *out)
{
    long long n;
    char name[32];
    if (fx_arg_int(c, i, &n))
        return -1;
    if (n < 1)
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be at least 1, got %lld",
                        c->name, param(c, i, name, sizeof name), n);
    *out = n;
    return 0;
}

int fx_data_classes(FxCall *c, int i, int dflt, int *out)
{
    long long k;
    char name[32];
    if (fx_arg_opt_int(c, i, dflt, &k))
        return -1;
    if (k < 2 || k > FX_DATA_MAX_CLASSES)
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be from 2 to %d, got %lld",
                        c->name, param(c, i, name, sizeof name), FX_DATA_MAX_CLASSES, k);
    *out = (int)k;
    return 0;
}

static int shape_dim(FxCall *c, int i, FxValue v, int64_t *out)
{
    if (v.type == FX_NUM && v.as.n >= 1 && v.as.n == floor(v.as.n) && v.as.n < 9e15) {
        *out = (int64_t)v.as.n;
        return 0;
    }
    char name[32], num[32];
    param(c, i, name, sizeof name);
    if (v.type == FX_NUM)
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s': a size must be a whole "
                        "number of at least 1, got %s", c->name, name, fx_num_text(v.as.n, num));
    return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be a size or a list of "
                    "sizes, got %s", c->name, name, fx_type_phrase(v));
}

int fx_data_shape(FxCall *c, int i, RtShape *out)
{
    FxValue v = c->args[i];
    int64_t dims[RT_MAX_DIMS];
    if (v.type != FX_LIST) {
        if (shape_dim(c, i, v, &dims[0]))
            return -1;
        *out = rt_shape(1, dims);
        return 0;
    }
    FxList *l = fx_as_list(v);
    if (l->n < 1 || l->n > RT_MAX_DIMS - 1) {
        char name[32];
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must have 1 to %d sizes, "
                        "got %zu", c->name, param(c, i, name, sizeof name), RT_MAX_DIMS - 1, l->n);
    }
    for (size_t k = 0; k < l->n; k++)
        if (shape_dim(c, i, l->items[k], &dims[k]))
            return -1;
    *out = rt_shape((int)l->n, dims);
    if (rt_shape_numel(out) < 0)
        return fx_error(c->I, fx_arg_span(c, i), "%s(): the shape is too large", c->name);
    return 0;
}

int fx_data_choice(FxCall *c, int i, const char *dflt, const char *const *choices,
                   const char **out)
{
    FxStr *s;
    char name[32];
    if (i >= c->n || !c->given[i] || c->args[i].type == FX_NONE) {
        *out = dflt;
        return 0;
    }
    if (fx_arg_str(c, i, &s))
        return -1;
    int n = 0;
    for (; choices[n]; n++)
        if (strcmp(choices[n], s->s) == 0) {
            *out = choices[n];
            return 0;
        }
    FxBuf b;
    fx_buf_init(&b);
    for (int k = 0; k < n; k++)
        fx_buf_printf(&b, "%s\"%s\"", k ? (k == n - 1 ? " or " : ", ") : "", choices[k]);
    fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be %s, got \"%s\"", c->name,
             param(c, i, name, sizeof name), b.s, s->s);
    fx_buf_free(&b);
    const char *sug = fx_diag_suggest(s->s, choices, n);
    if (sug)
        fx_error_hint(c->I, "did you mean \"%s\"?", sug);
    return -1;
}

int fx_data_rng(FxCall *c, int i, RtRng *out)
{
    if (i >= c->n || !c->given[i] || c->args[i].type == FX_NONE) {
        *out = fx_std_data_rng(c->I);
        return 0;
    }
    long long s;
    if (fx_arg_int(c, i, &s))
        return -1;
    if (s < 0)
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument 'seed' must be 0 or more, got %lld",
                        c->name, s);
    *out = rt_rng((uint64_t)s, rt_stream(RT_STREAM_DATA, 0));
    return 0;
}

/* ---- loader errors --------------------------------------------------------- */

void fx_data_error(FxDataError *e, FxDataErrWhere where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->hint[0] = '\0';
    e->where = where;
}

void fx_data_hint(FxDataError *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->hint, sizeof e->hint, fmt, ap);
    va_end(ap);
}
