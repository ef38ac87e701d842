/* The value heap: constructors, reference counting with an iterative
 * release (a list nested 100,000 deep must not overflow the C stack), the
 * end-of-run sweep that frees cycles, and the list, record and environment
 * operations. Knows nothing of the runtime. */
#include <stdlib.h>
#include <string.h>
#include "mem.h"
#include "value.h"

static FxObj *obj_new(FxHeap *h, FxObjKind kind, size_t size)
{
    FxObj *o = fx_xcalloc(1, size);
    o->kind = kind;
    o->refs = 1;
    o->heap = h;
    o->next = h->all;
    if (h->all)
        h->all->prev = o;
    h->all = o;
    h->live++;
    return o;
}

static void obj_unlink(FxObj *o)
{
    FxHeap *h = o->heap;
    if (o->prev)
        o->prev->next = o->next;
    else
        h->all = o->next;
    if (o->next)
        o->next->prev = o->prev;
    h->live--;
}

FxValue fx_str_new(FxHeap *h, const char *s, size_t len)
{
    FxStr *str = (FxStr *)obj_new(h, FX_O_STR, sizeof *str + len + 1);
    if (len)
        memcpy(str->s, s, len);
    str->s[len] = '\0';
    str->len = len;
    h->bytes += len;
    return (FxValue){FX_STR, {.o = &str->h}};
}

FxValue fx_str_cstr(FxHeap *h, const char *s)
{
    return fx_str_new(h, s, strlen(s));
}

FxValue fx_list_new(FxHeap *h, size_t cap)
{
    FxList *l = (FxList *)obj_new(h, FX_O_LIST, sizeof *l);
    if (cap) {
        l->items = fx_xmalloc(cap * sizeof *l->items);
        l->cap = cap;
        h->bytes += cap * sizeof *l->items;
    }
    return (FxValue){FX_LIST, {.o = &l->h}};
}

FxValue fx_record_new(FxHeap *h)
{
    FxRecord *r = (FxRecord *)obj_new(h, FX_O_RECORD, sizeof *r);
    return (FxValue){FX_RECORD, {.o = &r->h}};
}

FxValue fx_foreign_new(FxHeap *h, const FxForeignType *t, void *data)
{
    FxForeign *f = (FxForeign *)obj_new(h, FX_O_FOREIGN, sizeof *f);
    f->type = t;
    f->data = data;
    return (FxValue){FX_FOREIGN, {.o = &f->h}};
}

FxEnv *fx_env_new(FxHeap *h, FxEnv *parent)
{
    FxEnv *e = (FxEnv *)obj_new(h, FX_O_ENV, sizeof *e);
    e->parent = parent;
    fx_env_ref(parent);
    return e;
}

FxValue fx_func_new(FxHeap *h, const FxNode *decl, FxEnv *env, const FxSource *src,
                    const char *name)
{
    FxFunc *f = (FxFunc *)obj_new(h, FX_O_FUNC, sizeof *f);
    f->decl = decl;
    f->env = env;
    fx_env_ref(env);
    f->src = src;
    f->name = name;
    return (FxValue){FX_FUNC, {.o = &f->h}};
}

/* ---- release ------------------------------------------------------------ */

typedef struct Pending {
    FxObj **items;
    size_t  n, cap;
} Pending;

static void pend(Pending *p, FxObj *o)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->items = fx_xrealloc(p->items, p->cap * sizeof *p->items);
    }
    p->items[p->n++] = o;
}

static void drop_value(Pending *p, FxValue v)
{
    if (v.type >= FX_STR && v.type != FX_BUILTIN && --v.as.o->refs == 0)
        pend(p, v.as.o);
}

static void drop_env(Pending *p, FxEnv *e)
{
    if (e && --e->h.refs == 0)
        pend(p, &e->h);
}

/* Frees o's own memory; with `p`, drops its references to other objects
 * (queued when they reach zero), without it (the final sweep) only frees. */
static void obj_destroy(FxObj *o, Pending *p)
{
    switch (o->kind) {
    case FX_O_STR:
        o->heap->bytes -= ((FxStr *)o)->len;
        break;
    case FX_O_LIST: {
        FxList *l = (FxList *)o;
        o->heap->bytes -= l->cap * sizeof *l->items;
        for (size_t i = 0; p && i < l->n; i++)
            drop_value(p, l->items[i]);
        free(l->items);
        break;
    }
    case FX_O_RECORD: {
        FxRecord *r = (FxRecord *)o;
        for (int i = 0; p && i < r->n; i++)
            drop_value(p, r->vals[i]);
        free(r->keys);
        free(r->vals);
        break;
    }
    case FX_O_ENV: {
        FxEnv *e = (FxEnv *)o;
        for (int i = 0; p && i < e->n; i++)
            drop_value(p, e->vals[i]);
        if (p)
            drop_env(p, e->parent);
        free(e->names);
        free(e->vals);
        free(e->index);
        break;
    }
    case FX_O_FUNC:
        if (p)
            drop_env(p, ((FxFunc *)o)->env);
        break;
    case FX_O_FOREIGN: {
        FxForeign *f = (FxForeign *)o;
        if (p && f->type->release)
            f->type->release(f->data);
        if (f->type->free)
            f->type->free(f->data);
        break;
    }
    }
    obj_unlink(o);
    free(o);
}

