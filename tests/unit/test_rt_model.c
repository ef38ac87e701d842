/* Unit tests of the runtime's sequential model: structure and summaries of
 * the seed's CNN, named tensors, every kind of shape error and bad
 * argument, refused huge models, initialisers and their bounds, smaller
 * batches, clones and weight copies, the fused loss convention, accuracy,
 * NaN detection and explicit dropout masks. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "rt.h"

static const RtInit TORCH = {RT_INIT_TORCH, 0};

static RtModel *seed_cnn(int64_t max_batch, RtError *err)
{
    RtLayerSpec l[] = {
        rt_layer_conv2d(16, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_conv2d(32, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_flatten(), rt_layer_dense(10)};
    RtShape in = rt_shape3(3, 32, 32);
    return rt_model_new(l, 8, &in, max_batch, TORCH, err);
}

static void test_structure(Checks *c)
{
    RtError err = {0};
    RtModel *m = seed_cnn(64, &err);
    CHECK(c, m != NULL, "seed CNN builds: %s", m ? "ok" : err.msg);
    if (!m)
        return;
    static const char *names[] = {"conv2d(16, 3, pad: 1)", "relu", "maxpool2d(2)",
        "conv2d(32, 3, pad: 1)", "relu", "maxpool2d(2)", "flatten", "dense(10)"};
    static const char *shapes[] = {"[16, 32, 32]", "[16, 32, 32]", "[16, 16, 16]",
        "[32, 16, 16]", "[32, 16, 16]", "[32, 8, 8]", "[2048]", "[10]"};
    static const int64_t params[] = {448, 0, 0, 4640, 0, 0, 0, 20490};
    int ok = rt_model_layers(m) == 8;
    for (int i = 0; ok && i < 8; i++) {
        char b[RT_SHAPE_STR_SIZE];
        RtShape s = rt_model_layer_shape(m, i);
        ok &= strcmp(rt_model_layer_name(m, i), names[i]) == 0;
        ok &= strcmp(rt_shape_str(&s, b, sizeof b), shapes[i]) == 0;
        ok &= rt_model_layer_params(m, i) == params[i];
        if (!ok)
            printf("# layer %d: %s %s %lld\n", i, rt_model_layer_name(m, i), b,
                   (long long)rt_model_layer_params(m, i));
    }
    CHECK(c, ok, "summary: names, output shapes and parameter counts per layer");
    int64_t n = 0;
    rt_model_params(m, &n);
    CHECK(c, n == 25578 && rt_model_param_count(m) == 25578,
          "total params 25578 as PyTorch's SimpleCNN (got %lld)", (long long)n);
    RtNamedTensor t;
    int nt = rt_model_tensor_count(m);
    char b[RT_SHAPE_STR_SIZE];
    ok = nt == 6 && rt_model_tensor(m, 0, &t) == 0 &&
         strcmp(t.name, "layers.0.weight") == 0 &&
         strcmp(rt_shape_str(&t.shape, b, sizeof b), "[16, 3, 3, 3]") == 0 &&
         t.data == rt_model_params(m, NULL) && t.trainable;
    ok &= rt_model_find_tensor(m, "layers.7.weight", &t) == 0 &&
          strcmp(rt_shape_str(&t.shape, b, sizeof b), "[10, 2048]") == 0 &&
          t.count == 20480 && t.layer == 7;
    ok &= rt_model_find_tensor(m, "layers.7.bias", &t) == 0 && t.count == 10 &&
          t.data + 10 == rt_model_params(m, NULL) + 25578;
    ok &= rt_model_find_tensor(m, "layers.1.weight", &t) == -1 &&
          rt_model_tensor(m, 6, &t) == -1;
    CHECK(c, ok, "named tensors layers.<i>.weight/bias in PyTorch layouts");
    int64_t sum = 0;
    for (int i = 0; i < nt; i++) {
        rt_model_tensor(m, i, &t);
        sum += t.count;
    }
    CHECK(c, sum == 25578, "named tensors cover the flat params exactly");
    RtShape o = rt_model_output_shape(m), in = rt_model_input_shape(m);
    CHECK(c, o.ndim == 1 && o.dim[0] == 10 && in.ndim == 3 &&
          rt_model_max_batch(m) == 64, "input and output shapes, max batch");
    rt_model_free(m);

    RtLayerSpec bl[] = {rt_layer_dense(8), rt_layer_batchnorm(), rt_layer_relu()};
    bl[0].no_bias = 1;
    RtShape in2 = rt_shape1(4);
    m = rt_model_new(bl, 3, &in2, 5, TORCH, &err);
    ok = m && rt_model_tensor_count(m) == 5;
    static const char *bn[] = {"layers.0.weight", "layers.1.weight",
        "layers.1.bias", "layers.1.running_mean", "layers.1.running_var"};
    for (int i = 0; ok && i < 5; i++) {
        rt_model_tensor(m, i, &t);
        ok &= strcmp(t.name, bn[i]) == 0 && t.trainable == (i < 3);
    }
    int64_t nb = 0;
    float *buf = m ? rt_model_buffers(m, &nb) : NULL;
    ok &= nb == 16 && buf[0] == 0 && buf[8] == 1;
    CHECK(c, ok, "batchnorm: gamma, beta params; running stats buffers "
          "(mean 0, var 1); dense without bias has no bias tensor");
    CHECK(c, m && strcmp(rt_model_layer_name(m, 0), "dense(8, bias: false)") == 0,
          "name of a biasless dense: %s", m ? rt_model_layer_name(m, 0) : "");
    rt_model_free(m);
}

/* Builds and expects an error with this exact message. */
static void expect_error(Checks *c, RtLayerSpec *l, int n, RtShape in,
                         int64_t max_batch, RtErrorCode code, const char *msg)
{
    RtError err = {0};
    RtModel *m = rt_model_new(l, n, &in, max_batch, TORCH, &err);
    CHECK(c, !m && err.code == code && (!msg || strcmp(err.msg, msg) == 0),
          "error: %s", err.msg);
    rt_model_free(m);
}

