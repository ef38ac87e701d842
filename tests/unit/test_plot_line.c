/* Line charts: exact renderings of fixed inputs (the seeds' shapes: two
 * epoch curves, four gradient-descent curves, gaps, log axis, a flat
 * series, a single point, 12 series, 10,000 points, braille, colour), plus
 * properties: bounded size, speed, escapes only when asked, argument
 * checks. Expected text lives in tests/unit/plot_expected/. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "plot/plot.h"
#include "plot_expect.h"

/* Columns of the widest line (code points, escape sequences skipped) and
 * the number of lines. */
static void measure(const char *s, int *width, int *lines)
{
    int w = 0;
    *width = *lines = 0;
    for (; *s; s++) {
        if (*s == '\x1b') {
            while (*s && *s != 'm')
                s++;
            if (!*s)
                break;
        } else if (*s == '\n') {
            (*lines)++;
            w = 0;
        } else if (((unsigned char)*s & 0xc0) != 0x80) {
            if (++w > *width)
                *width = w;
        }
    }
}

/* A deterministic noise source in [-1, 1). */
static double noise(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return (*state >> 8) / 8388608.0 - 1.0;
}

static void render(Checks *c, const char *name, const FxPlotSeries *s,
                   size_t ns, const FxPlotLineOpts *o)
{
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    FxPlotStatus st = fx_plot_line(&b, s, ns, o);
    CHECK(c, st == FX_PLOT_OK, "%s: renders (%s)", name, fx_plot_status_str(st));
    int w, lines;
    measure(b.data ? b.data : "", &w, &lines);
    CHECK(c, w <= o->width, "%s: %d columns within width %d", name, w, o->width);
    CHECK(c, !b.data || !strchr(b.data, '\x1b') || o->color,
          "%s: no escape codes without colour", name);
    expect_rendering(c, name, &b);
    fx_plot_buf_free(&b);
}

/* Seed 000's shape: train loss falls, val loss turns up after epoch 10. */
static void test_epochs(Checks *c)
{
    double tr[20], va[20];
    for (int i = 0; i < 20; i++) {
        tr[i] = 2.3 * exp(-i / 5.0) + 0.12 + 0.02 * sin(i * 1.3);
        va[i] = 2.1 * exp(-i / 6.0) + 0.35 + (i > 10 ? 0.04 * (i - 10) : 0);
    }
    FxPlotSeries s[2] = {{"train loss", tr, NULL, 20, NULL, NULL, 0}, {"val loss", va, NULL, 20, NULL, NULL, 0}};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = "loss";
    o.xlabel = "epoch";
    render(c, "line_epochs", s, 2, &o);
    o.mode = FX_PLOT_UNICODE;
    render(c, "line_epochs_unicode", s, 2, &o);
}

/* Seed 001, example 1: f(x_t) for x_{t+1} = x_t - lr (2 x_t - 4). */
static void test_gradient_descent(Checks *c)
{
    static const double lrs[4] = {0.01, 0.1, 0.2, 0.5};
    static const char *labels[4] = {"lr=0.01", "lr=0.1", "lr=0.2", "lr=0.5"};
    double f[4][100];
    FxPlotSeries s[4];
    for (int k = 0; k < 4; k++) {
        double x = 0;
        for (int t = 0; t < 100; t++) {
            x = x - lrs[k] * (2 * x - 4);
            f[k][t] = x * x - 4 * x + 3;
        }
        s[k] = (FxPlotSeries){labels[k], f[k], NULL, 100, NULL, NULL, 0};
    }
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = "Impact of learning rate on optimization";
    o.xlabel = "iteration";
    o.ylabel = "f(x)";
    render(c, "line_gd", s, 4, &o);
    o.mode = FX_PLOT_UNICODE;
    o.color = 1;
    render(c, "line_gd_color", s, 4, &o);
}

