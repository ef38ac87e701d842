/* Line charts: scans the series for their ranges and gaps, fits round
 * ticks onto whole rows and columns, reduces the points that share a
 * column to their first, lowest, highest and last (so 10,000 points cost
 * what 200 do and spikes stay visible), joins the points with lines on
 * the canvas, then writes title, y label, rows with the y axis, x axis,
 * x labels, legend and notes about points not shown. Knows nothing of the
 * fx language: series are arrays of doubles with labels. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_impl.h"

typedef struct SeriesInfo {
    size_t nonfinite;   /* nan or inf in x or y */
    size_t nonpos;      /* <= 0 on a log axis */
    size_t clipped;     /* outside a y range the caller fixed */
} SeriesInfo;

typedef struct Chart {
    const FxPlotLineOpts *o;
    const FxPlotSeries   *s;
    size_t                ns;
    SeriesInfo           *info;
    FxPlotKey            *keys;
    FxPlotPen             pen;
    int                   unicode, color;
    int                   width;          /* of the whole chart */
    int                   left;           /* y labels and a blank */
    int                   x0;             /* column of the canvas: after the
                                             labels, the y axis and a blank */
    int                   w, h;           /* canvas cells */
    int                   legend_right, legend_w;
    int                   legend_moved;   /* "right" asked, no room there */
    FxPlotTicks           xt, yt;
    FxPlotCanvas          cv;
} Chart;

FxPlotLineOpts fx_plot_line_defaults(void)
{
    FxPlotLineOpts o;
    memset(&o, 0, sizeof o);
    o.width = 80;
    o.height = 17;
    o.x_start = 1;
    return o;
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* ---- scanning ------------------------------------------------------------ */

typedef struct Range {
    double xlo, xhi, ylo, yhi;
    int    has_x, has_y, x_integer;
} Range;

static double x_at(const Chart *c, const FxPlotSeries *s, size_t k)
{
    return s->x ? s->x[k] : c->o->x_start + (double)k;
}

/* Data ranges over the points that will be drawn (x over every point with
 * a finite x, so a run that diverged keeps its full length on the axis). */
static Range scan(Chart *c)
{
    Range r = {0, 0, 0, 0, 0, 0, 1};
    for (size_t i = 0; i < c->ns; i++) {
        const FxPlotSeries *s = &c->s[i];
        for (size_t k = 0; k < s->n; k++) {
            double x = x_at(c, s, k), y = s->y[k];
            if (isfinite(x)) {
                r.xlo = r.has_x ? fmin(r.xlo, x) : x;
                r.xhi = r.has_x ? fmax(r.xhi, x) : x;
                r.has_x = 1;
                if (x != floor(x))
                    r.x_integer = 0;
            }
            if (!isfinite(x) || !isfinite(y)) {
                c->info[i].nonfinite++;
                continue;
            }
            if (c->o->log_y && y <= 0) {
                c->info[i].nonpos++;
                continue;
            }
            y = c->o->log_y ? log10(y) : y;
            r.ylo = r.has_y ? fmin(r.ylo, y) : y;
            r.yhi = r.has_y ? fmax(r.yhi, y) : y;
            r.has_y = 1;
            for (int e = 0; s->lo && s->hi && e < 2; e++) {   /* the band's edges */
                double b = e ? s->hi[k] : s->lo[k];
                if (!isfinite(b) || (c->o->log_y && b <= 0))
                    continue;
                b = c->o->log_y ? log10(b) : b;
                r.ylo = fmin(r.ylo, b);
                r.yhi = fmax(r.yhi, b);
            }
        }
    }
    if (!r.has_x)
        r.xlo = r.xhi = c->o->x_start;
    if (!r.has_y)
        r.ylo = 0, r.yhi = 1;
    return r;
}

/* ---- layout ---------------------------------------------------------------- */

/* Without colour, braille cannot tell series apart. Box lines have three
 * weights, one glyph per curve whether or not colour helps (a colour
 * alone fails a colour-blind reader and a printout); more curves take
 * marks, a glyph each (see plot.h). */
static FxPlotPen pick_pen(FxPlotMode mode, int color, size_t ns)
{
    if (mode == FX_PLOT_BRAILLE && (color || ns <= 1))
        return FX_PEN_BRAILLE;
    if (mode != FX_PLOT_ASCII && ns <= 3)
        return FX_PEN_BOX;
    return FX_PEN_MARK;
}

/* The look (mark, colour, weight) of series i: faint series (the raw
 * curves under smoothed ones) are not counted. */
static size_t look_of(const Chart *c, size_t i)
{
    size_t k = 0;
    for (size_t j = 0; j < i; j++)
        k += !c->s[j].faint;
    return k;
}

static int series_color(const Chart *c, size_t i)
{
    return c->s[i].faint ? 90 : fx_plot_series_color(look_of(c, i));
}

/* Box line weight of series i: light, heavy, double. */
static int box_style(const Chart *c, size_t i)
{
    return (int)(look_of(c, i) % 3);
}

/* Mark of series i: ASCII, or a Unicode shape in the Unicode modes. */
static uint32_t mark_of(const Chart *c, size_t i)
{
    if (c->s[i].faint)
        return '.';
    i = look_of(c, i);
    return c->unicode ? fx_plot_umark(i) : (uint32_t)(unsigned char)fx_plot_mark(i);
}

/* UTF-8 of a code point below 0x10000 into s (NUL-terminated). */
static void utf8_of(char *s, uint32_t cp)
{
    if (cp < 0x80) {
        s[0] = (char)cp, s[1] = '\0';
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3F)), s[2] = '\0';
    } else {
        s[0] = (char)(0xE0 | cp >> 12), s[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F)), s[3] = '\0';
    }
}

