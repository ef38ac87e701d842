/* load_npy and load_npz: data sets from numpy's files. The samples array
 * gives the sample shape (all but its first axis; [1] for a 1-d array) and
 * any supported dtype becomes float32 (float64 rounded to nearest, integer
 * values as they are: uint8 pixels are not scaled); the labels array is
 * class indices when its dtype is an integer (or bool) one, regression
 * targets when it is a float one, unless classes: or regression: says
 * otherwise. Also the bytes `save d to "x.npy"` and "d.npz" write. The
 * format itself is npy_format.c's and npy_zip.c's. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "npy.h"

/* ---- files --------------------------------------------------------------- */

/* The whole file (caller frees), or NULL with e set. */
static unsigned char *read_file(const char *path, const char *name, FxDataErrWhere where,
                                size_t *len, FxDataError *e)
{
    errno = 0;
    FILE *f = fopen(path, "rb");
    long n = -1;
    if (f && fseek(f, 0, SEEK_END) == 0)
        n = ftell(f);
    if (!f || n < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fx_data_error(e, where, "cannot read '%s': %s", name, strerror(errno ? errno : EIO));
        if (f)
            fclose(f);
        return NULL;
    }
    if ((int64_t)n > fx_data_budget(e)) {
        char b[32];
        fx_data_error(e, where, "'%s' is %ld bytes, more than the memory budget of %s", name, n,
                      rt_bytes_text(fx_data_budget(e), b));
        fclose(f);
        return NULL;
    }
    unsigned char *b = malloc(n ? (size_t)n : 1);
    size_t got = b ? fread(b, 1, (size_t)n, f) : 0;
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (!b || got != (size_t)n) {
        fx_data_error(e, where, "cannot read '%s': %s", name,
                      !b ? "out of memory" : strerror(err ? err : EIO));
        free(b);
        return NULL;
    }
    *len = (size_t)n;
    return b;
}

/* ---- arrays to a data set ------------------------------------------------------ */

typedef struct Arr {
    FxNpy          h;
    const unsigned char *data;
    const char    *name;
    FxDataErrWhere where;
} Arr;

static int parse(Arr *a, const unsigned char *b, size_t len, const char *name,
                 FxDataErrWhere where, FxDataError *e)
{
    a->name = name;
    a->where = where;
    if (fx_npy_parse(b, len, name, where, &a->h, e))
        return -1;
    a->data = b + a->h.data_at;
    return 0;
}

/* "[3, 0, 7]": the C-order index of element i of an array of dims. */
static const char *index_text(const FxNpy *h, int64_t i, char *buf, size_t n)
{
    int64_t idx[RT_MAX_DIMS];
    for (int k = h->ndim - 1; k >= 0; k--) {
        idx[k] = h->dims[k] ? i % h->dims[k] : 0;
        i = h->dims[k] ? i / h->dims[k] : 0;
    }
    RtShape s = rt_shape(h->ndim, idx);
    return rt_shape_str(&s, buf, n);
}

static int check_samples(const Arr *x, FxDataError *e)
{
    const FxNpy *h = &x->h;
    char sb[RT_SHAPE_STR_SIZE];
    RtShape s = rt_shape(h->ndim, h->dims);
    if (h->ndim < 1) {
        fx_data_error(e, x->where, "'%s' holds one number (shape ()); the samples need an "
                      "array whose first axis counts them", x->name);
        return -1;
    }
    if (h->dims[0] == 0) {
        fx_data_error(e, x->where, "'%s' holds no samples (shape %s)", x->name,
                      rt_shape_str(&s, sb, sizeof sb));
        return -1;
    }
    for (int k = 1; k < h->ndim; k++)
        if (h->dims[k] == 0) {
            fx_data_error(e, x->where, "'%s' has samples of no numbers (shape %s)", x->name,
                          rt_shape_str(&s, sb, sizeof sb));
            return -1;
        }
    return 0;
}

