/* Tab completion for the REPL, as a plain function of the text typed so
 * far and the interpreter's state: which word is being typed, in what
 * context (a field after `name.`, an argument of an unclosed `f(`, a
 * library statement's options or layers as repl_context.c finds them,
 * a string, a ':' command line), and the words that could finish it. It
 * reads values but never evaluates anything, so completing can neither
 * fail nor change the state. Knows nothing of libedit (repl.c binds it to
 * the Tab key) nor of the runtime. */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lex.h"
#include "mem.h"
#include "parser.h"
#include "repl_impl.h"

/* Every keyword of grammar/lexer.re; test_repl_complete checks that each
 * one lexes as a keyword. */
const char *const fx_repl_keywords[] = {
    "and", "as", "assert", "bars", "break", "continue", "else", "evaluate",
    "false", "fn", "for", "from", "if", "import", "in", "let", "minimize",
    "model", "none", "not", "on", "optimizer", "or", "plot", "predict",
    "print", "return", "save", "seed", "summary", "sweep", "table", "title",
    "to", "train", "true", "while", NULL
};

static int is_word_start(int c) { return isalpha(c) || c == '_'; }
static int is_word_char(int c) { return isalnum(c) || c == '_'; }

/* ---- the candidate list ------------------------------------------------ */

typedef struct Want {
    const char *word;       /* what is typed so far */
    size_t      len;
} Want;

/* Adds s + suffix when s starts with the word being typed. */
static void add(FxCompletions *c, Want w, const char *s, size_t slen, const char *suffix)
{
    if (slen < w.len || memcmp(s, w.word, w.len) != 0)
        return;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        c->items = fx_xrealloc(c->items, (size_t)c->cap * sizeof *c->items);
    }
    size_t sl = strlen(suffix);
    char *item = fx_xmalloc(slen + sl + 1);
    memcpy(item, s, slen);
    memcpy(item + slen, suffix, sl + 1);
    c->items[c->n++] = item;
}

static void add_cstr(FxCompletions *c, Want w, const char *s)
{
    add(c, w, s, strlen(s), "");
}

