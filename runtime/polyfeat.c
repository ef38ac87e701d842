/* Polynomial features of one input column, as scikit-learn's
 * PolynomialFeatures on a single feature: [1,] x, x^2, ..., x^degree, each
 * power the previous times x. Also the backward for use inside a model.
 * Knows nothing of the fx language. */
#include "rt_internal.h"

void rt_polyfeat_forward(float *out, const float *x, int64_t n, int degree,
                         int bias)
{
    int64_t w = degree + (bias ? 1 : 0);
    for (int64_t i = 0; i < n; i++) {
        float *o = out + i * w;
        if (bias)
            *o++ = 1.0f;
        float p = 1.0f;
        for (int d = 1; d <= degree; d++) {
            p *= x[i];
            o[d - 1] = p;
        }
    }
}

/* d/dx of x^d is d * x^(d-1). */
void rt_polyfeat_backward(float *dx, const float *dy, const float *x,
                          int64_t n, int degree, int bias)
{
    int64_t w = degree + (bias ? 1 : 0);
    for (int64_t i = 0; i < n; i++) {
        const float *g = dy + i * w + (bias ? 1 : 0);
        double s = 0, p = 1;   /* p = x^(d-1) */
        for (int d = 1; d <= degree; d++) {
            s += (double)g[d - 1] * d * p;
            p *= x[i];
        }
        dx[i] += (float)s;
    }
}
