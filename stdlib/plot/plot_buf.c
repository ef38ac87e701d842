/* The renderer's output buffer and the text helpers every chart uses:
 * UTF-8 widths, sanitised and truncated labels, padding, colours, line
 * ends without trailing blanks. Knows nothing of charts' layout, nor of
 * the fx language. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "plot_impl.h"

const char *fx_plot_status_str(FxPlotStatus s)
{
    switch (s) {
    case FX_PLOT_OK:     return "ok";
    case FX_PLOT_ENOMEM: return "out of memory";
    case FX_PLOT_EINVAL: return "invalid argument";
    case FX_PLOT_EIO:    return "write error";
    }
    return "unknown status";
}

void fx_plot_buf_init(FxPlotBuf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void fx_plot_buf_free(FxPlotBuf *b)
{
    free(b->data);
    fx_plot_buf_init(b);
}

void fx_plot_buf_clear(FxPlotBuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* Room for n more bytes and the NUL. */
static int reserve(FxPlotBuf *b, size_t n)
{
    if (b->oom)
        return 0;
    if (n > (size_t)-1 / 2 - b->len) {
        b->oom = 1;
        return 0;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

FxPlotStatus fx_plot_buf_put(FxPlotBuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return FX_PLOT_ENOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return FX_PLOT_OK;
}

FxPlotStatus fx_plot_buf_puts(FxPlotBuf *b, const char *s)
{
    return fx_plot_buf_put(b, s, strlen(s));
}

FxPlotStatus fx_plot_buf_printf(FxPlotBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return FX_PLOT_EINVAL;
    if (!reserve(b, (size_t)n))
        return FX_PLOT_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return FX_PLOT_OK;
}

FxPlotStatus fx_plot_buf_write(const FxPlotBuf *b, FILE *f)
{
    if (b->len && fwrite(b->data, 1, b->len, f) != b->len)
        return FX_PLOT_EIO;
    return fflush(f) == 0 ? FX_PLOT_OK : FX_PLOT_EIO;
}

FxPlotStatus fx_plot_buf_status(const FxPlotBuf *b)
{
    return b->oom ? FX_PLOT_ENOMEM : FX_PLOT_OK;
}

/* ---- UTF-8 ------------------------------------------------------------- */

/* Length of the valid, printable UTF-8 sequence at s, or 0 when the byte
 * at s must be replaced (a control byte or broken UTF-8). */
static int seq_len(const unsigned char *s)
{
    unsigned c = s[0];
    if (c < 0x20 || c == 0x7f)
        return 0;
    if (c < 0x80)
        return 1;
    int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (n == 0 || c > 0xf4)
        return 0;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xf0 && s[1] < 0x90) ||
        (c == 0xf4 && s[1] > 0x8f) || (c == 0xed && s[1] > 0x9f))
        return 0;   /* overlong, beyond U+10FFFF, or a surrogate */
    if (c == 0xc2 && s[1] < 0xa0)
        return 0;   /* C1 control characters */
    return n;
}

int fx_plot_text_width(const char *s)
{
    int w = 0;
    if (!s)
        return 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = seq_len(p);
        p += n ? n : 1;
        w++;
    }
    return w;
}

/* Appends the code points [from, to) of s, sanitised. */
static void put_range(FxPlotBuf *b, const char *s, int from, int to)
{
    const unsigned char *p = (const unsigned char *)s;
    for (int i = 0; *p && i < to; i++) {
        int n = seq_len(p);
        if (i >= from)
            fx_plot_buf_put(b, n ? (const char *)p : "?", n ? (size_t)n : 1);
        p += n ? n : 1;
    }
}

