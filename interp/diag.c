/* The one printer every fx diagnostic goes through: location, message,
 * the source line, a caret line under the offending text, then hints and
 * call frames. Line and column come from byte offsets only here. Knows
 * nothing of values or the runtime. */
#include <stdarg.h>
#include <string.h>
#include "diag.h"

#define RED   "\033[1;31m"
#define BOLD  "\033[1m"
#define GREEN "\033[1;32m"
#define CYAN  "\033[1;36m"
#define RESET "\033[0m"

void fx_diag_init(FxDiag *d, FILE *out, int color)
{
    d->out = out;
    d->color = color;
    d->count = 0;
}

static int is_cont_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

void fx_diag_linecol(const FxSource *src, uint32_t off, int *line, int *col)
{
    if (off > src->len)
        off = (uint32_t)src->len;
    int l = 1, c = 1;
    for (uint32_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)src->text[i];
        if (ch == '\n') {
            l++;
            c = 1;
        } else if (!is_cont_byte(ch)) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* A source line longer than LINE_SHOWN characters is cut to a window of
 * LINE_WINDOW characters, LINE_BEFORE of them before the error, with
 * "..." where it was cut (as clang does): a generated one-line program of
 * megabytes otherwise gives an error of megabytes. */
#define LINE_SHOWN  240
#define LINE_WINDOW 160
#define LINE_BEFORE 80

/* Output through a small buffer: stderr is unbuffered, and a character at
 * a time made one system call per character. */
typedef struct Out {
    FILE  *f;
    size_t n;
    char   b[1024];
} Out;

static void out_flush(Out *o)
{
    fwrite(o->b, 1, o->n, o->f);
    o->n = 0;
}

static void out_c(Out *o, char c)
{
    if (o->n == sizeof o->b)
        out_flush(o);
    o->b[o->n++] = c;
}

static void out_s(Out *o, const char *s)
{
    while (*s)
        out_c(o, *s++);
}

/* The offset `n` characters after `from` (not past `lim`), or before it
 * (not before `lo`); characters are UTF-8 lead bytes. */
static uint32_t chars_after(const FxSource *src, uint32_t from, uint32_t lim, int n)
{
    while (from < lim && n > 0) {
        from++;
        while (from < lim && is_cont_byte((unsigned char)src->text[from]))
            from++;
        n--;
    }
    return from;
}

static uint32_t chars_before(const FxSource *src, uint32_t from, uint32_t lo, int n)
{
    while (from > lo && n > 0) {
        from--;
        while (from > lo && is_cont_byte((unsigned char)src->text[from]))
            from--;
        n--;
    }
    return from;
}

/* The source line holding `off`, its number, and the caret line. */
static void show_line(FxDiag *d, const FxSource *src, FxSpan span)
{
    uint32_t off = span.off > src->len ? (uint32_t)src->len : span.off;
    /* A span at a line's newline (an error "at end of line") points just
     * past the line's last character, on that line. */
    uint32_t start = off;
    while (start > 0 && src->text[start - 1] != '\n')
        start--;
    uint32_t end = off;
    while (end < src->len && src->text[end] != '\n')
        end++;
    uint32_t a = start, b = end;
    if (chars_after(src, start, end, LINE_SHOWN + 1) < end || end - start > 4 * LINE_SHOWN) {
        a = chars_before(src, off, start, LINE_BEFORE);
        b = chars_after(src, a, end, LINE_WINDOW);
    }
    int line, col;
    fx_diag_linecol(src, off, &line, &col);
    char gutter[40];
    int gw = snprintf(gutter, sizeof gutter, "%d", line);
    Out o = {.f = d->out};
    snprintf(gutter, sizeof gutter, " %*d | ", gw < 4 ? 4 : gw, line);
    out_s(&o, gutter);
    if (a > start)
        out_s(&o, "...");
    for (uint32_t i = a; i < b; i++) {
        unsigned char ch = (unsigned char)src->text[i];
        out_c(&o, ch == '\r' || ch == '\0' ? ' ' : (char)ch);
    }
    if (b < end)
        out_s(&o, "...");
    out_c(&o, '\n');
    snprintf(gutter, sizeof gutter, " %*s | ", gw < 4 ? 4 : gw, "");
    out_s(&o, gutter);
    if (a > start)
        out_s(&o, "   ");
    for (uint32_t i = a; i < off; i++) {
        unsigned char ch = (unsigned char)src->text[i];
        if (ch == '\t')
            out_c(&o, '\t');
        else if (!is_cont_byte(ch))
            out_c(&o, ' ');
    }
    if (d->color)
        out_s(&o, GREEN);
    out_c(&o, '^');
    uint32_t stop = span.off + span.len;
    for (uint32_t i = off + 1; i < stop && i < b; i++)
        if (!is_cont_byte((unsigned char)src->text[i]))
            out_c(&o, '~');
    if (d->color)
        out_s(&o, RESET);
    out_c(&o, '\n');
    out_flush(&o);
}

void fx_diag_error(FxDiag *d, const FxSource *src, FxSpan span, const char *fmt, ...)
{
    va_list ap;
    d->count++;
    fflush(stdout);
    if (src) {
        int line, col;
        fx_diag_linecol(src, span.off, &line, &col);
        fprintf(d->out, "%s%s:%d:%d:%s %serror:%s ", d->color ? BOLD : "", src->name,
                line, col, d->color ? RESET : "", d->color ? RED : "", d->color ? RESET : "");
    } else {
        fprintf(d->out, "fx: %serror:%s ", d->color ? RED : "", d->color ? RESET : "");
    }
    va_start(ap, fmt);
    vfprintf(d->out, fmt, ap);
    va_end(ap);
    fputc('\n', d->out);
    if (src)
        show_line(d, src, span);
}

void fx_diag_hint(FxDiag *d, const char *fmt, ...)
{
    va_list ap;
    fprintf(d->out, "%shint:%s ", d->color ? CYAN : "", d->color ? RESET : "");
    va_start(ap, fmt);
    vfprintf(d->out, fmt, ap);
    va_end(ap);
    fputc('\n', d->out);
}

void fx_diag_frame(FxDiag *d, const FxSource *src, FxSpan span)
{
    int line, col;
    fx_diag_linecol(src, span.off, &line, &col);
    fprintf(d->out, "  called from %s:%d:%d\n", src->name, line, col);
}

/* Edit distance counting a swap of two neighbours as one edit (optimal
 * string alignment), so 'fro' is one edit from 'for'. Capped: only small
 * distances matter here. */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    int rows[3][65];
    int *prev2 = rows[0], *prev = rows[1], *row = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = prev[j - 1] + cost;
            if (prev[j] + 1 < best) best = prev[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            row[j] = best;
        }
        int *t = prev2;
        prev2 = prev;
        prev = row;
        row = t;
    }
    return prev[lb];
}

const char *fx_diag_suggest(const char *word, const char *const *cands, int ncands)
{
    const char *best = NULL;
    int best_d = 99;
    size_t len = strlen(word);
    int limit = len <= 2 ? 0 : len <= 4 ? 1 : len <= 7 ? 2 : 3;
    for (int i = 0; i < ncands; i++) {
        if (!cands[i] || strcmp(cands[i], word) == 0)
            continue;
        int dist = edit_distance(word, cands[i]);
        if (dist < best_d) {
            best_d = dist;
            best = cands[i];
        }
    }
    return best_d <= limit ? best : NULL;
}
