/* Legends for line and bar charts: each entry is a sample of the series'
 * look (its mark, line or fill, in its colour) and its label. Below a
 * chart the entries share one line when they fit, else they form a grid of
 * equal columns; long labels are cut in the middle, where sweep labels
 * ("lr=0.001, batch=64") differ least. Knows nothing of the fx language. */
#include "plot_impl.h"

static int has_label(const FxPlotKey *k)
{
    return k->label && k->label[0];
}

static int entry_width(const FxPlotKey *k)
{
    return k->sample_w + 1 + fx_plot_text_width(k->label);
}

int fx_plot_legend_width(const FxPlotKey *k, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        if (has_label(&k[i]) && entry_width(&k[i]) > w)
            w = entry_width(&k[i]);
    return w;
}

void fx_plot_legend_entry(FxPlotBuf *b, const FxPlotKey *k, int maxw,
                          int unicode)
{
    if (k->color)
        fx_plot_put_color(b, k->color);
    fx_plot_buf_puts(b, k->sample);
    fx_plot_buf_puts(b, " ");
    int w = k->sample_w + 1;
    w += fx_plot_put_text(b, k->label, maxw - w, unicode, 1);
    if (k->color)
        fx_plot_put_color(b, 0);
    fx_plot_put_spaces(b, maxw - w);
}

void fx_plot_legend_below(FxPlotBuf *b, const FxPlotKey *k, size_t n,
                          int indent, int width, int unicode)
{
    size_t shown = 0;
    int total = 0, widest = fx_plot_legend_width(k, n), room = width - indent;
    for (size_t i = 0; i < n; i++)
        if (has_label(&k[i])) {
            total += (shown ? 3 : 0) + entry_width(&k[i]);
            shown++;
        }
    if (!shown)
        return;
    if (room < 8)
        room = 8;
    int one_line = total <= room;
    int colw = (widest < room ? widest : room) + 3;
    int ncols = one_line ? (int)shown : (room + 3) / colw;
    if (ncols < 1)
        ncols = 1;
    int col = 0;
    for (size_t i = 0; i < n; i++) {
        if (!has_label(&k[i]))
            continue;
        if (col == 0)
            fx_plot_put_spaces(b, indent);
        int w = one_line ? entry_width(&k[i]) : colw - 3;
        fx_plot_legend_entry(b, &k[i], w, unicode);
        if (++col == ncols) {
            fx_plot_end_line(b);
            col = 0;
        } else {
            fx_plot_put_spaces(b, 3);
        }
    }
    if (col)
        fx_plot_end_line(b);
}
