/* Static checks before anything runs (and all that `fx --check` does):
 * every name must be declared where it is used (with "did you mean"
 * suggestions), assignment needs a declared name, return/break/continue
 * must be inside a function or loop, imports at the top level, keyword
 * arguments of built-in functions must exist. Also interns every name in
 * the tree, so evaluation compares names by pointer.
 *
 * Scoping: a block sees its own `let`s from where they are written, its
 * `fn`s from its start, and everything around it. Inside a function body a
 * top-level name of the file may be used even if it is defined further
 * down (it must exist by the time the function runs), as in Python. */
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "interp.h"
#include "mem.h"

#define FX_RESOLVE_DEPTH 1000
#define FX_RESOLVE_MAX_ERRORS 20

int fx_builtin_param_index(const FxBuiltin *b, const char *name);

typedef struct Scope {
    const char  **names;
    int           n, cap;
    int           is_fn;       /* a function's parameter scope */
    struct Scope *up;
} Scope;

typedef struct FxResolver {
    FxInterp       *I;
    FxModule       *m;
    const FxSource *src;
    Scope          *scope;
    int             loops;     /* loops around, inside the current function */
    int             fns;       /* functions around */
    int             errors;
    int             depth;
    int             too_deep;   /* the nesting error was reported */
    const char    **globals;   /* every top-level name of the file */
    int             nglobals, capglobals;
    FxEnv          *existing;  /* names defined before this text (REPL) */
    int             lenient;   /* REPL: functions may use names defined later */
    int             lost_names; /* a plain import failed: its names are unknown,
                                   so an unknown name is no news */
} Resolver;

static void walk(Resolver *R, FxNode *n);
static void walk_block(Resolver *R, FxNode *block, int new_scope);

/* ---- names ----------------------------------------------------------------- */

static void add_name(const char ***names, int *n, int *cap, const char *name)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        *names = fx_xrealloc(*names, (size_t)*cap * sizeof **names);
    }
    (*names)[(*n)++] = name;
}

static void declare(Resolver *R, const char *name)
{
    add_name(&R->scope->names, &R->scope->n, &R->scope->cap, name);
}

static void push_scope(Resolver *R, int is_fn)
{
    Scope *s = fx_xcalloc(1, sizeof *s);
    s->is_fn = is_fn;
    s->up = R->scope;
    R->scope = s;
}

static void pop_scope(Resolver *R)
{
    Scope *s = R->scope;
    R->scope = s->up;
    free(s->names);
    free(s);
}

static const char *intern_node(Resolver *R, FxNode *n)
{
    if (n->name)
        n->name = fx_intern_cstr(&R->I->intern, n->name);
    return n->name;
}

static int in_list(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (names[i] == name)
            return 1;
    return 0;
}

static int visible(Resolver *R, const char *name)
{
    for (Scope *s = R->scope; s; s = s->up)
        if (in_list(s->names, s->n, name))
            return 1;
    if (R->fns && in_list(R->globals, R->nglobals, name))
        return 1;
    if (R->existing && fx_env_find_here(R->existing, name))
        return 1;
    return fx_is_builtin_name(R->I, name);
}

/* ---- errors ---------------------------------------------------------------- */