static void test_errors(Checks *c)
{
    RtLayerSpec a[] = {rt_layer_flatten(), rt_layer_dense(10)};
    a[1].inputs = 2048;
    expect_error(c, a, 2, rt_shape2(10, 100), 4, RT_ERR_SHAPE,
                 "dense(10) expects 2048 inputs, got 1000 from flatten");
    RtLayerSpec b[] = {rt_layer_conv2d(16, 3, 1, 1), rt_layer_maxpool2d(2, 0, 0),
                       rt_layer_dense(10)};
    expect_error(c, b, 3, rt_shape3(3, 16, 16), 4, RT_ERR_SHAPE,
                 "dense(10) needs a flat [features] input, got [16, 8, 8] "
                 "from maxpool2d(2)");
    RtLayerSpec d[] = {rt_layer_conv2d(16, 3, 1, 0)};
    expect_error(c, d, 1, rt_shape1(10), 4, RT_ERR_SHAPE,
                 "conv2d(16, 3) needs a [C, H, W] input, got [10] from input");
    d[0].inputs = 3;
    expect_error(c, d, 1, rt_shape3(1, 28, 28), 4, RT_ERR_SHAPE,
                 "conv2d(16, 3) expects 3 input channels, got 1 from input");
    RtLayerSpec e[] = {rt_layer_conv2d(16, 3, 1, 1), rt_layer_maxpool2d(2, 0, 0)};
    expect_error(c, e, 2, rt_shape3(3, 1, 1), 4, RT_ERR_SHAPE,
                 "maxpool2d(2) output would be empty for input [16, 1, 1]");
    RtLayerSpec f[] = {rt_layer_conv2d(8, 5, 2, 0)};
    expect_error(c, f, 1, rt_shape3(3, 4, 9), 4, RT_ERR_SHAPE,
                 "conv2d(8, 5, stride: 2) output would be empty for input [3, 4, 9]");
    RtLayerSpec g[] = {rt_layer_batchnorm()};
    expect_error(c, g, 1, rt_shape2(3, 4), 4, RT_ERR_SHAPE,
                 "batchnorm needs a [features] or [C, H, W] input, got [3, 4] "
                 "from input");
    RtLayerSpec h[] = {rt_layer_polyfeat(3, 0)};
    expect_error(c, h, 1, rt_shape1(5), 4, RT_ERR_SHAPE,
                 "polyfeat(3) needs one input column [1], got [5] from input");
    RtLayerSpec i2[] = {rt_layer_avgpool2d(3, 2, 0)};
    expect_error(c, i2, 1, rt_shape2(8, 8), 4, RT_ERR_SHAPE,
                 "avgpool2d(3, stride: 2) needs a [C, H, W] input, got [8, 8] "
                 "from input");
    RtLayerSpec j[] = {rt_layer_dropout(1.5)};
    expect_error(c, j, 1, rt_shape1(4), 4, RT_ERR_ARG,
                 "dropout(1.5): rate must be in [0, 1)");
    RtLayerSpec k[] = {rt_layer_maxpool2d(2, 2, 2)};
    expect_error(c, k, 1, rt_shape3(1, 8, 8), 4, RT_ERR_ARG,
                 "maxpool2d(2, pad: 2): padding must be at most half the kernel");
    RtLayerSpec l[] = {rt_layer_dense(4), rt_layer_relu()};
    l[1].l2 = 0.01;
    expect_error(c, l, 2, rt_shape1(4), 4, RT_ERR_ARG,
                 "relu: l2 applies to dense and conv2d weights only");
    l[1].l2 = 0;
    l[1].init.kind = RT_INIT_ZEROS;
    expect_error(c, l, 2, rt_shape1(4), 4, RT_ERR_ARG,
                 "relu: init applies to dense and conv2d only");
    RtLayerSpec z[] = {rt_layer_dense(0)};
    expect_error(c, z, 1, rt_shape1(4), 4, RT_ERR_ARG,
                 "dense(0): units must be at least 1");
    expect_error(c, NULL, 0, rt_shape1(4), 4, RT_ERR_ARG, NULL);
    RtLayerSpec r[] = {rt_layer_relu()};
    expect_error(c, r, 1, rt_shape1(4), 0, RT_ERR_ARG,
                 "max batch must be at least 1, got 0");
    expect_error(c, r, 1, rt_shape2(4, 0), 1, RT_ERR_SHAPE,
                 "model input shape [4, 0] is not a non-empty shape");
    /* Too large: refused before allocating, never a crash. */
    RtLayerSpec big[] = {rt_layer_conv2d(64, 3, 1, 1), rt_layer_relu()};
    expect_error(c, big, 2, rt_shape3(3, 224, 224), 100000, RT_ERR_NOMEM, NULL);
    expect_error(c, big, 2, rt_shape3(3, 224, 224), 20000, RT_ERR_NOMEM, NULL);
    RtLayerSpec huge[] = {rt_layer_dense(INT64_C(1) << 40)};
    expect_error(c, huge, 1, rt_shape1(INT64_C(1) << 30), 1, RT_ERR_NOMEM, NULL);
    expect_error(c, r, 1, rt_shape1(INT64_C(1) << 62), 8, RT_ERR_NOMEM, NULL);
}

