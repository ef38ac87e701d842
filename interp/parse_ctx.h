/* What the generated parser (grammar/parser.y) needs from the interpreter:
 * the parse context carried through Lemon's %extra_context and the node
 * builders its actions call. Only parse.c and the generated parser include
 * this. Knows nothing of values or the runtime. */
#ifndef FX_PARSE_CTX_H
#define FX_PARSE_CTX_H

#include "ast.h"
#include "diag.h"
#include "lex.h"

typedef struct FxParseCtx {
    FxArena        *arena;
    const FxSource *src;
    FxDiag         *diag;
    FxNode         *root;          /* set when the program is accepted */
    int             failed;        /* an error was found (reported or not) */
    int             incomplete;    /* the error is that the input ended */
    int             incomplete_ok; /* then report nothing */
    int             quiet;         /* report nothing at all (fuzzing, probes) */
    uint32_t        cur_off;       /* offset of the token being fed */
    int             synth_newline; /* the NEWLINE being fed was inserted */
    int             prev_title;    /* the last token fed was 'title' */
    char            prev_command[12]; /* it was train/evaluate/predict/minimize */
    FxSpan          prev_command_span;
} FxParseCtx;

FxSpan  fx_tok_span(FxToken t);
FxSpan  fx_tok_span_at(FxParseCtx *c, int unused);
FxNode *fx_mk(FxParseCtx *c, FxNodeKind k, FxSpan span);
FxNode *fx_mk_named(FxParseCtx *c, FxNodeKind k, FxSpan span, FxToken name);
FxNode *fx_push(FxParseCtx *c, FxNode *list, FxNode *item);
void    fx_extend(FxNode *n, const FxNode *last);
FxNode *fx_mk_bin(FxParseCtx *c, FxNodeKind k, FxOp op, FxNode *l, FxNode *r);
FxNode *fx_mk_unary(FxParseCtx *c, FxOp op, FxToken t, FxNode *e);
FxNode *fx_mk_assign(FxParseCtx *c, FxNode *target, FxOp op, FxNode *value);
FxNode *fx_mk_fn(FxParseCtx *c, FxNodeKind k, FxSpan span, const FxToken *name,
                 FxNode *params, FxNode *body);
FxNode *fx_mk_import(FxParseCtx *c, FxToken kw, FxToken path, const FxToken *as);
FxNode *fx_mk_number(FxParseCtx *c, FxToken t);
FxNode *fx_mk_command(FxParseCtx *c, FxNodeKind k, FxToken kw, FxNode *a, FxNode *b,
                      FxNode *opts);
void    fx_set_name(FxParseCtx *c, FxNode *n, FxToken name);
FxNode *fx_mk_string(FxParseCtx *c, FxToken t);

/* A located error from a grammar action (first one wins). */
void fx_parse_error(FxParseCtx *c, FxSpan span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void fx_parse_syntax_error(FxParseCtx *c, int code, FxToken tok, void *parser);
void fx_parse_fail_nesting(FxParseCtx *c);

/* From the generated parser. */
void *fx_parserAlloc(void *(*alloc)(size_t), FxParseCtx *c);
void  fx_parser(void *parser, int code, FxToken tok);
void  fx_parserFree(void *parser, void (*dealloc)(void *));
int   fx_parser_accepts(void *parser, int code);
int   fx_parser_ntokens(void);
int   fx_parser_depth(void *parser);

#endif
