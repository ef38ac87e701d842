/* The public API of fx's text renderer: line charts, grouped bar charts and
 * tables drawn as text into a growable buffer, plus the number formatting
 * they share. It takes arrays of doubles and strings and knows nothing of
 * the fx language, its values or the runtime; the interpreter turns its
 * `plot`, `bars` and `table` statements into these calls.
 *
 * Output is deterministic: the same inputs and options give the same bytes.
 * ANSI colour escapes appear only when an options struct says `color = 1`
 * (the interpreter decides: a terminal and NO_COLOR unset). Every line of
 * output ends in '\n' and carries no trailing blanks.
 *
 * Usage:
 *     FxPlotBuf b;
 *     fx_plot_buf_init(&b);
 *     FxPlotSeries s[2] = {{"train loss", loss, NULL, 20},
 *                          {"val loss", val_loss, NULL, 20}};
 *     FxPlotLineOpts o = fx_plot_line_defaults();
 *     o.title = "loss";
 *     if (fx_plot_line(&b, s, 2, &o) == FX_PLOT_OK)
 *         fx_plot_buf_write(&b, stdout);
 *     fx_plot_buf_free(&b);
 */
#ifndef FX_PLOT_H
#define FX_PLOT_H

#include <stddef.h>
#include <stdio.h>

typedef enum FxPlotStatus {
    FX_PLOT_OK = 0,
    FX_PLOT_ENOMEM,   /* an allocation failed; the buffer keeps what it had */
    FX_PLOT_EINVAL,   /* a NULL array with a non-zero length, ymin >= ymax */
    FX_PLOT_EIO       /* writing to a FILE * failed */
} FxPlotStatus;

/* "out of memory", "invalid argument", ... (static text). */
const char *fx_plot_status_str(FxPlotStatus s);

/* ---- output buffer -------------------------------------------------------
 * A growable NUL-terminated string. Renderers append to it; after a failed
 * allocation it stops growing and every later append reports ENOMEM. */
typedef struct FxPlotBuf {
    char  *data;      /* NUL-terminated once anything was appended */
    size_t len, cap;
    int    oom;       /* an allocation failed */
} FxPlotBuf;

