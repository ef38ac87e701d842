/* `model NAME { layers }` and `summary`: the layer table (each layer is
 * written like a call: dense(64, l2: 0.01), relu, conv2d(16, 3, pad: 1)),
 * model values (layer specs plus, after training, weights), building the
 * runtime model for a data shape with shape errors pointed at the layer
 * that does not fit, and the Keras-like summary. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "data/data.h"
#include "experiment.h"

/* ---- layer values ------------------------------------------------------------ */

static void layer_describe(const void *data, FxBuf *out)
{
    char buf[96];
    const FxLayer *l = data;
    fx_buf_printf(out, "<layer %s>", rt_layer_name(&l->spec, buf, sizeof buf));
}

const FxForeignType fx_layer_type = {
    .name = "layer", .phrase = "a layer", .free = free, .describe = layer_describe,
};

static int make_layer(FxCall *c, RtLayerSpec spec, int activation, FxValue *out)
{
    FxLayer *l = fx_xcalloc(1, sizeof *l);
    l->spec = spec;
    l->activation = activation;
    *out = fx_foreign_new(&c->I->heap, &fx_layer_type, l);
    return 0;
}

static int positive(FxCall *c, int i, long long *out)
{
    if (fx_arg_int(c, i, out))
        return -1;
    if (*out < 1 || *out > (1LL << 30))
        return fx_error(c->I, fx_arg_span(c, i), "%s() needs a whole number >= 1, got %lld",
                        c->name, *out);
    return 0;
}

static int init_arg(FxCall *c, int i, int std_i, RtInit *out)
{
    static const struct { const char *name; RtInitKind kind; } kinds[] = {
        {"torch", RT_INIT_TORCH}, {"default", RT_INIT_TORCH},
        {"glorot_uniform", RT_INIT_GLOROT_UNIFORM}, {"xavier_uniform", RT_INIT_GLOROT_UNIFORM},
        {"glorot_normal", RT_INIT_GLOROT_NORMAL}, {"xavier_normal", RT_INIT_GLOROT_NORMAL},
        {"he_normal", RT_INIT_HE_NORMAL}, {"kaiming_normal", RT_INIT_HE_NORMAL},
        {"he_uniform", RT_INIT_HE_UNIFORM}, {"kaiming_uniform", RT_INIT_HE_UNIFORM},
        {"zeros", RT_INIT_ZEROS}, {"normal", RT_INIT_NORMAL},
    };
    out->kind = RT_INIT_DEFAULT;
    out->std = 1;
    if (i >= c->n || !c->given[i])
        return 0;
    FxStr *s;
    if (fx_arg_str(c, i, &s))
        return -1;
    const char *names[16];
    int n = (int)(sizeof kinds / sizeof *kinds);
    for (int k = 0; k < n; k++) {
        names[k] = kinds[k].name;
        if (strcmp(s->s, kinds[k].name) == 0) {
            out->kind = kinds[k].kind;
            return std_i >= 0 ? fx_arg_opt_num(c, std_i, 1, &out->std) : 0;
        }
    }
    fx_error(c->I, fx_arg_span(c, i), "unknown initialisation \"%s\"", s->s);
    const char *sug = fx_diag_suggest(s->s, names, n);
    if (sug)
        fx_error_hint(c->I, "did you mean \"%s\"?", sug);
    else
        fx_error_hint(c->I, "use torch, glorot_uniform, glorot_normal, he_normal, he_uniform, "
                            "zeros or normal");
    return -1;
}

/* `activation:` → the kind of the layer to add after (+1), 0 for none. */
static int activation_arg(FxCall *c, int i, int *out)
{
    *out = 0;
    if (i >= c->n || !c->given[i] || c->args[i].type == FX_NONE)
        return 0;
    FxStr *s;
    if (fx_arg_str(c, i, &s))
        return -1;
    static const struct { const char *name; RtLayerKind kind; } acts[] = {
        {"relu", RT_LAYER_RELU}, {"sigmoid", RT_LAYER_SIGMOID}, {"tanh", RT_LAYER_TANH},
        {"softmax", RT_LAYER_SOFTMAX}, {"leaky_relu", RT_LAYER_LEAKY_RELU},
    };
    if (strcmp(s->s, "linear") == 0)
        return 0;
    for (size_t k = 0; k < sizeof acts / sizeof *acts; k++)
        if (strcmp(s->s, acts[k].name) == 0) {
            *out = (int)acts[k].kind + 1;
            return 0;
        }
    return fx_error(c->I, fx_arg_span(c, i), "unknown activation \"%s\" (use relu, sigmoid, "
                    "tanh, softmax, leaky_relu or linear)", s->s);
}