static int check_labels(const Arr *x, const Arr *y, const FxNpyOptions *o, FxDataError *e)
{
    const FxNpy *h = &y->h;
    char sb[RT_SHAPE_STR_SIZE];
    RtShape s = rt_shape(h->ndim, h->dims);
    rt_shape_str(&s, sb, sizeof sb);
    if (h->ndim < 1 || h->ndim > 2) {
        fx_data_error(e, y->where, "'%s' has shape %s; labels are one per sample (n,) or, for "
                      "regression, (n, k)", y->name, sb);
        return -1;
    }
    if (h->dims[0] != x->h.dims[0]) {
        fx_data_error(e, FX_DATA_AT_CALL, "'%s' holds %lld samples but '%s' holds %lld labels",
                      x->name, (long long)x->h.dims[0], y->name, (long long)h->dims[0]);
        return -1;
    }
    int classes = (o->classes || (h->kind != 'f' && !o->regression));
    if (classes && h->ndim == 2 && h->dims[1] != 1) {
        fx_data_error(e, y->where, "'%s' has shape %s: class labels are one index per sample",
                      y->name, sb);
        fx_data_hint(e, "one-hot labels become indices with y.argmax(axis=1); float labels "
                     "are regression targets");
        return -1;
    }
    if (h->ndim == 2 && h->dims[1] == 0) {
        fx_data_error(e, y->where, "'%s' has shape %s: no targets", y->name, sb);
        return -1;
    }
    return 0;
}

/* Samples: every value finite once a float32. */
static int fill_x(const Arr *x, FxDataset *d, FxDataError *e)
{
    fx_npy_to_floats(&x->h, x->data, d->x);
    for (int64_t i = 0; i < x->h.count; i++)
        if (!isfinite(d->x[i])) {
            char ib[RT_SHAPE_STR_SIZE];
            fx_data_error(e, x->where, "'%s': element %s is %s%s", x->name,
                          index_text(&x->h, i, ib, sizeof ib), isnan(d->x[i]) ? "nan" : "inf",
                          x->h.kind == 'f' && x->h.size == 8 ? " as a float32" : "");
            fx_data_hint(e, "every feature needs a finite value: fill in or drop missing ones");
            return -1;
        }
    return 0;
}

static int fill_y(const Arr *y, const FxNpyOptions *o, FxDataset *d, FxDataError *e)
{
    double *v = rt_alloc(y->h.count, sizeof *v, "labels", NULL);
    if (!v && y->h.count) {
        fx_data_error(e, y->where, "'%s': out of memory for its labels", y->name);
        return -1;
    }
    fx_npy_to_doubles(&y->h, y->data, v);
    int as_classes = o->classes || (y->h.kind != 'f' && !o->regression);
    double top = 0;
    int rc = 0;
    for (int64_t i = 0; rc == 0 && i < y->h.count; i++) {
        double l = v[i];
        char ib[RT_SHAPE_STR_SIZE];
        if (!as_classes && !isfinite((float)l)) {
            fx_data_error(e, y->where, "'%s': target %s is not a finite number", y->name,
                          index_text(&y->h, i, ib, sizeof ib));
            rc = -1;
        } else if (as_classes && !(l >= 0 && l == floor(l) &&
                                   l < (o->classes ? o->classes : FX_DATA_MAX_CLASSES))) {
            char num[32];
            snprintf(num, sizeof num, "%.17g", l);
            if (o->classes)
                fx_data_error(e, FX_DATA_AT_CLASSES, "'%s': label %s (sample %lld) is not a class "
                              "index below classes: %d", y->name, num, (long long)i, o->classes);
            else
                fx_data_error(e, y->where, "'%s': label %s (sample %lld) is not a class index "
                              "from 0 to %d", y->name, num, (long long)i, FX_DATA_MAX_CLASSES - 1);
            if (!o->classes)
                fx_data_hint(e, "regression: true reads integer labels as regression targets");
            rc = -1;
        }
        top = l > top ? l : top;
        d->y[i] = (float)l;
    }
    if (rc == 0)
        d->classes = !as_classes ? 0 : o->classes ? o->classes : top + 1 < 2 ? 2 : (int)top + 1;
    rt_free(v);
    return rc;
}

