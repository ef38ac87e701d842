/* Interned strings: one copy of every identifier and field name, so names
 * compare by pointer in environments and records. Owned by the
 * interpreter; freed with it. */
#include <stdlib.h>
#include <string.h>
#include "interp.h"
#include "mem.h"

static size_t str_hash(const char *s, size_t len)
{
    size_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void grow(FxIntern *t)
{
    size_t cap = t->cap ? t->cap * 2 : 256;
    char **slots = fx_xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slots[i])
            continue;
        size_t s = str_hash(t->slots[i], strlen(t->slots[i])) & (cap - 1);
        while (slots[s])
            s = (s + 1) & (cap - 1);
        slots[s] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

const char *fx_intern(FxIntern *t, const char *s, size_t len)
{
    if ((t->n + 1) * 2 > t->cap)
        grow(t);
    size_t i = str_hash(s, len) & (t->cap - 1);
    for (; t->slots[i]; i = (i + 1) & (t->cap - 1))
        if (strncmp(t->slots[i], s, len) == 0 && t->slots[i][len] == '\0')
            return t->slots[i];
    t->slots[i] = fx_xstrndup(s, len);
    t->n++;
    return t->slots[i];
}

const char *fx_intern_cstr(FxIntern *t, const char *s)
{
    return fx_intern(t, s, strlen(s));
}

void fx_intern_free(FxIntern *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i]);
    free(t->slots);
    memset(t, 0, sizeof *t);
}
