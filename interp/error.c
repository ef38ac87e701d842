/* Raising and reporting runtime errors: an error keeps its location, its
 * message, an optional hint and a copy of the call frames at the moment it
 * was raised; fx_report prints it through the one diagnostic printer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "interp.h"
#include "mem.h"

void fx_check_error_record(FxInterp *I, const FxError *e);

static int raise_error(FxInterp *I, FxSpan span, const char *fmt, va_list ap)
{
    if (I->err.set)          /* the first error wins; later ones are echoes */
        return -1;
    FxError *e = &I->err;
    e->set = 1;
    e->src = I->src;
    e->span = span;
    e->hint[0] = '\0';
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    free(e->frames);
    e->frames = NULL;
    e->nframes = I->nframes;
    if (I->nframes) {
        e->frames = fx_xmalloc((size_t)I->nframes * sizeof *e->frames);
        for (int i = 0; i < I->nframes; i++)      /* innermost first */
            e->frames[i] = I->frames[I->nframes - 1 - i];
    }
    return -1;
}

int fx_error(FxInterp *I, FxSpan span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_error(I, span, fmt, ap);
    va_end(ap);
    return -1;
}

int fx_error_at(FxInterp *I, const FxNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_error(I, n ? n->span : (FxSpan){0, 0}, fmt, ap);
    va_end(ap);
    return -1;
}

void fx_error_hint(FxInterp *I, const char *fmt, ...)
{
    if (!I->err.set || I->err.hint[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(I->err.hint, sizeof I->err.hint, fmt, ap);
    va_end(ap);
}

void fx_error_clear(FxInterp *I)
{
    free(I->err.frames);
    memset(&I->err, 0, sizeof I->err);
}

void fx_report(FxInterp *I)
{
    FxError *e = &I->err;
    if (!e->set)
        return;
    fflush(I->out);
    fx_check_error_record(I, e);
    if (I->skipped || I->shard_stopped) {   /* skip(), a shard's end: a note */
        int line = 0, col = 0;
        if (e->src)
            fx_diag_linecol(e->src, e->span.off, &line, &col);
        fprintf(I->diag.out, "%s:%d:%d: %s\n", e->src ? e->src->name : "fx", line, col, e->msg);
        fx_error_clear(I);
        return;
    }
    fx_diag_error(&I->diag, e->src, e->span, "%s", e->msg);
    if (e->hint[0])
        fx_diag_hint(&I->diag, "%s", e->hint);
    /* A frame repeated many times (deep recursion) prints once, then a
     * count, as Python does. */
    for (int i = 0; i < e->nframes;) {
        int same = 1;
        while (i + same < e->nframes && e->frames[i + same].src == e->frames[i].src &&
               e->frames[i + same].span.off == e->frames[i].span.off)
            same++;
        int shown = same > 3 ? 3 : same;
        for (int k = 0; k < shown; k++)
            fx_diag_frame(&I->diag, e->frames[i].src, e->frames[i].span);
        if (same > shown)
            fprintf(I->diag.out, "  ... the line above repeated %d more times\n", same - shown);
        i += same;
    }
    fx_error_clear(I);
}
