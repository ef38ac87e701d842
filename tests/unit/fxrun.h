/* Helpers for C tests of the standard library's data sets: an interpreter
 * writing to /dev/null, and the data set an fx expression evaluates to
 * (kept alive as a global of that interpreter). */
#ifndef FX_TEST_FXRUN_H
#define FX_TEST_FXRUN_H

#include <stdio.h>
#include <string.h>
#include "data/data.h"
#include "interp.h"
#include "open.h"

static inline FxInterp *fxt_new(FILE **null_out)
{
    FxOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.threads = 1;
    opt.width = 80;
    opt.open_libs = fx_stdlib_open;
    *null_out = fopen("/dev/null", "w");
    return fx_interp_new(&opt, *null_out, *null_out);
}

static inline void fxt_free(FxInterp *I, FILE *null_out)
{
    fx_interp_free(I);
    fclose(null_out);
}

/* Runs a line of fx; FX_RUN_OK or FX_RUN_ERROR. */
static inline int fxt_run(FxInterp *I, const char *line)
{
    return fx_run_text(I, "<test>", line, strlen(line), 0);
}

/* Runs `let <name> = <expr>`; the data set it made, or NULL on an error. */
static inline FxDataset *fxt_data(FxInterp *I, const char *name, const char *expr)
{
    char text[1024];
    snprintf(text, sizeof text, "let %s = %s\n", name, expr);
    if (fx_run_text(I, "<test>", text, strlen(text), 0) != FX_RUN_OK)
        return NULL;
    FxValue *v = fx_env_find(I->globals, fx_intern_cstr(&I->intern, name));
    return v ? fx_value_dataset(*v) : NULL;
}

#endif