static void test_gaps(Checks *c)
{
    double a[30], b[30];
    for (int i = 0; i < 30; i++) {
        a[i] = sin(i / 3.0);
        b[i] = 0.5 * cos(i / 4.0);
    }
    a[5] = NAN;
    a[12] = INFINITY;
    a[13] = -INFINITY;
    a[20] = NAN;
    a[22] = NAN;     /* a[21] stands alone between two gaps */
    b[29] = NAN;
    FxPlotSeries s[2] = {{"with gaps", a, NULL, 30, NULL, NULL, 0}, {"cos", b, NULL, 30, NULL, NULL, 0}};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = "nan and inf are gaps";
    o.height = 12;
    render(c, "line_gaps", s, 2, &o);
}

static void test_log(Checks *c)
{
    double a[50], b[50];
    for (int i = 0; i < 50; i++) {
        a[i] = 10 * pow(10, -5.0 * i / 49);
        b[i] = 0.5 * exp(-i / 20.0) + 0.01;
    }
    b[10] = 0;
    b[11] = -1;
    FxPlotSeries s[2] = {{"loss", a, NULL, 50, NULL, NULL, 0}, {"val loss", b, NULL, 50, NULL, NULL, 0}};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = "log y";
    o.log_y = 1;
    render(c, "line_log", s, 2, &o);
}

static void test_flat_and_single(Checks *c)
{
    double flat[20], one = 2.5;
    for (int i = 0; i < 20; i++)
        flat[i] = 0.5;
    FxPlotSeries s = {"accuracy", flat, NULL, 20, NULL, NULL, 0};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = "flat";
    o.height = 9;
    render(c, "line_flat", &s, 1, &o);
    FxPlotSeries p = {"one point", &one, NULL, 1, NULL, NULL, 0};
    o.title = "single point";
    render(c, "line_single", &p, 1, &o);
    o.mode = FX_PLOT_UNICODE;
    render(c, "line_single_unicode", &p, 1, &o);
}

static void test_twelve(Checks *c)
{
    static const double lrs[4] = {0.001, 0.01, 0.1, 1};
    static const int batches[3] = {16, 64, 256};
    double y[12][40];
    char labels[12][48];
    FxPlotSeries s[12];
    for (int k = 0; k < 12; k++) {
        for (int i = 0; i < 40; i++)
            y[k][i] = k * 0.3 + exp(-i / (4.0 + k)) + 0.1 * sin(i * (0.2 + k * 0.05));
        snprintf(labels[k], sizeof labels[k], "lr=%g, batch=%d, dropout=0.5",
                 lrs[k % 4], batches[k / 4]);
        s[k] = (FxPlotSeries){labels[k], y[k], NULL, 40, NULL, NULL, 0};
    }
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = "12 runs";
    render(c, "line_twelve", s, 12, &o);
    o.mode = FX_PLOT_UNICODE;
    o.color = 1;
    render(c, "line_twelve_color", s, 12, &o);
}

/* 10,000 noisy per-batch losses: fast, bounded by width x height. */
static void test_many_points(Checks *c)
{
    enum { N = 10000 };
    double *y = malloc(N * sizeof *y);
    if (!y) {
        CHECK(c, 0, "many points: allocation");
        return;
    }
    uint32_t st = 42;
    for (int i = 0; i < N; i++)
        y[i] = 2.3 * exp(-i / 1500.0) + 0.2 + 0.15 * noise(&st) +
               (i % 997 == 0 ? 0.8 : 0);
    FxPlotSeries s = {"batch loss", y, NULL, N, NULL, NULL, 0};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = "10,000 points";
    o.xlabel = "batch";
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    clock_t t0 = clock();
    FxPlotStatus r = fx_plot_line(&b, &s, 1, &o);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(c, r == FX_PLOT_OK, "many points: renders");
    CHECK(c, secs < 0.5, "many points: rendered in %.4f s", secs);
    int w, lines;
    measure(b.data, &w, &lines);
    CHECK(c, w <= 80 && lines <= 17 + 6, "many points: %d x %d within 80 x 23",
          w, lines);
    CHECK(c, b.len <= 4 * 80 * 23, "many points: %zu bytes", b.len);
    expect_rendering(c, "line_many", &b);
    fx_plot_buf_free(&b);
    free(y);
}

