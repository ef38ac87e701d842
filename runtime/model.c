/* Sequential models: building one from layer specs and a per-sample input
 * shape (every size fixed there: params, grads, buffers and work are one
 * allocation each with typed views per layer), structure queries for
 * summaries, named tensors for weight files, initialisation, copies and
 * clones. Running a model is in model_run.c. Knows nothing of the fx
 * language. */
#include <stdio.h>
#include <string.h>
#include "rt_internal.h"

#define ALIGN_FLOATS 16   /* work views start on 64-byte boundaries */

static int64_t align_up(int64_t n)
{
    return (n + ALIGN_FLOATS - 1) / ALIGN_FLOATS * ALIGN_FLOATS;
}

/* *total += n, refusing overflow. */
static int add_size(int64_t *total, int64_t n)
{
    return !__builtin_add_overflow(*total, n, total);
}

static int setup_layers(RtModel *m, const RtLayerSpec *specs, RtError *err)
{
    RtShape in = m->input;
    for (int i = 0; i < m->nlayers; i++) {
        RtLayer *L = &m->layers[i];
        L->spec = specs[i];
        const char *from = i ? m->layers[i - 1].name : "input";
        if (rt_layer_setup(L, &in, from, m->max_batch, err) < 0)
            return -1;
        L->init = L->spec.init.kind != RT_INIT_DEFAULT ? L->spec.init
                                                       : m->default_init;
        in = L->out;
    }
    return 0;
}

/* Sizes of the four allocations, with overflow checks. */
static int measure(RtModel *m, RtError *err)
{
    int ok = 1;
    m->nparams = m->nbuffers = m->nwork = 0;
    for (int i = 0; i < m->nlayers; i++) {
        const RtLayer *L = &m->layers[i];
        int64_t act = align_up(m->max_batch * L->out_n);
        ok &= add_size(&m->nparams, L->nw) && add_size(&m->nparams, L->nb);
        ok &= add_size(&m->nbuffers, L->nbuf);
        ok &= add_size(&m->nwork, act) && add_size(&m->nwork, act);
        ok &= add_size(&m->nwork, align_up(L->nscratch));
    }
    if (!ok)
        rt_error_set(err, RT_ERR_NOMEM, "model sizes overflow for a batch of "
                     "%lld", (long long)m->max_batch);
    return ok ? 0 : -1;
}

static void set_views(RtModel *m)
{
    int64_t p = 0, b = 0, w = 0;
    for (int i = 0; i < m->nlayers; i++) {
        RtLayer *L = &m->layers[i];
        int64_t act = align_up(m->max_batch * L->out_n);
        L->w = L->nw ? m->params + p : NULL;
        L->dw = L->nw ? m->grads + p : NULL;
        p += L->nw;
        L->b = L->nb ? m->params + p : NULL;
        L->db = L->nb ? m->grads + p : NULL;
        p += L->nb;
        L->buf = L->nbuf ? m->buffers + b : NULL;
        b += L->nbuf;
        L->act = m->work + w;
        L->dact = m->work + w + act;
        w += 2 * act;
        L->scratch = L->nscratch ? m->work + w : NULL;
        L->scratch2 = L->spec.kind == RT_LAYER_CONV2D
            ? L->scratch + rt_conv2d_cols_size(&L->conv, m->max_batch) : NULL;
        w += align_up(L->nscratch);
    }
}

static void add_tensor(RtModel *m, int layer, const char *what, RtShape shape,
                       float *data, int trainable)
{
    RtNamedTensor *t = &m->tensors[m->ntensors++];
    snprintf(t->name, sizeof t->name, "layers.%d.%s", layer, what);
    t->shape = shape;
    t->data = data;
    t->count = rt_shape_numel(&shape);
    t->layer = layer;
    t->trainable = trainable;
}

