/* Closed-form least squares for a linear model y ~ X w (+ b), in double
 * precision through LAPACK's dgelsd (SVD, minimum-norm solution), with the
 * columns centred (for the intercept) and scaled to unit norm first: the
 * same answer scikit-learn's LinearRegression aims at, computed stably for
 * ill-conditioned features such as x^0..x^10 on [0, 10]. Knows nothing of
 * the fx language. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rt.h"

/* LAPACK's Fortran entry point, exported by libopenblas (LP64: 32-bit
 * integers); declared here because lapacke.h is not a dependency. */
extern void dgelsd_(const int *m, const int *n, const int *nrhs, double *a,
                    const int *lda, double *b, const int *ldb, double *s,
                    const double *rcond, int *rank, double *work,
                    const int *lwork, int *iwork, int *info);

/* The working copy of one problem: A is n x d column-major, b has
 * max(n, d) rows, then the singular values, column means and scales. One
 * allocation of doubles. */
typedef struct Problem {
    int     n, d, ldb;
    double *a, *b, *s, *mean, *scale;
    double  ymean;
} Problem;

static int problem_alloc(Problem *p, size_t n, size_t d, RtError *err)
{
    memset(p, 0, sizeof *p);
    if (n == 0 || d == 0) {
        rt_error_set(err, RT_ERR_SHAPE, "least squares needs at least one "
                     "row and one column, got %zu x %zu", n, d);
        return -1;
    }
    if (n > INT_MAX || d > INT_MAX || n > (SIZE_MAX / sizeof(double)) / d) {
        rt_error_set(err, RT_ERR_NOMEM, "least squares: %zu x %zu is too "
                     "large", n, d);
        return -1;
    }
    size_t ldb = n > d ? n : d, mn = n < d ? n : d;
    size_t count = n * d;
    size_t rest = ldb + mn + 2 * d;
    if (count > SIZE_MAX / sizeof(double) - rest) {
        rt_error_set(err, RT_ERR_NOMEM, "least squares: %zu x %zu is too "
                     "large", n, d);
        return -1;
    }
    double *mem = malloc((count + rest) * sizeof(double));
    if (!mem) {
        rt_error_set(err, RT_ERR_NOMEM, "least squares: cannot allocate %zu "
                     "bytes", (count + rest) * sizeof(double));
        return -1;
    }
    p->n = (int)n;
    p->d = (int)d;
    p->ldb = (int)ldb;
    p->a = mem;
    p->b = p->a + count;
    p->s = p->b + ldb;
    p->mean = p->s + mn;
    p->scale = p->mean + d;
    memset(p->b, 0, ldb * sizeof(double));
    return 0;
}

static int not_finite(double v, const char *what, size_t i, size_t j,
                      RtError *err)
{
    if (isfinite(v))
        return 0;
    if (j == SIZE_MAX)
        rt_error_set(err, RT_ERR_ARG, "least squares: %s[%zu] is %g", what,
                     i, v);
    else
        rt_error_set(err, RT_ERR_ARG, "least squares: %s at row %zu, column "
                     "%zu is %g", what, i, j, v);
    return 1;
}

/* Centres (when asked) and scales the columns of A and centres b. A column
 * that centring leaves at rounding level is zeroed: it was constant, and
 * the intercept carries it (its coefficient comes out 0). */
static void condition(Problem *p, int with_intercept)
{
    size_t n = (size_t)p->n;
    double tiny = DBL_EPSILON * (double)(p->n > p->d ? p->n : p->d);
    p->ymean = 0;
    if (with_intercept) {
        for (size_t i = 0; i < n; i++)
            p->ymean += p->b[i];
        p->ymean /= (double)n;
        for (size_t i = 0; i < n; i++)
            p->b[i] -= p->ymean;
    }
    for (int j = 0; j < p->d; j++) {
        double *col = p->a + (size_t)j * n, before = 0, after = 0, m = 0;
        for (size_t i = 0; i < n; i++)
            before += col[i] * col[i];
        if (with_intercept) {
            for (size_t i = 0; i < n; i++)
                m += col[i];
            m /= (double)n;
            for (size_t i = 0; i < n; i++)
                col[i] -= m;
        }
        for (size_t i = 0; i < n; i++)
            after += col[i] * col[i];
        p->mean[j] = m;
        p->scale[j] = 1;
        if (sqrt(after) <= tiny * sqrt(before)) {
            memset(col, 0, n * sizeof(double));
        } else {
            p->scale[j] = sqrt(after);
            for (size_t i = 0; i < n; i++)
                col[i] /= p->scale[j];
        }
    }
}

