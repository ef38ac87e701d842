/* Layer specs: their constructors with defaults, display names, and the
 * per-kind setup that checks hyperparameters, infers the per-sample output
 * shape from the input shape, and sizes parameters, buffers and scratch.
 * Shape errors name the layer, what it needs and what it got from which
 * layer. Knows nothing of the fx language. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "rt_internal.h"

static RtLayerSpec spec(RtLayerKind kind)
{
    RtLayerSpec s;
    memset(&s, 0, sizeof s);
    s.kind = kind;
    s.stride = kind == RT_LAYER_CONV2D ? 1 : 0;
    s.slope = 0.01;
    s.momentum = 0.1;
    s.eps = 1e-5;
    return s;
}

RtLayerSpec rt_layer_dense(int64_t units)
{
    RtLayerSpec s = spec(RT_LAYER_DENSE);
    s.units = units;
    return s;
}

RtLayerSpec rt_layer_conv2d(int64_t filters, int kernel, int stride,
                            int padding)
{
    RtLayerSpec s = spec(RT_LAYER_CONV2D);
    s.filters = filters;
    s.kernel = kernel;
    s.stride = stride;
    s.padding = padding;
    return s;
}

static RtLayerSpec pool_spec(RtLayerKind kind, int kernel, int stride,
                             int padding)
{
    RtLayerSpec s = spec(kind);
    s.kernel = kernel;
    s.stride = stride;
    s.padding = padding;
    return s;
}

RtLayerSpec rt_layer_maxpool2d(int kernel, int stride, int padding)
{
    return pool_spec(RT_LAYER_MAXPOOL2D, kernel, stride, padding);
}

RtLayerSpec rt_layer_avgpool2d(int kernel, int stride, int padding)
{
    return pool_spec(RT_LAYER_AVGPOOL2D, kernel, stride, padding);
}

RtLayerSpec rt_layer_flatten(void) { return spec(RT_LAYER_FLATTEN); }
RtLayerSpec rt_layer_batchnorm(void) { return spec(RT_LAYER_BATCHNORM); }
RtLayerSpec rt_layer_relu(void) { return spec(RT_LAYER_RELU); }
RtLayerSpec rt_layer_sigmoid(void) { return spec(RT_LAYER_SIGMOID); }
RtLayerSpec rt_layer_tanh(void) { return spec(RT_LAYER_TANH); }
RtLayerSpec rt_layer_softmax(void) { return spec(RT_LAYER_SOFTMAX); }

RtLayerSpec rt_layer_dropout(double rate)
{
    RtLayerSpec s = spec(RT_LAYER_DROPOUT);
    s.rate = rate;
    return s;
}

RtLayerSpec rt_layer_leaky_relu(double slope)
{
    RtLayerSpec s = spec(RT_LAYER_LEAKY_RELU);
    s.slope = slope;
    return s;
}

RtLayerSpec rt_layer_reshape(const RtShape *shape)
{
    RtLayerSpec s = spec(RT_LAYER_RESHAPE);
    s.shape = *shape;
    return s;
}

RtLayerSpec rt_layer_polyfeat(int degree, int bias)
{
    RtLayerSpec s = spec(RT_LAYER_POLYFEAT);
    s.degree = degree;
    s.poly_bias = bias ? 1 : 0;
    return s;
}

/* The stride a pool really uses: 0 means the kernel size. */
static int pool_stride(const RtLayerSpec *s)
{
    return s->stride > 0 ? s->stride : s->kernel;
}

static int conv_stride(const RtLayerSpec *s)
{
    return s->stride > 0 ? s->stride : 1;
}

