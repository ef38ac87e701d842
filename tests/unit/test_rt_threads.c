/* Unit tests of the runtime's thread pool: every task runs exactly once,
 * many jobs in a row, nested jobs run inline, OpenBLAS is kept to one
 * thread; and results are bit for bit the same for any thread count:
 * dropout masks, and a full forward + loss + backward of the seed CNN and
 * of a batchnorm/dropout/pooling net (outputs, gradients, running stats). */
#include <cblas.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"
#include "rt_internal.h"

typedef struct {
    int64_t *out;
    RtThreads *th;
    int64_t *inner;
} Job;

static void square(void *ctx, int64_t t)
{
    Job *j = ctx;
    j->out[t] += t * t;
}

static void nested(void *ctx, int64_t t)
{
    Job *j = ctx;
    Job in = {j->inner + 4 * t, NULL, NULL};
    rt_threads_run(j->th, 4, square, &in);   /* runs inline */
    j->out[t] = 1;
}

static void test_pool(Checks *c)
{
    RtError err = {0};
    RtThreads *bad = rt_threads_new(0, &err);
    CHECK(c, !bad && err.code == RT_ERR_ARG, "error: %s", err.msg);
    RtThreads *th = rt_threads_new(4, &err);
    CHECK(c, th && rt_threads_count(th) == 4 && rt_threads_count(NULL) == 1,
          "a pool of 4 threads (the caller included)");
    CHECK(c, openblas_get_num_threads() == 1,
          "OpenBLAS runs single-threaded inside the pool");
    int64_t *out = calloc(1000, sizeof *out);
    Job j = {out, th, NULL};
    for (int rep = 0; rep < 2000; rep++)
        rt_threads_run(th, 1000, square, &j);
    int ok = 1;
    for (int64_t t = 0; t < 1000; t++)
        ok &= out[t] == 2000 * t * t;
    CHECK(c, ok, "2000 jobs of 1000 tasks: every task ran exactly once per job");
    memset(out, 0, 1000 * sizeof *out);
    rt_threads_run(th, 0, square, &j);
    rt_threads_run(th, 1, square, &j);
    rt_threads_run(th, 3, square, &j);
    CHECK(c, out[0] == 0 && out[1] == 1 && out[2] == 4 && out[3] == 0,
          "jobs of 0, 1 and 3 tasks");
    int64_t inner[64] = {0};
    Job nj = {out, th, inner};
    rt_threads_run(th, 16, nested, &nj);
    ok = 1;
    for (int i = 0; i < 64; i++)
        ok &= inner[i] == (i % 4) * (i % 4);
    CHECK(c, ok, "a job started inside a task runs inline");
    free(out);
    rt_threads_free(th);
    rt_threads_free(NULL);
}

static void test_masks(Checks *c)
{
    RtError err = {0};
    enum { N = 37, PER = 301 };
    float *a = malloc(N * PER * 4), *b = malloc(N * PER * 4);
    rt_dropout_mask(NULL, a, N, PER, 0.5, 42, rt_stream(RT_STREAM_DROPOUT, 9));
    int same = 1, kept = 0;
    for (int n = 2; n <= 5; n++) {
        RtThreads *th = rt_threads_new(n, &err);
        rt_dropout_mask(th, b, N, PER, 0.5, 42, rt_stream(RT_STREAM_DROPOUT, 9));
        same &= memcmp(a, b, N * PER * 4) == 0;
        rt_threads_free(th);
    }
    for (int i = 0; i < N * PER; i++)
        kept += a[i] != 0;
    CHECK(c, same, "a dropout mask is the same on 1..5 threads");
    CHECK(c, fabs(kept / (double)(N * PER) - 0.5) < 0.02,
          "dropout(0.5) keeps %.3f of the elements", kept / (double)(N * PER));
    free(a);
    free(b);
}

typedef struct {
    float *out, *grads, *buffers;
    double loss;
    int64_t nout, np, nb;
} Run;

