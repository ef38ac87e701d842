/* Optimizers (sgd, adam, adamw, rmsprop, adagrad) over one flat float
 * parameter array and its gradient, with PyTorch's update rules (see the
 * rt-optim section of rt.h). The struct and its state are one allocation
 * made at creation; a step allocates nothing. Knows nothing of the fx
 * language.
 *
 * Each kernel does its arithmetic in float32 in the same order as
 * torch.optim's single-tensor path (coefficients computed in double, then
 * rounded to float as PyTorch's scalar arguments are), so results agree
 * with PyTorch to a few ulps. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rt.h"

struct RtOptim {
    RtOptimConfig cfg;
    double  lr;          /* current learning rate */
    int64_t t;           /* steps taken since creation or reset */
    size_t  n;           /* parameters */
    size_t  nslots;      /* state arrays of n floats each */
    float   state[];     /* nslots * n floats */
};

void rt_optim_defaults(RtOptimConfig *c, RtOptimKind kind)
{
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->beta1 = 0.9;
    c->beta2 = 0.999;
    c->eps = 1e-8;
    c->alpha = 0.99;
    switch (kind) {
    case RT_OPT_SGD:     c->lr = 1e-3; break;
    case RT_OPT_ADAM:    c->lr = 1e-3; break;
    case RT_OPT_ADAMW:   c->lr = 1e-3; c->weight_decay = 1e-2; break;
    case RT_OPT_RMSPROP: c->lr = 1e-2; break;
    case RT_OPT_ADAGRAD: c->lr = 1e-2; c->eps = 1e-10; break;
    }
}

const char *rt_optim_name(RtOptimKind kind)
{
    switch (kind) {
    case RT_OPT_SGD:     return "sgd";
    case RT_OPT_ADAM:    return "adam";
    case RT_OPT_ADAMW:   return "adamw";
    case RT_OPT_RMSPROP: return "rmsprop";
    case RT_OPT_ADAGRAD: return "adagrad";
    }
    return "?";
}

/* How many n-long state arrays `c` needs. */
static size_t state_slots(const RtOptimConfig *c)
{
    switch (c->kind) {
    case RT_OPT_SGD:     return c->momentum != 0 ? 1 : 0;
    case RT_OPT_ADAM:
    case RT_OPT_ADAMW:   return c->amsgrad ? 3 : 2;
    case RT_OPT_RMSPROP: return 1 + (c->momentum > 0) + (c->centered != 0);
    case RT_OPT_ADAGRAD: return 1;
    }
    return 0;
}

/* `!(v >= lo)` so that NaN fails too. */
static int check_min(const char *kind, const char *name, double v, double lo,
                     RtError *err)
{
    if (!(v >= lo) || isinf(v)) {
        rt_error_set(err, RT_ERR_ARG, "%s: %s must be a finite number >= %g, "
                     "got %g", kind, name, lo, v);
        return -1;
    }
    return 0;
}

static int check_beta(const char *kind, const char *name, double v,
                      RtError *err)
{
    if (!(v >= 0 && v < 1)) {
        rt_error_set(err, RT_ERR_ARG, "%s: %s must be in [0, 1), got %g",
                     kind, name, v);
        return -1;
    }
    return 0;
}

