/* The parser driver: pulls tokens from the re2c lexer, decides which
 * newlines end statements, keeps the bracket stack (for "'(' is never
 * closed" and mismatched closers), pushes tokens into the Lemon parser and
 * turns its syntax errors into "expected X, found Y" diagnostics. Also the
 * place that knows when input is merely incomplete (the REPL reads more).
 * Knows nothing of values or the runtime. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mem.h"
#include "parse_ctx.h"
#include "parser.h"

/* ---- token names for messages ---------------------------------------- */

static const char *token_desc(int code)
{
    switch (code) {
    case 0: return "end of input";
    case FX_T_NEWLINE: return "end of line";
    case FX_T_NUMBER: return "a number";
    case FX_T_STRING: return "a string";
    case FX_T_NAME: return "a name";
    case FX_T_LPAREN: return "'('";
    case FX_T_RPAREN: return "')'";
    case FX_T_LBRACKET: return "'['";
    case FX_T_RBRACKET: return "']'";
    case FX_T_LBRACE: return "'{'";
    case FX_T_RBRACE: return "'}'";
    case FX_T_COMMA: return "','";
    case FX_T_COLON: return "':'";
    case FX_T_DOT: return "'.'";
    case FX_T_ASSIGN: return "'='";
    case FX_T_PLUSEQ: return "'+='";
    case FX_T_MINUSEQ: return "'-='";
    case FX_T_STAREQ: return "'*='";
    case FX_T_SLASHEQ: return "'/='";
    case FX_T_ARROW: return "'=>'";
    case FX_T_PLUS: return "'+'";
    case FX_T_MINUS: return "'-'";
    case FX_T_STAR: return "'*'";
    case FX_T_SLASH: return "'/'";
    case FX_T_PERCENT: return "'%'";
    case FX_T_CARET: return "'^'";
    case FX_T_EQ: return "'=='";
    case FX_T_NE: return "'!='";
    case FX_T_LT: return "'<'";
    case FX_T_LE: return "'<='";
    case FX_T_GT: return "'>'";
    case FX_T_GE: return "'>='";
    case FX_T_AND: return "'and'";
    case FX_T_OR: return "'or'";
    case FX_T_NOT: return "'not'";
    case FX_T_LET: return "'let'";
    case FX_T_FN: return "'fn'";
    case FX_T_RETURN: return "'return'";
    case FX_T_IF: return "'if'";
    case FX_T_ELSE: return "'else'";
    case FX_T_FOR: return "'for'";
    case FX_T_IN: return "'in'";
    case FX_T_WHILE: return "'while'";
    case FX_T_BREAK: return "'break'";
    case FX_T_CONTINUE: return "'continue'";
    case FX_T_PRINT: return "'print'";
    case FX_T_ASSERT: return "'assert'";
    case FX_T_IMPORT: return "'import'";
    case FX_T_AS: return "'as'";
    case FX_T_TRUE: return "'true'";
    case FX_T_FALSE: return "'false'";
    case FX_T_NONE: return "'none'";
    case FX_T_MODEL: return "'model'";
    case FX_T_OPTIMIZER: return "'optimizer'";
    case FX_T_TRAIN: return "'train'";
    case FX_T_ON: return "'on'";
    case FX_T_SWEEP: return "'sweep'";
    case FX_T_PLOT: return "'plot'";
    case FX_T_BARS: return "'bars'";
    case FX_T_TABLE: return "'table'";
    case FX_T_SUMMARY: return "'summary'";
    case FX_T_SEED: return "'seed'";
    case FX_T_MINIMIZE: return "'minimize'";
    case FX_T_FROM: return "'from'";
    case FX_T_SAVE: return "'save'";
    case FX_T_TO: return "'to'";
    case FX_T_EVALUATE: return "'evaluate'";
    case FX_T_PREDICT: return "'predict'";
    case FX_T_TITLE: return "'title'";
    default: return "a token";
    }
}

