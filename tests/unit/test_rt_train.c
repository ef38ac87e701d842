/* The training loop's behaviour: early stopping on a run whose validation
 * loss is known to turn (and Keras's rules for patience, min_delta and the
 * max mode), restoring the best weights, checkpoints, the NaN/inf stop,
 * resuming from a weight file, interrupting from a callback, schedules per
 * epoch and per step, reduce-on-plateau, clipping, epoch means, callback
 * contents, errors, and no allocation in the steps. */
#include <math.h>
#include "check.h"
#include "train_util.h"

/* ---- a run whose validation loss falls, then rises ------------------------
 * y = w x from w = 0 by full-batch gradient descent (lr 0.1) on
 * x = +-1, y = 2x: the loss is (w - 2)^2, so w_e = 2 - 2 * 0.8^e (0.4, 0.72,
 * 0.976, 1.2192, ...). The validation set has y = x: its loss (w_e - 1)^2
 * is 0.36, 0.0784, 0.000576, 0.048, 0.141, ...: best after epoch 3 (index
 * 2), worse from then on. */
static const float LX[] = {1, -1}, LY[] = {2, -2}, VY[] = {1, -1};

static RtData turn_train(void) { return (RtData){LX, LY, 2, {1, {1}}, 1}; }
static RtData turn_val(void) { return (RtData){LX, VY, 2, {1, {1}}, 1}; }

static void turn_config(RtTrainConfig *c, int64_t epochs)
{
    tu_config(c, RT_LOSS_MSE, RT_OPT_SGD, 0.1, epochs, 0, 0);
}

/* w after `epochs` epochs of the run above, without early stopping. */
static float turn_weight(int64_t epochs)
{
    RtTrainConfig c;
    RtHistory h;
    RtData tr = turn_train(), va = turn_val();
    RtModel *m = tu_linear(2, 0);
    turn_config(&c, epochs);
    rt_train(m, &tr, &va, &c, &h, NULL);
    float w = rt_model_params(m, NULL)[0];
    rt_history_free(&h);
    rt_model_free(m);
    return w;
}

static void test_early_stopping(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtError err = {0};
    RtData tr = turn_train(), va = turn_val();
    RtModel *m = tu_linear(2, 0);
    turn_config(&cfg, 20);
    cfg.early = (RtEarlyStop){.enabled = 1, .monitor = RT_METRIC_VAL_LOSS,
                              .patience = 2, .restore_best = 1};
    int rc = rt_train(m, &tr, &va, &cfg, &h, &err);
    CHECK(c, rc == 0 && h.epochs == 5 && h.stopped_early && h.best_epoch == 2,
          "early stopping (val_loss, patience 2): best epoch 2, stops after "
          "epoch 4 (ran %lld epochs, best %lld, stopped %d)",
          (long long)h.epochs, (long long)h.best_epoch, h.stopped_early);
    CHECK(c, h.epochs == 5 && h.val_loss[1] > h.val_loss[2] &&
          h.val_loss[3] > h.val_loss[2] && fabs(h.val_loss[2] - 0.000576) < 1e-6,
          "the crafted validation loss turns after epoch 2 (%.6f %.6f %.6f)",
          h.val_loss[1], h.val_loss[2], h.val_loss[3]);
    float best = turn_weight(3), last = turn_weight(5);
    float w = rt_model_params(m, NULL)[0];
    CHECK(c, h.restored_best && w == best && w != last,
          "restore_best puts back exactly epoch 2's weight (%.9g; the run's "
          "last was %.9g)", (double)w, (double)last);
    rt_history_free(&h);

    /* Without restore_best the last weights stay. */
    rt_model_params(m, NULL)[0] = 0;
    cfg.early.restore_best = 0;
    rt_train(m, &tr, &va, &cfg, &h, NULL);
    CHECK(c, h.epochs == 5 && !h.restored_best &&
          rt_model_params(m, NULL)[0] == last,
          "without restore_best the weights are the last epoch's");
    rt_history_free(&h);

    /* min_delta 0.1: epoch 2's fall of 0.078 does not count. */
    rt_model_params(m, NULL)[0] = 0;
    cfg.early.min_delta = 0.1;
    rt_train(m, &tr, &va, &cfg, &h, NULL);
    CHECK(c, h.epochs == 4 && h.best_epoch == 1,
          "min_delta 0.1: best epoch 1, stops after epoch 3 (ran %lld, best "
          "%lld)", (long long)h.epochs, (long long)h.best_epoch);
    rt_history_free(&h);

    /* patience 0: stops at the first epoch that does not improve. */
    rt_model_params(m, NULL)[0] = 0;
    cfg.early.min_delta = 0;
    cfg.early.patience = 0;
    rt_train(m, &tr, &va, &cfg, &h, NULL);
    CHECK(c, h.epochs == 4 && h.stopped_early, "patience 0: stops after the "
          "first worse epoch (ran %lld)", (long long)h.epochs);
    rt_history_free(&h);

    /* Monitoring the training loss, which keeps falling: runs to the end
     * and restores the last epoch. */
    rt_model_params(m, NULL)[0] = 0;
    cfg.early = (RtEarlyStop){.enabled = 1, .monitor = RT_METRIC_LOSS,
                              .patience = 1, .restore_best = 1};
    cfg.epochs = 6;
    rt_train(m, &tr, &va, &cfg, &h, NULL);
    CHECK(c, h.epochs == 6 && !h.stopped_early && h.best_epoch == 5 &&
          rt_model_params(m, NULL)[0] == turn_weight(6),
          "monitoring a falling training loss never stops; the best is the "
          "last epoch");
    rt_history_free(&h);
    rt_model_free(m);
}

