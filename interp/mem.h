/* Allocation for the interpreter's own small objects. Running out of memory
 * for those leaves nothing sensible to do, so these print
 * "fx: out of memory" and exit with status 1 instead of returning NULL.
 * Large buffers (tensors, datasets) go through the runtime, which returns
 * an error value instead. */
#ifndef FX_MEM_H
#define FX_MEM_H

#include <stddef.h>

void *fx_xmalloc(size_t n);
void *fx_xcalloc(size_t n, size_t size);
void *fx_xrealloc(void *p, size_t n);
char *fx_xstrdup(const char *s);
char *fx_xstrndup(const char *s, size_t n);
_Noreturn void fx_oom(void);

#endif
