/* What the training loop feeds the model and how it measures it: the
 * validation split (the last fraction, as Keras; and the shuffled
 * stratified one), batches drawn without replacement every step with the
 * full-data loss after each (seed 001's example 2), shuffling and dropout
 * reproducible from the seed and independent of the thread count, and
 * rt_evaluate / rt_predict. */
#include <math.h>
#include "check.h"
#include "rt_internal.h"
#include "train_util.h"

static void test_val_split(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory a, b;
    RtError err = {0};
    RtData d = tu_data(50, 4, 3, 21, 0);
    RtData first = tu_slice(&d, 0, 40), last = tu_slice(&d, 40, 10);
    RtModel *m1 = tu_mlp(4, 3, 8, 0, 0, 1), *m2 = tu_mlp(4, 3, 8, 0, 0, 1);
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_ADAM, 1e-2, 3, 8, 1);
    cfg.seed = 5;
    cfg.val_split = 0.2;
    rt_train(m1, &d, NULL, &cfg, &a, NULL);
    cfg.val_split = 0;
    rt_train(m2, &first, &last, &cfg, &b, NULL);
    CHECK(c, a.val_n == 10 && b.val_n == 10 && tu_same_history(&a, &b) &&
          tu_same_weights(m1, m2),
          "val_split 0.2 of 50 trains on the first 40 and validates on the "
          "last 10, exactly as given sets would");
    double l, acc;
    int rc = rt_evaluate(m1, &last, RT_LOSS_CROSS_ENTROPY, 0, &l, &acc, &err);
    CHECK(c, rc == 0 && l == a.val_loss[2] && acc == a.val_accuracy[2],
          "the last epoch's val_loss and val_accuracy are rt_evaluate's on the "
          "last 10 samples (%.9g, %.3f)", l, acc);
    rt_history_free(&a);
    rt_history_free(&b);

    RtData seven = tu_slice(&d, 0, 7);
    cfg.val_split = 0.3;
    cfg.epochs = 1;
    rt_train(m1, &seven, NULL, &cfg, &a, NULL);
    CHECK(c, a.val_n == 3, "val_split 0.3 of 7: floor(7 * 0.7) = 4 train, 3 "
          "validate, as Keras (got %lld)", (long long)a.val_n);
    rt_history_free(&a);
    rt_model_free(m1);
    rt_model_free(m2);
    tu_data_free(&d);
}

/* A model that always predicts class k: dense(3) with zero weights and a
 * bias pointing at k, trained at lr 0. */
static RtModel *constant_model(int k)
{
    RtLayerSpec l = rt_layer_dense(3);
    RtShape in = rt_shape1(2);
    RtModel *m = rt_model_new(&l, 1, &in, 10, TU_TORCH, NULL);
    float *p = rt_model_params(m, NULL);
    memset(p, 0, 9 * sizeof *p);
    p[6 + k] = 1;
    return m;
}