static Run run_model(const RtLayerSpec *s, int nl, RtShape in, int64_t batch,
                     RtLossKind kind, int nthreads, double *seconds)
{
    RtError err = {0};
    RtThreads *th = nthreads ? rt_threads_new(nthreads, &err) : NULL;
    RtModel *m = rt_model_new(s, nl, &in, batch, (RtInit){RT_INIT_TORCH, 0}, &err);
    rt_model_set_threads(m, th);
    rt_model_init(m, 2024);
    int64_t in_n = rt_shape_numel(&in), out_n = m->layers[nl - 1].out_n;
    float *x = malloc((size_t)(batch * in_n) * 4), *t = malloc((size_t)batch * 4);
    RtRng r = rt_rng(1, rt_stream(RT_STREAM_DATA, 0));
    rt_rng_fill_normal(&r, x, batch * in_n, 0, 1);
    for (int64_t i = 0; i < batch; i++)
        t[i] = (float)rt_rng_below(&r, (uint64_t)out_n);
    Run res = {0};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int step = 0; step < 3; step++) {
        rt_model_forward(m, x, batch, RT_TRAIN, (uint64_t)step, &err);
        res.loss = rt_model_loss(m, kind, t, &err);
        rt_model_zero_grads(m);
        rt_model_backward_loss(m);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (seconds)
        *seconds = (t1.tv_sec - t0.tv_sec + (t1.tv_nsec - t0.tv_nsec) * 1e-9) / 3;
    res.nout = batch * out_n;
    res.out = malloc((size_t)res.nout * 4);
    memcpy(res.out, rt_model_output(m), (size_t)res.nout * 4);
    float *g = rt_model_grads(m, &res.np), *bu = rt_model_buffers(m, &res.nb);
    res.grads = malloc((size_t)res.np * 4);
    memcpy(res.grads, g, (size_t)res.np * 4);
    res.buffers = malloc((size_t)(res.nb ? res.nb : 1) * 4);
    memcpy(res.buffers, bu, (size_t)res.nb * 4);
    rt_model_free(m);
    rt_threads_free(th);
    free(x);
    free(t);
    return res;
}

static void free_run(Run *r)
{
    free(r->out);
    free(r->grads);
    free(r->buffers);
}

static void same_for_any_threads(Checks *c, const char *name,
                                 const RtLayerSpec *s, int nl, RtShape in,
                                 int64_t batch, RtLossKind kind)
{
    double t1 = 0, t2 = 0;
    Run base = run_model(s, nl, in, batch, kind, 0, NULL);
    int same = 1;
    for (int n = 1; n <= 4; n++) {
        Run r = run_model(s, nl, in, batch, kind, n, n == 1 ? &t1 : n == 2 ? &t2 : NULL);
        same &= r.loss == base.loss &&
                memcmp(r.out, base.out, (size_t)r.nout * 4) == 0 &&
                memcmp(r.grads, base.grads, (size_t)r.np * 4) == 0 &&
                memcmp(r.buffers, base.buffers, (size_t)r.nb * 4) == 0;
        free_run(&r);
    }
    CHECK(c, same, "%s: outputs, loss, gradients and running stats "
          "bit-identical with no pool and with 1..4 threads", name);
    printf("# %s, batch %lld: %.1f ms per forward+backward on 1 thread, "
           "%.1f ms on 2\n", name, (long long)batch, t1 * 1e3, t2 * 1e3);
    free_run(&base);
}

static void test_models(Checks *c)
{
    RtLayerSpec cnn[] = {
        rt_layer_conv2d(16, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_conv2d(32, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_flatten(), rt_layer_dense(10)};
    same_for_any_threads(c, "seed CNN", cnn, 8, rt_shape3(3, 32, 32), 64,
                         RT_LOSS_CROSS_ENTROPY);
    RtLayerSpec net[] = {
        rt_layer_conv2d(8, 3, 2, 1), rt_layer_batchnorm(), rt_layer_tanh(),
        rt_layer_avgpool2d(2, 1, 0), rt_layer_flatten(), rt_layer_dropout(0.5),
        rt_layer_dense(128), rt_layer_batchnorm(), rt_layer_leaky_relu(0.01),
        rt_layer_dense(5), rt_layer_softmax()};
    same_for_any_threads(c, "conv/batchnorm/dropout net", net, 11,
                         rt_shape3(3, 28, 28), 50, RT_LOSS_CROSS_ENTROPY);
}

int main(void)
{
    Checks c = {0};
    test_pool(&c);
    test_masks(&c);
    test_models(&c);
    return checks_done(&c);
}
