/* Gradient checks of every layer kernel and every loss of the runtime:
 * the float backward pass is compared with central differences (h = 1e-5)
 * of an independent double-precision forward (ref_layers.h) of the scalar
 * sum(r * y) for a random r. Errors are max |analytic - numeric| over the
 * array divided by max |numeric|; one line per gradient with that error.
 * Backward must also ADD into gradients, so they start at 0.25. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "ref_layers.h"

#define GRAD_TOL 1e-4   /* max-normalised gradient error */
#define FWD_TOL  1e-5   /* float forward against the double reference */
#define FD_H     1e-5

typedef struct Case Case;
struct Case {
    char name[96];
    int64_t nx, nw, nb, ny;
    void (*run)(const Case *c, const float *x, const float *w, const float *b,
                float *y, const float *dy, float *dx, float *dw, float *db);
    void (*ref)(const Case *c, const double *x, const double *w,
                const double *b, double *y);
    double xlo, xhi;
    /* configuration, by kind */
    int64_t n, in, out, ch, s;
    RtConvGeom conv;
    RtPoolGeom pool;
    RtLayerKind kind;
    double slope;
    int train, degree, bias;
    float *mask, *rmean, *rvar;
};

static double maxabs(const double *a, int64_t n)
{
    double m = 0;
    for (int64_t i = 0; i < n; i++)
        m = fabs(a[i]) > m ? fabs(a[i]) : m;
    return m;
}

static double objective(const Case *c, const double *x, const double *w,
                        const double *b, const float *r, double *y)
{
    c->ref(c, x, w, b, y);
    double s = 0;
    for (int64_t i = 0; i < c->ny; i++)
        s += r[i] * y[i];
    return s;
}

/* Numerical gradient of the objective with respect to v[0..n) (one of
 * x, w, b), compared with the analytic one. */
static double fd_error(const Case *c, double *x, double *w, double *b,
                       double *v, int64_t n, const float *analytic,
                       const float *r, double *y)
{
    double *num = malloc((size_t)(n ? n : 1) * sizeof *num);
    for (int64_t i = 0; i < n; i++) {
        double keep = v[i];
        v[i] = keep + FD_H;
        double hi = objective(c, x, w, b, r, y);
        v[i] = keep - FD_H;
        double lo = objective(c, x, w, b, r, y);
        v[i] = keep;
        num[i] = (hi - lo) / (2 * FD_H);
    }
    double err = 0, scale = maxabs(num, n);
    for (int64_t i = 0; i < n; i++)
        err = fmax(err, fabs(analytic[i] - num[i]));
    free(num);
    return err / (scale > 1e-30 ? scale : 1e-30);
}

static void fill(RtRng *r, float *a, int64_t n, double lo, double hi)
{
    rt_rng_fill_uniform(r, a, n, (float)lo, (float)hi);
}

static double *to_double(const float *a, int64_t n)
{
    double *d = malloc((size_t)(n ? n : 1) * sizeof *d);
    for (int64_t i = 0; i < n; i++)
        d[i] = a[i];
    return d;
}