static void make_keys(Chart *c)
{
    static const char *box_sample[3] = {"\xe2\x94\x80\xe2\x94\x80",
                                        "\xe2\x94\x81\xe2\x94\x81",
                                        "\xe2\x95\x90\xe2\x95\x90"};
    for (size_t i = 0; i < c->ns; i++) {
        FxPlotKey *k = &c->keys[i];
        k->label = c->s[i].label;
        k->color = c->color ? series_color(c, i) : 0;
        if (c->pen == FX_PEN_MARK) {
            utf8_of(k->sample, mark_of(c, i));
            k->sample_w = 1;
        } else {
            strcpy(k->sample, c->pen == FX_PEN_BOX
                                  ? box_sample[box_style(c, i)]
                                  : "\xe2\xa0\x92\xe2\xa0\x92");
            k->sample_w = 2;
        }
    }
    /* The entry for cells several curves share, shown only when some do. */
    FxPlotKey *k = &c->keys[c->ns];
    k->label = "overlap";
    utf8_of(k->sample, FX_PLOT_OVERLAP);
    k->sample_w = 1;
    k->color = 0;
}

/* Legend entries: the curves', and the overlap mark's when it appears
 * (before drawing: whether it may). */
static size_t nkeys(const Chart *c, int drawn)
{
    int may = c->pen == FX_PEN_MARK && c->ns > 1;
    return c->ns + (may && (!drawn || c->cv.overlaps > 0));
}

/* The y axis: ticks on exact rows unless the caller fixed an end. */
static void layout_y(Chart *c, const Range *r, int height)
{
    const FxPlotLineOpts *o = c->o;
    FxPlotAxisSpec a = {r->ylo, r->yhi, o->has_ymin, o->has_ymax, o->log_y,
                        0, height, height >= 12 ? 3 : height >= 6 ? 2 : 1,
                        0, 0};
    if (o->has_ymin)
        a.lo = o->log_y ? log10(o->ymin) : o->ymin;
    if (o->has_ymax)
        a.hi = o->log_y ? log10(o->ymax) : o->ymax;
    /* A free end on the wrong side of a fixed one: one unit beyond it. */
    if (a.lo >= a.hi && o->has_ymin)
        a.hi = a.lo + fmax(fabs(a.lo), 1);
    if (a.lo >= a.hi && o->has_ymax)
        a.lo = a.hi - fmax(fabs(a.hi), 1);
    c->h = fx_plot_ticks_fit(&c->yt, &a);
    c->left = c->yt.label_w + 1;
    c->x0 = c->left + 2;
}

