/* Values as text and values compared: the growable text buffer, the
 * shortest round-trip number format print uses (0.001, not 0.00100000),
 * how lists, records and functions print, type names for messages, and
 * structural equality. Nesting deeper than FX_SHOW_DEPTH prints as "...",
 * so a list that contains itself cannot recurse forever. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mem.h"
#include "interp.h"

#define FX_SHOW_DEPTH 64
/* Lists longer than this print their first and last few items. */
#define FX_SHOW_ITEMS 1000

void fx_buf_init(FxBuf *b)
{
    b->s = NULL;
    b->len = b->cap = 0;
}

static void buf_reserve(FxBuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = fx_xrealloc(b->s, cap);
    b->cap = cap;
}

void fx_buf_put(FxBuf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void fx_buf_puts(FxBuf *b, const char *s)
{
    fx_buf_put(b, s, strlen(s));
}

void fx_buf_printf(FxBuf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void fx_buf_free(FxBuf *b)
{
    free(b->s);
    fx_buf_init(b);
}

const char *fx_num_text(double x, char *buf)
{
    if (isnan(x))
        return strcpy(buf, "nan");
    if (isinf(x))
        return strcpy(buf, x > 0 ? "inf" : "-inf");
    if (x == 0)
        return strcpy(buf, "0");
    if (x == floor(x) && fabs(x) < 1e16) {
        snprintf(buf, 32, "%.0f", x);
        return buf;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    return buf;
}

const char *fx_type_name(FxValue v)
{
    switch (v.type) {
    case FX_NONE: return "none";
    case FX_BOOL: return "bool";
    case FX_NUM: return "number";
    case FX_STR: return "string";
    case FX_LIST: return "list";
    case FX_RECORD: return "record";
    case FX_FUNC: case FX_BUILTIN: return "function";
    case FX_FOREIGN: return fx_as_foreign(v)->type->name;
    }
    return "value";
}

const char *fx_type_phrase(FxValue v)
{
    static const char *const phrases[] = {
        [FX_NONE] = "none", [FX_BOOL] = "a bool", [FX_NUM] = "a number",
        [FX_STR] = "a string", [FX_LIST] = "a list", [FX_RECORD] = "a record",
        [FX_FUNC] = "a function", [FX_BUILTIN] = "a function",
    };
    if (v.type == FX_FOREIGN)
        return fx_as_foreign(v)->type->phrase;
    return phrases[v.type];
}

static void show(FxBuf *b, FxValue v, int quote, int depth);

static void show_string(FxBuf *b, const FxStr *s, int quote)
{
    if (!quote) {
        fx_buf_put(b, s->s, s->len);
        return;
    }
    fx_buf_put(b, "\"", 1);
    for (size_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->s[i];
        switch (c) {
        case '"': fx_buf_puts(b, "\\\""); break;
        case '\\': fx_buf_puts(b, "\\\\"); break;
        case '\n': fx_buf_puts(b, "\\n"); break;
        case '\t': fx_buf_puts(b, "\\t"); break;
        case '\r': fx_buf_puts(b, "\\r"); break;
        case '\0': fx_buf_puts(b, "\\0"); break;
        default:
            if (c < 32)
                fx_buf_printf(b, "\\u{%x}", c);
            else
                fx_buf_put(b, (const char *)&c, 1);
        }
    }
    fx_buf_put(b, "\"", 1);
}

static void show_list(FxBuf *b, const FxList *l, int depth)
{
    fx_buf_put(b, "[", 1);
    for (size_t i = 0; i < l->n; i++) {
        if (l->n > FX_SHOW_ITEMS && i == 3) {
            fx_buf_puts(b, ", ...");
            i = l->n - 4;
            continue;
        }
        if (i)
            fx_buf_put(b, ", ", 2);
        show(b, l->items[i], 1, depth + 1);
    }
    fx_buf_put(b, "]", 1);
    if (l->n > FX_SHOW_ITEMS)
        fx_buf_printf(b, " (%zu items)", l->n);
}

static void show(FxBuf *b, FxValue v, int quote, int depth)
{
    char num[32];
    if (depth > FX_SHOW_DEPTH) {
        fx_buf_puts(b, "...");
        return;
    }
    switch (v.type) {
    case FX_NONE: fx_buf_puts(b, "none"); break;
    case FX_BOOL: fx_buf_puts(b, v.as.b ? "true" : "false"); break;
    case FX_NUM: fx_buf_puts(b, fx_num_text(v.as.n, num)); break;
    case FX_STR: show_string(b, fx_as_str(v), quote); break;
    case FX_LIST: show_list(b, fx_as_list(v), depth); break;
    case FX_RECORD: {
        FxRecord *r = fx_as_record(v);
        fx_buf_put(b, "{", 1);
        for (int i = 0; i < r->n; i++) {
            fx_buf_printf(b, "%s%s: ", i ? ", " : "", r->keys[i]);
            show(b, r->vals[i], 1, depth + 1);
        }
        fx_buf_put(b, "}", 1);
        break;
    }
    case FX_FUNC: {
        const char *name = fx_as_func(v)->name;   /* "<fn>" for a lambda */
        if (name[0] == '<')
            fx_buf_puts(b, name);
        else
            fx_buf_printf(b, "<fn %s>", name);
        break;
    }
    case FX_BUILTIN: fx_buf_printf(b, "<builtin %s>", v.as.bi->name); break;
    case FX_FOREIGN: {
        FxForeign *f = fx_as_foreign(v);
        if (f->type->describe)
            f->type->describe(f->data, b);
        else
            fx_buf_printf(b, "<%s>", f->type->name);
        break;
    }
    }
}

void fx_value_show(FxBuf *b, FxValue v) { show(b, v, 0, 0); }
void fx_value_repr(FxBuf *b, FxValue v) { show(b, v, 1, 0); }

static int equal(FxValue a, FxValue b, int depth)
{
    if (a.type != b.type)
        return 0;
    /* The same list or record is equal to itself, even when it holds
     * itself (the depth limit below would say it is not) or a nan. */
    if ((a.type == FX_LIST || a.type == FX_RECORD) && a.as.o == b.as.o)
        return 1;
    if (depth > FX_SHOW_DEPTH)
        return 0;
    switch (a.type) {
    case FX_NONE: return 1;
    case FX_BOOL: return a.as.b == b.as.b;
    case FX_NUM: return a.as.n == b.as.n;
    case FX_STR: {
        FxStr *x = fx_as_str(a), *y = fx_as_str(b);
        return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
    }
    case FX_LIST: {
        FxList *x = fx_as_list(a), *y = fx_as_list(b);
        if (x->n != y->n)
            return 0;
        for (size_t i = 0; i < x->n; i++)
            if (!equal(x->items[i], y->items[i], depth + 1))
                return 0;
        return 1;
    }
    case FX_RECORD: {
        FxRecord *x = fx_as_record(a);
        if (x->n != fx_as_record(b)->n)
            return 0;
        for (int i = 0; i < x->n; i++) {
            FxValue *o = fx_record_get(b, x->keys[i]);
            if (!o || !equal(x->vals[i], *o, depth + 1))
                return 0;
        }
        return 1;
    }
    case FX_BUILTIN: return a.as.bi == b.as.bi;
    case FX_FUNC: case FX_FOREIGN: return a.as.o == b.as.o;
    }
    return 0;
}

int fx_value_equal(FxValue a, FxValue b) { return equal(a, b, 0); }
