/* Allocation that exits cleanly with a message when memory runs out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mem.h"

/* Flushes what was printed, then _exit: no atexit handlers run on the way
 * down from a failed allocation. A sweep's child process (exp_jobs.c)
 * must not run its parent's handlers, and a sanitizer's leak report of
 * everything the interrupted functions still held would say nothing. */
_Noreturn void fx_oom(void)
{
    fflush(stdout);
    fputs("fx: out of memory\n", stderr);
    fflush(stderr);
    _exit(1);
}

void *fx_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        fx_oom();
    return p;
}

void *fx_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        fx_oom();
    return p;
}

void *fx_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        fx_oom();
    return q;
}

char *fx_xstrndup(const char *s, size_t n)
{
    char *d = fx_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *fx_xstrdup(const char *s)
{
    return fx_xstrndup(s, strlen(s));
}
