/* The runtime's one random number generator: Philox4x32-10, counter-based,
 * and the distributions drawn from it (uniform, normal, truncated normal,
 * integers below n, permutations, sampling without replacement). Every u32
 * is a pure function of (seed, stream, index), so results never depend on
 * threads. Knows nothing of the fx language. */
#include <math.h>
#include "rt_internal.h"

#define PHILOX_M0 0xD2511F53u
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u
#define PHILOX_W1 0xBB67AE85u

static void philox_round(uint32_t c[4], const uint32_t k[2])
{
    uint64_t p0 = (uint64_t)PHILOX_M0 * c[0];
    uint64_t p1 = (uint64_t)PHILOX_M1 * c[2];
    uint32_t n0 = (uint32_t)(p1 >> 32) ^ c[1] ^ k[0];
    uint32_t n2 = (uint32_t)(p0 >> 32) ^ c[3] ^ k[1];
    c[0] = n0;
    c[1] = (uint32_t)p1;
    c[2] = n2;
    c[3] = (uint32_t)p0;
}

void rt_philox4x32_10(const uint32_t ctr[4], const uint32_t key[2],
                      uint32_t out[4])
{
    uint32_t c[4] = {ctr[0], ctr[1], ctr[2], ctr[3]};
    uint32_t k[2] = {key[0], key[1]};
    for (int r = 0; r < 10; r++) {
        if (r > 0) {
            k[0] += PHILOX_W0;
            k[1] += PHILOX_W1;
        }
        philox_round(c, k);
    }
    for (int i = 0; i < 4; i++)
        out[i] = c[i];
}

uint64_t rt_stream(RtStreamPurpose purpose, uint64_t sub)
{
    return ((uint64_t)purpose << 56) | (sub & ((UINT64_C(1) << 56) - 1));
}

void rt_rng_block(uint64_t seed, uint64_t stream, uint64_t block,
                  uint32_t out[4])
{
    uint32_t ctr[4] = {(uint32_t)block, (uint32_t)(block >> 32),
                       (uint32_t)stream, (uint32_t)(stream >> 32)};
    uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
    rt_philox4x32_10(ctr, key, out);
}

uint32_t rt_rng_at(uint64_t seed, uint64_t stream, uint64_t i)
{
    uint32_t b[4];
    rt_rng_block(seed, stream, i >> 2, b);
    return b[i & 3];
}

/* n consecutive u32s from index pos, one Philox call per block touched. */
static void u32s_at(uint64_t seed, uint64_t stream, uint64_t pos,
                    uint32_t *out, int n)
{
    uint32_t b[4];
    uint64_t have = UINT64_MAX;
    for (int j = 0; j < n; j++) {
        uint64_t i = pos + (uint64_t)j;
        if ((i >> 2) != have) {
            have = i >> 2;
            rt_rng_block(seed, stream, have, b);
        }
        out[j] = b[i & 3];
    }
}

RtRng rt_rng(uint64_t seed, uint64_t stream)
{
    RtRng r = {seed, stream, 0};
    return r;
}

uint32_t rt_rng_u32(RtRng *r)
{
    return rt_rng_at(r->seed, r->stream, r->pos++);
}

static double unit53(uint32_t a, uint32_t b)
{
    return ((double)(a >> 5) * 67108864.0 + (double)(b >> 6))
           * (1.0 / 9007199254740992.0);
}

double rt_rng_uniform(RtRng *r)
{
    uint32_t u[2];
    u32s_at(r->seed, r->stream, r->pos, u, 2);
    r->pos += 2;
    return unit53(u[0], u[1]);
}

/* The Box-Muller pair from four u32s: u1 in (0, 1] so the log is finite. */
static void box_muller(const uint32_t u[4], double *z0, double *z1)
{
    double u1 = 1.0 - unit53(u[0], u[1]);
    double u2 = unit53(u[2], u[3]);
    double rad = sqrt(-2.0 * log(u1));
    double th = 6.283185307179586476925 * u2;
    *z0 = rad * cos(th);
    *z1 = rad * sin(th);
}

double rt_rng_normal(RtRng *r)
{
    uint32_t u[4];
    double z0, z1;
    u32s_at(r->seed, r->stream, r->pos, u, 4);
    r->pos += 4;
    box_muller(u, &z0, &z1);
    return z0;
}

uint64_t rt_rng_below(RtRng *r, uint64_t n)
{
    if (n <= 1)
        return 0;
    if (n <= UINT64_C(0x100000000)) {
        /* Reject the lowest 2^32 mod n values so the rest divide evenly. */
        uint64_t t = (UINT64_C(0x100000000) - n) % n;
        for (;;) {
            uint64_t x = rt_rng_u32(r);
            if (x >= t)
                return x % n;
        }
    }
    uint64_t t = (0 - n) % n;   /* 2^64 mod n */
    for (;;) {
        uint64_t x = (uint64_t)rt_rng_u32(r) << 32;
        x |= rt_rng_u32(r);
        if (x >= t)
            return x % n;
    }
}

void rt_rng_fill_uniform(RtRng *r, float *x, int64_t n, float lo, float hi)
{
    double span = (double)hi - (double)lo;
    for (int64_t j = 0; j < n; j++) {
        uint32_t u = rt_rng_at(r->seed, r->stream, r->pos + (uint64_t)j);
        float v = (float)(lo + span * ((u >> 8) * (1.0 / 16777216.0)));
        if (hi > lo && v >= hi)   /* rounding to float may reach hi */
            v = nextafterf(hi, lo);
        x[j] = v;
    }
    r->pos += (uint64_t)n;
}

void rt_rng_fill_normal(RtRng *r, float *x, int64_t n, float mean, float std)
{
    for (int64_t p = 0; 2 * p < n; p++) {
        uint32_t u[4];
        double z0, z1;
        u32s_at(r->seed, r->stream, r->pos + 4 * (uint64_t)p, u, 4);
        box_muller(u, &z0, &z1);
        x[2 * p] = (float)(mean + std * z0);
        if (2 * p + 1 < n)
            x[2 * p + 1] = (float)(mean + std * z1);
    }
    r->pos += 4 * (uint64_t)((n + 1) / 2);
}

void rt_rng_fill_truncated_normal(RtRng *r, float *x, int64_t n, float mean,
                                  float std)
{
    for (int64_t j = 0; j < n; j++) {
        double z;
        do
            z = rt_rng_normal(r);
        while (fabs(z) > 2.0);
        x[j] = (float)(mean + std * z);
    }
}

void rt_rng_shuffle(RtRng *r, int64_t *a, int64_t n)
{
    rt_rng_shuffle_rounds(r, a, n - 1, 0);
}

void rt_rng_shuffle_rounds(RtRng *r, int64_t *a, int64_t from, int64_t to)
{
    for (int64_t i = from; i > to; i--) {
        int64_t j = (int64_t)rt_rng_below(r, (uint64_t)i + 1);
        int64_t t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

void rt_rng_permutation(RtRng *r, int64_t *perm, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        perm[i] = i;
    rt_rng_shuffle(r, perm, n);
}

void rt_rng_sample(RtRng *r, int64_t *idx, int64_t n, int64_t k)
{
    for (int64_t i = 0; i < n; i++)
        idx[i] = i;
    if (k > n)
        k = n;
    for (int64_t i = 0; i < k; i++) {
        int64_t j = i + (int64_t)rt_rng_below(r, (uint64_t)(n - i));
        int64_t t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
    }
}
