/* Grouped bar charts as SVG 1.1: the picture of the chart fx_plot_bars
 * draws as text, from the same groups, series and options, with the same
 * value axis (plot_bars.c's layout), horizontal bars in the same order,
 * group labels, values at the bars' ends and legend. Series are told
 * apart by colour (Okabe-Ito, the text's order) and, in print, by a
 * hatching each (none, diagonal, cross, dots). NaN and, on a log axis,
 * values <= 0 get no bar, only their value text. Knows nothing of the fx
 * language. */
#include <math.h>
#include <string.h>

#include "plot_impl.h"

#define BAR_W     640.0
#define BAR_L     140.0   /* group labels */
#define BAR_R     70.0    /* values after the longest bar */
#define BAR_T     40.0
#define BAR_H     16.0    /* a bar */
#define BAR_GAP   10.0    /* between groups */

/* Hatchings laid over the colour of series 1, 2, 3 (4 cycles to none). */
static void put_patterns(FxPlotBuf *b)
{
    fx_plot_buf_puts(b, "<defs>"
        "<pattern id=\"hatch1\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
        "<path d=\"M0 6L6 0\" stroke=\"#000000\" stroke-opacity=\"0.5\"/></pattern>"
        "<pattern id=\"hatch2\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
        "<path d=\"M0 3H6M3 0V6\" stroke=\"#000000\" stroke-opacity=\"0.5\"/></pattern>"
        "<pattern id=\"hatch3\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
        "<circle cx=\"2.5\" cy=\"2.5\" r=\"1\" fill=\"#000000\" fill-opacity=\"0.5\"/></pattern>"
        "</defs>\n");
}

static double pos(const FxPlotTicks *t, double v, int log)
{
    if (log)
        v = log10(v);
    double span = t->hi - t->lo;
    return BAR_L + (span > 0 ? (v - t->lo) / span : 0) * (BAR_W - BAR_L - BAR_R);
}

static void put_bar(FxPlotBuf *b, const FxPlotTicks *t, const FxPlotBarsOpts *o, size_t i,
                    double v, double y, int sig)
{
    char num[FX_PLOT_NUM_MAX];
    fx_plot_fmt(num, sizeof num, v, sig);
    double base = o->log ? BAR_L : pos(t, 0, 0), end = base;
    if (isfinite(v) && (!o->log || v > 0)) {
        end = pos(t, v, o->log);
        double x = fmin(base, end), w = fabs(end - base);
        fx_plot_buf_printf(b, "<g class=\"bar\"><title>%s</title><rect x=\"%.1f\" y=\"%.1f\" "
                           "width=\"%.1f\" height=\"%.0f\" fill=\"%s\"/>", num, x, y, w, BAR_H,
                           fx_plot_svg_color(i));
        if (i % 4)
            fx_plot_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" "
                               "fill=\"url(#hatch%zu)\"/>", x, y, w, BAR_H, i % 4);
        fx_plot_buf_puts(b, "</g>");
    }
    /* as in the text: after a bar growing right, right of the zero line
     * for one growing left */
    fx_plot_buf_printf(b, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s</text>\n",
                       fmax(end, base) + 4, y + BAR_H - 4, num);
}

FxPlotStatus fx_plot_bars_svg(FxPlotBuf *out, const char *const *groups, size_t ngroups,
                              const FxPlotBarSeries *series, size_t nseries,
                              const FxPlotBarsOpts *opts)
{
    FxPlotTicks t;
    FxPlotStatus st = out ? fx_plot_bars_axis(groups, ngroups, series, nseries, opts, &t)
                          : FX_PLOT_EINVAL;
    if (st != FX_PLOT_OK)
        return st;
    int sig = opts->sig > 0 ? opts->sig : 4;
    double rows_h = (double)ngroups * ((double)nseries * BAR_H + BAR_GAP);
    double axis_y = BAR_T + rows_h, legend_y = axis_y + 30 + (opts->axis_label ? 18 : 0);
    double h = legend_y + (opts->legend == FX_PLOT_LEGEND_NONE ? 0 : ((double)nseries + 1) / 2 * 18) + 10;
    fx_plot_buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"fx-chart\" "
                       "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                       "font-family=\"sans-serif\" font-size=\"12\">\n", BAR_W, h, BAR_W, h);
    fx_plot_buf_printf(out, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", BAR_W, h);
    put_patterns(out);
    if (opts->title && opts->title[0]) {
        fx_plot_buf_printf(out, "<text class=\"title\" x=\"%.1f\" y=\"24\" text-anchor=\"middle\" "
                           "font-size=\"15\">", BAR_W / 2);
        fx_plot_put_xml(out, opts->title);
        fx_plot_buf_puts(out, "</text>\n");
    }
    for (int k = 0; k < t.n; k++) {
        double x = BAR_L + (t.hi > t.lo ? (t.v[k] - t.lo) / (t.hi - t.lo) : 0) * (BAR_W - BAR_L - BAR_R);
        fx_plot_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>"
                           "<text class=\"xtick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                           x, BAR_T - 4, x, axis_y + 4, x, axis_y + 18);
        fx_plot_put_xml(out, t.label[k]);
        fx_plot_buf_puts(out, "</text>\n");
    }
    for (size_t g = 0; g < ngroups; g++) {
        double y = BAR_T + (double)g * ((double)nseries * BAR_H + BAR_GAP);
        fx_plot_buf_printf(out, "<text class=\"group\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                           BAR_L - 6, y + BAR_H - 4);
        fx_plot_put_xml(out, groups[g]);
        fx_plot_buf_puts(out, "</text>\n");
        for (size_t i = 0; i < nseries; i++)
            put_bar(out, &t, opts, i, series[i].values ? series[i].values[g] : NAN,
                    y + (double)i * BAR_H, sig);
    }
    fx_plot_buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444444\"/>\n",
                       BAR_L, axis_y, BAR_W - BAR_R, axis_y);
    if (opts->axis_label && opts->axis_label[0]) {
        fx_plot_buf_printf(out, "<text class=\"xlabel\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                           (BAR_L + BAR_W - BAR_R) / 2, axis_y + 36);
        fx_plot_put_xml(out, opts->axis_label);
        fx_plot_buf_puts(out, "</text>\n");
    }
    for (size_t i = 0; opts->legend != FX_PLOT_LEGEND_NONE && i < nseries; i++) {
        double x = BAR_L + (double)(i % 2) * (BAR_W - BAR_L - BAR_R) / 2;
        double y = legend_y + (double)(i / 2) * 18;
        fx_plot_buf_printf(out, "<g class=\"legend-entry\"><rect x=\"%.1f\" y=\"%.1f\" width=\"20\" "
                           "height=\"12\" fill=\"%s\"/>", x, y - 6, fx_plot_svg_color(i));
        if (i % 4)
            fx_plot_buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"20\" height=\"12\" "
                               "fill=\"url(#hatch%zu)\"/>", x, y - 6, i % 4);
        fx_plot_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">", x + 26, y + 4);
        fx_plot_put_xml(out, series[i].label);
        fx_plot_buf_puts(out, "</text></g>\n");
    }
    fx_plot_buf_puts(out, "</svg>\n");
    return fx_plot_buf_status(out);
}
