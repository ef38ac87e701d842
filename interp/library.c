/* What libraries register into an interpreter: the statements past
 * FX_N_KIND_CORE (each with its evaluator, static checks and options), the
 * layers of a model block, and the libraries' state. The evaluator, the
 * resolver, the REPL's completion and :help look here, so interp/ never
 * names a library's symbol. */
#include <string.h>
#include "interp.h"

void fx_register_statements(FxInterp *I, const FxStatementDef *defs, int n)
{
    for (int i = 0; i < n; i++) {
        int k = (int)defs[i].kind - FX_N_KIND_CORE - 1;
        if (k >= 0 && k < FX_N_LIBRARY_KINDS)
            I->statements[k] = &defs[i];
    }
}

const FxStatementDef *fx_statement(const FxInterp *I, int kind)
{
    int k = kind - FX_N_KIND_CORE - 1;
    return k >= 0 && k < FX_N_LIBRARY_KINDS ? I->statements[k] : NULL;
}

void fx_register_layers(FxInterp *I, const FxBuiltin *layers, int n)
{
    I->layers = layers;
    I->nlayers = n;
}

const FxBuiltin *fx_layers(const FxInterp *I, int *n)
{
    *n = I->nlayers;
    return I->layers;
}

const FxBuiltin *fx_layer(const FxInterp *I, const char *name, size_t len)
{
    for (int i = 0; i < I->nlayers; i++)
        if (strlen(I->layers[i].name) == len && !memcmp(I->layers[i].name, name, len))
            return &I->layers[i];
    return NULL;
}

void fx_set_library_state(FxInterp *I, void *lib, void (*lib_free)(void *lib))
{
    I->lib = lib;
    I->lib_free = lib_free;
}

/* A statement no library registered: the language core alone (a test's
 * interpreter, or a library left out) parses it but cannot run it. */
static int unavailable(FxInterp *I, const FxNode *n, const FxStatementDef *st)
{
    if (st)
        return fx_error_at(I, n, "internal: %s has no %s", st->keyword,
                           st->eval ? "statement form" : "value");
    return fx_error_at(I, n, "'%s' is not available: no library provides it",
                       fx_node_kind_name(n->kind));
}

int fx_library_eval(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    const FxStatementDef *st = fx_statement(I, n->kind);
    return st && st->eval ? st->eval(I, n, env, out) : unavailable(I, n, st);
}

int fx_library_exec(FxInterp *I, const FxNode *n, FxEnv *env)
{
    const FxStatementDef *st = fx_statement(I, n->kind);
    return st && st->exec ? st->exec(I, n, env) : unavailable(I, n, st);
}