static void test_braille(Checks *c)
{
    double a[200], b[200], d[200];
    for (int i = 0; i < 200; i++) {
        a[i] = sin(i / 15.0);
        b[i] = 0.6 * cos(i / 9.0);
        d[i] = exp(-i / 60.0) - 0.5;
    }
    FxPlotSeries s[3] = {{"sin", a, NULL, 200, NULL, NULL, 0}, {"cos", b, NULL, 200, NULL, NULL, 0},
                         {"decay", d, NULL, 200, NULL, NULL, 0}};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.mode = FX_PLOT_BRAILLE;
    o.width = 60;
    o.height = 12;
    o.title = "braille";
    render(c, "line_braille", s, 1, &o);
    o.color = 1;
    render(c, "line_braille_color", s, 3, &o);
    o.color = 0;   /* three series without colour: box lines by weight */
    render(c, "line_braille_mono3", s, 3, &o);
}

static void test_color_only_when_asked(Checks *c)
{
    double a[10] = {1, 2, 3, 2, 1, 2, 3, 2, 1, 2};
    FxPlotSeries s = {"zigzag", a, NULL, 10, NULL, NULL, 0};
    FxPlotLineOpts o = fx_plot_line_defaults();
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    for (int mode = 0; mode < 3; mode++) {
        o.mode = (FxPlotMode)mode;
        for (int color = 0; color < 2; color++) {
            o.color = color;
            fx_plot_buf_clear(&b);
            fx_plot_line(&b, &s, 1, &o);
            int esc = strstr(b.data, "\x1b[38;5;25m") != NULL;
            CHECK(c, esc == color, "mode %d colour %d: escapes %s", mode,
                  color, esc ? "present" : "absent");
        }
    }
    fx_plot_buf_free(&b);
}

static void test_options(Checks *c)
{
    double a[30], x[30];
    for (int i = 0; i < 30; i++) {
        x[i] = 0.05 * i;
        a[i] = 1.4 * sin(i / 4.0);
    }
    FxPlotSeries s[3] = {{"clipped", a, x, 30, NULL, NULL, 0}, {"half", a, x, 15, NULL, NULL, 0},
                         {"a long label that will not fit", a, x, 5, NULL, NULL, 0}};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.title = "y clipped to [-1, 1], legend right";
    o.has_ymin = o.has_ymax = 1;
    o.ymin = -1;
    o.ymax = 1;
    o.legend = FX_PLOT_LEGEND_RIGHT;
    o.xlabel = "x";
    o.height = 11;
    render(c, "line_options", s, 3, &o);
}

static void test_arguments(Checks *c)
{
    double a[3] = {1, 2, 3};
    FxPlotSeries good = {"a", a, NULL, 3, NULL, NULL, 0}, bad = {"b", NULL, NULL, 3, NULL, NULL, 0};
    FxPlotLineOpts o = fx_plot_line_defaults();
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    CHECK(c, fx_plot_line(&b, &bad, 1, &o) == FX_PLOT_EINVAL, "NULL y: EINVAL");
    o.has_ymin = o.has_ymax = 1;
    o.ymin = 2;
    o.ymax = 1;
    CHECK(c, fx_plot_line(&b, &good, 1, &o) == FX_PLOT_EINVAL, "ymin > ymax: EINVAL");
    o = fx_plot_line_defaults();
    o.log_y = o.has_ymin = 1;
    o.ymin = 0;
    CHECK(c, fx_plot_line(&b, &good, 1, &o) == FX_PLOT_EINVAL, "log ymin 0: EINVAL");
    CHECK(c, b.len == 0, "nothing written on EINVAL");
    o = fx_plot_line_defaults();
    double x[3] = {1, NAN, 3};
    FxPlotSeries xs = {"x gap", a, x, 3, NULL, NULL, 0};
    CHECK(c, fx_plot_line(&b, &xs, 1, &o) == FX_PLOT_OK &&
             strstr(b.data, "note: 1 point not shown (nan/inf)\n"),
          "a nan x is a gap, counted in a note");
    fx_plot_buf_clear(&b);
    CHECK(c, fx_plot_line(&b, NULL, 0, &o) == FX_PLOT_OK &&
             strstr(b.data, "note: no data"), "no series: a frame and a note");
    fx_plot_buf_clear(&b);
    o.width = 5;
    o.height = 1;
    CHECK(c, fx_plot_line(&b, &good, 1, &o) == FX_PLOT_OK, "tiny size: clamped");
    fx_plot_buf_free(&b);
}

