/* Line charts as SVG 1.1: the picture of the chart fx_plot_line draws as
 * text, from the same series and options and with the same ticks (taken
 * from plot_line.c's layout), title, labels, series order and legend.
 * Series are told apart by colour (Okabe-Ito, the text chart's order),
 * and, for print and colour-blind readers, by a dash pattern and a marker
 * shape each; faint series (raw curves under smoothed ones) are thin grey
 * lines without a legend entry; bands are translucent fills under the
 * lines. NaN, inf and, on a log axis, values <= 0 break the line. Knows
 * nothing of the fx language. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_impl.h"

#define SVG_W   640.0
#define SVG_L   72.0     /* left margin: y tick labels */
#define SVG_R   20.0
#define SVG_T   40.0     /* top margin: title */
#define SVG_PH  280.0    /* plotting area height */
#define SVG_ROW 18.0     /* a legend row */

static const char *const svg_colors[FX_PLOT_NCOLORS] = {
    "#0072B2", "#E69F00", "#009E73", "#D55E00",
    "#56B4E9", "#CC79A7", "#F0E442", "#999999"};
static const char *const svg_dashes[4] = {"none", "6,3", "2,2", "8,3,2,3"};

/* Text as XML character data: sanitised as the text charts do (control
 * bytes and invalid UTF-8 become '?'), then &, <, >, " escaped. */
void fx_plot_put_xml(FxPlotBuf *b, const char *s)
{
    FxPlotBuf t;
    fx_plot_buf_init(&t);
    fx_plot_put_text(&t, s ? s : "", 100000, 1, 0);
    for (size_t i = 0; i < t.len; i++) {
        char ch = t.data[i];
        if (ch == '&')
            fx_plot_buf_puts(b, "&amp;");
        else if (ch == '<')
            fx_plot_buf_puts(b, "&lt;");
        else if (ch == '>')
            fx_plot_buf_puts(b, "&gt;");
        else if (ch == '"')
            fx_plot_buf_puts(b, "&quot;");
        else
            fx_plot_buf_put(b, &ch, 1);
    }
    if (t.oom)
        b->oom = 1;
    fx_plot_buf_free(&t);
}

const char *fx_plot_svg_color(size_t i)
{
    return svg_colors[i % FX_PLOT_NCOLORS];
}

typedef struct Frame {
    const FxPlotLineOpts *o;
    FxPlotTicks xt, yt;
    double x0, x1, y0, y1;   /* the plotting area in pixels */
} Frame;

static double px_x(const Frame *f, double v)
{
    double span = f->xt.hi - f->xt.lo;
    return f->x0 + (span > 0 ? (v - f->xt.lo) / span : 0.5) * (f->x1 - f->x0);
}

/* y in data units; NaN when it cannot be drawn. */
static double px_y(const Frame *f, double v)
{
    if (!isfinite(v) || (f->o->log_y && v <= 0))
        return NAN;
    v = f->o->log_y ? log10(v) : v;
    double span = f->yt.hi - f->yt.lo;
    return f->y1 - (span > 0 ? (v - f->yt.lo) / span : 0.5) * (f->y1 - f->y0);
}

static double x_of(const Frame *f, const FxPlotSeries *s, size_t k)
{
    return s->x ? s->x[k] : f->o->x_start + (double)k;
}

/* A marker of shape `shape` centred at (x, y). */
static void put_marker(FxPlotBuf *b, int shape, double x, double y)
{
    switch (shape % 4) {
    case 0:
        fx_plot_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>", x, y);
        break;
    case 1:
        fx_plot_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" height=\"6\"/>", x - 3, y - 3);
        break;
    case 2:
        fx_plot_buf_printf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"/>", x, y - 4, x + 4, y + 3,
                           x - 4, y + 3);
        break;
    default:
        fx_plot_buf_printf(b, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\"/>", x, y - 4,
                           x + 4, y, x, y + 4, x - 4, y);
    }
}

/* The band between lo and hi, one polygon per run of drawable points. */
static void put_band(FxPlotBuf *b, const Frame *f, const FxPlotSeries *s, const char *color)
{
    size_t k = 0;
    while (k < s->n) {
        while (k < s->n && (isnan(px_y(f, s->lo[k])) || isnan(px_y(f, s->hi[k])) ||
                            !isfinite(x_of(f, s, k))))
            k++;
        size_t a = k;
        while (k < s->n && !isnan(px_y(f, s->lo[k])) && !isnan(px_y(f, s->hi[k])) &&
               isfinite(x_of(f, s, k)))
            k++;
        if (k - a < 2)
            continue;
        fx_plot_buf_printf(b, "<polygon class=\"band\" fill=\"%s\" fill-opacity=\"0.2\" "
                           "stroke=\"none\" points=\"", color);
        for (size_t j = a; j < k; j++)
            fx_plot_buf_printf(b, "%.1f,%.1f ", px_x(f, x_of(f, s, j)), px_y(f, s->hi[j]));
        for (size_t j = k; j-- > a;)
            fx_plot_buf_printf(b, "%.1f,%.1f ", px_x(f, x_of(f, s, j)), px_y(f, s->lo[j]));
        fx_plot_buf_puts(b, "\"/>\n");
    }
}

