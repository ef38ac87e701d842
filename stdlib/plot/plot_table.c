/* Tables: a header row, a separator, one row per record; numbers right-
 * aligned (significant digits or fixed decimals per column), strings
 * left-aligned and cut to a maximum width, missing cells as "-"; ASCII
 * borders, or box drawing in the Unicode modes. Used for `table runs`
 * (one row per sweep point). Knows nothing of the fx language. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_impl.h"

typedef struct Table {
    const FxPlotColumn *cols;
    size_t              nc, nr;
    int                 unicode, max_cell;
    int                *w;        /* column widths */
    char               *nums;     /* nc * nr formatted numbers */
} Table;

static char *num_at(const Table *t, size_t c, size_t r)
{
    return t->nums + (c * t->nr + r) * FX_PLOT_NUM_MAX;
}

static int is_num(const FxPlotColumn *c)
{
    return c->num != NULL;
}

/* The text of a cell, or NULL when it is missing. */
static const char *cell(const Table *t, size_t c, size_t r)
{
    const FxPlotColumn *col = &t->cols[c];
    if (is_num(col))
        return col->missing && col->missing[r] ? NULL : num_at(t, c, r);
    return col->str ? col->str[r] : NULL;
}

static void format_numbers(Table *t)
{
    for (size_t c = 0; c < t->nc; c++) {
        const FxPlotColumn *col = &t->cols[c];
        if (!is_num(col))
            continue;
        for (size_t r = 0; r < t->nr; r++) {
            double v = col->num[r];
            int p = col->precision < 0 ? 0 : col->precision > 17 ? 17
                                                                 : col->precision;
            if (col->fmt == FX_PLOT_NUM_FIXED && isfinite(v) && fabs(v) < 1e15)
                snprintf(num_at(t, c, r), FX_PLOT_NUM_MAX, "%.*f", p, v);
            else
                fx_plot_fmt(num_at(t, c, r), FX_PLOT_NUM_MAX, v, p);
        }
    }
}

static int cut(const Table *t, int w)
{
    return w < t->max_cell ? w : t->max_cell;
}

static void measure(Table *t)
{
    for (size_t c = 0; c < t->nc; c++) {
        int w = cut(t, fx_plot_text_width(t->cols[c].header));
        for (size_t r = 0; r < t->nr; r++) {
            const char *s = cell(t, c, r);
            int cw = cut(t, s ? fx_plot_text_width(s) : 1);
            w = cw > w ? cw : w;
        }
        t->w[c] = w;
    }
}

/* A horizontal rule: which 0 top, 1 under the header, 2 bottom. */
static void put_rule(const Table *t, FxPlotBuf *b, int which)
{
    static const uint32_t box[3][3] = {{0x250C, 0x252C, 0x2510},
                                       {0x251C, 0x253C, 0x2524},
                                       {0x2514, 0x2534, 0x2518}};
    for (size_t c = 0; c < t->nc; c++) {
        fx_plot_put_cp(b, t->unicode ? box[which][c ? 1 : 0] : '+');
        for (int i = 0; i < t->w[c] + 2; i++)
            fx_plot_put_cp(b, t->unicode ? 0x2500 : '-');
    }
    fx_plot_put_cp(b, t->unicode ? box[which][2] : '+');
    fx_plot_end_line(b);
}

static void put_cell(const Table *t, FxPlotBuf *b, size_t c, const char *s,
                     int right)
{
    int w = fx_plot_text_width(s);
    w = cut(t, w);
    fx_plot_put_cp(b, t->unicode ? 0x2502 : '|');
    fx_plot_put_spaces(b, 1 + (right ? t->w[c] - w : 0));
    fx_plot_put_text(b, s, t->w[c], t->unicode, 0);
    fx_plot_put_spaces(b, 1 + (right ? 0 : t->w[c] - w));
}

static void put_row(const Table *t, FxPlotBuf *b, size_t r)
{
    for (size_t c = 0; c < t->nc; c++) {
        const char *s = cell(t, c, r);
        put_cell(t, b, c, s ? s : "-", is_num(&t->cols[c]));
    }
    fx_plot_put_cp(b, t->unicode ? 0x2502 : '|');
    fx_plot_end_line(b);
}

static void put_table(const Table *t, FxPlotBuf *b, const char *title)
{
    if (title && title[0]) {
        int total = 1;
        for (size_t c = 0; c < t->nc; c++)
            total += t->w[c] + 3;
        fx_plot_put_centred(b, title, 0, total, t->unicode);
    }
    put_rule(t, b, 0);
    for (size_t c = 0; c < t->nc; c++) {
        const char *h = t->cols[c].header;
        put_cell(t, b, c, h ? h : "", is_num(&t->cols[c]));
    }
    fx_plot_put_cp(b, t->unicode ? 0x2502 : '|');
    fx_plot_end_line(b);
    put_rule(t, b, 1);
    for (size_t r = 0; r < t->nr; r++)
        put_row(t, b, r);
    put_rule(t, b, 2);
}

FxPlotStatus fx_plot_table(FxPlotBuf *out, const FxPlotColumn *cols,
                           size_t ncols, size_t nrows,
                           const FxPlotTableOpts *opts)
{
    if (!out || !opts || (ncols && !cols))
        return FX_PLOT_EINVAL;
    if (ncols == 0) {
        if (opts->title && opts->title[0])
            fx_plot_put_centred(out, opts->title, 0, 80, opts->mode != FX_PLOT_ASCII);
        fx_plot_buf_puts(out, "(no columns)\n");
        return fx_plot_buf_status(out);
    }
    Table t;
    memset(&t, 0, sizeof t);
    t.cols = cols;
    t.nc = ncols;
    t.nr = nrows;
    t.unicode = opts->mode != FX_PLOT_ASCII;
    t.max_cell = opts->max_cell > 0 ? opts->max_cell : 40;
    if (t.max_cell < 4)
        t.max_cell = 4;
    t.w = calloc(ncols, sizeof *t.w);
    if (nrows && nrows > ((size_t)-1 / FX_PLOT_NUM_MAX) / ncols) {
        free(t.w);
        return FX_PLOT_ENOMEM;
    }
    t.nums = malloc(ncols * (nrows ? nrows : 1) * FX_PLOT_NUM_MAX);
    FxPlotStatus st = FX_PLOT_ENOMEM;
    if (t.w && t.nums) {
        format_numbers(&t);
        measure(&t);
        put_table(&t, out, opts->title);
        st = fx_plot_buf_status(out);
    }
    free(t.w);
    free(t.nums);
    return st;
}