/* Run-time errors: a batch that does not fit, batchnorm on one value,
 * cross_entropy on non-flat outputs. */
static void test_run_errors(Checks *c)
{
    RtError err = {0};
    RtLayerSpec bn[] = {rt_layer_dense(3), rt_layer_batchnorm()};
    RtShape in = rt_shape1(2);
    RtModel *m = rt_model_new(bn, 2, &in, 4, TORCH, &err);
    float x[10] = {1, 2, 3, 4, 5, 6, 7, 8};
    const float *y = rt_model_forward(m, x, 5, RT_TRAIN, 0, &err);
    CHECK(c, !y && err.code == RT_ERR_ARG, "error: %s", err.msg);
    y = rt_model_forward(m, x, 1, RT_TRAIN, 0, &err);
    CHECK(c, !y && err.code == RT_ERR_SHAPE, "error: %s", err.msg);
    y = rt_model_forward(m, x, 1, RT_EVAL, 0, &err);
    CHECK(c, y != NULL, "batchnorm in eval mode takes a batch of 1");
    rt_model_free(m);
    RtLayerSpec cv[] = {rt_layer_conv2d(2, 1, 1, 0)};
    RtShape in3 = rt_shape3(1, 2, 2);
    m = rt_model_new(cv, 1, &in3, 2, TORCH, &err);
    float t[2] = {0, 1};
    rt_model_forward(m, x, 2, RT_EVAL, 0, &err);
    double v = rt_model_loss(m, RT_LOSS_CROSS_ENTROPY, t, &err);
    CHECK(c, isnan(v) && err.code == RT_ERR_SHAPE, "error: %s", err.msg);
    rt_model_free(m);
}

