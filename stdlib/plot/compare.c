/* fx compare (compare.h): reads both files, compares A against B (the
 * reference) with numpy.isclose's tolerance, prints what was compared, a
 * table of the largest deviations, the curve with the worst deviation from
 * both files overlaid in one chart, and one verdict line. Plain ASCII, no
 * colour: its output is for logs as much as for people. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "exp/runs_file.h"
#include "plot.h"

static const char usage[] =
    "usage: fx compare A B [--rtol R] [--atol A] [--top N] [--width N]\n"
    "\n"
    "Compares two saved runs or sweeps (.jsonl or .csv, as save and --out write\n"
    "them) metric by metric and epoch by epoch; B is the reference. A value is\n"
    "equal when |A - B| <= atol + rtol * |B| (numpy.isclose).\n"
    "\n"
    "  --rtol R    relative tolerance (default 1e-05)\n"
    "  --atol A    absolute tolerance (default 1e-08)\n"
    "  --top N     rows of the table of largest deviations (default 10)\n"
    "  --width N   chart width (default 80)\n"
    "\n"
    "exit status: 0 equal within the tolerance, 1 not, 2 usage error or a file\n"
    "that cannot be read. See fx(1).\n";

static int num_opt(const char *opt, const char *v, double lo, double *out)
{
    char *end;
    double x = v ? strtod(v, &end) : 0;
    if (!v || *end || !(x >= lo) || !isfinite(x)) {
        fprintf(stderr, "fx compare: %s needs a number >= %g\n", opt, lo);
        return -1;
    }
    *out = x;
    return 0;
}

static void describe(const char *tag, const char *path, const FxRuns *r)
{
    printf("%s: %s (%d series, %d metrics, %zu values)\n", tag, path, r->nseries, r->nmetrics,
           r->n);
}

static void cell(char *buf, size_t n, const FxRunsValue *v)
{
    if (v)
        snprintf(buf, n, "%.6g", v->v);
    else
        snprintf(buf, n, "-");
}

static void table(const FxRunsDiff *d, const char *xname, int top)
{
    int rows = 0;
    while (rows < top && (size_t)rows < d->n && d->d[rows].abs > 0)
        rows++;
    if (!rows)
        return;
    printf("\nlargest deviations:\n");
    printf("  %-20s %-14s %6s %12s %12s %10s %9s\n", "series", "metric", xname, "A", "B",
           "|A-B|", "relative");
    for (int i = 0; i < rows; i++) {
        const FxRunsDev *e = &d->d[i];
        const FxRunsValue *v = e->a ? e->a : e->b;
        char a[32], b[32], ab[32], rel[32];
        cell(a, sizeof a, e->a);
        cell(b, sizeof b, e->b);
        snprintf(ab, sizeof ab, e->a && e->b ? "%.3g" : "-", e->abs);
        if (e->a && e->b && isfinite(e->rel))
            snprintf(rel, sizeof rel, "%.3g%%", 100 * e->rel);
        else
            snprintf(rel, sizeof rel, "-");
        printf("  %-20.20s %-14.14s %6g %12s %12s %10s %9s%s\n", v->series[0] ? v->series : "(run)",
               v->metric, v->x, a, b, ab, rel, e->ok ? "" : " outside");
    }
}

/* x and y of one series' metric, from sorted values. */
static size_t curve(const FxRuns *r, const FxRunsValue *key, double *x, double *y)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->v[i].series, key->series) && !strcmp(r->v[i].metric, key->metric)) {
            x[n] = r->v[i].x;
            y[n++] = r->v[i].v;
        }
    return n;
}

