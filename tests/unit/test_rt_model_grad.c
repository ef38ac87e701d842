/* Whole-model gradient checks: for several small models (a CNN with
 * stride, padding, batchnorm, leaky_relu, both poolings, flatten, dropout,
 * tanh and a fused softmax + cross_entropy; an MLP with batchnorm and a
 * fused sigmoid + bce; polynomial regression with mse; logits losses) the
 * loss plus the L2 penalty and the gradients of every parameter from
 * rt_model_backward_loss + rt_model_l2_grad are compared with a double-
 * precision re-run of the same model built from ref_layers.h and central
 * differences. Also checks the L2 penalty and its gradient on their own. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "ref_layers.h"

#define GRAD_TOL 1e-4
#define FD_H     1e-5

typedef struct {
    RtModel *m;
    RtMode mode;
    RtLossKind kind;
    const float *target;
    const double *x;
    int64_t n;
} Ref;

static void ref_layer(const RtModel *m, const RtLayer *L, const double *pd,
                      int64_t n, const double *a, double *b)
{
    const double *w = L->w ? pd + (L->w - m->params) : NULL;
    const double *bias = L->b ? pd + (L->b - m->params) : NULL;
    int64_t count = n * L->in_n;
    switch (L->spec.kind) {
    case RT_LAYER_DENSE:
        ref_dense(n, L->in_n, L->out_n, a, w, bias, b);
        break;
    case RT_LAYER_CONV2D:
        ref_conv2d(&L->conv, n, a, w, bias, b);
        break;
    case RT_LAYER_MAXPOOL2D:
    case RT_LAYER_AVGPOOL2D:
        ref_pool(&L->pool, L->spec.kind == RT_LAYER_MAXPOOL2D, n, a, b);
        break;
    case RT_LAYER_DROPOUT:   /* the mask the float forward used */
        for (int64_t i = 0; i < count; i++)
            b[i] = L->last_train ? a[i] * L->scratch[i] : a[i];
        break;
    case RT_LAYER_BATCHNORM: {
        int64_t c = L->in.dim[0];
        double rm[64], rv[64];
        for (int64_t i = 0; i < c; i++)
            rm[i] = L->buf[i], rv[i] = L->buf[c + i];
        ref_batchnorm(L->last_train, n, c, L->in_n / c, a, w, bias, rm, rv,
                      L->spec.eps, b);
        break;
    }
    case RT_LAYER_SOFTMAX: {
        int64_t last = L->in.dim[L->in.ndim - 1];
        ref_softmax(count / last, last, a, b);
        break;
    }
    case RT_LAYER_POLYFEAT:
        ref_polyfeat(n, L->spec.degree, L->spec.poly_bias, a, b);
        break;
    case RT_LAYER_FLATTEN:
    case RT_LAYER_RESHAPE:
        memcpy(b, a, (size_t)count * sizeof *b);
        break;
    default:
        ref_act(L->spec.kind, L->spec.slope, count, a, b);
        break;
    }
}

/* Loss of the double model at params pd, plus the L2 penalty. */
static double ref_total(const Ref *r, const double *pd)
{
    const RtModel *m = r->m;
    int64_t widest = m->in_n;
    for (int i = 0; i < m->nlayers; i++)
        widest = m->layers[i].out_n > widest ? m->layers[i].out_n : widest;
    double *a = malloc((size_t)(r->n * widest) * sizeof *a);
    double *b = malloc((size_t)(r->n * widest) * sizeof *b);
    memcpy(a, r->x, (size_t)(r->n * m->in_n) * sizeof *a);
    for (int i = 0; i < m->nlayers; i++) {
        ref_layer(m, &m->layers[i], pd, r->n, a, b);
        double *t = a;
        a = b, b = t;
    }
    const RtLayer *last = &m->layers[m->nlayers - 1];
    int64_t dim = last->out_n;
    double loss = 0;
    if (r->kind == RT_LOSS_CROSS_ENTROPY && last->spec.kind == RT_LAYER_SOFTMAX) {
        for (int64_t i = 0; i < r->n; i++)
            loss -= log(a[i * dim + (int64_t)r->target[i]]) / (double)r->n;
    } else if (r->kind == RT_LOSS_CROSS_ENTROPY) {
        loss = ref_cross_entropy(r->n, dim, a, r->target);
    } else if (r->kind == RT_LOSS_MSE) {
        loss = ref_mse(r->n, dim, a, r->target);
    } else {
        loss = ref_bce(r->kind == RT_LOSS_BCE_LOGITS, r->n, dim, a, r->target);
    }
    for (int i = 0; i < m->nlayers; i++) {
        const RtLayer *L = &m->layers[i];
        for (int64_t j = 0; L->w && j < L->nw; j++) {
            double v = pd[(L->w - m->params) + j];
            loss += L->spec.l2 * v * v;
        }
    }
    free(a);
    free(b);
    return loss;
}

