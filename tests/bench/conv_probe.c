/* `make bench`'s probe of fx's convolutions: W1's two conv2d layers at
 * batch 64, each timed through the runtime alone (forward in train mode,
 * then backward from a gradient of ones), medians of 30 timed repeats after
 * 5 warm-up ones. The second conv sits behind a relu so that, as in W1, its
 * backward also computes the input gradient (the relu's share is small and
 * counted in). First line: the OpenBLAS kernel this process runs, which is
 * OpenBLAS's own pick unless OPENBLAS_CORETYPE is set (this probe does not
 * restart itself as fx does). Usage: conv_probe THREADS */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "probe_clock.h"
#include "rt.h"

static int probe(const char *name, const RtLayerSpec *l, int nl, RtShape in, RtThreads *th)
{
    enum { BATCH = 64, WARM = 5, REPS = 30 };
    RtError err = {0};
    RtModel *m = rt_model_new(l, nl, &in, BATCH, (RtInit){RT_INIT_TORCH, 0}, &err);
    if (!m) {
        fprintf(stderr, "conv_probe: %s\n", err.msg);
        return -1;
    }
    rt_model_init(m, 1);
    rt_model_set_threads(m, th);
    int64_t nin = BATCH * rt_shape_numel(&in);
    RtShape os = rt_model_output_shape(m);
    int64_t nout = BATCH * rt_shape_numel(&os);
    float *x = malloc((size_t)nin * sizeof *x), *dy = malloc((size_t)nout * sizeof *dy);
    if (!x || !dy) {
        free(x);
        free(dy);
        rt_model_free(m);
        return -1;
    }
    RtRng r = rt_rng(1, 0);
    rt_rng_fill_normal(&r, x, nin, 0, 1);
    for (int64_t i = 0; i < nout; i++)
        dy[i] = 1.0f;
    double fwd[REPS], bwd[REPS];
    for (int i = 0; i < WARM + REPS; i++) {
        double t0 = probe_now();
        rt_model_forward(m, x, BATCH, RT_TRAIN, (uint64_t)i, &err);
        double t1 = probe_now();
        rt_model_zero_grads(m);
        rt_model_backward(m, dy);
        double t2 = probe_now();
        if (i >= WARM) {
            fwd[i - WARM] = t1 - t0;
            bwd[i - WARM] = t2 - t1;
        }
    }
    qsort(fwd, REPS, sizeof *fwd, probe_cmp);
    qsort(bwd, REPS, sizeof *bwd, probe_cmp);
    printf("%s %.9f %.9f\n", name, fwd[REPS / 2], bwd[REPS / 2]);
    free(x);
    free(dy);
    rt_model_free(m);
    return 0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1;
    RtError err = {0};
    RtThreads *th = n > 1 ? rt_threads_new(n, &err) : NULL;
    if (n <= 1)
        rt_blas_set_threads(1);
    printf("kernel %s\n", rt_blas_core());
    RtLayerSpec c1[] = {rt_layer_conv2d(16, 3, 1, 1)};
    RtLayerSpec c2[] = {rt_layer_relu(), rt_layer_conv2d(32, 3, 1, 1)};
    int rc = probe("conv1", c1, 1, rt_shape3(3, 32, 32), th) ||
             probe("conv2", c2, 2, rt_shape3(16, 16, 16), th);
    rt_threads_free(th);
    return rc ? 1 : 0;
}
