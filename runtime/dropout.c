/* Inverted dropout's kernels: a mask of 0 and 1/(1-rate) drawn from the
 * counter-based RNG, one value per element keyed by (seed, stream, element
 * index), so a mask never depends on threads; forward and backward multiply
 * by it. Eval mode is the caller's identity copy. Knows nothing of the fx
 * language. */
#include "rt_internal.h"

typedef struct {
    float *mask, *out;
    const float *x, *m;
    int64_t per;
    double rate;
    float scale;
    uint64_t seed, stream;
} DropJob;

static void mask_task(void *ctx, int64_t s)
{
    const DropJob *j = ctx;
    uint32_t b[4];
    uint64_t have = UINT64_MAX;
    for (int64_t e = s * j->per; e < (s + 1) * j->per; e++) {
        uint64_t i = (uint64_t)e;
        if ((i >> 2) != have) {
            have = i >> 2;
            rt_rng_block(j->seed, j->stream, have, b);
        }
        double u = (b[i & 3] >> 8) * (1.0 / 16777216.0);
        j->mask[e] = u >= j->rate ? j->scale : 0.0f;
    }
}

void rt_dropout_mask(RtThreads *th, float *mask, int64_t n, int64_t per,
                     double rate, uint64_t seed, uint64_t stream)
{
    DropJob j = {.mask = mask, .per = per, .rate = rate,
                 .scale = (float)(1.0 / (1.0 - rate)), .seed = seed,
                 .stream = stream};
    rt_threads_run(th, n, mask_task, &j);
}

static void mul_range(void *ctx, int64_t lo, int64_t hi)
{
    const DropJob *j = ctx;
    for (int64_t i = lo; i < hi; i++)
        j->out[i] = j->x[i] * j->m[i];
}

static void mul_add_range(void *ctx, int64_t lo, int64_t hi)
{
    const DropJob *j = ctx;
    for (int64_t i = lo; i < hi; i++)
        j->out[i] += j->x[i] * j->m[i];
}

void rt_dropout_forward(RtThreads *th, float *y, const float *x,
                        const float *mask, int64_t count)
{
    DropJob j = {.out = y, .x = x, .m = mask};
    rt_parallel_range(th, count, RT_CHUNK, mul_range, &j);
}

void rt_dropout_backward(RtThreads *th, float *dx, const float *dy,
                         const float *mask, int64_t count)
{
    DropJob j = {.out = dx, .x = dy, .m = mask};
    rt_parallel_range(th, count, RT_CHUNK, mul_add_range, &j);
}
