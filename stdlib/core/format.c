/* format(fmt, ...): Python's format mini-language, the part people use:
 * {} and {0} fields, fill and alignment (< > ^), sign (+ - space), zero
 * padding, width, thousands separator (,), precision, and the types f e g
 * % d s. A number without a type prints as print shows it. {{ and }} are
 * literal braces. */
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core.h"

typedef struct Spec {
    char fill, align, sign, type;
    int  zero, width, comma, prec, fill_given;
} Spec;

/* Parses the part after ':' up to '}'; returns 0 or -1 when malformed. */
static int parse_spec(const char *p, const char *end, Spec *s)
{
    memset(s, 0, sizeof *s);
    s->fill = ' ';
    s->prec = -1;
    if (end - p >= 2 && strchr("<>^", p[1])) {
        s->fill = p[0];
        s->align = p[1];
        s->fill_given = 1;
        p += 2;
    } else if (p < end && strchr("<>^", *p)) {
        s->align = *p++;
    }
    if (p < end && strchr("+- ", *p))
        s->sign = *p++;
    if (p < end && *p == '0') {
        s->zero = 1;
        p++;
    }
    while (p < end && *p >= '0' && *p <= '9' && s->width < 1000)
        s->width = s->width * 10 + (*p++ - '0');
    if (p < end && *p == ',') {
        s->comma = 1;
        p++;
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9')
            return -1;
        s->prec = 0;
        while (p < end && *p >= '0' && *p <= '9' && s->prec < 100)
            s->prec = s->prec * 10 + (*p++ - '0');
    }
    if (p < end && strchr("feEgGd%sF", *p))
        s->type = *p++;
    return p == end ? 0 : -1;
}

static void add_commas(char *num, size_t cap)
{
    char *dot = strchr(num, '.'), *e = strpbrk(num, "eE");
    char *stop = dot ? dot : e ? e : num + strlen(num);
    char *digits = num + (num[0] == '-' || num[0] == '+' || num[0] == ' ');
    int n = (int)(stop - digits);
    int commas = n > 3 ? (n - 1) / 3 : 0;
    size_t len = strlen(num);
    if (!commas || len + (size_t)commas + 1 > cap)
        return;
    memmove(stop + commas, stop, strlen(stop) + 1);
    char *src = stop - 1, *dst = stop + commas - 1;
    for (int k = 0; src >= digits; k++) {
        if (k && k % 3 == 0)
            *dst-- = ',';
        *dst-- = *src--;
    }
}

static int format_number(FxCall *c, int argi, double x, const Spec *s, char *out, size_t cap)
{
    char body[400];
    int prec = s->prec < 0 ? 6 : s->prec;
    switch (s->type) {
    case 'f': case 'F': snprintf(body, sizeof body, "%.*f", prec, x); break;
    case 'e': snprintf(body, sizeof body, "%.*e", prec, x); break;
    case 'E': snprintf(body, sizeof body, "%.*E", prec, x); break;
    case 'g': snprintf(body, sizeof body, "%.*g", prec ? prec : 1, x); break;
    case 'G': snprintf(body, sizeof body, "%.*G", prec ? prec : 1, x); break;
    case '%': snprintf(body, sizeof body, "%.*f%%", prec, x * 100); break;
    case 'd':
        if (x != floor(x) || !isfinite(x))
            return fx_error(c->I, fx_arg_span(c, argi), "format {:d} needs a whole number, got %g", x);
        snprintf(body, sizeof body, "%.0f", x);
        break;
    case 's':
        return fx_error(c->I, fx_arg_span(c, argi), "format {:s} needs a string, got a number");
    default:
        if (s->prec >= 0)
            snprintf(body, sizeof body, "%.*g", prec ? prec : 1, x);
        else
            fx_num_text(x, body);
    }
    if (s->comma)
        add_commas(body, sizeof body);
    const char *sign = (x >= 0 || isnan(x)) && body[0] != '-' ?
                       (s->sign == '+' ? "+" : s->sign == ' ' ? " " : "") : "";
    snprintf(out, cap, "%s%s", sign, body);
    return 0;
}

/* Characters, not bytes: continuation bytes of UTF-8 do not count. */
static int text_width(const char *t)
{
    int n = 0;
    for (; *t; t++)
        n += ((unsigned char)*t & 0xC0) != 0x80;
    return n;
}

