/* The plot renderer on random inputs: series of random lengths holding
 * nan, inf, huge, tiny, negative and repeated values, random widths,
 * heights, modes and options, for line charts, bars and tables. Every
 * call must return OK (or EINVAL exactly when the arguments are invalid),
 * never crash (the sanitizer build runs this too), and keep its size:
 * within the width when the labels allow it, one line per row. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "plot/plot.h"

typedef struct Rng { uint32_t s; } Rng;

static uint32_t next(Rng *r)
{
    r->s = r->s * 1664525u + 1013904223u;
    return r->s >> 8;
}

static double uniform(Rng *r) { return next(r) / 16777216.0; }

/* Values with every kind of trouble mixed into a random walk. */
static double value(Rng *r, double *walk)
{
    switch (next(r) % 20) {
    case 0: return NAN;
    case 1: return INFINITY;
    case 2: return -INFINITY;
    case 3: return 1e300 * (uniform(r) - 0.5);
    case 4: return 1e-300 * uniform(r);
    case 5: return 0;
    default:
        *walk += uniform(r) - 0.5;
        return *walk;
    }
}

/* Columns of the widest line, escape sequences skipped. */
static int widest(const char *s)
{
    int w = 0, best = 0;
    for (; s && *s; s++) {
        if (*s == '\x1b') {
            while (*s && *s != 'm')
                s++;
            if (!*s)
                break;
        } else if (*s == '\n') {
            w = 0;
        } else if (((unsigned char)*s & 0xc0) != 0x80 && ++w > best) {
            best = w;
        }
    }
    return best;
}

static void random_line(Checks *c, Rng *r, int round, int *bad)
{
    enum { MAXS = 14, MAXN = 3000 };
    double *y = malloc(MAXS * MAXN * sizeof *y), *x = malloc(MAXN * sizeof *x);
    double *lo = malloc(MAXS * MAXN * sizeof *lo), *hi = malloc(MAXS * MAXN * sizeof *hi);
    FxPlotSeries s[MAXS];
    size_t ns = next(r) % MAXS;
    for (size_t i = 0; i < ns; i++) {
        size_t n = next(r) % 4 == 0 ? next(r) % 3 : next(r) % MAXN;
        double walk = uniform(r) * 10 - 5;
        for (size_t k = 0; k < n; k++)
            y[i * MAXN + k] = next(r) % 7 == 0 ? walk : value(r, &walk);
        for (size_t k = 0; k < n; k++) {      /* bands, sometimes inverted or nan */
            lo[i * MAXN + k] = y[i * MAXN + k] - value(r, &walk);
            hi[i * MAXN + k] = y[i * MAXN + k] + value(r, &walk);
        }
        int band = next(r) % 3 == 0;
        s[i] = (FxPlotSeries){i % 3 ? "series \xe2\x80\x94 label" : NULL,
                              y + i * MAXN, next(r) % 4 == 0 ? x : NULL, n,
                              band ? lo + i * MAXN : NULL, band ? hi + i * MAXN : NULL, 0};
    }
    for (size_t k = 0; k < MAXN; k++)
        x[k] = next(r) % 50 == 0 ? NAN : k * 0.01 + uniform(r) * 0.02;
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.width = 30 + (int)(next(r) % 150);
    o.height = 3 + (int)(next(r) % 40);
    o.mode = (FxPlotMode)(next(r) % 3);
    o.color = next(r) % 2;
    o.log_y = next(r) % 3 == 0;
    o.legend = (FxPlotLegend)(next(r) % 3);
    o.has_ymin = next(r) % 4 == 0;
    o.has_ymax = next(r) % 4 == 0;
    o.ymin = uniform(r) * 2 - (o.log_y ? 0 : 1);
    o.ymax = o.ymin + uniform(r) * 3 + 1e-3;
    o.title = "random";
    o.xlabel = next(r) % 2 ? "x" : NULL;
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    FxPlotStatus st = fx_plot_line(&b, s, ns, &o);
    int invalid = o.log_y && o.has_ymin && o.ymin <= 0;
    if (st != (invalid ? FX_PLOT_EINVAL : FX_PLOT_OK) ||
        (st == FX_PLOT_OK && widest(b.data) > o.width)) {
        (*bad)++;
        printf("# round %d: status %d, widest %d, width %d\n", round, st,
               widest(b.data), o.width);
        if (getenv("FX_PLOT_SHOW"))
            printf("%s", b.data);
    }
    fx_plot_buf_free(&b);
    free(y);
    free(lo);
    free(hi);
    free(x);
}

static void random_bars_and_table(Rng *r, int round, int *bad)
{
    double v[3][5];
    const char *groups[5] = {"a", "bb", NULL, "a long group label here", "e"};
    const char *strs[5] = {"x", NULL, "y\tz", "", "w"};
    unsigned char miss[5] = {0, 1, 0, 0, 1};
    FxPlotBarSeries s[3];
    double walk = 0;
    for (int i = 0; i < 3; i++) {
        for (int g = 0; g < 5; g++)
            v[i][g] = value(r, &walk);
        s[i] = (FxPlotBarSeries){"s", v[i]};
    }
    FxPlotBarsOpts o = {0};
    o.width = (int)(next(r) % 200) - 10;
    o.mode = (FxPlotMode)(next(r) % 3);
    o.color = next(r) % 2;
    o.log = next(r) % 2;
    o.sig = (int)(next(r) % 20) - 2;
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    int width = o.width <= 0 ? 80 : o.width < 30 ? 30 : o.width;
    if (fx_plot_bars(&b, groups, next(r) % 6, s, next(r) % 4, &o) != FX_PLOT_OK ||
        (o.sig <= 6 && widest(b.data) > width))
        (*bad)++, printf("# round %d: bars failed or wider than %d\n%s",
                         round, width, b.data);
    FxPlotColumn cols[3] = {{"n", v[0], miss, NULL, FX_PLOT_NUM_FIXED, (int)(next(r) % 25) - 3},
                            {"m", v[1], NULL, NULL, FX_PLOT_NUM_SIG, (int)(next(r) % 25) - 3},
                            {"s", NULL, NULL, strs, FX_PLOT_NUM_SIG, 0}};
    FxPlotTableOpts to = {0};
    to.max_cell = (int)(next(r) % 12) - 2;
    to.mode = (FxPlotMode)(next(r) % 3);
    if (fx_plot_table(&b, cols, next(r) % 4, next(r) % 6, &to) != FX_PLOT_OK)
        (*bad)++, printf("# round %d: table failed\n", round);
    fx_plot_buf_free(&b);
}

int main(void)
{
    Checks c = {0, 0};
    Rng r = {12345};
    int bad = 0;
    for (int i = 0; i < 300; i++)
        random_line(&c, &r, i, &bad);
    CHECK(&c, bad == 0, "300 random line charts: %d failures", bad);
    bad = 0;
    for (int i = 0; i < 300; i++)
        random_bars_and_table(&r, i, &bad);
    CHECK(&c, bad == 0, "300 random bar charts and tables: %d failures", bad);
    return checks_done(&c);
}
