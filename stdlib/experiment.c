/* The experiment statements' entry points from the language core: the
 * evaluator hands every node kind past FX_N_KIND_CORE to
 * fx_eval_experiment / fx_exec_experiment, and the resolver to
 * fx_resolve_experiment (static checks: layer names, command options, the
 * names a sweep and a model statement declare). `seed` lives here too. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"
#include "resolve.h"

const char *const fx_summary_options[] = {"input", NULL};
const char *const fx_model_options[] = {"init", "input", NULL};

int fx_builtin_param_names(const FxBuiltin *b, const char **names, int max, char store[][24]);

int fx_eval_experiment(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    switch (n->kind) {
    case FX_N_TRAIN: return fx_eval_train(I, n, env, out);
    case FX_N_EVALUATE: return fx_eval_evaluate(I, n, env, out);
    case FX_N_PREDICT: return fx_eval_predict(I, n, env, out);
    case FX_N_MINIMIZE: return fx_eval_minimize(I, n, env, out);
    case FX_N_SWEEP: return fx_eval_sweep(I, n, env, out);
    default:
        return fx_error_at(I, n, "internal: cannot evaluate a %s", fx_node_kind_name(n->kind));
    }
}

static int exec_seed(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxValue v;
    if (fx_eval(I, n->a, env, &v))
        return -1;
    if (v.type != FX_NUM || v.as.n != floor(v.as.n) || v.as.n < 0 || v.as.n > 9007199254740992.0) {
        char num[32];
        fx_error_at(I, n->a, "seed needs a whole number from 0 to 2^53, got %s",
                    v.type == FX_NUM ? fx_num_text(v.as.n, num) : fx_type_phrase(v));
        fx_unref(v);
        return -1;
    }
    FxStd *s = fx_std(I);
    s->seed = (uint64_t)v.as.n;
    s->data_calls = 0;
    s->train_calls = 0;
    return 0;
}

static int exec_optimizer(FxInterp *I, const FxNode *n, FxEnv *env)
{
    FxValue v;
    if (fx_eval(I, n->a, env, &v))
        return -1;
    if (v.type != FX_FOREIGN || fx_as_foreign(v)->type != &fx_optimizer_type) {
        fx_error_at(I, n->a, "'optimizer %s = ...' needs an optimizer such as adam(lr: 0.001), "
                    "got %s", n->name, fx_type_phrase(v));
        fx_error_hint(I, "the optimizers are sgd, adam, adamw, rmsprop and adagrad");
        fx_unref(v);
        return -1;
    }
    fx_env_define(env, n->name, v);
    return 0;
}

int fx_exec_experiment(FxInterp *I, const FxNode *n, FxEnv *env)
{
    switch (n->kind) {
    case FX_N_SEED: return exec_seed(I, n, env);
    case FX_N_MODEL: return fx_exec_model(I, n, env);
    case FX_N_OPTIMIZER: return exec_optimizer(I, n, env);
    case FX_N_SUMMARY: return fx_exec_summary(I, n, env);
    case FX_N_PLOT: return fx_exec_plot(I, n, env);
    case FX_N_BARS: return fx_exec_bars(I, n, env);
    case FX_N_TABLE: return fx_exec_table(I, n, env);
    case FX_N_SAVE: return fx_exec_save(I, n, env);
    default:
        return fx_error_at(I, n, "internal: cannot execute a %s", fx_node_kind_name(n->kind));
    }
}

/* ---- static checks ----------------------------------------------------------- */

static const FxBuiltin *find_layer(const char *name)
{
    int n;
    const FxBuiltin *t = fx_layer_table(&n);
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].name, name) == 0)
            return &t[i];
    return NULL;
}

/* The parameter names of a builtin, as a NULL-terminated list. */
static void param_list(const FxBuiltin *b, const char **names, char store[][24], int max)
{
    int k = fx_builtin_param_names(b, names, max - 1, store);
    names[k] = NULL;
}

static void resolve_layer(struct Resolver *R, FxNode *l)
{
    const char *name = fx_resolve_intern(R, l);
    const FxBuiltin *b = find_layer(name);
    for (int i = 0; i < l->items.count; i++)
        fx_resolve_walk(R, l->items.items[i]);
    if (b) {
        const char *names[17];
        char store[16][24];
        param_list(b, names, store, 17);
        char what[64];
        snprintf(what, sizeof what, "layer %s", b->name);
        fx_resolve_options(R, l, names, what);
        return;
    }
    if (fx_resolve_visible(R, name) && l->items.count == 0)
        return;                       /* another model's layers, spliced in */
    char msg[160];
    snprintf(msg, sizeof msg, "unknown layer '%s'", name);
    fx_resolve_error(R, l->name_span, msg);
    int n;
    const FxBuiltin *t = fx_layer_table(&n);
    const char *cands[32];
    for (int i = 0; i < n && i < 32; i++)
        cands[i] = t[i].name;
    const char *s = fx_diag_suggest(name, cands, n < 32 ? n : 32);
    if (s) {
        snprintf(msg, sizeof msg, "did you mean '%s'?", s);
        fx_resolve_hint(R, msg);
    } else {
        fx_resolve_hint(R, "layers are dense, conv2d, maxpool, avgpool, flatten, dropout, "
                           "batchnorm, relu, leaky_relu, sigmoid, tanh, softmax, polyfeat");
    }
}