static void layout_x(Chart *c, const Range *r)
{
    int room = c->width - c->x0;
    int lw = fx_plot_legend_width(c->keys, nkeys(c, 0));
    if (lw > 28)
        lw = 28;
    /* Right of the chart when the chart keeps 20 columns, its labels cut
     * (in the middle) to make room, down to a sample and 6 columns of
     * text; else below, and a note says why. */
    if (c->o->legend == FX_PLOT_LEGEND_RIGHT && lw > 0) {
        int fit = room - 2 - 20;
        if (lw > fit)
            lw = fit;
        c->legend_right = lw >= c->keys[0].sample_w + 1 + 6 && nkeys(c, 0) <= (size_t)c->h;
        c->legend_moved = !c->legend_right;
    }
    if (c->legend_right) {
        c->legend_w = lw;
        room -= lw + 2;
    }
    FxPlotAxisSpec a = {r->xlo, r->xhi, 0, 0, 0, r->x_integer, room, 8, 1, 2};
    c->w = fx_plot_ticks_fit(&c->xt, &a);
    /* The last label centred under its tick must fit too: narrower once. */
    int over = c->x0 + c->w + fx_plot_ticks_overhang(&c->xt, c->w) - c->width;
    if (over > 0) {
        a.cells -= over;
        c->w = fx_plot_ticks_fit(&c->xt, &a);
    }
    /* The chart is as wide as asked: the axis runs on past its last tick
     * to the last column, at the same value per column. */
    if (c->w < room && c->w > 1) {
        double per_col = (c->xt.hi - c->xt.lo) / (c->w - 1);
        c->xt.hi += per_col * (room - c->w);
        c->w = room;
    }
}

/* ---- drawing ---------------------------------------------------------------- */

typedef struct Pt { double x, y; size_t k; } Pt;

/* A stretch of line between gaps, and the points of it that share the
 * current sub-column (first, lowest, highest, last). */
typedef struct Pen {
    Chart *c;
    int    col, in_col;
    Pt     first, lo, hi, last;
    int    have_prev;
    Pt     prev, start;
    size_t count;        /* points drawn in the current stretch */
} Pen;

static void pen_to(Pen *p, Pt q)
{
    if (p->have_prev)
        fx_plot_canvas_segment(&p->c->cv, p->prev.x, p->prev.y, q.x, q.y);
    else
        p->start = q;
    p->have_prev = 1;
    p->prev = q;
    p->count++;
}

static int cmp_k(const void *a, const void *b)
{
    const Pt *p = a, *q = b;
    return p->k < q->k ? -1 : p->k > q->k;
}

/* Draws the column's points in their order, each once. */
static void flush_col(Pen *p)
{
    if (!p->in_col)
        return;
    Pt v[4] = {p->first, p->lo, p->hi, p->last};
    qsort(v, 4, sizeof v[0], cmp_k);
    for (int i = 0; i < 4; i++)
        if (i == 0 || v[i].k != v[i - 1].k)
            pen_to(p, v[i]);
    p->in_col = 0;
}

static void pen_gap(Pen *p)
{
    flush_col(p);
    if (p->count == 1)
        fx_plot_canvas_point(&p->c->cv, p->start.x, p->start.y);
    p->have_prev = 0;
    p->count = 0;
}