static void grad_check(Checks *ck, const Case *c, uint64_t seed)
{
    RtRng r = rt_rng(seed, rt_stream(RT_STREAM_USER, 1));
    int64_t nx = c->nx, nw = c->nw, nb = c->nb, ny = c->ny;
    float *x = calloc((size_t)nx + 1, 4), *w = calloc((size_t)nw + 1, 4);
    float *b = calloc((size_t)nb + 1, 4), *y = calloc((size_t)ny + 1, 4);
    float *dy = calloc((size_t)ny + 1, 4), *dx = calloc((size_t)nx + 1, 4);
    float *dw = calloc((size_t)nw + 1, 4), *db = calloc((size_t)nb + 1, 4);
    fill(&r, x, nx, c->xlo, c->xhi);
    fill(&r, w, nw, -1, 1);
    fill(&r, b, nb, -1, 1);
    fill(&r, dy, ny, -1, 1);
    for (int64_t i = 0; i < nx; i++) dx[i] = 0.25f;
    for (int64_t i = 0; i < nw; i++) dw[i] = 0.25f;
    for (int64_t i = 0; i < nb; i++) db[i] = 0.25f;
    c->run(c, x, nw ? w : NULL, nb ? b : NULL, y, dy, dx, nw ? dw : NULL,
           nb ? db : NULL);
    for (int64_t i = 0; i < nx; i++) dx[i] -= 0.25f;
    for (int64_t i = 0; i < nw; i++) dw[i] -= 0.25f;
    for (int64_t i = 0; i < nb; i++) db[i] -= 0.25f;

    double *xd = to_double(x, nx), *wd = to_double(w, nw), *bd = to_double(b, nb);
    double *yd = calloc((size_t)ny + 1, sizeof *yd);
    c->ref(c, xd, nw ? wd : NULL, nb ? bd : NULL, yd);
    double ferr = 0;
    for (int64_t i = 0; i < ny; i++)
        ferr = fmax(ferr, fabs(y[i] - yd[i]));
    ferr /= fmax(maxabs(yd, ny), 1e-30);
    CHECK(ck, ferr < FWD_TOL, "%s: forward vs double, max rel err %.2e",
          c->name, ferr);
    double ex = fd_error(c, xd, nw ? wd : NULL, nb ? bd : NULL, xd, nx, dx, dy, yd);
    CHECK(ck, ex < GRAD_TOL, "%s: d input, max rel err %.2e", c->name, ex);
    if (nw) {
        double e = fd_error(c, xd, wd, nb ? bd : NULL, wd, nw, dw, dy, yd);
        CHECK(ck, e < GRAD_TOL, "%s: d weight, max rel err %.2e", c->name, e);
    }
    if (nb) {
        double e = fd_error(c, xd, nw ? wd : NULL, bd, bd, nb, db, dy, yd);
        CHECK(ck, e < GRAD_TOL, "%s: d bias, max rel err %.2e", c->name, e);
    }
    free(x), free(w), free(b), free(y), free(dy), free(dx), free(dw), free(db);
    free(xd), free(wd), free(bd), free(yd);
}

/* ---- dense -------------------------------------------------------------- */
static void run_dense(const Case *c, const float *x, const float *w,
                      const float *b, float *y, const float *dy, float *dx,
                      float *dw, float *db)
{
    rt_dense_forward(NULL, y, x, w, b, c->n, c->in, c->out);
    rt_dense_backward(NULL, dx, dw, db, dy, x, w, c->n, c->in, c->out);
}

static void ref_dense_c(const Case *c, const double *x, const double *w,
                        const double *b, double *y)
{
    ref_dense(c->n, c->in, c->out, x, w, b, y);
}

static void dense_cases(Checks *ck)
{
    static const int64_t shapes[][4] = {
        {3, 5, 4, 1}, {1, 7, 1, 1}, {4, 1, 3, 1}, {5, 6, 2, 0}, {9, 33, 17, 1}};
    for (int i = 0; i < 5; i++) {
        Case c = {.n = shapes[i][0], .in = shapes[i][1], .out = shapes[i][2],
                  .run = run_dense, .ref = ref_dense_c, .xlo = -2, .xhi = 2};
        c.nx = c.n * c.in;
        c.nw = c.in * c.out;
        c.nb = shapes[i][3] ? c.out : 0;
        c.ny = c.n * c.out;
        snprintf(c.name, sizeof c.name, "dense x[%lld, %lld] -> %lld%s",
                 (long long)c.n, (long long)c.in, (long long)c.out,
                 c.nb ? "" : " no bias");
        grad_check(ck, &c, 100 + i);
    }
}

/* ---- conv2d ------------------------------------------------------------- */
static void run_conv(const Case *c, const float *x, const float *w,
                     const float *b, float *y, const float *dy, float *dx,
                     float *dw, float *db)
{
    float *cols = calloc((size_t)rt_conv2d_cols_size(&c->conv, c->n), 4);
    float *ybuf = calloc((size_t)rt_conv2d_ybuf_size(&c->conv, c->n), 4);
    rt_conv2d_forward(NULL, &c->conv, y, x, w, b, c->n, cols, ybuf);
    rt_conv2d_backward(NULL, &c->conv, dx, dw, db, dy, w, c->n, cols, ybuf);
    free(cols), free(ybuf);
}