static FxDataset *build(const Arr *x, const Arr *y, const FxNpyOptions *o, FxDataError *e)
{
    if (check_samples(x, e) || check_labels(x, y, o, e))
        return NULL;
    RtShape s = x->h.ndim == 1 ? rt_shape1(1) : rt_shape(x->h.ndim - 1, x->h.dims + 1);
    int64_t ydim = y->h.ndim == 2 ? y->h.dims[1] : 1;
    RtError err = fx_data_rt_err(e);
    FxDataset *d = fx_dataset_new(x->h.dims[0], &s, ydim, 0, &err);
    if (!d) {
        fx_data_error(e, FX_DATA_AT_CALL, "%s", err.msg);
        return NULL;
    }
    if (fill_x(x, d, e) || fill_y(y, o, d, e)) {
        fx_dataset_free(d);
        return NULL;
    }
    return d;
}

FxDataset *fx_npy_load(const char *xpath, const char *xname, const char *ypath,
                       const char *yname, const FxNpyOptions *o, FxDataError *e)
{
    size_t xl = 0, yl = 0;
    unsigned char *xb = read_file(xpath, xname, FX_DATA_AT_PATH, &xl, e);
    unsigned char *yb = xb ? read_file(ypath, yname, FX_DATA_AT_LABELS_PATH, &yl, e) : NULL;
    Arr x, y;
    FxDataset *d = NULL;
    if (yb && parse(&x, xb, xl, xname, FX_DATA_AT_PATH, e) == 0 &&
        parse(&y, yb, yl, yname, FX_DATA_AT_LABELS_PATH, e) == 0)
        d = build(&x, &y, o, e);
    free(xb);
    free(yb);
    return d;
}

/* ---- NPZ ------------------------------------------------------------------------ */

/* The member for key ("x_train" names x_train.npy, as numpy.savez writes). */
static const FxZipMember *find_member(const FxZipMember *ms, int n, const char *key)
{
    size_t kl = strlen(key);
    for (int i = 0; i < n; i++)
        if (strcmp(ms[i].name, key) == 0)
            return &ms[i];
    for (int i = 0; i < n; i++)
        if (strncmp(ms[i].name, key, kl) == 0 && strcmp(ms[i].name + kl, ".npy") == 0)
            return &ms[i];
    return NULL;
}

static int missing(const char *name, const FxZipMember *ms, int n, const char *key,
                   FxDataErrWhere where, FxDataError *e)
{
    fx_data_error(e, where, "'%s' has no array '%s'", name, key);
    const char *keys[64];
    char store[64][64];
    int k = 0;
    for (int i = 0; i < n && k < 64; i++) {
        snprintf(store[k], sizeof store[k], "%.60s", ms[i].name);
        size_t l = strlen(store[k]);
        if (l > 4 && strcmp(store[k] + l - 4, ".npy") == 0)
            store[k][l - 4] = '\0';
        keys[k] = store[k];
        k++;
    }
    const char *s = fx_diag_suggest(key, keys, k);
    FxBuf b;
    fx_buf_init(&b);
    for (int i = 0; i < k && b.len < 160; i++)
        fx_buf_printf(&b, "%s'%s'", i ? ", " : "", keys[i]);
    if (s)
        fx_data_hint(e, "did you mean '%s'? its arrays are %s", s, b.s ? b.s : "");
    else
        fx_data_hint(e, k ? "its arrays are %s" : "it holds no arrays%s", b.s ? b.s : "");
    fx_buf_free(&b);
    return -1;
}

/* The member's bytes as an array; *owned gets what to free. */
static int npz_array(const unsigned char *b, size_t len, const char *name, const FxZipMember *ms,
                     int n, const char *key, FxDataErrWhere where, Arr *a, unsigned char **owned,
                     char *label, size_t lsz, FxDataError *e)
{
    const FxZipMember *m = find_member(ms, n, key);
    if (!m)
        return missing(name, ms, n, key, where, e);
    *owned = fx_zip_extract(b, len, name, where, m, e);
    if (!*owned)
        return -1;
    snprintf(label, lsz, "%s/%s", name, m->name);
    return parse(a, *owned, (size_t)m->usize, label, where, e);
}