static void chart(const FxRuns *a, const FxRuns *b, const FxRunsDev *worst, const char *pa,
                  const char *pb, int width)
{
    const FxRunsValue *key = worst->a ? worst->a : worst->b;
    double *ax = malloc((a->n + 1) * sizeof *ax), *ay = malloc((a->n + 1) * sizeof *ay);
    double *bx = malloc((b->n + 1) * sizeof *bx), *by = malloc((b->n + 1) * sizeof *by);
    if (!ax || !ay || !bx || !by) {
        free(ax); free(ay); free(bx); free(by);
        return;
    }
    char la[300], lb[300], title[300];
    snprintf(la, sizeof la, "A %s", pa);
    snprintf(lb, sizeof lb, "B %s", pb);
    snprintf(title, sizeof title, "%s%s%s: A and B", key->metric, key->series[0] ? " of " : "",
             key->series);
    FxPlotSeries s[2] = {{.label = la, .y = ay, .x = ax, .n = curve(a, key, ax, ay)},
                         {.label = lb, .y = by, .x = bx, .n = curve(b, key, bx, by)}};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = title;
    o.xlabel = a->xname;
    o.width = width;
    FxPlotBuf buf;
    fx_plot_buf_init(&buf);
    putchar('\n');
    if (fx_plot_line(&buf, s, 2, &o) == FX_PLOT_OK)
        fx_plot_buf_write(&buf, stdout);
    fx_plot_buf_free(&buf);
    free(ax); free(ay); free(bx); free(by);
}

static int report(FxRuns *a, FxRuns *b, const char *pa, const char *pb, double rtol,
                  double atol, int top, int width)
{
    FxRunsDiff d;
    fx_runs_diff(a, b, rtol, atol, &d);
    describe("A", pa, a);
    describe("B", pb, b);
    printf("tolerance: |A - B| <= %g + %g * |B|\n", atol, rtol);
    table(&d, b->xname, top);
    /* The chart: the worst curve, a learning rate (the setting itself, as
     * the history records it) only when nothing else differs. */
    size_t w = 0;
    while (w < d.n && d.d[w].abs > 0 && !strcmp((d.d[w].a ? d.d[w].a : d.d[w].b)->metric, "lr"))
        w++;
    if (w == d.n || !(d.d[w].abs > 0))
        w = 0;
    if (d.n && d.d[w].abs > 0)
        chart(a, b, &d.d[w], pa, pb, width);
    int st = d.outside ? 1 : 0;
    putchar('\n');
    if (d.outside) {
        char worst[700];
        fx_runs_dev_text(&d.d[0], b->xname, worst, sizeof worst);
        printf("differ: %zu of %zu values outside the tolerance", d.outside, d.n);
        if (d.only_a || d.only_b)
            printf(" (%zu only in A, %zu only in B)", d.only_a, d.only_b);
        printf("; worst %s\n", worst);
    } else {
        printf("equal: %zu values within the tolerance, largest deviation %g (relative %g)\n",
               d.n, d.max_abs, d.max_rel);
    }
    fx_runs_diff_free(&d);
    return st;
}

int fx_compare_main(int argc, char **argv)
{
    const char *path[2] = {0};
    int np = 0;
    double rtol = 1e-5, atol = 1e-8, top = 10, width = 80;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int bad = 0;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "--rtol")) {
            bad = num_opt(a, v, 0, &rtol), i++;
        } else if (!strcmp(a, "--atol")) {
            bad = num_opt(a, v, 0, &atol), i++;
        } else if (!strcmp(a, "--top")) {
            bad = num_opt(a, v, 1, &top), i++;
        } else if (!strcmp(a, "--width")) {
            bad = num_opt(a, v, 30, &width) || width > 1000, i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "fx compare: unknown option '%s'\nrun 'fx compare --help' for usage\n", a);
            return 2;
        } else if (np < 2) {
            path[np++] = a;
        } else {
            np++;
        }
        if (bad)
            return 2;
    }
    if (np != 2) {
        fprintf(stderr, "fx compare: needs two files, A and B\nrun 'fx compare --help' for usage\n");
        return 2;
    }
    FxRuns r[2];
    char err[600];
    for (int k = 0; k < 2; k++)
        if (fx_runs_read(&r[k], path[k], err, sizeof err) != 0) {
            fprintf(stderr, "fx compare: %s\n", err);
            if (k)
                fx_runs_free(&r[0]);
            return 2;
        }
    int st = report(&r[0], &r[1], path[0], path[1], rtol, atol, (int)top, (int)width);
    fx_runs_free(&r[0]);
    fx_runs_free(&r[1]);
    return st;
}
