/* A sweep point's result as bytes, for points run in child processes
 * (exp_sweep_jobs.c): none, booleans, numbers (their exact bits),
 * strings, lists, records and runs (the history, status and the trained
 * model's layers, weights and batchnorm counts). The child encodes after its point and the
 * parent decodes into its own heap; both are the same program image
 * after fork, so a model's source pointer stays valid. Other values
 * (functions, data sets, sweeps) are refused with a message naming them.
 * Knows nothing of processes or pipes. */
#include <stdlib.h>
#include <string.h>
#include "experiment.h"
#include "exp_wire.h"

enum { W_NONE, W_BOOL, W_NUM, W_STR, W_LIST, W_RECORD, W_RUN };

static void put(FxBuf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = fx_xrealloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void put_i64(FxBuf *b, int64_t v) { put(b, &v, sizeof v); }

static void put_str(FxBuf *b, const char *s, size_t n)
{
    put_i64(b, (int64_t)n);
    put(b, s, n);
}

/* A curve of n doubles, or -1 for none. */
static void put_curve(FxBuf *b, const double *x, int64_t n)
{
    put_i64(b, x ? n : -1);
    if (x)
        put(b, x, (size_t)n * sizeof *x);
}

static int put_run(FxBuf *b, const FxRun *r, char *why, size_t whylen)
{
    const RtHistory *h = &r->h;
    put(b, h, sizeof *h);               /* scalars; the pointers are rewritten */
    put_curve(b, h->loss, h->epochs);
    put_curve(b, h->accuracy, h->epochs);
    put_curve(b, h->val_loss, h->epochs);
    put_curve(b, h->val_accuracy, h->epochs);
    put_curve(b, h->lr, h->epochs);
    put_curve(b, h->batch_loss, h->steps);
    put_curve(b, h->batch_accuracy, h->steps);
    put_curve(b, h->step_loss, h->steps);
    put_curve(b, h->batch_lr, h->steps);
    int64_t nl = h->epochs * h->layer.layers;
    put_curve(b, h->layer.grad_norm, nl);
    put_curve(b, h->layer.step, nl);
    put_curve(b, h->layer.dead, nl);
    put_curve(b, h->layer.saturated, nl);
    int32_t flags[7] = {(int32_t)r->loss, r->classify, r->has_val, r->pruned, r->classes,
                        r->diagnosed, r->threads};
    put(b, flags, sizeof flags);
    put(b, r->label, sizeof r->label);
    put(b, r->status, sizeof r->status);
    put(b, &r->val_only_loss, sizeof r->val_only_loss);
    FxModel *m = fx_value_model(r->model);
    if (!m) {
        snprintf(why, whylen, "a run without its model");
        return -1;
    }
    put(b, m, sizeof *m);
    put(b, m->layers, (size_t)m->n * sizeof *m->layers);
    put(b, m->spans, (size_t)m->n * sizeof *m->spans);
    int64_t np = 0, nb = 0;
    const float *p = m->weights ? rt_model_params(m->weights, &np) : NULL;
    const float *q = m->weights ? rt_model_buffers(m->weights, &nb) : NULL;
    put_i64(b, m->weights ? rt_model_max_batch(m->weights) : -1);
    put_i64(b, np);
    put(b, p, (size_t)np * sizeof *p);
    put_i64(b, nb);
    put(b, q, (size_t)nb * sizeof *q);
    for (int i = 0; m->weights && i < rt_model_layers(m->weights); i++)
        put_i64(b, rt_model_batches_tracked(m->weights, i));
    return 0;
}

int fx_wire_put(FxBuf *b, FxValue v, char *why, size_t whylen)
{
    uint8_t tag;
    switch (v.type) {
    case FX_NONE:
        tag = W_NONE;
        put(b, &tag, 1);
        return 0;
    case FX_BOOL:
        tag = W_BOOL;
        put(b, &tag, 1);
        put_i64(b, v.as.b);
        return 0;
    case FX_NUM:
        tag = W_NUM;
        put(b, &tag, 1);
        put(b, &v.as.n, sizeof v.as.n);
        return 0;
    case FX_STR:
        tag = W_STR;
        put(b, &tag, 1);
        put_str(b, fx_as_str(v)->s, fx_as_str(v)->len);
        return 0;
    case FX_LIST: {
        const FxList *l = fx_as_list(v);
        tag = W_LIST;
        put(b, &tag, 1);
        put_i64(b, (int64_t)l->n);
        for (size_t i = 0; i < l->n; i++)
            if (fx_wire_put(b, l->items[i], why, whylen))
                return -1;
        return 0;
    }
    case FX_RECORD: {
        const FxRecord *r = fx_as_record(v);
        tag = W_RECORD;
        put(b, &tag, 1);
        put_i64(b, r->n);
        for (int i = 0; i < r->n; i++) {
            put_str(b, r->keys[i], strlen(r->keys[i]));
            if (fx_wire_put(b, r->vals[i], why, whylen))
                return -1;
        }
        return 0;
    }
    default:
        break;
    }
    const FxRun *run = fx_value_run(v);
    if (run) {
        tag = W_RUN;
        put(b, &tag, 1);
        return put_run(b, run, why, whylen);
    }
    snprintf(why, whylen, "%s", fx_type_phrase(v));
    return -1;
}

/* ---- decoding -------------------------------------------------------------- */

typedef struct Reader {
    const char *p, *end;
    FxInterp   *I;
} Reader;

static int get(Reader *r, void *dst, size_t n)
{
    if ((size_t)(r->end - r->p) < n)
        return -1;
    if (n)
        memcpy(dst, r->p, n);
    r->p += n;
    return 0;
}

static int get_i64(Reader *r, int64_t *v) { return get(r, v, sizeof *v); }

static int get_curve(Reader *r, double **x)
{
    int64_t n;
    *x = NULL;
    if (get_i64(r, &n) || n < -1 || n > (r->end - r->p) / (int64_t)sizeof(double))
        return -1;
    if (n < 0)
        return 0;
    RtError e = fx_std_rt_err(r->I);
    *x = rt_alloc(n ? n : 1, sizeof **x, "a curve", &e);
    return *x ? get(r, *x, (size_t)n * sizeof **x) : -1;
}

/* A per-layer array of the history: absent, or epochs x layers values. */
static int get_layer_curve(Reader *r, const RtHistory *h, double **x)
{
    const char *at = r->p;
    int64_t n;
    if (get_i64(r, &n))
        return -1;
    r->p = at;
    if (n >= 0 && (h->layer.layers < 0 || n != h->epochs * h->layer.layers)) {
        *x = NULL;
        return -1;
    }
    return get_curve(r, x);
}

static int get_model(Reader *r, FxValue *out)
{
    FxModel head;
    if (get(r, &head, sizeof head) || head.n < 0 || head.n > 100000)
        return -1;
    FxModel *m = fx_xcalloc(1, sizeof *m);
    *m = head;
    m->weights = NULL;
    m->layers = fx_xcalloc((size_t)m->n + 1, sizeof *m->layers);
    m->spans = fx_xcalloc((size_t)m->n + 1, sizeof *m->spans);
    *out = fx_model_value(r->I, m);
    int64_t max_batch, np, nb;
    if (get(r, m->layers, (size_t)m->n * sizeof *m->layers) ||
        get(r, m->spans, (size_t)m->n * sizeof *m->spans) || get_i64(r, &max_batch) ||
        get_i64(r, &np) || np < 0 || np > (r->end - r->p) / (int64_t)sizeof(float))
        return -1;
    if (max_batch < 1)
        return np == 0 && get_i64(r, &nb) == 0 && nb == 0 ? 0 : -1;
    RtError e = fx_std_rt_err(r->I);
    m->weights = rt_model_new(m->layers, m->n, &m->input, max_batch, m->init, &e);
    if (!m->weights)
        return -1;
    int64_t have_p, have_b;
    float *p = rt_model_params(m->weights, &have_p);
    if (have_p != np || get(r, p, (size_t)np * sizeof *p) || get_i64(r, &nb))
        return -1;
    float *q = rt_model_buffers(m->weights, &have_b);
    if (have_b != nb || get(r, q, (size_t)nb * sizeof *q))
        return -1;
    for (int i = 0; i < rt_model_layers(m->weights); i++) {
        int64_t k;
        if (get_i64(r, &k))
            return -1;
        rt_model_set_batches_tracked(m->weights, i, k);
    }
    return 0;
}

static int get_run(Reader *r, FxValue *out)
{
    FxRun *run = fx_xcalloc(1, sizeof *run);
    run->model = fx_none();
    *out = fx_foreign_new(&r->I->heap, &fx_run_type, run);
    RtHistory *h = &run->h;
    if (get(r, h, sizeof *h))
        return -1;
    h->loss = h->accuracy = h->val_loss = h->val_accuracy = h->lr = NULL;
    h->batch_loss = h->batch_accuracy = h->step_loss = h->batch_lr = NULL;
    RtLayerStats *ls = &h->layer;
    ls->grad_norm = ls->step = ls->dead = ls->saturated = NULL;
    int32_t flags[7];
    if (get_curve(r, &h->loss) || get_curve(r, &h->accuracy) || get_curve(r, &h->val_loss) ||
        get_curve(r, &h->val_accuracy) || get_curve(r, &h->lr) ||
        get_curve(r, &h->batch_loss) || get_curve(r, &h->batch_accuracy) ||
        get_curve(r, &h->step_loss) || get_curve(r, &h->batch_lr) ||
        get_layer_curve(r, h, &ls->grad_norm) || get_layer_curve(r, h, &ls->step) ||
        get_layer_curve(r, h, &ls->dead) || get_layer_curve(r, h, &ls->saturated) ||
        get(r, flags, sizeof flags) || get(r, run->label, sizeof run->label) ||
        get(r, run->status, sizeof run->status) ||
        get(r, &run->val_only_loss, sizeof run->val_only_loss))
        return -1;
    run->label[sizeof run->label - 1] = 0;
    run->status[sizeof run->status - 1] = 0;
    run->loss = (RtLossKind)flags[0];
    run->classify = flags[1];
    run->has_val = flags[2];
    run->pruned = flags[3];
    run->classes = flags[4];
    run->diagnosed = flags[5];
    run->threads = flags[6];
    return get_model(r, &run->model);
}

static int get_value(Reader *r, FxValue *out, int depth)
{
    uint8_t tag;
    int64_t n;
    *out = fx_none();
    if (depth > 200 || get(r, &tag, 1))
        return -1;
    switch (tag) {
    case W_NONE:
        return 0;
    case W_BOOL:
        if (get_i64(r, &n))
            return -1;
        *out = fx_bool((int)n);
        return 0;
    case W_NUM: {
        double x;
        if (get(r, &x, sizeof x))
            return -1;
        *out = fx_num(x);
        return 0;
    }
    case W_STR:
        if (get_i64(r, &n) || n < 0 || n > r->end - r->p)
            return -1;
        *out = fx_str_new(&r->I->heap, r->p, (size_t)n);
        r->p += n;
        return 0;
    case W_LIST:
        if (get_i64(r, &n) || n < 0 || n > r->end - r->p)
            return -1;
        *out = fx_list_new(&r->I->heap, (size_t)n);
        for (int64_t i = 0; i < n; i++) {
            FxValue x;
            int rc = get_value(r, &x, depth + 1);
            fx_list_push_value(*out, x);
            if (rc)
                return -1;
        }
        return 0;
    case W_RECORD:
        if (get_i64(r, &n) || n < 0 || n > r->end - r->p)
            return -1;
        *out = fx_record_new(&r->I->heap);
        for (int64_t i = 0; i < n; i++) {
            int64_t len;
            if (get_i64(r, &len) || len < 0 || len > r->end - r->p)
                return -1;
            char *key = fx_xmalloc((size_t)len + 1);
            memcpy(key, r->p, (size_t)len);
            key[len] = 0;
            r->p += len;
            const char *k = fx_intern_cstr(&r->I->intern, key);
            free(key);
            FxValue x;
            int rc = get_value(r, &x, depth + 1);
            fx_record_set(*out, k, x);
            if (rc)
                return -1;
        }
        return 0;
    case W_RUN:
        return get_run(r, out);
    default:
        return -1;
    }
}

int fx_wire_get(FxInterp *I, const char *p, size_t n, FxValue *out)
{
    Reader r = {.p = p, .end = p + n, .I = I};
    int rc = get_value(&r, out, 0);
    if (rc == 0 && r.p != r.end)
        rc = -1;
    if (rc) {
        fx_unref(*out);
        *out = fx_none();
    }
    return rc;
}
