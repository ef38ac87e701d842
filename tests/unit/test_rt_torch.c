/* The runtime against PyTorch's own numbers (tests/fixtures/rt_*.txt, made
 * by tests/fixtures/gen_rt_core.py): conv2d, pooling, batchnorm, dense,
 * activations and every loss, forward and backward; PyTorch's default init
 * bounds; and whole models (seed 000's CNN, seed 003's MLP with BCE, a
 * batchnorm + dropout net with the mask fed in) loaded with PyTorch's
 * weights. Errors are max |ours - torch| / max |torch| over each tensor:
 * 1e-5, or 1e-4 where a convolution is involved. */
#include <string.h>
#include "check.h"
#include "fixture.h"
#include "rt_internal.h"

#define TOL      1e-5
#define TOL_CONV 1e-4
#define DIR "tests/fixtures/"

/* max |got - want| / max |want| <= tol, except that a tensor whose values
 * are all below 1e-6 * scale is measured against scale instead (for
 * gradients, scale is the model's largest gradient): the bias of a dense
 * layer right before batchnorm has a gradient that is zero in exact
 * arithmetic, and both sides only hold rounding noise there. */
static void cmp_floor(Checks *c, const char *what, const float *got,
                      const FixTensor *want, double tol, double scale)
{
    if (!want || !got) {
        CHECK(c, 0, "%s: missing", what);
        return;
    }
    double e = 0, s = 0;
    for (long i = 0; i < want->count; i++) {
        e = fmax(e, fabs((double)got[i] - want->v[i]));
        s = fmax(s, fabs(want->v[i]));
        if (isnan(got[i]))
            e = INFINITY;
    }
    int zero = s < 1e-6 * scale;
    if (zero)
        s = scale;
    e /= s > 0 ? s : 1;
    CHECK(c, e <= tol, "%s vs torch: max rel err %.2e%s", what, e,
          zero ? " of the model's largest gradient (exact value 0)" : "");
}

static void cmp(Checks *c, const char *what, const float *got,
                const FixTensor *want, double tol)
{
    cmp_floor(c, what, got, want, tol, 0);
}

static float *zeros(long n) { return calloc((size_t)(n ? n : 1), sizeof(float)); }

#define GET(f, name) fix_get(f, name)

static void test_conv(Checks *c)
{
    Fixture *f = fix_load(DIR "rt_conv2d.txt");
    static const struct { const char *name; int64_t fl, k, s, p; } cs[] = {
        {"s2p1", 4, 3, 2, 1}, {"s1p1", 5, 3, 1, 1}, {"k2s2", 3, 2, 2, 0}};
    for (int i = 0; f && i < 3; i++) {
        char n[64], k[64];
        #define T(suffix) (snprintf(k, sizeof k, "%s.%s", cs[i].name, suffix), GET(f, k))
        const FixTensor *x = T("x"), *w = T("w"), *b = T("b"), *dy = T("dy");
        RtConvGeom g = {.c = 3, .h = 7, .w = 7, .f = cs[i].fl, .k = cs[i].k,
                        .stride = cs[i].s, .pad = cs[i].p};
        g.oh = (7 + 2 * g.pad - g.k) / g.stride + 1;
        g.ow = g.oh;
        float *cols = zeros(rt_conv2d_cols_size(&g, 2));
        float *ybuf = zeros(rt_conv2d_ybuf_size(&g, 2));
        float *y = zeros(dy->count), *dx = zeros(x->count), *dw = zeros(w->count);
        float *db = zeros(b->count);
        rt_conv2d_forward(NULL, &g, y, x->v, w->v, b->v, 2, cols, ybuf);
        rt_conv2d_backward(NULL, &g, dx, dw, db, dy->v, w->v, 2, cols, ybuf);
        snprintf(n, sizeof n, "conv2d %s forward", cs[i].name);
        cmp(c, n, y, T("y"), TOL_CONV);
        snprintf(n, sizeof n, "conv2d %s d input", cs[i].name);
        cmp(c, n, dx, T("dx"), TOL_CONV);
        snprintf(n, sizeof n, "conv2d %s d weight", cs[i].name);
        cmp(c, n, dw, T("dw"), TOL_CONV);
        snprintf(n, sizeof n, "conv2d %s d bias", cs[i].name);
        cmp(c, n, db, T("db"), TOL_CONV);
        #undef T
        free(cols), free(ybuf), free(y), free(dx), free(dw), free(db);
    }
    CHECK(c, f != NULL, "conv2d fixture loaded");
    fix_free(f);
}

