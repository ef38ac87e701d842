/* Numbers and ticks of the plot renderer: fx_plot_fmt's shortest readable
 * forms, round linear ticks and their labels (equal decimals), log ticks
 * at powers of ten, and the fit of ticks onto whole rows and columns. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "plot/plot.h"
#include "plot/plot_impl.h"

static void fmt_is(Checks *c, double v, int sig, const char *want)
{
    char got[FX_PLOT_NUM_MAX];
    size_t n = fx_plot_fmt(got, sizeof got, v, sig);
    CHECK(c, strcmp(got, want) == 0 && n == strlen(want),
          "fmt(%.17g, %d) = \"%s\" (want \"%s\")", v, sig, got, want);
}

static void test_fmt(Checks *c)
{
    fmt_is(c, 0.001, 4, "0.001");
    fmt_is(c, 2.5, 4, "2.5");
    fmt_is(c, 1e-5, 4, "1e-05");
    fmt_is(c, 12345, 4, "12345");
    fmt_is(c, 1234567, 3, "1.23e+06");
    fmt_is(c, 1234567, 0, "1.235e+06");
    fmt_is(c, 0, 4, "0");
    fmt_is(c, -0.0, 4, "0");
    fmt_is(c, -0.25, 4, "-0.25");
    fmt_is(c, 2.30123, 4, "2.301");
    fmt_is(c, 0.1 + 0.2, 4, "0.3");
    fmt_is(c, 0.0001, 4, "0.0001");
    fmt_is(c, 0.00012345, 4, "0.0001234");   /* stored just below the half */
    fmt_is(c, 999999.7, 4, "1e+06");
    fmt_is(c, 99999.7, 4, "100000");
    fmt_is(c, 12345.678, 4, "12346");
    fmt_is(c, 1e300, 4, "1e+300");
    fmt_is(c, NAN, 4, "nan");
    fmt_is(c, INFINITY, 4, "inf");
    fmt_is(c, -INFINITY, 4, "-inf");
    fmt_is(c, 1.0 / 3, 17, "0.33333333333333331");
    char small[4];
    size_t n = fx_plot_fmt(small, sizeof small, 123456, 4);
    CHECK(c, n == 6 && strcmp(small, "123") == 0,
          "fmt truncates to the buffer and returns the full length");
}

/* The labels of t joined by spaces (in storage that t carries along). */
typedef struct Joined { char s[FX_PLOT_MAX_TICKS * FX_PLOT_NUM_MAX]; } Joined;

#define joined(t) join_labels((t), &(Joined){{0}})

static const char *join_labels(const FxPlotTicks *t, Joined *j)
{
    char *s = j->s;
    s[0] = '\0';
    for (int i = 0; i < t->n; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, t->label[i]);
    }
    return s;
}

static void nice_is(Checks *c, double lo, double hi, int max_iv, int integer,
                    const char *want)
{
    FxPlotTicks t;
    fx_plot_ticks_nice(&t, lo, hi, max_iv, integer);
    const char *got = joined(&t);
    CHECK(c, strcmp(got, want) == 0, "nice(%g, %g, %d) = \"%s\" (want \"%s\")",
          lo, hi, max_iv, got, want);
}

static void test_linear(Checks *c)
{
    nice_is(c, 0, 1, 5, 0, "0.0 0.2 0.4 0.6 0.8 1.0");
    nice_is(c, 0, 1, 10, 0, "0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0");
    nice_is(c, 2.2871, 2.3012, 5, 0, "2.285 2.290 2.295 2.300 2.305");
    nice_is(c, -1, 3, 5, 0, "-1 0 1 2 3");
    nice_is(c, -1, 2.84, 8, 0, "-1.0 -0.5 0.0 0.5 1.0 1.5 2.0 2.5 3.0");
    nice_is(c, 0.95, 1.05, 5, 0, "0.950 0.975 1.000 1.025 1.050");
    nice_is(c, 1, 20, 5, 1, "0 5 10 15 20");
    nice_is(c, 1, 3, 8, 1, "1 2 3");
    nice_is(c, 1, 100, 6, 1, "0 20 40 60 80 100");
    nice_is(c, 0, 2.5e6, 5, 0, "0 5.0e+05 1.0e+06 1.5e+06 2.0e+06 2.5e+06");
    nice_is(c, 0, 4.2e-5, 5, 0, "0 1e-05 2e-05 3e-05 4e-05 5e-05");
    nice_is(c, 5, 5, 2, 0, "4.5 5.0 5.5");
    nice_is(c, 0, 0, 4, 0, "-1.0 -0.5 0.0 0.5 1.0");
    nice_is(c, -0.3, 0.3, 2, 0, "-0.5 0.0 0.5");
    nice_is(c, -2.4, 4.9, 3, 0, "-2.5 0.0 2.5 5.0");
    nice_is(c, 0, 240, 3, 0, "0 100 200 300");
    FxPlotTicks t;
    fx_plot_ticks_nice(&t, 0.3, 2.9, 5, 0);
    CHECK(c, t.lo == 0 && t.hi == 3, "nice extends the axis to the outer ticks");
    fx_plot_ticks_within(&t, 0.3, 2.9, 5, 0);
    CHECK(c, t.lo == 0.3 && t.hi == 2.9 && strcmp(joined(&t), "0.5 1.0 1.5 2.0 2.5") == 0,
          "within keeps the range: \"%s\"", joined(&t));
}