/* One series: a polyline per run of drawable points (an isolated point is
 * a marker), markers at most ~12 along the line. */
static void put_series(FxPlotBuf *b, const Frame *f, const FxPlotSeries *s, int look)
{
    const char *color = s->faint ? "#999999" : svg_colors[look % FX_PLOT_NCOLORS];
    fx_plot_buf_printf(b, "<g class=\"%s\" fill=\"%s\" stroke=\"%s\">", s->faint ? "series faint" : "series",
                       color, color);
    if (!s->faint && s->label && s->label[0]) {   /* a browser shows it on hover */
        fx_plot_buf_puts(b, "<title>");
        fx_plot_put_xml(b, s->label);
        fx_plot_buf_puts(b, "</title>");
    }
    fx_plot_buf_puts(b, "\n");
    if (s->lo && s->hi)
        put_band(b, f, s, color);
    size_t k = 0, every = s->n > 12 ? (s->n + 11) / 12 : 1;
    while (k < s->n) {
        while (k < s->n && (isnan(px_y(f, s->y[k])) || !isfinite(x_of(f, s, k))))
            k++;
        size_t a = k;
        while (k < s->n && !isnan(px_y(f, s->y[k])) && isfinite(x_of(f, s, k)))
            k++;
        if (k == a)
            continue;
        if (k - a == 1 && !s->faint) {
            put_marker(b, look, px_x(f, x_of(f, s, a)), px_y(f, s->y[a]));
            fx_plot_buf_puts(b, "\n");
            continue;
        }
        fx_plot_buf_printf(b, "<polyline fill=\"none\" stroke-width=\"%s\" stroke-dasharray=\"%s\""
                           "%s points=\"", s->faint ? "1" : "2",
                           s->faint ? "none" : svg_dashes[look % 4],
                           s->faint ? " stroke-opacity=\"0.6\"" : "");
        for (size_t j = a; j < k; j++)
            fx_plot_buf_printf(b, "%.1f,%.1f ", px_x(f, x_of(f, s, j)), px_y(f, s->y[j]));
        fx_plot_buf_puts(b, "\"/>\n");
        for (size_t j = a; !s->faint && j < k; j += every) {
            put_marker(b, look, px_x(f, x_of(f, s, j)), px_y(f, s->y[j]));
            fx_plot_buf_puts(b, "\n");
        }
    }
    fx_plot_buf_puts(b, "</g>\n");
}

static void put_axes(FxPlotBuf *b, const Frame *f)
{
    fx_plot_buf_printf(b, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                       "fill=\"none\" stroke=\"#444444\"/>\n", f->x0, f->y0, f->x1 - f->x0, f->y1 - f->y0);
    for (int i = 0; i < f->yt.n; i++) {
        double span = f->yt.hi - f->yt.lo;
        double y = f->y1 - (span > 0 ? (f->yt.v[i] - f->yt.lo) / span : 0.5) * (f->y1 - f->y0);
        fx_plot_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>"
                           "<text class=\"ytick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                           f->x0, y, f->x1, y, f->x0 - 6, y + 4);
        fx_plot_put_xml(b, f->yt.label[i]);
        fx_plot_buf_puts(b, "</text>\n");
    }
    for (int i = 0; i < f->xt.n; i++) {
        double x = px_x(f, f->xt.v[i]);
        if (x > f->x1 + 0.5)
            continue;
        fx_plot_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444444\"/>"
                           "<text class=\"xtick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                           x, f->y1, x, f->y1 + 5, x, f->y1 + 18);
        fx_plot_put_xml(b, f->xt.label[i]);
        fx_plot_buf_puts(b, "</text>\n");
    }
}

/* Legend entries for the labelled, not faint series, two per row. */
static int put_legend(FxPlotBuf *b, const Frame *f, const FxPlotSeries *s, size_t ns, double top)
{
    int n = 0, look = 0;
    for (size_t i = 0; i < ns; i++) {
        if (s[i].faint)
            continue;
        int lk = look++;
        if (!s[i].label || !s[i].label[0] || f->o->legend == FX_PLOT_LEGEND_NONE)
            continue;
        double x = f->x0 + (n % 2) * (f->x1 - f->x0) / 2, y = top + (n / 2) * SVG_ROW;
        const char *c = svg_colors[lk % FX_PLOT_NCOLORS];
        fx_plot_buf_printf(b, "<g class=\"legend-entry\" fill=\"%s\" stroke=\"%s\">"
                           "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"2\" "
                           "stroke-dasharray=\"%s\"/>", c, c, x, y, x + 28, y, svg_dashes[lk % 4]);
        put_marker(b, lk, x + 14, y);
        fx_plot_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#222222\" stroke=\"none\">", x + 34, y + 4);
        fx_plot_put_xml(b, s[i].label);
        fx_plot_buf_puts(b, "</text></g>\n");
        n++;
    }
    return n;
}