/* Keras's rule recomputed from a history: the stop epoch and best epoch
 * for `monitor` in max mode with `patience`. */
static void keras_rule(const double *v, int64_t n, int64_t patience,
                       int64_t *stop, int64_t *best_epoch)
{
    double best = -INFINITY;
    int64_t wait = 0;
    *best_epoch = 0;
    *stop = n;
    for (int64_t e = 0; e < n; e++) {
        wait++;
        if (v[e] > best) {
            best = v[e];
            *best_epoch = e;
            wait = 0;
        } else if (wait >= patience && e > 0) {
            *stop = e + 1;
            return;
        }
    }
}

static void test_early_max_mode(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h, full;
    RtData d = tu_data(60, 4, 3, 7, 1);
    RtModel *m = tu_mlp(4, 3, 16, 0, 0, 1), *ref = tu_mlp(4, 3, 16, 0, 0, 1);
    RtModel *again = tu_mlp(4, 3, 16, 0, 0, 1);
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_ADAM, 0.05, 40, 16, 1);
    cfg.val_split = 0.25;
    cfg.seed = 3;
    rt_train(ref, &d, NULL, &cfg, &full, NULL);
    int64_t stop, best;
    keras_rule(full.val_accuracy, full.epochs, 3, &stop, &best);
    cfg.early = (RtEarlyStop){.enabled = 1, .monitor = RT_METRIC_VAL_ACCURACY,
                              .patience = 3, .restore_best = 1};
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    CHECK(c, stop < 40 && h.epochs == stop && h.best_epoch == best &&
          tu_same_doubles(h.val_accuracy, full.val_accuracy, h.epochs),
          "val_accuracy (max mode, patience 3) on a noisy run: stops after "
          "epoch %lld, best %lld, as Keras's rule on the same values says "
          "(%lld, %lld)", (long long)h.epochs - 1, (long long)h.best_epoch,
          (long long)stop - 1, (long long)best);
    rt_history_free(&full);
    cfg.early.enabled = 0;
    cfg.epochs = best + 1;
    rt_train(again, &d, NULL, &cfg, &full, NULL);
    CHECK(c, h.restored_best && tu_same_weights(m, again),
          "the restored weights equal a run stopped after the best epoch");
    rt_history_free(&full);
    rt_history_free(&h);
    rt_model_free(m);
    rt_model_free(ref);
    rt_model_free(again);
    tu_data_free(&d);
}

