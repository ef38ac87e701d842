/* Internals shared by the runtime's files (and its unit tests, which check
 * each kernel on its own): the layer kernels over flat float arrays, the
 * GEMM and parallel-range helpers, and the model's layout. Never included
 * outside runtime/ and tests/. Knows nothing of the fx language.
 *
 * Kernel conventions (llm.c style): forward writes its output; backward
 * ADDS into every gradient it is given (input, weight, bias), so callers
 * zero gradients first; a NULL input gradient is skipped. Arrays are
 * [n, per-sample...] row-major; th may be NULL (serial). */
#ifndef FX_RT_INTERNAL_H
#define FX_RT_INTERNAL_H

#include <string.h>
#include "rt.h"

/* ---- parallel helpers (threads.c, gemm.c) ------------------------------ */
typedef void (*RtRangeFn)(void *ctx, int64_t lo, int64_t hi);
/* fn over [0, count) in chunks of `chunk` (boundaries independent of the
 * thread count). */
void rt_parallel_range(RtThreads *th, int64_t count, int64_t chunk,
                       RtRangeFn fn, void *ctx);
#define RT_CHUNK 16384   /* elements per task for elementwise work */

/* C[m,n] = alpha * op(A) op(B) + beta * C, row-major, through cblas_sgemm
 * in fixed column panels (see gemm.c). */
void rt_gemm(RtThreads *th, int transa, int transb, int64_t m, int64_t n,
             int64_t k, float alpha, const float *a, int64_t lda,
             const float *b, int64_t ldb, float beta, float *c, int64_t ldc);

/* c ? a : b without a branch, for selections the branch predictor cannot
 * guess (signs of activations, window maxima). */
static inline float rt_pick(int c, float a, float b)
{
    uint32_t ua, ub, m = (uint32_t)0 - (uint32_t)(c != 0);
    memcpy(&ua, &a, sizeof ua);
    memcpy(&ub, &b, sizeof ub);
    ua = (ua & m) | (ub & ~m);
    memcpy(&a, &ua, sizeof a);
    return a;
}

static inline int32_t rt_pick_i32(int c, int32_t a, int32_t b)
{
    uint32_t m = (uint32_t)0 - (uint32_t)(c != 0);
    return (int32_t)(((uint32_t)a & m) | ((uint32_t)b & ~m));
}

/* One Philox block of (seed, stream) (rng.c). */
void rt_rng_block(uint64_t seed, uint64_t stream, uint64_t block,
                  uint32_t out[4]);

/* ---- dense.c: y[n,out] = x[n,in] W^T + b, W [out, in] ------------------ */
void rt_dense_forward(RtThreads *th, float *y, const float *x, const float *w,
                      const float *b, int64_t n, int64_t in, int64_t out);
void rt_dense_backward(RtThreads *th, float *dx, float *dw, float *db,
                       const float *dy, const float *x, const float *w,
                       int64_t n, int64_t in, int64_t out);

/* ---- conv2d.c: NCHW, W [f, c, k, k], square kernel ---------------------- */
typedef struct RtConvGeom {
    int64_t c, h, w;        /* input channels and size */
    int64_t f, k, stride, pad;
    int64_t oh, ow;         /* output size */
} RtConvGeom;

/* Scratch for n samples: cols [c*k*k, n*oh*ow] and ybuf [f, n*oh*ow]. */
int64_t rt_conv2d_cols_size(const RtConvGeom *g, int64_t n);
int64_t rt_conv2d_ybuf_size(const RtConvGeom *g, int64_t n);
void rt_conv2d_forward(RtThreads *th, const RtConvGeom *g, float *y,
                       const float *x, const float *w, const float *b,
                       int64_t n, float *cols, float *ybuf);
/* Uses the cols left by the forward on the same x, then overwrites them. */
void rt_conv2d_backward(RtThreads *th, const RtConvGeom *g, float *dx,
                        float *dw, float *db, const float *dy, const float *w,
                        int64_t n, float *cols, float *ybuf);

/* ---- pool.c: max and average pooling over NCHW -------------------------- */
typedef struct RtPoolGeom {
    int64_t c, h, w, k, stride, pad, oh, ow;
} RtPoolGeom;

/* idx [n, c, oh, ow] receives each output's argmax within its input plane
 * (-1 for an all-padding window), which backward then uses. */
void rt_maxpool2d_forward(RtThreads *th, const RtPoolGeom *g, float *y,
                          int32_t *idx, const float *x, int64_t n);
void rt_maxpool2d_backward(RtThreads *th, const RtPoolGeom *g, float *dx,
                           const float *dy, const int32_t *idx, int64_t n);
void rt_avgpool2d_forward(RtThreads *th, const RtPoolGeom *g, float *y,
                          const float *x, int64_t n);
void rt_avgpool2d_backward(RtThreads *th, const RtPoolGeom *g, float *dx,
                           const float *dy, int64_t n);

/* ---- activation.c: kind is RT_LAYER_RELU, _LEAKY_RELU, _SIGMOID, _TANH;
 * backward reads x (relu, leaky_relu) or y (sigmoid, tanh). Softmax over
 * the last axis of `rows` rows of `cols` values. */