static int weights_args(FxCall *c, RtLayerSpec *s, int l2_i, int init_i, int bias_i, int in_i)
{
    int bias;
    long long inputs;
    if (fx_arg_opt_num(c, l2_i, 0, &s->l2) || init_arg(c, init_i, init_i + 1, &s->init) ||
        fx_arg_bool(c, bias_i, 1, &bias) || fx_arg_opt_int(c, in_i, 0, &inputs))
        return -1;
    if (s->l2 < 0)
        return fx_error(c->I, fx_arg_span(c, l2_i), "l2 must be >= 0");
    s->no_bias = !bias;
    s->inputs = inputs;
    return 0;
}

/* dense(units, l2:, init:, init_std:, bias:, inputs:, activation:) */
static int l_dense(FxCall *c, FxValue *out)
{
    long long units;
    int act;
    if (positive(c, 0, &units))
        return -1;
    RtLayerSpec s = rt_layer_dense(units);
    if (weights_args(c, &s, 1, 2, 4, 5) || activation_arg(c, 6, &act))
        return -1;
    return make_layer(c, s, act, out);
}

/* conv2d(filters, kernel, stride:, pad:, l2:, init:, init_std:, bias:, inputs:, activation:) */
static int l_conv2d(FxCall *c, FxValue *out)
{
    long long f, k, stride, pad;
    int act;
    if (positive(c, 0, &f) || positive(c, 1, &k) || fx_arg_opt_int(c, 2, 1, &stride) ||
        fx_arg_opt_int(c, 3, 0, &pad))
        return -1;
    if (stride < 1 || pad < 0 || pad > 1000 || stride > 1000)
        return fx_error(c->I, c->node->span, "conv2d() needs stride >= 1 and pad >= 0");
    RtLayerSpec s = rt_layer_conv2d(f, (int)k, (int)stride, (int)pad);
    if (weights_args(c, &s, 4, 5, 7, 8) || activation_arg(c, 9, &act))
        return -1;
    return make_layer(c, s, act, out);
}

static int pool(FxCall *c, FxValue *out, int max)
{
    long long k, stride, pad;
    if (positive(c, 0, &k) || fx_arg_opt_int(c, 1, 0, &stride) || fx_arg_opt_int(c, 2, 0, &pad))
        return -1;
    if (stride < 0 || pad < 0 || stride > 1000 || pad > 1000)
        return fx_error(c->I, c->node->span, "%s() needs stride >= 1 and pad >= 0", c->name);
    RtLayerSpec s = max ? rt_layer_maxpool2d((int)k, (int)stride, (int)pad)
                        : rt_layer_avgpool2d((int)k, (int)stride, (int)pad);
    return make_layer(c, s, 0, out);
}

static int l_maxpool(FxCall *c, FxValue *out) { return pool(c, out, 1); }
static int l_avgpool(FxCall *c, FxValue *out) { return pool(c, out, 0); }
static int l_flatten(FxCall *c, FxValue *out) { return make_layer(c, rt_layer_flatten(), 0, out); }
/* reshape([C, H, W]): the sizes (one may be -1), checked against the
 * input when the model is built. */
static int l_reshape(FxCall *c, FxValue *out)
{
    RtShape s;
    if (fx_data_target_shape(c, 0, &s))
        return -1;
    return make_layer(c, rt_layer_reshape(&s), 0, out);
}

static int l_relu(FxCall *c, FxValue *out) { return make_layer(c, rt_layer_relu(), 0, out); }
static int l_sigmoid(FxCall *c, FxValue *out) { return make_layer(c, rt_layer_sigmoid(), 0, out); }
static int l_tanh(FxCall *c, FxValue *out) { return make_layer(c, rt_layer_tanh(), 0, out); }
static int l_softmax(FxCall *c, FxValue *out) { return make_layer(c, rt_layer_softmax(), 0, out); }

