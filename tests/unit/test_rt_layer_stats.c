/* The per-layer evidence of rt_train (layer_stats): on tiny models with
 * weights set by hand, the gradient norm and the effective step of the
 * measured step against the formulas worked out here, dead ReLU units
 * and saturated sigmoid outputs counted from known pre-activations, the
 * measured step skipping a smaller remainder batch, and nothing at all
 * collected when it is off. */
#include <math.h>
#include "check.h"
#include "train_util.h"

/* y = w x + b, MSE, one SGD step of lr on the whole batch:
 *   r_i = w x_i + b - y_i,  dL/dw = 2 mean(r x),  dL/db = 2 mean(r),
 *   the step is lr ||g|| / ||(w, b)||. */
static void test_linear_by_hand(Checks *c)
{
    static const float X[] = {1, 2, -1}, Y[] = {0.5f, 3, 1};
    const double w = 0.5, b = -0.25, lr = 0.1;
    RtLayerSpec l = rt_layer_dense(1);
    RtShape in = rt_shape1(1);
    RtModel *m = rt_model_new(&l, 1, &in, 3, TU_TORCH, NULL);
    float *p = rt_model_params(m, NULL);
    p[0] = (float)w;
    p[1] = (float)b;
    double gw = 0, gb = 0;
    for (int i = 0; i < 3; i++) {
        double r = (float)w * X[i] + (float)b - Y[i];
        gw += 2 * r * X[i] / 3;
        gb += 2 * r / 3;
    }
    RtData d = {X, Y, 3, {1, {1}}, 1};
    RtTrainConfig cfg;
    RtHistory h;
    tu_config(&cfg, RT_LOSS_MSE, RT_OPT_SGD, lr, 1, 0, 0);
    cfg.layer_stats = 1;
    int rc = rt_train(m, &d, NULL, &cfg, &h, NULL);
    double g = sqrt(gw * gw + gb * gb);
    CHECK(c, rc == 0 && h.layer.layers == 1 && h.layer.batch == 3,
          "one layer measured on the batch of 3 (layers %d, batch %lld)", h.layer.layers,
          (long long)h.layer.batch);
    CHECK_CLOSE(c, h.layer.grad_norm[0], g, 1e-5, 0, "gradient norm of the step");
    CHECK_CLOSE(c, h.layer.step[0], lr * g / sqrt(w * w + b * b), 1e-4, 0,
                "effective step lr ||g|| / ||w||");
    CHECK(c, isnan(h.layer.dead[0]) && isnan(h.layer.saturated[0]),
          "no dead or saturated share for a dense layer");
    rt_history_free(&h);
    CHECK(c, h.layer.layers == 0 && !h.layer.grad_norm, "freed with the history");
    rt_model_free(m);
}

/* dense(3) ACT dense(1) on inputs x = 1 and 2 (one feature): unit j's
 * pre-activation is w_j x + b_j. */
static RtModel *act_model(RtLayerSpec act, const float w[3], const float b[3])
{
    RtLayerSpec l[3] = {rt_layer_dense(3), act, rt_layer_dense(1)};
    RtShape in = rt_shape1(1);
    RtModel *m = rt_model_new(l, 3, &in, 4, TU_TORCH, NULL);
    rt_model_init(m, 1);
    float *p = rt_model_params(m, NULL);
    memcpy(p, w, 3 * sizeof *w);      /* weight [3, 1] then bias [3] */
    memcpy(p + 3, b, 3 * sizeof *b);
    return m;
}

static void run_one_step(RtModel *m, RtHistory *h, double lr)
{
    static const float X[] = {1, 2}, Y[] = {0, 1};
    RtData d = {X, Y, 2, {1, {1}}, 1};
    RtTrainConfig cfg;
    tu_config(&cfg, RT_LOSS_MSE, RT_OPT_SGD, lr, 1, 0, 0);
    cfg.layer_stats = 1;
    rt_train(m, &d, NULL, &cfg, h, NULL);
}