static int is_expr_start(int code)
{
    switch (code) {
    case FX_T_NUMBER: case FX_T_STRING: case FX_T_NAME: case FX_T_LPAREN:
    case FX_T_LBRACKET: case FX_T_LBRACE: case FX_T_MINUS: case FX_T_NOT:
    case FX_T_TRUE: case FX_T_FALSE: case FX_T_NONE: case FX_T_FN:
        return 1;
    default:
        return 0;
    }
}

/* Operators that may continue any expression: listing them after every
 * expression would drown the useful part of the message. */
static int is_continuation_op(int code)
{
    switch (code) {
    case FX_T_PLUS: case FX_T_MINUS: case FX_T_STAR: case FX_T_SLASH:
    case FX_T_PERCENT: case FX_T_CARET: case FX_T_EQ: case FX_T_NE:
    case FX_T_LT: case FX_T_LE: case FX_T_GT: case FX_T_GE: case FX_T_AND:
    case FX_T_OR: case FX_T_DOT: case FX_T_LPAREN: case FX_T_LBRACKET:
        return 1;
    default:
        return 0;
    }
}

static int is_assign_op(int code)
{
    return code == FX_T_ASSIGN || code == FX_T_PLUSEQ || code == FX_T_MINUSEQ ||
           code == FX_T_STAREQ || code == FX_T_SLASHEQ;
}

static int is_soft_keyword(int code)
{
    return code >= FX_T_MODEL && code <= FX_T_TITLE;
}

static int is_comparison(int code)
{
    return code == FX_T_EQ || code == FX_T_NE || code == FX_T_LT ||
           code == FX_T_LE || code == FX_T_GT || code == FX_T_GE;
}

/* A newline right after one of these never ends a statement (the REPL's
 * completion follows the same rule). */
int fx_lex_continues_line(int code)
{
    switch (code) {
    case FX_T_COMMA: case FX_T_COLON: case FX_T_DOT: case FX_T_ASSIGN:
    case FX_T_ARROW: case FX_T_LPAREN: case FX_T_LBRACKET: case FX_T_LBRACE:
    case FX_T_PLUS: case FX_T_MINUS: case FX_T_STAR: case FX_T_SLASH:
    case FX_T_PERCENT: case FX_T_CARET: case FX_T_EQ: case FX_T_NE:
    case FX_T_LT: case FX_T_LE: case FX_T_GT: case FX_T_GE: case FX_T_AND:
    case FX_T_OR: case FX_T_NOT: case FX_T_NEWLINE: case FX_T_PLUSEQ:
    case FX_T_MINUSEQ: case FX_T_STAREQ: case FX_T_SLASHEQ:
        return 1;
    default:
        return 0;
    }
}

/* ---- errors ------------------------------------------------------------ */

void fx_parse_error(FxParseCtx *c, FxSpan span, const char *fmt, ...)
{
    if (c->failed)
        return;
    c->failed = 1;
    if (c->quiet)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fx_diag_error(c->diag, c->src, span, "%s", msg);
}

void fx_parse_fail_nesting(FxParseCtx *c)
{
    fx_parse_error(c, (FxSpan){c->cur_off, 1}, "the program is nested too deeply");
}

static void fx_parse_syntax_error_in(FxParseCtx *c, int code, FxToken tok, void *parser,
                                     int in_brace, int chained);

/* "'x'" for a token with text, its description otherwise. */
static void found_text(FxParseCtx *c, int code, FxToken tok, char *buf, size_t n)
{
    if (code == FX_T_NEWLINE && (c->synth_newline || tok.len == 0 || tok.p[0] == '\n'))
        snprintf(buf, n, "end of line");
    else if (code == 0)
        snprintf(buf, n, "end of input");
    else if (tok.len > 24)
        snprintf(buf, n, "'%.20s...'", tok.p);
    else
        snprintf(buf, n, "'%.*s'", (int)tok.len, tok.p);
}

