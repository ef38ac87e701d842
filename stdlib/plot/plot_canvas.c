/* The line chart's canvas: a grid of cells that series are rasterised
 * into one at a time, with three pens: an ASCII mark along an 8-connected
 * Bresenham line, box-drawing glyphs along a 4-connected staircase (each
 * cell remembers which neighbours the line joins, so the glyph is exact:
 * ─ │ ╭ ╮ ╰ ╯ and junctions), and braille dots on a 2x4 sub-grid. Segments
 * are clipped to the grid before rasterising, so far-off points cost
 * nothing. Knows nothing of axes, legends or the fx language. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_impl.h"

enum { LEFT = 1, RIGHT = 2, UP = 4, DOWN = 8, POINT = 16 };

/* Box glyphs by connection mask (LEFT|RIGHT|UP|DOWN), for light (rounded
 * corners), heavy and double lines. Index 0 is the glyph of a lone point. */
static const uint32_t box[3][16] = {
    {0x2022, 0x2574, 0x2576, 0x2500, 0x2575, 0x256F, 0x2570, 0x2534,
     0x2577, 0x256E, 0x256D, 0x252C, 0x2502, 0x2524, 0x251C, 0x253C},
    {0x25CF, 0x2578, 0x257A, 0x2501, 0x2579, 0x251B, 0x2517, 0x253B,
     0x257B, 0x2513, 0x250F, 0x2533, 0x2503, 0x252B, 0x2523, 0x254B},
    {0x25C6, 0x2550, 0x2550, 0x2550, 0x2551, 0x255D, 0x255A, 0x2569,
     0x2551, 0x2557, 0x2554, 0x2566, 0x2551, 0x2563, 0x2560, 0x256C},
};