static void pen_add(Pen *p, Pt q)
{
    int col = (int)floor(q.x + 0.5);
    if (p->in_col && col != p->col)
        flush_col(p);
    if (!p->in_col) {
        p->col = col;
        p->in_col = 1;
        p->first = p->lo = p->hi = q;
    }
    if (q.y < p->lo.y)
        p->lo = q;
    if (q.y > p->hi.y)
        p->hi = q;
    p->last = q;
}

/* Sub-cell coordinates of point k, or 0 for a gap. */
static int locate(Chart *c, size_t i, size_t k, Pt *q)
{
    const FxPlotSeries *s = &c->s[i];
    double x = x_at(c, s, k), y = s->y[k];
    if (!isfinite(x) || !isfinite(y) || (c->o->log_y && y <= 0))
        return 0;
    if (c->o->log_y)
        y = log10(y);
    double span = c->yt.hi - c->yt.lo;
    if (y < c->yt.lo - span * 1e-9 || y > c->yt.hi + span * 1e-9)
        c->info[i].clipped++;
    const FxPlotCanvas *cv = &c->cv;
    double px = fx_plot_axis_pos(&c->xt, x, c->w) * cv->sx + (cv->sx - 1) / 2.0;
    double py = (c->h - 1 - fx_plot_axis_pos(&c->yt, y, c->h)) * cv->sy +
                (cv->sy - 1) / 2.0;
    /* Far outside the canvas only the direction matters; keep it finite. */
    q->x = fmax(-1e7, fmin(1e7, px));
    q->y = fmax(-1e7, fmin(1e7, py));
    q->k = k;
    return 1;
}

static void draw_series(Chart *c, size_t i)
{
    Pen p;
    memset(&p, 0, sizeof p);
    p.c = c;
    fx_plot_canvas_begin(&c->cv);
    for (size_t k = 0; k < c->s[i].n; k++) {
        Pt q;
        if (locate(c, i, k, &q))
            pen_add(&p, q);
        else
            pen_gap(&p);
    }
    pen_gap(&p);
    fx_plot_canvas_end(&c->cv, (int)(i % 31992), mark_of(c, i),
                       box_style(c, i));
}

/* ---- bands --------------------------------------------------------------- */

/* The cell row (0 at the top, may lie outside) of value v, or NAN. */
static double band_row(const Chart *c, double v)
{
    if (!isfinite(v) || (c->o->log_y && v <= 0))
        return NAN;
    v = c->o->log_y ? log10(v) : v;
    return c->h - 1 - fx_plot_axis_pos(&c->yt, v, c->h);
}

/* Fills the empty cells of column col from row a to row b (a <= b). */
static void band_column(Chart *c, size_t i, int col, double a, double b)
{
    if (col < 0 || col >= c->w || isnan(a) || isnan(b))
        return;
    int r0 = clampi((int)floor(a + 0.5), 0, c->h - 1);
    int r1 = clampi((int)floor(b + 0.5), 0, c->h - 1);
    for (int r = r0; r <= r1; r++) {
        size_t at = (size_t)r * c->w + col;
        if (!c->cv.cp[at]) {
            c->cv.cp[at] = c->unicode ? 0x2591 : '.';
            c->cv.owner[at] = (short)(i % 31992);
        }
    }
}

/* Series i's band, column by column between consecutive finite points. */
static void draw_band(Chart *c, size_t i)
{
    const FxPlotSeries *s = &c->s[i];
    if (!s->lo || !s->hi)
        return;
    for (size_t k = 0; k + 1 <= s->n; k++) {
        size_t k1 = k + 1 < s->n ? k + 1 : k;
        double x0 = x_at(c, s, k), x1 = x_at(c, s, k1);
        if (!isfinite(x0) || !isfinite(x1))
            continue;
        double c0 = fx_plot_axis_pos(&c->xt, x0, c->w), c1 = fx_plot_axis_pos(&c->xt, x1, c->w);
        double hi0 = band_row(c, s->hi[k]), hi1 = band_row(c, s->hi[k1]);
        double lo0 = band_row(c, s->lo[k]), lo1 = band_row(c, s->lo[k1]);
        int a = (int)floor(c0 + 0.5), b = (int)floor(c1 + 0.5);
        for (int col = a; col <= b; col++) {
            double t = b > a ? (double)(col - a) / (b - a) : 0;
            band_column(c, i, col, hi0 + t * (hi1 - hi0), lo0 + t * (lo1 - lo0));
        }
    }
}

