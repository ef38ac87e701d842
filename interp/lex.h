/* The token and lexer state shared by the re2c lexer (grammar/lexer.re) and
 * the parser driver (interp/parse.c). A token is a pointer and a length into
 * the source plus its byte offset; nothing is allocated while lexing. Token
 * codes are Lemon's (FX_T_* from the generated parser.h). */
#ifndef FX_LEX_H
#define FX_LEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct FxToken {
    const char *p;     /* first byte, in the source text */
    uint32_t    len;   /* bytes */
    uint32_t    off;   /* byte offset of p in the source */
} FxToken;

typedef struct FxLexer {
    const char *src;   /* start of the text (NUL at src[len]) */
    const char *cur;   /* where the next token starts */
    const char *lim;   /* end of the text */
    const char *err;   /* message for the last FX_LEX_ERROR, static text */
} FxLexer;

/* Returned by fx_lex_next for a lexical error; the token covers the
 * offending text and lx->err says what is wrong. */
#define FX_LEX_ERROR (-1)

void fx_lex_init(FxLexer *lx, const char *text, size_t len);
/* The next token's code (> 0), 0 at the end of the text, or FX_LEX_ERROR.
 * Whitespace and comments are skipped; every newline is a FX_T_NEWLINE
 * token (the driver decides which ones end statements). */
int  fx_lex_next(FxLexer *lx, FxToken *t);
/* Whether a newline right after a token with this code never ends a
 * statement (after a comma, an operator, an opening bracket, ...);
 * defined by the parser driver, interp/parse.c. */
int  fx_lex_continues_line(int code);

#endif
