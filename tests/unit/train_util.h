/* Small models and data sets shared by the training-loop tests. Knows
 * nothing of fx itself. */
#ifndef FX_TEST_TRAIN_UTIL_H
#define FX_TEST_TRAIN_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "rt.h"

static const RtInit TU_TORCH = {RT_INIT_TORCH, 0};

/* y = w * x: one weight, no bias, one input. */
static inline RtModel *tu_linear(int64_t max_batch, float w)
{
    RtLayerSpec l = rt_layer_dense(1);
    l.no_bias = 1;
    RtShape in = rt_shape1(1);
    RtModel *m = rt_model_new(&l, 1, &in, max_batch, TU_TORCH, NULL);
    if (m)
        rt_model_params(m, NULL)[0] = w;
    return m;
}

/* dense(8) [batchnorm] relu [dropout(0.3)] dense(classes) on `in` inputs. */
static inline RtModel *tu_mlp(int64_t in, int64_t classes, int64_t max_batch, int bn,
                       int dropout, uint64_t seed)
{
    RtLayerSpec l[5];
    int n = 0;
    l[n++] = rt_layer_dense(8);
    if (bn)
        l[n++] = rt_layer_batchnorm();
    l[n++] = rt_layer_relu();
    if (dropout)
        l[n++] = rt_layer_dropout(0.3);
    l[n++] = rt_layer_dense(classes);
    RtShape s = rt_shape1(in);
    RtModel *m = rt_model_new(l, n, &s, max_batch, TU_TORCH, NULL);
    if (m)
        rt_model_init(m, seed);
    return m;
}

/* n samples of `in` N(0,1) features; the class is the argmax of the first
 * `classes` features (learnable), or random when `noise`. */
static inline RtData tu_data(int64_t n, int64_t in, int64_t classes, uint64_t seed,
                      int noise)
{
    RtData d = {0};
    float *x = malloc((size_t)(n * in) * sizeof *x);
    float *y = malloc((size_t)n * sizeof *y);
    RtRng r = rt_rng(seed, rt_stream(RT_STREAM_DATA, 1));
    rt_rng_fill_normal(&r, x, n * in, 0, 1);
    for (int64_t i = 0; i < n; i++) {
        int64_t best = 0;
        for (int64_t k = 1; k < classes && k < in; k++)
            best = x[i * in + k] > x[i * in + best] ? k : best;
        y[i] = (float)(noise ? (int64_t)rt_rng_below(&r, (uint64_t)classes)
                             : best);
    }
    d.x = x;
    d.y = y;
    d.n = n;
    d.shape = rt_shape1(in);
    d.ydim = 1;
    return d;
}

static inline void tu_data_free(RtData *d)
{
    free((void *)d->x);
    free((void *)d->y);
}

/* Samples lo .. lo+n-1 of d, as a view (no copy). */
static inline RtData tu_slice(const RtData *d, int64_t lo, int64_t n)
{
    RtData s = *d;
    int64_t per = rt_shape_numel(&d->shape);
    s.x = d->x + lo * per;
    s.y = d->y + lo * d->ydim;
    s.n = n;
    return s;
}

static inline void tu_config(RtTrainConfig *c, RtLossKind loss, RtOptimKind opt,
                      double lr, int64_t epochs, int64_t batch, int shuffle)
{
    rt_train_defaults(c);
    c->loss = loss;
    rt_optim_defaults(&c->optim, opt);
    c->optim.lr = lr;
    c->epochs = epochs;
    c->batch = batch;
    c->shuffle = shuffle;
}

/* Bit-identical params and buffers. */
static inline int tu_same_weights(RtModel *a, RtModel *b)
{
    int64_t na, nb, ba, bb;
    float *pa = rt_model_params(a, &na), *pb = rt_model_params(b, &nb);
    float *qa = rt_model_buffers(a, &ba), *qb = rt_model_buffers(b, &bb);
    return na == nb && ba == bb &&
           memcmp(pa, pb, (size_t)na * sizeof *pa) == 0 &&
           (ba == 0 || memcmp(qa, qb, (size_t)ba * sizeof *qa) == 0);
}

static inline int tu_same_doubles(const double *a, const double *b, int64_t n)
{
    if (n == 0)
        return 1;
    if (!a || !b)
        return 0;
    for (int64_t i = 0; i < n; i++)
        if (memcmp(&a[i], &b[i], sizeof *a) != 0)
            return 0;
    return 1;
}

/* The two histories record the same run, value for value. */
static inline int tu_same_history(const RtHistory *a, const RtHistory *b)
{
    return a->epochs == b->epochs && a->steps == b->steps &&
           tu_same_doubles(a->loss, b->loss, a->epochs) &&
           tu_same_doubles(a->accuracy, b->accuracy, a->epochs) &&
           tu_same_doubles(a->val_loss, b->val_loss, a->epochs) &&
           tu_same_doubles(a->val_accuracy, b->val_accuracy, a->epochs) &&
           tu_same_doubles(a->batch_loss, b->batch_loss, a->steps);
}

/* A scratch file name under $TMPDIR (or /tmp), unique to this process. */
static inline void tu_tmpname(char *buf, size_t size, const char *tag)
{
    const char *dir = getenv("TMPDIR");
    snprintf(buf, size, "%s/fx_test_%ld_%s.safetensors",
             dir && *dir ? dir : "/tmp", (long)getpid(), tag);
}

#endif