static void resolve_items(struct Resolver *R, FxNode *n)
{
    for (int i = 0; i < n->items.count; i++)
        fx_resolve_walk(R, n->items.items[i]);
}

static void resolve_command(struct Resolver *R, FxNode *n, const char *const *opts,
                            const char *what)
{
    fx_resolve_walk(R, n->a);
    fx_resolve_walk(R, n->b);
    resolve_items(R, n);
    fx_resolve_options(R, n, opts, what);
}

static void resolve_sweep(struct Resolver *R, FxNode *n)
{
    for (int i = 0; i < n->items.count; i++)
        fx_resolve_walk(R, n->items.items[i]->a);
    fx_resolve_push(R);
    for (int i = 0; i < n->items.count; i++) {
        FxNode *v = n->items.items[i];
        for (int j = 0; j < i; j++)
            if (strcmp(n->items.items[j]->name, v->name) == 0)
                fx_resolve_error(R, v->name_span, "a sweep variable appears twice");
        fx_resolve_declare(R, v);
    }
    fx_resolve_block(R, n->body);
    fx_resolve_pop(R);
}

void fx_resolve_experiment(struct Resolver *R, FxNode *n)
{
    switch (n->kind) {
    case FX_N_SEED:
        fx_resolve_walk(R, n->a);
        break;
    case FX_N_SUMMARY:
        resolve_items(R, n);
        fx_resolve_options(R, n, fx_summary_options, "summary");
        break;
    case FX_N_MODEL:
        if (n->b) {
            resolve_items(R, n->b);
            fx_resolve_options(R, n->b, fx_model_options, "model");
        }
        for (int i = 0; i < n->items.count; i++)
            resolve_layer(R, n->items.items[i]);
        fx_resolve_declare(R, n);
        break;
    case FX_N_OPTIMIZER:
        fx_resolve_walk(R, n->a);
        fx_resolve_declare(R, n);
        break;
    case FX_N_PLOT: case FX_N_BARS: case FX_N_TABLE:
        resolve_items(R, n);
        fx_resolve_walk(R, n->b);
        fx_resolve_options(R, n, n->kind == FX_N_PLOT ? fx_plot_options
                                 : n->kind == FX_N_BARS ? fx_bars_options : fx_table_options,
                           n->kind == FX_N_PLOT ? "plot" : n->kind == FX_N_BARS ? "bars" : "table");
        break;
    case FX_N_SAVE: resolve_command(R, n, fx_save_options, "save"); break;
    case FX_N_TRAIN: resolve_command(R, n, fx_train_options, "train"); break;
    case FX_N_EVALUATE: resolve_command(R, n, fx_evaluate_options, "evaluate"); break;
    case FX_N_PREDICT: resolve_command(R, n, fx_predict_options, "predict"); break;
    case FX_N_MINIMIZE: resolve_command(R, n, fx_minimize_options, "minimize"); break;
    case FX_N_SWEEP: resolve_sweep(R, n); break;
    default:
        fx_resolve_error(R, n->span, "internal: unknown node kind");
    }
}

int fx_experiment_declares(const FxNode *n)
{
    return n->kind == FX_N_MODEL || n->kind == FX_N_OPTIMIZER;
}

/* ---- helpers shared by the exp_*.c files ------------------------------------ */

const FxNode *fx_option(const FxNode *cmd, const char *name)
{
    for (int i = 0; i < cmd->items.count; i++) {
        const FxNode *k = cmd->items.items[i];
        if (k->kind == FX_N_KWARG && strcmp(k->name, name) == 0)
            return k;
    }
    return NULL;
}

int fx_eval_option(FxInterp *I, const FxNode *cmd, const char *name, FxEnv *env, FxValue *out,
                   int *given)
{
    const FxNode *k = fx_option(cmd, name);
    *given = k != NULL;
    *out = fx_none();
    return k ? fx_eval(I, k->a, env, out) : 0;
}

double *fx_list_numbers(FxInterp *I, FxValue v, FxSpan at, const char *what, size_t *n)
{
    if (v.type != FX_LIST) {
        fx_error(I, at, "%s must be a list of numbers, got %s", what, fx_type_phrase(v));
        return NULL;
    }
    FxList *l = fx_as_list(v);
    double *x = malloc((l->n + 1) * sizeof *x);
    if (!x) {
        fx_error(I, at, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].type != FX_NUM) {
            fx_error(I, at, "%s must be a list of numbers; item %zu is %s", what, i,
                     fx_type_phrase(l->items[i]));
            free(x);
            return NULL;
        }
        x[i] = l->items[i].as.n;
    }
    *n = l->n;
    return x;
}

FxValue fx_numbers_value(FxInterp *I, const double *x, size_t n)
{
    FxValue l = fx_list_new(&I->heap, n);
    for (size_t i = 0; i < n; i++)
        fx_list_push_value(l, fx_num(x[i]));
    return l;
}