/* "an expression", "')' or ','", ... from what the parser would accept. */
static void expected_text(void *parser, int in_brace, char *buf, size_t n)
{
    /* Where a statement may start, listing its first tokens helps no one. */
    if (fx_parser_accepts(parser, FX_T_LET)) {
        snprintf(buf, n, "a statement%s", in_brace ? " or '}'" : "");
        return;
    }
    int ntok = fx_parser_ntokens(), want[128], nwant = 0, expr = 0, other = 0;
    int eol = fx_parser_accepts(parser, FX_T_NEWLINE);
    if (fx_parser_accepts(parser, FX_T_NAME) && fx_parser_accepts(parser, FX_T_NUMBER))
        expr = 1;
    for (int t = 0; t < ntok && nwant < 128; t++) {
        if (!fx_parser_accepts(parser, t))
            continue;
        if (expr && (is_expr_start(t) || is_soft_keyword(t)))
            continue;
        if (eol && is_assign_op(t))
            continue;
        if (!expr && is_soft_keyword(t) && fx_parser_accepts(parser, FX_T_NAME))
            continue;
        want[nwant++] = t;
        other += !is_continuation_op(t);
    }
    const char *items[8];
    int k = 0;
    if (expr)
        items[k++] = "an expression";
    for (int i = 0; i < nwant && k < 6; i++)
        if ((!other || !is_continuation_op(want[i])) && want[i] != FX_T_NEWLINE)
            items[k++] = token_desc(want[i]);
    if (eol && in_brace)
        items[k++] = "'}'";
    if (eol)
        items[k++] = "end of line";
    if (k == 0)
        items[k++] = "something else";
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < k && len < n; i++) {
        const char *sep = i == 0 ? "" : i == k - 1 ? " or " : ", ";
        len += (size_t)snprintf(buf + len, n - len, "%s%s", sep, items[i]);
    }
}

void fx_parse_syntax_error(FxParseCtx *c, int code, FxToken tok, void *parser)
{
    fx_parse_syntax_error_in(c, code, tok, parser, 0, 0);
}

/* in_brace: the innermost open bracket is '{'; chained: a comparison was
 * the last operator of the expression the token follows. */
static void fx_parse_syntax_error_in(FxParseCtx *c, int code, FxToken tok, void *parser,
                                     int in_brace, int chained)
{
    if (c->failed)
        return;
    if (code == 0) {
        c->incomplete = 1;
        if (c->incomplete_ok) {
            c->failed = 1;
            return;
        }
    }
    char found[64], want[256];
    found_text(c, code, tok, found, sizeof found);
    FxSpan span = {tok.off, tok.len};
    if (is_comparison(code) && chained) {
        fx_parse_error(c, span, "comparisons do not chain: %s cannot follow a comparison", found);
        if (!c->quiet)
            fx_diag_hint(c->diag, "write 'a < b and b < c'");
        return;
    }
    if (c->prev_command[0] && code == FX_T_NAME) {
        /* train/evaluate/predict/minimize where an expression must be */
        fx_parse_error(c, c->prev_command_span, "'%s ... %s ...' cannot be part of an expression",
                       c->prev_command, strcmp(c->prev_command, "minimize") ? "on" : "from");
        if (!c->quiet)
            fx_diag_hint(c->diag, "give it a name first: let %.1s = %s %.*s ...",
                         c->prev_command, c->prev_command, (int)tok.len, tok.p);
        return;
    }
    expected_text(parser, in_brace, want, sizeof want);
    fx_parse_error(c, span, "expected %s, found %s", want, found);
    if (c->quiet)
        return;
    if (code == FX_T_ASSIGN && fx_parser_accepts(parser, FX_T_EQ))
        fx_diag_hint(c->diag, "to compare, write '=='");
    else if (c->prev_title && fx_parser_accepts(parser, FX_T_COLON))
        fx_diag_hint(c->diag, "after a comma, title is a keyword argument: write title: \"...\", "
                     "or leave out the comma before title");
    else if (code == FX_T_NEWLINE && fx_parser_accepts(parser, FX_T_LBRACE) &&
             !fx_parser_accepts(parser, FX_T_NAME))
        fx_diag_hint(c->diag, "the '{' of a block goes on the same line");
}

