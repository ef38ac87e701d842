/* The bench probes' clock and median (conv_probe.c, diag_probe.c,
 * fma_peak.c): CLOCK_MONOTONIC seconds, and the median of n timings
 * (sorted in place). */
#ifndef FX_PROBE_CLOCK_H
#define FX_PROBE_CLOCK_H

#include <stdlib.h>
#include <time.h>

static inline double probe_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static inline int probe_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static inline double probe_median(double *x, int n)
{
    qsort(x, (size_t)n, sizeof *x, probe_cmp);
    return x[n / 2];
}

#endif