static void test_pool(Checks *c)
{
    Fixture *f = fix_load(DIR "rt_pool.txt");
    static const struct { const char *name; int max; int64_t k, s, p; } cs[] = {
        {"max_k2", 1, 2, 2, 0}, {"max_k3s2p1", 1, 3, 2, 1}, {"max_k2s1", 1, 2, 1, 0},
        {"avg_k3s2p1", 0, 3, 2, 1}, {"avg_k2", 0, 2, 2, 0}};
    const FixTensor *x = f ? GET(f, "x") : NULL;
    for (int i = 0; x && i < 5; i++) {
        char n[64], m[64];
        RtPoolGeom g = {.c = 3, .h = 7, .w = 6, .k = cs[i].k, .stride = cs[i].s,
                        .pad = cs[i].p};
        g.oh = (g.h + 2 * g.pad - g.k) / g.stride + 1;
        g.ow = (g.w + 2 * g.pad - g.k) / g.stride + 1;
        snprintf(n, sizeof n, "%s.dy", cs[i].name);
        const FixTensor *dy = GET(f, n);
        float *y = zeros(dy->count), *dx = zeros(x->count);
        if (cs[i].max) {
            int32_t *idx = calloc((size_t)dy->count, sizeof *idx);
            rt_maxpool2d_forward(NULL, &g, y, idx, x->v, 2);
            rt_maxpool2d_backward(NULL, &g, dx, dy->v, idx, 2);
            free(idx);
        } else {
            rt_avgpool2d_forward(NULL, &g, y, x->v, 2);
            rt_avgpool2d_backward(NULL, &g, dx, dy->v, 2);
        }
        snprintf(n, sizeof n, "%s.y", cs[i].name);
        snprintf(m, sizeof m, "pool %s forward", cs[i].name);
        cmp(c, m, y, GET(f, n), TOL);
        snprintf(n, sizeof n, "%s.dx", cs[i].name);
        snprintf(m, sizeof m, "pool %s d input", cs[i].name);
        cmp(c, m, dx, GET(f, n), TOL);
        free(y), free(dx);
    }
    CHECK(c, x != NULL, "pool fixture loaded");
    fix_free(f);
}

static void test_batchnorm(Checks *c)
{
    Fixture *f = fix_load(DIR "rt_batchnorm.txt");
    static const char *names[] = {"bn1d", "bn2d"};
    for (int i = 0; f && i < 2; i++) {
        char n[64], m[64];
        #define T(s) (snprintf(n, sizeof n, "%s.%s", names[i], s), GET(f, n))
        #define CMP(label, got, s, tol) \
            (snprintf(m, sizeof m, "%s %s", names[i], label), cmp(c, m, got, T(s), tol))
        const FixTensor *x = T("x"), *gamma = T("gamma"), *beta = T("beta");
        const FixTensor *dy = T("dy");
        int64_t n0 = x->dim[0], ch = x->dim[1], s = x->count / (n0 * ch);
        float *rm = zeros(ch), *rv = zeros(ch), *sm = zeros(ch), *si = zeros(ch);
        memcpy(rm, T("rmean0")->v, (size_t)ch * 4);
        memcpy(rv, T("rvar0")->v, (size_t)ch * 4);
        float *y = zeros(x->count), *dx = zeros(x->count);
        float *dg = zeros(ch), *dbt = zeros(ch);
        rt_batchnorm_forward(NULL, 1, y, x->v, gamma->v, beta->v, rm, rv, sm, si,
                             n0, ch, s, 0.1, 1e-5);
        rt_batchnorm_backward(NULL, 1, dx, dg, dbt, dy->v, x->v, gamma->v, sm, si,
                              n0, ch, s);
        CMP("train forward", y, "y_train", TOL);
        CMP("running mean after one step", rm, "rmean1", TOL);
        CMP("running var after one step (unbiased)", rv, "rvar1", TOL);
        CMP("train d input", dx, "dx", TOL);
        CMP("train d gamma", dg, "dgamma", TOL);
        CMP("train d beta", dbt, "dbeta", TOL);
        rt_batchnorm_forward(NULL, 0, y, x->v, gamma->v, beta->v, rm, rv, sm, si,
                             n0, ch, s, 0.1, 1e-5);
        CMP("eval forward (running stats)", y, "y_eval", TOL);
        #undef T
        #undef CMP
        free(rm), free(rv), free(sm), free(si), free(y), free(dx), free(dg);
        free(dbt);
    }
    CHECK(c, f != NULL, "batchnorm fixture loaded");
    fix_free(f);
}