static int l_dropout(FxCall *c, FxValue *out)
{
    double p;
    if (fx_arg_num(c, 0, &p))
        return -1;
    if (!(p >= 0 && p < 1))
        return fx_error(c->I, fx_arg_span(c, 0), "dropout rate must be in [0, 1), got %g", p);
    return make_layer(c, rt_layer_dropout(p), 0, out);
}

static int l_leaky_relu(FxCall *c, FxValue *out)
{
    double slope;
    if (fx_arg_opt_num(c, 0, 0.01, &slope))
        return -1;
    return make_layer(c, rt_layer_leaky_relu(slope), 0, out);
}

static int l_batchnorm(FxCall *c, FxValue *out)
{
    RtLayerSpec s = rt_layer_batchnorm();
    if (fx_arg_opt_num(c, 0, s.momentum, &s.momentum) || fx_arg_opt_num(c, 1, s.eps, &s.eps))
        return -1;
    if (!(s.momentum >= 0 && s.momentum <= 1) || !(s.eps > 0))
        return fx_error(c->I, c->node->span, "batchnorm() needs momentum in [0, 1] and eps > 0");
    return make_layer(c, s, 0, out);
}

static int l_polyfeat(FxCall *c, FxValue *out)
{
    long long d;
    int bias;
    if (positive(c, 0, &d) || fx_arg_bool(c, 1, 0, &bias))
        return -1;
    if (d > 30)
        return fx_error(c->I, fx_arg_span(c, 0), "polyfeat() degree must be at most 30");
    return make_layer(c, rt_layer_polyfeat((int)d, bias), 0, out);
}

static const FxBuiltin layers[] = {
    {"dense", "units, l2=, init=, init_std=, bias=, inputs=, activation=", l_dense,
     "fully connected layer: units outputs (PyTorch's nn.Linear)"},
    {"conv2d", "filters, kernel, stride=, pad=, l2=, init=, init_std=, bias=, inputs=, activation=",
     l_conv2d, "2-d convolution over [C, H, W] inputs (PyTorch's nn.Conv2d)"},
    {"maxpool", "kernel, stride=, pad=", l_maxpool, "2-d max pooling (stride defaults to kernel)"},
    {"maxpool2d", "kernel, stride=, pad=", l_maxpool, "the same as maxpool"},
    {"avgpool", "kernel, stride=, pad=", l_avgpool, "2-d average pooling"},
    {"avgpool2d", "kernel, stride=, pad=", l_avgpool, "the same as avgpool"},
    {"flatten", "", l_flatten, "[C, H, W] to [C*H*W]"},
    {"reshape", "shape", l_reshape,
     "the same numbers in another shape, row-major: [64] to [1, 8, 8] (PyTorch's nn.Unflatten)"},
    {"dropout", "rate", l_dropout, "inverted dropout: zeroes a fraction `rate` while training"},
    {"batchnorm", "momentum=, eps=", l_batchnorm, "batch normalisation (1-d or 2-d by input)"},
    {"relu", "", l_relu, "max(x, 0)"},
    {"leaky_relu", "slope=", l_leaky_relu, "x, or slope * x below 0 (slope 0.01)"},
    {"sigmoid", "", l_sigmoid, "1 / (1 + exp(-x))"},
    {"tanh", "", l_tanh, "hyperbolic tangent"},
    {"softmax", "", l_softmax, "softmax over the last axis"},
    {"polyfeat", "degree, bias=", l_polyfeat, "[x, x^2, ..., x^degree] of one input column"},
};

const FxBuiltin *fx_layer_table(int *n)
{
    *n = (int)(sizeof layers / sizeof *layers);
    return layers;
}

/* ---- model values ---------------------------------------------------------------- */

void fx_model_free(FxModel *m)
{
    if (!m)
        return;
    rt_model_free(m->weights);
    free(m->layers);
    free(m->spans);
    free(m);
}

static void model_free(void *data) { fx_model_free(data); }

static void model_describe(const void *data, FxBuf *out)
{
    const FxModel *m = data;
    char buf[96];
    fx_buf_printf(out, "model %s:", m->name);
    for (int i = 0; i < m->n; i++)
        fx_buf_printf(out, " %s", rt_layer_name(&m->layers[i], buf, sizeof buf));
    if (m->weights)
        fx_buf_printf(out, " (trained, %lld parameters)",
                      (long long)rt_model_param_count(m->weights));
}