/* The i-th line of s (0-based) into out, or "" past the end. */
static void line_of(const char *s, int i, char *out, size_t cap)
{
    while (i > 0 && *s)
        if (*s++ == '\n')
            i--;
    size_t n = strcspn(s, "\n");
    n = n < cap - 1 ? n : cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

static int count_lines(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)); p++)
        n++;
    return n;
}

/* Issue 11, points 10 to 15: overlapping curves stay visible, log axes
 * get 2 and 5, the y axis ends on ticks beyond the data, the chart is as
 * wide as asked, a legend that cannot go right says so, and colours are
 * colour-blind safe with a glyph per curve. */
/* Bands: a constant line at 1 with a band from 0 to 3 fills the cells
 * between with '.', never over the line; the band widens the y axis to
 * 3; without lo/hi nothing is filled; the golden rendering pins it. */
static void test_band(Checks *c)
{
    double y[10], lo[10], hi[10];
    for (int i = 0; i < 10; i++) {
        y[i] = 1;
        lo[i] = 0;
        hi[i] = 3;
    }
    FxPlotSeries s = {"mean", y, NULL, 10, lo, hi, 0};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.height = 7;
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    fx_plot_line(&b, &s, 1, &o);
    char top[256], line[256];
    line_of(b.data, 0, top, sizeof top);
    int dotted = 0, marks = 0;
    for (int r = 0; r < 7; r++) {
        line_of(b.data, r, line, sizeof line);
        dotted += strchr(line, '.') != NULL;
        if (strchr(line, '*')) {
            marks++;
            CHECK(c, strchr(line, '*') && !strstr(strchr(line, '*'), "*.*"),
                  "the band never covers the line's cells: \"%s\"", line);
        }
    }
    CHECK(c, atof(top) >= 3, "the band's top, 3, is inside the y axis: \"%s\"", top);
    CHECK(c, dotted >= 5 && marks == 1, "the band fills the rows around the line (%d rows, "
          "%d with the line)", dotted, marks);
    FxPlotSeries plain = {"mean", y, NULL, 10, NULL, NULL, 0};
    fx_plot_buf_clear(&b);
    fx_plot_line(&b, &plain, 1, &o);
    line_of(b.data, 0, top, sizeof top);
    CHECK(c, !strstr(b.data, "..") && atof(top) < 3, "without a band nothing is filled");
    fx_plot_buf_free(&b);
    render(c, "line_band", &s, 1, &o);
    o.mode = FX_PLOT_UNICODE;
    render(c, "line_band_unicode", &s, 1, &o);
}

/* Markers (where a diagnosed problem begins): a dotted column at their x
 * in the cells no curve took, and a note naming each; one off the x axis
 * is named, not drawn. */