/* Params in layout order, then buffers, with PyTorch's shapes. */
static int name_tensors(RtModel *m, RtError *err)
{
    m->tensors = rt_alloc(4 * (int64_t)m->nlayers, sizeof *m->tensors,
                          "tensor names", err);
    if (!m->tensors)
        return -1;
    for (int i = 0; i < m->nlayers; i++) {
        RtLayer *L = &m->layers[i];
        RtShape ws = rt_shape1(L->nw);
        if (L->spec.kind == RT_LAYER_DENSE)
            ws = rt_shape2(L->out_n, L->in_n);
        else if (L->spec.kind == RT_LAYER_CONV2D)
            ws = rt_shape4(L->conv.f, L->conv.c, L->conv.k, L->conv.k);
        if (L->nw)
            add_tensor(m, i, "weight", ws, L->w, 1);
        if (L->nb)
            add_tensor(m, i, "bias", rt_shape1(L->nb), L->b, 1);
    }
    for (int i = 0; i < m->nlayers; i++) {
        RtLayer *L = &m->layers[i];
        if (!L->nbuf)
            continue;
        add_tensor(m, i, "running_mean", rt_shape1(L->nbuf / 2), L->buf, 0);
        add_tensor(m, i, "running_var", rt_shape1(L->nbuf / 2),
                   L->buf + L->nbuf / 2, 0);
    }
    return 0;
}

static void reset_batchnorm(RtLayer *L)
{
    for (int64_t c = 0; c < L->nw; c++) {
        L->w[c] = 1.0f;
        L->b[c] = 0.0f;
        L->buf[c] = 0.0f;
        L->buf[L->nw + c] = 1.0f;
    }
    L->batches = 0;
}

static void copy_batches(RtModel *dst, const RtModel *src)
{
    for (int i = 0; i < dst->nlayers; i++)
        dst->layers[i].batches = src->layers[i].batches;
}

/* The four slabs together against the budget, before any is allocated:
 * each alone may fit where all of them do not. */
static int check_slabs(const RtModel *m, RtError *err)
{
    int64_t lim = INT64_MAX / 4 / (int64_t)sizeof(float);
    if (m->nparams > lim || m->nbuffers > lim || m->nwork > lim) {
        rt_error_set(err, RT_ERR_NOMEM, "the model's size overflows");
        return -1;
    }
    int64_t bytes = (2 * m->nparams + m->nbuffers + m->nwork) * (int64_t)sizeof(float);
    return rt_budget_check(bytes, "the model (parameters, gradients and activations)", err);
}

static int check_args(const RtLayerSpec *layers, int nlayers,
                      const RtShape *input, int64_t max_batch, RtInit init,
                      RtError *err)
{
    char sb[RT_SHAPE_STR_SIZE];
    if (!layers || nlayers < 1 || !input) {
        rt_error_set(err, RT_ERR_ARG, "a model needs at least one layer and "
                     "an input shape");
        return -1;
    }
    if (input->ndim < 1 || input->ndim > RT_MAX_DIMS ||
        rt_shape_numel(input) < 1) {
        rt_error_set(err, RT_ERR_SHAPE, "model input shape %s is not a "
                     "non-empty shape", rt_shape_str(input, sb, sizeof sb));
        return -1;
    }
    if (max_batch < 1) {
        rt_error_set(err, RT_ERR_ARG, "max batch must be at least 1, got %lld",
                     (long long)max_batch);
        return -1;
    }
    if ((unsigned)init.kind > RT_INIT_NORMAL ||
        (init.kind == RT_INIT_NORMAL && !(init.std >= 0))) {
        rt_error_set(err, RT_ERR_ARG, "bad default init (kind %d, std %g)",
                     (int)init.kind, init.std);
        return -1;
    }
    return 0;
}