static int model_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    FxModel *m = data;
    char buf[96];
    if (strcmp(name, "name") == 0) {
        *out = fx_str_cstr(&I->heap, m->name);
    } else if (strcmp(name, "layers") == 0) {
        *out = fx_list_new(&I->heap, (size_t)m->n);
        for (int i = 0; i < m->n; i++)
            fx_list_push_value(*out, fx_str_cstr(&I->heap, rt_layer_name(&m->layers[i], buf,
                                                                          sizeof buf)));
    } else if (strcmp(name, "params") == 0) {
        *out = m->weights ? fx_num((double)rt_model_param_count(m->weights)) : fx_none();
    } else if (strcmp(name, "trained") == 0) {
        *out = fx_bool(m->weights != NULL);
    } else {
        return 1;
    }
    return 0;
}

static const char *const model_fields[] = {"name", "layers", "params", "trained", NULL};

static long long model_length(const void *data) { return ((const FxModel *)data)->n; }

const FxForeignType fx_model_type = {
    .name = "model", .phrase = "a model", .free = model_free, .describe = model_describe,
    .field = model_field, .fields = model_fields, .length = model_length,
};

FxModel *fx_value_model(FxValue v)
{
    if (v.type == FX_FOREIGN && fx_as_foreign(v)->type == &fx_model_type)
        return fx_as_foreign(v)->data;
    return NULL;
}

FxModel *fx_model_copy(const FxModel *m)
{
    FxModel *c = fx_xcalloc(1, sizeof *c);
    *c = *m;
    c->weights = NULL;
    c->layers = fx_xmalloc(((size_t)m->n + 1) * sizeof *c->layers);
    c->spans = fx_xmalloc(((size_t)m->n + 1) * sizeof *c->spans);
    memcpy(c->layers, m->layers, (size_t)m->n * sizeof *c->layers);
    memcpy(c->spans, m->spans, (size_t)m->n * sizeof *c->spans);
    return c;
}

FxValue fx_model_value(FxInterp *I, FxModel *m)
{
    return fx_foreign_new(&I->heap, &fx_model_type, m);
}

static void push_layer(FxModel *m, int *cap, const RtLayerSpec *s, FxSpan span)
{
    if (m->n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        m->layers = fx_xrealloc(m->layers, (size_t)*cap * sizeof *m->layers);
        m->spans = fx_xrealloc(m->spans, (size_t)*cap * sizeof *m->spans);
    }
    m->layers[m->n] = *s;
    m->spans[m->n++] = span;
}

static const FxBuiltin *layer_named(const char *name)
{
    for (size_t i = 0; i < sizeof layers / sizeof *layers; i++)
        if (strcmp(layers[i].name, name) == 0)
            return &layers[i];
    return NULL;
}

/* One item of a model block: a layer, or another model's layers. */
static int add_item(FxInterp *I, FxModel *m, int *cap, const FxNode *l, FxEnv *env)
{
    const FxBuiltin *b = layer_named(l->name);
    if (!b) {
        FxValue *v = fx_env_find(env, l->name);
        FxModel *inner = v ? fx_value_model(*v) : NULL;
        if (!inner)
            return fx_error(I, l->name_span, "'%s' is not a layer or a model", l->name);
        for (int i = 0; i < inner->n; i++)
            push_layer(m, cap, &inner->layers[i], l->span);
        return 0;
    }
    FxValue v;
    if (fx_builtin_call_node(I, b, l, env, &v))
        return -1;
    FxLayer *layer = fx_as_foreign(v)->data;
    push_layer(m, cap, &layer->spec, l->span);
    if (layer->activation) {
        RtLayerKind k = (RtLayerKind)(layer->activation - 1);
        RtLayerSpec a = k == RT_LAYER_LEAKY_RELU ? rt_layer_leaky_relu(0.01)
                      : k == RT_LAYER_SIGMOID ? rt_layer_sigmoid()
                      : k == RT_LAYER_TANH ? rt_layer_tanh()
                      : k == RT_LAYER_SOFTMAX ? rt_layer_softmax() : rt_layer_relu();
        push_layer(m, cap, &a, l->span);
    }
    fx_unref(v);
    return 0;
}

