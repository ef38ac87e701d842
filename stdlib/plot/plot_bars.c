/* Grouped bar charts, drawn horizontally: one row per (group, series), the
 * group's label on its first row, the value right after the bar, a value
 * axis with round ticks underneath, a legend. Why horizontal: a terminal
 * is wide and short, so a row per bar keeps labels of any length upright
 * and readable, puts each value next to its bar, and gives a bar ~60 cells
 * of length (eighth-cell steps in Unicode) rather than ~15 rows. On a log
 * axis bars start at a power of ten under the smallest value, so values
 * from 1e1 to 1e4 all show. Knows nothing of the fx language. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_impl.h"

typedef struct Bars {
    const char *const     *groups;
    size_t                 ng, ns;
    const FxPlotBarSeries *s;
    const FxPlotBarsOpts  *o;
    int                    unicode, color, sig, width;
    int                    gw;        /* group label column */
    int                    bw;        /* bar cells; cell 0 is the left axis */
    int                    zero;      /* cell of the zero line */
    FxPlotTicks            t;
    FxPlotKey             *keys;
    size_t                 hidden;    /* values without a bar */
} Bars;

#define FULL_BLOCK 0x2588u

static double value(const Bars *c, size_t g, size_t i)
{
    return c->s[i].values ? c->s[i].values[g] : NAN;
}

static int drawable(const Bars *c, double v)
{
    return isfinite(v) && (!c->o->log || v > 0);
}

/* The fill of series i: ASCII marks; in Unicode, full blocks told apart
 * by colour, or without colour by shade (up to four series). */
static uint32_t fill_of(const Bars *c, size_t i)
{
    static const uint32_t shades[4] = {FULL_BLOCK, 0x2591, 0x2592, 0x2593};
    if (!c->unicode || (!c->color && c->ns > 4))
        return (unsigned char)fx_plot_fill(i);
    return c->color ? FULL_BLOCK : shades[i];
}

static void make_keys(Bars *c)
{
    for (size_t i = 0; i < c->ns; i++) {
        FxPlotKey *k = &c->keys[i];
        FxPlotBuf tmp;
        fx_plot_buf_init(&tmp);
        fx_plot_put_cp(&tmp, fill_of(c, i));
        fx_plot_put_cp(&tmp, fill_of(c, i));
        if (tmp.data && tmp.len < sizeof k->sample)
            memcpy(k->sample, tmp.data, tmp.len + 1);
        fx_plot_buf_free(&tmp);
        k->sample_w = 2;
        k->label = c->s[i].label;
        k->color = c->color ? fx_plot_series_color(i) : 0;
    }
}

/* Widths of the group labels and the printed values, then the axis. */
static void layout(Bars *c)
{
    int gw = 0, vw = 0, have = 0;
    double lo = 0, hi = 0;
    for (size_t g = 0; g < c->ng; g++) {
        int w = fx_plot_text_width(c->groups[g]);
        gw = w > gw ? w : gw;
        for (size_t i = 0; i < c->ns; i++) {
            char num[FX_PLOT_NUM_MAX];
            double v = value(c, g, i);
            w = (int)fx_plot_fmt(num, sizeof num, v, c->sig);
            vw = w > vw ? w : vw;
            if (!drawable(c, v)) {
                c->hidden++;
                continue;
            }
            v = c->o->log ? log10(v) : v;
            lo = have ? fmin(lo, v) : v;
            hi = have ? fmax(hi, v) : v;
            have = 1;
        }
    }
    /* Group labels give way (to a third of the width, then more) so that
     * bars keep 12 cells at least. */
    int most = c->width / 3 < c->width - vw - 14 ? c->width / 3
                                                 : c->width - vw - 14;
    c->gw = gw < most ? gw : most < 4 ? 4 : most;
    FxPlotAxisSpec a = {0, 1, 0, 0, c->o->log, 0,
                        c->width - c->gw - vw - 2, 8, 1, 2};
    if (c->o->log && have)   /* half a decade of room under the smallest */
        a.lo = lo - 0.5, a.hi = hi;
    else if (have)
        a.lo = fmin(lo, 0), a.hi = fmax(hi, 0);
    c->bw = fx_plot_ticks_fit(&c->t, &a);
    int over = c->gw + 1 + c->bw + fx_plot_ticks_overhang(&c->t, c->bw) - c->width;
    if (over > 0) {   /* the last axis label must fit too */
        a.cells -= over;
        c->bw = fx_plot_ticks_fit(&c->t, &a);
    }
    c->zero = c->o->log ? 0
                        : (int)floor(fx_plot_axis_pos(&c->t, 0, c->bw) + 0.5);
}