static void test_stratified(Checks *c)
{
    /* 25 of class 0, 15 of class 1, then 10 of class 2 at the end. */
    float x[100] = {0}, y[50];
    for (int i = 0; i < 50; i++)
        y[i] = (float)(i < 25 ? 0 : i < 40 ? 1 : 2);
    RtData d = {x, y, 50, {1, {2}}, 1};
    static const double share[3] = {0.5, 0.3, 0.2};
    RtTrainConfig cfg;
    RtHistory h;
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_SGD, 0, 1, 10, 1);
    cfg.val_split = 0.2;
    int plain = 1, strat = 1;
    for (int k = 0; k < 3; k++) {
        RtModel *m = constant_model(k);
        cfg.val_split_shuffle = 0;
        rt_train(m, &d, NULL, &cfg, &h, NULL);
        plain &= h.val_accuracy[0] == (k == 2 ? 1.0 : 0.0);
        rt_history_free(&h);
        cfg.val_split_shuffle = 1;
        for (uint64_t seed = 1; seed <= 3; seed++) {
            cfg.seed = seed;
            rt_train(m, &d, NULL, &cfg, &h, NULL);
            strat &= h.val_n == 10 && fabs(h.val_accuracy[0] - share[k]) < 1e-12
                     && fabs(h.accuracy[0] - share[k]) < 1e-12;
            rt_history_free(&h);
        }
        rt_model_free(m);
    }
    CHECK(c, plain, "the plain split validates on the last 10 samples, all of "
          "class 2");
    CHECK(c, strat, "the stratified split keeps each class's share (5/3/2 of "
          "10 validation samples, 20/12/8 of 40 training) for every seed");

    /* Binary targets stratify too; the split follows the seed. */
    RtData b = tu_data(50, 2, 2, 22, 1);
    for (int i = 0; i < 50; i++)
        ((float *)b.y)[i] = (float)(i < 30);
    RtLayerSpec l[] = {rt_layer_dense(1), rt_layer_sigmoid()};
    RtShape in = rt_shape1(2);
    RtModel *m = rt_model_new(l, 2, &in, 10, TU_TORCH, NULL);
    rt_model_init(m, 3);
    RtModel *m2 = rt_model_clone(m, 10, NULL), *m3 = rt_model_clone(m, 10, NULL);
    RtHistory h2, h3;
    tu_config(&cfg, RT_LOSS_BCE, RT_OPT_SGD, 0.1, 2, 10, 1);
    cfg.val_split = 0.2;
    cfg.val_split_shuffle = 1;
    cfg.seed = 1;
    rt_train(m, &b, NULL, &cfg, &h, NULL);
    rt_train(m2, &b, NULL, &cfg, &h2, NULL);
    cfg.seed = 2;
    rt_train(m3, &b, NULL, &cfg, &h3, NULL);
    CHECK(c, tu_same_history(&h, &h2) && h.val_loss[0] != h3.val_loss[0],
          "a shuffled split is the same for the same seed and differs for "
          "another");
    rt_history_free(&h);
    rt_history_free(&h2);
    rt_history_free(&h3);

    /* Regression targets have no classes: a plain random split. With y = i
     * and a model stuck at 0, the validation loss is the mean of the held
     * out i^2, which tells the random 10 from the last 10. */
    float rx[50] = {0}, ry[50];
    for (int i = 0; i < 50; i++)
        ry[i] = (float)i;
    RtData reg = {rx, ry, 50, {1, {1}}, 1};
    RtLayerSpec z = rt_layer_dense(1);
    z.no_bias = 1;
    RtShape one = rt_shape1(1);
    RtModel *zm = rt_model_new(&z, 1, &one, 10, TU_TORCH, NULL);
    tu_config(&cfg, RT_LOSS_MSE, RT_OPT_SGD, 0, 1, 10, 0);
    cfg.val_split = 0.2;
    rt_train(zm, &reg, NULL, &cfg, &h, NULL);
    double last = 0;
    for (int i = 40; i < 50; i++)
        last += (double)i * i / 10;
    cfg.val_split_shuffle = 1;
    rt_train(zm, &reg, NULL, &cfg, &h2, NULL);
    /* The held-out i^2 sum to 10 * val_loss, the rest to 40 * loss, and
     * all 50 to 40425. */
    double v = h2.val_loss[0] * 10, t = h2.loss[0] * 40;
    CHECK(c, h.val_loss[0] == last && h2.val_n == 10 && fabs(v - floor(v + 0.5))
          < 1e-6 && v < 10 * last && fabs(t + v - 40425) < 1e-3,
          "mse targets: the shuffled split holds out 10 random samples (val "
          "loss %.1f, the last 10 would give %.1f; train and validation "
          "together cover every sample once)", v / 10, last);
    rt_history_free(&h);
    rt_history_free(&h2);
    rt_model_free(zm);
    rt_model_free(m);
    rt_model_free(m2);
    rt_model_free(m3);
    tu_data_free(&b);
}

/* y = w x + b on x = 0..9, y = 3x + 1, MSE at lr 0: every step's loss is
 * the mean over the samples it drew. */