static void test_checkpoint(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtError err = {0};
    RtData tr = turn_train(), va = turn_val();
    char path[256];
    tu_tmpname(path, sizeof path, "ckpt");
    remove(path);
    RtModel *m = tu_linear(2, 0), *back = tu_linear(2, 7);
    turn_config(&cfg, 20);
    cfg.early = (RtEarlyStop){.enabled = 1, .monitor = RT_METRIC_VAL_LOSS,
                              .patience = 2};
    cfg.checkpoint = path;
    int rc = rt_train(m, &tr, &va, &cfg, &h, &err);
    int loaded = rc == 0 && rt_weights_load(back, path, &err) == 0;
    CHECK(c, loaded && rt_model_params(back, NULL)[0] == turn_weight(3) &&
          rt_model_params(m, NULL)[0] == turn_weight(5),
          "the checkpoint holds the best epoch's weights (the model keeps the "
          "last ones without restore_best)%s%s", loaded ? "" : ": ",
          loaded ? "" : err.msg);
    rt_history_free(&h);
    remove(path);

    /* Without early stopping the checkpoint follows val_loss. */
    rt_model_params(m, NULL)[0] = 0;
    cfg.early.enabled = 0;
    cfg.epochs = 6;
    rc = rt_train(m, &tr, &va, &cfg, &h, &err);
    loaded = rc == 0 && rt_weights_load(back, path, &err) == 0;
    CHECK(c, loaded && rt_model_params(back, NULL)[0] == turn_weight(3) &&
          h.best_epoch == 2,
          "without early stopping the checkpoint follows val_loss");
    rt_history_free(&h);
    remove(path);

    cfg.checkpoint = "/nonexistent-dir/fx/ckpt.safetensors";
    rc = rt_train(m, &tr, &va, &cfg, &h, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_IO &&
          strstr(err.msg, "/nonexistent-dir/fx/ckpt.safetensors") &&
          h.epochs == 1, "an unwritable checkpoint is an I/O error naming it, "
          "after the first epoch: %s", err.msg);
    rt_history_free(&h);
    rt_model_free(m);
    rt_model_free(back);
}

