/* `fx test`: a folder of scripts run as a test suite, each script in its
 * own `fx --report` process. Shared by the runner's files: finding the
 * scripts (test_find.c), running them side by side (test_proc.c), reading
 * their reports (test_result.c), the console (test_console.c), TAP
 * (test_tap.c) and JUnit XML (test_junit.c). Knows nothing of stdlib/. */
#ifndef FX_TEST_RUN_H
#define FX_TEST_RUN_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

typedef enum FxTestVerdict {
    FX_TEST_PASS, FX_TEST_FAIL, FX_TEST_ERROR, FX_TEST_SKIP,
    FX_TEST_NOT_RUN,      /* --fail-fast stopped the suite first */
    FX_TEST_DESELECTED    /* -k matched neither the script nor a case */
} FxTestVerdict;

/* One check of a script (an assert, assert_close). */
typedef struct FxTestCase {
    int    pass;
    double time;          /* seconds since the previous check */
    char  *file;          /* as the suite shows it (the script's folder joined) */
    int    line, col;
    char  *name;          /* the message, or the condition's source text */
    char  *detail;        /* the values compared ("0.45 > 0.9"), or "" */
    char  *msg;           /* a failure's message, or "" */
} FxTestCase;

/* A growable byte buffer (captured output). */
typedef struct FxTestText {
    char  *s;
    size_t len, cap;
} FxTestText;

typedef struct FxTestScript {
    char         *path;       /* as found ("examples/seeds/s0.fx") */
    long          size;       /* bytes: the longest scripts start first */
    int           selected;   /* -k matched the path (or no -k) */
    FxTestCase   *cases;
    int           ncases, capcases;
    char         *error;      /* "file:line:col: message" of an error, or NULL */
    char         *error_at;   /* "file:line:col" of it */
    char         *skip;       /* skip()'s reason, or NULL */
    int           status;     /* exit status, or -1 */
    int           signal;     /* the signal that ended it, or 0 */
    int           timed_out;
    double        start, time;
    FxTestText    out, err;   /* its standard output and error */
    FxTestVerdict verdict;
    int           nfailed;    /* failed cases */
    /* while running */
    pid_t         pid;
    int           fd[2];      /* stdout, stderr pipes (-1 once closed) */
    char         *report;     /* its report file */
    int           done;
} FxTestScript;

typedef struct FxTestOpts {
    int         jobs;         /* scripts at once */
    int         threads;      /* --threads for each script (0: cores / jobs) */
    double      timeout;      /* seconds per script; 0: none */
    const char *pattern;      /* -k, or NULL */
    int         fail_fast, verbose, tap, update, color, progress;
    const char *junit;        /* --junit FILE, or NULL */
    const char *self;         /* the fx program to run */
    const char *tmpdir;       /* where the reports go */
    volatile sig_atomic_t *interrupted;  /* Ctrl-C: stop every script */
} FxTestOpts;

typedef struct FxTestSuite {
    FxTestScript *s;
    int           n, cap;
    double        time;       /* wall clock of the whole run */
    char          stamp[32];  /* when it started, ISO 8601 */
} FxTestSuite;

/* test_find.c: every script under the paths, in name order; a script that
 * another found script imports is a library, not a test. Returns -1 (said
 * on stderr) when a path does not exist. */
int  fx_test_find(FxTestSuite *S, char **paths, int npaths);
/* Case-insensitive substring. */
int  fx_test_match(const char *text, const char *pattern);
char *fx_test_read_all(const char *path, long *len);

/* test_proc.c: runs the selected scripts; `finished` is called in the
 * scripts' order as each one's verdict is known. */
void fx_test_run_all(FxTestSuite *S, const FxTestOpts *o,
                     void (*finished)(FxTestScript *t, void *ctx), void *ctx);

/* test_result.c: reads a script's report and sets its verdict. */
void fx_test_read_report(FxTestScript *t, const FxTestOpts *o);
void fx_test_text_put(FxTestText *b, const char *s, size_t n);
void fx_test_suite_free(FxTestSuite *S);
const char *fx_test_verdict_word(FxTestVerdict v);

/* test_console.c */
void fx_test_console_line(FxTestScript *t, const FxTestOpts *o, FILE *f);
void fx_test_console_summary(const FxTestSuite *S, const FxTestOpts *o, FILE *f);
void fx_test_progress(const FxTestSuite *S, const FxTestOpts *o, int started, int finished);

/* test_tap.c and test_junit.c */
void fx_test_tap(const FxTestSuite *S, FILE *f);
int  fx_test_junit(const FxTestSuite *S, const char *path);

/* test_cli.c: `fx test ARGS...` (argv[0] is "test"). */
int fx_test_main(int argc, char **argv, volatile sig_atomic_t *interrupted);

#endif