static void log_is(Checks *c, double lo, double hi, int max_iv, const char *want)
{
    FxPlotTicks t;
    fx_plot_ticks_log(&t, log10(lo), log10(hi), max_iv, 1);
    const char *got = joined(&t);
    CHECK(c, strcmp(got, want) == 0, "log(%g, %g, %d) = \"%s\" (want \"%s\")",
          lo, hi, max_iv, got, want);
}

static void test_log(Checks *c)
{
    log_is(c, 1e-4, 1, 8, "0.0001 0.001 0.01 0.1 1");
    log_is(c, 3e-4, 0.7, 8, "0.0001 0.001 0.01 0.1 1");
    log_is(c, 10, 1e4, 8, "10 100 1000 10000");
    log_is(c, 1e-6, 10, 8, "1e-06 1e-05 1e-04 1e-03 1e-02 1e-01 1e+00 1e+01");
    log_is(c, 1e-12, 1e12, 6, "1e-15 1e-10 1e-05 1e+00 1e+05 1e+10 1e+15");
    log_is(c, 10, 10, 4, "1 10 100");
}

/* Fit: ticks land on whole cells and the data fill the axis. */
static void test_fit(Checks *c)
{
    FxPlotTicks t;
    FxPlotAxisSpec y = {0.12, 2.45, 0, 0, 0, 0, 17, 3, 0, 0};
    int rows = fx_plot_ticks_fit(&t, &y);
    CHECK(c, rows <= 17 && rows >= 15, "y fit uses %d of 17 rows", rows);
    CHECK(c, strcmp(joined(&t), "0.0 0.5 1.0 1.5 2.0 2.5") == 0,
          "y ticks \"%s\"", joined(&t));
    int exact = 1;
    for (int i = 0; i < t.n; i++) {
        double pos = fx_plot_axis_pos(&t, t.v[i], rows);
        exact = exact && fabs(pos - floor(pos + 0.5)) < 1e-6;
    }
    CHECK(c, exact, "every y tick on an exact row");
    CHECK(c, t.lo <= 0.12 && t.hi >= 2.45, "axis [%g, %g] covers the data", t.lo, t.hi);

    FxPlotAxisSpec ylog = {-4, 1, 0, 0, 1, 0, 17, 3, 0, 0};
    rows = fx_plot_ticks_fit(&t, &ylog);
    CHECK(c, strcmp(joined(&t), "0.0001 0.001 0.01 0.1 1 10") == 0 && rows == 16,
          "log y fit: \"%s\" on %d rows", joined(&t), rows);

    FxPlotAxisSpec x = {1, 20, 0, 0, 0, 1, 70, 8, 1, 2};
    int cols = fx_plot_ticks_fit(&t, &x);
    CHECK(c, strcmp(joined(&t), "0 5 10 15 20") == 0 && cols == 69,
          "x fit: \"%s\" on %d of 70 columns", joined(&t), cols);

    FxPlotAxisSpec narrow = {1, 50, 0, 0, 0, 1, 35, 8, 1, 2};
    cols = fx_plot_ticks_fit(&t, &narrow);
    CHECK(c, strcmp(joined(&t), "0 25 50") == 0,
          "1..50 on 35 columns: \"%s\" (not 0 20 40 60)", joined(&t));
    FxPlotAxisSpec gd = {1, 100, 0, 0, 0, 1, 66, 8, 1, 2};
    cols = fx_plot_ticks_fit(&t, &gd);
    CHECK(c, strcmp(joined(&t), "0 20 40 60 80 100") == 0 && cols == 66,
          "1..100 on 66 columns: \"%s\" on %d", joined(&t), cols);

    FxPlotAxisSpec fixed = {-1, 1, 1, 1, 0, 0, 13, 3, 0, 0};
    rows = fx_plot_ticks_fit(&t, &fixed);
    CHECK(c, rows == 13 && t.lo == -1 && t.hi == 1 &&
             strcmp(joined(&t), "-1.0 -0.5 0.0 0.5 1.0") == 0,
          "fixed range keeps its ends: \"%s\"", joined(&t));

    FxPlotAxisSpec tiny = {0, 1, 0, 0, 0, 0, 3, 3, 0, 0};
    rows = fx_plot_ticks_fit(&t, &tiny);
    CHECK(c, rows >= 2 && rows <= 3 && t.n >= 2,
          "three cells still get two ticks (%d cells, %d ticks)", rows, t.n);
}

int main(void)
{
    Checks c = {0, 0};
    test_fmt(&c);
    test_linear(&c);
    test_log(&c);
    test_fit(&c);
    return checks_done(&c);
}
