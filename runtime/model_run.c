/* Running a sequential model: forward through every layer into the
 * preallocated activations, the loss (fused with a final sigmoid or softmax
 * where that is stable), backward accumulating into the flat gradients,
 * accuracy, the L2 penalty, NaN/inf checks and explicit dropout masks.
 * Nothing here allocates. Knows nothing of the fx language. */
#include <math.h>
#include <string.h>
#include "rt_internal.h"

#define STEP_MASK ((UINT64_C(1) << 40) - 1)

const float *rt_model_forward(RtModel *m, const float *x, int64_t batch,
                              RtMode mode, uint64_t step, RtError *err)
{
    if (!x || batch < 1 || batch > m->max_batch) {
        rt_error_set(err, RT_ERR_ARG, "batch of %lld does not fit the model "
                     "(1 to %lld samples)", (long long)batch,
                     (long long)m->max_batch);
        return NULL;
    }
    m->x = x;
    m->batch = batch;
    m->loss_from = -1;
    const float *in = x;
    for (int i = 0; i < m->nlayers; i++) {
        RtLayer *L = &m->layers[i];
        uint64_t sub = ((uint64_t)i << 40) | (step & STEP_MASK);
        if (rt_layer_forward(L, m->th, in, batch, mode, m->dropout_seed,
                             rt_stream(RT_STREAM_DROPOUT, sub), err) < 0) {
            m->batch = 0;
            return NULL;
        }
        in = L->act;
    }
    return in;
}

const float *rt_model_output(const RtModel *m)
{
    return m->layers[m->nlayers - 1].act;
}

const float *rt_model_layer_output(const RtModel *m, int i)
{
    return i >= 0 && i < m->nlayers ? m->layers[i].act : NULL;
}

int64_t rt_model_batch(const RtModel *m) { return m->batch; }

int rt_model_loss_layer(const RtModel *m, RtLossKind kind)
{
    RtLayerKind last = m->layers[m->nlayers - 1].spec.kind;
    if ((kind == RT_LOSS_BCE && last == RT_LAYER_SIGMOID) ||
        (kind == RT_LOSS_CROSS_ENTROPY && last == RT_LAYER_SOFTMAX))
        return m->nlayers - 2;
    return m->nlayers - 1;
}

int rt_model_fused(const RtModel *m, RtLossKind kind)
{
    return rt_model_loss_layer(m, kind) != m->nlayers - 1;
}

const float *rt_model_loss_input(const RtModel *m, RtLossKind kind)
{
    int li = rt_model_loss_layer(m, kind);
    return li >= 0 ? m->layers[li].act : m->x;
}

double rt_model_loss(RtModel *m, RtLossKind kind, const float *target,
                     RtError *err)
{
    char sb[RT_SHAPE_STR_SIZE];
    if (m->batch < 1 || !target) {
        rt_error_set(err, RT_ERR_ARG, "loss: no forward pass to take it from");
        return NAN;
    }
    int li = rt_model_loss_layer(m, kind);
    RtShape shape = li >= 0 ? m->layers[li].out : m->input;
    const float *z = li >= 0 ? m->layers[li].act : m->x;
    float *grad = li >= 0 ? m->layers[li].dact : NULL;
    if (kind == RT_LOSS_CROSS_ENTROPY && shape.ndim != 1) {
        rt_error_set(err, RT_ERR_SHAPE, "cross_entropy needs [classes] "
                     "outputs per sample, got %s",
                     rt_shape_str(&shape, sb, sizeof sb));
        return NAN;
    }
    RtLossKind eff = kind;
    if (rt_model_fused(m, kind) && kind == RT_LOSS_BCE)
        eff = RT_LOSS_BCE_LOGITS;
    double v = rt_loss(eff, z, target, m->batch, rt_shape_numel(&shape), grad,
                       err);
    m->loss_from = isnan(v) ? -1 : li;
    return v;
}

/* The lowest layer with parameters: backward need not go below it. */
static int first_trained(const RtModel *m)
{
    for (int i = 0; i < m->nlayers; i++)
        if (m->layers[i].nw + m->layers[i].nb > 0)
            return i;
    return m->nlayers;
}

static void backward_from(RtModel *m, int start)
{
    int stop = first_trained(m);
    for (int i = start; i >= stop; i--) {
        RtLayer *L = &m->layers[i];
        const float *x = i ? m->layers[i - 1].act : m->x;
        float *dx = NULL;
        if (i > stop) {
            dx = m->layers[i - 1].dact;
            memset(dx, 0, (size_t)(m->batch * L->in_n) * sizeof *dx);
        }
        rt_layer_backward(L, m->th, x, dx, m->batch);
    }
}

