/* Unit tests of the runtime's Philox4x32-10 generator: the Random123
 * known answers, determinism, stream independence, and the moments of
 * every distribution drawn from it. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "rt.h"

/* From Random123's kat_vectors: counter[4] key[2] -> output[4]. */
static void test_kat(Checks *c)
{
    static const uint32_t kat[3][10] = {
        {0, 0, 0, 0, 0, 0, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
        {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
         0xffffffff, 0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
        {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822,
         0x299f31d0, 0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
    };
    for (int v = 0; v < 3; v++) {
        uint32_t out[4];
        rt_philox4x32_10(kat[v], kat[v] + 4, out);
        CHECK(c, memcmp(out, kat[v] + 6, sizeof out) == 0,
              "philox4x32-10 KAT %d: %08x %08x %08x %08x", v, out[0], out[1],
              out[2], out[3]);
    }
    /* The counter layout: index i of (seed, stream) is lane i%4 of block
     * {i/4 lo, i/4 hi, stream lo, stream hi} under key {seed lo, seed hi};
     * the all-zero vector is seed 0, stream 0, numbers 0..3. */
    int lanes = 1;
    for (int i = 0; i < 4; i++)
        lanes &= rt_rng_at(0, 0, (uint64_t)i) == kat[0][6 + i];
    uint32_t ctr[4] = {5, 0, 0x89abcdef, 0x01234567}, key[2] = {7, 9}, out[4];
    rt_philox4x32_10(ctr, key, out);
    lanes &= rt_rng_at((9ull << 32) | 7, 0x0123456789abcdefull, 5 * 4 + 3)
             == out[3];
    CHECK(c, lanes, "rt_rng_at maps (seed, stream, i) onto counter and key");
}

static void test_determinism(Checks *c)
{
    RtRng a = rt_rng(42, rt_stream(RT_STREAM_DATA, 0));
    RtRng b = rt_rng(42, rt_stream(RT_STREAM_DATA, 0));
    RtRng d = rt_rng(42, rt_stream(RT_STREAM_DATA, 1));
    RtRng e = rt_rng(43, rt_stream(RT_STREAM_DATA, 0));
    int same = 1, diff_stream = 0, diff_seed = 0, pure = 1;
    for (int i = 0; i < 1000; i++) {
        uint32_t x = rt_rng_u32(&a), y = rt_rng_u32(&b);
        same &= x == y;
        diff_stream += x != rt_rng_u32(&d);
        diff_seed += x != rt_rng_u32(&e);
        pure &= x == rt_rng_at(42, rt_stream(RT_STREAM_DATA, 0), (uint64_t)i);
    }
    CHECK(c, same, "same seed and stream give the same numbers");
    CHECK(c, pure, "the cursor gives exactly rt_rng_at(seed, stream, i)");
    CHECK(c, diff_stream > 990 && diff_seed > 990,
          "other stream / seed differ (%d, %d of 1000)", diff_stream, diff_seed);
    CHECK(c, rt_stream(RT_STREAM_DROPOUT, 5) == ((4ull << 56) | 5),
          "rt_stream puts the purpose in the top 8 bits");

    /* Pairs of a normal fill are tied to 4-u32 blocks: filling 6 then 4
     * equals filling 10 at once. */
    float one[10], two[10];
    RtRng f = rt_rng(7, 9), g = rt_rng(7, 9);
    rt_rng_fill_normal(&f, one, 10, 0, 1);
    rt_rng_fill_normal(&g, two, 6, 0, 1);
    rt_rng_fill_normal(&g, two + 6, 4, 0, 1);
    CHECK(c, memcmp(one, two, sizeof one) == 0 && f.pos == 20 && g.pos == 20,
          "normal fill is a pure function of position (split fills agree)");
    RtRng h = rt_rng(7, 9);
    CHECK(c, (float)rt_rng_normal(&h) == one[0], "rt_rng_normal is a fill's z0");
}

static void moments(const float *x, int64_t n, double m[4])
{
    double s = 0;
    for (int64_t i = 0; i < n; i++)
        s += x[i];
    double mean = s / n, v = 0, sk = 0, ku = 0;
    for (int64_t i = 0; i < n; i++) {
        double d = x[i] - mean;
        v += d * d;
        sk += d * d * d;
        ku += d * d * d * d;
    }
    v /= n;
    m[0] = mean;
    m[1] = v;
    m[2] = sk / n / pow(v, 1.5);
    m[3] = ku / n / (v * v);
}

static void test_distributions(Checks *c)
{
    enum { N = 1000000 };
    float *x = malloc(N * sizeof *x);
    double m[4];
    RtRng r = rt_rng(1, rt_stream(RT_STREAM_USER, 0));
    rt_rng_fill_uniform(&r, x, N, -2.0f, 3.0f);
    float lo = 9, hi = -9;
    for (int i = 0; i < N; i++) {
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
    }
    moments(x, N, m);
    CHECK(c, lo >= -2.0f && hi < 3.0f && lo < -1.999f && hi > 2.999f,
          "uniform[-2,3) within bounds, min %.6f max %.6f", lo, hi);
    CHECK(c, fabs(m[0] - 0.5) < 0.005 && fabs(m[1] - 25.0 / 12) < 0.01,
          "uniform mean %.5f (0.5) var %.5f (%.5f)", m[0], m[1], 25.0 / 12);
    rt_rng_fill_normal(&r, x, N, 1.5f, 2.0f);
    moments(x, N, m);
    CHECK(c, fabs(m[0] - 1.5) < 0.01 && fabs(m[1] - 4.0) < 0.03,
          "normal(1.5, 2) mean %.5f var %.5f", m[0], m[1]);
    CHECK(c, fabs(m[2]) < 0.01 && fabs(m[3] - 3.0) < 0.03,
          "normal skewness %.5f (0) kurtosis %.5f (3)", m[2], m[3]);
    rt_rng_fill_truncated_normal(&r, x, N, 0.0f, 1.0f);
    moments(x, N, m);
    lo = 9, hi = -9;
    for (int i = 0; i < N; i++) {
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
    }
    CHECK(c, lo >= -2.0f && hi <= 2.0f && fabs(sqrt(m[1]) - 0.8796) < 0.003,
          "truncated normal in [-2, 2], std %.5f (0.87963)", sqrt(m[1]));
    double s = 0;
    int inside = 1;
    for (int i = 0; i < 200000; i++) {
        double u = rt_rng_uniform(&r);
        inside &= u >= 0 && u < 1;
        s += u;
    }
    CHECK(c, inside && fabs(s / 200000 - 0.5) < 0.003,
          "double uniform in [0,1), mean %.5f", s / 200000);
    free(x);
}

static void test_integers(Checks *c)
{
    RtRng r = rt_rng(3, 4);
    enum { K = 7, N = 700000 };
    long count[K] = {0};
    for (int i = 0; i < N; i++)
        count[rt_rng_below(&r, K)]++;
    double chi = 0;
    for (int k = 0; k < K; k++)
        chi += (count[k] - N / K) * (double)(count[k] - N / K) / (N / K);
    CHECK(c, chi < 22.5, "below(7) chi-square %.2f (6 dof, p=0.001 at 22.5)",
          chi);
    uint64_t big = (UINT64_C(1) << 40) + 3, mx = 0;
    int ok = 1;
    for (int i = 0; i < 10000; i++) {
        uint64_t v = rt_rng_below(&r, big);
        ok &= v < big;
        mx = v > mx ? v : mx;
    }
    CHECK(c, ok && mx > big / 2, "below(2^40+3) in range, reaches the top half");
    CHECK(c, rt_rng_below(&r, 1) == 0, "below(1) is 0");

    int64_t perm[1000], perm2[1000];
    RtRng p1 = rt_rng(5, rt_stream(RT_STREAM_SHUFFLE, 0));
    RtRng p2 = rt_rng(5, rt_stream(RT_STREAM_SHUFFLE, 0));
    rt_rng_permutation(&p1, perm, 1000);
    rt_rng_permutation(&p2, perm2, 1000);
    char seen[1000] = {0};
    int isperm = 1, moved = 0;
    for (int i = 0; i < 1000; i++) {
        isperm &= perm[i] >= 0 && perm[i] < 1000 && !seen[perm[i]];
        if (perm[i] >= 0 && perm[i] < 1000)
            seen[perm[i]] = 1;
        moved += perm[i] != i;
    }
    CHECK(c, isperm && moved > 980, "permutation of 1000 (%d moved)", moved);
    CHECK(c, memcmp(perm, perm2, sizeof perm) == 0, "permutation is reproducible");

    /* Each position of a 3-element shuffle: all 6 orders equally likely. */
    long orders[6] = {0};
    for (int t = 0; t < 60000; t++) {
        int64_t a[3];
        rt_rng_permutation(&r, a, 3);
        orders[a[0] * 2 + (a[1] > a[2])]++;
    }
    double chi6 = 0;
    for (int k = 0; k < 6; k++)
        chi6 += (orders[k] - 10000.0) * (orders[k] - 10000.0) / 10000.0;
    CHECK(c, chi6 < 20.5, "Fisher-Yates orders uniform, chi-square %.2f", chi6);

    int64_t idx[100];
    RtRng s = rt_rng(6, rt_stream(RT_STREAM_SAMPLE, 0));
    rt_rng_sample(&s, idx, 100, 20);
    char hit[100] = {0};
    int distinct = 1;
    for (int i = 0; i < 20; i++) {
        distinct &= idx[i] >= 0 && idx[i] < 100 && !hit[idx[i]];
        if (idx[i] >= 0 && idx[i] < 100)
            hit[idx[i]] = 1;
    }
    CHECK(c, distinct, "sample 20 of 100: distinct, in range");
    long first[10] = {0};
    for (int t = 0; t < 50000; t++) {
        int64_t w[10];
        rt_rng_sample(&r, w, 10, 3);
        first[w[0]]++, first[w[1]]++, first[w[2]]++;
    }
    double chis = 0;
    for (int k = 0; k < 10; k++)
        chis += (first[k] - 15000.0) * (first[k] - 15000.0) / 15000.0;
    CHECK(c, chis < 27.9, "sample 3 of 10: inclusion uniform, chi-square %.2f",
          chis);
}

int main(void)
{
    Checks c = {0};
    test_kat(&c);
    test_determinism(&c);
    test_distributions(&c);
    test_integers(&c);
    return checks_done(&c);
}
