/* Losses and the accuracy metric over [n, dim] outputs: mse, cross-entropy
 * from logits (log-softmax fused, stable for huge logits), binary
 * cross-entropy from logits (sigmoid fused) and on probabilities (PyTorch's
 * clamping). Each returns the batch mean and writes d(loss)/d(output);
 * sums run in double in a fixed order. Knows nothing of the fx language. */
#include <math.h>
#include "rt.h"

const char *rt_loss_name(RtLossKind kind)
{
    switch (kind) {
    case RT_LOSS_MSE:           return "mse";
    case RT_LOSS_CROSS_ENTROPY: return "cross_entropy";
    case RT_LOSS_BCE:           return "binary_cross_entropy";
    case RT_LOSS_BCE_LOGITS:    return "binary_cross_entropy_from_logits";
    }
    return "?";
}

double rt_loss_mse(const float *out, const float *target, int64_t n,
                   int64_t dim, float *grad, RtError *err)
{
    int64_t count = n * dim;
    double s = 0, scale = 2.0 / (double)count;
    for (int64_t i = 0; i < count; i++) {
        double d = (double)out[i] - target[i];
        s += d * d;
        if (grad)
            grad[i] = (float)(scale * d);
    }
    return s / (double)count;
}

/* A class index, or -1 when t is not an integer in [0, dim). */
static int64_t class_of(float t, int64_t dim)
{
    if (!(t >= 0) || t >= (float)dim || t != floorf(t))
        return -1;
    return (int64_t)t;
}

double rt_loss_cross_entropy(const float *logits, const float *target,
                             int64_t n, int64_t dim, float *grad,
                             RtError *err)
{
    double total = 0;
    for (int64_t i = 0; i < n; i++) {
        const float *z = logits + i * dim;
        int64_t y = class_of(target[i], dim);
        if (y < 0) {
            rt_error_set(err, RT_ERR_ARG, "cross_entropy: target %g of sample "
                         "%lld is not a class index in 0..%lld",
                         (double)target[i], (long long)i, (long long)dim - 1);
            return NAN;
        }
        double m = z[0], s = 0;
        for (int64_t j = 1; j < dim; j++)
            m = z[j] > m ? z[j] : m;
        for (int64_t j = 0; j < dim; j++)
            s += exp((double)z[j] - m);
        double lse = m + log(s);
        total += lse - z[y];
        if (!grad)
            continue;
        for (int64_t j = 0; j < dim; j++)
            grad[i * dim + j] =
                (float)((exp((double)z[j] - lse) - (j == y)) / (double)n);
    }
    return total / (double)n;
}

double rt_loss_bce_logits(const float *z, const float *target, int64_t n,
                          int64_t dim, float *grad, RtError *err)
{
    int64_t count = n * dim;
    double s = 0;
    for (int64_t i = 0; i < count; i++) {
        double v = z[i], y = target[i];
        s += (v > 0 ? v : 0) - v * y + log1p(exp(-fabs(v)));
        if (grad) {
            double p = v >= 0 ? 1 / (1 + exp(-v)) : exp(v) / (1 + exp(v));
            grad[i] = (float)((p - y) / (double)count);
        }
    }
    return s / (double)count;
}

double rt_loss_bce(const float *p, const float *target, int64_t n,
                   int64_t dim, float *grad, RtError *err)
{
    int64_t count = n * dim;
    double s = 0;
    for (int64_t i = 0; i < count; i++) {
        double v = p[i], y = target[i];
        double lp = log(v), lq = log1p(-v);
        lp = lp < -100 ? -100 : lp;
        lq = lq < -100 ? -100 : lq;
        s -= y * lp + (1 - y) * lq;
        if (grad) {
            double den = v * (1 - v);
            grad[i] = (float)((v - y) / (den > 1e-12 ? den : 1e-12)
                              / (double)count);
        }
    }
    return s / (double)count;
}

double rt_loss(RtLossKind kind, const float *out, const float *target,
               int64_t n, int64_t dim, float *grad, RtError *err)
{
    switch (kind) {
    case RT_LOSS_MSE:
        return rt_loss_mse(out, target, n, dim, grad, err);
    case RT_LOSS_CROSS_ENTROPY:
        return rt_loss_cross_entropy(out, target, n, dim, grad, err);
    case RT_LOSS_BCE:
        return rt_loss_bce(out, target, n, dim, grad, err);
    case RT_LOSS_BCE_LOGITS:
        return rt_loss_bce_logits(out, target, n, dim, grad, err);
    }
    rt_error_set(err, RT_ERR_ARG, "unknown loss %d", (int)kind);
    return NAN;
}

int64_t rt_count_correct(const float *out, const float *target, int64_t n,
                         int64_t dim, float threshold)
{
    int64_t ok = 0;
    for (int64_t i = 0; i < n; i++) {
        const float *o = out + i * dim;
        if (dim == 1) {
            ok += !isnan(o[0]) && (o[0] > threshold) == (target[i] > 0.5f);
            continue;
        }
        /* A NaN output predicts nothing: the sample counts as wrong (an
         * argmax over NaN would name class 0 and score on its samples). */
        int64_t best = 0, nan = isnan(o[0]);
        for (int64_t j = 1; j < dim; j++) {
            nan |= isnan(o[j]);
            if (o[j] > o[best])
                best = j;
        }
        ok += !nan && (float)best == target[i];
    }
    return ok;
}