/* The bar of value v of series i from the zero line, then its value. */
static void put_bar(const Bars *c, FxPlotBuf *b, double v, size_t i)
{
    uint32_t fill = fill_of(c, i);
    int ok = drawable(c, v), cells = 0, eighths = 0, neg = ok && v < 0;
    if (ok) {
        double len = fx_plot_axis_pos(&c->t, c->o->log ? log10(v) : v, c->bw)
                     - c->zero;
        int e = (int)floor(fabs(len) * 8 + 0.5);
        cells = fill == FULL_BLOCK && !neg ? e / 8 : (e + 4) / 8;
        eighths = fill == FULL_BLOCK && !neg ? e % 8 : 0;
    }
    int z = c->zero;
    int from = neg ? z - cells : z + 1;                 /* filled: [from, to) */
    int to = neg ? z : z + 1 + cells + (eighths ? 1 : 0);
    from = from < 0 ? 0 : from;
    to = to > c->bw ? c->bw : to;
    int last = neg || to - 1 < z ? z : to - 1;
    for (int col = 0; col <= last; col++) {
        int in = col >= from && col < to;
        if (in && col == from && c->color)
            fx_plot_put_color(b, fx_plot_series_color(i));
        if (col == z)
            fx_plot_put_cp(b, c->unicode ? 0x2502 : '|');
        else if (in && eighths && col == to - 1)
            fx_plot_put_cp(b, FULL_BLOCK + 8 - (uint32_t)eighths);
        else
            fx_plot_put_cp(b, in ? fill : ' ');
        if (in && col == to - 1 && c->color)
            fx_plot_put_color(b, 0);
    }
    char num[FX_PLOT_NUM_MAX];
    fx_plot_fmt(num, sizeof num, v, c->sig);
    fx_plot_buf_printf(b, " %s", num);
    fx_plot_end_line(b);
}

static void put_rows(const Bars *c, FxPlotBuf *b)
{
    for (size_t g = 0; g < c->ng; g++) {
        if (g && c->ns > 1) {
            fx_plot_put_spaces(b, c->gw + 1 + c->zero);
            fx_plot_put_cp(b, c->unicode ? 0x2502 : '|');
            fx_plot_end_line(b);
        }
        for (size_t i = 0; i < c->ns; i++) {
            int w = i ? 0 : fx_plot_put_text(b, c->groups[g], c->gw,
                                             c->unicode, 0);
            fx_plot_put_spaces(b, c->gw - w + 1);
            put_bar(c, b, value(c, g, i), i);
        }
    }
}

static uint32_t axis_glyph(const Bars *c, int col, int tick)
{
    if (!c->unicode)
        return col == c->zero || tick ? '+' : '-';
    if (col == c->zero)
        return tick ? (col == 0 ? 0x251C : 0x253C) : (col == 0 ? 0x2514 : 0x2534);
    return tick ? 0x252C : 0x2500;
}

