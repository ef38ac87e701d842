/* fx test --tap: the suite as TAP version 13 on standard output, as
 * Perl's prove and other TAP harnesses read it. Every check is a test
 * point ("SCRIPT: NAME"); a script with no check is one point; an error
 * is a failed point of its own; a skipped script (and one --fail-fast
 * never ran) is "ok ... # SKIP". A failed point carries a YAML block with
 * the message, where it is and the values compared; every point its
 * duration. The plan comes last, once the number of points is known. */
#include <stdio.h>
#include "test_run.h"

/* A description: '#' would start a directive, so it is escaped. */
static void desc(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '#')
            fputs("\\#", f);
        else if (*s == '\n')
            fputc(' ', f);
        else
            fputc(*s, f);
    }
}

static void yaml_str(FILE *f, const char *key, const char *s)
{
    fprintf(f, "  %s: \"", key);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", f);
        else if ((unsigned char)*s < 32)
            fprintf(f, "\\x%02x", (unsigned char)*s);
        else
            fputc(*s, f);
    }
    fputs("\"\n", f);
}

static void point(FILE *f, int n, int ok, const char *path, const char *name)
{
    fprintf(f, "%s %d - ", ok ? "ok" : "not ok", n);
    desc(f, path);
    if (name) {
        fputs(": ", f);
        desc(f, name);
    }
}

void fx_test_tap(const FxTestSuite *S, FILE *f)
{
    int n = 0;
    fputs("TAP version 13\n", f);
    if (S->n == 1 && S->s[0].verdict == FX_TEST_SKIP) {   /* prove: "skipped: why" */
        fputs("1..0 # SKIP ", f);
        desc(f, S->s[0].skip);
        fputs("\n", f);
        return;
    }
    for (int i = 0; i < S->n; i++) {
        const FxTestScript *t = &S->s[i];
        if (t->verdict == FX_TEST_DESELECTED)
            continue;
        if (t->verdict == FX_TEST_SKIP || t->verdict == FX_TEST_NOT_RUN) {
            point(f, ++n, 1, t->path, NULL);
            fputs(" # SKIP ", f);
            desc(f, t->verdict == FX_TEST_SKIP ? t->skip : "not run: --fail-fast stopped the suite");
            fputs("\n", f);
            continue;
        }
        for (int k = 0; k < t->ncases; k++) {
            const FxTestCase *c = &t->cases[k];
            point(f, ++n, c->pass, t->path, c->name);
            fputs("\n  ---\n", f);
            if (!c->pass) {
                yaml_str(f, "message", c->msg);
                fputs("  severity: fail\n", f);
            }
            fprintf(f, "  at: \"%s:%d:%d\"\n", c->file, c->line, c->col);
            if (c->detail[0])
                yaml_str(f, "got", c->detail);
            fprintf(f, "  duration_ms: %.3f\n  ...\n", c->time * 1000);
        }
        if (t->error || t->ncases == 0) {
            point(f, ++n, !t->error, t->path, t->error ? "error" : NULL);
            fputs("\n  ---\n", f);
            if (t->error) {
                yaml_str(f, "message", t->error);
                fputs("  severity: error\n", f);
            }
            fprintf(f, "  duration_ms: %.3f\n  ...\n", t->time * 1000);
        }
    }
    fprintf(f, "1..%d\n", n);
    fflush(f);
}