static void test_dense_acts(Checks *c)
{
    Fixture *f = fix_load(DIR "rt_dense.txt");
    if (!f) {
        CHECK(c, 0, "dense fixture loaded");
        return;
    }
    const FixTensor *x = GET(f, "dense.x"), *w = GET(f, "dense.w");
    const FixTensor *b = GET(f, "dense.b"), *dy = GET(f, "dense.dy");
    float y[15], dx[35] = {0}, dw[21] = {0}, db[3] = {0};
    rt_dense_forward(NULL, y, x->v, w->v, b->v, 5, 7, 3);
    rt_dense_backward(NULL, dx, dw, db, dy->v, x->v, w->v, 5, 7, 3);
    cmp(c, "dense forward", y, GET(f, "dense.y"), TOL);
    cmp(c, "dense d input", dx, GET(f, "dense.dx"), TOL);
    cmp(c, "dense d weight", dw, GET(f, "dense.dw"), TOL);
    cmp(c, "dense d bias", db, GET(f, "dense.db"), TOL);
    const FixTensor *a = GET(f, "act.x");
    float out[24];
    static const struct { RtLayerKind k; const char *name; } acts[] = {
        {RT_LAYER_RELU, "act.relu"}, {RT_LAYER_LEAKY_RELU, "act.leaky_relu"},
        {RT_LAYER_SIGMOID, "act.sigmoid"}, {RT_LAYER_TANH, "act.tanh"}};
    for (int i = 0; i < 4; i++) {
        rt_act_forward(NULL, acts[i].k, out, a->v, 24, 0.01f);
        cmp(c, acts[i].name, out, GET(f, acts[i].name), TOL);
    }
    rt_softmax_forward(NULL, out, a->v, 4, 6);
    cmp(c, "softmax", out, GET(f, "act.softmax"), TOL);
    rt_softmax_forward(NULL, out, GET(f, "act.softmax_big.x")->v, 2, 3);
    cmp(c, "softmax of logits up to 1e4", out, GET(f, "act.softmax_big"), TOL);
    fix_free(f);
}

static void test_losses(Checks *c)
{
    Fixture *f = fix_load(DIR "rt_losses.txt");
    static const struct { const char *name; RtLossKind k; } ls[] = {
        {"mse", RT_LOSS_MSE}, {"ce", RT_LOSS_CROSS_ENTROPY},
        {"ce_big", RT_LOSS_CROSS_ENTROPY}, {"bce_logits", RT_LOSS_BCE_LOGITS},
        {"bce", RT_LOSS_BCE}};
    for (int i = 0; f && i < 5; i++) {
        char n[64], m[80];
        #define T(s) (snprintf(n, sizeof n, "%s.%s", ls[i].name, s), GET(f, n))
        const FixTensor *o = T("out"), *t = T("target");
        int64_t rows = o->dim[0], dim = o->dim[1];
        float *g = zeros(o->count);
        RtError err = {0};
        float v = (float)rt_loss(ls[i].k, o->v, t->v, rows, dim, g, &err);
        snprintf(m, sizeof m, "%s loss value", ls[i].name);
        cmp(c, m, &v, T("loss"), TOL);
        snprintf(m, sizeof m, "%s d loss / d output", ls[i].name);
        cmp(c, m, g, T("grad"), TOL);
        #undef T
        free(g);
    }
    CHECK(c, f != NULL, "loss fixture loaded");
    fix_free(f);
}

