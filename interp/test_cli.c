/* `fx test [options] [PATH...]`: its options and help, finding the
 * scripts, running them (test_proc.c), and what it prints and writes: the
 * console lines and summary, or TAP (--tap), and JUnit XML (--junit).
 * Exit status: 0 when every script passed (or was skipped), 1 when one
 * failed, erred, timed out or was not run, 2 a usage error or a path that
 * does not exist, 5 no script found (as pytest), 130 interrupted. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "mem.h"
#include "test_run.h"

double fx_check_now(void);

static const char usage[] =
    "usage: fx test [options] [PATH...]\n"
    "\n"
    "Runs every .fx script under the PATHs (default: tests/ if it exists, else\n"
    "the current folder) as a test suite, each in its own process in its own\n"
    "folder; every assert is a test case. A folder is searched through (names\n"
    "starting with '.' left out); a script another one imports is a library.\n"
    "\n"
    "options:\n"
    "  -j, --jobs N       scripts at once (default: the machine's cores)\n"
    "      --threads N    training threads of each script (default: fx's own,\n"
    "                     the machine's cores)\n"
    "      --timeout S    seconds a script may take, then it is killed and an\n"
    "                     error (default 600; 0: no limit)\n"
    "  -k PATTERN         only scripts whose path, or checks whose name, holds\n"
    "                     PATTERN (any case)\n"
    "  -x, --fail-fast    stop at the first failure or error\n"
    "  -v, --verbose      every check, and each script's own output (epoch lines)\n"
    "      --tap          TAP version 13 on standard output (for prove)\n"
    "      --junit FILE   also write JUnit XML to FILE (GitLab, Jenkins, GitHub)\n"
    "      --update-baselines  assert_close rewrites its baseline files\n"
    "  -h, --help         this help\n"
    "\n"
    "exit status: 0 all passed, 1 a failure or an error, 2 usage error,\n"
    "5 no script found, 130 interrupted. See fx(1).\n";

static int bad_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "fx test: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nrun 'fx test --help' for usage\n");
    return 2;
}

static int whole(const char *opt, const char *v, int lo, int hi, int *out)
{
    char *end;
    long n = v ? strtol(v, &end, 10) : 0;
    if (!v || *end || n < lo || n > hi) {
        fprintf(stderr, "fx test: %s needs a whole number from %d to %d\n", opt, lo, hi);
        return 2;
    }
    *out = (int)n;
    return -1;
}

/* CI=true (any value but "", "0" and "false"): a log, not a person. */
static int in_ci(void)
{
    const char *ci = getenv("CI");
    return ci && ci[0] && strcmp(ci, "0") && strcmp(ci, "false");
}

static int parse(FxTestOpts *o, int argc, char **argv, char ***paths, int *npaths)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        int st = -1;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (a[0] != '-')
            break;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            st = whole(a, next, 1, 256, &o->jobs), i++;
        } else if (!strcmp(a, "--threads")) {
            st = whole(a, next, 1, 256, &o->threads), i++;
        } else if (!strcmp(a, "--timeout")) {
            char *end;
            o->timeout = next ? strtod(next, &end) : -1;
            if (!next || *end || !(o->timeout >= 0) || o->timeout > 1e6)
                return bad_usage("%s needs a number of seconds (0: no limit)", a);
            i++;
        } else if (!strcmp(a, "-k")) {
            if (!next)
                return bad_usage("%s needs a pattern", a);
            o->pattern = next;
            i++;
        } else if (!strcmp(a, "-x") || !strcmp(a, "--fail-fast")) {
            o->fail_fast = 1;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            o->verbose = 1;
        } else if (!strcmp(a, "--tap")) {
            o->tap = 1;
        } else if (!strcmp(a, "--junit")) {
            if (!next)
                return bad_usage("%s needs a file", a);
            o->junit = next;
            i++;
        } else if (!strcmp(a, "--update-baselines")) {
            o->update = 1;
        } else {
            return bad_usage("unknown option '%s'", a);
        }
        if (st >= 0)
            return st;
    }
    *paths = argv + i;
    *npaths = argc - i;
    return -1;
}