static void bounds(const float *w, int64_t n, double *mx, double *var)
{
    double s = 0, m = 0;
    for (int64_t i = 0; i < n; i++) {
        m = fabs(w[i]) > m ? fabs(w[i]) : m;
        s += (double)w[i] * w[i];
    }
    *mx = m;
    *var = s / n;
}

static void test_init(Checks *c)
{
    RtError err = {0};
    RtModel *m = seed_cnn(2, &err), *m2 = seed_cnn(2, &err);
    rt_model_init(m, 42);
    rt_model_init(m2, 42);
    int64_t n;
    float *p = rt_model_params(m, &n);
    CHECK(c, memcmp(p, rt_model_params(m2, NULL), (size_t)n * 4) == 0,
          "same seed, same initial weights");
    rt_model_init(m2, 43);
    CHECK(c, memcmp(p, rt_model_params(m2, NULL), (size_t)n * 4) != 0,
          "another seed, other weights");
    RtNamedTensor t;
    double mx, var, bound;
    rt_model_find_tensor(m, "layers.7.weight", &t);
    bounds(t.data, t.count, &mx, &var);
    bound = 1 / sqrt(2048.0);
    CHECK(c, mx <= bound && mx > 0.999 * bound &&
          fabs(var - bound * bound / 3) < 0.02 * bound * bound / 3,
          "torch init dense(10) on 2048: max |w| %.6f <= %.6f, var %.3g "
          "(%.3g)", mx, bound, var, bound * bound / 3);
    rt_model_find_tensor(m, "layers.0.bias", &t);
    bounds(t.data, t.count, &mx, &var);
    CHECK(c, mx <= 1 / sqrt(27.0) && mx > 0, "torch init conv bias within "
          "1/sqrt(27): max %.5f", mx);
    rt_model_free(m);
    rt_model_free(m2);

    RtLayerSpec l[] = {rt_layer_dense(300), rt_layer_relu(), rt_layer_dense(200),
                       rt_layer_dense(100), rt_layer_dense(50)};
    l[2].init.kind = RT_INIT_HE_NORMAL;
    l[3].init.kind = RT_INIT_HE_UNIFORM;
    l[4].init = (RtInit){RT_INIT_NORMAL, 0.5};
    RtShape in = rt_shape1(400);
    m = rt_model_new(l, 5, &in, 1, (RtInit){RT_INIT_GLOROT_UNIFORM, 0}, &err);
    rt_model_init(m, 7);
    RtNamedTensor w0, b0, w2, w3, w4, b4;
    rt_model_find_tensor(m, "layers.0.weight", &w0);
    rt_model_find_tensor(m, "layers.0.bias", &b0);
    rt_model_find_tensor(m, "layers.2.weight", &w2);
    rt_model_find_tensor(m, "layers.3.weight", &w3);
    rt_model_find_tensor(m, "layers.4.weight", &w4);
    rt_model_find_tensor(m, "layers.4.bias", &b4);
    bounds(w0.data, w0.count, &mx, &var);
    bound = sqrt(6.0 / 700);
    double bmax, bvar;
    bounds(b0.data, b0.count, &bmax, &bvar);
    CHECK(c, mx <= bound && mx > 0.99 * bound && bmax == 0,
          "glorot_uniform (model default): max %.5f <= %.5f, zero bias", mx,
          bound);
    bounds(w2.data, w2.count, &mx, &var);
    CHECK(c, mx <= 2 * sqrt(2.0 / 300) / 0.8796 + 1e-6 &&
          fabs(var - 2.0 / 300) < 0.05 * 2.0 / 300,
          "he_normal (layer override): truncated, var %.5f (%.5f)", var,
          2.0 / 300);
    bounds(w3.data, w3.count, &mx, &var);
    CHECK(c, mx <= sqrt(6.0 / 200) && fabs(var - 2.0 / 200) < 0.05 * 2.0 / 200,
          "he_uniform: var %.5f (%.5f)", var, 2.0 / 200);
    bounds(w4.data, w4.count, &mx, &var);
    bounds(b4.data, b4.count, &bmax, &bvar);
    CHECK(c, fabs(var - 0.25) < 0.02 && bmax > 0,
          "normal(0.5) weights var %.4f and biases drawn too", var);
    rt_model_free(m);

    RtLayerSpec z[] = {rt_layer_dense(3)};
    RtShape in1 = rt_shape1(2);
    m = rt_model_new(z, 1, &in1, 1, (RtInit){RT_INIT_ZEROS, 0}, &err);
    rt_model_init(m, 1);
    p = rt_model_params(m, &n);
    int zero = n == 9;
    for (int64_t i = 0; i < n; i++)
        zero &= p[i] == 0;
    CHECK(c, zero, "zeros init");
    rt_model_free(m);
}

