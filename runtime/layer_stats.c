/* Per-layer evidence for diagnosis (RtLayerStats in rt.h): gradient
 * norms, effective steps, dead ReLU units and saturated sigmoid / tanh
 * outputs, read from the live buffers of one training step an epoch. The
 * training loop (train.c) says when; nothing here runs unless
 * layer_stats is on. Knows nothing of the fx language. */
#include <math.h>
#include "rt_internal.h"
#include "rt_train_internal.h"

int rt_layer_stats_alloc(RtLayerStats *s, const RtModel *m, int64_t epochs,
                         RtError *err)
{
    int64_t n = epochs * m->nlayers;
    double **arr[] = {&s->grad_norm, &s->step, &s->dead, &s->saturated};
    s->layers = m->nlayers;
    s->batch = 0;
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) {
        if (!(*arr[i] = rt_alloc(n, sizeof(double), "layer statistics", err)))
            return -1;
        for (int64_t k = 0; k < n; k++)
            (*arr[i])[k] = NAN;
    }
    return 0;
}

void rt_layer_stats_free(RtLayerStats *s)
{
    rt_free(s->grad_norm);
    rt_free(s->step);
    rt_free(s->dead);
    rt_free(s->saturated);
    memset(s, 0, sizeof *s);
}

static double sum_sq(const float *x, int64_t n)
{
    double s = 0;
    for (int64_t i = 0; i < n; i++)
        s += (double)x[i] * x[i];
    return s;
}

/* The share of relu units that are 0 for every one of n samples, in
 * blocks of units so that each sample's row is read in order. */
static double dead_share(const float *y, int64_t n, int64_t units)
{
    enum { BLOCK = 512 };
    unsigned char alive[BLOCK];
    int64_t dead = 0;
    for (int64_t j0 = 0; j0 < units; j0 += BLOCK) {
        int64_t w = units - j0 < BLOCK ? units - j0 : BLOCK;
        memset(alive, 0, (size_t)w);
        for (int64_t b = 0; b < n; b++) {
            const float *row = y + b * units + j0;
            for (int64_t j = 0; j < w; j++)
                alive[j] |= row[j] != 0.0f;
        }
        for (int64_t j = 0; j < w; j++)
            dead += !alive[j];
    }
    return units ? (double)dead / (double)units : NAN;
}

static double saturated_share(RtLayerKind kind, const float *y, int64_t count)
{
    int64_t sat = 0;
    for (int64_t i = 0; i < count; i++)
        sat += kind == RT_LAYER_TANH ? fabsf(y[i]) > 0.99f
                                     : (y[i] < 0.01f) | (y[i] > 0.99f);
    return count ? (double)sat / (double)count : NAN;
}

void rt_layer_stats_acts(RtLayerStats *s, const RtModel *m, int64_t e)
{
    int64_t n = m->batch;
    s->batch = n;
    for (int i = 0; i < m->nlayers; i++) {
        const RtLayer *L = &m->layers[i];
        RtLayerKind k = L->spec.kind;
        if (k == RT_LAYER_RELU)
            s->dead[e * s->layers + i] = dead_share(L->act, n, L->out_n);
        else if (k == RT_LAYER_SIGMOID || k == RT_LAYER_TANH)
            s->saturated[e * s->layers + i] = saturated_share(k, L->act,
                                                              n * L->out_n);
    }
}

void rt_layer_stats_grads(RtLayerStats *s, const RtModel *m, int64_t e)
{
    for (int i = 0; i < m->nlayers; i++) {
        const RtLayer *L = &m->layers[i];
        if (L->nw + L->nb > 0)
            s->grad_norm[e * s->layers + i] =
                sqrt(sum_sq(L->dw, L->nw) + (L->nb ? sum_sq(L->db, L->nb) : 0));
    }
}

void rt_layer_stats_keep(const RtModel *m, float *before)
{
    memcpy(before, m->params, (size_t)m->nparams * sizeof *before);
}

/* ||x - y||^2 over n values. */
static double diff_sq(const float *x, const float *y, int64_t n)
{
    double s = 0;
    for (int64_t i = 0; i < n; i++) {
        double d = (double)x[i] - y[i];
        s += d * d;
    }
    return s;
}

void rt_layer_stats_steps(RtLayerStats *s, const RtModel *m,
                          const float *before, int64_t e)
{
    for (int i = 0; i < m->nlayers; i++) {
        const RtLayer *L = &m->layers[i];
        if (L->nw + L->nb == 0)
            continue;
        double d = 0, n0 = 0;
        if (L->nw) {
            const float *w0 = before + (L->w - m->params);
            d = diff_sq(L->w, w0, L->nw);
            n0 = sum_sq(w0, L->nw);
        }
        if (L->nb) {
            const float *b0 = before + (L->b - m->params);
            d += diff_sq(L->b, b0, L->nb);
            n0 += sum_sq(b0, L->nb);
        }
        s->step[e * s->layers + i] = n0 > 0 ? sqrt(d / n0)
                                   : d > 0 ? INFINITY : NAN;
    }
}