static void test_nan_stop(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtError err = {0};
    /* A poisoned input: sample 37 of 50 holds a NaN; batches of 10 in
     * order, so step 4 (samples 30-39) is the first to see it. */
    RtData d = tu_data(50, 4, 3, 11, 0);
    ((float *)d.x)[37 * 4 + 2] = NAN;
    /* tanh, not relu: the runtime's relu maps NaN to 0 (PyTorch's keeps
     * it), which would hide the NaN from the loss. */
    RtLayerSpec t[] = {rt_layer_dense(8), rt_layer_tanh(), rt_layer_dense(3)};
    RtShape in = rt_shape1(4);
    RtModel *m = rt_model_new(t, 3, &in, 10, TU_TORCH, NULL);
    rt_model_init(m, 2);
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_SGD, 0.1, 3, 10, 0);
    int rc = rt_train(m, &d, NULL, &cfg, &h, &err);
    CHECK(c, rc == 0 && h.diverged && h.diverged_step == 4 && h.steps == 4 &&
          h.epochs == 1 && isnan(h.batch_loss[3]) && isfinite(h.batch_loss[2]),
          "a NaN input stops training at step 4, the step that meets it "
          "(diverged %d at step %lld, %lld steps ran)", h.diverged,
          (long long)h.diverged_step, (long long)h.steps);
    CHECK(c, strstr(h.diverged_what, "loss is nan") &&
          strstr(h.diverged_what, "training sample 37") &&
          strstr(h.diverged_what, "layer 0 (dense(8))"),
          "it names the sample and the layer: \"%s\"", h.diverged_what);
    CHECK(c, rt_model_nonfinite(m, RT_CHECK_PARAMS) < 0,
          "the diverging step does not update the weights");
    rt_history_free(&h);
    /* With validation: the epoch cut by the divergence is validated, so
     * its val_accuracy is a number (a count), not nan. */
    RtData v = tu_data(20, 4, 3, 13, 0);
    rt_model_init(m, 2);
    rc = rt_train(m, &d, &v, &cfg, &h, &err);
    CHECK(c, rc == 0 && h.diverged && h.epochs == 1 &&
          isfinite(h.val_accuracy[0]) && isfinite(h.accuracy[0]),
          "after divergence accuracy %g and val_accuracy %g are numbers",
          h.accuracy[0], h.val_accuracy[0]);
    rt_history_free(&h);
    tu_data_free(&v);
    tu_data_free(&d);

    /* lr 1e10 on a regression: the weights blow up within a few steps. */
    d = tu_data(40, 4, 3, 12, 0);
    tu_config(&cfg, RT_LOSS_MSE, RT_OPT_SGD, 1e10, 5, 10, 0);
    RtLayerSpec l[] = {rt_layer_dense(8), rt_layer_relu(), rt_layer_dense(1)};
    RtModel *r = rt_model_new(l, 3, &in, 10, TU_TORCH, NULL);
    rt_model_init(r, 5);
    rc = rt_train(r, &d, NULL, &cfg, &h, &err);
    int64_t first = -1;
    for (int64_t s = 0; s < h.steps && first < 0; s++)
        if (!isfinite(h.batch_loss[s]))
            first = s + 1;
    CHECK(c, rc == 0 && h.diverged && h.diverged_step == first &&
          h.steps == first && first >= 2 && strstr(h.diverged_what, "layer "),
          "lr 1e10 diverges at step %lld, the first non-finite loss, and says "
          "\"%s\"", (long long)h.diverged_step, h.diverged_what);
    rt_history_free(&h);
    rt_model_free(r);
    rt_model_free(m);
    tu_data_free(&d);
}

/* Train 5 epochs in one go, or 3, save, load into a fresh model, 2 more:
 * the same weights and losses, bit for bit (SGD without momentum keeps no
 * state; the batchnorm's running statistics travel in the file). */
static void test_resume(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory a, b1, b2;
    RtError err = {0};
    char path[256];
    tu_tmpname(path, sizeof path, "resume");
    RtData d = tu_data(45, 4, 3, 13, 0);
    RtModel *one = tu_mlp(4, 3, 10, 1, 0, 4), *first = tu_mlp(4, 3, 10, 1, 0, 4);
    RtModel *second = tu_mlp(4, 3, 10, 1, 0, 99);
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_SGD, 0.05, 5, 10, 0);
    rt_train(one, &d, NULL, &cfg, &a, NULL);
    cfg.epochs = 3;
    rt_train(first, &d, NULL, &cfg, &b1, NULL);
    int ok = rt_weights_save(first, path, &err) == 0 &&
             rt_weights_load(second, path, &err) == 0;
    cfg.epochs = 2;
    ok = ok && rt_train(second, &d, NULL, &cfg, &b2, &err) == 0;
    CHECK(c, ok && tu_same_weights(one, second) &&
          tu_same_doubles(a.loss + 3, b2.loss, 2) &&
          tu_same_doubles(a.batch_loss + 15, b2.batch_loss, 10),
          "resume: 3 epochs, save, load into a fresh model, 2 more equals 5 "
          "in one run (weights, running stats and losses)%s%s", ok ? "" : ": ",
          ok ? "" : err.msg);
    rt_history_free(&a);
    rt_history_free(&b1);
    if (ok)
        rt_history_free(&b2);
    remove(path);
    rt_model_free(one);
    rt_model_free(first);
    rt_model_free(second);
    tu_data_free(&d);
}