static void fill(float *x, int64_t n, uint64_t seed)
{
    RtRng r = rt_rng(seed, rt_stream(RT_STREAM_DATA, 0));
    rt_rng_fill_normal(&r, x, n, 0, 1);
}

static double max_rel(const float *a, const float *b, int64_t n)
{
    double e = 0, s = 0;
    for (int64_t i = 0; i < n; i++) {
        e = fmax(e, fabs(a[i] - b[i]));
        s = fmax(s, fabs(b[i]));
    }
    return e / (s > 0 ? s : 1);
}

static void test_batches_and_copies(Checks *c)
{
    RtError err = {0};
    RtModel *m = seed_cnn(64, &err);
    rt_model_init(m, 5);
    float *x = malloc(64 * 3 * 32 * 32 * sizeof *x), *full = malloc(640 * 4);
    fill(x, 64 * 3 * 32 * 32, 1);
    memcpy(full, rt_model_forward(m, x, 64, RT_EVAL, 0, &err), 640 * 4);
    const float *y5 = rt_model_forward(m, x, 5, RT_EVAL, 0, &err);
    CHECK(c, y5 && rt_model_batch(m) == 5 && max_rel(y5, full, 50) < 1e-6,
          "a batch of 5 in a model built for 64 gives the same first rows "
          "(max rel diff %.2e)", y5 ? max_rel(y5, full, 50) : 1.0);

    RtModel *k = rt_model_clone(m, 16, &err);
    const float *yk = k ? rt_model_forward(k, x, 16, RT_EVAL, 0, &err) : NULL;
    CHECK(c, yk && rt_model_max_batch(k) == 16 && max_rel(yk, full, 160) < 1e-6,
          "a clone with max batch 16 computes the same outputs");
    RtModel *fresh = seed_cnn(8, &err);
    rt_model_init(fresh, 99);
    int rc = rt_model_copy_weights(fresh, m, &err);
    int64_t n;
    float *pf = rt_model_params(fresh, &n);
    CHECK(c, rc == 0 && memcmp(pf, rt_model_params(m, NULL), (size_t)n * 4) == 0,
          "copy_weights between models of different max batch");
    rt_model_params(k, NULL)[0] += 1.0f;
    CHECK(c, rt_model_params(m, NULL)[0] != rt_model_params(k, NULL)[0],
          "a clone owns its weights");
    RtLayerSpec other[] = {rt_layer_conv2d(16, 3, 1, 1), rt_layer_relu(),
        rt_layer_maxpool2d(2, 0, 0), rt_layer_conv2d(32, 5, 1, 2), rt_layer_relu(),
        rt_layer_maxpool2d(2, 0, 0), rt_layer_flatten(), rt_layer_dense(10)};
    RtShape in = rt_shape3(3, 32, 32);
    RtModel *o = rt_model_new(other, 8, &in, 2, TORCH, &err);
    rc = rt_model_copy_weights(o, m, &err);
    CHECK(c, rc < 0 && strcmp(err.msg, "layers.3.weight has shape [32, 16, 5, 5] "
          "here but [32, 16, 3, 3] in the source") == 0, "error: %s", err.msg);
    rt_model_free(o);
    RtLayerSpec short_[] = {rt_layer_flatten(), rt_layer_dense(10)};
    o = rt_model_new(short_, 2, &in, 2, TORCH, &err);
    rc = rt_model_copy_weights(o, m, &err);
    CHECK(c, rc < 0 && err.code == RT_ERR_SHAPE, "error: %s", err.msg);
    rt_model_free(o);
    rt_model_free(fresh);
    rt_model_free(k);
    rt_model_free(m);
    free(x);
    free(full);
}

