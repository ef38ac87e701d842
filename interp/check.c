/* Checks as test cases: what `fx --report FILE` (run by `fx test`) writes
 * for every assert, assert_close, skip() and error, one record a line:
 *
 *   case  pass|fail  SECONDS  FILE  LINE  COL  NAME  DETAIL  MESSAGE
 *   error FILE LINE COL MESSAGE
 *   skip  FILE LINE COL REASON
 *
 * fields separated by tabs, with tab, newline and backslash written as \t,
 * \n and \\. A case's time is the time since the previous check ended (or
 * the script started): the work that led to it. Each record is flushed at
 * once, so a forked sweep point's records never repeat the parent's. */
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include "interp.h"
#include "mem.h"

double fx_check_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void put_field(FILE *f, const char *s)
{
    fputc('\t', f);
    for (; s && *s; s++) {
        if (*s == '\t') fputs("\\t", f);
        else if (*s == '\n') fputs("\\n", f);
        else if (*s == '\\') fputs("\\\\", f);
        else fputc(*s, f);
    }
}

/* The kind, then "FILE\tLINE\tCOL" of span in the running source. */
static void put_where(FxInterp *I, const char *kind, const FxSource *src, FxSpan at)
{
    int line = 0, col = 0;
    if (src)
        fx_diag_linecol(src, at.off, &line, &col);
    fputs(kind, I->report);
    put_field(I->report, src ? src->name : "");
    fprintf(I->report, "\t%d\t%d", line, col);
}

static void end_record(FxInterp *I)
{
    fputc('\n', I->report);
    fflush(I->report);
}

int fx_check(FxInterp *I, FxSpan at, int ok, const char *name, const char *detail)
{
    char msg[1024];
    if (detail && detail[0])
        snprintf(msg, sizeof msg, "assertion failed: %s (got %s)", name, detail);
    else
        snprintf(msg, sizeof msg, "assertion failed: %s", name);
    if (I->report) {
        double now = fx_check_now();
        fprintf(I->report, "case\t%s\t%.6f\t", ok ? "pass" : "fail", now - I->case_t0);
        I->case_t0 = now;
        int line = 0, col = 0;
        if (I->src)
            fx_diag_linecol(I->src, at.off, &line, &col);
        fputs(I->src ? I->src->name : "", I->report);
        fprintf(I->report, "\t%d\t%d", line, col);
        put_field(I->report, name);
        put_field(I->report, detail);
        put_field(I->report, ok ? "" : msg);
        end_record(I);
    }
    if (ok)
        return 0;
    fx_error(I, at, "%s", msg);
    I->err.check = 1;
    if (!I->report || I->opt.fail_fast)
        return -1;
    /* fx test: say it now and go on to the next check. */
    fx_report(I);
    I->checks_failed++;
    return 0;
}

int fx_skip(FxInterp *I, FxSpan at, const char *reason)
{
    if (I->report) {
        put_where(I, "skip", I->src, at);
        put_field(I->report, reason);
        end_record(I);
    }
    fx_error(I, at, "skipped: %s", reason);
    I->err.check = 1;
    I->skipped = 1;
    return -1;
}

/* fx_report's part: an error other than a check goes into the report. */
void fx_check_error_record(FxInterp *I, const FxError *e)
{
    if (!I->report || e->check)
        return;
    put_where(I, "error", e->src, e->span);
    put_field(I->report, e->msg);
    end_record(I);
}