typedef struct Stopper {
    int64_t at_step, at_epoch, batches_seen, epochs_seen, last_step;
    int     bad;    /* inconsistent callback info */
} Stopper;

static int stop_batch(void *ctx, const RtBatchInfo *b)
{
    Stopper *s = ctx;
    s->bad |= b->step != s->last_step + 1 || b->batch < 1 ||
              b->batch > b->batches || b->size < 1 || !isfinite(b->loss);
    s->last_step = b->step;
    s->batches_seen++;
    return b->step == s->at_step;
}

static int stop_epoch(void *ctx, const RtEpochInfo *e)
{
    Stopper *s = ctx;
    s->epochs_seen++;
    s->bad |= e->epoch != s->epochs_seen;
    return e->epoch == s->at_epoch;
}

static void test_interrupt(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h, ref;
    RtData d = tu_data(50, 4, 3, 14, 0);
    RtModel *m = tu_mlp(4, 3, 10, 0, 0, 5), *same = tu_mlp(4, 3, 10, 0, 0, 5);
    Stopper s = {.at_step = 7};
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_ADAM, 0.01, 4, 10, 1);
    cfg.val_split = 0.2;
    cfg.early = (RtEarlyStop){.enabled = 1, .monitor = RT_METRIC_VAL_LOSS,
                              .patience = 5, .restore_best = 1};
    cfg.on_batch = stop_batch;
    cfg.on_epoch = stop_epoch;
    cfg.ctx = &s;
    int rc = rt_train(m, &d, NULL, &cfg, &h, NULL);
    /* 40 training samples: 4 steps per epoch; step 7 is epoch 2's third. */
    CHECK(c, rc == 0 && h.interrupted && h.steps == 7 && h.epochs == 2 &&
          s.batches_seen == 7 && s.epochs_seen == 1 && !s.bad,
          "a callback returning 1 at step 7 stops there: %lld steps, %lld "
          "epochs (one partial)", (long long)h.steps, (long long)h.epochs);
    double mean = (h.batch_loss[4] * 10 + h.batch_loss[5] * 10 +
                   h.batch_loss[6] * 10) / 30;
    CHECK(c, h.epochs == 2 && isfinite(h.val_loss[0]) && isnan(h.val_loss[1]) &&
          fabs(h.loss[1] - mean) <= 1e-12 * mean && !h.restored_best,
          "the partial epoch holds the mean of its 3 steps and no validation; "
          "the weights are not restored");
    cfg.on_batch = NULL;
    cfg.on_epoch = NULL;
    cfg.steps = 7;
    rt_train(same, &d, NULL, &cfg, &ref, NULL);
    CHECK(c, tu_same_weights(m, same) &&
          tu_same_doubles(h.batch_loss, ref.batch_loss, 7),
          "the interrupted model equals a 7-step run");
    rt_history_free(&h);
    rt_history_free(&ref);

    s = (Stopper){.at_epoch = 2};
    cfg.steps = 0;
    cfg.on_batch = stop_batch;
    cfg.on_epoch = stop_epoch;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    CHECK(c, h.interrupted && h.epochs == 2 && h.steps == 8 &&
          isfinite(h.val_loss[1]),
          "an epoch callback returning 1 stops after that whole epoch");
    rt_history_free(&h);
    rt_model_free(m);
    rt_model_free(same);
    tu_data_free(&d);
}

typedef struct Info {
    int64_t n, steps_total, epochs_field, bad;
    double  full[64];
} Info;

static int info_batch(void *ctx, const RtBatchInfo *b)
{
    Info *s = ctx;
    s->bad |= b->epochs != s->epochs_field || b->steps != s->steps_total;
    if (s->n < 64)
        s->full[s->n] = b->full_loss;
    s->n++;
    return 0;
}