static void test_fused(Checks *c)
{
    RtError err = {0};
    RtLayerSpec s[] = {rt_layer_dense(1), rt_layer_sigmoid()};
    RtShape in = rt_shape1(3);
    RtModel *m = rt_model_new(s, 2, &in, 4, TORCH, &err);
    rt_model_init(m, 3);
    float x[12], y[4] = {1, 0, 1, 1};
    fill(x, 12, 2);
    const float *p = rt_model_forward(m, x, 4, RT_TRAIN, 0, &err);
    CHECK(c, rt_model_fused(m, RT_LOSS_BCE) && rt_model_loss_layer(m, RT_LOSS_BCE) == 0
          && !rt_model_fused(m, RT_LOSS_MSE), "sigmoid + bce is fused, mse is not");
    const float *z = rt_model_loss_input(m, RT_LOSS_BCE);
    int logits_ok = z == rt_model_layer_output(m, 0) &&
                    rt_model_loss_input(m, RT_LOSS_MSE) == p;
    for (int i = 0; i < 4; i++)
        logits_ok &= fabs(1 / (1 + exp(-z[i])) - p[i]) < 1e-6;
    CHECK(c, logits_ok, "the fused loss reads the logits below the sigmoid; "
          "the output stays the probabilities");
    double plain = rt_loss_bce(p, y, 4, 1, NULL, &err);
    double fused = rt_model_loss(m, RT_LOSS_BCE, y, &err);
    CHECK_CLOSE(c, fused, plain, 1e-6, 0, "fused bce equals bce on probabilities");
    rt_model_zero_grads(m);
    rt_model_backward_loss(m);
    /* d loss / d bias = mean(p - y) */
    double want = 0;
    for (int i = 0; i < 4; i++)
        want += (p[i] - y[i]) / 4.0;
    CHECK_CLOSE(c, rt_model_grads(m, NULL)[3], want, 1e-5, 1e-7,
                "fused bce gradient reaches the dense bias as mean(p - y)");
    int64_t hits = rt_model_correct(m, RT_LOSS_BCE, y), want_hits = 0;
    for (int i = 0; i < 4; i++)
        want_hits += (p[i] > 0.5f) == (y[i] > 0.5f);
    CHECK(c, hits == want_hits, "binary accuracy thresholds probabilities at "
          "0.5 (%lld of 4)", (long long)hits);
    rt_model_free(m);

    RtLayerSpec s2[] = {rt_layer_dense(4), rt_layer_softmax()};
    m = rt_model_new(s2, 2, &in, 4, TORCH, &err);
    rt_model_init(m, 3);
    float cls[4] = {0, 3, 2, 1};
    p = rt_model_forward(m, x, 4, RT_TRAIN, 0, &err);
    double ce = rt_model_loss(m, RT_LOSS_CROSS_ENTROPY, cls, &err);
    double nll = 0;
    for (int i = 0; i < 4; i++)
        nll -= log(p[i * 4 + (int)cls[i]]) / 4;
    CHECK(c, rt_model_fused(m, RT_LOSS_CROSS_ENTROPY) && fabs(ce - nll) < 1e-6,
          "softmax + cross_entropy fused: %.7f = mean -log p %.7f", ce, nll);
    float bad[4] = {0, 4, 1, 1};
    double v = rt_model_loss(m, RT_LOSS_CROSS_ENTROPY, bad, &err);
    CHECK(c, isnan(v) && err.code == RT_ERR_ARG, "error: %s", err.msg);
    float logits[6] = {1, 3, 2, -1, -2, -3}, t2[2] = {1, 0};
    CHECK(c, rt_count_correct(logits, t2, 2, 3, 0.5f) == 2 &&
          rt_count_correct(logits + 1, (float[]){1, 0}, 2, 1, 0.0f) == 1,
          "argmax accuracy; binary on logits thresholds at 0");
    /* A NaN output is wrong: argmax would otherwise name class 0. */
    float nanout[6] = {NAN, 1, 0, 2, NAN, 1}, t0[2] = {0, 0};
    CHECK(c, rt_count_correct(nanout, t0, 2, 3, 0.5f) == 0 &&
          rt_count_correct((float[]){NAN}, (float[]){0}, 1, 1, 0.0f) == 0,
          "a sample with a NaN output is never correct");
    rt_model_free(m);
}