void fx_obj_release(FxObj *o)
{
    Pending p = {0};
    pend(&p, o);
    while (p.n > 0)
        obj_destroy(p.items[--p.n], &p);
    free(p.items);
}

void fx_heap_free_all(FxHeap *h)
{
    while (h->all)
        obj_destroy(h->all, NULL);
}

/* ---- lists and records -------------------------------------------------- */

void fx_list_push_value(FxValue list, FxValue v)
{
    FxList *l = fx_as_list(list);
    if (l->n == l->cap) {
        size_t grow = l->cap ? l->cap : 8;
        l->h.heap->bytes += grow * sizeof *l->items;
        l->cap += grow;
        l->items = fx_xrealloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->n++] = v;
}

FxValue *fx_record_get(FxValue rec, const char *key)
{
    FxRecord *r = fx_as_record(rec);
    for (int i = 0; i < r->n; i++)
        if (r->keys[i] == key)
            return &r->vals[i];
    return NULL;
}

void fx_record_set(FxValue rec, const char *key, FxValue v)
{
    FxValue *slot = fx_record_get(rec, key);
    if (slot) {
        fx_unref(*slot);
        *slot = v;
        return;
    }
    FxRecord *r = fx_as_record(rec);
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 8;
        r->keys = fx_xrealloc(r->keys, (size_t)r->cap * sizeof *r->keys);
        r->vals = fx_xrealloc(r->vals, (size_t)r->cap * sizeof *r->vals);
    }
    r->keys[r->n] = key;
    r->vals[r->n++] = v;
}

/* ---- environments -------------------------------------------------------- */

/* Small environments are searched linearly; past this many names an
 * open-addressing index keyed by the interned pointer takes over. */
#define FX_ENV_LINEAR 12

static size_t ptr_hash(const char *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

static void env_reindex(FxEnv *e)
{
    int cap = e->index_cap ? e->index_cap * 2 : 64;
    while (cap < e->n * 2)
        cap *= 2;
    free(e->index);
    e->index = fx_xmalloc((size_t)cap * sizeof *e->index);
    for (int i = 0; i < cap; i++)
        e->index[i] = -1;
    e->index_cap = cap;
    for (int i = 0; i < e->n; i++) {
        size_t s = ptr_hash(e->names[i]) & (size_t)(cap - 1);
        while (e->index[s] >= 0)
            s = (s + 1) & (size_t)(cap - 1);
        e->index[s] = i;
    }
}

FxValue *fx_env_find_here(FxEnv *e, const char *name)
{
    if (e->index) {
        size_t mask = (size_t)e->index_cap - 1, s = ptr_hash(name) & mask;
        for (; e->index[s] >= 0; s = (s + 1) & mask)
            if (e->names[e->index[s]] == name)
                return &e->vals[e->index[s]];
        return NULL;
    }
    for (int i = e->n - 1; i >= 0; i--)
        if (e->names[i] == name)
            return &e->vals[i];
    return NULL;
}

FxValue *fx_env_find(FxEnv *e, const char *name)
{
    for (; e; e = e->parent) {
        FxValue *v = fx_env_find_here(e, name);
        if (v)
            return v;
    }
    return NULL;
}

void fx_env_define(FxEnv *e, const char *name, FxValue v)
{
    FxValue *slot = fx_env_find_here(e, name);
    if (slot) {
        fx_unref(*slot);
        *slot = v;
        return;
    }
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 4;
        e->names = fx_xrealloc(e->names, (size_t)e->cap * sizeof *e->names);
        e->vals = fx_xrealloc(e->vals, (size_t)e->cap * sizeof *e->vals);
    }
    e->names[e->n] = name;
    e->vals[e->n++] = v;
    if (e->n > FX_ENV_LINEAR && (!e->index || e->n * 2 > e->index_cap))
        env_reindex(e);
    else if (e->index) {
        size_t mask = (size_t)e->index_cap - 1, s = ptr_hash(name) & mask;
        while (e->index[s] >= 0)
            s = (s + 1) & mask;
        e->index[s] = e->n - 1;
    }
}