static void test_marks(Checks *c)
{
    double y[20];
    for (int i = 0; i < 20; i++)
        y[i] = i < 10 ? 10 - i : i - 8;
    FxPlotSeries s = {"val_loss", y, NULL, 20, NULL, NULL, 0};
    FxPlotMarker m[2] = {{10, "epoch 10, overfitting"}, {40, "epoch 40, late"}};
    FxPlotLineOpts o = fx_plot_line_defaults();
    o.height = 9;
    o.width = 60;
    o.marks = m;
    o.nmarks = 1;
    FxPlotBuf b;
    fx_plot_buf_init(&b);
    fx_plot_line(&b, &s, 1, &o);
    char line[256];
    int col = -1, rows = 0, same = 1;
    for (int r = 0; r < 9; r++) {
        line_of(b.data, r, line, sizeof line);
        char *p = strchr(line, ':');
        if (!p)
            continue;
        rows++;
        if (col < 0)
            col = (int)(p - line);
        same &= (int)(p - line) == col;
    }
    CHECK(c, rows >= 5 && same, "the marker is one column of ':' (%d rows)", rows);
    CHECK(c, strstr(b.data, "note: ':' marks epoch 10, overfitting\n") != NULL,
          "the note names the marker");
    fx_plot_buf_clear(&b);
    o.nmarks = 0;
    fx_plot_line(&b, &s, 1, &o);
    CHECK(c, !strchr(b.data, ':'), "without markers no ':' is drawn");
    fx_plot_buf_clear(&b);
    o.nmarks = 2;
    fx_plot_line(&b, &s, 1, &o);
    CHECK(c, strstr(b.data, "marks epoch 40, late (off the x axis)") != NULL,
          "a marker beyond the x axis is named as such");
    fx_plot_buf_clear(&b);
    fx_plot_line_svg(&b, &s, 1, &o);
    const char *g = strstr(b.data, "<g class=\"marker\"><title>epoch 10, overfitting</title>");
    CHECK(c, g && !strstr(g + 1, "<g class=\"marker\">"),
          "the SVG draws the one marker inside the axis, with its label as a tooltip");
    CHECK(c, strstr(b.data, "marks epoch 40, late</text>") != NULL,
          "the SVG lists every marker under the legend");
    fx_plot_buf_free(&b);
    o.nmarks = 1;
    render(c, "line_marks", &s, 1, &o);
    o.mode = FX_PLOT_UNICODE;
    render(c, "line_marks_unicode", &s, 1, &o);
}

