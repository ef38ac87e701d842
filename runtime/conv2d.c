/* The 2-d convolution's kernels (NCHW, square kernel, stride, zero
 * padding): im2col with the whole batch folded into one column matrix, so
 * each product is one logical GEMM over the batch (cblas_sgemm via
 * rt_gemm), backward included (dW = dY cols^T, dcols = W^T dY). Per-sample
 * work (im2col, col2im, layout changes) runs on the pool. Knows nothing of
 * the fx language.
 *
 * Layout: cols [c*k*k, n*P] with P = oh*ow, column n*P + p; the GEMM's
 * result ybuf [f, n*P] is then moved to y [n, f, P]. */
#include <string.h>
#include "rt_internal.h"

int64_t rt_conv2d_cols_size(const RtConvGeom *g, int64_t n)
{
    return g->c * g->k * g->k * n * g->oh * g->ow;
}

int64_t rt_conv2d_ybuf_size(const RtConvGeom *g, int64_t n)
{
    return g->f * n * g->oh * g->ow;
}

typedef struct {
    const RtConvGeom *g;
    int64_t n, P, ld, ckk;
    const float *x, *w, *b, *dy;
    float *y, *dx, *dw, *db, *cols, *ybuf;
} ConvJob;

/* The output columns [*lo, *hi) whose input column ow*stride - pad + kj
 * lies inside the image; the others read the zero padding. */
static void valid_cols(const RtConvGeom *g, int64_t kj, int64_t *lo,
                       int64_t *hi)
{
    int64_t off = kj - g->pad, s = g->stride;
    int64_t a = off >= 0 ? 0 : (-off + s - 1) / s;
    int64_t b = g->w - off <= 0 ? 0 : (g->w - off + s - 1) / s;
    if (b > g->ow)
        b = g->ow;
    if (a > b)
        a = b;
    *lo = a;
    *hi = b;
}

/* Sample s's patches into columns s*P .. s*P+P-1 of cols. Each row of a
 * patch is a zero prefix, a run of the image (one memcpy at stride 1) and
 * a zero suffix. */
static void im2col_task(void *ctx, int64_t s)
{
    const ConvJob *j = ctx;
    const RtConvGeom *g = j->g;
    const float *x = j->x + s * g->c * g->h * g->w;
    for (int64_t c = 0; c < g->c; c++)
        for (int64_t ki = 0; ki < g->k; ki++)
            for (int64_t kj = 0; kj < g->k; kj++) {
                int64_t row = (c * g->k + ki) * g->k + kj, lo, hi;
                int64_t off = kj - g->pad;
                valid_cols(g, kj, &lo, &hi);
                float *dst = j->cols + row * j->ld + s * j->P;
                for (int64_t oh = 0; oh < g->oh; oh++) {
                    float *d = dst + oh * g->ow;
                    int64_t ih = oh * g->stride - g->pad + ki;
                    if (ih < 0 || ih >= g->h) {
                        memset(d, 0, (size_t)g->ow * sizeof *d);
                        continue;
                    }
                    const float *src =
                        x + (c * g->h + ih) * g->w + lo * g->stride + off;
                    memset(d, 0, (size_t)lo * sizeof *d);
                    if (g->stride == 1)
                        memcpy(d + lo, src, (size_t)(hi - lo) * sizeof *d);
                    else
                        for (int64_t ow = lo; ow < hi; ow++)
                            d[ow] = src[(ow - lo) * g->stride];
                    memset(d + hi, 0, (size_t)(g->ow - hi) * sizeof *d);
                }
            }
}

/* The reverse: sample s's column gradients added into dx, in the same
 * order for every element whatever the thread count. */
