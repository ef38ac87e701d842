/* What determines a sweep point, as hashes for the resumable store
 * (exp_store.c): the text of the sweep's block, and the value of every
 * name the block reads from outside it (a data set by its numbers, a
 * model by its layers and any weights, a function by its text and the
 * names it reads in turn, numbers by their bits). FNV-1a over 64 bits;
 * the hashes name what changed, they are no security. */
#include <stdio.h>
#include <string.h>
#include "experiment.h"
#include "exp_store.h"

void fx_hash_bytes(uint64_t *h, const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t x = *h ? *h : 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        x ^= s[i];
        x *= 1099511628211ULL;
    }
    *h = x;
}

static void hash_i64(uint64_t *h, int64_t v) { fx_hash_bytes(h, &v, sizeof v); }
static void hash_f64(uint64_t *h, double v) { fx_hash_bytes(h, &v, sizeof v); }
static void hash_str(uint64_t *h, const char *s)
{
    hash_i64(h, (int64_t)strlen(s));
    fx_hash_bytes(h, s, strlen(s));
}

static void hash_shape(uint64_t *h, const RtShape *s)
{
    hash_i64(h, s->ndim);
    for (int i = 0; i < s->ndim && i < RT_MAX_DIMS; i++)
        hash_i64(h, s->dim[i]);
}

/* Field by field: the struct has padding. */
static void hash_layer(uint64_t *h, const RtLayerSpec *l)
{
    int64_t ints[] = {l->kind, l->units, l->filters, l->inputs, l->kernel, l->stride,
                      l->padding, l->no_bias, l->degree, l->poly_bias, l->init.kind};
    double dbls[] = {l->rate, l->slope, l->momentum, l->eps, l->l2, l->init.std};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
        hash_i64(h, ints[i]);
    for (size_t i = 0; i < sizeof dbls / sizeof *dbls; i++)
        hash_f64(h, dbls[i]);
    hash_shape(h, &l->shape);
}

static void hash_model(uint64_t *h, const FxModel *m)
{
    hash_str(h, m->name);
    hash_i64(h, m->n);
    for (int i = 0; i < m->n; i++)
        hash_layer(h, &m->layers[i]);
    hash_i64(h, m->init.kind);
    hash_f64(h, m->init.std);
    hash_shape(h, &m->input);
    int64_t np = 0, nb = 0;
    const float *p = m->weights ? rt_model_params(m->weights, &np) : NULL;
    const float *q = m->weights ? rt_model_buffers(m->weights, &nb) : NULL;
    hash_i64(h, np);
    if (p)
        fx_hash_bytes(h, p, (size_t)np * sizeof *p);
    hash_i64(h, nb);
    if (q)
        fx_hash_bytes(h, q, (size_t)nb * sizeof *q);
    for (int i = 0; m->weights && i < rt_model_layers(m->weights); i++)
        hash_i64(h, rt_model_batches_tracked(m->weights, i));
}

static void hash_dataset(uint64_t *h, const FxDataset *d)
{
    hash_shape(h, &d->shape);
    int64_t numel = 1;
    for (int i = 0; i < d->shape.ndim; i++)
        numel *= d->shape.dim[i];
    int64_t ints[] = {d->n, d->ydim, d->classes};
    for (int i = 0; i < 3; i++)
        hash_i64(h, ints[i]);
    fx_hash_bytes(h, d->x, (size_t)(d->n * numel) * sizeof *d->x);
    fx_hash_bytes(h, d->y, (size_t)(d->n * d->ydim) * sizeof *d->y);
    if (d->x64)
        fx_hash_bytes(h, d->x64, (size_t)(d->n * numel) * sizeof *d->x64);
    if (d->y64)
        fx_hash_bytes(h, d->y64, (size_t)(d->n * d->ydim) * sizeof *d->y64);
}

typedef struct Walk {
    const void  *funcs[16];   /* functions being hashed (against cycles) */
    int          nfuncs;
} Walk;

static void hash_value(uint64_t *h, FxValue v, Walk *w, int depth);

/* Calls fn for every name the tree reads (names, and layers that may
 * name a model). */
static void names_in(const FxNode *n, void (*fn)(void *ctx, const char *name), void *ctx,
                     int depth)
{
    if (!n || depth > 400)
        return;
    if ((n->kind == FX_N_NAME || n->kind == FX_N_LAYER) && n->name)
        fn(ctx, n->name);
    names_in(n->a, fn, ctx, depth + 1);
    names_in(n->b, fn, ctx, depth + 1);
    names_in(n->c, fn, ctx, depth + 1);
    names_in(n->body, fn, ctx, depth + 1);
    for (int i = 0; i < n->items.count; i++)
        names_in(n->items.items[i], fn, ctx, depth + 1);
    for (int i = 0; i < n->params.count; i++)
        names_in(n->params.items[i], fn, ctx, depth + 1);
}