static int check_config(const RtOptimConfig *c, RtError *err)
{
    const char *k = rt_optim_name(c->kind);
    if (strcmp(k, "?") == 0) {
        rt_error_set(err, RT_ERR_ARG, "unknown optimizer kind %d",
                     (int)c->kind);
        return -1;
    }
    if (check_min(k, "lr", c->lr, 0, err) ||
        check_min(k, "weight_decay", c->weight_decay, 0, err))
        return -1;
    switch (c->kind) {
    case RT_OPT_SGD:
        if (check_min(k, "momentum", c->momentum, 0, err) ||
            check_min(k, "dampening", c->dampening, -INFINITY, err))
            return -1;
        if (c->nesterov && (c->momentum <= 0 || c->dampening != 0)) {
            rt_error_set(err, RT_ERR_ARG, "sgd: nesterov momentum needs "
                         "momentum > 0 and dampening 0");
            return -1;
        }
        return 0;
    case RT_OPT_ADAM:
    case RT_OPT_ADAMW:
        return check_beta(k, "beta1", c->beta1, err) ||
               check_beta(k, "beta2", c->beta2, err) ||
               check_min(k, "eps", c->eps, 0, err) ? -1 : 0;
    case RT_OPT_RMSPROP:
        return check_min(k, "alpha", c->alpha, 0, err) ||
               check_min(k, "eps", c->eps, 0, err) ||
               check_min(k, "momentum", c->momentum, 0, err) ? -1 : 0;
    case RT_OPT_ADAGRAD:
        return check_min(k, "lr_decay", c->lr_decay, 0, err) ||
               check_min(k, "initial_accumulator", c->initial_accumulator,
                         0, err) ||
               check_min(k, "eps", c->eps, 0, err) ? -1 : 0;
    }
    return 0;
}

RtOptim *rt_optim_new(const RtOptimConfig *c, size_t nparams, RtError *err)
{
    if (!c) {
        rt_error_set(err, RT_ERR_ARG, "no optimizer configuration");
        return NULL;
    }
    if (check_config(c, err))
        return NULL;
    size_t slots = state_slots(c);
    size_t room = (SIZE_MAX - sizeof(RtOptim)) / sizeof(float);
    if (slots && nparams > room / slots) {
        rt_error_set(err, RT_ERR_NOMEM, "%s: state for %zu parameters is too "
                     "large", rt_optim_name(c->kind), nparams);
        return NULL;
    }
    size_t bytes = sizeof(RtOptim) + slots * nparams * sizeof(float);
    RtOptim *o = malloc(bytes);
    if (!o) {
        rt_error_set(err, RT_ERR_NOMEM, "%s: cannot allocate %zu bytes of "
                     "optimizer state", rt_optim_name(c->kind), bytes);
        return NULL;
    }
    o->cfg = *c;
    o->n = nparams;
    o->nslots = slots;
    o->lr = c->lr;
    rt_optim_reset(o);
    return o;
}

void rt_optim_reset(RtOptim *o)
{
    o->t = 0;
    size_t total = o->nslots * o->n;
    memset(o->state, 0, total * sizeof(float));
    if (o->cfg.kind == RT_OPT_ADAGRAD) {
        float init = (float)o->cfg.initial_accumulator;
        for (size_t i = 0; i < o->n; i++)
            o->state[i] = init;
    }
}

void rt_optim_free(RtOptim *o)
{
    free(o);
}

void rt_optim_set_lr(RtOptim *o, double lr) { o->lr = lr; }
double rt_optim_lr(const RtOptim *o) { return o->lr; }
int64_t rt_optim_steps(const RtOptim *o) { return o->t; }
void rt_optim_set_steps(RtOptim *o, int64_t steps) { o->t = steps; }
const RtOptimConfig *rt_optim_config(const RtOptim *o) { return &o->cfg; }

float *rt_optim_state(RtOptim *o, size_t *count)
{
    *count = o->nslots * o->n;
    return o->state;
}

/* ---- the update kernels; `t` is the 1-based number of this step ---- */

static void step_sgd(RtOptim *o, float *p, const float *grad, int64_t t)
{
    const RtOptimConfig *c = &o->cfg;
    const float wd = (float)c->weight_decay, mu = (float)c->momentum;
    const float keep = (float)(1.0 - c->dampening), neg_lr = (float)-o->lr;
    float *buf = o->state;
    for (size_t i = 0; i < o->n; i++) {
        float g = grad[i];
        if (c->weight_decay != 0)
            g = g + wd * p[i];
        if (c->momentum != 0) {
            buf[i] = t == 1 ? g : buf[i] * mu + keep * g;
            g = c->nesterov ? g + mu * buf[i] : buf[i];
        }
        p[i] = p[i] + neg_lr * g;
    }
}