char *rt_layer_name(const RtLayerSpec *s, char *buf, size_t size)
{
    char extra[96] = "";
    size_t n = 0;
    int pool = s->kind == RT_LAYER_MAXPOOL2D || s->kind == RT_LAYER_AVGPOOL2D;
    if (s->kind == RT_LAYER_CONV2D && conv_stride(s) != 1)
        n += (size_t)snprintf(extra + n, sizeof extra - n, ", stride: %d",
                              conv_stride(s));
    if (pool && pool_stride(s) != s->kernel)
        n += (size_t)snprintf(extra + n, sizeof extra - n, ", stride: %d",
                              pool_stride(s));
    if ((pool || s->kind == RT_LAYER_CONV2D) && s->padding)
        n += (size_t)snprintf(extra + n, sizeof extra - n, ", pad: %d",
                              s->padding);
    if ((s->kind == RT_LAYER_DENSE || s->kind == RT_LAYER_CONV2D) && s->no_bias)
        snprintf(extra + n, sizeof extra - n, ", bias: false");
    switch (s->kind) {
    case RT_LAYER_DENSE:
        snprintf(buf, size, "dense(%lld%s)", (long long)s->units, extra);
        break;
    case RT_LAYER_CONV2D:
        snprintf(buf, size, "conv2d(%lld, %d%s)", (long long)s->filters,
                 s->kernel, extra);
        break;
    case RT_LAYER_MAXPOOL2D:
        snprintf(buf, size, "maxpool2d(%d%s)", s->kernel, extra);
        break;
    case RT_LAYER_AVGPOOL2D:
        snprintf(buf, size, "avgpool2d(%d%s)", s->kernel, extra);
        break;
    case RT_LAYER_FLATTEN:    snprintf(buf, size, "flatten"); break;
    case RT_LAYER_DROPOUT:    snprintf(buf, size, "dropout(%g)", s->rate); break;
    case RT_LAYER_BATCHNORM:  snprintf(buf, size, "batchnorm"); break;
    case RT_LAYER_RELU:       snprintf(buf, size, "relu"); break;
    case RT_LAYER_LEAKY_RELU:
        snprintf(buf, size, "leaky_relu(%g)", s->slope);
        break;
    case RT_LAYER_SIGMOID:    snprintf(buf, size, "sigmoid"); break;
    case RT_LAYER_TANH:       snprintf(buf, size, "tanh"); break;
    case RT_LAYER_SOFTMAX:    snprintf(buf, size, "softmax"); break;
    case RT_LAYER_POLYFEAT:
        snprintf(buf, size, "polyfeat(%d%s)", s->degree,
                 s->poly_bias ? ", bias: true" : "");
        break;
    case RT_LAYER_RESHAPE: {
        char sb[RT_SHAPE_STR_SIZE];
        snprintf(buf, size, "reshape(%s)", rt_shape_str(&s->shape, sb, sizeof sb));
        break;
    }
    default:
        snprintf(buf, size, "layer(kind %d)", (int)s->kind);
        break;
    }
    return buf;
}

/* ---- setup, one function per kind --------------------------------------- */

typedef struct {
    RtLayer *L;
    const RtShape *in;
    const char *from;
    int64_t max_batch;
    RtError *err;
    char got[RT_SHAPE_STR_SIZE];   /* the input shape as text */
} Setup;

static int shape_err(Setup *u, const char *need)
{
    rt_error_set(u->err, RT_ERR_SHAPE, "%s needs %s, got %s from %s",
                 u->L->name, need, u->got, u->from);
    return -1;
}

static int size_err(Setup *u)
{
    rt_error_set(u->err, RT_ERR_NOMEM, "%s: sizes overflow for input %s and "
                 "a batch of %lld", u->L->name, u->got,
                 (long long)u->max_batch);
    return -1;
}

/* a * b * c, or -1 when it overflows. */
static int64_t mul3(int64_t a, int64_t b, int64_t c)
{
    int64_t ab, abc;
    if (__builtin_mul_overflow(a, b, &ab) || __builtin_mul_overflow(ab, c, &abc))
        return -1;
    return abc;
}

static int arg_err(Setup *u, const char *what)
{
    rt_error_set(u->err, RT_ERR_ARG, "%s: %s", u->L->name, what);
    return -1;
}

static int empty_err(Setup *u)
{
    rt_error_set(u->err, RT_ERR_SHAPE, "%s output would be empty for input %s",
                 u->L->name, u->got);
    return -1;
}

static int blas_fits(Setup *u, int64_t rows, int64_t cols);

static int setup_dense(Setup *u)
{
    RtLayer *L = u->L;
    if (L->spec.units < 1)
        return arg_err(u, "units must be at least 1");
    if (u->in->ndim != 1)
        return shape_err(u, "a flat [features] input");
    if (L->spec.inputs > 0 && u->in->dim[0] != L->spec.inputs) {
        rt_error_set(u->err, RT_ERR_SHAPE, "%s expects %lld inputs, got %lld "
                     "from %s", L->name, (long long)L->spec.inputs,
                     (long long)u->in->dim[0], u->from);
        return -1;
    }
    L->out = rt_shape1(L->spec.units);
    L->fan_in = u->in->dim[0];
    L->fan_out = L->spec.units;
    L->nw = mul3(L->spec.units, u->in->dim[0], 1);
    L->nb = L->spec.no_bias ? 0 : L->spec.units;
    if (L->nw < 0)
        return size_err(u);
    if (!blas_fits(u, L->spec.units, u->in->dim[0]))
        return -1;
    return 0;
}

/* Output size of a window sweep; -1 when empty. */
static int64_t sweep(int64_t in, int64_t k, int64_t stride, int64_t pad)
{
    if (in + 2 * pad < k)
        return -1;
    return (in + 2 * pad - k) / stride + 1;
}

