/* Running one layer of a model: forward and backward dispatch from a layer
 * (its spec, shapes and views into the model's memory) to the kernels.
 * Backward adds into the input gradient dx (skipped when NULL) and into the
 * layer's parameter gradients. Knows nothing of the fx language. */
#include <string.h>
#include "rt_internal.h"

typedef struct {
    float *dx;
    const float *dy;
} AddJob;

static void add_range(void *ctx, int64_t lo, int64_t hi)
{
    const AddJob *j = ctx;
    for (int64_t i = lo; i < hi; i++)
        j->dx[i] += j->dy[i];
}

static void add_into(RtThreads *th, float *dx, const float *dy, int64_t count)
{
    AddJob j = {dx, dy};
    rt_parallel_range(th, count, RT_CHUNK, add_range, &j);
}

static int64_t bn_channels(const RtLayer *L) { return L->in.dim[0]; }

static int batchnorm_forward(RtLayer *L, RtThreads *th, const float *x,
                             int64_t n, int train, RtError *err)
{
    int64_t c = bn_channels(L), s = L->in_n / c;
    if (train && n * s < 2) {
        rt_error_set(err, RT_ERR_SHAPE, "%s needs more than one value per "
                     "channel in train mode, got a batch of %lld", L->name,
                     (long long)n);
        return -1;
    }
    rt_batchnorm_forward(th, train, L->act, x, L->w, L->b, L->buf, L->buf + c,
                         L->scratch, L->scratch + c, n, c, s,
                         L->spec.momentum, L->spec.eps);
    L->batches += train;
    return 0;
}

static void dropout_forward(RtLayer *L, RtThreads *th, const float *x,
                            int64_t n, int train, uint64_t seed,
                            uint64_t stream)
{
    if (!train) {
        memcpy(L->act, x, (size_t)(n * L->in_n) * sizeof *x);
        return;
    }
    if (!L->fixed_mask)
        rt_dropout_mask(th, L->scratch, n, L->in_n, L->spec.rate, seed, stream);
    rt_dropout_forward(th, L->act, x, L->scratch, n * L->in_n);
}

int rt_layer_forward(RtLayer *L, RtThreads *th, const float *x, int64_t n,
                     RtMode mode, uint64_t seed, uint64_t stream, RtError *err)
{
    int train = mode == RT_TRAIN;
    int64_t count = n * L->in_n;
    const RtLayerSpec *s = &L->spec;
    switch (s->kind) {
    case RT_LAYER_DENSE:
        rt_dense_forward(th, L->act, x, L->w, L->b, n, L->in_n, L->out_n);
        break;
    case RT_LAYER_CONV2D:
        rt_conv2d_forward(th, &L->conv, L->act, x, L->w, L->b, n, L->scratch,
                          L->scratch2);
        break;
    case RT_LAYER_MAXPOOL2D:
        rt_maxpool2d_forward(th, &L->pool, L->act, (int32_t *)L->scratch, x, n);
        break;
    case RT_LAYER_AVGPOOL2D:
        rt_avgpool2d_forward(th, &L->pool, L->act, x, n);
        break;
    case RT_LAYER_FLATTEN:
    case RT_LAYER_RESHAPE:   /* row-major: the same numbers in the same order */
        memcpy(L->act, x, (size_t)count * sizeof *x);
        break;
    case RT_LAYER_DROPOUT:
        dropout_forward(L, th, x, n, train, seed, stream);
        break;
    case RT_LAYER_BATCHNORM:
        if (batchnorm_forward(L, th, x, n, train, err) < 0)
            return -1;
        break;
    case RT_LAYER_SOFTMAX: {
        int64_t last = L->in.dim[L->in.ndim - 1];
        rt_softmax_forward(th, L->act, x, count / last, last);
        break;
    }
    case RT_LAYER_POLYFEAT:
        rt_polyfeat_forward(L->act, x, n, s->degree, s->poly_bias);
        break;
    default:   /* relu, leaky_relu, sigmoid, tanh */
        rt_act_forward(th, s->kind, L->act, x, count, (float)s->slope);
        break;
    }
    L->last_train = train;
    return 0;
}

void rt_layer_backward(RtLayer *L, RtThreads *th, const float *x, float *dx,
                       int64_t n)
{
    int64_t count = n * L->in_n;
    const RtLayerSpec *s = &L->spec;
    const float *dy = L->dact;
    switch (s->kind) {
    case RT_LAYER_DENSE:
        rt_dense_backward(th, dx, L->dw, L->db, dy, x, L->w, n, L->in_n,
                          L->out_n);
        return;
    case RT_LAYER_CONV2D:
        rt_conv2d_backward(th, &L->conv, dx, L->dw, L->db, dy, L->w, n,
                           L->scratch, L->scratch2);
        return;
    case RT_LAYER_BATCHNORM: {
        int64_t c = bn_channels(L);
        rt_batchnorm_backward(th, L->last_train, dx, L->dw, L->db, dy, x, L->w,
                              L->scratch, L->scratch + c, n, c, L->in_n / c);
        return;
    }
    default:
        break;
    }
    if (!dx)   /* the rest have no parameters */
        return;
    switch (s->kind) {
    case RT_LAYER_MAXPOOL2D:
        rt_maxpool2d_backward(th, &L->pool, dx, dy, (const int32_t *)L->scratch,
                              n);
        break;
    case RT_LAYER_AVGPOOL2D:
        rt_avgpool2d_backward(th, &L->pool, dx, dy, n);
        break;
    case RT_LAYER_DROPOUT:
        if (L->last_train)
            rt_dropout_backward(th, dx, dy, L->scratch, count);
        else
            add_into(th, dx, dy, count);
        break;
    case RT_LAYER_FLATTEN:
    case RT_LAYER_RESHAPE:
        add_into(th, dx, dy, count);
        break;
    case RT_LAYER_SOFTMAX: {
        int64_t last = L->in.dim[L->in.ndim - 1];
        rt_softmax_backward(th, dx, dy, L->act, count / last, last);
        break;
    }
    case RT_LAYER_POLYFEAT:
        rt_polyfeat_backward(dx, dy, x, n, s->degree, s->poly_bias);
        break;
    default:
        rt_act_backward(th, s->kind, dx, dy, x, L->act, count, (float)s->slope);
        break;
    }
}