typedef struct FuncCtx {
    uint64_t *h;
    FxEnv    *env;
    Walk     *w;
    int       depth;
} FuncCtx;

static void func_name(void *ctx, const char *name)
{
    FuncCtx *c = ctx;
    FxValue *v = c->env ? fx_env_find(c->env, name) : NULL;
    hash_str(c->h, name);
    if (v && v->type != FX_BUILTIN)
        hash_value(c->h, *v, c->w, c->depth + 1);
}

/* A function: its text, and the values of the names its body reads. */
static void hash_func(uint64_t *h, const FxFunc *f, Walk *w, int depth)
{
    const FxNode *d = f->decl;
    if (f->src && d->span.off + d->span.len <= f->src->len)
        fx_hash_bytes(h, f->src->text + d->span.off, d->span.len);
    for (int i = 0; i < w->nfuncs; i++)
        if (w->funcs[i] == f)
            return;                      /* recursion: its text is enough */
    if (w->nfuncs == 16 || depth > 8)
        return;
    w->funcs[w->nfuncs++] = f;
    FuncCtx c = {h, f->env, w, depth};
    names_in(d->body, func_name, &c, 0);
    for (int i = 0; i < d->params.count; i++)
        names_in(d->params.items[i], func_name, &c, 0);
    w->nfuncs--;
}

static void hash_value(uint64_t *h, FxValue v, Walk *w, int depth)
{
    hash_i64(h, v.type);
    if (depth > 64)
        return;
    switch (v.type) {
    case FX_NONE:
        return;
    case FX_BOOL:
        hash_i64(h, v.as.b);
        return;
    case FX_NUM:
        hash_f64(h, v.as.n);
        return;
    case FX_STR:
        fx_hash_bytes(h, fx_as_str(v)->s, fx_as_str(v)->len);
        return;
    case FX_LIST:
        hash_i64(h, (int64_t)fx_as_list(v)->n);
        for (size_t i = 0; i < fx_as_list(v)->n; i++)
            hash_value(h, fx_as_list(v)->items[i], w, depth + 1);
        return;
    case FX_RECORD: {
        const FxRecord *r = fx_as_record(v);
        for (int i = 0; i < r->n; i++) {
            hash_str(h, r->keys[i]);
            hash_value(h, r->vals[i], w, depth + 1);
        }
        return;
    }
    case FX_FUNC:
        hash_func(h, fx_as_func(v), w, depth);
        return;
    case FX_BUILTIN:
        hash_str(h, v.as.bi->name);
        return;
    default:
        break;
    }
    const FxModel *m = fx_value_model(v);
    const FxDataset *d = fx_value_dataset(v);
    const FxRun *r = fx_value_run(v);
    if (m) {
        hash_model(h, m);
    } else if (d) {
        hash_dataset(h, d);
    } else if (r && fx_value_model(r->model)) {
        hash_model(h, fx_value_model(r->model));
    } else {                             /* optimizers, schedules: their text */
        FxBuf b;
        fx_buf_init(&b);
        fx_value_show(&b, v);
        hash_str(h, b.s ? b.s : "");
        fx_buf_free(&b);
    }
}

typedef struct TopCtx {
    FxEnv       *env;
    const FxNode *sweep;          /* its variables are the point's, not read */
    FxStoreNames *out;
    Walk         *w;
} TopCtx;

static void top_name(void *ctx, const char *name)
{
    TopCtx *c = ctx;
    for (int i = 0; i < c->out->n; i++)
        if (!strcmp(c->out->name[i], name))
            return;
    for (int i = 0; i < c->sweep->items.count; i++) {
        const FxNode *v = c->sweep->items.items[i];
        if (v->kind == FX_N_SWEEP_VAR && !strcmp(v->name, name))
            return;
    }
    FxValue *v = fx_env_find(c->env, name);
    if (!v || v->type == FX_BUILTIN)
        return;                          /* the block's own, or the language's */
    if (c->out->n == FX_STORE_MAX_NAMES)
        return;
    int k = c->out->n++;
    snprintf(c->out->name[k], sizeof c->out->name[k], "%s", name);
    uint64_t h = 0;
    hash_value(&h, *v, c->w, 0);
    c->out->hash[k] = h;
}

void fx_store_block_names(const FxNode *sweep, FxEnv *env, FxStoreNames *out)
{
    Walk w = {0};
    TopCtx c = {env, sweep, out, &w};
    out->n = 0;
    names_in(sweep->body, top_name, &c, 0);
}
