/* fx's command line: option parsing, --help and --version, and dispatch
 * to a script file, -e code, stdin, --check or the REPL. Exit status: 0
 * ok, 1 an error in the script (a failed assert included), 2 a usage
 * error or an unreadable file, 77 skipped (skip()), 130 interrupted by
 * Ctrl-C. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "mem.h"
#include "repl.h"
#include "rt.h"

char *fx_read_file(const char *path, size_t *len);

static const char usage[] =
    "usage: fx [options] FILE [ARG...]   run a script (ARGs are its `args`)\n"
    "       fx [options] -e CODE [ARG...] run CODE\n"
    "       fx [options] - [ARG...]       read the script from standard input\n"
    "       fx --check FILE...            parse and resolve names only\n"
    "       fx test [options] [PATH...]   run scripts as a test suite (fx test --help)\n"
    "       fx compare A B [options]      compare two saved runs (fx compare --help)\n"
    "       fx                            the REPL on a terminal, else read stdin\n"
    "\n"
    "options:\n"
    "  -e CODE          run CODE instead of a file\n"
    "  -c, --check      check the files (syntax, names, arguments) without running\n"
    "  -q, --quiet      print results only: no per-epoch lines, no progress\n"
    "      --strict     exit status 1 when a sweep point fails or a run diverges\n"
    "      --diagnose   print every run's diagnosis (fx(7), DIAGNOSIS) after it\n"
    "      --out DIR    write every run's history to DIR (CSV and JSON lines) and\n"
    "                   keep finished sweep points there: a rerun skips them\n"
    "      --fresh      with --out: discard DIR's results first and run everything\n"
    "      --shard I/N  with --out: run only sweep points k with k mod N = I\n"
    "      --svg DIR    also write every chart as DIR/SCRIPT-N.svg\n"
    "      --report FILE  write every check (assert) to FILE as a test case and\n"
    "                   go on after a failed one (what fx test runs)\n"
    "      --fail-fast  with --report: stop at the first failed check\n"
    "      --update-baselines  assert_close writes its baseline file instead\n"
    "      --threads N  threads for training (default: the machine's cores)\n"
    "      --jobs N     sweep points run at once, each in its own process\n"
    "                   (default: the cores over the threads, so 1 unless --threads)\n"
    "      --ascii      plain ASCII charts (no Unicode, no colour)\n"
    "      --color WHEN colours: auto (default), always or never\n"
    "      --width N    chart width in columns (default: the terminal's, or 80)\n"
    "      --max-memory SIZE  the most one string, list, tensor, model or data set\n"
    "                   may take, e.g. 512M or 2G (default: FX_MAX_MEMORY, else a\n"
    "                   quarter of the available memory)\n"
    "  -h, --help       this help\n"
    "  -V, --version    the version\n"
    "\n"
    "exit status: 0 ok, 1 error in the script or a failed assert, 2 usage error\n"
    "or unreadable file, 77 skipped, 130 interrupted. See fx(1) and fx(7).\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "fx: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nrun 'fx --help' for usage\n");
    return 2;
}

static int number_arg(const char *opt, const char *val, int lo, int hi, int *out)
{
    char *end;
    long v = val ? strtol(val, &end, 10) : 0;
    if (!val || *end || v < lo || v > hi) {
        fprintf(stderr, "fx: %s needs a whole number from %d to %d\n", opt, lo, hi);
        return 2;
    }
    *out = (int)v;
    return -1;
}

static int size_error(const char *what, const char *val)
{
    fprintf(stderr, "fx: %s needs a size such as 512M or 2G (K, M, G: powers of 1024), "
            "got '%s'\n", what, val ? val : "");
    return 2;
}

/* --max-memory, else FX_MAX_MEMORY, else 0 (the default, decided when the
 * interpreter is made); an exit status for a bad variable, else -1. */
