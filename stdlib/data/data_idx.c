/* load_idx and fashion_mnist: images and labels in the IDX format of
 * MNIST (a magic number 0x00 0x00 type ndim, ndim big-endian u32 sizes,
 * then the data, last index fastest), read through zlib so a .gz file and
 * a plain one both work. Only unsigned bytes are read; pixels are scaled
 * to [0, 1]. A file's header is never trusted for memory: data are read
 * in growing chunks, so a lying header gives a "truncated" error, not a
 * huge allocation. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include "data.h"

#define IDX_UBYTE 0x08
#define CHUNK (1 << 20)

typedef struct Idx {
    gzFile       f;
    const char  *path;
    int          ndim;
    int64_t      dims[RT_MAX_DIMS];
    FxDataErrWhere where;
} Idx;

/* Up to n bytes; the count read (short at the end of the file), or -1
 * with the error in e. */
static int64_t read_bytes(Idx *x, unsigned char *buf, int64_t n, FxDataError *e)
{
    int64_t got = 0;
    while (got < n) {
        unsigned want = n - got > CHUNK ? CHUNK : (unsigned)(n - got);
        int r = gzread(x->f, buf + got, want), zerr = Z_OK;
        const char *msg = r > 0 ? NULL : gzerror(x->f, &zerr);
        if (r < 0 || (zerr != Z_OK && zerr != Z_STREAM_END)) {
            size_t pl = strlen(x->path);     /* zlib's messages start "path: " */
            if (msg && strncmp(msg, x->path, pl) == 0 && strncmp(msg + pl, ": ", 2) == 0)
                msg += pl + 2;
            if (zerr == Z_BUF_ERROR)
                fx_data_error(e, x->where, "'%s' is truncated: its compressed data end early",
                              x->path);
            else
                fx_data_error(e, x->where, "cannot read '%s': %s", x->path,
                              zerr == Z_ERRNO ? strerror(errno) : msg ? msg : "read error");
            return -1;
        }
        if (r == 0)
            break;
        got += r;
    }
    return got;
}

static int bad_header(Idx *x, FxDataError *e, const unsigned char *m, int64_t got)
{
    if (got < 4) {
        fx_data_error(e, x->where, "'%s' is too short for an IDX file (%lld bytes)", x->path,
                      (long long)got);
        return -1;
    }
    fx_data_error(e, x->where, "'%s' is not an IDX file (it starts with %02x %02x %02x %02x)",
                  x->path, m[0], m[1], m[2], m[3]);
    fx_data_hint(e, "an IDX file starts with two zero bytes, a type byte (08 for unsigned "
                 "bytes) and its number of dimensions");
    return -1;
}

/* Opens the file and reads its header: min_dims..max_dims dimensions of
 * unsigned bytes. */
static int idx_open(Idx *x, const char *path, FxDataErrWhere where, int min_dims, int max_dims,
                    const char *what, FxDataError *e)
{
    memset(x, 0, sizeof *x);
    x->path = path;
    x->where = where;
    errno = 0;
    x->f = gzopen(path, "rb");
    if (!x->f) {
        fx_data_error(e, where, "cannot read '%s': %s", path, errno ? strerror(errno) :
                      "out of memory");
        return -1;
    }
    unsigned char m[4 + 4 * RT_MAX_DIMS];
    int64_t got = read_bytes(x, m, 4, e);
    if (got < 0)
        return -1;
    if (got < 4 || m[0] || m[1])
        return bad_header(x, e, m, got);
    if (m[2] != IDX_UBYTE) {
        fx_data_error(e, where, "'%s' holds IDX data of type %02x; only unsigned bytes (08) are "
                      "supported", path, m[2]);
        return -1;
    }
    if (m[3] < min_dims || m[3] > max_dims) {
        if (min_dims == max_dims)
            fx_data_error(e, where, "'%s' has %d dimension%s; %s need %d", path, m[3],
                          m[3] == 1 ? "" : "s", what, min_dims);
        else
            fx_data_error(e, where, "'%s' has %d dimension%s; %s need %d to %d", path, m[3],
                          m[3] == 1 ? "" : "s", what, min_dims, max_dims);
        return -1;
    }
    x->ndim = m[3];
    got = read_bytes(x, m + 4, 4 * x->ndim, e);
    if (got < 0)
        return -1;
    if (got < 4 * x->ndim)
        return bad_header(x, e, m, 0);
    for (int k = 0; k < x->ndim; k++) {
        const unsigned char *b = m + 4 + 4 * k;
        x->dims[k] = (int64_t)b[0] << 24 | (int64_t)b[1] << 16 | (int64_t)b[2] << 8 | b[3];
        if (k > 0 && x->dims[k] == 0) {
            fx_data_error(e, where, "'%s': dimension %d has size 0", path, k + 1);
            return -1;
        }
    }
    return 0;
}

static void idx_close(Idx *x)
{
    if (x->f)
        gzclose(x->f);
    x->f = NULL;
}

