/* Internals shared by the plot_*.c files (never included by the
 * interpreter): text helpers over FxPlotBuf, tick computation, the cell
 * canvas the line chart rasterises into, and legends. Like plot.h it knows
 * nothing of the fx language; unit tests include it to test ticks. */
#ifndef FX_PLOT_IMPL_H
#define FX_PLOT_IMPL_H

#include <stdint.h>
#include "plot.h"

/* ---- text (plot_buf.c) ----------------------------------------------------
 * Widths count code points: every character the renderer emits is one
 * column wide. Labels are sanitised on the way in: control bytes and
 * invalid UTF-8 become '?', so a label can neither break a line nor inject
 * an escape sequence. */
int  fx_plot_text_width(const char *s);
/* Appends s cut to at most maxw columns ("..." or "…" marks the cut, in the
 * middle of the text when middle is set); returns the columns written. */
int  fx_plot_put_text(FxPlotBuf *b, const char *s, int maxw, int unicode,
                      int middle);
void fx_plot_put_spaces(FxPlotBuf *b, int n);
void fx_plot_put_cp(FxPlotBuf *b, uint32_t cp);     /* one code point */
/* Drops trailing blanks of the current line, then appends '\n'. */
void fx_plot_end_line(FxPlotBuf *b);
/* Appends s (cut to width) centred in width columns, ending the line. */
void fx_plot_put_centred(FxPlotBuf *b, const char *s, int indent, int width,
                         int unicode);

/* Appends "note: " and text, wrapped at spaces to lines of at most width
 * columns (continuation lines indented by 2); words longer than a line
 * are cut. */
void fx_plot_put_note(FxPlotBuf *b, const char *text, int width, int unicode);

/* Foreground colour of series i, cycling over FX_PLOT_NCOLORS of a
 * colour-blind-safe palette (Okabe-Ito): 256 + an xterm-256 index. */
#define FX_PLOT_NCOLORS 8
int  fx_plot_series_color(size_t i);
/* 0: reset; below 256 an SGR code; 256 + n: 256-colour n. */
void fx_plot_put_color(FxPlotBuf *b, int code);

/* Status of a finished render: ENOMEM if any append failed. */
FxPlotStatus fx_plot_buf_status(const FxPlotBuf *b);

/* ---- ticks (plot_axis.c) -------------------------------------------------
 * Tick values, the axis range they span and their labels, formatted alike
 * (equal decimals on a linear axis; all fixed or all exponent on a log
 * axis). On a log axis v, lo and hi are log10 of the values. */
#define FX_PLOT_MAX_TICKS 64
typedef struct FxPlotTicks {
    int    n;
    double v[FX_PLOT_MAX_TICKS];
    double lo, hi;
    int    log;
    int    label_w;                      /* widest label */
    char   label[FX_PLOT_MAX_TICKS][FX_PLOT_NUM_MAX];
} FxPlotTicks;

/* Round ticks for data in [lo, hi], the axis extended outwards to the
 * first and last tick, at most max_iv intervals (steps 1, 2, 2.5, 5 x 10^k,
 * the smallest that fits, as matplotlib's MaxNLocator; integer: only
 * whole steps, no 2.5). A degenerate range is widened first. */
void fx_plot_ticks_nice(FxPlotTicks *t, double lo, double hi, int max_iv,
                        int integer);
/* Round ticks inside a fixed axis range [lo, hi]. */
void fx_plot_ticks_within(FxPlotTicks *t, double lo, double hi, int max_iv,
                          int integer);
/* Ticks at powers of ten, lo10 and hi10 being log10 of the data range;
 * extend widens the axis to whole decades, else [lo10, hi10] is kept. */
void fx_plot_ticks_log(FxPlotTicks *t, double lo10, double hi10, int max_iv,
                       int extend);

/* Fits ticks to an axis of `cells` cells (rows or columns) so that every
 * tick falls on an exact cell, and returns the cells used (<= cells).
 * Labels written along the axis (x): the axis runs out to the round ticks
 * beyond the data, with the smallest round step whose intervals get at
 * least max(min_gap, label_w + label_pad) cells. Labels beside the axis
 * (y): a round step and a whole number of cells per interval (at least
 * min_gap) chosen so that the data fill as many cells as possible; the
 * axis ends within a cell of the data, not necessarily on a tick.
 * Fixed ranges (fix_lo / fix_hi) cannot be aligned: then all cells are
 * used and ticks fall on the nearest cell. Axes have 3 cells at least. */
typedef struct FxPlotAxisSpec {
    double lo, hi;          /* data range (log10 on a log axis) */
    int    fix_lo, fix_hi;  /* keep lo / hi as the axis ends */
    int    log, integer;
    int    cells, min_gap;
    int    along, label_pad;   /* labels written along the axis (x) */
} FxPlotAxisSpec;
int  fx_plot_ticks_fit(FxPlotTicks *t, const FxPlotAxisSpec *spec);

