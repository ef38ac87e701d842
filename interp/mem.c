/* Allocation that exits cleanly with a message when memory runs out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mem.h"

_Noreturn void fx_oom(void)
{
    fputs("fx: out of memory\n", stderr);
    exit(1);
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