/* Exactly `need` data bytes, in a buffer grown as they arrive (caller
 * frees); NULL with e set when the file ends first or cannot be read. */
static unsigned char *read_data(Idx *x, int64_t need, FxDataError *e)
{
    int64_t cap = need < CHUNK ? need : CHUNK, got = 0;
    unsigned char *buf = malloc((size_t)cap);
    for (;;) {
        if (!buf) {
            fx_data_error(e, x->where, "'%s': out of memory", x->path);
            return NULL;
        }
        int64_t r = read_bytes(x, buf + got, cap - got, e);
        if (r < 0)
            break;
        got += r;
        if (got < cap) {
            fx_data_error(e, x->where, "'%s' is truncated: its data end after %lld of the %lld "
                          "bytes its header promises", x->path, (long long)got, (long long)need);
            break;
        }
        if (got == need)
            return buf;
        cap = need - cap < cap ? need : 2 * cap;
        unsigned char *more = realloc(buf, (size_t)cap);
        if (!more)
            free(buf);
        buf = more;
    }
    free(buf);
    return NULL;
}

/* The per-sample shape: [1, rows, cols] for 3-d files (one channel, as
 * convolutions want), the remaining sizes otherwise. */
static RtShape sample_shape(const Idx *x)
{
    if (x->ndim == 3)
        return rt_shape3(1, x->dims[1], x->dims[2]);
    return rt_shape(x->ndim - 1, x->dims + 1);
}

static int check_counts(const Idx *im, const Idx *lb, int64_t limit, int64_t *k, int64_t *per,
                        FxDataError *e)
{
    if (im->dims[0] != lb->dims[0]) {
        fx_data_error(e, FX_DATA_AT_CALL, "'%s' holds %lld images but '%s' holds %lld labels",
                      im->path, (long long)im->dims[0], lb->path, (long long)lb->dims[0]);
        fx_data_hint(e, "are both files from the same part (train or test) of the data?");
        return -1;
    }
    if (im->dims[0] == 0) {
        fx_data_error(e, FX_DATA_AT_CALL, "'%s' holds no samples", im->path);
        return -1;
    }
    RtShape s = sample_shape(im);
    *per = rt_shape_numel(&s);
    *k = limit > 0 && limit < im->dims[0] ? limit : im->dims[0];
    /* The pixels as bytes, then as floats: five bytes a pixel. */
    int64_t max = fx_data_budget(e);
    if (*per < 0 || *k > INT64_MAX / 5 / (*per ? *per : 1) || *k * *per * 5 > max) {
        char b[32];
        fx_data_error(e, FX_DATA_AT_PATH, "'%s': %lld samples of %lld bytes are more than the "
                      "memory budget of %s", im->path, (long long)*k, (long long)*per,
                      rt_bytes_text(max, b));
        fx_data_hint(e, "limit: n reads only the first n samples; --max-memory SIZE or "
                     "FX_MAX_MEMORY sets the budget");
        return -1;
    }
    return 0;
}

/* classes 0: the largest label + 1 (at least 2); otherwise every label
 * must be below it. */
static int label_classes(const Idx *lb, const unsigned char *l, int64_t k, int classes,
                         FxDataError *e)
{
    int top = 0;
    for (int64_t i = 0; i < k; i++) {
        if (classes && l[i] >= classes) {
            fx_data_error(e, FX_DATA_AT_CLASSES, "'%s': label %d (sample %lld) is not below "
                          "classes: %d", lb->path, l[i], (long long)i, classes);
            return -1;
        }
        top = l[i] > top ? l[i] : top;
    }
    return classes ? classes : top + 1 < 2 ? 2 : top + 1;
}

static FxDataset *idx_read(Idx *im, Idx *lb, int64_t limit, int classes, FxDataError *e)
{
    int64_t k, per;
    if (check_counts(im, lb, limit, &k, &per, e))
        return NULL;
    unsigned char *l = read_data(lb, k, e), *px = l ? read_data(im, k * per, e) : NULL;
    int cls = px ? label_classes(lb, l, k, classes, e) : -1;
    FxDataset *d = NULL;
    if (cls > 0) {
        RtError err = fx_data_rt_err(e);
        RtShape s = sample_shape(im);
        d = fx_dataset_new(k, &s, 1, cls, &err);
        if (!d)
            fx_data_error(e, FX_DATA_AT_CALL, "%s", err.msg);
    }
    for (int64_t i = 0; d && i < k * per; i++)
        d->x[i] = (float)px[i] / 255.0f;
    for (int64_t i = 0; d && i < k; i++)
        d->y[i] = (float)l[i];
    free(l);
    free(px);
    return d;
}

