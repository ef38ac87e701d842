/* Reading one script's report (the records interp/check.c writes) into
 * its cases, and its verdict: an error (a runtime or parse error, a time
 * out, a signal, an exit status fx does not give) wins over failed checks;
 * skip() with status 77 is skipped; a failed check is a failure; else it
 * passed. Under -k a script whose path does not match keeps only the cases
 * whose names do, and is deselected when none does. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mem.h"
#include "test_run.h"

void fx_test_text_put(FxTestText *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap)
            b->cap = b->cap ? 2 * b->cap : 4096;
        b->s = fx_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

const char *fx_test_verdict_word(FxTestVerdict v)
{
    static const char *const w[] = {"PASS", "FAIL", "ERROR", "SKIP", "NOT RUN", "DESELECTED"};
    return w[v];
}

/* Splits a record in place into its tab-separated, unescaped fields. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    char *w = line;
    f[n++] = w;
    for (char *r = line; *r; r++) {
        if (*r == '\t') {
            *w++ = '\0';
            if (n == max)
                break;
            f[n++] = w;
        } else if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return n;
}

/* A file name of the report (relative to the script's folder, where it
 * ran) as the suite shows it. */
static char *shown_file(const FxTestScript *t, const char *file)
{
    const char *slash = strrchr(t->path, '/');
    if (!slash || file[0] == '/' || file[0] == '<')
        return fx_xstrdup(file);
    size_t n = (size_t)(slash - t->path) + strlen(file) + 2;
    char *p = fx_xmalloc(n);
    snprintf(p, n, "%.*s/%s", (int)(slash - t->path), t->path, file);
    return p;
}

static char *where(const FxTestScript *t, const char *file, const char *line, const char *col)
{
    char *f = shown_file(t, file);
    size_t n = strlen(f) + strlen(line) + strlen(col) + 3;
    char *p = fx_xmalloc(n);
    snprintf(p, n, "%s:%s:%s", f, line, col);
    free(f);
    return p;
}

static void add_case(FxTestScript *t, char **f)
{
    if (t->ncases == t->capcases)
        t->cases = fx_xrealloc(t->cases, (size_t)(t->capcases = t->capcases ? 2 * t->capcases : 16)
                               * sizeof *t->cases);
    FxTestCase *c = &t->cases[t->ncases++];
    c->pass = !strcmp(f[1], "pass");
    c->time = atof(f[2]);
    c->file = shown_file(t, f[3]);
    c->line = atoi(f[4]);
    c->col = atoi(f[5]);
    c->name = fx_xstrdup(f[6]);
    c->detail = fx_xstrdup(f[7]);
    c->msg = fx_xstrdup(f[8]);
}

static void set_error(FxTestScript *t, char *at, const char *msg)
{
    if (t->error) {
        free(at);
        return;
    }
    size_t n = (at ? strlen(at) : 0) + strlen(msg) + 3;
    t->error = fx_xmalloc(n);
    snprintf(t->error, n, "%s%s%s", at ? at : "", at ? ": " : "", msg);
    t->error_at = at;
}

/* The first "error:" line of the script's stderr (a parse error, which
 * comes before anything runs), without "error: ". */
static void error_from_stderr(FxTestScript *t)
{
    const char *s = t->err.s ? t->err.s : "";
    const char *e = strstr(s, ": error: ");
    if (!e) {
        char msg[64];
        snprintf(msg, sizeof msg, "exited with status %d", t->status);
        set_error(t, NULL, msg);
        return;
    }
    const char *bol = e;
    while (bol > s && bol[-1] != '\n')
        bol--;
    const char *eol = strchr(e, '\n');
    size_t n = eol ? (size_t)(eol - bol) : strlen(bol);
    char *line = fx_xstrndup(bol, n);
    char *at = fx_xstrndup(bol, (size_t)(e - bol));
    char *full = shown_file(t, at);
    free(at);
    set_error(t, full, line + (e - bol) + 9);
    free(line);
}

static void read_records(FxTestScript *t, const FxTestOpts *o, int *raw_failed)
{
    char *text = t->report ? fx_test_read_all(t->report, NULL) : NULL;
    for (char *line = text; line && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char *f[10] = {0};
        int n = split(line, f, 10);
        if (!strcmp(f[0], "case") && n >= 9) {
            *raw_failed += strcmp(f[1], "pass") != 0;
            if (t->selected || fx_test_match(f[6], o->pattern))
                add_case(t, f);
        } else if (!strcmp(f[0], "error") && n >= 5) {
            set_error(t, where(t, f[1], f[2], f[3]), f[4]);
        } else if (!strcmp(f[0], "skip") && n >= 5 && !t->skip) {
            t->skip = fx_xstrdup(f[4]);
        }
        line = end ? end + 1 : NULL;
    }
    free(text);
}

void fx_test_read_report(FxTestScript *t, const FxTestOpts *o)
{
    int raw_failed = 0;
    read_records(t, o, &raw_failed);
    for (int i = 0; i < t->ncases; i++)
        t->nfailed += !t->cases[i].pass;
    char msg[96];
    if (t->timed_out) {
        snprintf(msg, sizeof msg, "timed out after %gs (--timeout)", o->timeout);
        free(t->error);
        free(t->error_at);
        t->error = t->error_at = NULL;
        set_error(t, NULL, msg);
    } else if (t->signal) {
        snprintf(msg, sizeof msg, "killed by signal %d (%s)", t->signal, strsignal(t->signal));
        set_error(t, NULL, msg);
    } else if (t->status == 77 && t->skip) {
        t->verdict = FX_TEST_SKIP;
        return;
    } else if (t->status != 0 && !t->error && !(t->status == 1 && raw_failed)) {
        error_from_stderr(t);
    }
    if (t->error)
        t->verdict = FX_TEST_ERROR;
    else if (t->nfailed)
        t->verdict = FX_TEST_FAIL;
    else if (!t->selected && t->ncases == 0)
        t->verdict = FX_TEST_DESELECTED;
    else
        t->verdict = FX_TEST_PASS;
}

void fx_test_suite_free(FxTestSuite *S)
{
    for (int i = 0; i < S->n; i++) {
        FxTestScript *t = &S->s[i];
        for (int k = 0; k < t->ncases; k++) {
            FxTestCase *c = &t->cases[k];
            free(c->file);
            free(c->name);
            free(c->detail);
            free(c->msg);
        }
        free(t->cases);
        free(t->path);
        free(t->error);
        free(t->error_at);
        free(t->skip);
        free(t->out.s);
        free(t->err.s);
        free(t->report);
    }
    free(S->s);
}
