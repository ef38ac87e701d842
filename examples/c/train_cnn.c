/* Trains seed 000's CNN with the runtime alone, no interpreter: 1000 random
 * N(0,1) 3x32x32 images with random labels from 10 classes and 200 more
 * for validation, conv16-relu-maxpool, conv32-relu-maxpool, flatten,
 * dense(10), cross-entropy, Adam lr 0.001, batches of 64, shuffled every
 * epoch; one line per epoch. (The labels are random, so the validation
 * accuracy stays near 0.1 while the training loss falls: the seed's point.)
 *
 *   train_cnn [EPOCHS] [--threads N] [--train N] [--val N] [--seed N]
 *
 * EPOCHS defaults to 2 to keep `make test` quick; the seed runs 20. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt.h"

typedef struct Options {
    long epochs, threads, train, val, seed;
} Options;

static int usage(void)
{
    fprintf(stderr, "usage: train_cnn [EPOCHS] [--threads N] [--train N] "
            "[--val N] [--seed N]\n");
    return 2;
}

/* A whole number in [lo, hi] from s, or -1. */
static long number(const char *s, long lo, long hi)
{
    char *end;
    long v = s ? strtol(s, &end, 10) : -1;
    return s && *s && !*end && v >= lo && v <= hi ? v : -1;
}

static int parse(int argc, char **argv, Options *o)
{
    *o = (Options){.epochs = 2, .threads = 1, .train = 1000, .val = 200};
    for (int i = 1; i < argc; i++) {
        long *dst = !strcmp(argv[i], "--threads") ? &o->threads
                  : !strcmp(argv[i], "--train") ? &o->train
                  : !strcmp(argv[i], "--val") ? &o->val
                  : !strcmp(argv[i], "--seed") ? &o->seed : NULL;
        if (dst) {
            long lo = dst == &o->val || dst == &o->seed ? 0 : 1;
            if ((*dst = number(i + 1 < argc ? argv[++i] : NULL, lo,
                               1000000)) < 0)
                return -1;
        } else if ((o->epochs = number(argv[i], 0, 100000)) < 0) {
            return -1;
        }
    }
    return 0;
}

/* n images N(0,1) and n labels in 0..9, from the seed's data streams. */
static int make_data(RtData *d, int64_t n, uint64_t seed, uint64_t stream,
                     RtError *err)
{
    d->shape = rt_shape3(3, 32, 32);
    d->n = n;
    d->ydim = 1;
    float *x = rt_alloc(n * 3 * 32 * 32, sizeof *x, "images", err);
    float *y = x ? rt_alloc(n, sizeof *y, "labels", err) : NULL;
    if (!y) {
        rt_free(x);
        return -1;
    }
    RtRng r = rt_rng(seed, rt_stream(RT_STREAM_DATA, stream));
    rt_rng_fill_normal(&r, x, n * 3 * 32 * 32, 0, 1);
    for (int64_t i = 0; i < n; i++)
        y[i] = (float)rt_rng_below(&r, 10);
    d->x = x;
    d->y = y;
    return 0;
}

static int print_epoch(void *ctx, const RtEpochInfo *e)
{
    double *last = ctx;
    printf("epoch %lld/%lld  loss %.4f  accuracy %.4f  val_loss %.4f  "
           "val_accuracy %.4f  %.2f s\n", (long long)e->epoch,
           (long long)e->epochs, e->loss, e->accuracy, e->val_loss,
           e->val_accuracy, e->seconds - *last);
    *last = e->seconds;
    fflush(stdout);
    return 0;
}

static RtModel *seed_cnn(uint64_t seed, RtError *err)
{
    RtLayerSpec l[] = {
        rt_layer_conv2d(16, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 2, 0),
        rt_layer_conv2d(32, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 2, 0),
        rt_layer_flatten(), rt_layer_dense(10)};
    RtShape in = rt_shape3(3, 32, 32);
    RtModel *m = rt_model_new(l, 8, &in, 64, (RtInit){RT_INIT_TORCH, 0}, err);
    if (m)
        rt_model_init(m, seed);
    return m;
}

int main(int argc, char **argv)
{
    Options o;
    RtError err = {0};
    RtData train = {0}, val = {0};
    RtHistory h = {0};
    double last = 0;
    if (parse(argc, argv, &o) < 0)
        return usage();
    RtThreads *th = rt_threads_new((int)o.threads, &err);
    RtModel *m = th ? seed_cnn((uint64_t)o.seed, &err) : NULL;
    int rc = m && make_data(&train, o.train, (uint64_t)o.seed, 0, &err) == 0 &&
             make_data(&val, o.val, (uint64_t)o.seed, 1, &err) == 0 ? 0 : -1;
    if (rc == 0) {
        RtTrainConfig c;
        rt_train_defaults(&c);          /* cross_entropy, adam 1e-3, shuffle */
        c.epochs = o.epochs;
        c.batch = 64;
        c.seed = (uint64_t)o.seed;
        c.threads = th;
        c.on_epoch = print_epoch;
        c.ctx = &last;
        printf("seed 000 CNN: %lld parameters, %ld training and %ld validation "
               "images, %ld thread%s\n", (long long)rt_model_param_count(m),
               o.train, o.val, o.threads, o.threads == 1 ? "" : "s");
        rc = rt_train(m, &train, o.val ? &val : NULL, &c, &h, &err);
    }
    if (rc == 0 && h.epochs > 0)
        printf("%.3f s per epoch\n", h.seconds / (double)h.epochs);
    if (rc != 0)
        fprintf(stderr, "train_cnn: %s\n", err.msg);
    rt_history_free(&h);
    rt_free((void *)train.x);
    rt_free((void *)train.y);
    rt_free((void *)val.x);
    rt_free((void *)val.y);
    rt_model_free(m);
    rt_threads_free(th);
    return rc == 0 ? 0 : 1;
}
