/* `make bench`'s probe of what diagnosis adds to a W1 epoch: the per-layer
 * evidence (runtime/layer_stats.c) of the one step an epoch it measures,
 * timed alone against a whole training step of W1's CNN at batch 64
 * (forward, cross-entropy, backward, Adam), medians of 30 timed repeats
 * after 5 warm-up ones. The bench's whole-run comparison is at the mercy
 * of other work on the machine; this one says how much work there is.
 * Prints "step S stats T" in seconds. Usage: diag_probe THREADS */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "probe_clock.h"
#include "rt.h"
#include "rt_train_internal.h"

enum { BATCH = 64, WARM = 5, REPS = 30 };

int main(int argc, char **argv)
{
    RtError err = {0};
    RtThreads *th = rt_threads_new(argc > 1 ? atoi(argv[1]) : 1, &err);
    RtLayerSpec l[] = {rt_layer_conv2d(16, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
                       rt_layer_conv2d(32, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
                       rt_layer_flatten(), rt_layer_dense(10)};
    RtShape in = rt_shape3(3, 32, 32);
    RtModel *m = rt_model_new(l, 8, &in, BATCH, (RtInit){RT_INIT_TORCH, 0}, &err);
    if (!m || !th) {
        fprintf(stderr, "diag_probe: %s\n", err.msg);
        return 1;
    }
    rt_model_init(m, 1);
    rt_model_set_threads(m, th);
    RtOptimConfig oc;
    rt_optim_defaults(&oc, RT_OPT_ADAM);
    int64_t np, nin = BATCH * rt_shape_numel(&in);
    float *params = rt_model_params(m, &np);
    RtOptim *opt = rt_optim_new(&oc, (size_t)np, &err);
    float *x = malloc((size_t)nin * sizeof *x), *y = malloc(BATCH * sizeof *y);
    float *before = malloc((size_t)np * sizeof *before);
    RtLayerStats s = {0};
    if (!opt || !x || !y || !before || rt_layer_stats_alloc(&s, m, 1, &err) < 0) {
        fprintf(stderr, "diag_probe: no memory\n");
        return 1;
    }
    RtRng r = rt_rng(1, 0);
    rt_rng_fill_normal(&r, x, nin, 0, 1);
    for (int i = 0; i < BATCH; i++)
        y[i] = (float)(i % 10);
    double step[REPS], stats[REPS];
    for (int i = 0; i < WARM + REPS; i++) {
        double t0 = probe_now();
        rt_model_zero_grads(m);
        rt_model_forward(m, x, BATCH, RT_TRAIN, (uint64_t)i, &err);
        rt_model_loss(m, RT_LOSS_CROSS_ENTROPY, y, &err);
        rt_model_backward_loss(m);
        rt_optim_step(opt, params, rt_model_grads(m, NULL));
        double t1 = probe_now();
        rt_layer_stats_acts(&s, m, 0);
        rt_layer_stats_grads(&s, m, 0);
        rt_layer_stats_keep(m, before);
        rt_layer_stats_steps(&s, m, before, 0);
        double t2 = probe_now();
        if (i >= WARM) {
            step[i - WARM] = t1 - t0;
            stats[i - WARM] = t2 - t1;
        }
    }
    printf("step %.6f stats %.6f\n", probe_median(step, REPS), probe_median(stats, REPS));
    rt_layer_stats_free(&s);
    free(before);
    free(x);
    free(y);
    rt_optim_free(opt);
    rt_model_free(m);
    rt_threads_free(th);
    return 0;
}