/* ---- markers -------------------------------------------------------------- */

/* The column of marker x, or -1 when it falls outside the x axis. */
static int mark_col(const Chart *c, double x)
{
    if (!isfinite(x))
        return -1;
    int col = (int)floor(fx_plot_axis_pos(&c->xt, x, c->w) + 0.5);
    return col >= 0 && col < c->w ? col : -1;
}

/* Each marker's column, in the cells no line or band took. */
static void draw_marks(Chart *c)
{
    for (size_t m = 0; m < c->o->nmarks; m++) {
        int col = mark_col(c, c->o->marks[m].x);
        for (int r = 0; col >= 0 && r < c->h; r++) {
            size_t at = (size_t)r * c->w + col;
            if (!c->cv.cp[at])
                c->cv.cp[at] = c->unicode ? 0x250A : ':';
        }
    }
}

/* ---- writing ------------------------------------------------------------ */

/* The tick index whose value falls on row r (0 at the top), or -1. */
static int tick_at_row(const Chart *c, int r)
{
    for (int i = 0; i < c->yt.n; i++) {
        double pos = fx_plot_axis_pos(&c->yt, c->yt.v[i], c->h);
        if (c->h - 1 - (int)floor(pos + 0.5) == r)
            return i;
    }
    return -1;
}

static void put_row_cells(const Chart *c, FxPlotBuf *b, int r)
{
    int cur = 0;
    for (int col = 0; col < c->w; col++) {
        size_t at = (size_t)r * c->w + col;
        uint32_t cp = c->cv.cp[at];
        short who = c->cv.owner[at];
        int want = cp && c->color && who >= 0 ? series_color(c, (size_t)who) : 0;
        if (want != cur)
            fx_plot_put_color(b, want);
        cur = want;
        fx_plot_put_cp(b, cp ? cp : ' ');
    }
    if (cur)
        fx_plot_put_color(b, 0);
}

static void put_rows(const Chart *c, FxPlotBuf *b)
{
    for (int r = 0; r < c->h; r++) {
        int t = tick_at_row(c, r);
        const char *lab = t >= 0 ? c->yt.label[t] : "";
        fx_plot_put_spaces(b, c->left - 1 - (int)strlen(lab));
        fx_plot_buf_puts(b, lab);
        fx_plot_buf_puts(b, " ");
        fx_plot_put_cp(b, c->unicode ? (t >= 0 ? 0x2524 : 0x2502)
                                     : (t >= 0 ? '+' : '|'));
        fx_plot_buf_puts(b, " ");
        put_row_cells(c, b, r);
        if (c->legend_right && (size_t)r < nkeys(c, 1)) {
            fx_plot_put_spaces(b, 2);
            fx_plot_legend_entry(b, &c->keys[r], c->legend_w, c->unicode);
        }
        fx_plot_end_line(b);
    }
}

static int x_tick_col(const Chart *c, int i)
{
    return (int)floor(fx_plot_axis_pos(&c->xt, c->xt.v[i], c->w) + 0.5);
}

/* The x axis line, then its labels centred under their ticks (moved in
 * from the right edge; one that would touch its neighbour is left out). */