static void model_check(Checks *c, const char *name, RtLayerSpec *specs,
                        int nl, RtShape in, int64_t n, RtMode mode,
                        RtLossKind kind, RtInit init)
{
    RtError err = {0};
    RtModel *m = rt_model_new(specs, nl, &in, n + 2, init, &err);
    if (!m) {
        CHECK(c, 0, "%s: %s", name, err.msg);
        return;
    }
    rt_model_init(m, 11);
    int64_t in_n = rt_shape_numel(&in), np;
    int64_t out_n = m->layers[nl - 1].out_n;
    float *x = malloc((size_t)(n * in_n) * 4), *t = malloc((size_t)(n * out_n) * 4);
    RtRng r = rt_rng(5, rt_stream(RT_STREAM_DATA, 1));
    rt_rng_fill_normal(&r, x, n * in_n, 0.2f, 1.0f);
    for (int64_t i = 0; i < n * out_n; i++)
        t[i] = kind == RT_LOSS_CROSS_ENTROPY ? (float)rt_rng_below(&r, (uint64_t)out_n)
             : kind == RT_LOSS_MSE ? (float)rt_rng_uniform(&r) * 4 - 2
             : (float)rt_rng_below(&r, 2);
    rt_model_forward(m, x, n, mode, 3, &err);
    double loss = rt_model_loss(m, kind, t, &err) + rt_model_l2_penalty(m);
    float *p = rt_model_params(m, &np), *g = rt_model_grads(m, NULL);
    rt_model_zero_grads(m);
    rt_model_backward_loss(m);
    rt_model_l2_grad(m);

    double *xd = malloc((size_t)(n * in_n) * 8), *pd = malloc((size_t)np * 8);
    for (int64_t i = 0; i < n * in_n; i++) xd[i] = x[i];
    for (int64_t i = 0; i < np; i++) pd[i] = p[i];
    Ref ref = {m, mode, kind, t, xd, n};
    double want = ref_total(&ref, pd), e = 0, scale = 0;
    CHECK(c, fabs(loss - want) <= 1e-5 * fabs(want),
          "%s: loss + l2 %.8g vs double %.8g", name, loss, want);
    for (int64_t i = 0; i < np; i++) {
        double keep = pd[i], h = FD_H * fmax(1.0, fabs(keep));
        pd[i] = keep + h;
        double hi = ref_total(&ref, pd);
        pd[i] = keep - h;
        double lo = ref_total(&ref, pd);
        pd[i] = keep;
        double num = (hi - lo) / (2 * h);
        e = fmax(e, fabs(num - g[i]));
        scale = fmax(scale, fabs(num));
    }
    e /= scale > 0 ? scale : 1;
    CHECK(c, e < GRAD_TOL, "%s: all %lld parameter gradients, max rel err %.2e",
          name, (long long)np, e);
    free(x), free(t), free(xd), free(pd);
    rt_model_free(m);
}