static void col2im_task(void *ctx, int64_t s)
{
    const ConvJob *j = ctx;
    const RtConvGeom *g = j->g;
    float *dx = j->dx + s * g->c * g->h * g->w;
    for (int64_t c = 0; c < g->c; c++)
        for (int64_t ki = 0; ki < g->k; ki++)
            for (int64_t kj = 0; kj < g->k; kj++) {
                int64_t row = (c * g->k + ki) * g->k + kj, lo, hi;
                int64_t off = kj - g->pad;
                valid_cols(g, kj, &lo, &hi);
                const float *src = j->cols + row * j->ld + s * j->P;
                for (int64_t oh = 0; oh < g->oh; oh++) {
                    int64_t ih = oh * g->stride - g->pad + ki;
                    if (ih < 0 || ih >= g->h)
                        continue;
                    float *d =
                        dx + (c * g->h + ih) * g->w + lo * g->stride + off;
                    const float *sp = src + oh * g->ow + lo;
                    if (g->stride == 1)
                        for (int64_t k = 0; k < hi - lo; k++)
                            d[k] += sp[k];
                    else
                        for (int64_t k = 0; k < hi - lo; k++)
                            d[k * g->stride] += sp[k];
                }
            }
}

/* ybuf [f, n*P] -> y [n, f, P], adding the bias. */
static void scatter_task(void *ctx, int64_t s)
{
    const ConvJob *j = ctx;
    for (int64_t f = 0; f < j->g->f; f++) {
        const float *src = j->ybuf + f * j->ld + s * j->P;
        float *dst = j->y + (s * j->g->f + f) * j->P;
        float bias = j->b ? j->b[f] : 0.0f;
        for (int64_t p = 0; p < j->P; p++)
            dst[p] = src[p] + bias;
    }
}

/* dy [n, f, P] -> ybuf [f, n*P]. */
static void gather_task(void *ctx, int64_t s)
{
    const ConvJob *j = ctx;
    for (int64_t f = 0; f < j->g->f; f++)
        memcpy(j->ybuf + f * j->ld + s * j->P, j->dy + (s * j->g->f + f) * j->P,
               (size_t)j->P * sizeof(float));
}

/* db[f] += the sum of row f of ybuf, in a fixed order: eight running
 * sums in double (element i goes to sum i % 8, so the adds do not wait on
 * each other), then added together, the same at any thread count. */
static void bias_task(void *ctx, int64_t f)
{
    const ConvJob *j = ctx;
    const float *r = j->ybuf + f * j->ld;
    double acc[8] = {0};
    int64_t i = 0;
    for (; i + 8 <= j->ld; i += 8)
        for (int l = 0; l < 8; l++)
            acc[l] += r[i + l];
    for (; i < j->ld; i++)
        acc[i % 8] += r[i];
    double s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) +
               ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    j->db[f] += (float)s;
}

void rt_conv2d_forward(RtThreads *th, const RtConvGeom *g, float *y,
                       const float *x, const float *w, const float *b,
                       int64_t n, float *cols, float *ybuf)
{
    ConvJob j = {.g = g, .n = n, .P = g->oh * g->ow, .ckk = g->c * g->k * g->k,
                 .x = x, .w = w, .b = b, .y = y, .cols = cols, .ybuf = ybuf};
    j.ld = n * j.P;
    rt_threads_run(th, n, im2col_task, &j);
    rt_gemm(th, 0, 0, g->f, j.ld, j.ckk, 1.0f, w, j.ckk, cols, j.ld, 0.0f,
            ybuf, j.ld);
    rt_threads_run(th, n, scatter_task, &j);
}

void rt_conv2d_backward(RtThreads *th, const RtConvGeom *g, float *dx,
                        float *dw, float *db, const float *dy, const float *w,
                        int64_t n, float *cols, float *ybuf)
{
    ConvJob j = {.g = g, .n = n, .P = g->oh * g->ow, .ckk = g->c * g->k * g->k,
                 .w = w, .dy = dy, .dx = dx, .dw = dw, .db = db, .cols = cols,
                 .ybuf = ybuf};
    j.ld = n * j.P;
    rt_threads_run(th, n, gather_task, &j);
    if (db)
        rt_threads_run(th, g->f, bias_task, &j);
    /* dW [f, ckk] += dY [f, nP] cols^T */
    rt_gemm(th, 0, 1, g->f, j.ckk, j.ld, 1.0f, ybuf, j.ld, cols, j.ld, 1.0f,
            dw, j.ckk);
    if (!dx)
        return;
    /* dcols [ckk, nP] = W^T dY, into cols (no longer needed) */
    rt_gemm(th, 1, 0, j.ckk, j.ld, g->f, 1.0f, w, j.ckk, ybuf, j.ld, 0.0f,
            cols, j.ld);
    rt_threads_run(th, n, col2im_task, &j);
}
