/* fx test --junit FILE: the suite as JUnit XML, the form GitLab, Jenkins
 * and GitHub's report actions read (tests/junit.xsd is its schema, and
 * the suite validates every report against it). One <testsuite> per
 * script, one <testcase> per check, classname the script's path with dots
 * ("examples.seeds.s0_cnn_lr_batch"), time in seconds; a failed check has
 * a <failure> with the message, the location and the values, an error a
 * testcase "error" with an <error>, a skipped script one testcase with
 * <skipped>; the script's standard output and error are its suite's
 * <system-out> and <system-err>, and a failed or erring case's too. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mem.h"
#include "test_run.h"

/* Text for XML: the five escapes, and control characters XML 1.0 cannot
 * hold dropped (ANSI escapes of a script's output, say). */
static void xml(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '&') fputs("&amp;", f);
        else if (ch == '<') fputs("&lt;", f);
        else if (ch == '>') fputs("&gt;", f);
        else if (ch == '"') fputs("&quot;", f);
        else if (ch < 32 && ch != '\n' && ch != '\t' && ch != '\r') continue;
        else fputc(ch, f);
    }
}

static void xs(FILE *f, const char *s)
{
    xml(f, s, s ? strlen(s) : 0);
}

static void classname(FILE *f, const char *path)
{
    size_t n = strlen(path);
    if (n > 3 && !strcmp(path + n - 3, ".fx"))
        n -= 3;
    for (size_t i = 0; i < n; i++)
        fputc(path[i] == '/' ? '.' : path[i], f);
}

static void output(FILE *f, const char *pad, const FxTestScript *t)
{
    if (t->out.len) {
        fprintf(f, "%s<system-out>", pad);
        xml(f, t->out.s, t->out.len);
        fputs("</system-out>\n", f);
    }
    if (t->err.len) {
        fprintf(f, "%s<system-err>", pad);
        xml(f, t->err.s, t->err.len);
        fputs("</system-err>\n", f);
    }
}

static void open_case(FILE *f, const FxTestScript *t, const char *name, const char *file,
                      int line, double time)
{
    fputs("    <testcase name=\"", f);
    xs(f, name);
    fputs("\" classname=\"", f);
    classname(f, t->path);
    fputs("\" file=\"", f);
    xs(f, file);
    fputc('"', f);
    if (line)
        fprintf(f, " line=\"%d\"", line);
    fprintf(f, " time=\"%.6f\"", time);
}

static void check_case(FILE *f, const FxTestScript *t, const FxTestCase *c)
{
    open_case(f, t, c->name, c->file, c->line, c->time);
    if (c->pass) {
        fputs("/>\n", f);
        return;
    }
    fputs(">\n      <failure message=\"", f);
    xs(f, c->msg);
    fputs("\" type=\"assertion\">", f);
    fprintf(f, "%s:%d:%d: ", c->file, c->line, c->col);
    xs(f, c->msg);
    if (c->detail[0]) {
        fputs("\ncompared: ", f);
        xs(f, c->detail);
    }
    fputs("</failure>\n", f);
    output(f, "      ", t);
    fputs("    </testcase>\n", f);
}

static void script_suite(FILE *f, const FxTestScript *t, const char *stamp, const char *host)
{
    int tests = t->ncases, errors = 0, skipped = 0;
    if (t->error)
        tests++, errors = 1;
    if (t->verdict == FX_TEST_SKIP || t->verdict == FX_TEST_NOT_RUN)
        tests = 1, skipped = 1;
    else if (tests == 0)
        tests = 1;           /* a script with no check: itself */
    fputs("  <testsuite name=\"", f);
    xs(f, t->path);
    fprintf(f, "\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.6f\""
            " timestamp=\"%s\" hostname=\"", tests, skipped ? 0 : t->nfailed, errors, skipped,
            t->time, stamp);
    xs(f, host);
    fputs("\" file=\"", f);
    xs(f, t->path);
    fputs("\">\n", f);
    if (skipped) {
        open_case(f, t, t->path, t->path, 0, 0);
        fputs(">\n      <skipped message=\"", f);
        xs(f, t->verdict == FX_TEST_SKIP ? t->skip : "not run: --fail-fast stopped the suite");
        fputs("\"/>\n    </testcase>\n", f);
    } else {
        for (int k = 0; k < t->ncases; k++)
            check_case(f, t, &t->cases[k]);
        if (t->error) {
            open_case(f, t, "error", t->path, 0, 0);
            fputs(">\n      <error message=\"", f);
            xs(f, t->error);
            fputs("\" type=\"error\">", f);
            xs(f, t->error);
            fputs("</error>\n", f);
            output(f, "      ", t);
            fputs("    </testcase>\n", f);
        } else if (t->ncases == 0) {
            open_case(f, t, t->path, t->path, 0, t->time);
            fputs("/>\n", f);
        }
    }
    output(f, "    ", t);
    fputs("  </testsuite>\n", f);
}

int fx_test_junit(const FxTestSuite *S, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "fx test: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    int tests = 0, failures = 0, errors = 0, skipped = 0;
    for (int i = 0; i < S->n; i++) {
        const FxTestScript *t = &S->s[i];
        if (t->verdict == FX_TEST_DESELECTED)
            continue;
        if (t->verdict == FX_TEST_SKIP || t->verdict == FX_TEST_NOT_RUN) {
            tests++, skipped++;
            continue;
        }
        tests += t->ncases ? t->ncases : !t->error;
        failures += t->nfailed;
        if (t->error)
            tests++, errors++;
    }
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
    fprintf(f, "<testsuites name=\"fx test\" tests=\"%d\" failures=\"%d\" errors=\"%d\" "
            "skipped=\"%d\" time=\"%.6f\" timestamp=\"%s\">\n", tests, failures, errors, skipped,
            S->time, S->stamp);
    for (int i = 0; i < S->n; i++)
        if (S->s[i].verdict != FX_TEST_DESELECTED)
            script_suite(f, &S->s[i], S->stamp, host);
    fputs("</testsuites>\n", f);
    if (fclose(f) != 0) {
        fprintf(stderr, "fx test: cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}