static void ref_conv_c(const Case *c, const double *x, const double *w,
                       const double *b, double *y)
{
    ref_conv2d(&c->conv, c->n, x, w, b, y);
}

static void conv_cases(Checks *ck)
{
    /* n, c, h, w, f, k, stride, pad, bias */
    static const int64_t g[][9] = {
        {2, 3, 7, 7, 4, 3, 1, 0, 1}, {2, 3, 7, 7, 4, 3, 2, 1, 1},
        {1, 2, 6, 5, 3, 2, 2, 0, 1}, {3, 1, 5, 5, 2, 5, 1, 2, 1},
        {2, 3, 4, 6, 5, 1, 1, 0, 0}, {2, 2, 9, 8, 3, 3, 3, 1, 1},
        {1, 4, 5, 5, 2, 3, 2, 2, 1}};
    for (int i = 0; i < 7; i++) {
        RtConvGeom q = {.c = g[i][1], .h = g[i][2], .w = g[i][3],
                        .f = g[i][4], .k = g[i][5], .stride = g[i][6],
                        .pad = g[i][7]};
        q.oh = (q.h + 2 * q.pad - q.k) / q.stride + 1;
        q.ow = (q.w + 2 * q.pad - q.k) / q.stride + 1;
        Case c = {.n = g[i][0], .conv = q, .run = run_conv, .ref = ref_conv_c,
                  .xlo = -1, .xhi = 1};
        c.nx = c.n * q.c * q.h * q.w;
        c.nw = q.f * q.c * q.k * q.k;
        c.nb = g[i][8] ? q.f : 0;
        c.ny = c.n * q.f * q.oh * q.ow;
        snprintf(c.name, sizeof c.name,
                 "conv2d x[%lld, %lld, %lld, %lld] f%lld k%lld s%lld p%lld%s",
                 (long long)c.n, (long long)q.c, (long long)q.h,
                 (long long)q.w, (long long)q.f, (long long)q.k,
                 (long long)q.stride, (long long)q.pad, c.nb ? "" : " no bias");
        grad_check(ck, &c, 200 + i);
    }
}

/* ---- pooling ------------------------------------------------------------ */
static void run_pool(const Case *c, const float *x, const float *w,
                     const float *b, float *y, const float *dy, float *dx,
                     float *dw, float *db)
{
    if (c->kind == RT_LAYER_MAXPOOL2D) {
        int32_t *idx = malloc((size_t)c->ny * sizeof *idx);
        rt_maxpool2d_forward(NULL, &c->pool, y, idx, x, c->n);
        rt_maxpool2d_backward(NULL, &c->pool, dx, dy, idx, c->n);
        free(idx);
    } else {
        rt_avgpool2d_forward(NULL, &c->pool, y, x, c->n);
        rt_avgpool2d_backward(NULL, &c->pool, dx, dy, c->n);
    }
}

static void ref_pool_c(const Case *c, const double *x, const double *w,
                       const double *b, double *y)
{
    ref_pool(&c->pool, c->kind == RT_LAYER_MAXPOOL2D, c->n, x, y);
}

static void pool_cases(Checks *ck)
{
    /* n, c, h, w, k, stride, pad */
    static const int64_t g[][7] = {
        {2, 3, 6, 6, 2, 2, 0}, {2, 2, 7, 5, 3, 2, 1}, {1, 3, 5, 5, 2, 1, 0},
        {2, 1, 7, 7, 3, 3, 0}, {1, 2, 8, 6, 4, 2, 2}};
    for (int kind = 0; kind < 2; kind++)
        for (int i = 0; i < 5; i++) {
            RtPoolGeom q = {.c = g[i][1], .h = g[i][2], .w = g[i][3],
                            .k = g[i][4], .stride = g[i][5], .pad = g[i][6]};
            q.oh = (q.h + 2 * q.pad - q.k) / q.stride + 1;
            q.ow = (q.w + 2 * q.pad - q.k) / q.stride + 1;
            Case c = {.n = g[i][0], .pool = q, .run = run_pool,
                      .ref = ref_pool_c, .xlo = -1, .xhi = 1,
                      .kind = kind ? RT_LAYER_AVGPOOL2D : RT_LAYER_MAXPOOL2D};
            c.nx = c.n * q.c * q.h * q.w;
            c.ny = c.n * q.c * q.oh * q.ow;
            snprintf(c.name, sizeof c.name,
                     "%s x[%lld, %lld, %lld, %lld] k%lld s%lld p%lld",
                     kind ? "avgpool2d" : "maxpool2d", (long long)c.n,
                     (long long)q.c, (long long)q.h, (long long)q.w,
                     (long long)q.k, (long long)q.stride, (long long)q.pad);
            grad_check(ck, &c, 300 + 10 * kind + i);
        }
}

