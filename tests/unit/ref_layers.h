/* Double-precision reference implementations of the runtime's layers and
 * losses, written naively and independently of runtime/ (direct loops, no
 * im2col, no BLAS), for the gradient checks: the numerical gradient of
 * these is the truth the float backward passes are compared with. */
#ifndef FX_TEST_REF_LAYERS_H
#define FX_TEST_REF_LAYERS_H

#include <math.h>
#include <stdint.h>
#include "rt_internal.h"

static void ref_dense(int64_t n, int64_t in, int64_t out, const double *x,
                      const double *w, const double *b, double *y)
{
    for (int64_t i = 0; i < n; i++)
        for (int64_t o = 0; o < out; o++) {
            double s = b ? b[o] : 0;
            for (int64_t k = 0; k < in; k++)
                s += x[i * in + k] * w[o * in + k];
            y[i * out + o] = s;
        }
}

static void ref_conv2d(const RtConvGeom *g, int64_t n, const double *x,
                       const double *w, const double *b, double *y)
{
    for (int64_t i = 0; i < n; i++)
        for (int64_t f = 0; f < g->f; f++)
            for (int64_t oh = 0; oh < g->oh; oh++)
                for (int64_t ow = 0; ow < g->ow; ow++) {
                    double s = b ? b[f] : 0;
                    for (int64_t c = 0; c < g->c; c++)
                        for (int64_t ki = 0; ki < g->k; ki++)
                            for (int64_t kj = 0; kj < g->k; kj++) {
                                int64_t ih = oh * g->stride - g->pad + ki;
                                int64_t iw = ow * g->stride - g->pad + kj;
                                if (ih < 0 || ih >= g->h || iw < 0 ||
                                    iw >= g->w)
                                    continue;
                                s += x[((i * g->c + c) * g->h + ih) * g->w + iw]
                                     * w[((f * g->c + c) * g->k + ki) * g->k
                                         + kj];
                            }
                    y[((i * g->f + f) * g->oh + oh) * g->ow + ow] = s;
                }
}

/* max != 0: max pooling with -inf padding; else average over k*k. */
static void ref_pool(const RtPoolGeom *g, int max, int64_t n, const double *x,
                     double *y)
{
    for (int64_t p = 0; p < n * g->c; p++)
        for (int64_t oh = 0; oh < g->oh; oh++)
            for (int64_t ow = 0; ow < g->ow; ow++) {
                double acc = max ? -INFINITY : 0;
                for (int64_t ki = 0; ki < g->k; ki++)
                    for (int64_t kj = 0; kj < g->k; kj++) {
                        int64_t ih = oh * g->stride - g->pad + ki;
                        int64_t iw = ow * g->stride - g->pad + kj;
                        if (ih < 0 || ih >= g->h || iw < 0 || iw >= g->w)
                            continue;
                        double v = x[(p * g->h + ih) * g->w + iw];
                        acc = max ? (v > acc ? v : acc) : acc + v;
                    }
                y[(p * g->oh + oh) * g->ow + ow] =
                    max ? acc : acc / (double)(g->k * g->k);
            }
}

static void ref_act(RtLayerKind kind, double slope, int64_t count,
                    const double *x, double *y)
{
    for (int64_t i = 0; i < count; i++) {
        double v = x[i];
        switch (kind) {
        case RT_LAYER_RELU:       y[i] = v > 0 ? v : 0; break;
        case RT_LAYER_LEAKY_RELU: y[i] = v > 0 ? v : slope * v; break;
        case RT_LAYER_SIGMOID:    y[i] = 1 / (1 + exp(-v)); break;
        case RT_LAYER_TANH:       y[i] = tanh(v); break;
        default:                  y[i] = v; break;
        }
    }
}

static void ref_softmax(int64_t rows, int64_t cols, const double *x, double *y)
{
    for (int64_t r = 0; r < rows; r++) {
        double m = x[r * cols], s = 0;
        for (int64_t j = 1; j < cols; j++)
            m = x[r * cols + j] > m ? x[r * cols + j] : m;
        for (int64_t j = 0; j < cols; j++)
            s += exp(x[r * cols + j] - m);
        for (int64_t j = 0; j < cols; j++)
            y[r * cols + j] = exp(x[r * cols + j] - m) / s;
    }
}

/* Train: batch mean and biased variance; eval: the given running stats. */
static void ref_batchnorm(int train, int64_t n, int64_t c, int64_t s,
                          const double *x, const double *gamma,
                          const double *beta, const double *rmean,
                          const double *rvar, double eps, double *y)
{
    for (int64_t ch = 0; ch < c; ch++) {
        double mean = 0, var = 0, cnt = (double)(n * s);
        if (train) {
            for (int64_t i = 0; i < n; i++)
                for (int64_t p = 0; p < s; p++)
                    mean += x[(i * c + ch) * s + p];
            mean /= cnt;
            for (int64_t i = 0; i < n; i++)
                for (int64_t p = 0; p < s; p++) {
                    double d = x[(i * c + ch) * s + p] - mean;
                    var += d * d;
                }
            var /= cnt;
        } else {
            mean = rmean[ch];
            var = rvar[ch];
        }
        for (int64_t i = 0; i < n; i++)
            for (int64_t p = 0; p < s; p++) {
                int64_t at = (i * c + ch) * s + p;
                y[at] = gamma[ch] * (x[at] - mean) / sqrt(var + eps) + beta[ch];
            }
    }
}

static void ref_polyfeat(int64_t n, int degree, int bias, const double *x,
                         double *y)
{
    int64_t w = degree + (bias ? 1 : 0);
    for (int64_t i = 0; i < n; i++) {
        if (bias)
            y[i * w] = 1;
        for (int d = 1; d <= degree; d++)
            y[i * w + (bias ? 1 : 0) + d - 1] = pow(x[i], d);
    }
}

/* Losses: batch means, as the runtime defines them. */
static double ref_mse(int64_t n, int64_t dim, const double *o, const float *t)
{
    double s = 0;
    for (int64_t i = 0; i < n * dim; i++)
        s += (o[i] - t[i]) * (o[i] - t[i]);
    return s / (double)(n * dim);
}

static double ref_cross_entropy(int64_t n, int64_t dim, const double *z,
                                const float *t)
{
    double s = 0;
    for (int64_t i = 0; i < n; i++) {
        double m = z[i * dim], e = 0;
        for (int64_t j = 1; j < dim; j++)
            m = z[i * dim + j] > m ? z[i * dim + j] : m;
        for (int64_t j = 0; j < dim; j++)
            e += exp(z[i * dim + j] - m);
        s += m + log(e) - z[i * dim + (int64_t)t[i]];
    }
    return s / (double)n;
}

/* -[y log p + (1-y) log(1-p)] with p = sigmoid(z) (logits) or p = z. */
static double ref_bce(int logits, int64_t n, int64_t dim, const double *z,
                      const float *t)
{
    double s = 0;
    for (int64_t i = 0; i < n * dim; i++) {
        double lp, lq;
        if (logits) {   /* log sigmoid(z) and log sigmoid(-z), stably */
            lp = -(log1p(exp(-fabs(z[i]))) + (z[i] < 0 ? -z[i] : 0));
            lq = -(log1p(exp(-fabs(z[i]))) + (z[i] > 0 ? z[i] : 0));
        } else {
            lp = log(z[i]);
            lq = log(1 - z[i]);
        }
        s -= t[i] * lp + (1 - t[i]) * lq;
    }
    return s / (double)(n * dim);
}

#endif