/* ---- the driver -------------------------------------------------------- */

typedef struct Open {
    int      code;    /* FX_T_LPAREN, FX_T_LBRACKET or FX_T_LBRACE */
    FxToken  tok;
} Open;

typedef struct Driver {
    FxParseCtx ctx;
    FxLexer    lx;
    void      *parser;
    Open      *open;
    int        nopen, capopen;
    int        prev;          /* code of the last token fed; -1 at start */
    int        cmp_open;      /* a comparison is the last operator so far */
    uint32_t   prev_end;      /* offset just past it */
    FxToken    word;          /* the last token, when it is a name that
                                 starts a statement (len 0 otherwise) */
} Driver;

/* A statement that starts with a misspelt keyword (`pritn "x"`, `fro x in
 * xs`) parses as a name followed by something that cannot follow it; the
 * error is at that something, and this says what was probably meant. */
static void keyword_hint(Driver *d)
{
    static const char *const words[] = {
        "let", "fn", "return", "if", "else", "for", "while", "break", "continue",
        "print", "assert", "import",
    };
    char w[32];
    if (d->word.len == 0 || d->word.len >= sizeof w || d->ctx.quiet)
        return;
    memcpy(w, d->word.p, d->word.len);
    w[d->word.len] = '\0';
    const char *s = fx_diag_suggest(w, words, (int)(sizeof words / sizeof *words));
    if (s)
        fx_diag_hint(d->ctx.diag, "'%s' is not a keyword; did you mean '%s'?", w, s);
}

#define FX_MAX_NESTING 256
/* Entries on the parser's stack: each operator or block still waiting for
 * its operands or its end holds one or a few. Unary minus, '^' (right
 * associative) and 'not' nest without brackets; this bounds them all, so
 * no input makes the parser, the resolver or the evaluator recurse past
 * what they can take (the evaluator stops at 2500 levels anyway). */
#define FX_MAX_PARSE_DEPTH 4000

/* Checks first whether the parser can take the token, on its state before
 * any default reductions, so "expected ..." lists everything that could
 * have come here. */
static void feed(Driver *d, int code, FxToken tok, int synth)
{
    d->ctx.cur_off = tok.off;
    d->ctx.synth_newline = synth;
    if (fx_parser_depth(d->parser) >= FX_MAX_PARSE_DEPTH) {
        fx_parse_error(&d->ctx, fx_tok_span(tok), "the program is nested too deeply "
                       "(more than %d open operators and blocks)", FX_MAX_PARSE_DEPTH);
        if (!d->ctx.quiet)
            fx_diag_hint(d->ctx.diag, "give a part a name with let, or use brackets less deeply");
        return;
    }
    if (!fx_parser_accepts(d->parser, code)) {
        int in_brace = d->nopen && d->open[d->nopen - 1].code == FX_T_LBRACE;
        int reported = !d->ctx.failed;
        fx_parse_syntax_error_in(&d->ctx, code, tok, d->parser, in_brace, d->cmp_open);
        if (reported && code != 0 && code != FX_T_NEWLINE)
            keyword_hint(d);
        d->ctx.failed = 1;
        return;
    }
    if (is_comparison(code))
        d->cmp_open = 1;
    else if (is_continuation_op(code) || code == FX_T_COMMA || code == FX_T_NEWLINE ||
             code == FX_T_RPAREN || code == FX_T_RBRACKET || code == FX_T_RBRACE ||
             is_assign_op(code) || code == FX_T_COLON)
        d->cmp_open = 0;
    fx_parser(d->parser, code, tok);
    int at_start = d->prev == -1 || d->prev == FX_T_NEWLINE || d->prev == FX_T_LBRACE;
    d->word = code == FX_T_NAME && at_start ? tok : (FxToken){0};
    d->prev = code;
    d->prev_end = tok.off + tok.len;
    d->ctx.prev_title = code == FX_T_TITLE;
    d->ctx.prev_command_span = fx_tok_span(tok);
    snprintf(d->ctx.prev_command, sizeof d->ctx.prev_command, "%s",
             code == FX_T_TRAIN ? "train" : code == FX_T_EVALUATE ? "evaluate"
             : code == FX_T_PREDICT ? "predict" : code == FX_T_MINIMIZE ? "minimize" : "");
}

