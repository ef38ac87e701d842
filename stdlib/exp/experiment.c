/* The experiment statements, registered with the interpreter (fx.h's
 * FxStatementDef): for each, what evaluates or executes it and its static
 * checks (layer names, command options, the names a sweep and a model
 * statement declare); plot, bars and table register in plot/. `seed` and
 * `optimizer NAME = ...` live here too.
 *
 * A new statement: its syntax in grammar/parser.y (a node kind past
 * FX_N_KIND_CORE in interp/ast.h), a row in statements[] below with its
 * functions, and fx.7. A new layer: a row in exp_model.c's layer table
 * and its runtime kind, and fx.7. A new train option: a row in
 * exp_train_opts.c's table and its reading there, and fx.7. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

const FxOptionDef fx_summary_options[] = {{"input", 0, 0}, {0}};
const FxOptionDef fx_model_options[] = {{"init", 0, 0}, {"input", 0, 0}, {0}};

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

/* ---- static checks ----------------------------------------------------------- */

static const FxBuiltin *find_layer(FxResolver *R, const char *name)
{
    return fx_layer(fx_resolve_interp(R), name, strlen(name));
}

/* The parameter names of a builtin, as a NULL-terminated list. */
static void param_list(const FxBuiltin *b, const char **names, char store[][24], int max)
{
    int k = fx_builtin_param_names(b, names, max - 1, store);
    names[k] = NULL;
}

static void resolve_layer(FxResolver *R, FxNode *l)
{
    const char *name = fx_resolve_intern(R, l);
    const FxBuiltin *b = find_layer(R, name);
    for (int i = 0; i < l->items.count; i++)
        fx_resolve_walk(R, l->items.items[i]);
    if (b) {
        const char *names[17];
        char store[16][24];
        param_list(b, names, store, 17);
        char what[64];
        snprintf(what, sizeof what, "layer %s", b->name);
        fx_resolve_names(R, l, names, what);
        return;
    }
    if (fx_resolve_visible(R, name) && l->items.count == 0)
        return;                       /* another model's layers, spliced in */
    char msg[160];
    snprintf(msg, sizeof msg, "unknown layer '%s'", name);
    fx_resolve_error(R, l->name_span, msg);
    int n;
    const FxBuiltin *t = fx_layers(fx_resolve_interp(R), &n);
    const char *cands[32];
    for (int i = 0; i < n && i < 32; i++)
        cands[i] = t[i].name;
    const char *s = fx_diag_suggest(name, cands, n < 32 ? n : 32);
    if (s) {
        snprintf(msg, sizeof msg, "did you mean '%s'?", s);
        fx_resolve_hint(R, msg);
    } else {
        fx_resolve_hint(R, "layers are dense, conv2d, maxpool, avgpool, flatten, reshape, "
                           "dropout, batchnorm, relu, leaky_relu, sigmoid, tanh, softmax, "
                           "polyfeat");
    }
}

static void resolve_command(FxResolver *R, FxNode *n, const FxOptionDef *opts,
                            const char *what)
{
    fx_resolve_walk(R, n->a);
    fx_resolve_walk(R, n->b);
    fx_resolve_items(R, n);
    fx_resolve_options(R, n, opts, what);
}