static void test_steps_and_means(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtData d = tu_data(23, 4, 3, 15, 0);
    RtModel *m = tu_mlp(4, 3, 5, 0, 0, 6);
    Info s = {.steps_total = 12, .epochs_field = 0};
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_SGD, 0.1, 99, 5, 1);
    cfg.steps = 12;      /* 5 steps per epoch: 5 + 5 + 2 */
    cfg.on_batch = info_batch;
    cfg.ctx = &s;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    int ok = h.steps == 12 && h.epochs == 3 && s.n == 12 && !s.bad;
    /* Epoch 0: batches of 5, 5, 5, 5, 3 samples. */
    double e0 = 0, a0 = 0;
    for (int k = 0; k < 5; k++) {
        e0 += h.batch_loss[k] * (k < 4 ? 5 : 3);
        a0 += h.batch_accuracy[k] * (k < 4 ? 5 : 3);
    }
    double e2 = (h.batch_loss[10] + h.batch_loss[11]) / 2;
    CHECK(c, ok && fabs(h.loss[0] - e0 / 23) <= 1e-12 * h.loss[0] &&
          fabs(h.accuracy[0] - a0 / 23) <= 1e-12 &&
          fabs(h.loss[2] - e2) <= 1e-12 * e2,
          "steps 12 with 5 steps per epoch: 3 epochs, the last partial; epoch "
          "values are sample-weighted means of the steps (last batch of 3)");
    CHECK(c, h.step_loss == NULL && isnan(s.full[0]),
          "no full-data loss unless asked for");
    rt_history_free(&h);
    rt_model_free(m);
    tu_data_free(&d);
}

static void test_schedules(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtData d = tu_data(20, 4, 3, 16, 0);
    RtModel *m = tu_mlp(4, 3, 5, 0, 0, 7);
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_SGD, 0.1, 5, 5, 1);
    rt_sched_init(&cfg.schedule, RT_SCHED_COSINE);
    cfg.schedule.t_max = 4;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    int ok = h.epochs == 5;
    for (int64_t s = 0; ok && s < h.steps; s++)
        ok &= h.batch_lr[s] == rt_sched_lr(&cfg.schedule, 0.1, s / 4) &&
              h.lr[s / 4] == h.batch_lr[s];
    CHECK(c, ok, "a per-epoch cosine schedule: every step of epoch e uses "
          "lr(e)");
    rt_history_free(&h);

    cfg.schedule_per_step = 1;
    cfg.schedule.warmup = 3;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    ok = h.steps == 20;
    for (int64_t s = 0; ok && s < h.steps; s++)
        ok &= h.batch_lr[s] == rt_sched_lr(&cfg.schedule, 0.1, s);
    CHECK(c, ok && h.lr[1] == h.batch_lr[7] && h.batch_lr[0] < h.batch_lr[3],
          "per step with a 3-step warm-up: step s uses lr(s); an epoch "
          "records its last step's");
    rt_history_free(&h);
    rt_model_free(m);
    tu_data_free(&d);
}

static void test_plateau(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtError err = {0};
    RtData tr = turn_train(), va = turn_val();
    RtModel *m = tu_linear(2, 0);
    turn_config(&cfg, 7);
    cfg.plateau_enabled = 1;
    rt_plateau_init(&cfg.plateau);
    cfg.plateau.patience = 1;
    cfg.plateau.factor = 0.5;
    cfg.plateau_monitor = RT_METRIC_VAL_LOSS;
    rt_train(m, &tr, &va, &cfg, &h, NULL);
    /* val_loss falls for epochs 0-2, then rises: epochs 3 and 4 are bad,
     * the second of them is more than patience 1, so epoch 5 runs at 0.05. */
    CHECK(c, h.epochs == 7 && h.lr[0] == 0.1 && h.lr[4] == 0.1 &&
          h.lr[5] == 0.05 && h.lr[6] == 0.05,
          "reduce-on-plateau (patience 1, factor 0.5) halves the lr after two "
          "worse epochs: %g %g %g %g", h.lr[3], h.lr[4], h.lr[5], h.lr[6]);
    rt_history_free(&h);

    /* The same with schedule_per_step set (and no schedule): the plateau's
     * lr must not be overwritten every step. */
    rt_model_params(m, NULL)[0] = 0;
    cfg.schedule_per_step = 1;
    rt_train(m, &tr, &va, &cfg, &h, NULL);
    CHECK(c, h.epochs == 7 && h.lr[5] == 0.05 && h.batch_lr[6] == 0.05,
          "with schedule_per_step and no schedule the plateau's lr holds");
    rt_history_free(&h);
    cfg.schedule_per_step = 0;

    rt_sched_init(&cfg.schedule, RT_SCHED_STEP);
    int rc = rt_train(m, &tr, &va, &cfg, &h, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_ARG && strstr(err.msg, "plateau"),
          "reduce-on-plateau with a schedule is refused: %s", err.msg);
    rt_history_free(&h);
    rt_model_free(m);
}