static int closer_of(int open)
{
    return open == FX_T_LPAREN ? FX_T_RPAREN
         : open == FX_T_LBRACKET ? FX_T_RBRACKET : FX_T_RBRACE;
}

static void unclosed_error(Driver *d)
{
    Open *o = &d->open[d->nopen - 1];
    FxParseCtx *c = &d->ctx;
    c->incomplete = 1;
    if (c->incomplete_ok) {
        c->failed = 1;
        return;
    }
    fx_parse_error(c, fx_tok_span(o->tok), "'%.*s' is never closed", (int)o->tok.len, o->tok.p);
    if (!c->quiet)
        fx_diag_hint(c->diag, "expected %s before the end of the input",
                     token_desc(closer_of(o->code)));
}

/* Checks a closing bracket against the innermost open one. */
static int close_bracket(Driver *d, int code, FxToken tok)
{
    FxParseCtx *c = &d->ctx;
    if (d->nopen == 0) {
        fx_parse_error(c, fx_tok_span(tok), "unmatched '%.*s': nothing is open here",
                       (int)tok.len, tok.p);
        return -1;
    }
    Open *o = &d->open[d->nopen - 1];
    if (closer_of(o->code) != code) {
        int line, col;
        fx_diag_linecol(c->src, o->tok.off, &line, &col);
        fx_parse_error(c, fx_tok_span(tok), "expected %s to close '%.*s' from line %d, found '%.*s'",
                       token_desc(closer_of(o->code)), (int)o->tok.len, o->tok.p, line,
                       (int)tok.len, tok.p);
        return -1;
    }
    d->nopen--;
    return 0;
}

static int open_bracket(Driver *d, int code, FxToken tok)
{
    if (d->nopen == FX_MAX_NESTING) {
        fx_parse_error(&d->ctx, fx_tok_span(tok), "brackets nested more than %d deep",
                       FX_MAX_NESTING);
        return -1;
    }
    if (d->nopen == d->capopen) {
        d->capopen = d->capopen ? d->capopen * 2 : 16;
        d->open = fx_xrealloc(d->open, (size_t)d->capopen * sizeof *d->open);
    }
    d->open[d->nopen++] = (Open){code, tok};
    return 0;
}

static int is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

/* The offset of a '\' line continuation that ends the text (after the last
 * token only blanks, the backslash, then blanks and at most one newline),
 * or -1. Such input promises another line: the REPL must read it. */
static long trailing_backslash(const Driver *d)
{
    const char *s = d->lx.src;
    size_t i = (size_t)(d->lx.lim - s), lo = d->prev_end;
    while (i > lo && is_blank(s[i - 1]))
        i--;
    if (i > lo && s[i - 1] == '\n')
        i--;
    while (i > lo && is_blank(s[i - 1]))
        i--;
    if (i == lo || s[i - 1] != '\\')
        return -1;
    for (size_t k = lo; k < i - 1; k++)
        if (!is_blank(s[k]))
            return -1;
    return (long)(i - 1);
}

static void continuation_at_end(Driver *d, long at)
{
    FxParseCtx *c = &d->ctx;
    c->incomplete = 1;
    if (c->incomplete_ok) {
        c->failed = 1;
        return;
    }
    fx_parse_error(c, (FxSpan){(uint32_t)at, 1},
                   "the input ends right after a '\\' line continuation");
}