/* Variables first, then options (`jobs: 2`), which are not variables. */
static void resolve_sweep(FxResolver *R, FxNode *n)
{
    int vars = 0, opts = 0;
    for (int i = 0; i < n->items.count; i++) {
        FxNode *v = n->items.items[i];
        fx_resolve_walk(R, v->a);
        if (v->kind == FX_N_KWARG) {
            opts++;
            static const char *const names[] = {"jobs", "samples", "repeat", "seeds", "prune",
                                                 "store"};
            int known = 0;
            for (int k = 0; k < 6; k++)
                known |= strcmp(v->name, names[k]) == 0;
            if (!known) {
                const char *sug = fx_diag_suggest(v->name, names, 6);
                char msg[160];
                snprintf(msg, sizeof msg, "sweep has no option '%s'; its options are jobs, "
                         "samples, repeat, seeds, prune and store", v->name);
                fx_resolve_error(R, v->name_span, msg);
                if (sug) {
                    snprintf(msg, sizeof msg, "did you mean '%s'?", sug);
                    fx_resolve_hint(R, msg);
                }
            }
            for (int j = 0; j < i; j++)
                if (n->items.items[j]->kind == FX_N_KWARG &&
                    strcmp(n->items.items[j]->name, v->name) == 0) {
                    char msg[96];
                    snprintf(msg, sizeof msg, "option '%s' is given twice", v->name);
                    fx_resolve_error(R, v->name_span, msg);
                }
        } else if (opts) {
            fx_resolve_error(R, v->name_span, "sweep variables come before its options");
        } else {
            vars++;
        }
    }
    fx_resolve_push(R);
    for (int i = 0; i < vars; i++) {
        FxNode *v = n->items.items[i];
        for (int j = 0; j < i; j++)
            if (strcmp(n->items.items[j]->name, v->name) == 0)
                fx_resolve_error(R, v->name_span, "a sweep variable appears twice");
        fx_resolve_declare(R, v);
    }
    fx_resolve_block(R, n->body);
    fx_resolve_pop(R);
}

static void resolve_seed(FxResolver *R, FxNode *n) { fx_resolve_walk(R, n->a); }

static void resolve_summary(FxResolver *R, FxNode *n)
{
    fx_resolve_items(R, n);
    fx_resolve_options(R, n, fx_summary_options, "summary");
}

static void resolve_model(FxResolver *R, FxNode *n)
{
    if (n->b) {
        fx_resolve_items(R, n->b);
        fx_resolve_options(R, n->b, fx_model_options, "model");
    }
    for (int i = 0; i < n->items.count; i++)
        resolve_layer(R, n->items.items[i]);
    fx_resolve_declare(R, n);
}

static void resolve_optimizer(FxResolver *R, FxNode *n)
{
    fx_resolve_walk(R, n->a);
    fx_resolve_declare(R, n);
}

/* The commands `KEYWORD a on b, OPTION: ...`: their options by kind. */
static const FxOptionDef *command_options(int kind)
{
    switch (kind) {
    case FX_N_SAVE: return fx_save_options;
    case FX_N_TRAIN: return fx_train_options;
    case FX_N_EVALUATE: return fx_evaluate_options;
    case FX_N_PREDICT: return fx_predict_options;
    default: return fx_minimize_options;
    }
}

static void resolve_cmd(FxResolver *R, FxNode *n)
{
    resolve_command(R, n, command_options(n->kind), fx_node_kind_name(n->kind));
}

static const FxStatementDef statements[] = {
    {FX_N_SEED, "seed", NULL, exec_seed, resolve_seed, 0, NULL, NULL},
    {FX_N_MODEL, "model", NULL, fx_exec_model, resolve_model, 1, fx_model_options, NULL},
    {FX_N_OPTIMIZER, "optimizer", NULL, exec_optimizer, resolve_optimizer, 1, NULL, NULL},
    {FX_N_SUMMARY, "summary", NULL, fx_exec_summary, resolve_summary, 0, fx_summary_options,
     NULL},
    {FX_N_SAVE, "save", NULL, fx_exec_save, resolve_cmd, 0, fx_save_options, NULL},
    {FX_N_TRAIN, "train", fx_eval_train, NULL, resolve_cmd, 0, fx_train_options,
     fx_train_options_note},
    {FX_N_EVALUATE, "evaluate", fx_eval_evaluate, NULL, resolve_cmd, 0, fx_evaluate_options,
     NULL},
    {FX_N_PREDICT, "predict", fx_eval_predict, NULL, resolve_cmd, 0, fx_predict_options, NULL},
    {FX_N_MINIMIZE, "minimize", fx_eval_minimize, NULL, resolve_cmd, 0, fx_minimize_options,
     NULL},
    {FX_N_SWEEP, "sweep", fx_eval_sweep, NULL, resolve_sweep, 0, NULL, NULL},
};

void fx_exp_statements_open(FxInterp *I)
{
    fx_register_statements(I, statements, (int)(sizeof statements / sizeof statements[0]));
    int n;
    const FxBuiltin *layers = fx_layer_table(&n);
    fx_register_layers(I, layers, n);
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