FxDataset *fx_idx_load(const char *images, const char *labels, int64_t limit, int classes,
                       FxDataError *e)
{
    Idx im = {0}, lb = {0};
    FxDataset *d = NULL;
    if (idx_open(&im, images, FX_DATA_AT_PATH, 2, RT_MAX_DIMS, "images", e) == 0 &&
        idx_open(&lb, labels, FX_DATA_AT_LABELS_PATH, 1, 1, "labels", e) == 0)
        d = idx_read(&im, &lb, limit, classes, e);
    idx_close(&im);
    idx_close(&lb);
    return d;
}

/* ---- builtins ------------------------------------------------------------ */

static int given(FxCall *c, int i)
{
    return i < c->n && c->given[i] && c->args[i].type != FX_NONE;
}

static int arg_limit(FxCall *c, int i, int64_t *out)
{
    long long v;
    if (fx_arg_opt_int(c, i, 0, &v))
        return -1;
    if (v < 0)
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument 'limit' must be 0 (everything) "
                        "or more, got %lld", c->name, v);
    *out = v;
    return 0;
}

/* Raises e at the argument it is about. */
static int raise_at(FxCall *c, const FxDataError *e, int path_slot, int labels_slot, int classes_slot)
{
    int slot = e->where == FX_DATA_AT_PATH ? path_slot :
               e->where == FX_DATA_AT_LABELS_PATH ? labels_slot :
               e->where == FX_DATA_AT_CLASSES ? classes_slot : -1;
    fx_error(c->I, slot >= 0 && given(c, slot) ? fx_arg_span(c, slot) : c->node->span, "%s",
             e->msg);
    if (e->hint[0])
        fx_error_hint(c->I, "%s", e->hint);
    return -1;
}

static int b_load_idx(FxCall *c, FxValue *out)
{
    FxStr *images, *labels;
    int64_t limit;
    int classes = 0;
    if (fx_arg_str(c, 0, &images) || fx_arg_str(c, 1, &labels) || arg_limit(c, 2, &limit) ||
        (given(c, 3) && fx_data_classes(c, 3, 2, &classes)))
        return -1;
    char *ip = fx_data_path(c->I, images->s), *lp = fx_data_path(c->I, labels->s);
    FxDataError e = {.max_bytes = c->I->opt.max_memory};
    FxDataset *d = fx_idx_load(ip, lp, limit, classes, &e);
    if (!d) {
        raise_at(c, &e, 0, 1, 3);
        fx_data_path_hint(c->I, &e, ip, lp);
    }
    free(ip);
    free(lp);
    if (!d)
        return -1;
    const char *base = strrchr(images->s, '/');
    fx_dataset_origin(d, "%s", base ? base + 1 : images->s);
    *out = fx_dataset_value(c->I, d);
    return 0;
}

#define FASHION_DIR "/usr/share/datasets/fashion-mnist"

static int b_fashion_mnist(FxCall *c, FxValue *out)
{
    static const char *const parts[] = {"train", "test", NULL};
    const char *part;
    int64_t limit;
    if (fx_data_choice(c, 0, "train", parts, &part) || arg_limit(c, 1, &limit))
        return -1;
    const char *env = getenv("FX_FASHION_MNIST_DIR");
    const char *dir = env && *env ? env : FASHION_DIR;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fx_error(c->I, c->node->span, "Fashion-MNIST is not installed: there is no directory %s",
                 dir);
        fx_error_hint(c->I, "apt-get install dataset-fashion-mnist (Debian's package puts it in "
                      FASHION_DIR "; FX_FASHION_MNIST_DIR names another directory)");
        return -1;
    }
    const char *stem = strcmp(part, "train") == 0 ? "train" : "t10k";
    FxBuf ip, lp;
    fx_buf_init(&ip);
    fx_buf_init(&lp);
    fx_buf_printf(&ip, "%s/%s-images-idx3-ubyte.gz", dir, stem);
    fx_buf_printf(&lp, "%s/%s-labels-idx1-ubyte.gz", dir, stem);
    FxDataError e = {.max_bytes = c->I->opt.max_memory};
    FxDataset *d = fx_idx_load(ip.s, lp.s, limit, 10, &e);
    fx_buf_free(&ip);
    fx_buf_free(&lp);
    if (!d)
        return raise_at(c, &e, -1, -1, -1);
    fx_dataset_origin(d, "fashion_mnist(%s)", part);
    *out = fx_dataset_value(c->I, d);
    return 0;
}

static const FxBuiltin idx_builtins[] = {
    {"load_idx", "images, labels, limit=, classes=", b_load_idx,
     "images and labels from IDX files (MNIST's format, .gz or plain): pixels scaled to [0, 1], "
     "shape [1, rows, cols]; limit: n reads the first n"},
    {"fashion_mnist", "part=, limit=", b_fashion_mnist,
     "Fashion-MNIST's \"train\" (60000) or \"test\" (10000) images from Debian's "
     "dataset-fashion-mnist package, 10 classes; limit: n reads the first n"},
};

void fx_data_idx_init(FxInterp *I)
{
    fx_define_builtins(I, idx_builtins, (int)(sizeof idx_builtins / sizeof *idx_builtins));
}
