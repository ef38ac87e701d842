/* fx test's console: one line per script as its verdict is known (PASS,
 * FAIL, ERROR, SKIP, with its checks and time), the failed checks and the
 * error under it, with -v every check and the script's own output, and
 * the summary "N passed, M failed, K skipped, E errors in T s". On a
 * terminal (and not CI) verdicts are coloured and a progress line shows
 * what is running; otherwise plain text only. */
#include <stdio.h>
#include <string.h>
#include "test_run.h"

static const char *colour_of(FxTestVerdict v)
{
    switch (v) {
    case FX_TEST_PASS: return "\033[32m";
    case FX_TEST_FAIL: return "\033[31m";
    case FX_TEST_ERROR: return "\033[1;31m";
    case FX_TEST_SKIP: return "\033[33m";
    default: return "\033[2m";
    }
}

/* Text indented by `pad`, a line at a time. */
static void indented(FILE *f, const char *pad, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && s[e] != '\n')
            e++;
        fprintf(f, "%s%.*s\n", pad, (int)(e - i), s + i);
        i = e + 1;
    }
}

static void case_line(FILE *f, const FxTestCase *c)
{
    fprintf(f, "    %s %s", c->pass ? "ok    " : "not ok", c->name);
    if (c->detail[0])
        fprintf(f, " (%s)", c->detail);
    fprintf(f, "  %s:%d:%d  %.2fs\n", c->file, c->line, c->col, c->time);
}

void fx_test_console_line(FxTestScript *t, const FxTestOpts *o, FILE *f)
{
    if (t->verdict == FX_TEST_DESELECTED)
        return;
    if (o->progress)
        fputs("\r\033[K", f);
    const char *word = fx_test_verdict_word(t->verdict);
    if (o->color)
        fprintf(f, "%s%-7s\033[0m %s", colour_of(t->verdict), word, t->path);
    else
        fprintf(f, "%-7s %s", word, t->path);
    if (t->verdict == FX_TEST_SKIP) {
        fprintf(f, "  (%s)\n", t->skip);
    } else if (t->verdict == FX_TEST_NOT_RUN) {
        fputs("  (--fail-fast)\n", f);
    } else {
        if (t->nfailed)
            fprintf(f, "  %d of %d checks failed", t->nfailed, t->ncases);
        else
            fprintf(f, "  %d check%s", t->ncases, t->ncases == 1 ? "" : "s");
        fprintf(f, "  %.2fs\n", t->time);
    }
    for (int i = 0; i < t->ncases; i++) {
        const FxTestCase *c = &t->cases[i];
        if (o->verbose)
            case_line(f, c);
        else if (!c->pass)
            fprintf(f, "        %s:%d:%d: %s\n", c->file, c->line, c->col, c->msg);
    }
    if (t->error)
        fprintf(f, "        %s\n", t->error);
    if (o->verbose && t->verdict != FX_TEST_NOT_RUN) {
        indented(f, "    | ", t->out.s ? t->out.s : "", t->out.len);
        indented(f, "    | ", t->err.s ? t->err.s : "", t->err.len);
    }
    fflush(f);
}

void fx_test_console_summary(const FxTestSuite *S, const FxTestOpts *o, FILE *f)
{
    int n[6] = {0};
    for (int i = 0; i < S->n; i++)
        n[S->s[i].verdict]++;
    int bad = n[FX_TEST_FAIL] + n[FX_TEST_ERROR] + n[FX_TEST_NOT_RUN];
    if (o->progress)
        fputs("\r\033[K", f);
    if (o->color)
        fputs(bad ? "\033[31m" : "\033[32m", f);
    fprintf(f, "%d passed, %d failed, %d skipped, %d error%s", n[FX_TEST_PASS], n[FX_TEST_FAIL],
            n[FX_TEST_SKIP], n[FX_TEST_ERROR], n[FX_TEST_ERROR] == 1 ? "" : "s");
    if (n[FX_TEST_DESELECTED])
        fprintf(f, ", %d deselected", n[FX_TEST_DESELECTED]);
    if (n[FX_TEST_NOT_RUN])
        fprintf(f, ", %d not run", n[FX_TEST_NOT_RUN]);
    fprintf(f, " in %.2fs%s\n", S->time, o->color ? "\033[0m" : "");
    fflush(f);
}

void fx_test_progress(const FxTestSuite *S, const FxTestOpts *o, int started, int finished)
{
    if (!o->progress)
        return;
    int live = started - finished;
    const char *name = "";
    for (int i = 0; i < S->n; i++)
        if (S->s[i].pid > 0)
            name = S->s[i].path;
    printf("\r\033[K[%d/%d] running %d: %s", finished, S->n, live, name);
    fflush(stdout);
}
