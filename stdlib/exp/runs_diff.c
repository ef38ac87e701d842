/* Comparing two saved runs value by value (runs_file.h): both sorted by
 * series, metric and step, then merged; each value's deviation is measured
 * against numpy.isclose's tolerance, atol + rtol * |reference|, and the
 * worst (the furthest beyond it) come first. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fx.h"
#include "runs_file.h"

static int by_key(const void *pa, const void *pb)
{
    const FxRunsValue *a = pa, *b = pb;
    int c = strcmp(a->series, b->series);
    if (!c)
        c = strcmp(a->metric, b->metric);
    if (!c)
        c = (a->x > b->x) - (a->x < b->x);
    return c;
}

static int by_worst(const void *pa, const void *pb)
{
    const FxRunsDev *a = pa, *b = pb;
    if (a->over != b->over)
        return a->over > b->over ? -1 : 1;
    return 0;
}

static void count(FxRuns *r)
{
    r->nseries = r->nmetrics = 0;
    for (size_t i = 0; i < r->n; i++) {
        if (i == 0 || strcmp(r->v[i].series, r->v[i - 1].series))
            r->nseries++;
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = !strcmp(r->v[k].metric, r->v[i].metric);
        r->nmetrics += !seen;
    }
}

static FxRunsDev measure(const FxRunsValue *a, const FxRunsValue *b, double rtol, double atol)
{
    FxRunsDev d = {a, b, INFINITY, INFINITY, INFINITY, 0};
    if (!a || !b)
        return d;
    if (isnan(a->v) && isnan(b->v)) {
        d.abs = d.rel = d.over = 0;
    } else if (a->v == b->v) {        /* the same infinity too */
        d.abs = d.rel = d.over = 0;
    } else if (isfinite(a->v) && isfinite(b->v)) {
        d.abs = fabs(a->v - b->v);
        d.rel = b->v != 0 ? d.abs / fabs(b->v) : INFINITY;
        double tol = atol + rtol * fabs(b->v);
        d.over = tol > 0 ? d.abs / tol : INFINITY;
    }
    d.ok = d.abs <= atol + rtol * fabs(b->v) || d.abs == 0;
    return d;
}

void fx_runs_diff(FxRuns *a, FxRuns *b, double rtol, double atol, FxRunsDiff *out)
{
    memset(out, 0, sizeof *out);
    qsort(a->v, a->n, sizeof *a->v, by_key);
    qsort(b->v, b->n, sizeof *b->v, by_key);
    count(a);
    count(b);
    out->d = fx_xmalloc((a->n + b->n + 1) * sizeof *out->d);
    size_t i = 0, k = 0;
    while (i < a->n || k < b->n) {
        int c = i == a->n ? 1 : k == b->n ? -1 : by_key(&a->v[i], &b->v[k]);
        FxRunsDev d = measure(c <= 0 ? &a->v[i] : NULL, c >= 0 ? &b->v[k] : NULL, rtol, atol);
        if (c < 0) out->only_a++;
        if (c > 0) out->only_b++;
        i += c <= 0;
        k += c >= 0;
        out->outside += !d.ok;
        if (d.a && d.b) {
            if (d.abs > out->max_abs || (isinf(d.abs) && !isinf(out->max_abs)))
                out->max_abs = d.abs;
            if (d.rel > out->max_rel && d.abs > 0)
                out->max_rel = d.rel;
        }
        out->d[out->n++] = d;
    }
    qsort(out->d, out->n, sizeof *out->d, by_worst);
}

void fx_runs_diff_free(FxRunsDiff *d)
{
    free(d->d);
    memset(d, 0, sizeof *d);
}

void fx_runs_dev_text(const FxRunsDev *d, const char *xname, char *buf, size_t n)
{
    const FxRunsValue *v = d->a ? d->a : d->b;
    char where[512];
    snprintf(where, sizeof where, "%s at %s %g%s%s", v->metric, xname, v->x,
             v->series[0] ? " of " : "", v->series);
    if (!d->a)
        snprintf(buf, n, "%s is missing (the reference has %.6g)", where, d->b->v);
    else if (!d->b)
        snprintf(buf, n, "%s is not in the reference (%.6g)", where, d->a->v);
    else if (isfinite(d->rel))
        snprintf(buf, n, "%s: %.6g against %.6g (relative %.3g%%)", where, d->a->v, d->b->v,
                 100 * d->rel);
    else
        snprintf(buf, n, "%s: %.6g against %.6g", where, d->a->v, d->b->v);
}
