/* Built-in functions on text and records: str, num, type, keys, record,
 * join, split, and format (in format.c). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core.h"

static int b_str(FxCall *c, FxValue *out)
{
    FxBuf b;
    fx_buf_init(&b);
    fx_value_show(&b, c->args[0]);
    *out = fx_str_new(&c->I->heap, b.s ? b.s : "", b.len);
    fx_buf_free(&b);
    return 0;
}

static int b_num(FxCall *c, FxValue *out)
{
    FxValue v = c->args[0];
    if (v.type == FX_NUM) {
        *out = v;
        return 0;
    }
    if (v.type == FX_BOOL) {
        *out = fx_num(v.as.b);
        return 0;
    }
    FxStr *s;
    if (fx_arg_str(c, 0, &s))
        return -1;
    const char *p = s->s;
    while (*p == ' ' || *p == '\t')
        p++;
    char *end;
    errno = 0;
    double d = strtod(p, &end);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    if (end == p || *end || (size_t)(end - s->s) != s->len)
        return fx_error(c->I, fx_arg_span(c, 0), "num() cannot read a number from \"%.40s\"", s->s);
    if (isinf(d) && !strstr(s->s, "inf"))
        return fx_error(c->I, fx_arg_span(c, 0), "num(): \"%.40s\" is too large for a double",
                        s->s);
    *out = fx_num(d);
    return 0;
}

static int b_type(FxCall *c, FxValue *out)
{
    *out = fx_str_cstr(&c->I->heap, fx_type_name(c->args[0]));
    return 0;
}

static int b_keys(FxCall *c, FxValue *out)
{
    if (c->args[0].type != FX_RECORD)
        return fx_error(c->I, fx_arg_span(c, 0), "keys() needs a record, got %s",
                        fx_type_phrase(c->args[0]));
    FxRecord *r = fx_as_record(c->args[0]);
    *out = fx_list_new(&c->I->heap, (size_t)r->n);
    for (int i = 0; i < r->n; i++)
        fx_list_push_value(*out, fx_str_cstr(&c->I->heap, r->keys[i]));
    return 0;
}

static int b_record(FxCall *c, FxValue *out)
{
    *out = fx_record_new(&c->I->heap);
    for (int i = 0; i < c->nkw; i++)
        fx_record_set(*out, fx_intern_cstr(&c->I->intern, c->kwnames[i]), fx_ref(c->kwvals[i]));
    return 0;
}

static int b_join(FxCall *c, FxValue *out)
{
    FxList *l;
    FxStr *sep = NULL;
    if (fx_arg_list(c, 0, &l) || (c->given[1] && fx_arg_str(c, 1, &sep)))
        return -1;
    /* The separators alone are known before anything is built; the items'
     * text is checked as it grows. */
    double seps = sep && l->n > 1 ? (double)(l->n - 1) * (double)sep->len : 0;
    if (fx_budget_check(c->I, c->node->span, seps, "join()'s result"))
        return -1;
    FxBuf b;
    fx_buf_init(&b);
    for (size_t i = 0; i < l->n; i++) {
        if (i && sep)
            fx_buf_put(&b, sep->s, sep->len);
        fx_value_show(&b, l->items[i]);
        if (b.len > (size_t)c->I->opt.max_memory / 2 &&
            fx_budget_check(c->I, c->node->span, (double)b.len + seps, "join()'s result")) {
            fx_buf_free(&b);
            return -1;
        }
    }
    *out = fx_str_new(&c->I->heap, b.s ? b.s : "", b.len);
    fx_buf_free(&b);
    return 0;
}

/* split(s): on runs of whitespace; split(s, sep): on each sep. */
static int b_split(FxCall *c, FxValue *out)
{
    FxStr *s, *sep = NULL;
    if (fx_arg_str(c, 0, &s) || (c->given[1] && fx_arg_str(c, 1, &sep)))
        return -1;
    if (sep && sep->len == 0)
        return fx_error(c->I, fx_arg_span(c, 1), "split() separator must not be empty");
    *out = fx_list_new(&c->I->heap, 0);
    const char *p = s->s, *end = s->s + s->len;
    while (p <= end) {
        if (!sep) {
            while (p < end && strchr(" \t\r\n", *p))
                p++;
            if (p == end)
                break;
        }
        const char *q = p;
        if (sep) {
            while (q + sep->len <= end && memcmp(q, sep->s, sep->len) != 0)
                q++;
            if (q + sep->len > end)
                q = end;
        } else {
            while (q < end && !strchr(" \t\r\n", *q))
                q++;
        }
        fx_list_push_value(*out, fx_str_new(&c->I->heap, p, (size_t)(q - p)));
        p = q + (sep && q < end ? sep->len : 1);
        if (sep && q == end)
            break;
    }
    return 0;
}

static const FxBuiltin text_builtins[] = {
    {"str", "x", b_str, "x as text, as print shows it"},
    {"num", "x", b_num, "a number read from a string (or a bool as 0/1)"},
    {"type", "x", b_type, "the name of x's type: number, string, list, record, ..."},
    {"keys", "r", b_keys, "the field names of a record, in order"},
    {"record", "**", b_record, "a record from keyword arguments: record(lr: 0.1)"},
    {"join", "xs, sep=", b_join, "the items as text, joined with sep"},
    {"split", "s, sep=", b_split, "a string split on sep (default: runs of whitespace)"},
    {"format", "fmt, *", fx_format_call, "Python's format mini-language: format(\"{:.4f}\", x)"},
};

void fx_core_text_init(FxInterp *I)
{
    fx_define_builtins(I, text_builtins, (int)(sizeof text_builtins / sizeof *text_builtins));
}
