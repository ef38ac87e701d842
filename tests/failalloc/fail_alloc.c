/* Injected allocation failure for the failalloc build (make failalloc):
 * linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 * --wrap=aligned_alloc, so every allocation fx's own code makes comes
 * here (libc's and OpenBLAS's own do not). FX_FAIL_ALLOC=N makes the Nth
 * of them, and every later one, return NULL; FX_FAIL_ALLOC=0 fails none
 * and prints the count on stderr at exit ("fx-alloc-count N"), so a
 * driver knows how many sites a run passes. A test-only build: the
 * counter is process-global by nature (it stands in for the allocator). */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__real_aligned_alloc(size_t align, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_aligned_alloc(size_t align, size_t n);

static atomic_long calls;
static long fail_at = -1;   /* -1: not read yet */

static void print_count(void)
{
    fprintf(stderr, "fx-alloc-count %ld\n", (long)atomic_load(&calls));
}

static int fails(void)
{
    if (fail_at < 0) {
        const char *s = getenv("FX_FAIL_ALLOC");
        fail_at = s ? atol(s) : 0;
        if (fail_at == 0 && s)
            atexit(print_count);
    }
    long k = atomic_fetch_add(&calls, 1) + 1;
    return fail_at > 0 && k >= fail_at;
}

void *__wrap_malloc(size_t n) { return fails() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return fails() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return fails() ? NULL : __real_realloc(p, n); }
void *__wrap_aligned_alloc(size_t align, size_t n)
{
    return fails() ? NULL : __real_aligned_alloc(align, n);
}
