/* Where the cursor is among the library statements, for Tab completion:
 * after a comma of a command that takes `name: value` options (train,
 * plot, save, ...), among the layers of a `model NAME { ... }` block,
 * inside a layer's parentheses, or inside `model NAME(`. The text before
 * the word being completed is run through the real lexer (strings,
 * comments and keywords as the parser sees them), and statements are
 * told apart by the parser driver's newline rule (interp/parse.c): a
 * newline ends a statement outside ( and [ unless the token before it
 * continues the line. The options and layers are those the libraries
 * registered (fx_statement, fx_layer). Knows nothing of values, libedit or
 * the runtime. */
#include <stdlib.h>
#include <string.h>
#include "lex.h"
#include "mem.h"
#include "parser.h"
#include "repl_impl.h"

#define MAX_DEPTH 64

typedef struct Tok {
    int code;
    int depth;         /* brackets open around it (an opener counts outside) */
    const char *p;
    size_t len;
} Tok;

typedef struct Open {
    int code;          /* FX_T_LPAREN, FX_T_LBRACKET or FX_T_LBRACE */
    int at;            /* the opener's index in the tokens */
    int head;          /* where the statement holding the opener starts */
} Open;

typedef struct Tokens {
    Tok *t;
    int  n, cap;
    Open open[MAX_DEPTH];
    int  depth;
    int  stmt[MAX_DEPTH + 1];   /* per depth: where the current statement starts */
} Tokens;

static void push(Tokens *ts, int code, const FxToken *t)
{
    if (ts->n == ts->cap) {
        ts->cap = ts->cap ? ts->cap * 2 : 64;
        ts->t = fx_xrealloc(ts->t, (size_t)ts->cap * sizeof *ts->t);
    }
    ts->t[ts->n++] = (Tok){code, ts->depth, t->p, t->len};
}

/* One token into the statement structure; 0 when the text is beyond what
 * is tracked (too deep) and no context can be told. */
static int take(Tokens *ts, int code, const FxToken *t, int *prev)
{
    if (code == FX_T_NEWLINE) {
        int in_parens = ts->depth > 0 && ts->open[ts->depth - 1].code != FX_T_LBRACE;
        if (!in_parens && *prev != -1 && !fx_lex_continues_line(*prev))
            ts->stmt[ts->depth] = ts->n;
        *prev = code;
        return 1;
    }
    *prev = code;
    if (code == FX_T_LPAREN || code == FX_T_LBRACKET || code == FX_T_LBRACE) {
        if (ts->depth == MAX_DEPTH)
            return 0;
        push(ts, code, t);
        ts->open[ts->depth] = (Open){code, ts->n - 1, ts->stmt[ts->depth]};
        ts->stmt[++ts->depth] = ts->n;
        return 1;
    }
    if ((code == FX_T_RPAREN || code == FX_T_RBRACKET || code == FX_T_RBRACE) && ts->depth > 0)
        ts->depth--;
    push(ts, code, t);
    return 1;
}

/* The tokens of text[0, len); 0 on a lexical error or too deep a text. */
static int tokenize(Tokens *ts, const char *text, size_t len)
{
    char *s = fx_xstrndup(text, len);    /* the lexer wants a NUL at the end */
    FxLexer lx;
    fx_lex_init(&lx, s, len);
    int ok = 1, prev = -1;
    for (;;) {
        FxToken t;
        int code = fx_lex_next(&lx, &t);
        if (code <= 0) {
            ok = code == 0;
            break;
        }
        t.p = text + t.off;                /* point into the caller's text */
        if (!(ok = take(ts, code, &t, &prev)))
            break;
    }
    free(s);
    return ok;
}

/* ---- reading a statement ------------------------------------------------- */

/* The index of the k-th token at depth d from `from` on (k from 0), or -1. */
static int nth_at(const Tokens *ts, int from, int d, int k)
{
    for (int i = from; i < ts->n; i++)
        if (ts->t[i].depth == d && k-- == 0)
            return i;
    return -1;
}

/* The last token at depth d from `from` on, or -1. */
static int last_at(const Tokens *ts, int from, int d)
{
    int last = -1;
    for (int i = from; i < ts->n; i++)
        if (ts->t[i].depth == d)
            last = i;
    return last;
}

static int code_at(const Tokens *ts, int i) { return i >= 0 ? ts->t[i].code : -1; }

static int is_assign(int code)
{
    return code == FX_T_ASSIGN || code == FX_T_PLUSEQ || code == FX_T_MINUSEQ ||
           code == FX_T_STAREQ || code == FX_T_SLASHEQ;
}

/* Where the value of the statement from `from` (at depth d) starts: after
 * `let NAME =`, `return`, or an assignment's target and operator. */
