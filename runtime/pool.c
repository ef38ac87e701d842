/* Pooling kernels over NCHW: max pooling (padding acts as -inf; the first
 * maximum in scan order wins and a NaN wins over numbers, as PyTorch's
 * `val > max || isnan(val)`) and average pooling (padding counts as zeros
 * in the k*k divisor, PyTorch's default count_include_pad). One task per
 * (sample, channel) plane. Max pooling keeps each output's argmax (an
 * index into its input plane) for backward. Knows nothing of the fx
 * language. (The thread pool lives in threads.c.) */
#include <math.h>
#include "rt_internal.h"

typedef struct {
    const RtPoolGeom *g;
    const float *x, *dy;
    float *y, *dx;
    int32_t *idx;
} PoolJob;

/* The window of output (oh, ow), clipped to the input. */
static void window(const RtPoolGeom *g, int64_t oh, int64_t ow, int64_t *h0,
                   int64_t *h1, int64_t *w0, int64_t *w1)
{
    int64_t hs = oh * g->stride - g->pad, ws = ow * g->stride - g->pad;
    *h0 = hs < 0 ? 0 : hs;
    *w0 = ws < 0 ? 0 : ws;
    *h1 = hs + g->k > g->h ? g->h : hs + g->k;
    *w1 = ws + g->k > g->w ? g->w : ws + g->k;
}

/* Max and argmax of one window, written to *y and *at; the updates are
 * selects rather than branches (window values are in random order). */
static void window_max(const RtPoolGeom *g, const float *x, int64_t oh,
                       int64_t ow, float *y, int32_t *at)
{
    int64_t h0, h1, w0, w1;
    int32_t best = -1;
    float m = -INFINITY;
    window(g, oh, ow, &h0, &h1, &w0, &w1);
    for (int64_t i = h0; i < h1; i++)
        for (int64_t j = w0; j < w1; j++) {
            float v = x[i * g->w + j];
            int take = (v > m) | (v != v) | (best < 0);
            best = rt_pick_i32(take, (int32_t)(i * g->w + j), best);
            m = rt_pick(take, v, m);
        }
    *y = m;
    *at = best;
}

static void max_fwd_task(void *ctx, int64_t t)
{
    const PoolJob *j = ctx;
    const RtPoolGeom *g = j->g;
    const float *x = j->x + t * g->h * g->w;
    float *y = j->y + t * g->oh * g->ow;
    int32_t *idx = j->idx + t * g->oh * g->ow;
    for (int64_t oh = 0; oh < g->oh; oh++)
        for (int64_t ow = 0; ow < g->ow; ow++)
            window_max(g, x, oh, ow, &y[oh * g->ow + ow], &idx[oh * g->ow + ow]);
}

/* The common 2x2 window at stride 2 without padding: every window lies
 * inside the plane, so no clipping, and the four values are taken in the
 * same scan order as window_max, giving the same maximum and argmax. */
static void max2_fwd_task(void *ctx, int64_t t)
{
    const PoolJob *j = ctx;
    const RtPoolGeom *g = j->g;
    const float *x = j->x + t * g->h * g->w;
    float *y = j->y + t * g->oh * g->ow;
    int32_t *idx = j->idx + t * g->oh * g->ow;
    int32_t w = (int32_t)g->w;
    for (int64_t oh = 0; oh < g->oh; oh++) {
        const float *restrict r0 = x + 2 * oh * g->w, *restrict r1 = r0 + g->w;
        float *restrict yr = y + oh * g->ow;
        int32_t *restrict ir = idx + oh * g->ow;
        int32_t base = (int32_t)(2 * oh * g->w);
        /* Written as selects so the compiler can vectorize the row. */
        for (int64_t ow = 0; ow < g->ow; ow++) {
            float b = r0[2 * ow + 1], c = r1[2 * ow], d = r1[2 * ow + 1];
            float m = r0[2 * ow];
            int32_t k = 0;
            int t1 = (b > m) | (b != b);
            m = t1 ? b : m;
            k = t1 ? 1 : k;
            int t2 = (c > m) | (c != c);
            m = t2 ? c : m;
            k = t2 ? w : k;
            int t3 = (d > m) | (d != d);
            m = t3 ? d : m;
            k = t3 ? w + 1 : k;
            yr[ow] = m;
            ir[ow] = base + 2 * (int32_t)ow + k;
        }
    }
}