void rt_model_backward_loss(RtModel *m)
{
    if (m->batch < 1 || m->loss_from < 0)
        return;
    backward_from(m, m->loss_from);
    m->loss_from = -1;
}

void rt_model_backward(RtModel *m, const float *d_output)
{
    if (m->batch < 1 || !d_output)
        return;
    RtLayer *last = &m->layers[m->nlayers - 1];
    memcpy(last->dact, d_output, (size_t)(m->batch * last->out_n)
                                 * sizeof *d_output);
    backward_from(m, m->nlayers - 1);
    m->loss_from = -1;
}

void rt_model_zero_grads(RtModel *m)
{
    memset(m->grads, 0, (size_t)m->nparams * sizeof *m->grads);
}

int64_t rt_model_correct(const RtModel *m, RtLossKind kind,
                         const float *target)
{
    if (m->batch < 1 || !target)
        return 0;
    const RtLayer *last = &m->layers[m->nlayers - 1];
    float threshold = kind == RT_LOSS_BCE_LOGITS ? 0.0f : 0.5f;
    return rt_count_correct(last->act, target, m->batch, last->out_n,
                            threshold);
}

double rt_model_l2_penalty(const RtModel *m)
{
    double total = 0;
    for (int i = 0; i < m->nlayers; i++) {
        const RtLayer *L = &m->layers[i];
        if (L->spec.l2 == 0 || !L->w)
            continue;
        double s = 0;
        for (int64_t j = 0; j < L->nw; j++)
            s += (double)L->w[j] * L->w[j];
        total += L->spec.l2 * s;
    }
    return total;
}

void rt_model_l2_grad(RtModel *m)
{
    for (int i = 0; i < m->nlayers; i++) {
        RtLayer *L = &m->layers[i];
        if (L->spec.l2 == 0 || !L->w)
            continue;
        float k = (float)(2 * L->spec.l2);
        for (int64_t j = 0; j < L->nw; j++)
            L->dw[j] += k * L->w[j];
    }
}

static int all_finite(const float *a, int64_t n)
{
    if (!a)
        return 1;
    for (int64_t i = 0; i < n; i++)
        if (!isfinite(a[i]))
            return 0;
    return 1;
}

int rt_model_nonfinite(const RtModel *m, unsigned what)
{
    for (int i = 0; i < m->nlayers; i++) {
        const RtLayer *L = &m->layers[i];
        if ((what & RT_CHECK_PARAMS) &&
            (!all_finite(L->w, L->nw) || !all_finite(L->b, L->nb) ||
             !all_finite(L->buf, L->nbuf)))
            return i;
        if ((what & RT_CHECK_GRADS) &&
            (!all_finite(L->dw, L->nw) || !all_finite(L->db, L->nb)))
            return i;
        if ((what & RT_CHECK_ACTS) && m->batch > 0 &&
            !all_finite(L->act, m->batch * L->out_n))
            return i;
    }
    return -1;
}

int rt_model_set_dropout_mask(RtModel *m, int i, const float *keep,
                              int64_t count, RtError *err)
{
    if (i < 0 || i >= m->nlayers || m->layers[i].spec.kind != RT_LAYER_DROPOUT) {
        rt_error_set(err, RT_ERR_ARG, "layer %d is not a dropout layer", i);
        return -1;
    }
    RtLayer *L = &m->layers[i];
    if (!keep) {
        L->fixed_mask = 0;
        return 0;
    }
    if (count < 0 || count > L->nscratch) {
        rt_error_set(err, RT_ERR_ARG, "%s: a mask of %lld values does not fit "
                     "(at most %lld)", L->name, (long long)count,
                     (long long)L->nscratch);
        return -1;
    }
    for (int64_t j = 0; j < count; j++)
        if (keep[j] != 0.0f && keep[j] != 1.0f) {
            rt_error_set(err, RT_ERR_ARG, "%s: mask value %g at %lld is not 0 "
                         "or 1", L->name, (double)keep[j], (long long)j);
            return -1;
        }
    float scale = (float)(1.0 / (1.0 - L->spec.rate));
    for (int64_t j = 0; j < L->nscratch; j++)
        L->scratch[j] = j < count && keep[j] == 0.0f ? 0.0f : scale;
    L->fixed_mask = 1;
    return 0;
}