FxDataset *fx_npz_load(const char *path, const char *name, const char *xkey, const char *ykey,
                       const FxNpyOptions *o, FxDataError *e)
{
    size_t len = 0;
    unsigned char *b = read_file(path, name, FX_DATA_AT_PATH, &len, e);
    FxZipMember *ms = NULL;
    int n = 0;
    if (!b || fx_zip_members(b, len, name, FX_DATA_AT_PATH, &ms, &n, e)) {
        free(b);
        return NULL;
    }
    Arr x, y;
    unsigned char *xo = NULL, *yo = NULL;
    char xl[320], yl[320];
    FxDataset *d = NULL;
    if (npz_array(b, len, name, ms, n, xkey, FX_DATA_AT_X_KEY, &x, &xo, xl, sizeof xl, e) == 0 &&
        npz_array(b, len, name, ms, n, ykey, FX_DATA_AT_Y_KEY, &y, &yo, yl, sizeof yl, e) == 0)
        d = build(&x, &y, o, e);
    free(xo);
    free(yo);
    free(ms);
    free(b);
    return d;
}

/* ---- writing ---------------------------------------------------------------------- */

void fx_npy_samples(const FxDataset *d, FxBuf *b)
{
    int64_t dims[RT_MAX_DIMS + 1];
    dims[0] = d->n;
    for (int k = 0; k < d->shape.ndim; k++)
        dims[k + 1] = d->shape.dim[k];
    fx_npy_write_header(b, "<f4", d->shape.ndim + 1, dims);
    int64_t count = d->n * rt_shape_numel(&d->shape);
    for (int64_t i = 0; i < count; i++) {
        uint32_t u;
        memcpy(&u, &d->x[i], sizeof u);
        char c[4] = {(char)(u & 255), (char)(u >> 8 & 255), (char)(u >> 16 & 255),
                     (char)(u >> 24)};
        fx_buf_put(b, c, 4);
    }
}

void fx_npy_targets(const FxDataset *d, FxBuf *b)
{
    int64_t dims[2] = {d->n, d->ydim};
    int classes = d->classes >= 2;
    fx_npy_write_header(b, classes ? "<i8" : "<f4", classes || d->ydim == 1 ? 1 : 2, dims);
    for (int64_t i = 0; i < d->n * d->ydim; i++) {
        uint64_t u;
        if (classes) {
            u = (uint64_t)(int64_t)d->y[i];
        } else {
            uint32_t f;
            memcpy(&f, &d->y[i], sizeof f);
            u = f;
        }
        char c[8];
        for (int k = 0; k < 8; k++)
            c[k] = (char)(u >> (8 * k) & 255);
        fx_buf_put(b, c, classes ? 8 : 4);
    }
}

int fx_npz_dataset(const FxDataset *d, FxBuf *out)
{
    FxBuf x, y;
    fx_buf_init(&x);
    fx_buf_init(&y);
    fx_npy_samples(d, &x);
    fx_npy_targets(d, &y);
    FxZipWriter z;
    fx_zip_begin(&z);
    int rc = fx_zip_add(&z, "x.npy", x.s, x.len) || fx_zip_add(&z, "y.npy", y.s, y.len) ? -1 : 0;
    fx_buf_free(&x);
    fx_buf_free(&y);
    if (rc == 0) {
        fx_zip_finish(&z);
        fx_buf_free(out);
        *out = z.out;
        fx_buf_free(&z.dir);
    } else {
        fx_zip_free(&z);
    }
    return rc;
}

/* ---- the builtins ------------------------------------------------------------------- */

static int given(FxCall *c, int i)
{
    return i < c->n && c->given[i] && c->args[i].type != FX_NONE;
}

