/* Tables: exact renderings of a `table runs`-like table with mixed
 * columns (numbers with automatic and fixed precision, strings, missing
 * cells, nan), Unicode borders, long cells cut, no rows; argument checks. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "plot/plot.h"
#include "plot_expect.h"

static void render(Checks *c, const char *name, const FxPlotColumn *cols,
                   size_t nc, size_t nr, const FxPlotTableOpts *o)
{
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    FxPlotStatus st = fx_plot_table(&b, cols, nc, nr, o);
    CHECK(c, st == FX_PLOT_OK, "%s: renders", name);
    expect_rendering(c, name, &b);
    fx_plot_buf_free(&b);
}

static void test_runs(Checks *c)
{
    double lr[4] = {0.001, 0.001, 0.1, 0.1}, batch[4] = {64, 16, 64, 16};
    double final[4] = {2.30123, 2.2871, NAN, 0.0123456};
    double best[4] = {2.29871, 2.2799, 2.31, 0};
    double epoch[4] = {12, 3, 1, 0};
    unsigned char missing[4] = {0, 0, 0, 1};
    const char *status[4] = {"ok", "ok", "diverged at step 37", NULL};
    FxPlotColumn cols[6] = {
        {"lr", lr, NULL, NULL, FX_PLOT_NUM_SIG, 0},
        {"batch", batch, NULL, NULL, FX_PLOT_NUM_SIG, 0},
        {"final loss", final, NULL, NULL, FX_PLOT_NUM_SIG, 0},
        {"best val_loss", best, missing, NULL, FX_PLOT_NUM_FIXED, 3},
        {"best epoch", epoch, missing, NULL, FX_PLOT_NUM_SIG, 0},
        {"status", NULL, NULL, status, FX_PLOT_NUM_SIG, 0},
    };
    FxPlotTableOpts o = {0};
    o.title = "runs";
    render(c, "table_runs", cols, 6, 4, &o);
    o.mode = FX_PLOT_UNICODE;
    render(c, "table_runs_unicode", cols, 6, 4, &o);
}

static void test_cuts_and_edges(Checks *c)
{
    const char *names[2] = {"a name far too long to fit in the narrow column",
                            "line\nbreak"};
    double big[2] = {1.5e12, -3e-7};
    FxPlotColumn cols[3] = {
        {"name", NULL, NULL, names, FX_PLOT_NUM_SIG, 0},
        {"value", big, NULL, NULL, FX_PLOT_NUM_FIXED, 2},
        {NULL, NULL, NULL, NULL, FX_PLOT_NUM_SIG, 0},
    };
    FxPlotTableOpts o = {0};
    o.max_cell = 20;
    render(c, "table_cut", cols, 3, 2, &o);
    render(c, "table_empty", cols, 3, 0, &o);
}

static void test_arguments(Checks *c)
{
    FxPlotTableOpts o = {0};
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    CHECK(c, fx_plot_table(&b, NULL, 2, 1, &o) == FX_PLOT_EINVAL,
          "NULL columns: EINVAL");
    CHECK(c, fx_plot_table(&b, NULL, 0, 0, &o) == FX_PLOT_OK &&
             strcmp(b.data, "(no columns)\n") == 0, "no columns: a note");
    fx_plot_buf_free(&b);
}

int main(void)
{
    Checks c = {0, 0};
    test_runs(&c);
    test_cuts_and_edges(&c);
    test_arguments(&c);
    return checks_done(&c);
}