static void test_clip(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtData d = tu_data(10, 4, 3, 17, 0);
    RtModel *m = tu_mlp(4, 3, 10, 0, 0, 8), *before = rt_model_clone(m, 10, NULL);
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_SGD, 1.0, 1, 10, 0);
    cfg.clip_value = 1e-3;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    int64_t n;
    float *p = rt_model_params(m, &n), *q = rt_model_params(before, NULL);
    double most = 0;
    for (int64_t i = 0; i < n; i++)
        most = fmax(most, fabs((double)p[i] - q[i]));
    CHECK(c, most <= 1.0001e-3 && most > 0.9e-3,
          "clip_value 1e-3 with lr 1: no weight moves more than 1e-3 (most "
          "%.6g)", most);
    rt_history_free(&h);
    rt_model_free(m);
    rt_model_free(before);
    tu_data_free(&d);
}

static void test_errors(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtError err = {0};
    RtData d = tu_data(20, 4, 3, 18, 0);
    RtModel *m = tu_mlp(4, 3, 8, 0, 0, 9);
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_ADAM, 1e-3, 1, 8, 1);

    RtData wrong = d;
    wrong.shape = rt_shape1(5);
    int rc = rt_train(m, &wrong, NULL, &cfg, &h, &err);
    CHECK(c, rc == -1 && err.code == RT_ERR_SHAPE && strstr(err.msg, "[5]") &&
          strstr(err.msg, "[4]") && h.epochs == 0 && h.loss == NULL,
          "data of the wrong shape: %s (history empty)", err.msg);
    rt_history_free(&h);

    ((float *)d.y)[6] = 3;
    rc = rt_train(m, &d, NULL, &cfg, &h, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "sample 6") && strstr(err.msg, "0..2"),
          "a class index out of range: %s", err.msg);
    rt_history_free(&h);
    ((float *)d.y)[6] = 1;

    cfg.batch = 9;
    rc = rt_train(m, &d, NULL, &cfg, &h, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "9") && strstr(err.msg, "8"),
          "a batch larger than the model was built for: %s", err.msg);
    rt_history_free(&h);
    cfg.batch = 8;

    cfg.early = (RtEarlyStop){.enabled = 1, .monitor = RT_METRIC_VAL_LOSS};
    rc = rt_train(m, &d, NULL, &cfg, &h, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "val_loss") &&
          strstr(err.msg, "no validation"),
          "early stopping on val_loss without validation data: %s", err.msg);
    rt_history_free(&h);

    cfg.early.monitor = RT_METRIC_ACCURACY;
    cfg.loss = RT_LOSS_MSE;
    rc = rt_train(m, &d, NULL, &cfg, &h, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "accuracy"),
          "an accuracy monitor with mse: %s", err.msg);
    rt_history_free(&h);
    cfg.early.enabled = 0;
    cfg.loss = RT_LOSS_CROSS_ENTROPY;

    cfg.val_split = 0.2;
    RtData one = tu_slice(&d, 0, 1);
    rc = rt_train(m, &one, NULL, &cfg, &h, &err);
    CHECK(c, rc == -1 && strstr(err.msg, "val_split"),
          "one sample cannot be split: %s", err.msg);
    rt_history_free(&h);
    rt_model_free(m);
    tu_data_free(&d);
}

