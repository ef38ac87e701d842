/* Whole training runs of rt_train against PyTorch's (the files
 * tests/fixtures/rt_train_*.safetensors written by
 * tests/fixtures/gen_rt_train.py, whose docstring describes the four cases
 * and the file format): the same initial weights (read with
 * rt_weights_load from a file Python wrote), the same data, the same
 * settings; every step's loss must agree within 1e-4 relative, and so must
 * the epoch means, the validation losses, the learning rates, and the
 * final weights (1e-4 of the tensor's largest value). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "rt_train_internal.h"

#define DIR "tests/fixtures/"
#define TOL_LOSS 1e-4
#define TOL_WEIGHTS 1e-4

typedef struct Case {
    const char *name;
    RtStFile    f;
    char        path[128];
    int         ok;
} Case;

static int case_open(Case *k, const char *name)
{
    RtError err = {0};
    k->name = name;
    snprintf(k->path, sizeof k->path, DIR "rt_train_%s.safetensors", name);
    k->ok = rt_st_open(&k->f, k->path, &err) == 0;
    if (!k->ok)
        printf("# %s\n", err.msg);
    return k->ok;
}

/* A tensor of the reference file (malloc'd), or NULL. */
static float *get(Case *k, const char *name, int64_t *count)
{
    RtError err = {0};
    const RtStEntry *e = k->ok ? rt_st_find(&k->f, name) : NULL;
    if (!e) {
        printf("# %s: no tensor %s\n", k->path, name);
        return NULL;
    }
    float *v = malloc((size_t)(e->count ? e->count : 1) * sizeof *v);
    if (rt_st_read_f32(&k->f, e, v, k->path, &err) < 0) {
        printf("# %s\n", err.msg);
        free(v);
        return NULL;
    }
    if (count)
        *count = e->count;
    return v;
}

/* Per element |got - want| <= tol * |want| (+ atol); prints the worst. */
static void cmp_rel(Checks *c, Case *k, const char *what, const double *got,
                    int64_t n, const char *ref, double tol, double atol)
{
    int64_t rn = 0;
    float *want = get(k, ref, &rn);
    double worst = 0;
    int ok = want && rn == n;
    for (int64_t i = 0; ok && i < n; i++) {
        double e = fabs(got[i] - want[i]);
        double r = e / (fabs(want[i]) > 0 ? fabs(want[i]) : 1);
        ok &= e <= atol + tol * fabs(want[i]);
        worst = r > worst ? r : worst;
    }
    CHECK(c, ok, "%s: %s, %lld values, max rel err %.2e (tol %.0e)", k->name,
          what, (long long)n, worst, tol);
    free(want);
}

/* Every named tensor of m against final.<name>: max |diff| / max |want|. */
static void cmp_final(Checks *c, Case *k, RtModel *m)
{
    double worst = 0;
    int ok = 1;
    for (int i = 0; i < rt_model_tensor_count(m); i++) {
        RtNamedTensor t;
        char name[80];
        int64_t n = 0;
        rt_model_tensor(m, i, &t);
        snprintf(name, sizeof name, "final.%s", t.name);
        float *want = get(k, name, &n);
        ok &= want && n == t.count;
        double e = 0, s = 0;
        for (int64_t j = 0; want && n == t.count && j < n; j++) {
            e = fmax(e, fabs((double)t.data[j] - want[j]));
            s = fmax(s, fabs(want[j]));
        }
        e /= s > 0 ? s : 1;
        if (e > TOL_WEIGHTS)
            printf("# %s: %s differs by %.2e of its largest value\n",
                   k->name, t.name, e);
        worst = fmax(worst, e);
        free(want);
    }
    CHECK(c, ok && worst <= TOL_WEIGHTS, "%s: final weights (%d tensors), max "
          "err %.2e of each tensor's largest value", k->name,
          rt_model_tensor_count(m), worst);
}

static RtModel *build(Checks *c, Case *k, const RtLayerSpec *l, int nl,
                      RtShape in, int64_t max_batch)
{
    RtError err = {0};
    char path[128];
    RtModel *m = rt_model_new(l, nl, &in, max_batch, (RtInit){RT_INIT_TORCH, 0},
                              &err);
    snprintf(path, sizeof path, DIR "rt_train_%s_init.safetensors", k->name);
    int ok = m && rt_weights_load(m, path, &err) == 0;
    CHECK(c, ok, "%s: model built, PyTorch's initial weights loaded from a "
          "file Python wrote%s%s", k->name, ok ? "" : ": ", ok ? "" : err.msg);
    if (!ok) {
        rt_model_free(m);
        return NULL;
    }
    return m;
}

/* Trains and compares everything the reference file has. */
static void run_case(Checks *c, Case *k, RtModel *m, const RtTrainConfig *cfg,
                     RtShape xs, int64_t ydim, int has_val)
{
    RtError err = {0};
    RtHistory h;
    int64_t n = 0, vn = 0;
    float *x = get(k, "x", &n), *y = get(k, "y", NULL);
    float *vx = has_val ? get(k, "val_x", &vn) : NULL;
    float *vy = has_val ? get(k, "val_y", NULL) : NULL;
    int64_t per = rt_shape_numel(&xs);
    RtData tr = {x, y, n / per, xs, ydim};
    RtData va = {vx, vy, vn / per, xs, ydim};
    int rc = rt_train(m, &tr, has_val ? &va : NULL, cfg, &h, &err);
    CHECK(c, rc == 0 && !h.diverged && !h.interrupted, "%s: trains (%lld "
          "epochs, %lld steps)%s%s", k->name, (long long)h.epochs,
          (long long)h.steps, rc ? ": " : "", rc ? err.msg : "");
    if (rc == 0) {
        cmp_rel(c, k, "loss of every step", h.batch_loss, h.steps,
                "batch_loss", TOL_LOSS, 0);
        cmp_rel(c, k, "accuracy of every step", h.batch_accuracy, h.steps,
                "batch_accuracy", 0, 1e-6);
        cmp_rel(c, k, "epoch loss (sample-weighted)", h.loss, h.epochs,
                "epoch_loss", TOL_LOSS, 0);
        cmp_rel(c, k, "epoch accuracy", h.accuracy, h.epochs,
                "epoch_accuracy", 0, 1e-6);
        cmp_rel(c, k, "validation loss per epoch", h.val_loss, h.epochs,
                "val_loss", TOL_LOSS, 0);
        cmp_rel(c, k, "validation accuracy per epoch", h.val_accuracy,
                h.epochs, "val_accuracy", 0, 1e-6);
        cmp_rel(c, k, "learning rate per epoch", h.lr, h.epochs, "lr", 1e-6,
                0);
        cmp_final(c, k, m);
    }
    rt_history_free(&h);
    free(x), free(y), free(vx), free(vy);
}