/* A shape from a list of whole numbers or a dataset's sample shape. */
int fx_shape_arg(FxInterp *I, FxValue v, FxSpan at, RtShape *out)
{
    FxDataset *d = fx_value_dataset(v);
    if (d) {
        *out = d->shape;
        return 0;
    }
    size_t n = 0;
    double *x = fx_list_numbers(I, v, at, "an input shape", &n);
    if (!x)
        return -1;
    int64_t dims[RT_MAX_DIMS];
    int ok = n >= 1 && n <= RT_MAX_DIMS;
    for (size_t i = 0; ok && i < n; i++) {
        ok = x[i] >= 1 && x[i] == floor(x[i]) && x[i] < 1e9;
        dims[i] = (int64_t)x[i];
    }
    free(x);
    if (!ok)
        return fx_error(I, at, "an input shape is a list of 1 to %d whole numbers >= 1, "
                        "such as [3, 32, 32]", RT_MAX_DIMS);
    *out = rt_shape((int)n, dims);
    return 0;
}

static int model_options(FxInterp *I, FxModel *m, const FxNode *opts, FxEnv *env)
{
    for (int i = 0; opts && i < opts->items.count; i++) {
        const FxNode *k = opts->items.items[i];
        if (k->kind != FX_N_KWARG)
            return fx_error_at(I, k, "model options are written name: value (init:, input:)");
        FxValue v;
        if (fx_eval(I, k->a, env, &v))
            return -1;
        int rc = 0;
        if (strcmp(k->name, "input") == 0) {
            rc = fx_shape_arg(I, v, k->a->span, &m->input);
        } else if (v.type != FX_STR) {
            rc = fx_error_at(I, k->a, "init: needs a name such as \"glorot_uniform\"");
        } else {
            FxBuiltin fake = {"model", "init", NULL, NULL};
            const FxNode *where = k->a;
            unsigned char given = 1;
            FxCall c = {.I = I, .node = opts, .name = "model", .bi = &fake, .n = 1, .args = &v,
                        .at = &where, .given = &given};
            rc = init_arg(&c, 0, -1, &m->init);
        }
        fx_unref(v);
        if (rc)
            return -1;
    }
    return 0;
}

int fx_exec_model(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxModel *m = fx_xcalloc(1, sizeof *m);
    snprintf(m->name, sizeof m->name, "%s", n->name);
    m->src = I->src;
    m->init.kind = RT_INIT_TORCH;
    m->init.std = 1;
    int cap = 0;
    int rc = model_options(I, m, n->b, env);
    for (int i = 0; rc == 0 && i < n->items.count; i++)
        rc = add_item(I, m, &cap, n->items.items[i], env);
    if (rc == 0 && m->n == 0)
        rc = fx_error(I, n->name_span, "model %s has no layers", n->name);
    if (rc) {
        fx_model_free(m);
        return -1;
    }
    fx_env_define(env, n->name, fx_model_value(I, m));
    return 0;
}

/* ---- building ----------------------------------------------------------------------- */

/* Raises the runtime's shape error at layer k of m, in the model's source,
 * with a frame for `at` (the statement that asked for the build). */
static void layer_error(FxInterp *I, const FxModel *m, int k, FxSpan at, const RtError *e)
{
    const FxSource *saved = I->src;
    if (I->nframes == I->capframes) {
        I->capframes = I->capframes ? I->capframes * 2 : 32;
        I->frames = fx_xrealloc(I->frames, (size_t)I->capframes * sizeof *I->frames);
    }
    I->frames[I->nframes++] = (FxFrame){saved, at};
    I->src = m->src;
    fx_error(I, m->spans[k], "%s", e->msg);
    I->src = saved;
    I->nframes--;
    const RtLayerSpec *l = &m->layers[k];
    if (l->inputs > 0 && (l->kind == RT_LAYER_DENSE || l->kind == RT_LAYER_CONV2D ||
                          l->kind == RT_LAYER_BATCHNORM))
        fx_error_hint(I, "leave out inputs: and the size is taken from the layer before");
    else if (l->kind == RT_LAYER_DENSE && e->code == RT_ERR_SHAPE)
        fx_error_hint(I, "put flatten before dense(%lld)", (long long)l->units);
}

