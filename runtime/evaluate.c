/* Evaluation and prediction: a model's loss and accuracy on a data set in
 * eval mode, its outputs for a set of samples, and the pieces the training
 * loop shares with them (views of a data set through an index list, batch
 * gathering, accuracy counting, checks that data fits a model). Nothing
 * here allocates. Knows nothing of the fx language. */
#include <math.h>
#include <string.h>
#include "rt_train_internal.h"

RtView rt_view_all(const RtData *d)
{
    RtView v = {.d = d, .idx = NULL, .off = 0, .n = d->n,
                .in_n = rt_shape_numel(&d->shape)};
    return v;
}

void rt_view_batch(const RtView *v, const int64_t *pos, int64_t lo,
                   int64_t size, float *xbuf, float *ybuf, const float **x,
                   const float **y)
{
    const RtData *d = v->d;
    if (!pos && !v->idx) {
        *x = d->x + (v->off + lo) * v->in_n;
        *y = d->y + (v->off + lo) * d->ydim;
        return;
    }
    for (int64_t j = 0; j < size; j++) {
        int64_t p = pos ? pos[lo + j] : lo + j;
        int64_t s = v->off + (v->idx ? v->idx[p] : p);
        memcpy(xbuf + j * v->in_n, d->x + s * v->in_n,
               (size_t)v->in_n * sizeof *xbuf);
        memcpy(ybuf + j * d->ydim, d->y + s * d->ydim,
               (size_t)d->ydim * sizeof *ybuf);
    }
    *x = xbuf;
    *y = ybuf;
}

int rt_loss_classifies(RtLossKind loss)
{
    return loss == RT_LOSS_CROSS_ENTROPY || loss == RT_LOSS_BCE ||
           loss == RT_LOSS_BCE_LOGITS;
}

double rt_batch_correct(const RtModel *m, RtLossKind loss, const float *y,
                        int64_t size)
{
    RtShape os = rt_model_output_shape(m);
    int64_t dim = rt_shape_numel(&os);
    const float *out = rt_model_output(m);
    if (loss == RT_LOSS_CROSS_ENTROPY)
        return (double)rt_count_correct(out, y, size, dim, 0.5f);
    if (loss == RT_LOSS_BCE || loss == RT_LOSS_BCE_LOGITS) {
        float threshold = loss == RT_LOSS_BCE_LOGITS ? 0.0f : 0.5f;
        return (double)rt_count_correct(out, y, size * dim, 1, threshold) /
               (double)dim;
    }
    return 0;
}

static int check_targets(const RtData *d, RtLossKind loss, int64_t classes,
                         const char *what, RtError *err)
{
    int64_t count = d->n * d->ydim;
    for (int64_t i = 0; i < count; i++) {
        float t = d->y[i];
        long long s = (long long)(i / d->ydim);
        if (loss == RT_LOSS_CROSS_ENTROPY &&
            !(t >= 0 && t < (float)classes && t == floorf(t))) {
            rt_error_set(err, RT_ERR_ARG, "%s: target %g of sample %lld is "
                         "not a class index in 0..%lld", what, (double)t, s,
                         (long long)classes - 1);
            return -1;
        }
        if ((loss == RT_LOSS_BCE || loss == RT_LOSS_BCE_LOGITS) &&
            !(t >= 0 && t <= 1)) {
            rt_error_set(err, RT_ERR_ARG, "%s: target %g of sample %lld is "
                         "not in [0, 1] as binary_cross_entropy needs", what,
                         (double)t, s);
            return -1;
        }
        if (!isfinite(t)) {
            rt_error_set(err, RT_ERR_ARG, "%s: target of sample %lld is %g",
                         what, s, (double)t);
            return -1;
        }
    }
    return 0;
}

