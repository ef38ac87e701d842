/* AST nodes: allocation in the parse's arena, growable node lists, span
 * arithmetic, and the node builders the grammar's actions call (number and
 * string literals are decoded here, with located errors). Knows nothing of
 * values or the runtime. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "mem.h"
#include "parse_ctx.h"

static void *arena_alloc(FxArena *a, size_t n)
{
    void *p = fx_arena_alloc(a, n);
    if (!p)
        fx_oom();
    return p;
}

FxNode *fx_node_new(FxArena *a, FxNodeKind kind, FxSpan span)
{
    FxNode *n = arena_alloc(a, sizeof *n);
    n->kind = kind;
    n->span = span;
    return n;
}

int fx_list_push(FxArena *a, FxNodeList *l, FxNode *n)
{
    if (l->count == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        FxNode **items = arena_alloc(a, (size_t)cap * sizeof *items);
        if (l->count)
            memcpy(items, l->items, (size_t)l->count * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->count++] = n;
    return 0;
}

FxSpan fx_span_join(FxSpan x, FxSpan y)
{
    uint32_t lo = x.off < y.off ? x.off : y.off;
    uint32_t xe = x.off + x.len, ye = y.off + y.len;
    uint32_t hi = xe > ye ? xe : ye;
    return (FxSpan){lo, hi - lo};
}

static const char *const kind_names[FX_N_KIND_COUNT] = {
    [FX_N_NUM] = "number", [FX_N_STR] = "string", [FX_N_BOOL] = "bool",
    [FX_N_NONE] = "none", [FX_N_NAME] = "name", [FX_N_LIST] = "list",
    [FX_N_RECORD] = "record", [FX_N_FIELD_INIT] = "field",
    [FX_N_UNARY] = "unary operation", [FX_N_BINARY] = "binary operation",
    [FX_N_AND] = "'and'", [FX_N_OR] = "'or'", [FX_N_CALL] = "call",
    [FX_N_KWARG] = "keyword argument", [FX_N_INDEX] = "index",
    [FX_N_SLICE] = "slice", [FX_N_FIELD] = "field access",
    [FX_N_LAMBDA] = "function", [FX_N_PARAM] = "parameter",
    [FX_N_BLOCK] = "block", [FX_N_EXPR_STMT] = "expression",
    [FX_N_LET] = "let", [FX_N_ASSIGN] = "assignment", [FX_N_FN] = "fn",
    [FX_N_RETURN] = "return", [FX_N_IF] = "if", [FX_N_FOR] = "for",
    [FX_N_WHILE] = "while", [FX_N_BREAK] = "break",
    [FX_N_CONTINUE] = "continue", [FX_N_PRINT] = "print",
    [FX_N_ASSERT] = "assert", [FX_N_IMPORT] = "import",
    [FX_N_SEED] = "seed", [FX_N_MODEL] = "model", [FX_N_LAYER] = "layer",
    [FX_N_OPTIMIZER] = "optimizer", [FX_N_SUMMARY] = "summary", [FX_N_PLOT] = "plot",
    [FX_N_BARS] = "bars", [FX_N_TABLE] = "table", [FX_N_SAVE] = "save",
    [FX_N_TRAIN] = "train", [FX_N_EVALUATE] = "evaluate", [FX_N_PREDICT] = "predict",
    [FX_N_MINIMIZE] = "minimize", [FX_N_SWEEP] = "sweep", [FX_N_SWEEP_VAR] = "sweep variable",
};

const char *fx_node_kind_name(FxNodeKind k)
{
    const char *s = (unsigned)k < FX_N_KIND_COUNT ? kind_names[k] : NULL;
    return s ? s : "node";
}

/* ---- builders for the grammar --------------------------------------- */

FxSpan fx_tok_span(FxToken t)
{
    return (FxSpan){t.off, t.len};
}

FxSpan fx_tok_span_at(FxParseCtx *c, int unused)
{
    (void)unused;
    return (FxSpan){c->cur_off, 0};
}

FxNode *fx_mk(FxParseCtx *c, FxNodeKind k, FxSpan span)
{
    return fx_node_new(c->arena, k, span);
}