static void base_config(RtTrainConfig *cfg, RtOptimKind opt, double lr,
                        int64_t epochs, int64_t batch)
{
    rt_train_defaults(cfg);
    rt_optim_defaults(&cfg->optim, opt);
    cfg->optim.lr = lr;
    cfg->epochs = epochs;
    cfg->batch = batch;
    cfg->shuffle = 0;
}

static void mlp_sgd(Checks *c)
{
    Case k;
    RtLayerSpec l[] = {rt_layer_dense(16), rt_layer_relu(), rt_layer_dense(3)};
    RtModel *m = case_open(&k, "mlp_sgd") ? build(c, &k, l, 3, rt_shape1(5), 16)
                                          : NULL;
    if (m) {
        RtTrainConfig cfg;
        base_config(&cfg, RT_OPT_SGD, 0.1, 4, 16);
        cfg.optim.momentum = 0.9;
        cfg.optim.weight_decay = 1e-3;
        rt_sched_init(&cfg.schedule, RT_SCHED_STEP);
        cfg.schedule.step_size = 2;
        cfg.schedule.gamma = 0.5;
        cfg.clip_norm = 1.0;
        run_case(c, &k, m, &cfg, rt_shape1(5), 1, 1);
    }
    CHECK(c, m != NULL, "mlp_sgd case ran");
    rt_model_free(m);
    rt_st_close(&k.f);
}

static void cnn_adam(Checks *c)
{
    Case k;
    RtLayerSpec l[] = {
        rt_layer_conv2d(16, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_conv2d(32, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_flatten(), rt_layer_dense(10)};
    RtShape in = rt_shape3(3, 16, 16);
    RtModel *m = case_open(&k, "cnn_adam") ? build(c, &k, l, 8, in, 8) : NULL;
    if (m) {
        RtTrainConfig cfg;
        base_config(&cfg, RT_OPT_ADAM, 1e-3, 3, 8);
        run_case(c, &k, m, &cfg, in, 1, 1);
    }
    CHECK(c, m != NULL, "cnn_adam case ran");
    rt_model_free(m);
    rt_st_close(&k.f);
}

static void bce_rmsprop_l2(Checks *c)
{
    Case k;
    RtLayerSpec l[] = {rt_layer_dense(12), rt_layer_relu(), rt_layer_dense(1),
                       rt_layer_sigmoid()};
    l[0].l2 = l[2].l2 = 0.01;
    RtModel *m = case_open(&k, "bce_rmsprop_l2")
        ? build(c, &k, l, 4, rt_shape1(10), 12) : NULL;
    if (m) {
        RtTrainConfig cfg;
        base_config(&cfg, RT_OPT_RMSPROP, 0.01, 3, 12);
        cfg.loss = RT_LOSS_BCE;
        rt_sched_init(&cfg.schedule, RT_SCHED_EXPONENTIAL);
        cfg.schedule.gamma = 0.9;
        cfg.schedule_per_step = 1;
        cfg.val_split = 0.2;
        run_case(c, &k, m, &cfg, rt_shape1(10), 1, 0);
    }
    CHECK(c, m != NULL, "bce_rmsprop_l2 case ran");
    rt_model_free(m);
    rt_st_close(&k.f);
}

static void bn_dropout(Checks *c)
{
    Case k;
    RtError err = {0};
    RtLayerSpec l[] = {rt_layer_dense(16), rt_layer_batchnorm(), rt_layer_relu(),
                       rt_layer_dropout(0.5), rt_layer_dense(3)};
    l[0].no_bias = 1;   /* see gen_rt_train.py: no bias before batchnorm */
    RtModel *m = case_open(&k, "bn_dropout") ? build(c, &k, l, 5, rt_shape1(6), 12)
                                             : NULL;
    int64_t nk = 0;
    float *keep = m ? get(&k, "keep", &nk) : NULL;
    int ok = keep && rt_model_set_dropout_mask(m, 3, keep, nk, &err) == 0;
    CHECK(c, ok, "bn_dropout: PyTorch's keep-mask fed to the dropout layer%s%s",
          ok ? "" : ": ", ok ? "" : err.msg);
    if (ok) {
        RtTrainConfig cfg;
        base_config(&cfg, RT_OPT_ADAM, 0.01, 3, 12);
        run_case(c, &k, m, &cfg, rt_shape1(6), 1, 1);
    }
    free(keep);
    rt_model_free(m);
    rt_st_close(&k.f);
}

int main(void)
{
    Checks c = {0};
    mlp_sgd(&c);
    cnn_adam(&c);
    bce_rmsprop_l2(&c);
    bn_dropout(&c);
    return checks_done(&c);
}