static void test_chart_details(Checks *c)
{
    double a[10] = {1.2, 0.9, 0.7, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1};
    FxPlotSeries two[2] = {{"a", a, NULL, 10, NULL, NULL, 0}, {"b", a, NULL, 10, NULL, NULL, 0}};
    FxPlotLineOpts o = fx_plot_line_defaults();
    FxPlotBuf b;
    fx_plot_buf_init(&b);

    fx_plot_line(&b, two, 2, &o);
    CHECK(c, count_lines(b.data, "#") >= 10 && strstr(b.data, "# overlap") &&
          count_lines(b.data, "o") == 1 + 1,   /* "o b" and "overlap" in the legend */
          "identical curves: their cells show # and the legend says overlap");

    /* Log 0.1 to 1.2: labels 0.1 0.2 0.5 1 2 on the default 17 rows. */
    fx_plot_buf_clear(&b);
    o.log_y = 1;
    fx_plot_line(&b, two, 1, &o);
    int w, lines;
    measure(b.data, &w, &lines);
    int rows = lines - 3;   /* less the x axis, its labels and the legend */
    CHECK(c, rows >= 15 && strstr(b.data, "  2 +") && strstr(b.data, "\n0.5 +") &&
          strstr(b.data, "\n0.2 +") && strstr(b.data, "\n  1 +"),
          "log axis: 2 and 5 labels, %d rows of 17", rows);
    char first[256], last[256];
    line_of(b.data, 0, first, sizeof first);
    line_of(b.data, rows - 1, last, sizeof last);
    CHECK(c, strstr(first, "2 +") && strstr(last, "0.1 +"),
          "log axis ends on ticks beyond the data: \"%s\" ... \"%s\"", first, last);

    /* Linear: the top and bottom rows carry ticks at or beyond the data. */
    fx_plot_buf_clear(&b);
    o.log_y = 0;
    fx_plot_line(&b, two, 1, &o);
    measure(b.data, &w, &lines);
    line_of(b.data, 0, first, sizeof first);
    line_of(b.data, lines - 4, last, sizeof last);
    CHECK(c, atof(first) >= 1.2 && strchr(first, '+') && atof(last) <= 0.1 &&
          strchr(last, '+'), "linear axis ends on ticks: \"%s\" ... \"%s\"", first, last);

    /* width: N is N columns, with the legend below or right. */
    int exact = 1;
    for (int n = 30; n <= 120; n++) {
        for (int leg = 0; leg < 2; leg++) {
            fx_plot_buf_clear(&b);
            o.width = n;
            o.legend = leg ? FX_PLOT_LEGEND_RIGHT : FX_PLOT_LEGEND_BELOW;
            fx_plot_line(&b, two, 2, &o);
            measure(b.data, &w, &lines);
            char axis[1024];
            line_of(b.data, lines - 3 - (leg && n < 40 ? 2 : 0), axis, sizeof axis);
            if (w != n && exact) {
                printf("# width %d legend %d: %d columns\n", n, leg, w);
                exact = 0;
            }
        }
    }
    CHECK(c, exact, "width: 30 to 120 draw exactly that many columns");

    /* legend right without room: shortened labels, or below with a note. */
    FxPlotSeries longs[2] = {{"a label far too long to sit beside the chart", a, NULL, 10, NULL, NULL, 0},
                             {"b", a, NULL, 10, NULL, NULL, 0}};
    fx_plot_buf_clear(&b);
    o.width = 50;
    o.legend = FX_PLOT_LEGEND_RIGHT;
    fx_plot_line(&b, longs, 2, &o);
    line_of(b.data, 0, first, sizeof first);
    CHECK(c, strstr(first, "* a") && strstr(first, "...") && !strstr(b.data, "far too long"),
          "legend right, narrow: labels shortened beside the chart: \"%s\"", first);
    fx_plot_buf_clear(&b);
    o.width = 30;
    fx_plot_line(&b, longs, 2, &o);
    CHECK(c, strstr(b.data, "note: the legend is below"),
          "legend right with no room at all: below, and a note says so");

    /* Colour: Okabe-Ito (no ANSI red 31 or green 32), a glyph per curve. */
    double v[5][4];
    FxPlotSeries five[5];
    for (int i = 0; i < 5; i++) {
        for (int k = 0; k < 4; k++)
            v[i][k] = i * 10 + k;
        five[i] = (FxPlotSeries){"s", v[i], NULL, 4, NULL, NULL, 0};
    }
    o = fx_plot_line_defaults();
    o.mode = FX_PLOT_UNICODE;
    o.color = 1;
    for (size_t ns = 2; ns <= 5; ns++) {
        fx_plot_buf_clear(&b);
        fx_plot_line(&b, five, ns, &o);
        int distinct = 1;
        const char *leg = strrchr(b.data, '\n');
        while (leg > b.data && leg[-1] != '\n')
            leg--;
        /* Every sample of the legend (a glyph before " s") differs. */
        char seen[8][8];
        int n = 0;
        for (const char *p = b.data; (p = strstr(p, " s\x1b[0m")); p++) {
            const char *q = p;
            while (q > b.data && q[-1] != 'm')
                q--;
            snprintf(seen[n], sizeof seen[n], "%.*s", (int)(p - q), q);
            for (int j = 0; j < n; j++)
                distinct &= strcmp(seen[j], seen[n]) != 0;
            if (++n == 8)
                break;
        }
        CHECK(c, n == (int)ns && distinct && !strstr(b.data, "\x1b[31m") &&
              !strstr(b.data, "\x1b[32m") && count_lines(b.data, "\x1b[38;5;") > 0,
              "%zu curves in colour: %d legend glyphs, all different, no red or green",
              ns, n);
    }
    fx_plot_buf_free(&b);
}

int main(void)
{
    Checks c = {0, 0};
    test_epochs(&c);
    test_gradient_descent(&c);
    test_gaps(&c);
    test_log(&c);
    test_flat_and_single(&c);
    test_twelve(&c);
    test_many_points(&c);
    test_braille(&c);
    test_color_only_when_asked(&c);
    test_options(&c);
    test_arguments(&c);
    test_chart_details(&c);
    test_band(&c);
    test_marks(&c);
    return checks_done(&c);
}