static void shown(FxTestScript *t, void *ctx)
{
    const FxTestOpts *o = ctx;
    if (!o->tap)
        fx_test_console_line(t, o, stdout);
}

static char *make_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/fx-test-XXXXXX", base && base[0] ? base : "/tmp");
    return mkdtemp(path) ? fx_xstrdup(path) : NULL;
}

static int exit_status(const FxTestSuite *S, const FxTestOpts *o)
{
    if (o->interrupted && *o->interrupted)
        return 130;
    for (int i = 0; i < S->n; i++) {
        FxTestVerdict v = S->s[i].verdict;
        if (v == FX_TEST_FAIL || v == FX_TEST_ERROR || v == FX_TEST_NOT_RUN)
            return 1;
    }
    return 0;
}

static void summary_as_tap_comment(const FxTestSuite *S, const FxTestOpts *o)
{
    FxTestOpts plain = *o;
    plain.color = plain.progress = 0;
    fputs("# ", stdout);
    fx_test_console_summary(S, &plain, stdout);
}

static int run_suite(FxTestSuite *S, FxTestOpts *o)
{
    char *tmp = make_tmpdir();
    if (!tmp) {
        fprintf(stderr, "fx test: cannot make a folder for the reports: %s\n", strerror(errno));
        return 2;
    }
    o->tmpdir = tmp;
    time_t now = time(NULL);
    strftime(S->stamp, sizeof S->stamp, "%Y-%m-%dT%H:%M:%S", localtime(&now));
    double t0 = fx_check_now();
    fx_test_run_all(S, o, shown, o);
    S->time = fx_check_now() - t0;
    rmdir(tmp);
    free(tmp);
    if (o->tap) {
        fx_test_tap(S, stdout);
        summary_as_tap_comment(S, o);
    } else {
        fx_test_console_summary(S, o, stdout);
    }
    int st = exit_status(S, o);
    if (o->junit && fx_test_junit(S, o->junit) != 0 && st == 0)
        st = 2;
    return st;
}

int fx_test_main(int argc, char **argv, volatile sig_atomic_t *interrupted)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    FxTestOpts o = {.jobs = cores > 0 ? (int)(cores < 256 ? cores : 256) : 1, .timeout = 600,
                    .interrupted = interrupted};
    char **paths = NULL;
    int npaths = 0;
    int st = parse(&o, argc, argv, &paths, &npaths);
    if (st >= 0)
        return st;
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = '\0';
    o.self = n > 0 ? self : argv[-1];
    int term = isatty(STDOUT_FILENO) && !in_ci();
    const char *nc = getenv("NO_COLOR");
    o.color = term && !o.tap && !(nc && nc[0]);
    o.progress = term && !o.tap && !o.verbose;
    char *dflt[] = {access("tests", F_OK) == 0 ? "tests" : "."};
    if (npaths == 0) {
        paths = dflt;
        npaths = 1;
    }
    FxTestSuite S = {0};
    if (fx_test_find(&S, paths, npaths) != 0) {
        fx_test_suite_free(&S);
        return 2;
    }
    if (S.n == 0) {
        fprintf(stderr, "fx test: no .fx script found under %s%s\n", paths[0],
                npaths > 1 ? " ..." : "");
        fx_test_suite_free(&S);
        return 5;
    }
    for (int i = 0; i < S.n; i++) {
        FxTestScript *t = &S.s[i];
        t->selected = !o.pattern || fx_test_match(t->path, o.pattern);
        if (!t->selected) {
            /* a case's name is its message or its condition, both written
             * in the script: a script that does not hold the pattern has
             * no case to select */
            char *text = fx_test_read_all(t->path, NULL);
            if (!text || !fx_test_match(text, o.pattern))
                t->verdict = FX_TEST_DESELECTED;
            free(text);
        }
    }
    st = run_suite(&S, &o);
    fx_test_suite_free(&S);
    return st;
}