void fx_plot_buf_init(FxPlotBuf *b);
void fx_plot_buf_free(FxPlotBuf *b);
void fx_plot_buf_clear(FxPlotBuf *b);          /* len = 0, keeps memory */
FxPlotStatus fx_plot_buf_put(FxPlotBuf *b, const char *s, size_t n);
FxPlotStatus fx_plot_buf_puts(FxPlotBuf *b, const char *s);
FxPlotStatus fx_plot_buf_printf(FxPlotBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Writes the buffer's bytes to f (does not clear it). */
FxPlotStatus fx_plot_buf_write(const FxPlotBuf *b, FILE *f);

/* ---- numbers --------------------------------------------------------------
 * The shortest readable form of v with at most `sig` significant digits
 * (sig <= 0 means 4; at most 17): "0.001", "2.5", "12345", "1e-05",
 * "1.23e+06", "-0.25", "nan", "inf", "-inf". Fixed notation for
 * 1e-4 <= |v| < 1e6 (integral digits are never dropped, so 12345 stays
 * 12345), exponent notation otherwise; trailing zeros are removed.
 * Writes at most cap bytes including the NUL; returns the length. */
#define FX_PLOT_NUM_MAX 32   /* enough for any result */
size_t fx_plot_fmt(char *out, size_t cap, double v, int sig);

/* ---- common options -------------------------------------------------- */
typedef enum FxPlotMode {
    FX_PLOT_ASCII = 0,   /* 7-bit ASCII; series told apart by marks */
    FX_PLOT_UNICODE,     /* box-drawing lines, block bars, box tables */
    FX_PLOT_BRAILLE      /* line charts in 2x4 braille dots per cell;
                            bars and tables draw as FX_PLOT_UNICODE */
} FxPlotMode;

typedef enum FxPlotLegend {
    FX_PLOT_LEGEND_BELOW = 0,   /* entries in a grid under the chart */
    FX_PLOT_LEGEND_RIGHT,       /* one entry per row right of the chart,
                                   labels cut to fit; below, with a note,
                                   when the chart would get too narrow */
    FX_PLOT_LEGEND_NONE
} FxPlotLegend;

/* ---- line charts ----------------------------------------------------------
 * One chart, several series. A series is n values y[i] at x[i], or at
 * x_start + i when x is NULL. NaN and +-inf (in x or y) are gaps: the line
 * breaks there and a note under the chart counts them. On a log y axis,
 * values <= 0 are gaps too. Consecutive points are joined by lines; points
 * that fall into one column are reduced to their first, lowest, highest and
 * last, so 10,000 points draw as fast as 200.
 *
 * Series are told apart by a glyph each, whatever the colour: a mark
 * character in ASCII mode (a cell two series share shows '#', and the
 * legend gains "# overlap", so none hides another); in FX_PLOT_UNICODE
 * light, heavy and double lines for up to 3 series, a Unicode shape each
 * for more; FX_PLOT_BRAILLE by colour (Okabe-Ito, colour-blind safe),
 * and without colour with 2 or 3 series as FX_PLOT_UNICODE. Readable up
 * to 12 series; beyond, marks and colours repeat.
 *
 * Both y axis ends are ticks at or beyond the data (on a log axis with
 * room, 1, 2 or 5 times a power of ten), and the chart is exactly
 * `width` columns: the x axis runs on past its last tick.
 *
 * A series with lo and hi has a band: every empty cell between its lo and
 * hi curves (joined linearly from point to point) is filled with a faint
 * '.' (ASCII) or U+2591 (Unicode, braille), in the series' colour, after
 * all lines are drawn, so a band never hides a line. The bands count in
 * the y range. */
typedef struct FxPlotSeries {
    const char   *label;   /* legend text; NULL or "" for none */
    const double *y;
    const double *x;       /* NULL: x = x_start, x_start + 1, ... */
    size_t        n;
    const double *lo, *hi; /* a band around y, n points each; NULL: none */
    int           faint;   /* drawn with '.' (grey on colour) and not
                              counted for the other series' looks: the
                              raw curve under a smoothed one */
} FxPlotSeries;

/* A vertical marker at x (an epoch where a diagnosed problem begins):
 * drawn as ':' (U+250A in the Unicode modes) in the empty cells of its
 * column, after the lines and bands, and named in a note under the chart
 * ("':' epoch 7: overfitting"). */
#define FX_PLOT_MAX_MARKS 8   /* the most markers a caller gives */
typedef struct FxPlotMarker {
    double      x;
    const char *label;
} FxPlotMarker;

typedef struct FxPlotLineOpts {
    const char  *title, *xlabel, *ylabel;   /* each may be NULL */
    int          width;     /* columns of the whole chart, 30 to 1000;
                               <= 0: 80 */
    int          height;    /* rows of the plotting area, 3 to 500;
                               <= 0: 17. At most this many are used,
                               fewer when that puts every y tick on an
                               exact row */
    FxPlotMode   mode;
    int          color;     /* 1: ANSI colours */
    int          log_y;     /* 1: log10 y axis, ticks at powers of ten */
    int          has_ymin, has_ymax;   /* clip the y axis to ymin / ymax */
    double       ymin, ymax;
    double       x_start;   /* x of the first point of series without x */
    FxPlotLegend legend;
    const FxPlotMarker *marks;   /* nmarks vertical markers, or NULL */
    size_t       nmarks;
} FxPlotLineOpts;

/* Defaults: width 80, height 17, ASCII, no colour, linear y, automatic
 * range, x_start 1 (epochs and steps count from 1), legend below. */
FxPlotLineOpts fx_plot_line_defaults(void);

/* Appends the chart to out. EINVAL when a series has n > 0 and y NULL,
 * when ymin >= ymax, or on a log axis when ymin or ymax is <= 0. */
FxPlotStatus fx_plot_line(FxPlotBuf *out, const FxPlotSeries *series,
                          size_t nseries, const FxPlotLineOpts *opts);

/* The same chart as an SVG 1.1 document (plot_svg.c): the same ticks,
 * title, labels, series order and legend entries; colours in the same
 * Okabe-Ito order, a dash pattern and a marker shape per series. */
FxPlotStatus fx_plot_line_svg(FxPlotBuf *out, const FxPlotSeries *series,
                              size_t nseries, const FxPlotLineOpts *opts);

/* ---- grouped bar charts ---------------------------------------------------
 * Horizontal bars: one row per (group, series), the group's label on its
 * first row, the value printed at the end of each bar, groups separated by
 * a blank row, a value axis with round ticks underneath and a legend.
 * Horizontal because a terminal has many more columns than it has rows
 * worth spending: labels of any length stay readable and horizontal, the
 * value fits next to its bar, and each bar gets ~60 cells of resolution
 * instead of ~15. Bars start at 0 (negative values grow left of a zero
 * line); on a log axis they start at a power of ten at least half a
 * decade below the smallest value, so values spanning 1e1..1e4 all
 * show. NaN values and, on a log axis, values <= 0 get no bar, only their
 * value text and a note. */
typedef struct FxPlotBarSeries {
    const char   *label;
    const double *values;   /* ngroups values, one per group */
} FxPlotBarSeries;

typedef struct FxPlotBarsOpts {
    const char  *title;
    const char  *axis_label;   /* under the value axis; may be NULL */
    int          width;        /* 30 to 1000; <= 0: 80 */
    FxPlotMode   mode;
    int          color;
    int          log;          /* 1: log10 value axis */
    int          sig;          /* digits of the printed values; <= 0: 4 */
    FxPlotLegend legend;       /* RIGHT is treated as BELOW */
} FxPlotBarsOpts;

/* A zero-initialised FxPlotBarsOpts is the default. */
FxPlotStatus fx_plot_bars(FxPlotBuf *out, const char *const *groups,
                          size_t ngroups, const FxPlotBarSeries *series,
                          size_t nseries, const FxPlotBarsOpts *opts);

/* The same chart as an SVG 1.1 document (plot_bars_svg.c): horizontal
 * bars as in the text, the same value ticks, group labels and legend;
 * series told apart by colour and by a hatching each. */
FxPlotStatus fx_plot_bars_svg(FxPlotBuf *out, const char *const *groups,
                              size_t ngroups, const FxPlotBarSeries *series,
                              size_t nseries, const FxPlotBarsOpts *opts);

/* ---- tables -------------------------------------------------------------
 * Columns with headers; numbers right-aligned, strings left-aligned;
 * a separator under the header; ASCII borders (box drawing in the Unicode
 * modes). A missing cell shows "-". */
typedef enum FxPlotNumFmt {
    FX_PLOT_NUM_SIG = 0,   /* precision significant digits (0: 4), as
                              fx_plot_fmt */
    FX_PLOT_NUM_FIXED      /* exactly precision decimals ("%.*f") */
} FxPlotNumFmt;

typedef struct FxPlotColumn {
    const char          *header;
    const double        *num;      /* a numeric column: nrows values ... */
    const unsigned char *missing;  /* ... with missing[i] != 0 shown "-"
                                      (may be NULL; NaN shows "nan") */
    const char *const   *str;      /* or, when num is NULL, a string
                                      column (NULL entries are missing) */
    FxPlotNumFmt         fmt;
    int                  precision;
} FxPlotColumn;

typedef struct FxPlotTableOpts {
    const char *title;      /* centred above the table; may be NULL */
    FxPlotMode  mode;
    int         max_cell;   /* longer cells are cut with "..."; <= 0: 40 */
} FxPlotTableOpts;

/* A zero-initialised FxPlotTableOpts is the default. A column with both
 * num and str NULL is all missing. */
FxPlotStatus fx_plot_table(FxPlotBuf *out, const FxPlotColumn *cols,
                           size_t ncols, size_t nrows,
                           const FxPlotTableOpts *opts);

#endif
