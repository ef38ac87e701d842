/* Tests closed-form least squares: exact recovery of a cubic, seed 001
 * example 3 (polynomial degrees 1, 3, 10 on 140 points x ~ U(0, 10))
 * against the exact rational fit and numpy.linalg.lstsq from
 * tests/fixtures/rt_lstsq.txt (gen_rt_optim.py), rank-deficient and
 * under-determined problems, and the argument checks. Knows nothing of
 * the fx language. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "fixture_lines.h"
#include "rt.h"

/* Row-major polynomial features x^first .. x^deg of n values. */
static double *poly(const double *x, size_t n, int first, int deg)
{
    size_t d = (size_t)(deg - first + 1);
    double *X = malloc(n * d * sizeof *X);
    for (size_t i = 0; i < n; i++)
        for (int k = first; k <= deg; k++)
            X[i * d + (size_t)(k - first)] = pow(x[i], k);
    return X;
}

static double worst_rel(const double *a, const double *b, size_t n)
{
    double w = 0;
    for (size_t i = 0; i < n; i++) {
        double e = fabs(a[i] - b[i]) / fabs(b[i]);
        if (!(e <= w))
            w = e;
    }
    return w;
}

static void test_cubic(Checks *c)
{
    enum { N = 41 };
    double x[N], y[N];
    float xf[N * 3], yf[N];
    for (int i = 0; i < N; i++) {
        x[i] = i / 4.0;   /* exact in float too */
        y[i] = x[i] * x[i] * x[i] + 2 * x[i] * x[i] - 5 * x[i] + 10;
        yf[i] = (float)y[i];
        for (int k = 0; k < 3; k++)
            xf[i * 3 + k] = (float)pow(x[i], k + 1);
    }
    double *X = poly(x, N, 1, 3);
    RtLstsq fit;
    RtError err = { 0 };
    int rc = rt_lstsq_fit(&fit, X, y, N, 3, 1, &err);
    CHECK(c, rc == 0 && fit.nfeat == 3 && fit.rank == 3, "cubic fit, rank 3%s%s",
          err.msg[0] ? ": " : "", err.msg);
    if (rc == 0) {
        CHECK_CLOSE(c, fit.coef[0], -5, 1e-10, 0, "x coefficient");
        CHECK_CLOSE(c, fit.coef[1], 2, 1e-10, 0, "x^2 coefficient");
        CHECK_CLOSE(c, fit.coef[2], 1, 1e-10, 0, "x^3 coefficient");
        CHECK_CLOSE(c, fit.intercept, 10, 1e-10, 0, "intercept");
        double pred[N];
        rt_lstsq_predict(&fit, X, N, pred);
        CHECK(c, rt_lstsq_mse(pred, y, N) < 1e-20, "train mse %.3g ~ 0",
              rt_lstsq_mse(pred, y, N));
    }
    rt_lstsq_free(&fit);

    rc = rt_lstsq_fit_f32(&fit, xf, yf, N, 3, 1, &err);
    CHECK(c, rc == 0 && fabs(fit.coef[0] + 5) < 1e-9 &&
             fabs(fit.coef[2] - 1) < 1e-9 && fabs(fit.intercept - 10) < 1e-9,
          "float32 input: the same cubic");
    float pf[N];
    rt_lstsq_predict_f32(&fit, xf, N, pf);
    CHECK(c, pf[N - 1] == yf[N - 1], "float32 predict: %.9g vs %.9g",
          pf[N - 1], yf[N - 1]);
    rt_lstsq_free(&fit);

    /* Without an intercept, a column of ones carries the constant. */
    double *X1 = poly(x, N, 0, 3);
    rc = rt_lstsq_fit(&fit, X1, y, N, 4, 0, &err);
    CHECK(c, rc == 0 && fit.intercept == 0 &&
             fabs(fit.coef[0] - 10) < 1e-9 && fabs(fit.coef[1] + 5) < 1e-9 &&
             fabs(fit.coef[2] - 2) < 1e-9 && fabs(fit.coef[3] - 1) < 1e-9,
          "no intercept, bias column: coefficients 10 -5 2 1");
    rt_lstsq_free(&fit);
    free(X);
    free(X1);
}

/* Reads "key count v1 v2 ..." into a fresh array. */
static double *read_vec(FixLines *L, const char *key, size_t *n)
{
    fix_expect(L, key);
    *n = (size_t)atol(L->tok[1]);
    double *v = malloc(*n * sizeof *v);
    fix_doubles(L, 2, v, *n);
    return v;
}

typedef struct Seed {
    double *xtr, *ytr, *xte, *yte;
    size_t ntr, nte;
} Seed;

/* One degree of seed 001 example 3: features x^0..x^deg as sklearn's
 * PolynomialFeatures, intercept on; returns the train mse. */