FxNode *fx_mk_named(FxParseCtx *c, FxNodeKind k, FxSpan span, FxToken name)
{
    FxNode *n = fx_mk(c, k, span);
    n->name = fx_arena_strndup(c->arena, name.p, name.len);
    if (!n->name)
        fx_oom();
    n->name_span = fx_tok_span(name);
    return n;
}

FxNode *fx_push(FxParseCtx *c, FxNode *list, FxNode *item)
{
    fx_list_push(c->arena, &list->items, item);
    if (item && item->span.len)
        list->span = list->items.count == 1 && list->span.len == 0
                         ? item->span : fx_span_join(list->span, item->span);
    return list;
}

void fx_extend(FxNode *n, const FxNode *last)
{
    if (last)
        n->span = fx_span_join(n->span, last->span);
}

FxNode *fx_mk_bin(FxParseCtx *c, FxNodeKind k, FxOp op, FxNode *l, FxNode *r)
{
    FxNode *n = fx_mk(c, k, fx_span_join(l->span, r->span));
    n->op = op;
    n->a = l;
    n->b = r;
    return n;
}

FxNode *fx_mk_unary(FxParseCtx *c, FxOp op, FxToken t, FxNode *e)
{
    FxNode *n = fx_mk(c, FX_N_UNARY, fx_span_join(fx_tok_span(t), e->span));
    n->op = op;
    n->a = e;
    return n;
}

FxNode *fx_mk_assign(FxParseCtx *c, FxNode *target, FxOp op, FxNode *value)
{
    FxNode *n = fx_mk(c, FX_N_ASSIGN, fx_span_join(target->span, value->span));
    n->op = op;
    n->a = target;
    n->b = value;
    if (target->kind == FX_N_SLICE)
        fx_parse_error(c, target->span, "cannot assign to a slice; assign to "
                       "elements one by one or build a new list");
    else if (target->kind != FX_N_NAME && target->kind != FX_N_INDEX &&
             target->kind != FX_N_FIELD)
        fx_parse_error(c, target->span, "cannot assign to a %s; the left side "
                       "of '=' must be a name, an element xs[i] or a field r.f",
                       fx_node_kind_name(target->kind));
    return n;
}

FxNode *fx_mk_fn(FxParseCtx *c, FxNodeKind k, FxSpan span, const FxToken *name,
                 FxNode *params, FxNode *body)
{
    FxNode *n = name ? fx_mk_named(c, k, span, *name) : fx_mk(c, k, span);
    n->params = params->items;
    n->body = body;
    fx_extend(n, body);
    /* Parameters must be distinct, and those with defaults come last. */
    int seen_default = 0;
    for (int i = 0; i < n->params.count; i++) {
        FxNode *p = n->params.items[i];
        for (int j = 0; j < i; j++)
            if (strcmp(n->params.items[j]->name, p->name) == 0)
                fx_parse_error(c, p->name_span, "parameter '%s' appears twice", p->name);
        if (p->a)
            seen_default = 1;
        else if (seen_default)
            fx_parse_error(c, p->name_span, "parameter '%s' needs a default value: "
                           "it follows a parameter that has one", p->name);
    }
    return n;
}

/* Decodes a string token's escapes into the arena; errors are located at
 * the offending escape. */