static int npy_options(FxCall *c, int classes_i, int regression_i, FxNpyOptions *o)
{
    memset(o, 0, sizeof *o);
    if (fx_arg_bool(c, regression_i, 0, &o->regression) ||
        (given(c, classes_i) && fx_data_classes(c, classes_i, 2, &o->classes)))
        return -1;
    if (o->classes && o->regression)
        return fx_error(c->I, fx_arg_span(c, classes_i), "%s() takes classes or regression: "
                        "true, not both", c->name);
    return 0;
}

/* Raises e at the argument it is about (slots[where]), or at the path
 * (slot 0) when that argument was not written. */
static int raise_at(FxCall *c, const FxDataError *e, const int slots[FX_DATA_AT_COUNT])
{
    int slot = slots[e->where];
    if (slot >= 0 && !given(c, slot))
        slot = e->where == FX_DATA_AT_CALL ? -1 : 0;
    fx_error(c->I, slot >= 0 ? fx_arg_span(c, slot) : c->node->span, "%s", e->msg);
    if (e->hint[0])
        fx_error_hint(c->I, "%s", e->hint);
    return -1;
}

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* load_npy(x, y, classes:, regression:) */
static int b_load_npy(FxCall *c, FxValue *out)
{
    FxStr *xp, *yp;
    FxNpyOptions o;
    if (fx_arg_str(c, 0, &xp) || fx_arg_str(c, 1, &yp) || npy_options(c, 2, 3, &o))
        return -1;
    char *xf = fx_data_path(c->I, xp->s), *yf = fx_data_path(c->I, yp->s);
    FxDataError e = {.max_bytes = c->I->opt.max_memory};
    FxDataset *d = fx_npy_load(xf, xp->s, yf, yp->s, &o, &e);
    static const int slots[FX_DATA_AT_COUNT] = {-1, 0, -1, 1, 2, -1, -1};
    if (!d) {
        raise_at(c, &e, slots);
        fx_data_path_hint(c->I, &e, xf, yf);
    }
    free(xf);
    free(yf);
    if (!d)
        return -1;
    fx_dataset_origin(d, "%s", base(xp->s));
    *out = fx_dataset_value(c->I, d);
    return 0;
}

/* load_npz(path, x:, y:, classes:, regression:) */
static int b_load_npz(FxCall *c, FxValue *out)
{
    FxStr *p, *xk = NULL, *yk = NULL;
    FxNpyOptions o;
    if (fx_arg_str(c, 0, &p) || (given(c, 1) && fx_arg_str(c, 1, &xk)) ||
        (given(c, 2) && fx_arg_str(c, 2, &yk)) || npy_options(c, 3, 4, &o))
        return -1;
    char *f = fx_data_path(c->I, p->s);
    FxDataError e = {.max_bytes = c->I->opt.max_memory};
    const char *xs = xk ? xk->s : "x", *ys = yk ? yk->s : "y";
    FxDataset *d = fx_npz_load(f, p->s, xs, ys, &o, &e);
    static const int slots[FX_DATA_AT_COUNT] = {-1, 0, -1, -1, 3, 1, 2};
    if (!d) {
        raise_at(c, &e, slots);
        fx_data_path_hint(c->I, &e, f, NULL);
    }
    free(f);
    if (!d)
        return -1;
    fx_dataset_origin(d, "%s[%s]", base(p->s), xs);
    *out = fx_dataset_value(c->I, d);
    return 0;
}

static const FxBuiltin npy_builtins[] = {
    {"load_npy", "x, y, classes=, regression=", b_load_npy,
     "samples and labels from numpy's .npy files: integer labels are classes, float labels "
     "regression targets"},
    {"load_npz", "path, x=, y=, classes=, regression=", b_load_npz,
     "samples and labels from two arrays of a numpy .npz file (x: and y: name them; \"x\" and "
     "\"y\" by default)"},
};

void fx_data_npy_init(FxInterp *I)
{
    fx_define_builtins(I, npy_builtins, (int)(sizeof npy_builtins / sizeof *npy_builtins));
}