static double check_degree(Checks *c, FixLines *L, const Seed *s, int deg)
{
    size_t n;
    double *ex_tr = read_vec(L, "exact_train", &n);
    double *ex_te = read_vec(L, "exact_test", &n);
    double *np_tr = read_vec(L, "numpy_train", &n);
    double *np_te = read_vec(L, "numpy_test", &n);
    double *sk_tr = read_vec(L, "sklearn_train", &n);
    double *sk_te = read_vec(L, "sklearn_test", &n);
    double *mse_tr = read_vec(L, "mse_train", &n);
    double *mse_te = read_vec(L, "mse_test", &n);

    double *Xtr = poly(s->xtr, s->ntr, 0, deg);
    double *Xte = poly(s->xte, s->nte, 0, deg);
    double *ptr = malloc(s->ntr * sizeof *ptr), *pte = malloc(s->nte * sizeof *pte);
    RtLstsq fit;
    RtError err = { 0 };
    int rc = rt_lstsq_fit(&fit, Xtr, s->ytr, s->ntr, (size_t)deg + 1, 1, &err);
    CHECK(c, rc == 0, "degree %d: fitted%s%s", deg, err.msg[0] ? ": " : "",
          err.msg);
    double mse = NAN;
    if (rc == 0) {
        CHECK(c, fit.rank == deg && fit.coef[0] == 0,
              "degree %d: rank %d, the bias column gets 0 (%g) beside the "
              "intercept", deg, fit.rank, fit.coef[0]);
        rt_lstsq_predict(&fit, Xtr, s->ntr, ptr);
        rt_lstsq_predict(&fit, Xte, s->nte, pte);
        double e1 = fmax(worst_rel(ptr, ex_tr, s->ntr),
                         worst_rel(pte, ex_te, s->nte));
        double e2 = fmax(worst_rel(ptr, np_tr, s->ntr),
                         worst_rel(pte, np_te, s->nte));
        double e3 = fmax(worst_rel(ptr, sk_tr, s->ntr),
                         worst_rel(pte, sk_te, s->nte));
        CHECK(c, e1 <= 1e-8, "degree %d: predictions within 1e-8 of the "
              "exact fit (worst rel %.2g)", deg, e1);
        CHECK(c, e2 <= 1e-6, "degree %d: predictions within 1e-6 of numpy "
              "lstsq on scaled columns (worst rel %.2g)", deg, e2);
        CHECK(c, e3 <= 1e-4, "degree %d: within 1e-4 of sklearn's unscaled "
              "recipe, itself off the exact fit (worst rel %.2g)", deg, e3);
        mse = rt_lstsq_mse(ptr, s->ytr, s->ntr);
        CHECK_CLOSE(c, mse, mse_tr[0], 1e-9, 0, "train mse");
        CHECK_CLOSE(c, rt_lstsq_mse(pte, s->yte, s->nte), mse_te[0], 1e-9, 0,
                    "test mse");
    }
    rt_lstsq_free(&fit);
    free(Xtr); free(Xte); free(ptr); free(pte);
    free(ex_tr); free(ex_te); free(np_tr); free(np_te); free(sk_tr);
    free(sk_te); free(mse_tr); free(mse_te);
    return mse;
}

/* The float32 entry point gives bit for bit the double fit of the same
 * (float-rounded) data. */
static void check_f32_path(Checks *c, const Seed *s, int deg)
{
    size_t n = s->ntr, d = (size_t)deg + 1;
    double *X = poly(s->xtr, n, 0, deg);
    float *Xf = malloc(n * d * sizeof *Xf), *yf = malloc(n * sizeof *yf);
    double *yd = malloc(n * sizeof *yd);
    for (size_t i = 0; i < n * d; i++) {
        Xf[i] = (float)X[i];
        X[i] = Xf[i];
    }
    for (size_t i = 0; i < n; i++)
        yd[i] = yf[i] = (float)s->ytr[i];
    RtLstsq a, b;
    int ra = rt_lstsq_fit(&a, X, yd, n, d, 1, NULL);
    int rb = rt_lstsq_fit_f32(&b, Xf, yf, n, d, 1, NULL);
    CHECK(c, ra == 0 && rb == 0 && a.intercept == b.intercept &&
             memcmp(a.coef, b.coef, d * sizeof *a.coef) == 0,
          "degree %d: float32 and float64 entry points agree exactly", deg);
    rt_lstsq_free(&a);
    rt_lstsq_free(&b);
    free(X); free(Xf); free(yf); free(yd);
}

static void test_seed_001(Checks *c)
{
    FixLines L;
    if (fix_open(&L, "tests/fixtures/rt_lstsq.txt")) {
        CHECK(c, 0, "tests/fixtures/rt_lstsq.txt opens");
        return;
    }
    Seed s;
    s.xtr = read_vec(&L, "xtrain", &s.ntr);
    s.ytr = read_vec(&L, "ytrain", &s.ntr);
    s.xte = read_vec(&L, "xtest", &s.nte);
    s.yte = read_vec(&L, "ytest", &s.nte);
    double mse[3] = { 0 };
    int k = 0;
    while (k < 3 && fix_next(&L)) {
        if (strcmp(L.tok[0], "fit") != 0)
            continue;
        mse[k++] = check_degree(c, &L, &s, atoi(L.tok[1]));
    }
    CHECK(c, k == 3 && mse[2] <= mse[1] && mse[1] <= mse[0],
          "train mse falls with the degree: %.6g (1) %.6g (3) %.6g (10)",
          mse[0], mse[1], mse[2]);
    check_f32_path(c, &s, 3);
    check_f32_path(c, &s, 10);
    fix_close(&L);
    free(s.xtr); free(s.ytr); free(s.xte); free(s.yte);
}