/* ---- no allocation in the steps --------------------------------------------
 * The plain build counts malloc-family calls made while training, between
 * the first and the last batch callback, through glibc's __libc_*
 * entry points; the sanitizer build has its own allocator and skips this. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FX_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define FX_ASAN 1
#endif

#if !defined(FX_ASAN) && defined(__GLIBC__)
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);
static long alloc_count;
static int counting;

void *malloc(size_t n)
{
    alloc_count += counting;
    return __libc_malloc(n);
}
void *calloc(size_t a, size_t b)
{
    alloc_count += counting;
    return __libc_calloc(a, b);
}
void *realloc(void *p, size_t n)
{
    alloc_count += counting;
    return __libc_realloc(p, n);
}
void *aligned_alloc(size_t a, size_t n)
{
    alloc_count += counting;
    return __libc_memalign(a, n);
}
void free(void *p) { __libc_free(p); }

typedef struct Window {
    int64_t last;
} Window;

static int window_batch(void *ctx, const RtBatchInfo *b)
{
    const Window *w = ctx;
    counting = b->step < w->last;   /* from after step 1 to step `last` */
    return 0;
}

static void test_no_alloc(Checks *c)
{
    RtTrainConfig cfg;
    RtHistory h;
    RtData d = tu_data(70, 4, 3, 19, 0);
    RtLayerSpec l[] = {rt_layer_dense(16), rt_layer_batchnorm(), rt_layer_relu(),
                       rt_layer_dropout(0.2), rt_layer_dense(3)};
    l[0].l2 = 1e-3;
    RtShape in = rt_shape1(4);
    RtModel *m = rt_model_new(l, 5, &in, 16, TU_TORCH, NULL);
    rt_model_init(m, 1);
    RtThreads *th = rt_threads_new(2, NULL);
    Window w = {.last = 12};
    tu_config(&cfg, RT_LOSS_CROSS_ENTROPY, RT_OPT_ADAM, 1e-2, 3, 16, 1);
    cfg.val_split = 0.2;
    cfg.full_loss = 1;
    cfg.clip_norm = 1;
    cfg.early = (RtEarlyStop){.enabled = 1, .monitor = RT_METRIC_VAL_ACCURACY,
                              .patience = 9, .restore_best = 1};
    rt_sched_init(&cfg.schedule, RT_SCHED_COSINE);
    cfg.schedule_per_step = 1;
    cfg.threads = th;
    cfg.on_batch = window_batch;
    cfg.ctx = &w;
    alloc_count = 0;
    rt_train(m, &d, NULL, &cfg, &h, NULL);
    counting = 0;
    CHECK(c, h.steps == 12 && alloc_count == 0,
          "no allocation in 11 steps and 2 epoch ends (shuffle, validation "
          "split, full-data loss, dropout, batchnorm, L2, clipping, per-step "
          "schedule, early stopping with a best copy, 2 threads): %ld calls",
          alloc_count);
    rt_history_free(&h);
    rt_threads_free(th);
    rt_model_free(m);
    tu_data_free(&d);
}
#else
static void test_no_alloc(Checks *c)
{
    (void)c;
    printf("# allocation count skipped: sanitizer build\n");
}
#endif

int main(void)
{
    Checks c = {0};
    test_early_stopping(&c);
    test_early_max_mode(&c);
    test_checkpoint(&c);
    test_nan_stop(&c);
    test_resume(&c);
    test_interrupt(&c);
    test_steps_and_means(&c);
    test_schedules(&c);
    test_plateau(&c);
    test_clip(&c);
    test_errors(&c);
    test_no_alloc(&c);
    return checks_done(&c);
}
