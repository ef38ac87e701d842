/* Running fx test's scripts side by side: each in its own process group
 * (`fx --report FILE SCRIPT`, started in the script's folder, standard
 * input /dev/null, standard output and error captured through pipes), at
 * most --jobs at once, the largest files first (the longest scripts, so
 * the suite's wall clock is not one long script started last). A script
 * past --timeout is killed with its whole group (a sweep's points too).
 * Verdicts are handed on in the scripts' order, whatever order they end
 * in, so the output does not depend on --jobs. With --fail-fast the first
 * failure or error stops the rest: running scripts are killed, and they and
 * those not started are "not run". */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "mem.h"
#include "test_run.h"

double fx_check_now(void);

/* The child's side: never returns. */
static void exec_script(const FxTestScript *t, const FxTestOpts *o, int out, int err)
{
    setpgid(0, 0);
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0)
        dup2(null, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    const char *slash = strrchr(t->path, '/');
    char *dir = slash ? fx_xstrndup(t->path, (size_t)(slash - t->path) + 1) : NULL;
    if (dir && chdir(dir) != 0) {
        fprintf(stderr, "fx test: cannot enter '%s': %s\n", dir, strerror(errno));
        _exit(2);
    }
    char threads[16];
    snprintf(threads, sizeof threads, "%d", o->threads);
    const char *argv[12];
    int n = 0;
    argv[n++] = o->self;
    argv[n++] = "--report";
    argv[n++] = t->report;
    if (o->threads > 0) {
        argv[n++] = "--threads";
        argv[n++] = threads;
    }
    if (o->update)
        argv[n++] = "--update-baselines";
    if (o->fail_fast)
        argv[n++] = "--fail-fast";
    argv[n++] = "--";
    argv[n++] = slash ? slash + 1 : t->path;
    argv[n] = NULL;
    execv(o->self, (char **)argv);
    fprintf(stderr, "fx test: cannot run '%s': %s\n", o->self, strerror(errno));
    _exit(2);
}

static int start(FxTestScript *t, const FxTestOpts *o, int k)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%d.report", o->tmpdir, k);
    t->report = fx_xstrdup(path);
    int po[2], pe[2];
    if (pipe(po) != 0)
        return -1;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        return -1;
    }
    fflush(NULL);
    t->start = fx_check_now();
    pid_t pid = fork();
    if (pid < 0) {
        close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
        return -1;
    }
    if (pid == 0) {
        close(po[0]);
        close(pe[0]);
        exec_script(t, o, po[1], pe[1]);
    }
    setpgid(pid, pid);      /* both sides, whichever runs first */
    close(po[1]);
    close(pe[1]);
    t->pid = pid;
    t->fd[0] = po[0];
    t->fd[1] = pe[0];
    return 0;
}

static void drain(FxTestScript *t, int which)
{
    char buf[8192];
    ssize_t got = read(t->fd[which], buf, sizeof buf);
    if (got > 0) {
        fx_test_text_put(which ? &t->err : &t->out, buf, (size_t)got);
    } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        close(t->fd[which]);
        t->fd[which] = -1;
    }
}

static void reap(FxTestScript *t, const FxTestOpts *o)
{
    int ws;
    while (waitpid(t->pid, &ws, 0) < 0 && errno == EINTR)
        ;
    kill(-t->pid, SIGKILL);   /* anything of its group left behind */
    t->time = fx_check_now() - t->start;
    if (WIFEXITED(ws))
        t->status = WEXITSTATUS(ws);
    else if (WIFSIGNALED(ws) && !t->timed_out)
        t->signal = WTERMSIG(ws);
    t->pid = 0;
    fx_test_read_report(t, o);
    remove(t->report);
    t->done = 1;
}

typedef struct Runner {
    FxTestSuite      *S;
    const FxTestOpts *o;
    int              *order;     /* start order: largest first */
    int               next;      /* in order */
    int               shown;     /* scripts handed on, in the suite's order */
    int               started, finished, stop;
} Runner;

typedef struct SizeAt {
    long size;
    int  at;
} SizeAt;

static int by_size(const void *a, const void *b)
{
    const SizeAt *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return x->at - y->at;
}

