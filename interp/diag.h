/* Diagnostics: the one printer every fx error goes through.
 *
 *   file:line:col: error: message
 *     12 | let r = train m on d, epocs: 20
 *        |                       ^~~~~
 *   hint: did you mean 'epochs'?
 *   called from file:line:col           (one line per call frame)
 *
 * Line and column are computed from byte offsets only here. Knows nothing
 * of values or the runtime. */
#ifndef FX_DIAG_H
#define FX_DIAG_H

#include <stdio.h>
#include "ast.h"

typedef struct FxDiag {
    FILE *out;        /* stderr for scripts; the REPL may pass its own */
    int   color;      /* 1: ANSI colours (a terminal and NO_COLOR unset) */
    int   count;      /* errors reported so far */
} FxDiag;

void fx_diag_init(FxDiag *d, FILE *out, int color);

/* Line (1-based) and column (1-based, in bytes) of offset `off` in src. */
void fx_diag_linecol(const FxSource *src, uint32_t off, int *line, int *col);

/* Prints `file:line:col: error: <fmt>`, the source line and a caret line
 * under `span`. src may be NULL for errors with no location (then only
 * "fx: error: message"). Increments d->count. */
void fx_diag_error(FxDiag *d, const FxSource *src, FxSpan span,
                   const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Follow-up lines for the error just printed. */
void fx_diag_hint(FxDiag *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void fx_diag_frame(FxDiag *d, const FxSource *src, FxSpan span);

/* The closest candidate to `word` by edit distance, or NULL when none is
 * close enough to suggest ("did you mean ..."). */
const char *fx_diag_suggest(const char *word, const char *const *cands,
                            int ncands);

#endif
