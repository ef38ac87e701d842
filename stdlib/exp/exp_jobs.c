/* Work items run side by side in child processes: at most `jobs` at a
 * time, each forked from the caller (so it starts from the caller's whole
 * state), its answer sent back through a pipe as bytes and handed to the
 * caller as each child ends, in the order they end. A child that dies
 * without an answer (killed, crashed) is reported with its wait status.
 * Used by sweeps with jobs: (exp_sweep.c). Knows nothing of fx values. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "exp_jobs.h"

typedef struct Slot {
    pid_t     pid;
    int       fd;
    long long k;
    FxBuf     got;
} Slot;

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
    }
}

static int start(const FxJobs *J, Slot *s, long long k)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);                 /* nothing buffered is written twice */
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        FxBuf out = {0};
        J->child(J->ctx, k, &out);
        write_all(fds[1], out.s ? out.s : "", out.len);
        close(fds[1]);
        _exit(0);                 /* no atexit handlers: the parent owns them */
    }
    close(fds[1]);
    s->pid = pid;
    s->fd = fds[0];
    s->k = k;
    memset(&s->got, 0, sizeof s->got);
    return 0;
}

/* Reads what is there; 1 at end of file. */
static int drain(Slot *s)
{
    char chunk[65536];
    ssize_t r = read(s->fd, chunk, sizeof chunk);
    if (r < 0)
        return errno == EINTR || errno == EAGAIN ? 0 : 1;
    if (r == 0)
        return 1;
    if (s->got.len + (size_t)r + 1 > s->got.cap) {
        size_t cap = s->got.cap ? s->got.cap : 65536;
        while (cap < s->got.len + (size_t)r + 1)
            cap *= 2;
        s->got.s = fx_xrealloc(s->got.s, cap);
        s->got.cap = cap;
    }
    memcpy(s->got.s + s->got.len, chunk, (size_t)r);
    s->got.len += (size_t)r;
    s->got.s[s->got.len] = 0;
    return 0;
}

static void finish(const FxJobs *J, Slot *s)
{
    int status = 0;
    close(s->fd);
    while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
        ;
    int clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    J->done(J->ctx, s->k, s->got.s ? s->got.s : "", s->got.len, clean ? 0 : status);
    free(s->got.s);
    s->pid = 0;
}

int fx_jobs_run(const FxJobs *J, long long count, int jobs)
{
    if (jobs < 1)
        jobs = 1;
    Slot *slots = fx_xcalloc((size_t)jobs, sizeof *slots);
    struct pollfd *pfd = fx_xcalloc((size_t)jobs, sizeof *pfd);
    long long next = 0;
    int running = 0, rc = 0;
    for (;;) {
        while (running < jobs && next < count && !(J->stop && J->stop(J->ctx))) {
            int free_slot = 0;
            while (slots[free_slot].pid)
                free_slot++;
            if (start(J, &slots[free_slot], next) != 0) {
                rc = -1;
                break;
            }
            next++;
            running++;
        }
        if (running == 0)
            break;
        int np = 0;
        for (int i = 0; i < jobs; i++)
            if (slots[i].pid) {
                pfd[np].fd = slots[i].fd;
                pfd[np].events = POLLIN;
                pfd[np].revents = 0;
                np++;
            }
        if (poll(pfd, (nfds_t)np, -1) < 0) {
            if (errno == EINTR)
                continue;        /* Ctrl-C: the children see it too */
            rc = -1;
            break;
        }
        for (int i = 0; i < jobs; i++) {
            if (!slots[i].pid)
                continue;
            int ready = 0;
            for (int q = 0; q < np; q++)
                if (pfd[q].fd == slots[i].fd && pfd[q].revents)
                    ready = 1;
            if (ready && drain(&slots[i])) {
                finish(J, &slots[i]);
                running--;
            }
        }
        if (rc)
            break;
    }
    /* After a failure to start or poll: wait for the ones still running. */
    for (int i = 0; i < jobs; i++)
        if (slots[i].pid) {
            while (!drain(&slots[i]))
                ;
            finish(J, &slots[i]);
        }
    free(slots);
    free(pfd);
    return rc;
}

int fx_jobs_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n < 256 ? n : 256) : 1;
}