static int running(const Runner *R)
{
    int n = 0;
    for (int i = 0; i < R->S->n; i++)
        n += R->S->s[i].pid > 0;
    return n;
}

/* Starts scripts while there is room; unselected ones are decided here. */
static void fill(Runner *R)
{
    while (!R->stop && R->next < R->S->n && running(R) < R->o->jobs) {
        int k = R->order[R->next++];
        FxTestScript *t = &R->S->s[k];
        if (t->verdict == FX_TEST_DESELECTED) {
            t->done = 1;
            continue;
        }
        if (start(t, R->o, k) != 0) {
            t->error = fx_xstrdup("fx test: cannot start a process");
            t->verdict = FX_TEST_ERROR;
            t->done = 1;
        }
        R->started++;
    }
}

static void hand_on(Runner *R, void (*finished)(FxTestScript *, void *), void *ctx)
{
    while (R->shown < R->S->n && R->S->s[R->shown].done)
        finished(&R->S->s[R->shown++], ctx);
}

static void stop_all(Runner *R)
{
    R->stop = 1;
    for (int i = 0; i < R->S->n; i++) {
        FxTestScript *t = &R->S->s[i];
        if (t->pid > 0) {
            kill(-t->pid, SIGKILL);
            t->verdict = FX_TEST_NOT_RUN;
        }
        if (!t->done && t->pid <= 0) {
            t->verdict = FX_TEST_NOT_RUN;
            t->done = 1;
        }
    }
}

/* One round of waiting: output, time outs, ends. */
static void step(Runner *R)
{
    struct pollfd pf[512];
    FxTestScript *who[512];
    int which[512], n = 0;
    double now = fx_check_now(), wait = 0.25;
    for (int i = 0; i < R->S->n && n < 510; i++) {
        FxTestScript *t = &R->S->s[i];
        if (t->pid <= 0)
            continue;
        if (R->o->timeout > 0 && !t->timed_out) {
            double left = t->start + R->o->timeout - now;
            if (left <= 0) {
                t->timed_out = 1;
                kill(-t->pid, SIGKILL);
            } else if (left < wait) {
                wait = left;
            }
        }
        for (int w = 0; w < 2; w++)
            if (t->fd[w] >= 0) {
                pf[n] = (struct pollfd){t->fd[w], POLLIN, 0};
                who[n] = t;
                which[n++] = w;
            }
    }
    if (n && poll(pf, (nfds_t)n, (int)(wait * 1000) + 1) > 0)
        for (int i = 0; i < n; i++)
            if (pf[i].revents)
                drain(who[i], which[i]);
    for (int i = 0; i < R->S->n; i++) {
        FxTestScript *t = &R->S->s[i];
        if (t->pid > 0 && t->fd[0] < 0 && t->fd[1] < 0) {
            int was_stopped = t->verdict == FX_TEST_NOT_RUN;
            reap(t, R->o);
            if (was_stopped)
                t->verdict = FX_TEST_NOT_RUN;
            R->finished++;
            if (R->o->fail_fast && !R->stop &&
                (t->verdict == FX_TEST_FAIL || t->verdict == FX_TEST_ERROR))
                stop_all(R);
        }
    }
}

void fx_test_run_all(FxTestSuite *S, const FxTestOpts *o,
                     void (*finished)(FxTestScript *t, void *ctx), void *ctx)
{
    Runner R = {S, o, fx_xmalloc((size_t)(S->n ? S->n : 1) * sizeof(int)), 0, 0, 0, 0, 0};
    SizeAt *sz = fx_xmalloc((size_t)(S->n ? S->n : 1) * sizeof *sz);
    for (int i = 0; i < S->n; i++)
        sz[i] = (SizeAt){S->s[i].size, i};
    qsort(sz, (size_t)S->n, sizeof *sz, by_size);
    for (int i = 0; i < S->n; i++)
        R.order[i] = sz[i].at;
    free(sz);
    for (;;) {
        if (o->interrupted && *o->interrupted && !R.stop)
            stop_all(&R);
        fill(&R);
        hand_on(&R, finished, ctx);
        if (R.shown == S->n)
            break;
        fx_test_progress(S, o, R.started, R.finished);
        step(&R);
    }
    free(R.order);
}