static void put_x_axis(const Chart *c, FxPlotBuf *b)
{
    fx_plot_put_spaces(b, c->left);
    fx_plot_put_cp(b, c->unicode ? 0x2514 : '+');
    fx_plot_put_cp(b, c->unicode ? 0x2500 : '-');
    for (int col = 0; col < c->w; col++) {
        int tick = 0;
        for (int i = 0; i < c->xt.n && !tick; i++)
            tick = x_tick_col(c, i) == col;
        fx_plot_put_cp(b, tick ? (c->unicode ? 0x252C : '+')
                               : (c->unicode ? 0x2500 : '-'));
    }
    fx_plot_end_line(b);
    int at = 0;   /* columns written on the label line */
    for (int i = 0; i < c->xt.n; i++) {
        const char *lab = c->xt.label[i];
        int lw = (int)strlen(lab);
        int pos = c->x0 + x_tick_col(c, i) - (lw - 1) / 2;
        if (pos + lw > c->width)
            pos = c->width - lw;
        if (pos < at + (at ? 1 : 0))
            continue;
        fx_plot_put_spaces(b, pos - at);
        fx_plot_buf_puts(b, lab);
        at = pos + lw;
    }
    fx_plot_end_line(b);
}

static void put_note(FxPlotBuf *b, const Chart *c, size_t i, size_t n,
                     const char *what)
{
    if (!n)
        return;
    FxPlotBuf t;   /* the note's text, then wrapped to the width */
    fx_plot_buf_init(&t);
    if (c->ns > 1 && c->s[i].label && c->s[i].label[0]) {
        fx_plot_put_text(&t, c->s[i].label, 30, c->unicode, 1);
        fx_plot_buf_puts(&t, ": ");
    }
    fx_plot_buf_printf(&t, "%zu point%s %s", n, n == 1 ? "" : "s", what);
    if (t.oom)
        b->oom = 1;
    else
        fx_plot_put_note(b, t.data, c->width, c->unicode);
    fx_plot_buf_free(&t);
}

static void put_notes(const Chart *c, FxPlotBuf *b)
{
    size_t total = 0;
    for (size_t i = 0; i < c->ns; i++) {
        const SeriesInfo *in = &c->info[i];
        total += c->s[i].n;
        put_note(b, c, i, in->nonfinite, "not shown (nan/inf)");
        put_note(b, c, i, in->nonpos, "not shown (<= 0 on a log axis)");
        put_note(b, c, i, in->clipped, "outside the y range (clipped)");
    }
    if (total == 0)
        fx_plot_put_note(b, "no data", c->width, c->unicode);
    for (size_t m = 0; m < c->o->nmarks; m++) {
        const FxPlotMarker *k = &c->o->marks[m];
        FxPlotBuf t;
        fx_plot_buf_init(&t);
        fx_plot_buf_printf(&t, "%s marks %s", c->unicode ? "\xe2\x94\x8a" : "':'",
                           k->label ? k->label : "");
        if (mark_col(c, k->x) < 0)
            fx_plot_buf_puts(&t, " (off the x axis)");
        if (t.oom)
            b->oom = 1;
        else
            fx_plot_put_note(b, t.data, c->width, c->unicode);
        fx_plot_buf_free(&t);
    }
    if (c->legend_moved)
        fx_plot_put_note(b, nkeys(c, 0) > (size_t)c->h
                                ? "the legend is below: more curves than rows beside the chart"
                                : "the legend is below: no room beside the chart at this width",
                         c->width, c->unicode);
}

static void put_chart(const Chart *c, FxPlotBuf *b)
{
    const FxPlotLineOpts *o = c->o;
    if (o->title && o->title[0]) {
        int tw = fx_plot_text_width(o->title);
        if (tw <= c->w)
            fx_plot_put_centred(b, o->title, c->x0, c->w, c->unicode);
        else
            fx_plot_put_centred(b, o->title, 0, c->width, c->unicode);
    }
    if (o->ylabel && o->ylabel[0]) {
        fx_plot_put_text(b, o->ylabel, c->width, c->unicode, 0);
        fx_plot_end_line(b);
    }
    put_rows(c, b);
    put_x_axis(c, b);
    if (o->xlabel && o->xlabel[0])
        fx_plot_put_centred(b, o->xlabel, c->x0, c->w, c->unicode);
    if (!c->legend_right && o->legend != FX_PLOT_LEGEND_NONE)
        fx_plot_legend_below(b, c->keys, nkeys(c, 1), c->left, c->width, c->unicode);
    put_notes(c, b);
}