RtModel *rt_model_new(const RtLayerSpec *layers, int nlayers,
                      const RtShape *input, int64_t max_batch,
                      RtInit default_init, RtError *err)
{
    if (check_args(layers, nlayers, input, max_batch, default_init, err) < 0)
        return NULL;
    RtModel *m = rt_alloc(1, sizeof *m, "model", err);
    if (!m)
        return NULL;
    m->nlayers = nlayers;
    m->input = *input;
    m->in_n = rt_shape_numel(input);
    m->max_batch = max_batch;
    m->default_init = default_init;
    if (m->default_init.kind == RT_INIT_DEFAULT)
        m->default_init.kind = RT_INIT_TORCH;
    m->loss_from = -1;
    m->layers = rt_alloc(nlayers, sizeof *m->layers, "model layers", err);
    if (!m->layers || setup_layers(m, layers, err) < 0 || measure(m, err) < 0 ||
        check_slabs(m, err) < 0)
        goto fail;
    m->params = rt_alloc(m->nparams, sizeof(float), "model parameters", err);
    m->grads = m->params ? rt_alloc(m->nparams, sizeof(float),
                                    "model gradients", err) : NULL;
    m->buffers = m->grads ? rt_alloc(m->nbuffers, sizeof(float),
                                     "model buffers", err) : NULL;
    m->work = m->buffers ? rt_alloc(m->nwork, sizeof(float),
                                    "model activations", err) : NULL;
    if (!m->work)
        goto fail;
    set_views(m);
    if (name_tensors(m, err) < 0)
        goto fail;
    for (int i = 0; i < nlayers; i++)
        if (m->layers[i].spec.kind == RT_LAYER_BATCHNORM)
            reset_batchnorm(&m->layers[i]);
    return m;
fail:
    rt_model_free(m);
    return NULL;
}

void rt_model_free(RtModel *m)
{
    if (!m)
        return;
    rt_free(m->tensors);
    rt_free(m->work);
    rt_free(m->buffers);
    rt_free(m->grads);
    rt_free(m->params);
    rt_free(m->layers);
    rt_free(m);
}

RtModel *rt_model_clone(const RtModel *src, int64_t max_batch, RtError *err)
{
    RtLayerSpec *specs = rt_alloc(src->nlayers, sizeof *specs, "layer specs",
                                  err);
    if (!specs)
        return NULL;
    for (int i = 0; i < src->nlayers; i++)
        specs[i] = src->layers[i].spec;
    RtModel *m = rt_model_new(specs, src->nlayers, &src->input, max_batch,
                              src->default_init, err);
    rt_free(specs);
    if (!m)
        return NULL;
    memcpy(m->params, src->params, (size_t)src->nparams * sizeof(float));
    memcpy(m->buffers, src->buffers, (size_t)src->nbuffers * sizeof(float));
    copy_batches(m, src);
    m->th = src->th;
    m->dropout_seed = src->dropout_seed;
    return m;
}

int rt_model_copy_weights(RtModel *dst, const RtModel *src, RtError *err)
{
    char a[RT_SHAPE_STR_SIZE], b[RT_SHAPE_STR_SIZE];
    if (dst == src)
        return 0;
    if (dst->nlayers != src->nlayers) {
        rt_error_set(err, RT_ERR_SHAPE, "models differ: %d layers here, %d in "
                     "the source", dst->nlayers, src->nlayers);
        return -1;
    }
    for (int i = 0; i < dst->nlayers; i++)
        if (dst->layers[i].spec.kind != src->layers[i].spec.kind) {
            rt_error_set(err, RT_ERR_SHAPE, "layer %d is %s here but %s in the "
                         "source", i, dst->layers[i].name, src->layers[i].name);
            return -1;
        }
    for (int i = 0; i < dst->ntensors; i++) {
        const RtNamedTensor *t = &dst->tensors[i], *s = &src->tensors[i];
        if (!rt_shape_equal(&t->shape, &s->shape)) {
            rt_error_set(err, RT_ERR_SHAPE, "%s has shape %s here but %s in the "
                         "source", t->name, rt_shape_str(&t->shape, a, sizeof a),
                         rt_shape_str(&s->shape, b, sizeof b));
            return -1;
        }
    }
    memcpy(dst->params, src->params, (size_t)src->nparams * sizeof(float));
    memcpy(dst->buffers, src->buffers, (size_t)src->nbuffers * sizeof(float));
    copy_batches(dst, src);
    return 0;
}

