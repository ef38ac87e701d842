/* The experiment statements (model, train, sweep, plot, ...): their
 * evaluation and resolution hooks. Until they land, the language core's
 * hooks say that nothing here is known. */
#include "interp.h"
#include "resolve.h"

int fx_eval_experiment(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    (void)env;
    (void)out;
    return fx_error_at(I, n, "internal: unknown expression kind %d", (int)n->kind);
}

int fx_exec_experiment(FxInterp *I, const FxNode *n, FxEnv *env)
{
    (void)env;
    return fx_error_at(I, n, "internal: unknown statement kind %d", (int)n->kind);
}

void fx_resolve_experiment(struct Resolver *R, FxNode *n)
{
    fx_resolve_error(R, n->span, "internal: unknown node kind");
}

int fx_experiment_declares(const FxNode *n)
{
    (void)n;
    return 0;
}
