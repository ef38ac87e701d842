/* Which OpenBLAS kernel runs, and a better one when OpenBLAS did not
 * recognise the CPU. OpenBLAS picks its kernel by CPU model number; a model
 * newer than the library (Emerald Rapids, model 207, under OpenBLAS 0.3.21)
 * falls back to Prescott's SSE3 kernel, which ran seed 000's CNN at 0.65 s
 * per epoch where SkylakeX's took 0.43 s on the same core. The fallback is
 * recognised by the kernel's vector width being below what the CPU
 * reports (CPUID through the compiler's __builtin_cpu_supports); a modern
 * pick (Haswell, Zen, SkylakeX, Cooperlake, ...) is never second-guessed. */
#include <string.h>
#include <cblas.h>
#include "rt.h"

const char *rt_blas_core(void)
{
    const char *name = openblas_get_corename();
    return name ? name : "unknown";
}

/* 1: SSE-era kernels, 2: AVX without FMA, 3: AVX2 and later. */
static int kernel_level(const char *name)
{
    static const char *const sse[] = {
        "Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom",
        "Katmai", "Coppermine", "Northwood", "Banias", "Opteron",
        "Opteron_SSE3", "Barcelona", "Bobcat", "Nano", "Generic", "unknown"};
    static const char *const avx[] = {"Sandybridge", "Bulldozer"};
    for (size_t i = 0; i < sizeof sse / sizeof *sse; i++)
        if (!strcmp(name, sse[i]))
            return 1;
    for (size_t i = 0; i < sizeof avx / sizeof *avx; i++)
        if (!strcmp(name, avx[i]))
            return 2;
    return 3;
}

const char *rt_blas_better_core(void)
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    int level = kernel_level(rt_blas_core());
    if (level >= 3)
        return NULL;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return "Haswell";
    if (level < 2 && __builtin_cpu_supports("avx"))
        return "Sandybridge";
#endif
    return NULL;
}