static int cmp_items(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique(FxCompletions *c)
{
    if (c->n > 1)
        qsort(c->items, (size_t)c->n, sizeof *c->items, cmp_items);
    int k = 0;
    for (int i = 0; i < c->n; i++) {
        if (k > 0 && !strcmp(c->items[k - 1], c->items[i]))
            free(c->items[i]);
        else
            c->items[k++] = c->items[i];
    }
    c->n = k;
}

void fx_completions_free(FxCompletions *c)
{
    for (int i = 0; i < c->n; i++)
        free(c->items[i]);
    free(c->items);
    c->items = NULL;
    c->n = c->cap = 0;
}

size_t fx_completions_common(const FxCompletions *c)
{
    if (c->n == 0)
        return 0;
    size_t k = strlen(c->items[0]);
    for (int i = 1; i < c->n; i++) {
        size_t j = 0;
        while (j < k && c->items[i][j] == c->items[0][j])
            j++;
        k = j;
    }
    return k;
}

void fx_completions_print(const FxCompletions *c, FILE *out, int width)
{
    size_t widest = 1;
    for (int i = 0; i < c->n; i++)
        if (strlen(c->items[i]) > widest)
            widest = strlen(c->items[i]);
    int colw = (int)widest + 2;
    int cols = width > colw ? width / colw : 1;
    int rows = (c->n + cols - 1) / cols;
    for (int r = 0; r < rows; r++) {
        for (int k = 0; k < cols; k++) {
            int i = k * rows + r;      /* down the columns, as ls does */
            if (i >= c->n)
                break;
            if (k == cols - 1 || (k + 1) * rows + r >= c->n) {
                fputs(c->items[i], out);   /* the last column: no padding */
                break;
            }
            fprintf(out, "%-*s", colw, c->items[i]);
        }
        fputc('\n', out);
    }
}

/* ---- looking names up without changing anything -------------------------- */

static FxValue *env_lookup(FxEnv *e, const char *s, size_t len)
{
    for (; e; e = e->parent)
        for (int i = 0; i < e->n; i++)
            if (strlen(e->names[i]) == len && !memcmp(e->names[i], s, len))
                return &e->vals[i];
    return NULL;
}

static FxValue *record_lookup(FxValue rec, const char *s, size_t len)
{
    FxRecord *r = fx_as_record(rec);
    for (int i = 0; i < r->n; i++)
        if (strlen(r->keys[i]) == len && !memcmp(r->keys[i], s, len))
            return &r->vals[i];
    return NULL;
}

/* The value a dotted name (`a`, `r.config.lr`) is bound to, following
 * record fields only (a foreign object's fields may need computing). */
static FxValue *chain_value(FxInterp *I, const char *s, size_t len)
{
    size_t k = 0;
    while (k < len && s[k] != '.')
        k++;
    FxValue *v = env_lookup(I->globals, s, k);
    while (v && k < len) {
        size_t from = ++k;
        while (k < len && s[k] != '.')
            k++;
        v = v->type == FX_RECORD ? record_lookup(*v, s + from, k - from) : NULL;
    }
    return v;
}

/* Where a dotted name ending just before `end` starts, or `end` when
 * there is none: `a.b` in `f(a.b`, but nothing in `g(x).b` or `1.5`. */
static size_t chain_start(const char *text, size_t end)
{
    size_t s = end;
    while (s > 0 && (is_word_char((unsigned char)text[s - 1]) || text[s - 1] == '.'))
        s--;
    if (s == end || !is_word_start((unsigned char)text[s]) || text[end - 1] == '.')
        return end;
    if (s > 0 && text[s - 1] && strchr(".)]\"'", text[s - 1]))
        return end;
    for (size_t i = s; i + 1 < end; i++)
        if (text[i] == '.' && !is_word_start((unsigned char)text[i + 1]))
            return end;
    return s;
}

/* ---- what surrounds the cursor ------------------------------------------ */

#define MAX_OPEN 256

typedef struct Scan {
    struct { char ch; size_t callee, callee_end; } open[MAX_OPEN];
    int    depth;          /* may exceed MAX_OPEN; only the first are kept */
    int    quote;          /* the cursor is in a string opened with this */
    size_t string_start;   /* just after its opening quote */
    int    comment;        /* the cursor is in a comment */
} Scan;

static void scan_open(Scan *sc, const char *text, size_t i)
{
    if (sc->depth < MAX_OPEN) {
        sc->open[sc->depth].ch = text[i];
        size_t e = i;
        while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t'))
            e--;
        /* `if (x`: "if" is bound to nothing, so no parameters are found */
        sc->open[sc->depth].callee = text[i] == '(' ? chain_start(text, e) : e;
        sc->open[sc->depth].callee_end = e;
    }
    sc->depth++;
}

/* Brackets, strings and comments of text[0, cursor), as the lexer sees
 * them (strings end at the end of their line). */
static void scan(Scan *sc, const char *text, size_t cursor)
{
    memset(sc, 0, sizeof *sc);
    for (size_t i = 0; i < cursor; i++) {
        char c = text[i];
        if (sc->comment) {
            sc->comment = c != '\n';
        } else if (sc->quote) {
            if (c == '\\' && i + 1 < cursor && text[i + 1] != '\n')
                i++;
            else if (c == sc->quote || c == '\n')
                sc->quote = 0;
        } else if (c == '#') {
            sc->comment = 1;
        } else if (c == '"' || c == '\'') {
            sc->quote = c;
            sc->string_start = i + 1;
        } else if (c == '(' || c == '[' || c == '{') {
            scan_open(sc, text, i);
        } else if ((c == ')' || c == ']' || c == '}') && sc->depth > 0) {
            sc->depth--;
        }
    }
}

/* ---- the kinds of candidates -------------------------------------------- */

static void add_env_names(FxCompletions *c, Want w, FxEnv *e)
{
    for (; e; e = e->parent)
        for (int i = 0; i < e->n; i++)
            add_cstr(c, w, e->names[i]);
}

static void add_fields(FxCompletions *c, Want w, FxValue v)
{
    if (v.type == FX_RECORD) {
        FxRecord *r = fx_as_record(v);
        for (int i = 0; i < r->n; i++)
            add_cstr(c, w, r->keys[i]);
    } else if (v.type == FX_FOREIGN && fx_as_foreign(v)->type->fields) {
        for (const char *const *f = fx_as_foreign(v)->type->fields; *f; f++)
            add_cstr(c, w, *f);
    }
}

/* Parameter names of a builtin (or a layer): "a, b=, step=", each
 * followed by ": ". */
static void add_builtin_params(FxCompletions *c, Want w, const FxBuiltin *b)
{
    const char *p = b->params;
    while (p && *p) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = 0;
        while (p[n] && p[n] != ',' && p[n] != '=' && p[n] != ' ')
            n++;
        if (n > 0 && p[0] != '*')
            add(c, w, p, n, ": ");
        p += n;
        while (*p && *p != ',')
            p++;
    }
}