/* ---- entry point ------------------------------------------------------ */

static FxPlotStatus check(const FxPlotSeries *s, size_t ns,
                          const FxPlotLineOpts *o)
{
    if (!o || (ns && !s))
        return FX_PLOT_EINVAL;
    for (size_t i = 0; i < ns; i++)
        if (s[i].n && !s[i].y)
            return FX_PLOT_EINVAL;
    if ((o->has_ymin && !isfinite(o->ymin)) ||
        (o->has_ymax && !isfinite(o->ymax)) ||
        (o->has_ymin && o->has_ymax && o->ymin >= o->ymax))
        return FX_PLOT_EINVAL;
    if (o->log_y && ((o->has_ymin && o->ymin <= 0) ||
                     (o->has_ymax && o->ymax <= 0)))
        return FX_PLOT_EINVAL;
    if (!isfinite(o->x_start))
        return FX_PLOT_EINVAL;
    return FX_PLOT_OK;
}

/* Scans and lays out the chart (keys, ticks, canvas size) without drawing;
 * the text chart and the SVG one (plot_svg.c) share it. */
static FxPlotStatus prepare(Chart *c, const FxPlotSeries *series,
                            size_t nseries, const FxPlotLineOpts *opts)
{
    memset(c, 0, sizeof *c);
    c->o = opts;
    c->s = series;
    c->ns = nseries;
    c->width = clampi(opts->width > 0 ? opts->width : 80, 30, 1000);
    c->color = opts->color != 0;
    c->unicode = opts->mode != FX_PLOT_ASCII;
    size_t looks = 0;
    for (size_t i = 0; i < nseries; i++)
        looks += !series[i].faint;
    c->pen = pick_pen(opts->mode, c->color, looks);
    c->info = calloc(nseries ? nseries : 1, sizeof *c->info);
    c->keys = calloc(nseries + 1, sizeof *c->keys);
    if (!c->info || !c->keys)
        return FX_PLOT_ENOMEM;
    Range r = scan(c);
    make_keys(c);
    layout_y(c, &r, clampi(opts->height > 0 ? opts->height : 17, 3, 500));
    layout_x(c, &r);
    return FX_PLOT_OK;
}

FxPlotStatus fx_plot_line_axes(const FxPlotSeries *series, size_t nseries,
                               const FxPlotLineOpts *opts, FxPlotTicks *xt,
                               FxPlotTicks *yt)
{
    FxPlotStatus st = xt && yt ? check(series, nseries, opts) : FX_PLOT_EINVAL;
    if (st != FX_PLOT_OK)
        return st;
    Chart c;
    st = prepare(&c, series, nseries, opts);
    *xt = c.xt;
    *yt = c.yt;
    free(c.info);
    free(c.keys);
    return st;
}

FxPlotStatus fx_plot_line(FxPlotBuf *out, const FxPlotSeries *series,
                          size_t nseries, const FxPlotLineOpts *opts)
{
    FxPlotStatus st = out ? check(series, nseries, opts) : FX_PLOT_EINVAL;
    if (st != FX_PLOT_OK)
        return st;
    Chart c;
    st = prepare(&c, series, nseries, opts);
    if (st != FX_PLOT_OK)
        goto done;
    st = fx_plot_canvas_init(&c.cv, c.w, c.h, c.pen);
    if (st != FX_PLOT_OK)
        goto done;
    for (size_t i = 0; i < nseries; i++)
        draw_series(&c, i);
    for (size_t i = 0; i < nseries; i++)
        draw_band(&c, i);
    draw_marks(&c);
    put_chart(&c, out);
    st = fx_plot_buf_status(out);
done:
    fx_plot_canvas_free(&c.cv);
    free(c.info);
    free(c.keys);
    return st;
}