static void test_init(Checks *c)
{
    Fixture *f = fix_load(DIR "rt_init.txt");
    static const struct { const char *name; RtLayerSpec s; RtShape in; } ls[] = {
        {"linear_2048_10", {.kind = RT_LAYER_DENSE, .units = 10}, {1, {2048}}},
        {"linear_10_64", {.kind = RT_LAYER_DENSE, .units = 64}, {1, {10}}},
        {"conv_3_16_k3", {.kind = RT_LAYER_CONV2D, .filters = 16, .kernel = 3,
                          .stride = 1}, {3, {3, 8, 8}}},
        {"conv_16_32_k3", {.kind = RT_LAYER_CONV2D, .filters = 32, .kernel = 3,
                           .stride = 1}, {3, {16, 8, 8}}},
        {"linear_big", {.kind = RT_LAYER_DENSE, .units = 1000}, {1, {300}}}};
    for (int i = 0; f && i < 5; i++) {
        char n[64];
        #define V(s) (snprintf(n, sizeof n, "%s.%s", ls[i].name, s), GET(f, n)->v[0])
        RtError err = {0};
        RtModel *m = rt_model_new(&ls[i].s, 1, &ls[i].in, 1,
                                  (RtInit){RT_INIT_DEFAULT, 0}, &err);
        rt_model_init(m, 1234);
        RtNamedTensor w, b;
        rt_model_find_tensor(m, "layers.0.weight", &w);
        rt_model_find_tensor(m, "layers.0.bias", &b);
        double wb = rt_init_torch_weight_bound(m->layers[0].fan_in);
        double bb = rt_init_torch_bias_bound(m->layers[0].fan_in);
        double wmax = 0, bmax = 0, var = 0;
        for (int64_t j = 0; j < w.count; j++) {
            wmax = fmax(wmax, fabs(w.data[j]));
            var += (double)w.data[j] * w.data[j] / (double)w.count;
        }
        for (int64_t j = 0; j < b.count; j++)
            bmax = fmax(bmax, fabs(b.data[j]));
        CHECK(c, m->layers[0].fan_in == (int64_t)V("fan_in") &&
              fabs(wb - V("weight_bound")) <= 1e-6 * wb &&
              fabs(bb - V("bias_bound")) <= 1e-6 * bb,
              "%s: fan_in %lld, bounds %.7g / %.7g as torch's", ls[i].name,
              (long long)m->layers[0].fan_in, wb, bb);
        double tvar = V("weight_var");
        CHECK(c, wmax <= wb && bmax <= bb &&
              fabs(wmax - V("weight_absmax")) <= 0.05 * wb &&
              fabs(var - tvar) <= 0.15 * tvar,
              "%s: ours max |w| %.5f (torch %.5f), var %.4g (torch %.4g), "
              "max |b| %.5f <= %.5f", ls[i].name, wmax, V("weight_absmax"),
              var, tvar, bmax, bb);
        #undef V
        rt_model_free(m);
    }
    CHECK(c, f != NULL, "init fixture loaded");
    fix_free(f);
}

/* Copies the fixture's "layers.*" tensors into the model's named tensors. */
static int load_weights(RtModel *m, const Fixture *f)
{
    int ok = 1;
    for (int i = 0; i < rt_model_tensor_count(m); i++) {
        RtNamedTensor t;
        rt_model_tensor(m, i, &t);
        if (!t.trainable)
            continue;
        const FixTensor *v = fix_get(f, t.name);
        ok &= v && v->count == t.count;
        if (v && v->count == t.count)
            memcpy(t.data, v->v, (size_t)t.count * sizeof(float));
    }
    return ok;
}

static void cmp_grads(Checks *c, const char *model, RtModel *m,
                      const Fixture *f, double tol)
{
    double top = 0;
    for (int i = 0; i < f->n; i++)
        if (strncmp(f->t[i].name, "grad.", 5) == 0)
            for (long j = 0; j < f->t[i].count; j++)
                top = fmax(top, fabs(f->t[i].v[j]));
    for (int i = 0; i < rt_model_tensor_count(m); i++) {
        RtNamedTensor t;
        char n[96], what[128];
        rt_model_tensor(m, i, &t);
        if (!t.trainable)
            continue;
        snprintf(n, sizeof n, "grad.%s", t.name);
        snprintf(what, sizeof what, "%s gradient of %s", model, t.name);
        cmp_floor(c, what, rt_model_grads(m, NULL)
                  + (t.data - rt_model_params(m, NULL)), fix_get(f, n), tol,
                  top);
    }
}