/* Parameter names of a builtin or of an fx function, each followed by ": ". */
static void add_params(FxCompletions *c, Want w, FxValue fn)
{
    if (fn.type == FX_BUILTIN) {
        add_builtin_params(c, w, fn.as.bi);
    } else if (fn.type == FX_FUNC) {
        const FxNodeList *ps = &fx_as_func(fn)->decl->params;
        for (int i = 0; i < ps->count; i++)
            add(c, w, ps->items[i]->name, strlen(ps->items[i]->name), ": ");
    }
}

/* Whether `name: value` can be written: the name lexes as a name, as an
 * experiment word (which falls back to a name there, grammar/parser.y's
 * %fallback) or as `continue` (a kwname of its own in the grammar). */
int fx_repl_option_writable(const char *name)
{
    FxLexer lx;
    FxToken t;
    fx_lex_init(&lx, name, strlen(name));
    int code = fx_lex_next(&lx, &t);
    return t.len == strlen(name) &&
           (code == FX_T_NAME || code == FX_T_CONTINUE ||
            (code >= FX_T_MODEL && code <= FX_T_TITLE));
}

/* The layers a model block may hold: the layer table's and other models. */
static void add_layers(FxInterp *I, FxCompletions *c, Want w)
{
    int n;
    const FxBuiltin *layers = fx_layers(I, &n);
    for (int i = 0; i < n; i++)
        add_cstr(c, w, layers[i].name);
    for (FxEnv *e = I->globals; e; e = e->parent)
        for (int i = 0; i < e->n; i++)
            if (e->vals[i].type == FX_FOREIGN &&
                !strcmp(fx_as_foreign(e->vals[i])->type->name, "model"))
                add_cstr(c, w, e->names[i]);
}

/* The candidates of an experiment context (repl_context.c); 1 when they
 * are all there is to offer. */
static int add_experiment(FxInterp *I, const FxStmtContext *ctx, Want w, FxCompletions *c)
{
    switch (ctx->kind) {
    case FX_CONTEXT_OPTIONS:
        for (const FxOptionDef *o = ctx->options; o->name; o++)
            if (fx_repl_option_writable(o->name))
                add(c, w, o->name, strlen(o->name), ": ");
        return c->n > 0;
    case FX_CONTEXT_LAYER_ARGS:
        add_builtin_params(c, w, ctx->layer);
        return c->n > 0;
    case FX_CONTEXT_LAYERS:
        add_layers(I, c, w);
        return 1;
    default:
        return 0;
    }
}

/* File names starting with the path typed so far ("~/" is the home). */
static void add_files(FxCompletions *c, const char *path, size_t len)
{
    const char *slash = NULL;
    for (size_t i = 0; i < len; i++)
        if (path[i] == '/')
            slash = path + i;
    size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *home = getenv("HOME");
    FxBuf dir;
    fx_buf_init(&dir);
    if (dlen >= 2 && path[0] == '~' && path[1] == '/' && home && home[0]) {
        fx_buf_puts(&dir, home);
        fx_buf_put(&dir, path + 1, dlen - 1);
    } else {
        fx_buf_put(&dir, dlen ? path : "./", dlen ? dlen : 2);
    }
    DIR *d = opendir(dir.s);
    Want w = {path + dlen, len - dlen};
    for (struct dirent *e; d && (e = readdir(d));) {
        const char *name = e->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..") || (name[0] == '.' && w.len == 0))
            continue;
        if (strncmp(name, w.word, w.len) != 0)
            continue;
        FxBuf full;
        fx_buf_init(&full);
        fx_buf_printf(&full, "%s%s", dir.s, name);
        struct stat st;
        int is_dir = stat(full.s, &st) == 0 && S_ISDIR(st.st_mode);
        fx_buf_free(&full);
        FxBuf item;
        fx_buf_init(&item);
        fx_buf_put(&item, path, dlen);
        fx_buf_puts(&item, name);
        add(c, (Want){path, len}, item.s, item.len, is_dir ? "/" : "");
        fx_buf_free(&item);
    }
    if (d)
        closedir(d);
    fx_buf_free(&dir);
}