static void test_sample_per_step(Checks *c)
{
    float x[10], y[10];
    for (int i = 0; i < 10; i++) {
        x[i] = (float)i;
        y[i] = 3.0f * i + 1;
    }
    RtData d = {x, y, 10, {1, {1}}, 1};
    RtLayerSpec l = rt_layer_dense(1);
    RtShape in = rt_shape1(1);
    RtModel *m = rt_model_new(&l, 1, &in, 10, TU_TORCH, NULL);
    float *p = rt_model_params(m, NULL);
    p[0] = 0.5f;
    p[1] = 0.25f;
    RtTrainConfig cfg;
    RtHistory h;
    tu_config(&cfg, RT_LOSS_MSE, RT_OPT_SGD, 0, 1, 4, 0);
    cfg.sample_per_step = 1;
    cfg.steps = 20;
    cfg.seed = 9;
    cfg.full_loss = 1;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    int ok = h.steps == 20 && h.epochs == 7 && h.step_loss != NULL, differ = 0;
    double prev = -1;
    for (int64_t s = 0; ok && s < 20; s++) {
        int64_t idx[10];
        RtRng r = rt_rng(9, rt_stream(RT_STREAM_SAMPLE, (uint64_t)s));
        rt_rng_sample(&r, idx, 10, 4);
        double want = 0;
        for (int j = 0; j < 4; j++) {
            double e = 0.5 * x[idx[j]] + 0.25 - y[idx[j]];
            want += e * e / 4;
        }
        ok &= fabs(h.batch_loss[s] - want) <= 1e-6 * want;
        differ |= prev >= 0 && h.batch_loss[s] != prev;
        prev = h.batch_loss[s];
    }
    CHECK(c, ok && differ, "sample_per_step: step s draws 4 of 10 samples "
          "from stream (seed, RT_STREAM_SAMPLE, s), as its loss shows");
    rt_history_free(&h);

    cfg.batch = 10;     /* all of them, without replacement: a permutation */
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    ok = h.steps == 20;
    for (int64_t s = 0; ok && s < 20; s++)
        ok &= fabs(h.batch_loss[s] - h.step_loss[s]) <= 1e-6 * h.step_loss[s];
    CHECK(c, ok, "drawing all 10 without replacement: each step's loss is the "
          "full-data loss (no repeats)");
    rt_history_free(&h);

    /* Seed 001, example 2: batch 5, lr 0.01, 100 steps, the full-data MSE
     * after every step. */
    cfg.batch = 5;
    cfg.steps = 100;
    cfg.optim.lr = 0.01;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    double end;
    rt_evaluate(m, &d, RT_LOSS_MSE, 0, &end, NULL, NULL);
    CHECK(c, h.steps == 100 && h.step_loss[99] == end &&
          h.step_loss[99] < 0.1 * h.step_loss[0],
          "seed 001's run: the last full-data loss (%.4g, from %.4g) is "
          "rt_evaluate's after training", h.step_loss[99], h.step_loss[0]);
    rt_history_free(&h);
    rt_model_free(m);
}

static RtModel *small_cnn(uint64_t seed)
{
    RtLayerSpec l[] = {
        rt_layer_conv2d(4, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_flatten(), rt_layer_dropout(0.25), rt_layer_dense(3)};
    RtShape in = rt_shape3(2, 6, 6);
    RtModel *m = rt_model_new(l, 6, &in, 16, TU_TORCH, NULL);
    rt_model_init(m, seed);
    return m;
}

static void test_threads(Checks *c)
{
    RtData d = tu_data(48, 72, 3, 23, 0);
    d.shape = rt_shape3(2, 6, 6);
    RtThreads *one = rt_threads_new(1, NULL), *two = rt_threads_new(2, NULL);
    RtModel *a = small_cnn(1), *b = small_cnn(1), *e = small_cnn(1);
    RtTrainConfig cfg;
    RtHistory ha, hb, he;
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_ADAM, 1e-2, 3, 16, 1);
    cfg.val_split = 0.25;
    cfg.seed = 4;
    cfg.full_loss = 1;
    cfg.threads = one;
    rt_train(a, &d, NULL, &cfg, &ha, NULL);
    cfg.threads = two;
    rt_train(b, &d, NULL, &cfg, &hb, NULL);
    cfg.threads = NULL;
    rt_train(e, &d, NULL, &cfg, &he, NULL);
    CHECK(c, ha.steps == 9 && tu_same_history(&ha, &hb) &&
          tu_same_doubles(ha.step_loss, hb.step_loss, 9) &&
          tu_same_weights(a, b) && tu_same_history(&ha, &he) &&
          tu_same_weights(a, e),
          "1 thread, 2 threads and no pool train bit-identically (shuffle, "
          "dropout, conv, validation)");
    CHECK(c, b->th == NULL, "the model gets its own (no) pool back after "
          "training with the config's");
    rt_history_free(&hb);

    cfg.seed = 5;
    rt_model_free(b);
    b = small_cnn(1);
    rt_train(b, &d, NULL, &cfg, &hb, NULL);
    CHECK(c, ha.batch_loss[0] != hb.batch_loss[0] &&
          ha.val_loss[0] != hb.val_loss[0],
          "another seed gives other dropout masks and another shuffle");
    rt_history_free(&ha);
    rt_history_free(&hb);

    /* Without shuffling only dropout depends on the seed. */
    cfg.shuffle = 0;
    rt_model_free(a);
    rt_model_free(b);
    a = small_cnn(1);
    b = small_cnn(1);
    rt_train(a, &d, NULL, &cfg, &ha, NULL);
    rt_train(b, &d, NULL, &cfg, &hb, NULL);
    int same = tu_same_history(&ha, &hb);
    rt_history_free(&hb);
    rt_model_free(b);
    b = small_cnn(1);
    cfg.seed = 6;
    rt_train(b, &d, NULL, &cfg, &hb, NULL);
    CHECK(c, same && ha.batch_loss[0] != hb.batch_loss[0],
          "unshuffled, the dropout masks follow the seed: the same seed "
          "repeats the run, another changes the first step's loss");
    rt_history_free(&ha);
    rt_history_free(&hb);
    rt_history_free(&he);
    rt_model_free(a);
    rt_model_free(b);
    rt_model_free(e);
    rt_threads_free(one);
    rt_threads_free(two);
    tu_data_free(&d);
}