static void test_models(Checks *c)
{
    RtInit torch = {RT_INIT_TORCH, 0};
    RtLayerSpec cnn[] = {
        rt_layer_conv2d(4, 3, 2, 1), rt_layer_batchnorm(), rt_layer_leaky_relu(0.1),
        rt_layer_maxpool2d(3, 2, 1), rt_layer_avgpool2d(2, 1, 0), rt_layer_flatten(),
        rt_layer_dropout(0.4), rt_layer_dense(6), rt_layer_tanh(), rt_layer_dense(3),
        rt_layer_softmax()};
    cnn[0].l2 = 0.005;
    cnn[7].l2 = 0.01;
    cnn[9].l2 = 0.02;
    model_check(c, "cnn, softmax + cross_entropy fused, train", cnn, 11,
                rt_shape3(3, 9, 9), 3, RT_TRAIN, RT_LOSS_CROSS_ENTROPY, torch);
    model_check(c, "cnn, softmax + cross_entropy fused, eval", cnn, 11,
                rt_shape3(3, 9, 9), 3, RT_EVAL, RT_LOSS_CROSS_ENTROPY, torch);

    RtLayerSpec mlp[] = {rt_layer_dense(7), rt_layer_relu(), rt_layer_batchnorm(),
                         rt_layer_dense(1), rt_layer_sigmoid()};
    mlp[0].l2 = 0.01;
    mlp[3].l2 = 0.01;
    model_check(c, "mlp, batchnorm1d, sigmoid + bce fused, l2", mlp, 5,
                rt_shape1(5), 6, RT_TRAIN, RT_LOSS_BCE,
                (RtInit){RT_INIT_GLOROT_UNIFORM, 0});

    RtLayerSpec poly[] = {rt_layer_polyfeat(3, 0), rt_layer_dense(1)};
    model_check(c, "polyfeat(3) + dense(1), mse", poly, 2, rt_shape1(1), 8,
                RT_TRAIN, RT_LOSS_MSE, (RtInit){RT_INIT_NORMAL, 1.0});

    RtLayerSpec lg[] = {rt_layer_dense(4), rt_layer_sigmoid(), rt_layer_dense(3)};
    model_check(c, "dense, sigmoid, dense: cross_entropy on logits", lg, 3,
                rt_shape1(4), 5, RT_TRAIN, RT_LOSS_CROSS_ENTROPY, torch);
    lg[2].units = 2;
    model_check(c, "dense, sigmoid, dense(2): bce from logits", lg, 3,
                rt_shape1(4), 5, RT_TRAIN, RT_LOSS_BCE_LOGITS, torch);

    RtLayerSpec pb[] = {rt_layer_dense(3), rt_layer_softmax(), rt_layer_dropout(0.2)};
    model_check(c, "softmax then dropout: plain bce on probabilities", pb, 3,
                rt_shape1(4), 4, RT_EVAL, RT_LOSS_BCE, torch);

    RtLayerSpec sm[] = {rt_layer_conv2d(3, 2, 1, 0), rt_layer_sigmoid(),
                        rt_layer_softmax(), rt_layer_flatten(), rt_layer_dense(2)};
    model_check(c, "conv2d, sigmoid, softmax over the last axis, mse", sm, 5,
                rt_shape3(2, 4, 5), 2, RT_TRAIN, RT_LOSS_MSE, torch);
}

/* The penalty and its gradient alone: l2 * sum(W^2), weights only. */
static void test_l2(Checks *c)
{
    RtError err = {0};
    RtLayerSpec s[] = {rt_layer_conv2d(2, 3, 1, 0), rt_layer_flatten(),
                       rt_layer_dense(3), rt_layer_dense(2)};
    s[0].l2 = 0.01;
    s[3].l2 = 0.5;
    RtShape in = rt_shape3(1, 4, 4);
    RtModel *m = rt_model_new(s, 4, &in, 1, (RtInit){RT_INIT_TORCH, 0}, &err);
    rt_model_init(m, 2);
    double want = 0;
    for (int i = 0; i < 18; i++)
        want += 0.01 * m->layers[0].w[i] * (double)m->layers[0].w[i];
    for (int i = 0; i < 6; i++)
        want += 0.5 * m->layers[3].w[i] * (double)m->layers[3].w[i];
    double got = rt_model_l2_penalty(m);
    CHECK(c, fabs(got - want) < 1e-12 * want,
          "l2 penalty: %.12g = sum of l2 * W^2 over weights only", got);
    rt_model_zero_grads(m);
    rt_model_l2_grad(m);
    int64_t np;
    float *p = rt_model_params(m, &np), *g = rt_model_grads(m, NULL);
    double e = 0, scale = 0;
    for (int64_t i = 0; i < np; i++) {
        float keep = p[i];
        double h = 1e-2;
        p[i] = (float)(keep + h);
        double hi = rt_model_l2_penalty(m);
        p[i] = (float)(keep - h);
        double lo = rt_model_l2_penalty(m);
        p[i] = keep;
        double num = (hi - lo) / ((double)(float)(keep + h) - (float)(keep - h));
        e = fmax(e, fabs(num - g[i]));
        scale = fmax(scale, fabs(num));
    }
    CHECK(c, e / scale < 1e-5, "l2 gradient 2 * l2 * W vs central differences, "
          "max rel err %.2e", e / scale);
    int biases_zero = g[18] == 0 && g[19] == 0 && m->layers[2].dw[0] == 0;
    CHECK(c, biases_zero, "no l2 gradient on biases or on layers without l2");
    rt_model_free(m);
}

int main(void)
{
    Checks c = {0};
    test_models(&c);
    test_l2(&c);
    return checks_done(&c);
}