/* adam and adamw; adamw decays the parameters first, decoupled. */
static void step_adam(RtOptim *o, float *p, const float *grad, int64_t t)
{
    const RtOptimConfig *c = &o->cfg;
    const int decoupled = c->kind == RT_OPT_ADAMW;
    const float wd = (float)c->weight_decay;
    const float shrink = (float)(1.0 - o->lr * c->weight_decay);
    const float b1 = (float)c->beta1, b2 = (float)c->beta2;
    const float c1 = (float)(1.0 - c->beta1), c2 = (float)(1.0 - c->beta2);
    const double bc1 = 1.0 - pow(c->beta1, (double)t);
    const double bc2 = 1.0 - pow(c->beta2, (double)t);
    const float neg_step = (float)-(o->lr / bc1);
    const float bc2_sqrt = (float)sqrt(bc2), eps = (float)c->eps;
    float *m = o->state, *v = m + o->n, *vmax = v + o->n;
    for (size_t i = 0; i < o->n; i++) {
        float g = grad[i];
        if (decoupled)
            p[i] = p[i] * shrink;
        else if (c->weight_decay != 0)
            g = g + wd * p[i];
        m[i] = m[i] * b1 + c1 * g;
        v[i] = v[i] * b2 + c2 * g * g;
        float vv = v[i];
        if (c->amsgrad) {
            vmax[i] = fmaxf(vmax[i], v[i]);
            vv = vmax[i];
        }
        float denom = sqrtf(vv) / bc2_sqrt + eps;
        p[i] = p[i] + neg_step * m[i] / denom;
    }
}

static void step_rmsprop(RtOptim *o, float *p, const float *grad)
{
    const RtOptimConfig *c = &o->cfg;
    const float wd = (float)c->weight_decay, a = (float)c->alpha;
    const float ca = (float)(1.0 - c->alpha), eps = (float)c->eps;
    const float mu = (float)c->momentum, neg_lr = (float)-o->lr;
    const int with_mom = c->momentum > 0;
    float *sq = o->state;
    float *buf = with_mom ? sq + o->n : NULL;
    float *gavg = c->centered ? sq + o->n * (1 + (size_t)with_mom) : NULL;
    for (size_t i = 0; i < o->n; i++) {
        float g = grad[i];
        if (c->weight_decay != 0)
            g = g + wd * p[i];
        sq[i] = sq[i] * a + ca * g * g;
        float avg;
        if (gavg) {
            gavg[i] = gavg[i] * a + ca * g;
            avg = sqrtf(sq[i] + -1.0f * gavg[i] * gavg[i]);
        } else {
            avg = sqrtf(sq[i]);
        }
        avg = avg + eps;
        if (buf) {
            buf[i] = buf[i] * mu + 1.0f * g / avg;
            p[i] = p[i] + neg_lr * buf[i];
        } else {
            p[i] = p[i] + neg_lr * g / avg;
        }
    }
}

static void step_adagrad(RtOptim *o, float *p, const float *grad, int64_t t)
{
    const RtOptimConfig *c = &o->cfg;
    const float wd = (float)c->weight_decay, eps = (float)c->eps;
    const double clr = o->lr / (1.0 + (double)(t - 1) * c->lr_decay);
    const float neg_clr = (float)-clr;
    float *sum = o->state;
    for (size_t i = 0; i < o->n; i++) {
        float g = grad[i];
        if (c->weight_decay != 0)
            g = g + wd * p[i];
        sum[i] = sum[i] + 1.0f * g * g;
        float std = sqrtf(sum[i]) + eps;
        p[i] = p[i] + neg_clr * g / std;
    }
}

void rt_optim_step(RtOptim *o, float *params, const float *grads)
{
    int64_t t = ++o->t;
    switch (o->cfg.kind) {
    case RT_OPT_SGD:     step_sgd(o, params, grads, t); break;
    case RT_OPT_ADAM:
    case RT_OPT_ADAMW:   step_adam(o, params, grads, t); break;
    case RT_OPT_RMSPROP: step_rmsprop(o, params, grads); break;
    case RT_OPT_ADAGRAD: step_adagrad(o, params, grads, t); break;
    }
}