static int memory_from_env(FxCli *c)
{
    const char *env = getenv("FX_MAX_MEMORY");
    if (c->opt.max_memory || !env || !*env)
        return -1;
    return fx_size_parse(env, &c->opt.max_memory) < 0 ? size_error("FX_MAX_MEMORY", env) : -1;
}

/* One option at argv[*i]; returns -1 to go on, or an exit status. */
static int parse_option(FxCli *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char *next = *i + 1 < argc ? argv[*i + 1] : NULL;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
        printf("fx %s (runtime %s, OpenBLAS kernel %s)\n", FX_VERSION, rt_version(), rt_blas_core());
        return 0;
    }
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) { c->opt.quiet = 1; return -1; }
    if (!strcmp(a, "--strict")) { c->opt.strict = 1; return -1; }
    if (!strcmp(a, "--diagnose")) { c->opt.diagnose = 1; return -1; }
    if (!strcmp(a, "--ascii")) { c->opt.unicode = 0; c->color = 0; return -1; }
    if (!strcmp(a, "-c") || !strcmp(a, "--check")) { c->mode = FX_MODE_CHECK; return -1; }
    if (!strcmp(a, "-e")) {
        if (!next)
            return usage_error("%s needs the code to run", a);
        c->mode = FX_MODE_EXPR;
        c->code = next;
        ++*i;
        return -1;
    }
    if (!strcmp(a, "--out")) {
        if (!next)
            return usage_error("%s needs a directory", a);
        c->opt.out_dir = next;
        ++*i;
        return -1;
    }
    if (!strcmp(a, "--fresh")) { c->opt.fresh = 1; return -1; }
    if (!strcmp(a, "--shard")) {
        int k = -1, n = 0, used = 0;
        ++*i;
        if (!next || sscanf(next, "%d/%d%n", &k, &n, &used) != 2 || next[used] || n < 1 ||
            n > 100000 || k < 0 || k >= n)
            return usage_error("--shard needs I/N, a shard number I from 0 to N - 1, e.g. "
                               "--shard 0/4, got '%s'", next ? next : "");
        c->opt.shard = k;
        c->opt.shards = n;
        return -1;
    }
    if (!strcmp(a, "--svg")) {
        if (!next)
            return usage_error("%s needs a directory", a);
        c->opt.svg_dir = next;
        ++*i;
        return -1;
    }
    if (!strcmp(a, "--report")) {
        if (!next)
            return usage_error("%s needs a file", a);
        c->opt.report = next;
        ++*i;
        return -1;
    }
    if (!strcmp(a, "--fail-fast")) { c->opt.fail_fast = 1; return -1; }
    if (!strcmp(a, "--update-baselines")) { c->opt.update_baselines = 1; return -1; }
    if (!strcmp(a, "--threads")) {
        ++*i;
        return number_arg(a, next, 1, 256, &c->opt.threads);
    }
    if (!strcmp(a, "--jobs")) {
        ++*i;
        return number_arg(a, next, 1, 256, &c->opt.jobs);
    }
    if (!strcmp(a, "--width")) {
        ++*i;
        return number_arg(a, next, 30, 1000, &c->width);
    }
    if (!strcmp(a, "--max-memory")) {
        ++*i;
        if (!next || fx_size_parse(next, &c->opt.max_memory) < 0)
            return size_error(a, next);
        return -1;
    }
    if (!strcmp(a, "--color") || !strncmp(a, "--color=", 8)) {
        const char *w = a[7] == '=' ? a + 8 : next;
        if (a[7] != '=')
            ++*i;
        if (w && !strcmp(w, "always")) c->color = 1;
        else if (w && !strcmp(w, "never")) c->color = 0;
        else if (w && !strcmp(w, "auto")) c->color = -1;
        else return usage_error("%s takes auto, always or never", "--color");
        return -1;
    }
    if (!strcmp(a, "--no-color")) { c->color = 0; return -1; }
    return usage_error("unknown option '%s'", a);
}