static int value_start(const Tokens *ts, int from, int d)
{
    int first = code_at(ts, nth_at(ts, from, d, 0));
    if (first == FX_T_LET)
        return 3;
    if (first == FX_T_RETURN)
        return 1;
    for (int k = 0;; k++) {
        int code = code_at(ts, nth_at(ts, from, d, k));
        if (is_assign(code))
            return k + 1;
        if (code != FX_T_NAME && code != FX_T_DOT && code != FX_T_LBRACKET &&
            code != FX_T_RBRACKET)
            return 0;
    }
}

/* The options of the command that starts the statement from `from` (at
 * depth d), as its library registered them, or NULL. Value commands may
 * follow `let x =` and the like. */
static const FxOptionDef *command_options(const FxInterp *I, const Tokens *ts, int from, int d)
{
    int kind = 0;
    switch (code_at(ts, nth_at(ts, from, d, 0))) {
    case FX_T_SAVE: kind = FX_N_SAVE; break;
    case FX_T_PLOT: kind = FX_N_PLOT; break;
    case FX_T_BARS: kind = FX_N_BARS; break;
    case FX_T_TABLE: kind = FX_N_TABLE; break;
    case FX_T_SUMMARY: kind = FX_N_SUMMARY; break;
    default:
        switch (code_at(ts, nth_at(ts, from, d, value_start(ts, from, d)))) {
        case FX_T_TRAIN: kind = FX_N_TRAIN; break;
        case FX_T_EVALUATE: kind = FX_N_EVALUATE; break;
        case FX_T_PREDICT: kind = FX_N_PREDICT; break;
        case FX_T_MINIMIZE: kind = FX_N_MINIMIZE; break;
        default: return NULL;
        }
    }
    const FxStatementDef *st = fx_statement(I, kind);
    return st ? st->options : NULL;
}

/* Whether the statement from `from` (at depth d) is `model NAME ...`. */
static int is_model(const Tokens *ts, int from, int d)
{
    return code_at(ts, nth_at(ts, from, d, 0)) == FX_T_MODEL &&
           code_at(ts, nth_at(ts, from, d, 1)) == FX_T_NAME;
}

/* Inside parentheses at depth d: a layer's call in a model block, or the
 * options of `model NAME(`. Only where an argument starts. */
static void in_parens(const FxInterp *I, const Tokens *ts, int d, FxStmtContext *out)
{
    const Open *o = &ts->open[d - 1];
    int last = last_at(ts, o->at + 1, d);
    if (last >= 0 && code_at(ts, last) != FX_T_COMMA)
        return;
    int callee = o->at - 1;
    if (callee < 0 || ts->t[callee].depth != d - 1 || code_at(ts, callee) != FX_T_NAME)
        return;
    if (d >= 2 && ts->open[d - 2].code == FX_T_LBRACE &&
        is_model(ts, ts->open[d - 2].head, d - 2)) {
        out->layer = fx_layer(I, ts->t[callee].p, ts->t[callee].len);
        out->kind = out->layer ? FX_CONTEXT_LAYER_ARGS : FX_CONTEXT_NONE;
    } else if (is_model(ts, o->head, d - 1) && nth_at(ts, o->head, d - 1, 1) == callee) {
        const FxStatementDef *st = fx_statement(I, FX_N_MODEL);
        out->options = st ? st->options : NULL;
        out->kind = out->options ? FX_CONTEXT_OPTIONS : FX_CONTEXT_NONE;
    }
}

/* At statement level (depth 0 or in braces): the layers of a model
 * block, or a command's options after a comma. */
static void in_statement(const FxInterp *I, const Tokens *ts, int d, FxStmtContext *out)
{
    if (d > 0 && is_model(ts, ts->open[d - 1].head, d - 1)) {
        out->kind = FX_CONTEXT_LAYERS;
        return;
    }
    int from = ts->stmt[d];
    if (code_at(ts, last_at(ts, from, d)) != FX_T_COMMA)
        return;
    out->options = command_options(I, ts, from, d);
    out->kind = out->options ? FX_CONTEXT_OPTIONS : FX_CONTEXT_NONE;
}

void fx_repl_context(const FxInterp *I, const char *text, size_t word, FxStmtContext *out)
{
    memset(out, 0, sizeof *out);
    Tokens *ts = fx_xcalloc(1, sizeof *ts);
    if (tokenize(ts, text, word)) {
        int d = ts->depth;
        int inner = d > 0 ? ts->open[d - 1].code : FX_T_LBRACE;   /* the top level: a block */
        if (inner == FX_T_LPAREN)
            in_parens(I, ts, d, out);
        else if (inner == FX_T_LBRACE)
            in_statement(I, ts, d, out);
    }
    free(ts->t);
    free(ts);
}