void rt_act_forward(RtThreads *th, RtLayerKind kind, float *y, const float *x,
                    int64_t count, float slope);
void rt_act_backward(RtThreads *th, RtLayerKind kind, float *dx,
                     const float *dy, const float *x, const float *y,
                     int64_t count, float slope);
void rt_softmax_forward(RtThreads *th, float *y, const float *x, int64_t rows,
                        int64_t cols);
void rt_softmax_backward(RtThreads *th, float *dx, const float *dy,
                         const float *y, int64_t rows, int64_t cols);

/* ---- dropout.c: mask[b*per + j] = 1/(1-rate) if kept else 0, drawn from
 * rt_rng_at(seed, stream, b*per + j) (kept when its top 24 bits / 2^24 >=
 * rate). */
void rt_dropout_mask(RtThreads *th, float *mask, int64_t n, int64_t per,
                     double rate, uint64_t seed, uint64_t stream);
void rt_dropout_forward(RtThreads *th, float *y, const float *x,
                        const float *mask, int64_t count);
void rt_dropout_backward(RtThreads *th, float *dx, const float *dy,
                         const float *mask, int64_t count);

/* ---- batchnorm.c: x [n, c, s] (s = 1 for 1d, H*W for 2d). Train mode
 * normalises with the batch's biased variance, updates the running stats
 * with momentum and the unbiased variance (as PyTorch); eval mode uses the
 * running stats. Both save the mean and 1/sqrt(var+eps) for backward. */
void rt_batchnorm_forward(RtThreads *th, int train, float *y, const float *x,
                          const float *gamma, const float *beta,
                          float *run_mean, float *run_var, float *save_mean,
                          float *save_invstd, int64_t n, int64_t c, int64_t s,
                          double momentum, double eps);
void rt_batchnorm_backward(RtThreads *th, int train, float *dx, float *dgamma,
                           float *dbeta, const float *dy, const float *x,
                           const float *gamma, const float *save_mean,
                           const float *save_invstd, int64_t n, int64_t c,
                           int64_t s);

/* ---- polyfeat.c --------------------------------------------------------- */
void rt_polyfeat_backward(float *dx, const float *dy, const float *x,
                          int64_t n, int degree, int bias);

/* ---- init.c: fills one layer's weight and bias from the cursor --------- */
void rt_init_fill(RtInit init, RtRng *r, float *w, int64_t nw, float *b,
                  int64_t nb, int64_t fan_in, int64_t fan_out);
/* The U(-bound, bound) of RT_INIT_TORCH for the weight (kaiming_uniform
 * with a = sqrt(5)) and for the bias. */
double rt_init_torch_weight_bound(int64_t fan_in);
double rt_init_torch_bias_bound(int64_t fan_in);

/* ---- layers and models (layer.c, model.c, model_run.c) ------------------ */
typedef struct RtLayer {
    RtLayerSpec spec;
    char     name[64];
    RtShape  in, out;          /* per sample */
    int64_t  in_n, out_n;      /* elements per sample */
    int64_t  nw, nb;           /* weight and bias sizes (0 if none) */
    int64_t  nbuf;             /* buffer floats (batchnorm: 2 * features) */
    int64_t  nscratch;         /* scratch floats for max_batch samples */
    int64_t  fan_in, fan_out;
    RtConvGeom conv;
    RtPoolGeom pool;
    RtInit   init;             /* resolved: never RT_INIT_DEFAULT */
    /* views, set at build */
    float   *w, *b, *dw, *db;  /* into params and grads */
    float   *buf;              /* into buffers */
    float   *act, *dact;       /* into work: output and its gradient */
    float   *scratch;          /* into work (conv2d: the im2col columns;
                                  maxpool2d: int32 argmax indices) */
    float   *scratch2;         /* conv2d: the GEMM result buffer */
    int      fixed_mask;       /* dropout: the mask was given */
    int      last_train;       /* mode of the last forward */
    int64_t  batches;          /* batchnorm: train-mode forwards so far
                                  (PyTorch's num_batches_tracked) */
} RtLayer;

/* Checks the spec, infers the output shape from `in` and sets the sizes;
 * `from` names the layer before ("input" for the first). */
int rt_layer_setup(RtLayer *L, const RtShape *in, const char *from,
                   int64_t max_batch, RtError *err);
int rt_layer_forward(RtLayer *L, RtThreads *th, const float *x, int64_t n,
                     RtMode mode, uint64_t seed, uint64_t stream,
                     RtError *err);
void rt_layer_backward(RtLayer *L, RtThreads *th, const float *x, float *dx,
                       int64_t n);

struct RtModel {
    int          nlayers;
    RtLayer     *layers;
    RtShape      input;
    int64_t      in_n, max_batch;
    RtInit       default_init;
    float       *params, *grads, *buffers, *work;
    int64_t      nparams, nbuffers, nwork;
    RtThreads   *th;
    uint64_t     dropout_seed;
    const float *x;            /* input of the last forward */
    int64_t      batch;        /* of the last forward; 0 before any */
    int          loss_from;    /* layer holding the last loss gradient */
    int          ntensors;
    RtNamedTensor *tensors;
};

#endif