static void pad(FxBuf *b, const char *text, const Spec *s, int numeric)
{
    int len = text_width(text), w = s->width;
    char align = s->align ? s->align : numeric ? '>' : '<';
    if (len >= w) {
        fx_buf_puts(b, text);
        return;
    }
    int gap = w - len;
    if (s->zero && numeric && !s->align) {
        int signlen = (text[0] == '-' || text[0] == '+' || text[0] == ' ');
        fx_buf_put(b, text, (size_t)signlen);
        for (int i = 0; i < gap; i++)
            fx_buf_put(b, "0", 1);
        fx_buf_puts(b, text + signlen);
        return;
    }
    int left = align == '>' ? gap : align == '^' ? gap / 2 : 0;
    char fill = s->zero && !s->fill_given ? '0' : s->fill;   /* {:>05} pads with 0 */
    for (int i = 0; i < left; i++)
        fx_buf_put(b, &fill, 1);
    fx_buf_puts(b, text);
    for (int i = 0; i < gap - left; i++)
        fx_buf_put(b, &fill, 1);
}

static int format_field(FxCall *c, int argi, const Spec *s, FxBuf *b)
{
    FxValue v = c->args[argi];
    if (v.type == FX_NUM) {
        char text[512];
        if (format_number(c, argi, v.as.n, s, text, sizeof text))
            return -1;
        pad(b, text, s, 1);
        return 0;
    }
    if (s->type && s->type != 's')
        return fx_error(c->I, fx_arg_span(c, argi), "format {:%c} needs a number, got %s",
                        s->type, fx_type_phrase(v));
    FxBuf t;
    fx_buf_init(&t);
    fx_value_show(&t, v);
    if (s->prec >= 0 && t.s) {          /* precision counts characters */
        int chars = 0;
        for (size_t k = 0; k < t.len; k++)
            if (((unsigned char)t.s[k] & 0xC0) != 0x80 && chars++ == s->prec) {
                t.s[k] = '\0';
                break;
            }
    }
    pad(b, t.s ? t.s : "", s, 0);
    fx_buf_free(&t);
    return 0;
}

/* One {...} field starting at p (just after '{'); returns the position
 * after '}' or NULL on error. */
static const char *field(FxCall *c, const FxStr *f, const char *p, int *next, FxBuf *b)
{
    const char *end = f->s + f->len, *close = memchr(p, '}', (size_t)(end - p));
    if (!close)
        return fx_error(c->I, fx_arg_span(c, 0), "format string has a '{' that is never closed"),
               NULL;
    const char *colon = memchr(p, ':', (size_t)(close - p));
    const char *name_end = colon ? colon : close;
    int argi;
    if (name_end == p) {
        argi = (*next)++;
    } else {
        argi = 0;
        for (const char *q = p; q < name_end; q++) {
            if (*q < '0' || *q > '9' || argi > 1000)
                return fx_error(c->I, fx_arg_span(c, 0), "format fields are {} or {N} with a "
                                "number N, got {%.*s}", (int)(name_end - p), p), NULL;
            argi = argi * 10 + (*q - '0');
        }
    }
    Spec s;
    if (parse_spec(colon ? colon + 1 : close, close, &s))
        return fx_error(c->I, fx_arg_span(c, 0), "bad format spec '{%.*s}'", (int)(close - p), p),
               NULL;
    if (argi + 1 >= c->n)
        return fx_error(c->I, c->node->span, "format string needs an argument number %d, but "
                        "only %d %s given", argi + 1, c->n - 1, c->n - 1 == 1 ? "was" : "were"),
               NULL;
    return format_field(c, argi + 1, &s, b) ? NULL : close + 1;
}

int fx_format_call(FxCall *c, FxValue *out)
{
    FxStr *f;
    if (fx_arg_str(c, 0, &f))
        return -1;
    FxBuf b;
    fx_buf_init(&b);
    const char *p = f->s, *end = f->s + f->len;
    int next = 0;
    while (p < end) {
        if (*p == '{' && p + 1 < end && p[1] == '{') { fx_buf_put(&b, "{", 1); p += 2; continue; }
        if (*p == '}' && p + 1 < end && p[1] == '}') { fx_buf_put(&b, "}", 1); p += 2; continue; }
        if (*p == '}') {
            fx_buf_free(&b);
            return fx_error(c->I, fx_arg_span(c, 0), "format string has a single '}'; write '}}' "
                            "for a literal brace");
        }
        if (*p != '{') {
            fx_buf_put(&b, p++, 1);
            continue;
        }
        p = field(c, f, p + 1, &next, &b);
        if (!p) {
            fx_buf_free(&b);
            return -1;
        }
    }
    *out = fx_str_new(&c->I->heap, b.s ? b.s : "", b.len);
    fx_buf_free(&b);
    return 0;
}