RtModel *fx_model_build(FxInterp *I, const FxModel *m, const RtShape *input, int64_t max_batch,
                        FxSpan at)
{
    RtError e = fx_std_rt_err(I);
    RtModel *rm = rt_model_new(m->layers, m->n, input, max_batch, m->init, &e);
    if (rm)
        return rm;
    if (e.code != RT_ERR_SHAPE && e.code != RT_ERR_ARG) {
        fx_rt_error(I, at, &e);
        return NULL;
    }
    /* Which layer: the shortest prefix that fails. */
    for (int k = 1; k <= m->n; k++) {
        RtError ek = fx_std_rt_err(I);
        RtModel *p = rt_model_new(m->layers, k, input, 1, m->init, &ek);
        if (!p) {
            layer_error(I, m, k - 1, at, &ek);
            return NULL;
        }
        rt_model_free(p);
    }
    fx_rt_error(I, at, &e);
    return NULL;
}

/* ---- summary ------------------------------------------------------------------------ */

void fx_model_summary_text(const FxModel *m, RtModel *rm, FxBuf *out)
{
    char shape[RT_SHAPE_STR_SIZE], num[32];
    RtShape in = rt_model_input_shape(rm);
    fx_buf_printf(out, "model %s, input %s\n", m->name, rt_shape_str(&in, shape, sizeof shape));
    size_t w = 5;
    for (int i = 0; i < rt_model_layers(rm); i++) {
        size_t l = strlen(rt_model_layer_name(rm, i));
        w = l > w ? l : w;
    }
    fx_buf_printf(out, "  #  %-*s  %-16s %10s\n", (int)w, "layer", "output shape", "params");
    for (int i = 0; i < rt_model_layers(rm); i++) {
        RtShape s = rt_model_layer_shape(rm, i);
        snprintf(num, sizeof num, "%lld", (long long)rt_model_layer_params(rm, i));
        fx_buf_printf(out, "%3d  %-*s  %-16s %10s\n", i, (int)w, rt_model_layer_name(rm, i),
                      rt_shape_str(&s, shape, sizeof shape), num);
    }
    int64_t bufs = 0;
    rt_model_buffers(rm, &bufs);
    fx_buf_printf(out, "total: %lld trainable parameters", (long long)rt_model_param_count(rm));
    if (bufs)
        fx_buf_printf(out, ", %lld non-trainable (batchnorm statistics)", (long long)bufs);
    fx_buf_puts(out, "\n");
}

static void print_summary(FxInterp *I, const FxModel *m, RtModel *rm)
{
    FxBuf b;
    fx_buf_init(&b);
    fx_model_summary_text(m, rm, &b);
    fwrite(b.s, 1, b.len, I->out);
    fx_buf_free(&b);
}

int fx_exec_summary(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxValue v, inv;
    int given;
    const FxNode *what = n->items.count ? n->items.items[0] : NULL;
    if (!what || what->kind == FX_N_KWARG)
        return fx_error_at(I, n, "summary needs a model: summary cnn, input: [3, 32, 32]");
    if (fx_eval(I, what, env, &v))
        return -1;
    FxRun *run = fx_value_run(v);
    FxModel *m = run ? fx_value_model(run->model) : fx_value_model(v);
    int rc = -1;
    if (!m) {
        fx_error_at(I, what, "summary needs a model or a run, got %s", fx_type_phrase(v));
    } else if (!fx_eval_option(I, n, "input", env, &inv, &given)) {
        RtShape in = m->input;
        if (given)
            rc = fx_shape_arg(I, inv, fx_option(n, "input")->a->span, &in);
        else if (m->weights)
            in = rt_model_input_shape(m->weights), rc = 0;
        else if (in.ndim == 0)
            rc = fx_error_at(I, what, "summary needs the input shape of model %s", m->name),
            fx_error_hint(I, "write: summary %s, input: [3, 32, 32] (or a dataset)", m->name);
        else
            rc = 0;
        RtModel *rm = rc ? NULL : fx_model_build(I, m, &in, 1, what->span);
        if (rm) {
            print_summary(I, m, rm);
            rt_model_free(rm);
        } else {
            rc = -1;
        }
        fx_unref(inv);
    }
    fx_unref(v);
    return rc;
}