/* The GEMMs take int sizes: rows and the batch-folded columns must fit. */
static int blas_fits(Setup *u, int64_t rows, int64_t cols)
{
    if (rows <= INT_MAX && u->max_batch <= INT_MAX &&
        cols <= INT_MAX / (u->max_batch > 0 ? u->max_batch : 1))
        return 1;
    rt_error_set(u->err, RT_ERR_NOMEM, "%s: a batch of %lld is too large for "
                 "one BLAS product", u->L->name, (long long)u->max_batch);
    return 0;
}

static int setup_conv(Setup *u)
{
    RtLayer *L = u->L;
    const RtLayerSpec *s = &L->spec;
    if (s->filters < 1 || s->kernel < 1 || s->padding < 0 || s->stride < 0)
        return arg_err(u, "filters and kernel must be at least 1, stride and "
                          "padding not negative");
    if (u->in->ndim != 3)
        return shape_err(u, "a [C, H, W] input");
    if (s->inputs > 0 && u->in->dim[0] != s->inputs) {
        rt_error_set(u->err, RT_ERR_SHAPE, "%s expects %lld input channels, "
                     "got %lld from %s", L->name, (long long)s->inputs,
                     (long long)u->in->dim[0], u->from);
        return -1;
    }
    RtConvGeom *g = &L->conv;
    g->c = u->in->dim[0], g->h = u->in->dim[1], g->w = u->in->dim[2];
    g->f = s->filters, g->k = s->kernel, g->stride = conv_stride(s);
    g->pad = s->padding;
    g->oh = sweep(g->h, g->k, g->stride, g->pad);
    g->ow = sweep(g->w, g->k, g->stride, g->pad);
    if (g->oh < 1 || g->ow < 1 || g->c < 1)
        return empty_err(u);
    L->fan_in = mul3(g->c, g->k, g->k);
    L->fan_out = mul3(g->f, g->k, g->k);
    L->nw = mul3(g->f, L->fan_in, 1);
    int64_t cols = mul3(L->fan_in, g->oh * g->ow, u->max_batch);
    int64_t ybuf = mul3(g->f, g->oh * g->ow, u->max_batch);
    if (L->fan_in < 0 || L->fan_out < 0 || L->nw < 0 || cols < 0 || ybuf < 0
        || cols > INT64_MAX - ybuf)
        return size_err(u);
    if (!blas_fits(u, L->fan_in, g->oh * g->ow) || !blas_fits(u, g->f, 1))
        return -1;
    L->out = rt_shape3(g->f, g->oh, g->ow);
    L->nb = s->no_bias ? 0 : g->f;
    L->nscratch = cols + ybuf;
    return 0;
}

static int setup_pool(Setup *u)
{
    RtLayer *L = u->L;
    const RtLayerSpec *s = &L->spec;
    if (s->kernel < 1 || s->stride < 0 || s->padding < 0)
        return arg_err(u, "kernel must be at least 1, stride and padding not "
                          "negative");
    if (2 * s->padding > s->kernel)
        return arg_err(u, "padding must be at most half the kernel");
    if (u->in->ndim != 3)
        return shape_err(u, "a [C, H, W] input");
    RtPoolGeom *g = &L->pool;
    g->c = u->in->dim[0], g->h = u->in->dim[1], g->w = u->in->dim[2];
    g->k = s->kernel, g->stride = pool_stride(s), g->pad = s->padding;
    g->oh = sweep(g->h, g->k, g->stride, g->pad);
    g->ow = sweep(g->w, g->k, g->stride, g->pad);
    if (g->oh < 1 || g->ow < 1 || g->c < 1)
        return empty_err(u);
    if (g->h * g->w > INT32_MAX)
        return shape_err(u, "planes of fewer than 2^31 pixels");
    L->out = rt_shape3(g->c, g->oh, g->ow);
    if (s->kind == RT_LAYER_MAXPOOL2D) {   /* int32 argmax per output */
        L->nscratch = mul3(u->max_batch, g->c, g->oh * g->ow);
        if (L->nscratch < 0)
            return size_err(u);
    }
    return 0;
}

static int setup_batchnorm(Setup *u)
{
    RtLayer *L = u->L;
    RtLayerSpec *s = &L->spec;
    if (u->in->ndim != 1 && u->in->ndim != 3)
        return shape_err(u, "a [features] or [C, H, W] input");
    if (s->inputs > 0 && u->in->dim[0] != s->inputs) {
        rt_error_set(u->err, RT_ERR_SHAPE, "%s expects %lld features, got %lld "
                     "from %s", L->name, (long long)s->inputs,
                     (long long)u->in->dim[0], u->from);
        return -1;
    }
    if (s->momentum == 0)
        s->momentum = 0.1;
    if (s->eps == 0)
        s->eps = 1e-5;
    if (!(s->momentum > 0 && s->momentum <= 1) || !(s->eps > 0))
        return arg_err(u, "momentum must be in (0, 1] and eps positive");
    int64_t c = u->in->dim[0];
    L->out = *u->in;
    L->nw = L->nb = c;
    L->nbuf = 2 * c;
    L->nscratch = 2 * c;
    return 0;
}

