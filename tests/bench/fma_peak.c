/* `make bench`'s probe of the machine's peak: single-precision FMA
 * throughput of one core, measured with 12 independent chains of vector
 * fused multiply-adds (enough to cover the FMA latency on current x86
 * cores), at the widest vector the compiler targets with -march=native
 * (64 bytes with AVX-512, else 32). Prints GFLOP/s (2 flops per lane per
 * FMA), the best of 5 runs. Compiled with -O2 -march=native
 * -ffp-contract=fast so a * b + c becomes one FMA instruction. */
#include <stdio.h>
#include <time.h>
#include "probe_clock.h"

#if defined(__AVX512F__)
#define WIDTH 64
#else
#define WIDTH 32
#endif
typedef float vec __attribute__((vector_size(WIDTH)));
enum { LANES = WIDTH / 4, CHAINS = 12 };

/* a and b come in through volatile so the loop cannot be folded away.
 * The twelve accumulators are separate variables, not an array, so they
 * stay in registers: an array indexed in a loop is kept in memory at -O2
 * and the probe then measures store forwarding, not the FMA units. */
static float run(long iters, float av, float bv)
{
    vec a, b;
    for (int l = 0; l < LANES; l++) {
        a[l] = av;
        b[l] = bv;
    }
    vec c0 = a, c1 = b, c2 = a + b, c3 = a - b, c4 = a * b, c5 = a + a,
        c6 = b + b, c7 = a * a, c8 = b * b, c9 = a - a, c10 = b - a,
        c11 = a + b + b;
    for (long i = 0; i < iters; i++) {
        c0 = c0 * a + b;
        c1 = c1 * a + b;
        c2 = c2 * a + b;
        c3 = c3 * a + b;
        c4 = c4 * a + b;
        c5 = c5 * a + b;
        c6 = c6 * a + b;
        c7 = c7 * a + b;
        c8 = c8 * a + b;
        c9 = c9 * a + b;
        c10 = c10 * a + b;
        c11 = c11 * a + b;
    }
    vec sum = c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11;
    float s = 0;
    for (int l = 0; l < LANES; l++)
        s += sum[l];
    return s;
}

int main(void)
{
    volatile float av = 0.999999f, bv = 1e-7f;
    const long iters = 20000000;
    double best = 0;
    float sink = 0;
    for (int r = 0; r < 5; r++) {
        double t0 = probe_now();
        sink += run(iters, av, bv);
        double dt = probe_now() - t0;
        double gflops = 2.0 * LANES * CHAINS * (double)iters / dt / 1e9;
        if (gflops > best)
            best = gflops;
    }
    printf("%.1f %d %s\n", best, WIDTH * 8, sink == 12345.0f ? "!" : "");
    return 0;
}