static void test_nonfinite_and_masks(Checks *c)
{
    RtError err = {0};
    RtLayerSpec s[] = {rt_layer_dense(5), rt_layer_relu(), rt_layer_dropout(0.5),
                       rt_layer_dense(2)};
    RtShape in = rt_shape1(3);
    RtModel *m = rt_model_new(s, 4, &in, 4, TORCH, &err);
    rt_model_init(m, 1);
    float x[12];
    fill(x, 12, 3);
    rt_model_forward(m, x, 4, RT_TRAIN, 0, &err);
    CHECK(c, rt_model_nonfinite(m, RT_CHECK_PARAMS | RT_CHECK_ACTS) == -1,
          "all finite after init and forward");
    RtNamedTensor t;
    rt_model_find_tensor(m, "layers.3.weight", &t);
    t.data[1] = NAN;
    CHECK(c, rt_model_nonfinite(m, RT_CHECK_PARAMS) == 3,
          "a NaN weight is found in layer 3 (dense(2))");
    rt_model_forward(m, x, 4, RT_TRAIN, 0, &err);
    CHECK(c, rt_model_nonfinite(m, RT_CHECK_ACTS) == 3 &&
          strcmp(rt_model_layer_name(m, 3), "dense(2)") == 0,
          "NaN activations first appear at layer 3");
    t.data[1] = 0.1f;
    x[0] = INFINITY;
    rt_model_forward(m, x, 4, RT_TRAIN, 0, &err);
    CHECK(c, rt_model_nonfinite(m, RT_CHECK_ACTS) == 0, "an inf input shows "
          "at layer 0");
    x[0] = 0.5f;

    /* Dropout: eval is the identity; explicit masks are used as given. */
    const float *h = rt_model_layer_output(m, 1);
    rt_model_forward(m, x, 4, RT_EVAL, 0, &err);
    CHECK(c, memcmp(rt_model_layer_output(m, 2), h, 20 * 4) == 0,
          "dropout is the identity in eval mode");
    float keep[20];
    for (int i = 0; i < 20; i++)
        keep[i] = (float)(i % 3 != 0);
    int rc = rt_model_set_dropout_mask(m, 2, keep, 20, &err);
    rt_model_forward(m, x, 4, RT_TRAIN, 7, &err);
    const float *d = rt_model_layer_output(m, 2);
    int ok = rc == 0;
    for (int i = 0; i < 20; i++)
        ok &= d[i] == (keep[i] ? 2.0f * h[i] : 0.0f);
    CHECK(c, ok, "an explicit keep-mask is applied and scaled by 1/(1-p)");
    rc = rt_model_set_dropout_mask(m, 1, keep, 20, &err);
    CHECK(c, rc < 0 && err.code == RT_ERR_ARG, "error: %s", err.msg);
    keep[3] = 0.5f;
    rc = rt_model_set_dropout_mask(m, 2, keep, 20, &err);
    CHECK(c, rc < 0, "error: %s", err.msg);
    rt_model_set_dropout_mask(m, 2, NULL, 0, &err);
    float a[20], b[20];
    rt_model_forward(m, x, 4, RT_TRAIN, 7, &err);
    memcpy(a, rt_model_layer_output(m, 2), sizeof a);
    rt_model_forward(m, x, 4, RT_TRAIN, 7, &err);
    memcpy(b, rt_model_layer_output(m, 2), sizeof b);
    int same = memcmp(a, b, sizeof a) == 0;
    rt_model_forward(m, x, 4, RT_TRAIN, 8, &err);
    CHECK(c, same && memcmp(a, rt_model_layer_output(m, 2), sizeof a) != 0,
          "drawn masks: same step same mask, next step another");
    rt_model_free(m);
}

