/* Elementwise activations (relu, leaky_relu, sigmoid, tanh) and softmax over
 * the last axis, forward and backward, split over the pool in fixed chunks.
 * As PyTorch: relu passes NaN through, its gradient is 0 where x <= 0, and
 * leaky_relu's is the slope there. The relu selections are branch-free
 * (a bit mask) because signs of activations are a coin toss for the branch
 * predictor. Knows nothing of the fx language. */
#include <math.h>
#include "rt_internal.h"

typedef struct {
    RtLayerKind kind;
    float slope;
    const float *x, *y, *dy;
    float *out, *dx;
    int64_t cols;
} ActJob;

static float sigmoidf(float v)
{
    if (v >= 0)
        return 1.0f / (1.0f + expf(-v));
    float e = expf(v);
    return e / (1.0f + e);
}

static void fwd_range(void *ctx, int64_t lo, int64_t hi)
{
    const ActJob *j = ctx;
    const float *x = j->x;
    float *y = j->out;
    switch (j->kind) {
    case RT_LAYER_RELU:
        for (int64_t i = lo; i < hi; i++)
            y[i] = rt_pick(!(x[i] <= 0), x[i], 0.0f);
        break;
    case RT_LAYER_LEAKY_RELU:
        for (int64_t i = lo; i < hi; i++)
            y[i] = rt_pick(x[i] > 0, x[i], x[i] * j->slope);
        break;
    case RT_LAYER_SIGMOID:
        for (int64_t i = lo; i < hi; i++)
            y[i] = sigmoidf(x[i]);
        break;
    case RT_LAYER_TANH:
        for (int64_t i = lo; i < hi; i++)
            y[i] = tanhf(x[i]);
        break;
    default:
        break;
    }
}

static void bwd_range(void *ctx, int64_t lo, int64_t hi)
{
    const ActJob *j = ctx;
    const float *dy = j->dy;
    float *dx = j->dx;
    switch (j->kind) {
    case RT_LAYER_RELU:
        for (int64_t i = lo; i < hi; i++)
            dx[i] += rt_pick(!(j->x[i] <= 0), dy[i], 0.0f);
        break;
    case RT_LAYER_LEAKY_RELU:
        for (int64_t i = lo; i < hi; i++)
            dx[i] += rt_pick(j->x[i] > 0, dy[i], dy[i] * j->slope);
        break;
    case RT_LAYER_SIGMOID:
        for (int64_t i = lo; i < hi; i++)
            dx[i] += dy[i] * j->y[i] * (1.0f - j->y[i]);
        break;
    case RT_LAYER_TANH:
        for (int64_t i = lo; i < hi; i++)
            dx[i] += dy[i] * (1.0f - j->y[i] * j->y[i]);
        break;
    default:
        break;
    }
}

void rt_act_forward(RtThreads *th, RtLayerKind kind, float *y, const float *x,
                    int64_t count, float slope)
{
    ActJob j = {.kind = kind, .slope = slope, .x = x, .out = y};
    rt_parallel_range(th, count, RT_CHUNK, fwd_range, &j);
}

void rt_act_backward(RtThreads *th, RtLayerKind kind, float *dx,
                     const float *dy, const float *x, const float *y,
                     int64_t count, float slope)
{
    ActJob j = {.kind = kind, .slope = slope, .x = x, .y = y, .dy = dy,
                .dx = dx};
    rt_parallel_range(th, count, RT_CHUNK, bwd_range, &j);
}

static void softmax_fwd_rows(void *ctx, int64_t lo, int64_t hi)
{
    const ActJob *j = ctx;
    int64_t n = j->cols;
    for (int64_t r = lo; r < hi; r++) {
        const float *x = j->x + r * n;
        float *y = j->out + r * n;
        float m = x[0];
        for (int64_t i = 1; i < n; i++)
            m = x[i] > m ? x[i] : m;
        double s = 0;
        for (int64_t i = 0; i < n; i++) {
            y[i] = expf(x[i] - m);
            s += y[i];
        }
        float inv = (float)(1.0 / s);
        for (int64_t i = 0; i < n; i++)
            y[i] *= inv;
    }
}

static void softmax_bwd_rows(void *ctx, int64_t lo, int64_t hi)
{
    const ActJob *j = ctx;
    int64_t n = j->cols;
    for (int64_t r = lo; r < hi; r++) {
        const float *y = j->y + r * n, *dy = j->dy + r * n;
        float *dx = j->dx + r * n;
        double dot = 0;
        for (int64_t i = 0; i < n; i++)
            dot += (double)dy[i] * y[i];
        for (int64_t i = 0; i < n; i++)
            dx[i] += y[i] * (dy[i] - (float)dot);
    }
}

static int64_t rows_per_chunk(int64_t cols)
{
    int64_t r = RT_CHUNK / (cols > 0 ? cols : 1);
    return r < 1 ? 1 : r;
}

void rt_softmax_forward(RtThreads *th, float *y, const float *x, int64_t rows,
                        int64_t cols)
{
    ActJob j = {.x = x, .out = y, .cols = cols};
    rt_parallel_range(th, rows, rows_per_chunk(cols), softmax_fwd_rows, &j);
}

void rt_softmax_backward(RtThreads *th, float *dx, const float *dy,
                         const float *y, int64_t rows, int64_t cols)
{
    ActJob j = {.y = y, .dy = dy, .dx = dx, .cols = cols};
    rt_parallel_range(th, rows, rows_per_chunk(cols), softmax_bwd_rows, &j);
}
