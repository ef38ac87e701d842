/* fx's command line (fx_main, which the program's main calls with the
 * libraries to open): options, then a script file, -e code, stdin, --check
 * of several files, or the REPL; `fx test` runs scripts as a test suite. The interpreter runs on a thread with a
 * large stack so deep (but limited) recursion in scripts never meets the
 * C stack's end. The Ctrl-C flag is the one piece of global state: a
 * signal handler has no other way to reach the interpreter. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "cli.h"
#include "interp.h"
#include "repl.h"
#include "test_run.h"

static volatile sig_atomic_t interrupted;
static volatile sig_atomic_t second_ends;   /* 0 in the REPL: its session matters */

static void on_sigint(int sig)
{
    (void)sig;
    if (interrupted && second_ends) {   /* a second Ctrl-C while the first is pending */
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    interrupted = 1;
}

static int terminal_width(void)
{
    const char *cols = getenv("COLUMNS");
    if (cols && atoi(cols) > 20)
        return atoi(cols);
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    return 80;
}

typedef struct Job {
    FxCli cli;
    int   status;
} Job;

static void *run_job(void *arg)
{
    Job *job = arg;
    job->status = fx_cli_run(&job->cli, &interrupted);
    return NULL;
}

int fx_main(int argc, char **argv, void (*open_libs)(FxInterp *I))
{
    Job job = {0};
    if (argc > 1 && !strcmp(argv[1], "test")) {
        signal(SIGINT, on_sigint);
        second_ends = 1;
        return fx_test_main(argc - 1, argv + 1, &interrupted);
    }
    int st = fx_cli_parse(&job.cli, argc, argv);
    if (st >= 0)
        return st;
    job.cli.opt.open_libs = open_libs;
    /* CI=true: a log even on a pseudo-terminal, so no progress line, no
     * colour and plain ASCII charts. */
    const char *ci = getenv("CI");
    int in_ci = ci && ci[0] && strcmp(ci, "0") && strcmp(ci, "false");
    job.cli.opt.tty = isatty(STDOUT_FILENO) && !in_ci;
    job.cli.opt.width = job.cli.width ? job.cli.width : terminal_width();
    const char *nc = getenv("NO_COLOR");
    if (job.cli.color < 0)
        job.cli.color = job.cli.opt.tty && isatty(STDERR_FILENO) && !(nc && nc[0]);
    job.cli.opt.color = job.cli.color;
    second_ends = job.cli.mode != FX_MODE_REPL;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    /* A file size limit (ulimit -f) then fails the write with EFBIG, which
     * is reported where the script writes, instead of killing fx. */
    signal(SIGXFSZ, SIG_IGN);

    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, (size_t)256 << 20);
    if (pthread_create(&th, &attr, run_job, &job) != 0) {
        run_job(&job);            /* no thread: run on the main stack */
    } else {
        pthread_join(th, NULL);
    }
    pthread_attr_destroy(&attr);
    return job.status;
}
