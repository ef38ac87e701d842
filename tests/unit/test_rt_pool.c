/* Max pooling's argmax rule on ties, NaN and -inf, for the 2x2 stride-2
 * fast path and the general window path alike: the first maximum in scan
 * order wins, a NaN wins over numbers (a later NaN over an earlier one),
 * as PyTorch's `val > max || isnan(val)`. The expected values come from
 * a plain scan written here. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "check.h"
#include "rt_internal.h"

static void ref_max(const RtPoolGeom *g, const float *x, float *y, int32_t *at)
{
    for (int64_t oh = 0; oh < g->oh; oh++)
        for (int64_t ow = 0; ow < g->ow; ow++) {
            float m = -INFINITY;
            int32_t best = -1;
            for (int64_t i = 0; i < g->k; i++)
                for (int64_t j = 0; j < g->k; j++) {
                    int64_t ih = oh * g->stride - g->pad + i;
                    int64_t iw = ow * g->stride - g->pad + j;
                    if (ih < 0 || ih >= g->h || iw < 0 || iw >= g->w)
                        continue;
                    float v = x[ih * g->w + iw];
                    if (best < 0 || v > m || isnan(v)) {
                        m = v;
                        best = (int32_t)(ih * g->w + iw);
                    }
                }
            y[oh * g->ow + ow] = m;
            at[oh * g->ow + ow] = best;
        }
}

static void one(Checks *ck, int64_t h, int64_t w, int64_t k, int64_t s,
                int64_t p, unsigned seed)
{
    RtPoolGeom g = {.c = 1, .h = h, .w = w, .k = k, .stride = s, .pad = p};
    g.oh = (h + 2 * p - k) / s + 1;
    g.ow = (w + 2 * p - k) / s + 1;
    int64_t n = 3, in = h * w, out = g.oh * g.ow;
    float *x = malloc((size_t)(n * in) * sizeof *x);
    float *y = malloc((size_t)(n * out) * sizeof *y);
    float *ry = malloc((size_t)out * sizeof *ry);
    int32_t *at = malloc((size_t)(n * out) * sizeof *at);
    int32_t *rat = malloc((size_t)out * sizeof *rat);
    const float pick[] = {0.0f, 1.0f, 1.0f, 2.0f, -INFINITY, NAN, -0.0f};
    for (int64_t i = 0; i < n * in; i++) {
        seed = seed * 1103515245u + 12345u;
        x[i] = pick[(seed >> 16) % (sizeof pick / sizeof *pick)];
    }
    rt_maxpool2d_forward(NULL, &g, y, at, x, n);
    int bad = 0;
    for (int64_t t = 0; t < n; t++) {
        ref_max(&g, x + t * in, ry, rat);
        for (int64_t o = 0; o < out; o++) {
            float a = y[t * out + o], b = ry[o];
            int same = isnan(a) ? isnan(b) : a == b;
            if (!same || at[t * out + o] != rat[o])
                bad++;
        }
    }
    CHECK(ck, bad == 0,
          "maxpool %lldx%lld k%lld s%lld p%lld: %d of %lld outputs differ "
          "from the scan rule", (long long)h, (long long)w, (long long)k,
          (long long)s, (long long)p, bad, (long long)(n * out));
    free(x);
    free(y);
    free(ry);
    free(at);
    free(rat);
}

int main(void)
{
    Checks c = {0};
    one(&c, 8, 8, 2, 2, 0, 1);    /* the fast path */
    one(&c, 7, 9, 2, 2, 0, 2);    /* fast path, odd sizes drop the edge */
    one(&c, 32, 32, 2, 2, 0, 3);
    one(&c, 8, 8, 2, 2, 1, 4);    /* padded: the general path */
    one(&c, 9, 9, 3, 2, 1, 5);
    one(&c, 6, 6, 3, 1, 0, 6);
    return checks_done(&c);
}