/* ---- activations, softmax, dropout, polyfeat ---------------------------- */
static void run_act(const Case *c, const float *x, const float *w,
                    const float *b, float *y, const float *dy, float *dx,
                    float *dw, float *db)
{
    if (c->kind == RT_LAYER_SOFTMAX) {
        rt_softmax_forward(NULL, y, x, c->n, c->in);
        rt_softmax_backward(NULL, dx, dy, y, c->n, c->in);
    } else {
        rt_act_forward(NULL, c->kind, y, x, c->nx, (float)c->slope);
        rt_act_backward(NULL, c->kind, dx, dy, x, y, c->nx, (float)c->slope);
    }
}

static void ref_act_c(const Case *c, const double *x, const double *w,
                      const double *b, double *y)
{
    if (c->kind == RT_LAYER_SOFTMAX)
        ref_softmax(c->n, c->in, x, y);
    else
        ref_act(c->kind, c->slope, c->nx, x, y);
}

static void act_cases(Checks *ck)
{
    static const struct { RtLayerKind k; const char *name; double slope;
                          int64_t n, in; } a[] = {
        {RT_LAYER_RELU, "relu", 0, 2, 13},
        {RT_LAYER_LEAKY_RELU, "leaky_relu(0.01)", 0.01, 3, 7},
        {RT_LAYER_LEAKY_RELU, "leaky_relu(0.2)", 0.2, 1, 30},
        {RT_LAYER_SIGMOID, "sigmoid", 0, 2, 13},
        {RT_LAYER_TANH, "tanh", 0, 2, 13},
        {RT_LAYER_SOFTMAX, "softmax", 0, 3, 7},
        {RT_LAYER_SOFTMAX, "softmax", 0, 20, 5},
        {RT_LAYER_SOFTMAX, "softmax", 0, 2, 1}};
    for (int i = 0; i < 8; i++) {
        Case c = {.kind = a[i].k, .slope = a[i].slope, .n = a[i].n,
                  .in = a[i].in, .run = run_act, .ref = ref_act_c,
                  .xlo = -3, .xhi = 3};
        c.nx = c.ny = c.n * c.in;
        snprintf(c.name, sizeof c.name, "%s x[%lld, %lld]", a[i].name,
                 (long long)c.n, (long long)c.in);
        grad_check(ck, &c, 400 + i);
    }
}

static void run_dropout(const Case *c, const float *x, const float *w,
                        const float *b, float *y, const float *dy, float *dx,
                        float *dw, float *db)
{
    rt_dropout_forward(NULL, y, x, c->mask, c->nx);
    rt_dropout_backward(NULL, dx, dy, c->mask, c->nx);
}

static void ref_dropout_c(const Case *c, const double *x, const double *w,
                          const double *b, double *y)
{
    for (int64_t i = 0; i < c->nx; i++)
        y[i] = x[i] * c->mask[i];
}

static void run_poly(const Case *c, const float *x, const float *w,
                     const float *b, float *y, const float *dy, float *dx,
                     float *dw, float *db)
{
    rt_polyfeat_forward(y, x, c->n, c->degree, c->bias);
    rt_polyfeat_backward(dx, dy, x, c->n, c->degree, c->bias);
}

static void ref_poly_c(const Case *c, const double *x, const double *w,
                       const double *b, double *y)
{
    ref_polyfeat(c->n, c->degree, c->bias, x, y);
}

