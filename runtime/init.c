/* Weight initialisation for dense and conv2d layers: PyTorch's defaults
 * (kaiming_uniform with a = sqrt(5), bias U(+-1/sqrt(fan_in))), Keras's
 * Glorot and He initialisers (the normal ones truncated at 2 std and
 * rescaled by 0.8796, as Keras's TruncatedNormal-based variance scaling),
 * zeros and N(0, std). Weight first, then bias, from one cursor. Knows
 * nothing of the fx language. */
#include <math.h>
#include <string.h>
#include "rt_internal.h"

/* Keras divides the std by the std of a unit normal truncated at +-2. */
#define TRUNC_STD 0.87962566103423978

double rt_init_torch_weight_bound(int64_t fan_in)
{
    if (fan_in <= 0)
        return 0;
    double gain = sqrt(2.0 / (1.0 + 5.0));       /* leaky_relu, a = sqrt(5) */
    double std = gain / sqrt((double)fan_in);
    return sqrt(3.0) * std;
}

double rt_init_torch_bias_bound(int64_t fan_in)
{
    return fan_in > 0 ? 1.0 / sqrt((double)fan_in) : 0;
}

const char *rt_init_name(RtInitKind kind)
{
    switch (kind) {
    case RT_INIT_DEFAULT:        return "default";
    case RT_INIT_TORCH:          return "torch";
    case RT_INIT_GLOROT_UNIFORM: return "glorot_uniform";
    case RT_INIT_GLOROT_NORMAL:  return "glorot_normal";
    case RT_INIT_HE_NORMAL:      return "he_normal";
    case RT_INIT_HE_UNIFORM:     return "he_uniform";
    case RT_INIT_ZEROS:          return "zeros";
    case RT_INIT_NORMAL:         return "normal";
    }
    return "?";
}

static void uniform(RtRng *r, float *x, int64_t n, double bound)
{
    rt_rng_fill_uniform(r, x, n, (float)-bound, (float)bound);
}

void rt_init_fill(RtInit init, RtRng *r, float *w, int64_t nw, float *b,
                  int64_t nb, int64_t fan_in, int64_t fan_out)
{
    double fin = fan_in > 0 ? (double)fan_in : 1;
    double fsum = fan_in + fan_out > 0 ? (double)(fan_in + fan_out) : 1;
    if (b)
        memset(b, 0, (size_t)nb * sizeof *b);
    switch (init.kind) {
    case RT_INIT_DEFAULT:
    case RT_INIT_TORCH:
        uniform(r, w, nw, rt_init_torch_weight_bound(fan_in));
        if (b)
            uniform(r, b, nb, rt_init_torch_bias_bound(fan_in));
        break;
    case RT_INIT_GLOROT_UNIFORM:
        uniform(r, w, nw, sqrt(6.0 / fsum));
        break;
    case RT_INIT_HE_UNIFORM:
        uniform(r, w, nw, sqrt(6.0 / fin));
        break;
    case RT_INIT_GLOROT_NORMAL:
        rt_rng_fill_truncated_normal(r, w, nw, 0.0f,
                                     (float)(sqrt(2.0 / fsum) / TRUNC_STD));
        break;
    case RT_INIT_HE_NORMAL:
        rt_rng_fill_truncated_normal(r, w, nw, 0.0f,
                                     (float)(sqrt(2.0 / fin) / TRUNC_STD));
        break;
    case RT_INIT_ZEROS:
        memset(w, 0, (size_t)nw * sizeof *w);
        break;
    case RT_INIT_NORMAL:
        rt_rng_fill_normal(r, w, nw, 0.0f, (float)init.std);
        if (b)
            rt_rng_fill_normal(r, b, nb, 0.0f, (float)init.std);
        break;
    }
}
