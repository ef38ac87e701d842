/* `train m on data, solver: "lstsq"`: a model that is linear in its
 * parameters (optional polyfeat, then dense(1)) fitted in closed form by
 * the runtime's least squares, as scikit-learn's LinearRegression does.
 * The run has one "epoch": loss is the training MSE, val_loss the
 * validation MSE; the model's dense layer holds the fitted coefficients. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "exp_train.h"

/* The polyfeat layer (or NULL) and the dense layer of a linear model. */
static int linear_layers(TrainJob *j, const RtLayerSpec **poly, const RtLayerSpec **dense)
{
    const FxModel *m = j->m;
    int k = 0;
    *poly = NULL;
    if (m->n == 2 && m->layers[0].kind == RT_LAYER_POLYFEAT)
        *poly = &m->layers[k++];
    if (m->n != k + 1 || m->layers[k].kind != RT_LAYER_DENSE || m->layers[k].units != 1) {
        fx_error_at(j->I, j->n->a, "solver: \"lstsq\" fits a model made of one dense(1) layer, "
                    "or polyfeat(d) then dense(1), in closed form; model %s is not one",
                    m->name);
        return -1;
    }
    *dense = &m->layers[k];
    if (j->data->classes >= 2 || j->data->ydim != 1)
        return fx_error_at(j->I, j->n->b, "solver: \"lstsq\" needs regression data with one "
                           "target per sample");
    return 0;
}

/* The feature rows for d (polynomial features of its one column, or its
 * samples as they are); n rows of *width. */
static float *features(TrainJob *j, const FxDataset *d, const RtLayerSpec *poly, int64_t *width)
{
    int64_t f = rt_shape_numel(&d->shape);
    RtError e = fx_std_rt_err(j->I);
    if (poly && f != 1) {
        fx_error_at(j->I, j->n->b, "polyfeat needs samples with one value, these have %lld",
                    (long long)f);
        return NULL;
    }
    *width = poly ? poly->degree : f;
    float *x = rt_alloc(d->n * *width, sizeof *x, "features", &e);
    if (!x) {
        fx_rt_error(j->I, j->n->span, &e);
        return NULL;
    }
    if (poly)
        rt_polyfeat_forward(x, d->x, d->n, poly->degree, 0);
    else
        memcpy(x, d->x, (size_t)(d->n * f) * sizeof *x);
    return x;
}

static double mse_of(const RtLstsq *fit, const float *x, const FxDataset *d)
{
    double s = 0;
    float *p = fx_xmalloc((size_t)d->n * sizeof *p);
    rt_lstsq_predict_f32(fit, x, (size_t)d->n, p);
    for (int64_t i = 0; i < d->n; i++)
        s += ((double)p[i] - d->y[i]) * ((double)p[i] - d->y[i]);
    free(p);
    return d->n ? s / (double)d->n : NAN;
}

/* Puts the fitted coefficients into the model's dense layer. */
static void set_weights(RtModel *rm, const RtLstsq *fit, int dense_index)
{
    char name[48];
    RtNamedTensor t;
    snprintf(name, sizeof name, "layers.%d.weight", dense_index);
    if (rt_model_find_tensor(rm, name, &t) == 0)
        for (int64_t i = 0; i < t.count && i < (int64_t)fit->nfeat; i++)
            t.data[i] = (float)fit->coef[i];
    snprintf(name, sizeof name, "layers.%d.bias", dense_index);
    if (rt_model_find_tensor(rm, name, &t) == 0)
        t.data[0] = (float)fit->intercept;
}

static double *one(double x)
{
    RtError e = {0};
    double *p = rt_alloc(1, sizeof *p, "history", &e);
    if (p)
        p[0] = x;
    return p;
}

static FxValue lstsq_run(TrainJob *j, RtModel *rm, double train_mse, double val_mse,
                         double seconds)
{
    FxInterp *I = j->I;
    FxRun *r = fx_xcalloc(1, sizeof *r);
    r->h.epochs = 1;
    r->h.loss = one(train_mse);
    r->h.accuracy = one(NAN);
    r->h.val_loss = one(val_mse);
    r->h.val_accuracy = one(NAN);
    r->h.lr = one(NAN);
    r->h.best_epoch = 0;
    r->h.seconds = seconds;
    r->loss = RT_LOSS_MSE;
    r->has_val = j->val != NULL;
    snprintf(r->label, sizeof r->label, "%s", j->label[0] ? j->label : fx_std(I)->label);
    snprintf(r->status, sizeof r->status, "ok");
    FxModel *copy = fx_model_copy(j->m);
    copy->weights = rm;
    copy->input = j->data->shape;
    r->model = fx_model_value(I, copy);
    if (!I->opt.quiet && j->log != 2) {
        fprintf(I->out, "least squares: train mse %.6g", train_mse);
        if (j->val)
            fprintf(I->out, "  val mse %.6g", val_mse);
        fputc('\n', I->out);
    }
    return fx_foreign_new(&I->heap, &fx_run_type, r);
}

int fx_train_lstsq(TrainJob *j, FxValue *out)
{
    const RtLayerSpec *poly, *dense;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (linear_layers(j, &poly, &dense))
        return -1;
    int64_t w = 0, wv = 0;
    float *x = features(j, j->data, poly, &w), *xv = NULL;
    if (!x || (j->val && !(xv = features(j, j->val, poly, &wv)))) {
        rt_free(x);
        return -1;
    }
    RtLstsq fit = {0};
    RtError e = fx_std_rt_err(j->I);
    int rc = -1;
    RtModel *rm = NULL;
    if (rt_lstsq_fit_f32(&fit, x, j->data->y, (size_t)j->data->n, (size_t)w, !dense->no_bias, &e))
        fx_rt_error(j->I, j->n->span, &e);
    else if ((rm = fx_model_build(j->I, j->m, &j->data->shape, 1, j->n->b->span)) != NULL) {
        set_weights(rm, &fit, j->m->n - 1);
        *out = lstsq_run(j, rm, mse_of(&fit, x, j->data), xv ? mse_of(&fit, xv, j->val) : NAN,
                         seconds_since(&t0));
        rc = 0;
    }
    if (fit.coef)
        rt_lstsq_free(&fit);
    rt_free(x);
    rt_free(xv);
    return rc;
}