static void max_bwd_task(void *ctx, int64_t t)
{
    const PoolJob *j = ctx;
    const RtPoolGeom *g = j->g;
    const float *dy = j->dy + t * g->oh * g->ow;
    const int32_t *idx = j->idx + t * g->oh * g->ow;
    float *dx = j->dx + t * g->h * g->w;
    for (int64_t o = 0; o < g->oh * g->ow; o++)
        if (idx[o] >= 0)
            dx[idx[o]] += dy[o];
}

static void avg_fwd_task(void *ctx, int64_t t)
{
    const PoolJob *j = ctx;
    const RtPoolGeom *g = j->g;
    const float *x = j->x + t * g->h * g->w;
    float *y = j->y + t * g->oh * g->ow;
    float div = (float)(g->k * g->k);
    for (int64_t oh = 0; oh < g->oh; oh++)
        for (int64_t ow = 0; ow < g->ow; ow++) {
            int64_t h0, h1, w0, w1;
            window(g, oh, ow, &h0, &h1, &w0, &w1);
            float s = 0;
            for (int64_t i = h0; i < h1; i++)
                for (int64_t jj = w0; jj < w1; jj++)
                    s += x[i * g->w + jj];
            y[oh * g->ow + ow] = s / div;
        }
}

static void avg_bwd_task(void *ctx, int64_t t)
{
    const PoolJob *j = ctx;
    const RtPoolGeom *g = j->g;
    const float *dy = j->dy + t * g->oh * g->ow;
    float *dx = j->dx + t * g->h * g->w;
    float div = (float)(g->k * g->k);
    for (int64_t oh = 0; oh < g->oh; oh++)
        for (int64_t ow = 0; ow < g->ow; ow++) {
            int64_t h0, h1, w0, w1;
            window(g, oh, ow, &h0, &h1, &w0, &w1);
            float d = dy[oh * g->ow + ow] / div;
            for (int64_t i = h0; i < h1; i++)
                for (int64_t jj = w0; jj < w1; jj++)
                    dx[i * g->w + jj] += d;
        }
}

void rt_maxpool2d_forward(RtThreads *th, const RtPoolGeom *g, float *y,
                          int32_t *idx, const float *x, int64_t n)
{
    PoolJob j = {.g = g, .x = x, .y = y, .idx = idx};
    int whole = g->k == 2 && g->stride == 2 && g->pad == 0 &&
                2 * g->oh <= g->h && 2 * g->ow <= g->w;
    rt_threads_run(th, n * g->c, whole ? max2_fwd_task : max_fwd_task, &j);
}

void rt_maxpool2d_backward(RtThreads *th, const RtPoolGeom *g, float *dx,
                           const float *dy, const int32_t *idx, int64_t n)
{
    PoolJob j = {.g = g, .dy = dy, .dx = dx, .idx = (int32_t *)idx};
    rt_threads_run(th, n * g->c, max_bwd_task, &j);
}

void rt_avgpool2d_forward(RtThreads *th, const RtPoolGeom *g, float *y,
                          const float *x, int64_t n)
{
    PoolJob j = {.g = g, .x = x, .y = y};
    rt_threads_run(th, n * g->c, avg_fwd_task, &j);
}

void rt_avgpool2d_backward(RtThreads *th, const RtPoolGeom *g, float *dx,
                           const float *dy, int64_t n)
{
    PoolJob j = {.g = g, .dy = dy, .dx = dx};
    rt_threads_run(th, n * g->c, avg_bwd_task, &j);
}
