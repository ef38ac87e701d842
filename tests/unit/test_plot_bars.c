/* Grouped bar charts: exact renderings of seed 001's train/test MSE by
 * polynomial degree (linear and log axes, ASCII, Unicode shades, colour),
 * values spanning 1e1..1e4, gaps (nan, <= 0 on a log axis), negative
 * values, one series, many series; argument checks. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "plot/plot.h"
#include "plot_expect.h"

static const char *degrees[3] = {"degree 1", "degree 3", "degree 10"};

static void render(Checks *c, const char *name, const char *const *groups,
                   size_t ng, const FxPlotBarSeries *s, size_t ns,
                   const FxPlotBarsOpts *o)
{
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    FxPlotStatus st = fx_plot_bars(&b, groups, ng, s, ns, o);
    CHECK(c, st == FX_PLOT_OK, "%s: renders", name);
    CHECK(c, !strchr(b.data, '\x1b') || o->color,
          "%s: no escape codes without colour", name);
    expect_rendering(c, name, &b);
    fx_plot_buf_free(&b);
}

static void test_seed001(Checks *c)
{
    /* Train MSE falls with the degree; test MSE rises again at 10. */
    double train[3] = {1456.3, 95.21, 80.4}, test[3] = {1620.8, 110.7, 2315.2};
    FxPlotBarSeries s[2] = {{"train MSE", train}, {"test MSE", test}};
    FxPlotBarsOpts o = {0};
    o.title = "Train and test MSE by polynomial degree";
    o.axis_label = "MSE";
    render(c, "bars_mse", degrees, 3, s, 2, &o);
    o.log = 1;
    render(c, "bars_mse_log", degrees, 3, s, 2, &o);
    o.mode = FX_PLOT_UNICODE;
    render(c, "bars_mse_log_unicode", degrees, 3, s, 2, &o);
    o.color = 1;
    render(c, "bars_mse_log_color", degrees, 3, s, 2, &o);
}

/* 1e1 and 1e4 in one chart: on a log axis both bars are long enough. */
static void test_span(Checks *c)
{
    double v[3] = {10, 1e4, 350};
    const char *g[3] = {"small", "large", "middle"};
    FxPlotBarSeries s = {"value", v};
    FxPlotBarsOpts o = {0};
    o.log = 1;
    o.width = 60;
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    fx_plot_bars(&b, g, 3, &s, 1, &o);
    const char *row = strstr(b.data, "small");
    int cells = 0;
    for (const char *p = row; p && *p && *p != '\n'; p++)
        cells += *p == '#';
    CHECK(c, cells >= 10, "10 next to 1e4 on a log axis: %d cells", cells);
    fx_plot_buf_free(&b);
    render(c, "bars_span_log", g, 3, &s, 1, &o);
}

static void test_gaps_and_signs(Checks *c)
{
    double a[4] = {3.5, NAN, 0, 120}, d[4] = {-2.5, 1.25, 4, -0.5};
    const char *g[4] = {"a", "b", "c", "a label much longer than the others"};
    FxPlotBarSeries s[2] = {{"first", a}, {"second", d}};
    FxPlotBarsOpts o = {0};
    o.log = 1;
    o.title = "gaps on a log axis";
    render(c, "bars_gaps_log", g, 4, s, 1, &o);
    o.log = 0;
    o.title = "negative values";
    o.mode = FX_PLOT_UNICODE;
    render(c, "bars_negative", g, 4, &s[1], 1, &o);
}

static void test_many_series(Checks *c)
{
    static const char *labels[6] = {"lr=0.001", "lr=0.003", "lr=0.01",
                                    "lr=0.03", "lr=0.1", "lr=0.3"};
    double v[6][2];
    FxPlotBarSeries s[6];
    for (int i = 0; i < 6; i++) {
        v[i][0] = 0.9 - 0.12 * i;
        v[i][1] = 0.2 + 0.1 * i * i;
        s[i] = (FxPlotBarSeries){labels[i], v[i]};
    }
    const char *g[2] = {"final loss", "spread"};
    FxPlotBarsOpts o = {0};
    o.mode = FX_PLOT_UNICODE;   /* six series without colour: ASCII fills */
    o.width = 70;
    render(c, "bars_six", g, 2, s, 6, &o);
}

static void test_arguments(Checks *c)
{
    double v[1] = {1};
    FxPlotBarSeries s = {"s", v};
    FxPlotBarsOpts o = {0};
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    CHECK(c, fx_plot_bars(&b, NULL, 1, &s, 1, &o) == FX_PLOT_EINVAL,
          "NULL groups: EINVAL");
    CHECK(c, fx_plot_bars(&b, degrees, 1, NULL, 1, &o) == FX_PLOT_EINVAL,
          "NULL series: EINVAL");
    CHECK(c, fx_plot_bars(&b, degrees, 0, &s, 1, &o) == FX_PLOT_OK &&
             strstr(b.data, "note: no data"), "no groups: a note");
    const char *unnamed[1] = {NULL};
    FxPlotBarSeries nolabel = {NULL, NULL};
    fx_plot_buf_clear(&b);
    CHECK(c, fx_plot_bars(&b, unnamed, 1, &nolabel, 1, &o) == FX_PLOT_OK &&
             strstr(b.data, "| nan\n"),
          "NULL group label, series label and values: a row without a bar");
    fx_plot_buf_free(&b);
}

int main(void)
{
    Checks c = {0, 0};
    test_seed001(&c);
    test_span(&c);
    test_gaps_and_signs(&c);
    test_many_series(&c);
    test_arguments(&c);
    return checks_done(&c);
}