static void test_dead_and_saturated(Checks *c)
{
    /* relu: unit 0 is -x - 1 (negative for both samples: dead), unit 1 is
     * x - 1.5 (alive for x = 2), unit 2 is -x + 1.5 (alive for x = 1). */
    static const float w[3] = {-1, 1, -1}, b[3] = {-1, -1.5f, 1.5f};
    RtHistory h;
    RtModel *m = act_model(rt_layer_relu(), w, b);
    run_one_step(m, &h, 0.01);
    CHECK(c, h.layer.layers == 3 && fabs(h.layer.dead[1] - 1.0 / 3) < 1e-12,
          "relu: 1 of 3 units dead for both samples (%g)", h.layer.dead[1]);
    CHECK(c, isnan(h.layer.dead[0]) && !isnan(h.layer.grad_norm[0]) &&
          isnan(h.layer.grad_norm[1]) && !isnan(h.layer.grad_norm[2]),
          "gradient norms for the dense layers only");
    rt_history_free(&h);
    rt_model_free(m);
    /* sigmoid: unit 0 is 10x (0.99995, 1 -> saturated twice), unit 1 is
     * -5x - 0.5 (sigmoid -5.5 and -10.5: both below 0.01), unit 2 is
     * x - 1.5 (0.38, 0.62): 4 of 6 outputs saturated. */
    static const float ws[3] = {10, -5, 1}, bs[3] = {0, -0.5f, -1.5f};
    m = act_model(rt_layer_sigmoid(), ws, bs);
    run_one_step(m, &h, 0.01);
    CHECK(c, fabs(h.layer.saturated[1] - 4.0 / 6) < 1e-12,
          "sigmoid: 4 of 6 outputs below 0.01 or above 0.99 (%g)", h.layer.saturated[1]);
    rt_history_free(&h);
    rt_model_free(m);
    /* tanh: |tanh(10x)| > 0.99 twice, |tanh(-5x - 0.5)| > 0.99 twice,
     * tanh(x - 1.5) is +-0.46: 4 of 6. */
    m = act_model(rt_layer_tanh(), ws, bs);
    run_one_step(m, &h, 0.01);
    CHECK(c, fabs(h.layer.saturated[1] - 4.0 / 6) < 1e-12,
          "tanh: 4 of 6 outputs with |y| > 0.99 (%g)", h.layer.saturated[1]);
    rt_history_free(&h);
    rt_model_free(m);
}

/* 5 samples in batches of 2: the epoch's last step has 1 sample, so the
 * step before it (2 samples) is measured; every epoch gets a row. */
static void test_remainder_batch(Checks *c)
{
    static const float X[] = {1, 2, 3, 4, 5}, Y[] = {1, 2, 3, 4, 5};
    RtData d = {X, Y, 5, {1, {1}}, 1};
    RtModel *m = tu_linear(2, 0.5f);
    RtTrainConfig cfg;
    RtHistory h;
    tu_config(&cfg, RT_LOSS_MSE, RT_OPT_SGD, 0.01, 3, 2, 0);
    cfg.layer_stats = 1;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    CHECK(c, h.layer.batch == 2, "the full batch before the remainder is measured (%lld)",
          (long long)h.layer.batch);
    CHECK(c, h.epochs == 3 && !isnan(h.layer.grad_norm[2]) && h.layer.step[2] > 0,
          "every epoch has its numbers");
    rt_history_free(&h);
    rt_model_free(m);
}

static void test_off(Checks *c)
{
    static const float X[] = {1, 2}, Y[] = {1, 2};
    RtData d = {X, Y, 2, {1, {1}}, 1};
    RtModel *m = tu_linear(2, 0.5f);
    RtTrainConfig cfg;
    RtHistory h;
    tu_config(&cfg, RT_LOSS_MSE, RT_OPT_SGD, 0.01, 2, 0, 0);
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    CHECK(c, h.layer.layers == 0 && !h.layer.grad_norm && !h.layer.step && !h.layer.dead &&
          !h.layer.saturated, "layer_stats off: nothing collected");
    rt_history_free(&h);
    rt_model_free(m);
}

int main(void)
{
    Checks c = {0};
    test_linear_by_hand(&c);
    test_dead_and_saturated(&c);
    test_remainder_batch(&c);
    test_off(&c);
    return checks_done(&c);
}