/* Braille dot bits by position in the cell: [row 0..3][column 0..1]. */
static const unsigned char braille[4][2] = {
    {0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

FxPlotStatus fx_plot_canvas_init(FxPlotCanvas *c, int w, int h, FxPlotPen pen)
{
    size_t n = (size_t)w * (size_t)h;
    c->w = w;
    c->h = h;
    c->pen = pen;
    c->overlaps = 0;
    c->sx = pen == FX_PEN_BRAILLE ? 2 : 1;
    c->sy = pen == FX_PEN_BRAILLE ? 4 : 1;
    c->cp = calloc(n, sizeof *c->cp);
    c->owner = malloc(n * sizeof *c->owner);
    c->mask = calloc(n, 1);
    if (!c->cp || !c->owner || !c->mask) {
        fx_plot_canvas_free(c);
        return FX_PLOT_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        c->owner[i] = -1;
    return FX_PLOT_OK;
}

void fx_plot_canvas_free(FxPlotCanvas *c)
{
    free(c->cp);
    free(c->owner);
    free(c->mask);
    c->cp = NULL;
    c->owner = NULL;
    c->mask = NULL;
}

void fx_plot_canvas_begin(FxPlotCanvas *c)
{
    memset(c->mask, 0, (size_t)c->w * (size_t)c->h);
}

/* Marks sub-cell (x, y), known to be inside. */
static void dot(FxPlotCanvas *c, int x, int y)
{
    unsigned char *m = &c->mask[(size_t)(y / c->sy) * c->w + x / c->sx];
    if (c->pen == FX_PEN_BRAILLE)
        *m |= braille[y % 4][x % 2];
    else
        *m |= POINT;
}

static void bresenham(FxPlotCanvas *c, int x0, int y0, int x1, int y1)
{
    int dx = abs(x1 - x0), dy = -abs(y1 - y0);
    int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    for (;;) {
        dot(c, x0, y0);
        if (x0 == x1 && y0 == y1)
            return;
        int e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            x0 += sx;
        }
        if (e2 <= dx) {
            err += dx;
            y0 += sy;
        }
    }
}

/* A 4-connected path (one step right/left or up/down at a time, the step
 * that stays nearest the true line), recording in each cell the sides the
 * path leaves through, so that box glyphs join up. */
static void staircase(FxPlotCanvas *c, int x0, int y0, int x1, int y1)
{
    long dx = labs((long)x1 - x0), dy = labs((long)y1 - y0);
    int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    long ix = 0, iy = 0;
    unsigned char *m = &c->mask[(size_t)y0 * c->w + x0];
    *m |= POINT;
    while (ix < dx || iy < dy) {
        int step_x = iy >= dy || (ix < dx && (1 + 2 * ix) * dy < (1 + 2 * iy) * dx);
        if (step_x) {
            *m |= sx > 0 ? RIGHT : LEFT;
            x0 += sx;
            ix++;
        } else {
            *m |= sy > 0 ? DOWN : UP;
            y0 += sy;
            iy++;
        }
        m = &c->mask[(size_t)y0 * c->w + x0];
        *m |= step_x ? (sx > 0 ? LEFT : RIGHT) : (sy > 0 ? UP : DOWN);
    }
    *m |= POINT;
}

/* Liang-Barsky: clips the segment to [xa, xb] x [ya, yb]; 0 if outside. */
static int clip(double *x0, double *y0, double *x1, double *y1,
                double xa, double xb, double ya, double yb)
{
    double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0, t1 = 1;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {*x0 - xa, xb - *x0, *y0 - ya, yb - *y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
            continue;
        }
        double r = q[i] / p[i];
        if (p[i] < 0 && r > t0)
            t0 = r;
        else if (p[i] > 0 && r < t1)
            t1 = r;
        if (t0 > t1)
            return 0;
    }
    double ox = *x0, oy = *y0;
    *x0 = ox + t0 * dx;
    *y0 = oy + t0 * dy;
    *x1 = ox + t1 * dx;
    *y1 = oy + t1 * dy;
    return 1;
}

/* The sub-cell a coordinate falls in, among n; the clip box keeps it in
 * range but for rounding. */
static int cell_of(double v, int n)
{
    int i = (int)floor(v + 0.5);
    return i < 0 ? 0 : i >= n ? n - 1 : i;
}

void fx_plot_canvas_segment(FxPlotCanvas *c, double x0, double y0,
                            double x1, double y1)
{
    double xb = c->w * c->sx - 0.5 - 1e-6, yb = c->h * c->sy - 0.5 - 1e-6;
    if (!clip(&x0, &y0, &x1, &y1, -0.5, xb, -0.5, yb))
        return;
    int nx = c->w * c->sx, ny = c->h * c->sy;
    int a = cell_of(x0, nx), b = cell_of(y0, ny);
    int p = cell_of(x1, nx), q = cell_of(y1, ny);
    if (c->pen == FX_PEN_BOX)
        staircase(c, a, b, p, q);
    else
        bresenham(c, a, b, p, q);
}

void fx_plot_canvas_point(FxPlotCanvas *c, double x, double y)
{
    double xb = c->w * c->sx - 0.5, yb = c->h * c->sy - 0.5;
    if (!(x >= -0.5 && x < xb && y >= -0.5 && y < yb))
        return;
    int px = cell_of(x, c->w * c->sx), py = cell_of(y, c->h * c->sy);
    if (c->pen != FX_PEN_BRAILLE) {
        dot(c, px, py);
        return;
    }
    /* One braille dot is hard to see: light a 2x2 block of the cell. */
    int x0 = px - px % 2, y0 = py - py % 2;
    for (int dy = 0; dy < 2; dy++)
        for (int dx = 0; dx < 2; dx++)
            dot(c, x0 + dx, y0 + dy);
}

void fx_plot_canvas_end(FxPlotCanvas *c, int series, uint32_t mark, int style)
{
    size_t n = (size_t)c->w * (size_t)c->h;
    if (style < 0 || style > 2)
        style = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned m = c->mask[i];
        if (!m)
            continue;
        /* '.' is a faint curve's (the raw one under its smoothing): it
         * gives way to any other mark and never makes an overlap */
        if (c->pen == FX_PEN_MARK && c->cp[i] && c->owner[i] != series && mark == '.')
            continue;
        if (c->pen == FX_PEN_MARK && c->cp[i] && c->cp[i] != '.' && c->owner[i] != series) {
            c->overlaps += c->owner[i] != FX_PLOT_SHARED;
            c->cp[i] = FX_PLOT_OVERLAP;
            c->owner[i] = FX_PLOT_SHARED;
            continue;
        } else if (c->pen == FX_PEN_MARK) {
            c->cp[i] = mark;
        } else if (c->pen == FX_PEN_BOX) {
            c->cp[i] = box[style][m & 15];
        } else {
            uint32_t old = c->cp[i] >= 0x2800 && c->cp[i] <= 0x28FF
                               ? c->cp[i] & 0xFF : 0;
            c->cp[i] = 0x2800 | old | m;
        }
        c->owner[i] = (short)series;
    }
}