static void error(Resolver *R, FxSpan span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error(Resolver *R, FxSpan span, const char *fmt, ...)
{
    R->errors++;
    if (R->errors > FX_RESOLVE_MAX_ERRORS)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fx_diag_error(&R->I->diag, R->src, span, "%s", msg);
}

static void hint(Resolver *R, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void hint(Resolver *R, const char *fmt, ...)
{
    if (R->errors > FX_RESOLVE_MAX_ERRORS)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fx_diag_hint(&R->I->diag, "%s", msg);
}

/* Every name the user could have meant, for "did you mean". */
static const char *suggest(Resolver *R, const char *name)
{
    const char **c = NULL;
    int n = 0, cap = 0;
    for (Scope *s = R->scope; s; s = s->up)
        for (int i = 0; i < s->n; i++)
            add_name(&c, &n, &cap, s->names[i]);
    for (int i = 0; i < R->nglobals; i++)
        add_name(&c, &n, &cap, R->globals[i]);
    for (FxEnv *e = R->existing; e; e = e->parent)
        for (int i = 0; i < e->n; i++)
            add_name(&c, &n, &cap, e->names[i]);
    for (int i = 0; i < R->I->builtins->n; i++)
        add_name(&c, &n, &cap, R->I->builtins->names[i]);
    const char *s = fx_diag_suggest(name, c, n);
    free(c);
    return s;
}

static void use_name(Resolver *R, FxNode *n)
{
    const char *name = intern_node(R, n);
    if (visible(R, name))
        return;
    if (R->lenient && R->fns)
        return;
    if (!R->fns && in_list(R->globals, R->nglobals, name)) {
        error(R, n->span, "'%s' is used before it is defined", name);
        hint(R, "move the 'let' or 'import' that defines '%s' above this line", name);
        return;
    }
    if (R->lost_names)
        return;
    error(R, n->span, "unknown name '%s'", name);
    const char *s = suggest(R, name);
    if (s)
        hint(R, "did you mean '%s'?", s);
}

/* ---- calls --------------------------------------------------------------- */

/* Keyword arguments: after the positional ones, no duplicates, and for a
 * builtin that is not shadowed, only names it takes. */
static void check_call(Resolver *R, FxNode *n)
{
    const FxBuiltin *b = NULL;
    if (n->a->kind == FX_N_NAME) {
        /* Environments compare interned pointers; the callee is walked
         * (and interned) only after this check. */
        intern_node(R, n->a);
        FxValue *v = fx_env_find_here(R->I->builtins, n->a->name);
        int shadowed = 0;
        for (Scope *s = R->scope; s && !shadowed; s = s->up)
            shadowed = in_list(s->names, s->n, n->a->name);
        shadowed |= in_list(R->globals, R->nglobals, n->a->name);
        shadowed |= R->existing && fx_env_find_here(R->existing, n->a->name) != NULL;
        if (v && v->type == FX_BUILTIN && !shadowed)
            b = v->as.bi;
    }
    int seen_kw = 0;
    for (int i = 0; i < n->items.count; i++) {
        FxNode *k = n->items.items[i];
        if (k->kind != FX_N_KWARG) {
            if (seen_kw)
                error(R, k->span, "a positional argument cannot follow keyword arguments");
            continue;
        }
        seen_kw = 1;
        intern_node(R, k);
        for (int j = 0; j < i; j++)
            if (n->items.items[j]->kind == FX_N_KWARG && n->items.items[j]->name == k->name)
                error(R, k->name_span, "keyword argument '%s' is given twice", k->name);
        if (b && fx_builtin_param_index(b, k->name) == -1) {
            error(R, k->name_span, "unknown keyword argument '%s' for %s()", k->name, b->name);
            const char *names[16];
            char store[16][24];
            int np = fx_builtin_param_names(b, names, 16, store);
            const char *s = fx_diag_suggest(k->name, names, np);
            if (s) {
                hint(R, "did you mean '%s'?", s);
            } else if (np > 0) {
                char list[16 * 26] = "";
                for (int j = 0; j < np; j++)
                    snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                             j ? ", " : "", names[j]);
                hint(R, "%s() takes %s", b->name, list);
            } else {
                hint(R, "%s() takes no keyword arguments", b->name);
            }
        }
    }
}

/* ---- functions ------------------------------------------------------------- */

static void walk_function(Resolver *R, FxNode *n)
{
    int loops = R->loops;
    push_scope(R, 1);
    R->fns++;
    R->loops = 0;
    for (int i = 0; i < n->params.count; i++) {
        FxNode *p = n->params.items[i];
        if (p->a)
            walk(R, p->a);
        declare(R, intern_node(R, p));
    }
    if (n->body->kind == FX_N_BLOCK)
        walk_block(R, n->body, 0);
    else
        walk(R, n->body);
    R->fns--;
    R->loops = loops;
    pop_scope(R);
}

/* ---- statements ------------------------------------------------------------ */

static void walk_assign(Resolver *R, FxNode *n)
{
    walk(R, n->b);
    FxNode *t = n->a;
    if (t->kind != FX_N_NAME) {
        walk(R, t);
        return;
    }
    const char *name = intern_node(R, t);
    for (Scope *s = R->scope; s; s = s->up)
        if (in_list(s->names, s->n, name))
            return;
    if ((R->fns && in_list(R->globals, R->nglobals, name)) ||
        (R->existing && fx_env_find_here(R->existing, name)) || (R->lenient && R->fns))
        return;
    if (fx_is_builtin_name(R->I, name)) {
        error(R, t->span, "cannot assign to the built-in '%s'", name);
        hint(R, "to use the name for your own value, declare it: let %s = ...", name);
        return;
    }
    if (R->lost_names)
        return;
    error(R, t->span, "'%s' is not declared", name);
    const char *s = suggest(R, name);
    if (s)
        hint(R, "did you mean '%s'? (to declare a new variable, write 'let %s = ...')", s, name);
    else
        hint(R, "declare it first: let %s = ...", name);
}

static void walk_import(Resolver *R, FxNode *n)
{
    if (R->fns || R->scope->up) {
        error(R, n->span, "import must be at the top level of a file");
        return;
    }
    int status = 0;
    FxModule *m = fx_module_load(R->I, n->str, R->src, n->a->span, &status);
    if (!m) {
        /* Reported already; the names it would have brought must not
         * show up as a cascade of unknown names. */
        R->errors++;
        if (n->name)
            declare(R, intern_node(R, n));
        else
            R->lost_names = 1;
        return;
    }
    n->cache = m;
    if (n->name) {
        declare(R, intern_node(R, n));
        return;
    }
    for (int i = 0; i < m->nnames; i++)
        declare(R, m->names[i]);
}

static void walk_stmt(Resolver *R, FxNode *n)
{
    switch (n->kind) {
    case FX_N_LET:
        walk(R, n->a);
        declare(R, intern_node(R, n));
        break;
    case FX_N_ASSIGN: walk_assign(R, n); break;
    case FX_N_FN: walk_function(R, n); break;
    case FX_N_RETURN:
        if (!R->fns)
            error(R, n->span, "'return' outside a function");
        if (n->a)
            walk(R, n->a);
        break;
    case FX_N_BREAK: case FX_N_CONTINUE:
        if (!R->loops)
            error(R, n->span, "'%s' outside a loop", n->kind == FX_N_BREAK ? "break" : "continue");
        break;
    case FX_N_IF:
        walk(R, n->a);
        walk_block(R, n->b, 1);
        if (n->c && n->c->kind == FX_N_IF)
            walk_stmt(R, n->c);
        else if (n->c)
            walk_block(R, n->c, 1);
        break;
    case FX_N_FOR: {
        walk(R, n->a);
        push_scope(R, 0);
        declare(R, intern_node(R, n));
        R->loops++;
        walk_block(R, n->b, 0);
        R->loops--;
        pop_scope(R);
        break;
    }
    case FX_N_WHILE:
        walk(R, n->a);
        R->loops++;
        walk_block(R, n->b, 1);
        R->loops--;
        break;
    case FX_N_IMPORT: walk_import(R, n); break;
    default: walk(R, n); break;
    }
}

static void walk_block(Resolver *R, FxNode *block, int new_scope)
{
    if (new_scope)
        push_scope(R, 0);
    for (int i = 0; i < block->items.count; i++) {
        FxNode *st = block->items.items[i];
        if (st->kind == FX_N_FN)
            declare(R, intern_node(R, st));
    }
    for (int i = 0; i < block->items.count; i++)
        walk_stmt(R, block->items.items[i]);
    if (new_scope)
        pop_scope(R);
}

/* ---- expressions ----------------------------------------------------------- */

static void walk_children(Resolver *R, FxNode *n)
{
    if (n->a) walk(R, n->a);
    if (n->b) walk(R, n->b);
    if (n->c) walk(R, n->c);
    for (int i = 0; i < n->items.count; i++)
        walk(R, n->items.items[i]);
}

/* A library statement: its registered checks, or its parts walked. */
static void walk_library(Resolver *R, FxNode *n)
{
    const FxStatementDef *st = fx_statement(R->I, n->kind);
    if (st && st->resolve)
        st->resolve(R, n);
    else
        walk_children(R, n);
}

/* Whether a top-level statement binds its name (model NAME, ...). */
static int declares(FxInterp *I, const FxNode *n)
{
    const FxStatementDef *st = n->kind > FX_N_KIND_CORE ? fx_statement(I, n->kind) : NULL;
    return st && st->declares;
}

static void walk(Resolver *R, FxNode *n)
{
    if (!n)
        return;
    if (++R->depth > FX_RESOLVE_DEPTH) {
        if (!R->too_deep++)
            error(R, n->span, "the program is nested too deeply (more than %d levels)",
                  FX_RESOLVE_DEPTH);
        R->depth--;
        return;
    }
    switch (n->kind) {
    case FX_N_NAME: use_name(R, n); break;
    case FX_N_FIELD: intern_node(R, n); walk(R, n->a); break;
    case FX_N_KWARG: intern_node(R, n); walk(R, n->a); break;
    case FX_N_LAMBDA: walk_function(R, n); break;
    case FX_N_CALL: check_call(R, n); walk_children(R, n); break;
    case FX_N_RECORD:
        for (int i = 0; i < n->items.count; i++) {
            FxNode *f = n->items.items[i];
            intern_node(R, f);
            for (int j = 0; j < i; j++)
                if (n->items.items[j]->name == f->name)
                    error(R, f->name_span, "field '%s' appears twice in the record", f->name);
            walk(R, f->a);
        }
        break;
    case FX_N_LET: case FX_N_ASSIGN: case FX_N_FN: case FX_N_RETURN: case FX_N_BREAK:
    case FX_N_CONTINUE: case FX_N_IF: case FX_N_FOR: case FX_N_WHILE: case FX_N_IMPORT:
        walk_stmt(R, n);
        break;
    default:
        if (n->kind > FX_N_KIND_CORE)
            walk_library(R, n);
        else
            walk_children(R, n);
        break;
    }
    R->depth--;
}

/* ---- entry ----------------------------------------------------------------- */

/* Top-level names, including those a plain import brings, so functions can
 * use names defined later in the file. */
static void collect_globals(Resolver *R, FxNode *root)
{
    for (int i = 0; i < root->items.count; i++) {
        FxNode *s = root->items.items[i];
        if ((s->kind == FX_N_LET || s->kind == FX_N_FN || (s->kind == FX_N_IMPORT && s->name) ||
             declares(R->I, s)) && s->name)
            add_name(&R->globals, &R->nglobals, &R->capglobals, intern_node(R, s));
    }
}

int fx_resolve(FxInterp *I, FxModule *m, FxEnv *existing, int lenient)
{
    Resolver R = {0};
    R.I = I;
    R.m = m;
    R.src = &m->src;
    R.existing = existing;
    R.lenient = lenient;
    push_scope(&R, 0);
    collect_globals(&R, m->parse.root);
    walk_block(&R, m->parse.root, 0);
    if (R.errors > FX_RESOLVE_MAX_ERRORS)
        fx_diag_hint(&I->diag, "%d more errors not shown", R.errors - FX_RESOLVE_MAX_ERRORS);
    m->names = R.scope->names;      /* the module keeps its top-level names */
    m->nnames = R.scope->n;
    free(R.scope);
    free(R.globals);
    return R.errors;
}

/* For stdlib/'s resolver hooks. */
void fx_resolve_walk(FxResolver *R, FxNode *n) { walk(R, n); }
void fx_resolve_items(FxResolver *R, FxNode *n)
{
    for (int i = 0; i < n->items.count; i++)
        walk(R, n->items.items[i]);
}
void fx_resolve_declare(FxResolver *R, FxNode *n) { declare(R, intern_node(R, n)); }
void fx_resolve_block(FxResolver *R, FxNode *block) { walk_block(R, block, 1); }
void fx_resolve_error(FxResolver *R, FxSpan span, const char *msg) { error(R, span, "%s", msg); }
const char *fx_resolve_intern(FxResolver *R, FxNode *n) { return intern_node(R, n); }
void fx_resolve_use(FxResolver *R, FxNode *n) { use_name(R, n); }
void fx_resolve_push(FxResolver *R) { push_scope(R, 0); }
void fx_resolve_pop(FxResolver *R) { pop_scope(R); }
int fx_resolve_visible(FxResolver *R, const char *interned) { return visible(R, interned); }
FxInterp *fx_resolve_interp(FxResolver *R) { return R->I; }
void fx_resolve_hint(FxResolver *R, const char *msg) { hint(R, "%s", msg); }

/* With no close name to suggest: every option, "plot takes title:, ...". */
static void hint_options(Resolver *R, const char *const *allowed, int n, const char *what)
{
    if (R->errors > FX_RESOLVE_MAX_ERRORS || n == 0)
        return;
    char msg[2048];
    size_t at = (size_t)snprintf(msg, sizeof msg, "%s takes", what);
    for (int j = 0; j < n && at < sizeof msg; j++)
        at += (size_t)snprintf(msg + at, sizeof msg - at, "%s %s:", j ? "," : "", allowed[j]);
    fx_diag_hint(&R->I->diag, "%s", msg);
}

/* Checks call's keyword arguments against the n names in allowed. */
static void check_options(Resolver *R, FxNode *call, const char *const *allowed, int n,
                          const char *what)
{
    for (int i = 0; i < call->items.count; i++) {
        FxNode *k = call->items.items[i];
        if (k->kind != FX_N_KWARG)
            continue;
        intern_node(R, k);
        for (int j = 0; j < i; j++)
            if (call->items.items[j]->kind == FX_N_KWARG && call->items.items[j]->name == k->name)
                error(R, k->name_span, "option '%s' is given twice", k->name);
        int known = 0;
        for (int j = 0; j < n && !known; j++)
            known = strcmp(allowed[j], k->name) == 0;
        if (known)
            continue;
        error(R, k->name_span, "unknown option '%s' for %s", k->name, what);
        const char *s = fx_diag_suggest(k->name, allowed, n);
        if (s)
            hint(R, "did you mean '%s'?", s);
        else
            hint_options(R, allowed, n, what);
    }
}

void fx_resolve_names(FxResolver *R, FxNode *call, const char *const *allowed, const char *what)
{
    int n = 0;
    while (allowed[n])
        n++;
    check_options(R, call, allowed, n, what);
}

void fx_resolve_options(FxResolver *R, FxNode *call, const FxOptionDef *allowed,
                        const char *what)
{
    int n = 0;
    while (allowed && allowed[n].name)
        n++;
    const char **names = fx_xmalloc((size_t)(n + 1) * sizeof *names);
    for (int i = 0; i < n; i++)
        names[i] = allowed[i].name;
    check_options(R, call, names, n, what);
    free(names);
}