/* The markers: a dashed grey line across the plotting area each (with
 * its label as a tooltip), and their labels as rows under the legend, as
 * the text chart's notes. */
static void put_mark_lines(FxPlotBuf *b, const Frame *f)
{
    for (size_t m = 0; m < f->o->nmarks; m++) {
        double x = px_x(f, f->o->marks[m].x);
        if (!isfinite(x) || x < f->x0 - 0.5 || x > f->x1 + 0.5)
            continue;
        fx_plot_buf_printf(b, "<g class=\"marker\"><title>");
        fx_plot_put_xml(b, f->o->marks[m].label);
        fx_plot_buf_printf(b, "</title><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                           "stroke=\"#666666\" stroke-dasharray=\"3,3\"/></g>\n",
                           x, f->y0, x, f->y1);
    }
}

static void put_mark_notes(FxPlotBuf *b, const Frame *f, double top)
{
    for (size_t m = 0; m < f->o->nmarks; m++) {
        double y = top + (double)m * SVG_ROW;
        fx_plot_buf_printf(b, "<g class=\"marker-note\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                           "y2=\"%.1f\" stroke=\"#666666\" stroke-dasharray=\"3,3\"/>"
                           "<text x=\"%.1f\" y=\"%.1f\" fill=\"#222222\">marks ",
                           f->x0 + 14, y - 7, f->x0 + 14, y + 7, f->x0 + 34, y + 4);
        fx_plot_put_xml(b, f->o->marks[m].label);
        fx_plot_buf_puts(b, "</text></g>\n");
    }
}

static size_t legend_rows(const FxPlotSeries *s, size_t ns, const FxPlotLineOpts *o)
{
    size_t n = 0;
    for (size_t i = 0; i < ns; i++)
        n += !s[i].faint && s[i].label && s[i].label[0];
    return o->legend == FX_PLOT_LEGEND_NONE ? 0 : (n + 1) / 2;
}

FxPlotStatus fx_plot_line_svg(FxPlotBuf *out, const FxPlotSeries *series, size_t nseries,
                              const FxPlotLineOpts *opts)
{
    if (!out)
        return FX_PLOT_EINVAL;
    Frame f;
    f.o = opts;
    FxPlotStatus st = fx_plot_line_axes(series, nseries, opts, &f.xt, &f.yt);
    if (st != FX_PLOT_OK)
        return st;
    int has_y = opts->ylabel && opts->ylabel[0], has_x = opts->xlabel && opts->xlabel[0];
    f.x0 = SVG_L, f.x1 = SVG_W - SVG_R, f.y0 = SVG_T + (has_y ? 18 : 0), f.y1 = f.y0 + SVG_PH;
    double legend_top = f.y1 + 30 + (has_x ? 20 : 0);
    double marks_top = legend_top + (double)legend_rows(series, nseries, opts) * SVG_ROW;
    double h = marks_top + (double)opts->nmarks * SVG_ROW + 10;
    fx_plot_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"fx-chart\" "
                       "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                       "font-family=\"sans-serif\" font-size=\"12\">\n", SVG_W, h, SVG_W, h);
    fx_plot_buf_printf(out, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", SVG_W, h);
    if (opts->title && opts->title[0]) {
        fx_plot_buf_printf(out, "<text class=\"title\" x=\"%.1f\" y=\"24\" text-anchor=\"middle\" "
                           "font-size=\"15\">", (f.x0 + f.x1) / 2);
        fx_plot_put_xml(out, opts->title);
        fx_plot_buf_puts(out, "</text>\n");
    }
    if (has_y) {
        fx_plot_buf_printf(out, "<text class=\"ylabel\" x=\"8\" y=\"%.1f\">", f.y0 - 8);
        fx_plot_put_xml(out, opts->ylabel);
        fx_plot_buf_puts(out, "</text>\n");
    }
    put_axes(out, &f);
    if (has_x) {
        fx_plot_buf_printf(out, "<text class=\"xlabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                           (f.x0 + f.x1) / 2, f.y1 + 36);
        fx_plot_put_xml(out, opts->xlabel);
        fx_plot_buf_puts(out, "</text>\n");
    }
    fx_plot_buf_printf(out, "<defs><clipPath id=\"area\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                       "height=\"%.1f\"/></clipPath></defs>\n<g clip-path=\"url(#area)\">\n",
                       f.x0, f.y0, f.x1 - f.x0, f.y1 - f.y0);
    int look = 0;
    for (size_t i = 0; i < nseries; i++)
        put_series(out, &f, &series[i], series[i].faint ? 0 : look++);
    put_mark_lines(out, &f);
    fx_plot_buf_puts(out, "</g>\n");
    put_legend(out, &f, series, nseries, legend_top);
    put_mark_notes(out, &f, marks_top);
    fx_plot_buf_puts(out, "</svg>\n");
    return fx_plot_buf_status(out);
}
