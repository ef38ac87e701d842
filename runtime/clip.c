/* Gradient clipping over one flat gradient array, as PyTorch's
 * torch.nn.utils.clip_grad_norm_ and clip_grad_value_ do it. Knows nothing
 * of the fx language. */
#include <math.h>
#include <stddef.h>
#include "rt.h"

/* The p-norm of g (p = INFINITY: max |g|), accumulated in double. */
static double grad_norm(const float *g, size_t n, double p)
{
    double acc = 0;
    if (isinf(p)) {
        for (size_t i = 0; i < n; i++) {
            double a = fabs((double)g[i]);
            if (a > acc || isnan(a))
                acc = a;
            if (isnan(acc))
                break;
        }
        return acc;
    }
    if (p == 2) {
        for (size_t i = 0; i < n; i++)
            acc += (double)g[i] * g[i];
        return sqrt(acc);
    }
    if (p == 1) {
        for (size_t i = 0; i < n; i++)
            acc += fabs((double)g[i]);
        return acc;
    }
    for (size_t i = 0; i < n; i++)
        acc += pow(fabs((double)g[i]), p);
    return pow(acc, 1.0 / p);
}

double rt_clip_grad_norm(float *grads, size_t n, double max_norm,
                         double norm_type)
{
    if (!(norm_type > 0))
        return NAN;  /* not a norm: leave the gradients alone */
    double total = grad_norm(grads, n, norm_type);
    /* PyTorch: coef = max_norm / (total + 1e-6), clamped to at most 1 and
     * applied always; a factor of exactly 1 changes nothing, so skip it. */
    double coef = max_norm / (total + 1e-6);
    if (coef < 1 || isnan(coef)) {
        float f = (float)coef;
        for (size_t i = 0; i < n; i++)
            grads[i] *= f;
    }
    return total;
}

void rt_clip_grad_value(float *grads, size_t n, double clip_value)
{
    float hi = (float)clip_value, lo = -hi;
    for (size_t i = 0; i < n; i++) {
        if (grads[i] < lo)
            grads[i] = lo;
        else if (grads[i] > hi)
            grads[i] = hi;
    }
}