static int setup_simple(Setup *u)
{
    RtLayer *L = u->L;
    const RtLayerSpec *s = &L->spec;
    int64_t n = rt_shape_numel(u->in);
    L->out = *u->in;
    switch (s->kind) {
    case RT_LAYER_FLATTEN:
        L->out = rt_shape1(n);
        break;
    case RT_LAYER_DROPOUT:
        if (!(s->rate >= 0 && s->rate < 1))
            return arg_err(u, "rate must be in [0, 1)");
        L->nscratch = mul3(u->max_batch, n, 1);
        if (L->nscratch < 0)
            return size_err(u);
        break;
    case RT_LAYER_LEAKY_RELU:
        if (!isfinite(s->slope))
            return arg_err(u, "slope must be a finite number");
        break;
    case RT_LAYER_SOFTMAX:
        if (u->in->ndim < 1)
            return shape_err(u, "an input with at least one axis");
        break;
    case RT_LAYER_RESHAPE: {
        RtError e = {0};
        if (rt_shape_reshape(&s->shape, n, &L->out, &e) < 0) {
            rt_error_set(u->err, RT_ERR_SHAPE, "%s got %s from %s: %s", L->name,
                         u->got, u->from, e.msg);
            return -1;
        }
        break;
    }
    case RT_LAYER_POLYFEAT:
        if (s->degree < 1 || s->degree > 64)
            return arg_err(u, "degree must be 1..64");
        if (u->in->ndim != 1 || u->in->dim[0] != 1)
            return shape_err(u, "one input column [1]");
        L->out = rt_shape1(s->degree + s->poly_bias);
        break;
    default:
        break;
    }
    return 0;
}

static int check_extras(Setup *u)
{
    const RtLayerSpec *s = &u->L->spec;
    int weights = s->kind == RT_LAYER_DENSE || s->kind == RT_LAYER_CONV2D;
    if (s->l2 != 0 && !weights)
        return arg_err(u, "l2 applies to dense and conv2d weights only");
    if (!(s->l2 >= 0) || !isfinite(s->l2))
        return arg_err(u, "l2 must be a non-negative number");
    if (s->init.kind != RT_INIT_DEFAULT && !weights)
        return arg_err(u, "init applies to dense and conv2d only");
    if ((unsigned)s->init.kind > RT_INIT_NORMAL)
        return arg_err(u, "unknown init");
    if (s->init.kind == RT_INIT_NORMAL && !(s->init.std >= 0))
        return arg_err(u, "normal init needs a std >= 0");
    return 0;
}

int rt_layer_setup(RtLayer *L, const RtShape *in, const char *from,
                   int64_t max_batch, RtError *err)
{
    Setup u = {L, in, from, max_batch, err, ""};
    rt_layer_name(&L->spec, L->name, sizeof L->name);
    rt_shape_str(in, u.got, sizeof u.got);
    L->in = *in;
    L->in_n = rt_shape_numel(in);
    if (L->in_n < 1)
        return shape_err(&u, "a non-empty input");
    if (check_extras(&u) < 0)
        return -1;
    int rc;
    switch (L->spec.kind) {
    case RT_LAYER_DENSE:     rc = setup_dense(&u); break;
    case RT_LAYER_CONV2D:    rc = setup_conv(&u); break;
    case RT_LAYER_MAXPOOL2D:
    case RT_LAYER_AVGPOOL2D: rc = setup_pool(&u); break;
    case RT_LAYER_BATCHNORM: rc = setup_batchnorm(&u); break;
    case RT_LAYER_FLATTEN: case RT_LAYER_DROPOUT: case RT_LAYER_RELU:
    case RT_LAYER_LEAKY_RELU: case RT_LAYER_SIGMOID: case RT_LAYER_TANH:
    case RT_LAYER_SOFTMAX: case RT_LAYER_POLYFEAT: case RT_LAYER_RESHAPE:
        rc = setup_simple(&u);
        break;
    default:
        return arg_err(&u, "unknown layer kind");
    }
    if (rc < 0)
        return -1;
    L->out_n = rt_shape_numel(&L->out);
    if (L->out_n < 1 || mul3(L->out_n, max_batch, 2) < 0)
        return size_err(&u);
    return 0;
}