int fx_plot_put_text(FxPlotBuf *b, const char *s, int maxw, int unicode,
                     int middle)
{
    if (!s)
        return 0;
    int w = fx_plot_text_width(s);
    if (w <= maxw) {
        put_range(b, s, 0, w);
        return w;
    }
    const char *dots = unicode ? "\xe2\x80\xa6" : "...";
    int dw = unicode ? 1 : 3;
    if (maxw <= dw) {               /* no room for a mark: a hard cut */
        put_range(b, s, 0, maxw > 0 ? maxw : 0);
        return maxw > 0 ? maxw : 0;
    }
    int keep = maxw - dw;
    int head = middle ? (keep + 1) / 2 : keep;
    put_range(b, s, 0, head);
    fx_plot_buf_puts(b, dots);
    put_range(b, s, w - (keep - head), w);
    return maxw;
}

void fx_plot_put_spaces(FxPlotBuf *b, int n)
{
    static const char sp[] = "                                ";
    while (n > 0) {
        int k = n < 32 ? n : 32;
        fx_plot_buf_put(b, sp, (size_t)k);
        n -= k;
    }
}

void fx_plot_put_cp(FxPlotBuf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    fx_plot_buf_put(b, u, n);
}

void fx_plot_end_line(FxPlotBuf *b)
{
    while (b->len > 0 && b->data[b->len - 1] == ' ')
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
    fx_plot_buf_put(b, "\n", 1);
}

void fx_plot_put_centred(FxPlotBuf *b, const char *s, int indent, int width,
                         int unicode)
{
    int w = fx_plot_text_width(s);
    if (w > width)
        w = width;
    fx_plot_put_spaces(b, indent + (width - w) / 2);
    fx_plot_put_text(b, s, width, unicode, 0);
    fx_plot_end_line(b);
}

void fx_plot_put_note(FxPlotBuf *b, const char *text, int width, int unicode)
{
    int col = 6, fresh = 1;   /* fresh: no word on this line yet */
    fx_plot_buf_puts(b, "note: ");
    while (*text) {
        size_t n = strcspn(text, " ");
        char word[256];
        snprintf(word, sizeof word, "%.*s", (int)n, text);
        int w = fx_plot_text_width(word);
        if (!fresh && col + 1 + w > width) {
            fx_plot_end_line(b);
            fx_plot_put_spaces(b, 2);
            col = 2;
        } else if (!fresh) {
            fx_plot_buf_puts(b, " ");
            col++;
        }
        fresh = 0;
        col += fx_plot_put_text(b, word, width - col, unicode, 0);
        text += n;
        text += strspn(text, " ");
    }
    fx_plot_end_line(b);
}

/* ---- colours and marks ------------------------------------------------- */

/* Okabe and Ito's palette, which stays distinct under the common kinds of
 * colour blindness (red and green never tell two curves apart): blue,
 * orange, bluish green, vermillion, sky blue, reddish purple, yellow and
 * grey for its black, as the nearest of the 256 colours of xterm-256color
 * (every terminal of the last decades). Codes >= 256 mean 38;5;(code-256). */
static const int palette[FX_PLOT_NCOLORS] = {256 + 25,  256 + 214, 256 + 36,  256 + 166,
                                             256 + 74,  256 + 175, 256 + 185, 256 + 245};

int fx_plot_series_color(size_t i)
{
    return palette[i % FX_PLOT_NCOLORS];
}

void fx_plot_put_color(FxPlotBuf *b, int code)
{
    if (code >= 256)
        fx_plot_buf_printf(b, "\x1b[38;5;%dm", code - 256);
    else
        fx_plot_buf_printf(b, "\x1b[%dm", code);
}

/* '#' is not among them: it marks cells where curves overlap. */
char fx_plot_mark(size_t i)
{
    static const char marks[] = "*o+x@%&=$~^v";
    return marks[i % 12];
}

/* The Unicode modes' marks, when lines cannot tell the curves apart. */
uint32_t fx_plot_umark(size_t i)
{
    static const uint32_t marks[12] = {0x25CF, 0x25CB, 0x25C6, 0x25C7, 0x25A0, 0x25A1,
                                       0x25B2, 0x25B3, 0x25BC, 0x25BD, 0x2605, 0x2606};
    return marks[i % 12];
}

char fx_plot_fill(size_t i)
{
    static const char fills[] = "#=*+ox@%&$~^";
    return fills[i % 12];
}
