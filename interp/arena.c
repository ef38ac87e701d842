/* The arena every AST node of one parse lives in: bump allocation from
 * blocks, freed all at once by fx_arena_free. Knows nothing else. */
#include <stdlib.h>
#include <string.h>
#include "ast.h"

struct FxArenaBlock {
    FxArenaBlock *next;
    size_t        used, cap;
    max_align_t   data[];
};

#define FX_ARENA_BLOCK (32 * 1024)

void *fx_arena_alloc(FxArena *a, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    FxArenaBlock *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > FX_ARENA_BLOCK ? size : FX_ARENA_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *fx_arena_strndup(FxArena *a, const char *s, size_t n)
{
    char *d = fx_arena_alloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

void fx_arena_free(FxArena *a)
{
    FxArenaBlock *b = a->head;
    while (b) {
        FxArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