void rt_model_init(RtModel *m, uint64_t seed)
{
    for (int i = 0; i < m->nlayers; i++) {
        RtLayer *L = &m->layers[i];
        if (L->spec.kind == RT_LAYER_BATCHNORM) {
            reset_batchnorm(L);
        } else if (L->nw) {
            RtRng r = rt_rng(seed, rt_stream(RT_STREAM_INIT, (uint64_t)i));
            rt_init_fill(L->init, &r, L->w, L->nw, L->b, L->nb, L->fan_in,
                         L->fan_out);
        }
    }
    m->dropout_seed = seed;
}

void rt_model_set_dropout_seed(RtModel *m, uint64_t seed)
{
    m->dropout_seed = seed;
}

void rt_model_set_threads(RtModel *m, RtThreads *th) { m->th = th; }

/* ---- queries -------------------------------------------------------------- */

int rt_model_layers(const RtModel *m) { return m->nlayers; }

static const RtLayer *layer_at(const RtModel *m, int i)
{
    return i >= 0 && i < m->nlayers ? &m->layers[i] : NULL;
}

const RtLayerSpec *rt_model_layer_spec(const RtModel *m, int i)
{
    const RtLayer *L = layer_at(m, i);
    return L ? &L->spec : NULL;
}

const char *rt_model_layer_name(const RtModel *m, int i)
{
    const RtLayer *L = layer_at(m, i);
    return L ? L->name : "";
}

RtShape rt_model_layer_shape(const RtModel *m, int i)
{
    const RtLayer *L = layer_at(m, i);
    return L ? L->out : rt_shape(0, NULL);
}

int64_t rt_model_layer_params(const RtModel *m, int i)
{
    const RtLayer *L = layer_at(m, i);
    return L ? L->nw + L->nb : 0;
}

RtShape rt_model_input_shape(const RtModel *m) { return m->input; }
RtShape rt_model_output_shape(const RtModel *m)
{
    return m->layers[m->nlayers - 1].out;
}
int64_t rt_model_max_batch(const RtModel *m) { return m->max_batch; }
int64_t rt_model_param_count(const RtModel *m) { return m->nparams; }

float *rt_model_params(RtModel *m, int64_t *count)
{
    if (count)
        *count = m->nparams;
    return m->params;
}

float *rt_model_grads(RtModel *m, int64_t *count)
{
    if (count)
        *count = m->nparams;
    return m->grads;
}

float *rt_model_buffers(RtModel *m, int64_t *count)
{
    if (count)
        *count = m->nbuffers;
    return m->buffers;
}

int64_t rt_model_batches_tracked(const RtModel *m, int layer)
{
    return layer >= 0 && layer < m->nlayers ? m->layers[layer].batches : 0;
}

void rt_model_set_batches_tracked(RtModel *m, int layer, int64_t n)
{
    if (layer >= 0 && layer < m->nlayers &&
        m->layers[layer].spec.kind == RT_LAYER_BATCHNORM)
        m->layers[layer].batches = n;
}

int rt_model_tensor_count(const RtModel *m) { return m->ntensors; }

int rt_model_tensor(RtModel *m, int i, RtNamedTensor *t)
{
    if (i < 0 || i >= m->ntensors)
        return -1;
    *t = m->tensors[i];
    return 0;
}

int rt_model_find_tensor(RtModel *m, const char *name, RtNamedTensor *t)
{
    for (int i = 0; i < m->ntensors; i++)
        if (strcmp(m->tensors[i].name, name) == 0) {
            *t = m->tensors[i];
            return 0;
        }
    return -1;
}
