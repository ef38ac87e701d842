/* The resolver's hooks for the standard library: the experiment statements
 * (stdlib/) are resolved by stdlib code through these, so the resolver
 * itself only knows the language core. */
#ifndef FX_RESOLVE_H
#define FX_RESOLVE_H

#include "ast.h"

struct Resolver;

void        fx_resolve_walk(struct Resolver *R, FxNode *n);
void        fx_resolve_declare(struct Resolver *R, FxNode *n);
void        fx_resolve_block(struct Resolver *R, FxNode *block);
void        fx_resolve_error(struct Resolver *R, FxSpan span, const char *msg);
const char *fx_resolve_intern(struct Resolver *R, FxNode *n);
void        fx_resolve_use(struct Resolver *R, FxNode *n);

/* Implemented in stdlib/: resolve an experiment node; whether a top-level
 * statement declares n->name (model NAME, optimizer NAME). */
void fx_resolve_experiment(struct Resolver *R, FxNode *n);
int  fx_experiment_declares(const FxNode *n);

#endif