static void misc_cases(Checks *ck)
{
    for (int i = 0; i < 2; i++) {
        double rate = i ? 0.5 : 0.3;
        Case c = {.n = 3, .in = 11, .run = run_dropout, .ref = ref_dropout_c,
                  .xlo = -2, .xhi = 2};
        c.nx = c.ny = c.n * c.in;
        c.mask = malloc((size_t)c.nx * sizeof(float));
        rt_dropout_mask(NULL, c.mask, c.n, c.in, rate, 9, 77);
        int zeros = 0;
        for (int64_t j = 0; j < c.nx; j++)
            zeros += c.mask[j] == 0;
        snprintf(c.name, sizeof c.name, "dropout(%g) x[3, 11], %d dropped",
                 rate, zeros);
        grad_check(ck, &c, 500 + i);
        free(c.mask);
    }
    static const int pd[][3] = {{6, 4, 1}, {5, 1, 0}, {4, 10, 0}};
    for (int i = 0; i < 3; i++) {
        Case c = {.n = pd[i][0], .degree = pd[i][1], .bias = pd[i][2],
                  .run = run_poly, .ref = ref_poly_c, .xlo = -1.5, .xhi = 1.5};
        c.nx = c.n;
        c.ny = c.n * (c.degree + c.bias);
        snprintf(c.name, sizeof c.name, "polyfeat(%d%s) x[%lld, 1]", c.degree,
                 c.bias ? ", bias" : "", (long long)c.n);
        grad_check(ck, &c, 510 + i);
    }
}

/* ---- batchnorm ---------------------------------------------------------- */
static void run_bn(const Case *c, const float *x, const float *w,
                   const float *b, float *y, const float *dy, float *dx,
                   float *dw, float *db)
{
    float *rm = malloc((size_t)c->ch * 4), *rv = malloc((size_t)c->ch * 4);
    float *sm = malloc((size_t)c->ch * 4), *si = malloc((size_t)c->ch * 4);
    memcpy(rm, c->rmean, (size_t)c->ch * 4);
    memcpy(rv, c->rvar, (size_t)c->ch * 4);
    rt_batchnorm_forward(NULL, c->train, y, x, w, b, rm, rv, sm, si, c->n,
                         c->ch, c->s, 0.1, 1e-5);
    rt_batchnorm_backward(NULL, c->train, dx, dw, db, dy, x, w, sm, si, c->n,
                          c->ch, c->s);
    free(rm), free(rv), free(sm), free(si);
}

static void ref_bn_c(const Case *c, const double *x, const double *w,
                     const double *b, double *y)
{
    double rm[16], rv[16];
    for (int64_t i = 0; i < c->ch; i++)
        rm[i] = c->rmean[i], rv[i] = c->rvar[i];
    ref_batchnorm(c->train, c->n, c->ch, c->s, x, w, b, rm, rv, 1e-5, y);
}

static void bn_cases(Checks *ck)
{
    /* n, c, s (1 = BatchNorm1d) */
    static const int64_t g[][3] = {{5, 3, 1}, {3, 2, 20}, {2, 4, 9}, {7, 1, 1}};
    float rmean[16], rvar[16];
    RtRng r = rt_rng(1, 2);
    rt_rng_fill_uniform(&r, rmean, 16, -0.5f, 0.5f);
    rt_rng_fill_uniform(&r, rvar, 16, 0.5f, 2.0f);
    for (int train = 1; train >= 0; train--)
        for (int i = 0; i < 4; i++) {
            Case c = {.n = g[i][0], .ch = g[i][1], .s = g[i][2],
                      .train = train, .run = run_bn, .ref = ref_bn_c,
                      .xlo = -2, .xhi = 3, .rmean = rmean, .rvar = rvar};
            c.nx = c.ny = c.n * c.ch * c.s;
            c.nw = c.nb = c.ch;
            snprintf(c.name, sizeof c.name, "batchnorm%s %s x[%lld, %lld, %lld]",
                     c.s == 1 ? "1d" : "2d", train ? "train" : "eval",
                     (long long)c.n, (long long)c.ch, (long long)c.s);
            grad_check(ck, &c, 600 + 10 * train + i);
        }
}

/* ---- losses: value against the double reference, gradient against its
 * central differences ------------------------------------------------------ */
typedef struct {
    const char *name;
    RtLossKind kind;
    int64_t n, dim;
    double lo, hi;      /* output range */
} LossCase;