static void put_axis(const Bars *c, FxPlotBuf *b)
{
    int x0 = c->gw + 1;
    fx_plot_put_spaces(b, x0);
    for (int col = 0; col < c->bw; col++) {
        int tick = 0;
        for (int i = 0; i < c->t.n && !tick; i++)
            tick = (int)floor(fx_plot_axis_pos(&c->t, c->t.v[i], c->bw) + 0.5) == col;
        fx_plot_put_cp(b, axis_glyph(c, col, tick));
    }
    fx_plot_end_line(b);
    int at = 0;
    for (int i = 0; i < c->t.n; i++) {
        int lw = (int)strlen(c->t.label[i]);
        int col = (int)floor(fx_plot_axis_pos(&c->t, c->t.v[i], c->bw) + 0.5);
        int pos = x0 + col - (lw - 1) / 2;
        if (pos + lw > c->width)
            pos = c->width - lw;
        if (pos < at + (at ? 1 : 0))
            continue;
        fx_plot_put_spaces(b, pos - at);
        fx_plot_buf_puts(b, c->t.label[i]);
        at = pos + lw;
    }
    fx_plot_end_line(b);
}

static void put_chart(const Bars *c, FxPlotBuf *b)
{
    const FxPlotBarsOpts *o = c->o;
    if (o->title && o->title[0])
        fx_plot_put_centred(b, o->title, 0, c->width, c->unicode);
    if (c->ng == 0 || c->ns == 0) {
        fx_plot_buf_puts(b, "note: no data\n");
        return;
    }
    put_rows(c, b);
    put_axis(c, b);
    if (o->axis_label && o->axis_label[0])
        fx_plot_put_centred(b, o->axis_label, c->gw + 1, c->bw, c->unicode);
    if (o->legend != FX_PLOT_LEGEND_NONE)
        fx_plot_legend_below(b, c->keys, c->ns, c->gw + 1, c->width,
                             c->unicode);
    if (c->hidden) {
        char note[160];
        snprintf(note, sizeof note, "%zu value%s without a bar (%s)",
                 c->hidden, c->hidden == 1 ? "" : "s",
                 o->log ? "nan, inf or <= 0 on a log axis" : "nan or inf");
        fx_plot_put_note(b, note, c->width, c->unicode);
    }
}

/* The chart's parts without drawing them: the keys and the value axis. */
static FxPlotStatus prepare(Bars *c, const char *const *groups, size_t ngroups,
                            const FxPlotBarSeries *series, size_t nseries,
                            const FxPlotBarsOpts *opts)
{
    memset(c, 0, sizeof *c);
    c->groups = groups;
    c->ng = ngroups;
    c->s = series;
    c->ns = nseries;
    c->o = opts;
    c->unicode = opts->mode != FX_PLOT_ASCII;
    c->color = opts->color != 0;
    c->sig = opts->sig > 0 ? opts->sig : 4;
    c->width = opts->width > 0 ? opts->width : 80;
    c->width = c->width < 30 ? 30 : c->width > 1000 ? 1000 : c->width;
    c->keys = calloc(nseries ? nseries : 1, sizeof *c->keys);
    if (!c->keys)
        return FX_PLOT_ENOMEM;
    make_keys(c);
    layout(c);
    return FX_PLOT_OK;
}

FxPlotStatus fx_plot_bars_axis(const char *const *groups, size_t ngroups,
                               const FxPlotBarSeries *series, size_t nseries,
                               const FxPlotBarsOpts *opts, FxPlotTicks *t)
{
    if (!t || !opts || (ngroups && !groups) || (nseries && !series))
        return FX_PLOT_EINVAL;
    Bars c;
    FxPlotStatus st = prepare(&c, groups, ngroups, series, nseries, opts);
    *t = c.t;
    free(c.keys);
    return st;
}

FxPlotStatus fx_plot_bars(FxPlotBuf *out, const char *const *groups,
                          size_t ngroups, const FxPlotBarSeries *series,
                          size_t nseries, const FxPlotBarsOpts *opts)
{
    if (!out || !opts || (ngroups && !groups) || (nseries && !series))
        return FX_PLOT_EINVAL;
    Bars c;
    FxPlotStatus st = prepare(&c, groups, ngroups, series, nseries, opts);
    if (st == FX_PLOT_OK) {
        put_chart(&c, out);
        st = fx_plot_buf_status(out);
    }
    free(c.keys);
    return st;
}