int rt_data_check(const RtModel *m, const RtData *d, RtLossKind loss,
                  const char *what, RtError *err)
{
    char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE];
    RtShape in = rt_model_input_shape(m), out = rt_model_output_shape(m);
    int64_t outs = rt_shape_numel(&out);
    if ((unsigned)loss > RT_LOSS_BCE_LOGITS) {
        rt_error_set(err, RT_ERR_ARG, "unknown loss kind %d", (int)loss);
        return -1;
    }
    if (d->n < 0 || (d->n > 0 && (!d->x || !d->y))) {
        rt_error_set(err, RT_ERR_ARG, "%s: %lld samples without arrays", what,
                     (long long)d->n);
        return -1;
    }
    if (!rt_shape_equal(&d->shape, &in)) {
        rt_error_set(err, RT_ERR_SHAPE, "%s has samples of shape %s, the model "
                     "takes %s", what, rt_shape_str(&d->shape, a, sizeof a),
                     rt_shape_str(&in, b, sizeof b));
        return -1;
    }
    int64_t want = loss == RT_LOSS_CROSS_ENTROPY ? 1 : outs;
    if (d->ydim != want) {
        if (loss == RT_LOSS_CROSS_ENTROPY)
            rt_error_set(err, RT_ERR_SHAPE, "%s: cross_entropy takes one class "
                         "index per sample, the targets have %lld values",
                         what, (long long)d->ydim);
        else
            rt_error_set(err, RT_ERR_SHAPE, "%s: the model gives %lld outputs "
                         "per sample, the targets have %lld", what,
                         (long long)outs, (long long)d->ydim);
        return -1;
    }
    return check_targets(d, loss, outs, what, err);
}

/* The batch to evaluate in: `batch`, or the model's max when 0. */
static int eval_batch(const RtModel *m, int64_t batch, int64_t *out,
                      RtError *err)
{
    int64_t mb = rt_model_max_batch(m);
    if (batch < 0 || batch > mb) {
        rt_error_set(err, RT_ERR_ARG, "batch of %lld does not fit the model "
                     "(1 to %lld samples)", (long long)batch, (long long)mb);
        return -1;
    }
    *out = batch ? batch : mb;
    return 0;
}

int rt_eval_view(RtModel *m, const RtView *v, RtLossKind loss, int64_t batch,
                 float *xbuf, float *ybuf, double *loss_out, double *acc_out,
                 RtError *err)
{
    double sum = 0, correct = 0;
    for (int64_t lo = 0; lo < v->n; lo += batch) {
        int64_t size = v->n - lo < batch ? v->n - lo : batch;
        const float *x, *y;
        rt_view_batch(v, NULL, lo, size, xbuf, ybuf, &x, &y);
        if (!rt_model_forward(m, x, size, RT_EVAL, 0, err))
            return -1;
        RtError le = {0};
        double l = rt_model_loss(m, loss, y, &le);
        if (le.code != RT_OK) {
            if (err)
                rt_error_copy(err, &le);
            return -1;
        }
        sum += l * (double)size;
        correct += rt_batch_correct(m, loss, y, size);
    }
    double n = (double)v->n;
    *loss_out = v->n ? sum / n + rt_model_l2_penalty(m) : NAN;
    *acc_out = v->n && rt_loss_classifies(loss) ? correct / n : NAN;
    return 0;
}

int rt_evaluate(RtModel *m, const RtData *d, RtLossKind loss, int64_t batch,
                double *loss_out, double *accuracy_out, RtError *err)
{
    double l = NAN, a = NAN;
    int64_t b;
    if (!m || !d) {
        rt_error_set(err, RT_ERR_ARG, "evaluate: no model or no data");
        return -1;
    }
    if (rt_data_check(m, d, loss, "evaluation data", err) < 0 ||
        eval_batch(m, batch, &b, err) < 0)
        return -1;
    if (d->n < 1) {
        rt_error_set(err, RT_ERR_ARG, "evaluate: the data set is empty");
        return -1;
    }
    RtView v = rt_view_all(d);
    if (rt_eval_view(m, &v, loss, b, NULL, NULL, &l, &a, err) < 0)
        return -1;
    if (loss_out)
        *loss_out = l;
    if (accuracy_out)
        *accuracy_out = a;
    return 0;
}

int rt_predict(RtModel *m, const float *x, int64_t n, int64_t batch,
               float *out, RtError *err)
{
    int64_t b;
    if (!m || n < 0 || (n > 0 && (!x || !out))) {
        rt_error_set(err, RT_ERR_ARG, "predict: no model, or %lld samples "
                     "without arrays", (long long)n);
        return -1;
    }
    if (eval_batch(m, batch, &b, err) < 0)
        return -1;
    RtShape is = rt_model_input_shape(m), os = rt_model_output_shape(m);
    int64_t in_n = rt_shape_numel(&is), out_n = rt_shape_numel(&os);
    for (int64_t lo = 0; lo < n; lo += b) {
        int64_t size = n - lo < b ? n - lo : b;
        const float *y = rt_model_forward(m, x + lo * in_n, size, RT_EVAL, 0,
                                          err);
        if (!y)
            return -1;
        memcpy(out + lo * out_n, y, (size_t)(size * out_n) * sizeof *out);
    }
    return 0;
}