/* dgelsd on the conditioned problem; the solution lands in b[0..d). */
static int solve(Problem *p, int *rank, RtError *err)
{
    const int one = 1, query = -1;
    const double rcond = DBL_EPSILON * (p->n > p->d ? p->n : p->d);
    double wsize = 0;
    int isize = 0, info = 0;
    dgelsd_(&p->n, &p->d, &one, p->a, &p->n, p->b, &p->ldb, p->s, &rcond,
            rank, &wsize, &query, &isize, &info);
    if (info != 0 || !(wsize >= 1) || wsize > (double)INT_MAX) {
        rt_error_set(err, RT_ERR_ARG, "least squares: LAPACK workspace query "
                     "failed (info %d)", info);
        return -1;
    }
    int lwork = (int)wsize;
    if (isize < 1)
        isize = 1;
    size_t bytes = (size_t)lwork * sizeof(double) + (size_t)isize * sizeof(int);
    double *work = malloc(bytes);
    if (!work) {
        rt_error_set(err, RT_ERR_NOMEM, "least squares: cannot allocate %zu "
                     "bytes of LAPACK workspace", bytes);
        return -1;
    }
    int *iwork = (int *)(work + lwork);
    dgelsd_(&p->n, &p->d, &one, p->a, &p->n, p->b, &p->ldb, p->s, &rcond,
            rank, work, &lwork, iwork, &info);
    free(work);
    if (info != 0) {
        rt_error_set(err, RT_ERR_ARG, "least squares: %s (LAPACK dgelsd info "
                     "%d)", info > 0 ? "the SVD did not converge"
                     : "bad argument", info);
        return -1;
    }
    return 0;
}

/* Conditions, solves and undoes the scaling into `fit`; frees p. */
static int finish(RtLstsq *fit, Problem *p, int with_intercept, RtError *err)
{
    memset(fit, 0, sizeof *fit);
    condition(p, with_intercept);
    int rank = 0;
    double *coef = NULL;
    if (solve(p, &rank, err) == 0) {
        coef = malloc((size_t)p->d * sizeof *coef);
        if (!coef)
            rt_error_set(err, RT_ERR_NOMEM, "least squares: cannot allocate "
                         "%d coefficients", p->d);
    }
    if (coef) {
        double b = p->ymean;
        for (int j = 0; j < p->d; j++) {
            coef[j] = p->b[j] / p->scale[j];
            b -= p->mean[j] * coef[j];
        }
        fit->nfeat = (size_t)p->d;
        fit->coef = coef;
        fit->intercept = with_intercept ? b : 0;
        fit->rank = rank;
    }
    free(p->a);
    return coef ? 0 : -1;
}

/* Copies X (row-major, from exactly one of xd, xf) into p's column-major
 * A and y into b, refusing NaN and inf. */
static int load(Problem *p, const double *xd, const float *xf,
                const double *yd, const float *yf, RtError *err)
{
    size_t n = (size_t)p->n, d = (size_t)p->d;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) {
            double v = xd ? xd[i * d + j] : (double)xf[i * d + j];
            if (not_finite(v, "x", i, j, err))
                return -1;
            p->a[j * n + i] = v;
        }
        p->b[i] = yd ? yd[i] : (double)yf[i];
        if (not_finite(p->b[i], "y", i, SIZE_MAX, err))
            return -1;
    }
    return 0;
}

int rt_lstsq_fit(RtLstsq *fit, const double *X, const double *y, size_t n,
                 size_t d, int with_intercept, RtError *err)
{
    Problem p;
    memset(fit, 0, sizeof *fit);
    if (problem_alloc(&p, n, d, err))
        return -1;
    if (load(&p, X, NULL, y, NULL, err)) {
        free(p.a);
        return -1;
    }
    return finish(fit, &p, with_intercept, err);
}

int rt_lstsq_fit_f32(RtLstsq *fit, const float *X, const float *y, size_t n,
                     size_t d, int with_intercept, RtError *err)
{
    Problem p;
    memset(fit, 0, sizeof *fit);
    if (problem_alloc(&p, n, d, err))
        return -1;
    if (load(&p, NULL, X, NULL, y, err)) {
        free(p.a);
        return -1;
    }
    return finish(fit, &p, with_intercept, err);
}

void rt_lstsq_predict(const RtLstsq *fit, const double *X, size_t n,
                      double *out)
{
    size_t d = fit->nfeat;
    for (size_t i = 0; i < n; i++) {
        double acc = fit->intercept;
        for (size_t j = 0; j < d; j++)
            acc += X[i * d + j] * fit->coef[j];
        out[i] = acc;
    }
}

void rt_lstsq_predict_f32(const RtLstsq *fit, const float *X, size_t n,
                          float *out)
{
    size_t d = fit->nfeat;
    for (size_t i = 0; i < n; i++) {
        double acc = fit->intercept;
        for (size_t j = 0; j < d; j++)
            acc += (double)X[i * d + j] * fit->coef[j];
        out[i] = (float)acc;
    }
}

void rt_lstsq_free(RtLstsq *fit)
{
    if (!fit)
        return;
    free(fit->coef);
    memset(fit, 0, sizeof *fit);
}

double rt_lstsq_mse(const double *pred, const double *y, size_t n)
{
    if (n == 0)
        return 0;
    double acc = 0;
    for (size_t i = 0; i < n; i++) {
        double e = pred[i] - y[i];
        acc += e * e;
    }
    return acc / (double)n;
}