static void test_evaluate_predict(Checks *c)
{
    RtError err = {0};
    RtData d = tu_data(7, 4, 3, 24, 0);
    RtModel *m = tu_mlp(4, 3, 7, 1, 1, 2);
    float all[21], parts[21];
    const float *y = rt_model_forward(m, d.x, 7, RT_EVAL, 0, NULL);
    memcpy(all, y, sizeof all);
    int rc = rt_predict(m, d.x, 7, 3, parts, &err);
    double worst = 0;
    for (int i = 0; i < 21; i++)
        worst = fmax(worst, fabs((double)all[i] - parts[i]));
    CHECK(c, rc == 0 && worst <= 1e-6, "rt_predict in batches of 3, 3, 1 gives "
          "the eval-mode outputs (max diff %.2g)", worst);

    double l3, a3, l7, a7;
    rt_evaluate(m, &d, RT_LOSS_CROSS_ENTROPY, 3, &l3, &a3, NULL);
    rt_evaluate(m, &d, RT_LOSS_CROSS_ENTROPY, 0, &l7, &a7, NULL);
    double want = rt_loss_cross_entropy(all, d.y, 7, 3, NULL, NULL);
    int64_t right = rt_count_correct(all, d.y, 7, 3, 0.5f);
    CHECK(c, fabs(l3 - want) <= 1e-6 * want && fabs(l7 - want) <= 1e-7 * want &&
          a3 == right / 7.0 && a7 == a3,
          "rt_evaluate: the sample-weighted loss and accuracy in any batch "
          "size (%.7g %.7g, want %.7g; accuracy %.3f)", l3, l7, want, a3);

    RtLayerSpec l[] = {rt_layer_dense(2), rt_layer_dense(1)};
    l[0].l2 = 0.5;
    RtShape in = rt_shape1(4);
    RtModel *r = rt_model_new(l, 2, &in, 7, TU_TORCH, NULL);
    rt_model_init(r, 3);
    RtData reg = d;
    double lr, ar;
    y = rt_model_forward(r, d.x, 7, RT_EVAL, 0, NULL);
    want = rt_loss_mse(y, d.y, 7, 1, NULL, NULL) + rt_model_l2_penalty(r);
    rc = rt_evaluate(r, &reg, RT_LOSS_MSE, 0, &lr, &ar, &err);
    CHECK(c, rc == 0 && fabs(lr - want) <= 1e-7 * want && isnan(ar) &&
          rt_model_l2_penalty(r) > 0,
          "rt_evaluate with mse: the loss includes the L2 penalty (as Keras's "
          "evaluate), accuracy is NaN");

    rc = rt_evaluate(m, &d, RT_LOSS_CROSS_ENTROPY, 8, &l3, &a3, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "8"), "a batch over the model's max "
          "is refused: %s", err.msg);
    RtData none = tu_slice(&d, 0, 0);
    rc = rt_evaluate(m, &none, RT_LOSS_CROSS_ENTROPY, 0, &l3, &a3, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "empty"), "an empty set is refused: "
          "%s", err.msg);
    rt_model_free(m);
    rt_model_free(r);
    tu_data_free(&d);
}

int main(void)
{
    Checks c = {0};
    test_val_split(&c);
    test_stratified(&c);
    test_sample_per_step(&c);
    test_threads(&c);
    test_evaluate_predict(&c);
    return checks_done(&c);
}