/* ---- the contexts ---------------------------------------------------------- */

/* A ':' line: the command's name, then its argument (a help topic or a
 * file name). */
static void complete_command(FxInterp *I, const char *text, size_t cursor, FxCompletions *c)
{
    size_t colon = 0;
    while (text[colon] != ':')
        colon++;
    size_t name_end = colon + 1;
    while (name_end < cursor && text[name_end] != ' ' && text[name_end] != '\t')
        name_end++;
    if (name_end == cursor) {
        c->start = colon + 1;
        Want w = {text + c->start, cursor - c->start};
        for (int i = 0; fx_repl_command_name(i); i++)
            add_cstr(c, w, fx_repl_command_name(i));
        return;
    }
    size_t arg = name_end;
    while (arg < cursor && (text[arg] == ' ' || text[arg] == '\t'))
        arg++;
    c->start = arg;
    const char *name = text + colon + 1;
    size_t nlen = name_end - colon - 1;
    if (nlen >= 1 && !strncmp(name, "help", nlen) && nlen <= 4) {
        Want w = {text + arg, cursor - arg};
        for (int i = 0; fx_repl_help_topic(I, i); i++)
            add_cstr(c, w, fx_repl_help_topic(I, i));
        for (FxEnv *e = I->builtins; e; e = e->parent)
            for (int i = 0; i < e->n; i++)
                if (e->vals[i].type == FX_BUILTIN)
                    add_cstr(c, w, e->names[i]);
    } else if (nlen >= 1 && ((!strncmp(name, "load", nlen) && nlen <= 4) ||
                             (!strncmp(name, "save", nlen) && nlen <= 4))) {
        add_files(c, text + arg, cursor - arg);
    }
}

/* Whether the word starting at w is where an argument starts: right after
 * '(' or ',' (spaces and newlines aside). */
static int at_argument(const char *text, size_t w)
{
    while (w > 0 && text[w - 1] && strchr(" \t\r\n", text[w - 1]))
        w--;
    return w > 0 && (text[w - 1] == '(' || text[w - 1] == ',');
}

static void complete_code(FxInterp *I, const char *text, size_t cursor, const Scan *sc,
                          FxCompletions *c)
{
    size_t w = cursor;
    while (w > 0 && is_word_char((unsigned char)text[w - 1]))
        w--;
    c->start = w;
    if (w < cursor && isdigit((unsigned char)text[w]))
        return;                                   /* a number */
    Want want = {text + w, cursor - w};
    if (w > 0 && text[w - 1] == '.') {
        size_t s = chain_start(text, w - 1);
        FxValue *v = s < w - 1 ? chain_value(I, text + s, w - 1 - s) : NULL;
        if (v)
            add_fields(c, want, *v);
        return;
    }
    FxStmtContext ctx;
    fx_repl_context(I, text, w, &ctx);
    if (add_experiment(I, &ctx, want, c))
        return;            /* options first, as parameters below */
    if (sc->depth > 0 && sc->depth <= MAX_OPEN && at_argument(text, w)) {
        size_t s = sc->open[sc->depth - 1].callee, e = sc->open[sc->depth - 1].callee_end;
        FxValue *fn = sc->open[sc->depth - 1].ch == '(' && s < e ? chain_value(I, text + s, e - s)
                                                                : NULL;
        if (fn)
            add_params(c, want, *fn);
        if (c->n > 0)
            return;        /* parameter names first: `range(0, 10, st` is step */
    }
    for (int i = 0; fx_repl_keywords[i]; i++)
        add_cstr(c, want, fx_repl_keywords[i]);
    add_env_names(c, want, I->globals);
}

void fx_repl_complete(FxInterp *I, const char *text, size_t cursor, FxCompletions *out)
{
    memset(out, 0, sizeof *out);
    out->start = cursor;
    size_t first = 0;
    while (first < cursor && (text[first] == ' ' || text[first] == '\t'))
        first++;
    if (first < cursor && text[first] == ':' && !memchr(text, '\n', cursor)) {
        complete_command(I, text, cursor, out);
    } else {
        Scan *sc = fx_xmalloc(sizeof *sc);
        scan(sc, text, cursor);
        if (sc->quote) {
            out->start = sc->string_start;
            add_files(out, text + sc->string_start, cursor - sc->string_start);
        } else if (!sc->comment) {
            complete_code(I, text, cursor, sc, out);
        }
        free(sc);
    }
    sort_unique(out);
}