static void test_models(Checks *c)
{
    RtError err = {0};
    Fixture *f = fix_load(DIR "rt_cnn.txt");
    RtLayerSpec cnn[] = {
        rt_layer_conv2d(16, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_conv2d(32, 3, 1, 1), rt_layer_relu(), rt_layer_maxpool2d(2, 0, 0),
        rt_layer_flatten(), rt_layer_dense(10)};
    RtShape in = rt_shape3(3, 12, 12);
    RtModel *m = rt_model_new(cnn, 8, &in, 4, (RtInit){RT_INIT_TORCH, 0}, &err);
    CHECK(c, f && m && load_weights(m, f), "seed CNN built, torch weights loaded");
    if (f && m) {
        const float *y = rt_model_forward(m, GET(f, "x")->v, 4, RT_TRAIN, 0, &err);
        cmp(c, "seed CNN logits", y, GET(f, "logits"), TOL_CONV);
        float loss = (float)rt_model_loss(m, RT_LOSS_CROSS_ENTROPY,
                                          GET(f, "y")->v, &err);
        cmp(c, "seed CNN cross_entropy", &loss, GET(f, "loss"), TOL);
        rt_model_zero_grads(m);
        rt_model_backward_loss(m);
        cmp_grads(c, "seed CNN", m, f, TOL_CONV);
    }
    rt_model_free(m);
    fix_free(f);

    f = fix_load(DIR "rt_mlp_bce.txt");
    RtLayerSpec mlp[] = {rt_layer_dense(64), rt_layer_relu(), rt_layer_dense(1),
                         rt_layer_sigmoid()};
    RtShape in2 = rt_shape1(10);
    m = rt_model_new(mlp, 4, &in2, 8, (RtInit){RT_INIT_TORCH, 0}, &err);
    CHECK(c, f && m && load_weights(m, f), "seed 003 MLP built, weights loaded");
    if (f && m) {
        const float *p = rt_model_forward(m, GET(f, "x")->v, 8, RT_TRAIN, 0, &err);
        cmp(c, "MLP sigmoid output", p, GET(f, "prob"), TOL);
        float loss = (float)rt_model_loss(m, RT_LOSS_BCE, GET(f, "y")->v, &err);
        cmp(c, "MLP bce (fused, from logits) vs torch BCELoss", &loss,
            GET(f, "loss"), TOL);
        rt_model_zero_grads(m);
        rt_model_backward_loss(m);
        cmp_grads(c, "MLP", m, f, TOL);
    }
    rt_model_free(m);
    fix_free(f);
}

static void test_bn_dropout(Checks *c)
{
    RtError err = {0};
    Fixture *f = fix_load(DIR "rt_bn_dropout.txt");
    RtLayerSpec s[] = {rt_layer_dense(16), rt_layer_batchnorm(), rt_layer_relu(),
                       rt_layer_dropout(0.5), rt_layer_dense(3)};
    RtShape in = rt_shape1(6);
    RtModel *m = rt_model_new(s, 5, &in, 10, (RtInit){RT_INIT_TORCH, 0}, &err);
    CHECK(c, f && m && load_weights(m, f), "batchnorm + dropout net built");
    if (f && m) {
        rt_model_set_dropout_mask(m, 3, GET(f, "keep")->v, 160, &err);
        const float *y = rt_model_forward(m, GET(f, "x")->v, 10, RT_TRAIN, 0, &err);
        cmp(c, "bn+dropout logits (train, given mask)", y, GET(f, "logits"), TOL);
        float loss = (float)rt_model_loss(m, RT_LOSS_CROSS_ENTROPY,
                                          GET(f, "y")->v, &err);
        cmp(c, "bn+dropout cross_entropy", &loss, GET(f, "loss"), TOL);
        rt_model_zero_grads(m);
        rt_model_backward_loss(m);
        cmp_grads(c, "bn+dropout", m, f, TOL);
        RtNamedTensor t;
        rt_model_find_tensor(m, "layers.1.running_mean", &t);
        cmp(c, "bn+dropout running mean", t.data, GET(f, "layers.1.running_mean"),
            TOL);
        rt_model_find_tensor(m, "layers.1.running_var", &t);
        cmp(c, "bn+dropout running var", t.data, GET(f, "layers.1.running_var"),
            TOL);
        y = rt_model_forward(m, GET(f, "x")->v, 10, RT_EVAL, 0, &err);
        cmp(c, "bn+dropout logits in eval mode", y, GET(f, "logits_eval"), TOL);
    }
    rt_model_free(m);
    fix_free(f);
}

int main(void)
{
    Checks c = {0};
    test_conv(&c);
    test_pool(&c);
    test_batchnorm(&c);
    test_dense_acts(&c);
    test_losses(&c);
    test_init(&c);
    test_models(&c);
    test_bn_dropout(&c);
    return checks_done(&c);
}