int fx_cli_parse(FxCli *c, int argc, char **argv)
{
    memset(c, 0, sizeof *c);
    c->color = -1;
    c->opt.unicode = 1;
    c->mode = FX_MODE_REPL;
    int check = 0, i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (a[0] != '-' || !strcmp(a, "-"))
            break;
        int st = parse_option(c, argc, argv, &i);
        if (st >= 0)
            return st;
        if (c->mode == FX_MODE_CHECK)
            check = 1;
        if (c->mode == FX_MODE_EXPR) {
            i++;
            break;
        }
    }
    int st = memory_from_env(c);
    if (st >= 0)
        return st;
    if (c->opt.shards && !c->opt.out_dir)
        return usage_error("%s needs --out DIR: the shards share their points there",
                           "--shard");
    if (check) {
        if (i >= argc)
            return usage_error("%s needs at least one file", "--check");
        c->mode = FX_MODE_CHECK;
        c->files = argv + i;
        c->nfiles = argc - i;
        return -1;
    }
    if (c->mode != FX_MODE_EXPR && i < argc) {
        c->mode = strcmp(argv[i], "-") ? FX_MODE_FILE : FX_MODE_STDIN;
        c->file = argv[i++];
    }
    if (c->mode == FX_MODE_REPL && !isatty(STDIN_FILENO))
        c->mode = FX_MODE_STDIN;
    c->opt.script = c->mode == FX_MODE_FILE ? c->file : c->mode == FX_MODE_EXPR ? "<-e>"
                  : c->mode == FX_MODE_STDIN ? "<stdin>" : NULL;
    c->opt.args = argv + i;
    c->opt.nargs = argc - i;
    return -1;
}

static int run_stdin(FxInterp *I)
{
    size_t cap = 4096, n = 0;
    char *buf = fx_xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap)
            buf = fx_xrealloc(buf, cap *= 2);
    }
    int rc = fx_run_text(I, "<stdin>", buf, n, 0);
    free(buf);
    return rc == FX_RUN_OK ? 0 : 1;
}

static int run_check(FxCli *c, FxInterp **Ip, volatile sig_atomic_t *intr)
{
    int worst = 0;
    for (int k = 0; k < c->nfiles; k++) {
        /* Each file is checked on its own, as if run alone. */
        if (k > 0) {
            fx_interp_free(*Ip);
            *Ip = fx_interp_new(&c->opt, stdout, stderr);
            (*Ip)->interrupted = intr;
        }
        int st = fx_run_file(*Ip, c->files[k], FX_RUN_CHECK_ONLY);
        if (st > worst)
            worst = st;
    }
    return worst;
}

int fx_cli_run(FxCli *c, volatile sig_atomic_t *interrupted)
{
    FxInterp *I = fx_interp_new(&c->opt, stdout, stderr);
    I->interrupted = interrupted;
    int st;
    switch (c->mode) {
    case FX_MODE_FILE: st = fx_run_file(I, c->file, 0); break;
    case FX_MODE_EXPR:
        st = fx_run_text(I, "<-e>", c->code, strlen(c->code), 0) == FX_RUN_OK ? 0 : 1;
        break;
    case FX_MODE_STDIN: st = run_stdin(I); break;
    case FX_MODE_CHECK: st = run_check(c, &I, interrupted); break;
    default: st = fx_repl(&I, interrupted); break;
    }
    fflush(stdout);
    if (st == 1 && I->interrupt_seen)
        st = 130;
    else if (st == 1 && I->skipped)
        st = 77;
    else if (st == 1 && I->shard_stopped)
        st = 0;
    if (st == 0 && c->opt.strict && I->soft_failures) {
        fprintf(stderr, "fx: --strict: %d failed sweep point%s or diverged run%s\n",
                I->soft_failures, I->soft_failures == 1 ? "" : "s",
                I->soft_failures == 1 ? "" : "s");
        st = 1;
    }
    fx_interp_free(I);
    return st;
}