/* Batchnorm's num_batches_tracked counts train-mode forwards, as
 * PyTorch's does, and goes with clones and weight copies; init resets it. */
static void test_batches_tracked(Checks *c)
{
    RtError err = {0};
    RtLayerSpec s[] = {rt_layer_dense(3), rt_layer_batchnorm(), rt_layer_relu()};
    RtShape in = rt_shape1(2);
    RtModel *m = rt_model_new(s, 3, &in, 4, TORCH, &err);
    rt_model_init(m, 1);
    float x[8] = {1, 2, 3, 4, 5, 6, 7, 9};
    for (int i = 0; i < 3; i++)
        rt_model_forward(m, x, 4, RT_TRAIN, (uint64_t)i, &err);
    rt_model_forward(m, x, 4, RT_EVAL, 0, &err);
    RtModel *k = rt_model_clone(m, 2, &err);
    RtModel *d = rt_model_new(s, 3, &in, 4, TORCH, &err);
    rt_model_copy_weights(d, m, &err);
    CHECK(c, rt_model_batches_tracked(m, 1) == 3 && rt_model_batches_tracked(m, 0) == 0 &&
          rt_model_batches_tracked(k, 1) == 3 && rt_model_batches_tracked(d, 1) == 3,
          "num_batches_tracked: 3 after 3 train-mode forwards and one in eval mode, in "
          "a clone and a weight copy too (got %lld, %lld, %lld)",
          (long long)rt_model_batches_tracked(m, 1), (long long)rt_model_batches_tracked(k, 1),
          (long long)rt_model_batches_tracked(d, 1));
    rt_model_set_batches_tracked(m, 0, 7);
    rt_model_init(m, 2);
    CHECK(c, rt_model_batches_tracked(m, 1) == 0 && rt_model_batches_tracked(m, 0) == 0,
          "num_batches_tracked: init resets it; a dense layer has none");
    rt_model_free(m);
    rt_model_free(k);
    rt_model_free(d);
}

int main(void)
{
    Checks c = {0};
    test_structure(&c);
    test_batches_tracked(&c);
    test_errors(&c);
    test_run_errors(&c);
    test_init(&c);
    test_batches_and_copies(&c);
    test_fused(&c);
    test_nonfinite_and_masks(&c);
    return checks_done(&c);
}
