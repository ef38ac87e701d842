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
void        fx_resolve_push(struct Resolver *R);
void        fx_resolve_pop(struct Resolver *R);
/* Whether a name is visible here (declared, a global, or a builtin). */
int         fx_resolve_visible(struct Resolver *R, const char *interned);
struct FxInterp *fx_resolve_interp(struct Resolver *R);
void        fx_resolve_hint(struct Resolver *R, const char *msg);
/* Checks the keyword arguments of a call or command against `allowed`
 * (NULL-terminated): unknown names and duplicates are errors with
 * suggestions naming `what`. */
void        fx_resolve_options(struct Resolver *R, FxNode *call, const char *const *allowed,
                               const char *what);

/* Implemented in stdlib/: resolve an experiment node; whether a top-level
 * statement declares n->name (model NAME, optimizer NAME). */
void fx_resolve_experiment(struct Resolver *R, FxNode *n);
int  fx_experiment_declares(const FxNode *n);

#endif