/* Columns by which labels centred under their ticks reach past the last
 * of `cells` cells (0 when they do not). */
int  fx_plot_ticks_overhang(const FxPlotTicks *t, int cells);

/* Position of value v (same units as t->v) on an axis of `cells` cells,
 * 0 at t->lo, cells - 1 at t->hi (may fall outside for values outside). */
double fx_plot_axis_pos(const FxPlotTicks *t, double v, int cells);

/* The x and y ticks the text line chart of these series gets (plot_line.c),
 * so a picture of the chart (plot_svg.c) shows the same axes. */
FxPlotStatus fx_plot_line_axes(const FxPlotSeries *series, size_t nseries,
                               const FxPlotLineOpts *opts, FxPlotTicks *xt,
                               FxPlotTicks *yt);

/* The value axis the text bar chart gets (plot_bars.c), for its picture
 * (plot_bars_svg.c). */
FxPlotStatus fx_plot_bars_axis(const char *const *groups, size_t ngroups,
                               const FxPlotBarSeries *series, size_t nseries,
                               const FxPlotBarsOpts *opts, FxPlotTicks *t);

/* Text as XML character data, sanitised as fx_plot_put_text does and with
 * &, <, >, " escaped (plot_svg.c). */
void fx_plot_put_xml(FxPlotBuf *b, const char *s);
/* The SVG colour of series i: the Okabe-Ito palette the text charts use,
 * in the same order ("#0072B2", ...). */
const char *fx_plot_svg_color(size_t i);

/* ---- canvas (plot_canvas.c) ------------------------------------------------
 * A w x h grid of cells the line chart draws into, one series at a time.
 * Coordinates are in sub-cell units: 1 x 1 per cell for ASCII marks and
 * box lines, 2 x 4 per cell for braille dots. */
typedef enum FxPlotPen { FX_PEN_MARK, FX_PEN_BOX, FX_PEN_BRAILLE } FxPlotPen;

typedef struct FxPlotCanvas {
    int            w, h;      /* cells */
    int            sx, sy;    /* sub-cells per cell */
    FxPlotPen      pen;
    uint32_t      *cp;        /* w*h code points, 0 = empty */
    short         *owner;     /* w*h series drawn last, -1 = none */
    unsigned char *mask;      /* w*h scratch for the series being drawn */
    size_t         overlaps;  /* cells marked FX_PLOT_OVERLAP */
} FxPlotCanvas;

FxPlotStatus fx_plot_canvas_init(FxPlotCanvas *c, int w, int h,
                                 FxPlotPen pen);
void fx_plot_canvas_free(FxPlotCanvas *c);
void fx_plot_canvas_begin(FxPlotCanvas *c);
/* A line between two points, clipped to the canvas. */
void fx_plot_canvas_segment(FxPlotCanvas *c, double x0, double y0,
                            double x1, double y1);
/* An isolated point (a run of one between gaps), drawn visibly. */
void fx_plot_canvas_point(FxPlotCanvas *c, double x, double y);
/* Commits the series: mark is its mark (FX_PEN_MARK; a cell another
 * series marked already gets FX_PLOT_OVERLAP and owner FX_PLOT_SHARED,
 * counted in overlaps, so no curve hides another), style its box line
 * weight (0 light, 1 heavy, 2 double; FX_PEN_BOX). */
void fx_plot_canvas_end(FxPlotCanvas *c, int series, uint32_t mark, int style);

/* ---- legends (plot_legend.c) ----------------------------------------------- */
typedef struct FxPlotKey {
    const char *label;
    char        sample[16];   /* UTF-8 sample of the series' look */
    int         sample_w;     /* its columns */
    int         color;        /* ANSI code, 0 for none */
} FxPlotKey;

/* Entries in a grid of equal columns within width, starting at indent. */
void fx_plot_legend_below(FxPlotBuf *b, const FxPlotKey *k, size_t n,
                          int indent, int width, int unicode);
/* One entry (for a legend right of a chart), at most maxw columns. */
void fx_plot_legend_entry(FxPlotBuf *b, const FxPlotKey *k, int maxw,
                          int unicode);
/* Widest entry (sample, blank, label), uncut. */
int  fx_plot_legend_width(const FxPlotKey *k, size_t n);

/* The ASCII marks of line series and fills of bars, by series; the
 * Unicode marks (filled and open circles, diamonds, squares, ...); and
 * the mark of a cell that several curves pass through. */
char fx_plot_mark(size_t i);
uint32_t fx_plot_umark(size_t i);
#define FX_PLOT_OVERLAP '#'
#define FX_PLOT_SHARED  (-2)   /* owner of a cell several curves share */
char fx_plot_fill(size_t i);

#endif