static double ref_loss(RtLossKind k, int64_t n, int64_t dim, const double *o,
                       const float *t)
{
    switch (k) {
    case RT_LOSS_MSE:           return ref_mse(n, dim, o, t);
    case RT_LOSS_CROSS_ENTROPY: return ref_cross_entropy(n, dim, o, t);
    case RT_LOSS_BCE:           return ref_bce(0, n, dim, o, t);
    case RT_LOSS_BCE_LOGITS:    return ref_bce(1, n, dim, o, t);
    }
    return NAN;
}

static void loss_case(Checks *ck, const LossCase *lc, uint64_t seed)
{
    int64_t count = lc->n * lc->dim;
    float *o = malloc((size_t)count * 4), *g = malloc((size_t)count * 4);
    float *t = malloc((size_t)count * 4);
    RtRng r = rt_rng(seed, 3);
    rt_rng_fill_uniform(&r, o, count, (float)lc->lo, (float)lc->hi);
    for (int64_t i = 0; i < count; i++) {
        if (lc->kind == RT_LOSS_CROSS_ENTROPY)
            t[i] = (float)rt_rng_below(&r, (uint64_t)lc->dim);
        else if (lc->kind == RT_LOSS_MSE)
            t[i] = (float)(rt_rng_uniform(&r) * 4 - 2);
        else
            t[i] = (float)rt_rng_below(&r, 2);
    }
    RtError err = {0};
    double v = rt_loss(lc->kind, o, t, lc->n, lc->dim, g, &err);
    double *od = to_double(o, count), *num = malloc((size_t)count * 8);
    double want = ref_loss(lc->kind, lc->n, lc->dim, od, t);
    for (int64_t i = 0; i < count; i++) {
        double keep = od[i], h = FD_H * fmax(1.0, fabs(keep));
        od[i] = keep + h;
        double hi = ref_loss(lc->kind, lc->n, lc->dim, od, t);
        od[i] = keep - h;
        double lo = ref_loss(lc->kind, lc->n, lc->dim, od, t);
        od[i] = keep;
        num[i] = (hi - lo) / (2 * h);
    }
    double e = 0;
    for (int64_t i = 0; i < count; i++)
        e = fmax(e, fabs(g[i] - num[i]));
    e /= fmax(maxabs(num, count), 1e-30);
    CHECK(ck, fabs(v - want) <= 1e-6 * fabs(want) + 1e-12,
          "%s: value %.9g vs double %.9g", lc->name, v, want);
    CHECK(ck, e < GRAD_TOL, "%s: gradient, max rel err %.2e", lc->name, e);
    free(o), free(g), free(t), free(od), free(num);
}

static void loss_cases(Checks *ck)
{
    static const LossCase lcs[] = {
        {"mse [3, 4]", RT_LOSS_MSE, 3, 4, -2, 2},
        {"mse [7, 1]", RT_LOSS_MSE, 7, 1, -5, 5},
        {"cross_entropy [4, 5]", RT_LOSS_CROSS_ENTROPY, 4, 5, -3, 3},
        {"cross_entropy [3, 2]", RT_LOSS_CROSS_ENTROPY, 3, 2, -1, 1},
        {"cross_entropy logits ~1e4 [4, 3]", RT_LOSS_CROSS_ENTROPY, 4, 3,
         -1e4, 1e4},
        {"bce from logits [5, 2]", RT_LOSS_BCE_LOGITS, 5, 2, -4, 4},
        {"bce from logits, |z| up to 40 [6, 1]", RT_LOSS_BCE_LOGITS, 6, 1,
         -40, 40},
        {"bce on probabilities [5, 2]", RT_LOSS_BCE, 5, 2, 0.05, 0.95},
    };
    for (int i = 0; i < (int)(sizeof lcs / sizeof *lcs); i++)
        loss_case(ck, &lcs[i], 700 + i);
}

int main(void)
{
    Checks c = {0};
    dense_cases(&c);
    conv_cases(&c);
    pool_cases(&c);
    act_cases(&c);
    misc_cases(&c);
    bn_cases(&c);
    loss_cases(&c);
    return checks_done(&c);
}