static void at_end(Driver *d, FxToken tok)
{
    if (d->nopen > 0) {
        unclosed_error(d);
        return;
    }
    long bs = trailing_backslash(d);
    if (bs >= 0) {
        continuation_at_end(d, bs);
        return;
    }
    /* Errors at the end point just past the last token, not at an empty
     * last line. */
    FxToken end = {d->lx.src + d->prev_end, 0, d->prev_end};
    if (d->prev != -1 && !fx_lex_continues_line(d->prev))
        feed(d, FX_T_NEWLINE, end, 1);
    if (!d->ctx.failed)
        feed(d, 0, d->prev == -1 ? tok : end, 0);
}

/* One token from the lexer through the newline rules into the parser.
 * Returns 1 when the input is finished. */
static int step(Driver *d, int *pending_nl, FxToken *nl)
{
    FxToken tok;
    int code = fx_lex_next(&d->lx, &tok);
    FxParseCtx *c = &d->ctx;
    if (code == FX_LEX_ERROR) {
        if (tok.len == 1 && tok.p[0] == '\\' && trailing_backslash(d) == (long)tok.off)
            continuation_at_end(d, (long)tok.off);
        else
            fx_parse_error(c, fx_tok_span(tok), "%s", d->lx.err);
        return 1;
    }
    if (code == FX_T_NEWLINE) {
        int in_parens = d->nopen && d->open[d->nopen - 1].code != FX_T_LBRACE;
        if (!in_parens && d->prev != -1 && !fx_lex_continues_line(d->prev) && !*pending_nl) {
            *pending_nl = 1;
            *nl = tok;
        }
        return 0;
    }
    if (*pending_nl) {
        *pending_nl = 0;
        if (code != FX_T_ELSE)
            feed(d, FX_T_NEWLINE, *nl, 0);
    }
    if (code == 0) {
        if (!c->failed)
            at_end(d, tok);
        return 1;
    }
    if (c->failed)
        return 1;
    if (code == FX_T_RPAREN || code == FX_T_RBRACKET || code == FX_T_RBRACE) {
        if (close_bracket(d, code, tok))
            return 1;
        if (code == FX_T_RBRACE && d->prev != FX_T_NEWLINE && d->prev != FX_T_LBRACE)
            feed(d, FX_T_NEWLINE, (FxToken){tok.p, 0, tok.off}, 1);
    } else if (code == FX_T_LPAREN || code == FX_T_LBRACKET || code == FX_T_LBRACE) {
        if (open_bracket(d, code, tok))
            return 1;
    }
    if (!c->failed)
        feed(d, code, tok, 0);
    return c->failed;
}

static void *parser_malloc(size_t n) { return fx_xmalloc(n); }

void fx_parse_ex(FxParse *p, const FxSource *src, FxDiag *diag, int flags);

void fx_parse(FxParse *p, const FxSource *src, FxDiag *diag, int incomplete_ok)
{
    fx_parse_ex(p, src, diag, incomplete_ok ? 1 : 0);
}

/* flags: 1 = incomplete input is not an error; 2 = report nothing. */
void fx_parse_ex(FxParse *p, const FxSource *src, FxDiag *diag, int flags)
{
    memset(p, 0, sizeof *p);
    p->src = src;
    Driver d = {0};
    d.ctx.arena = &p->arena;
    d.ctx.src = src;
    d.ctx.diag = diag;
    d.ctx.incomplete_ok = flags & 1;
    d.ctx.quiet = (flags & 2) != 0;
    d.prev = -1;
    fx_lex_init(&d.lx, src->text, src->len);
    d.parser = fx_parserAlloc(parser_malloc, &d.ctx);
    int pending_nl = 0;
    FxToken nl = {0};
    while (!step(&d, &pending_nl, &nl))
        ;
    fx_parserFree(d.parser, free);
    free(d.open);
    if (!d.ctx.failed && d.ctx.root) {
        p->root = d.ctx.root;
        p->status = FX_PARSE_OK;
    } else {
        p->status = d.ctx.incomplete && d.ctx.incomplete_ok ? FX_PARSE_INCOMPLETE
                                                            : FX_PARSE_ERROR;
    }
}

void fx_parse_free(FxParse *p)
{
    fx_arena_free(&p->arena);
    p->root = NULL;
}