static void test_degenerate(Checks *c)
{
    /* Two equal columns: the minimum-norm solution shares the slope. */
    double X[5 * 2], y[5];
    for (int i = 0; i < 5; i++) {
        X[2 * i] = X[2 * i + 1] = i;
        y[i] = 3.0 * i + 1;
    }
    RtLstsq fit;
    int rc = rt_lstsq_fit(&fit, X, y, 5, 2, 1, NULL);
    CHECK(c, rc == 0 && fit.rank == 1 && fabs(fit.coef[0] - 1.5) < 1e-12 &&
             fabs(fit.coef[1] - 1.5) < 1e-12 &&
             fabs(fit.intercept - 1) < 1e-12,
          "duplicate columns: rank 1, coefficients 1.5 and 1.5");
    rt_lstsq_free(&fit);

    /* A constant column whose mean does not round exactly: coefficient 0,
     * not a huge number fitted to rounding noise. */
    double Xc[7 * 2], yc[7];
    for (int i = 0; i < 7; i++) {
        Xc[2 * i] = 0.1;
        Xc[2 * i + 1] = i * 0.37;
        yc[i] = 2.0 * Xc[2 * i + 1] - 4;
    }
    rc = rt_lstsq_fit(&fit, Xc, yc, 7, 2, 1, NULL);
    CHECK(c, rc == 0 && fit.coef[0] == 0 && fabs(fit.coef[1] - 2) < 1e-12 &&
             fabs(fit.intercept + 4) < 1e-12,
          "constant column beside the intercept: coefficient exactly 0 (%g)",
          rc == 0 ? fit.coef[0] : NAN);
    rt_lstsq_free(&fit);

    /* More columns than rows: interpolates. */
    double Xu[2 * 3] = { 1, 2, 3, 4, 5, 7 }, yu[2] = { 1, -1 }, pu[2];
    rc = rt_lstsq_fit(&fit, Xu, yu, 2, 3, 0, NULL);
    if (rc == 0)
        rt_lstsq_predict(&fit, Xu, 2, pu);
    CHECK(c, rc == 0 && fit.rank == 2 && fabs(pu[0] - 1) < 1e-12 &&
             fabs(pu[1] + 1) < 1e-12, "2 rows, 3 columns: fits exactly");
    rt_lstsq_free(&fit);

    /* One row with an intercept: everything goes to the intercept. */
    double x1 = 5, y1 = 2;
    rc = rt_lstsq_fit(&fit, &x1, &y1, 1, 1, 1, NULL);
    CHECK(c, rc == 0 && fit.rank == 0 && fit.coef[0] == 0 &&
             fit.intercept == 2, "one row: intercept = y");
    rt_lstsq_free(&fit);
}

static void test_errors(Checks *c)
{
    double X[4] = { 1, 2, 3, 4 }, y[2] = { 1, 2 };
    RtLstsq fit;
    RtError err = { 0 };
    CHECK(c, rt_lstsq_fit(&fit, X, y, 0, 2, 1, &err) == -1 &&
             err.code == RT_ERR_SHAPE && fit.coef == NULL,
          "no rows refused: \"%s\"", err.msg);
    CHECK(c, rt_lstsq_fit(&fit, X, y, 2, 0, 1, &err) == -1,
          "no columns refused: \"%s\"", err.msg);
    X[3] = NAN;
    CHECK(c, rt_lstsq_fit(&fit, X, y, 2, 2, 1, &err) == -1 &&
             err.code == RT_ERR_ARG && strstr(err.msg, "row 1, column 1"),
          "NaN in x refused: \"%s\"", err.msg);
    X[3] = 4;
    y[0] = INFINITY;
    CHECK(c, rt_lstsq_fit(&fit, X, y, 2, 2, 1, &err) == -1 &&
             strstr(err.msg, "y[0]"), "inf in y refused: \"%s\"", err.msg);
    CHECK(c, rt_lstsq_fit(&fit, X, y, (size_t)1 << 40, (size_t)1 << 40, 1,
                          &err) == -1 && err.code == RT_ERR_NOMEM,
          "2^40 x 2^40 refused before allocating: \"%s\"", err.msg);
    rt_lstsq_free(&fit);
    rt_lstsq_free(NULL);
    CHECK(c, rt_lstsq_mse(NULL, NULL, 0) == 0, "mse of nothing is 0");
    double a[2] = { 1, 3 }, b[2] = { 0, 1 };
    CHECK(c, rt_lstsq_mse(a, b, 2) == 2.5, "mse (1 + 4) / 2");
}

int main(void)
{
    Checks c = { 0, 0 };
    test_cubic(&c);
    test_seed_001(&c);
    test_degenerate(&c);
    test_errors(&c);
    return checks_done(&c);
}
