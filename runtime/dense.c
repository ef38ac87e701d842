/* The dense (fully connected) layer's kernels: y = x W^T + b with W stored
 * [out, in] as PyTorch does; every product through cblas_sgemm, the bias
 * gradient summed over the batch in a fixed order. Knows nothing of the fx
 * language. */
#include "rt_internal.h"

void rt_dense_forward(RtThreads *th, float *y, const float *x, const float *w,
                      const float *b, int64_t n, int64_t in, int64_t out)
{
    rt_gemm(th, 0, 1, n, out, in, 1.0f, x, in, w, in, 0.0f, y, out);
    if (!b)
        return;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < out; j++)
            y[i * out + j] += b[j];
}

void rt_dense_backward(RtThreads *th, float *dx, float *dw, float *db,
                       const float *dy, const float *x, const float *w,
                       int64_t n, int64_t in, int64_t out)
{
    /* dx[n,in] += dy[n,out] W[out,in];  dW[out,in] += dy^T x */
    if (dx)
        rt_gemm(th, 0, 0, n, in, out, 1.0f, dy, out, w, in, 1.0f, dx, in);
    rt_gemm(th, 1, 0, out, in, n, 1.0f, dy, out, x, in, 1.0f, dw, in);
    if (!db)
        return;
    for (int64_t j = 0; j < out; j++) {
        double s = 0;
        for (int64_t i = 0; i < n; i++)
            s += dy[i * out + j];
        db[j] += (float)s;
    }
}