static size_t utf8_put(char *d, unsigned long cp)
{
    if (cp < 0x80) { d[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        d[0] = (char)(0xC0 | (cp >> 6)); d[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (char)(0xE0 | (cp >> 12)); d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (cp >> 18)); d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); d[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* \u{XXXX}: returns the bytes consumed after the 'u', 0 when malformed. */
static size_t unicode_escape(const char *s, const char *end, unsigned long *cp)
{
    if (s >= end || *s != '{')
        return 0;
    const char *q = s + 1;
    unsigned long v = 0;
    int digits = 0;
    for (; q < end && *q != '}'; q++, digits++) {
        int h = (*q >= '0' && *q <= '9') ? *q - '0'
              : (*q >= 'a' && *q <= 'f') ? *q - 'a' + 10
              : (*q >= 'A' && *q <= 'F') ? *q - 'A' + 10 : -1;
        if (h < 0 || digits >= 6)
            return 0;
        v = v * 16 + (unsigned long)h;
    }
    if (q >= end || digits == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return (size_t)(q - s) + 1;
}

FxNode *fx_mk_string(FxParseCtx *c, FxToken t)
{
    FxNode *n = fx_mk(c, FX_N_STR, fx_tok_span(t));
    const char *s = t.p + 1, *end = t.p + t.len - 1;
    char *d = arena_alloc(c->arena, t.len + 1);
    size_t k = 0;
    while (s < end) {
        if (*s != '\\') {
            d[k++] = *s++;
            continue;
        }
        const char *esc = s++;
        unsigned long cp;
        size_t used;
        switch (*s) {
        case 'n': d[k++] = '\n'; s++; break;
        case 't': d[k++] = '\t'; s++; break;
        case 'r': d[k++] = '\r'; s++; break;
        case '0': d[k++] = '\0'; s++; break;
        case '\\': case '"': case '\'': d[k++] = *s++; break;
        case 'u':
            used = unicode_escape(s + 1, end, &cp);
            if (used) {
                k += utf8_put(d + k, cp);
                s += 1 + used;
                break;
            }
            fx_parse_error(c, (FxSpan){t.off + (uint32_t)(esc - t.p), 2},
                           "malformed unicode escape: write \\u{XXXX} with 1 to 6 hex digits");
            s++;
            break;
        default:
            fx_parse_error(c, (FxSpan){t.off + (uint32_t)(esc - t.p), 2},
                           "unknown escape '\\%c' in string; write '\\\\' for a backslash",
                           (unsigned char)*s >= 32 && (unsigned char)*s < 127 ? *s : '?');
            s++;
        }
    }
    d[k] = '\0';
    n->str = d;
    n->str_len = k;
    return n;
}

FxNode *fx_mk_number(FxParseCtx *c, FxToken t)
{
    FxNode *n = fx_mk(c, FX_N_NUM, fx_tok_span(t));
    char buf[128];
    size_t k = 0;
    for (uint32_t i = 0; i < t.len && k < sizeof buf - 1; i++)
        if (t.p[i] != '_')
            buf[k++] = t.p[i];
    buf[k] = '\0';
    errno = 0;
    n->num = strtod(buf, NULL);
    if (isinf(n->num) || t.len >= sizeof buf - 1)
        fx_parse_error(c, n->span, "number '%.*s' is too large for a double",
                       (int)(t.len > 40 ? 40 : t.len), t.p);
    return n;
}

FxNode *fx_mk_import(FxParseCtx *c, FxToken kw, FxToken path, const FxToken *as)
{
    FxNode *s = fx_mk_string(c, path);
    FxNode *n = as ? fx_mk_named(c, FX_N_IMPORT, fx_tok_span(kw), *as)
                   : fx_mk(c, FX_N_IMPORT, fx_tok_span(kw));
    n->str = s->str;
    n->str_len = s->str_len;
    n->a = s;
    n->span = fx_span_join(n->span, as ? fx_tok_span(*as) : s->span);
    if (strlen(s->str) != s->str_len || s->str_len == 0)
        fx_parse_error(c, s->span, "import needs a file name");
    return n;
}

FxNode *fx_mk_command(FxParseCtx *c, FxNodeKind k, FxToken kw, FxNode *a, FxNode *b,
                      FxNode *opts)
{
    FxNode *n = fx_mk(c, k, fx_span_join(fx_tok_span(kw), b->span));
    n->a = a;
    n->b = b;
    n->items = opts->items;
    if (opts->items.count)
        fx_extend(n, opts->items.items[opts->items.count - 1]);
    return n;
}

void fx_set_name(FxParseCtx *c, FxNode *n, FxToken name)
{
    n->name = fx_arena_strndup(c->arena, name.p, name.len);
    if (!n->name)
        fx_oom();
    n->name_span = fx_tok_span(name);
}
