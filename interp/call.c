/* Calls: evaluating arguments, binding positional and keyword arguments to
 * a function's parameters (defaults evaluated at each call, in the new
 * scope, so a default may use earlier parameters), call frames for
 * "called from" lines, and the same binding for built-in functions from
 * their parameter strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "interp.h"
#include "mem.h"

#define FX_MAX_CALLS 1000


typedef struct Args {
    int            npos, nkw;
    FxValue       *pos;
    const FxNode **posat;
    const char   **kwnames;
    FxValue       *kwvals;
    const FxNode **kwat;
} Args;

/* A call's arrays come from one allocation (values first, then pointers):
 * every call goes through here, so five mallocs per call would show. */
static void args_alloc(Args *a, int cap)
{
    size_t n = (size_t)cap + 1;
    char *block = fx_xcalloc(1, n * (2 * sizeof(FxValue) + 3 * sizeof(void *)));
    memset(a, 0, sizeof *a);
    a->pos = (FxValue *)block;
    a->kwvals = a->pos + n;
    a->posat = (const FxNode **)(a->kwvals + n);
    a->kwat = a->posat + n;
    a->kwnames = (const char **)(a->kwat + n);
}

static void args_free(Args *a)
{
    for (int i = 0; i < a->npos; i++)
        fx_unref(a->pos[i]);
    for (int i = 0; i < a->nkw; i++)
        fx_unref(a->kwvals[i]);
    free(a->pos);                   /* the whole block */
}

static int eval_args(FxInterp *I, const FxNode *n, FxEnv *env, Args *a)
{
    int cnt = n->items.count;
    args_alloc(a, cnt);
    for (int i = 0; i < cnt; i++) {
        const FxNode *arg = n->items.items[i];
        FxValue v;
        if (arg->kind == FX_N_KWARG) {
            if (fx_eval(I, arg->a, env, &v))
                return -1;
            a->kwnames[a->nkw] = arg->name;
            a->kwat[a->nkw] = arg;
            a->kwvals[a->nkw++] = v;
        } else {
            if (a->nkw > 0)
                return fx_error_at(I, arg, "a positional argument cannot follow keyword arguments");
            if (fx_eval(I, arg, env, &v))
                return -1;
            a->posat[a->npos] = arg;
            a->pos[a->npos++] = v;
        }
    }
    return 0;
}

/* ---- frames -------------------------------------------------------------- */

static int push_frame(FxInterp *I, FxSpan at)
{
    if (I->nframes >= FX_MAX_CALLS)
        return fx_error(I, at, "too many nested calls (more than %d): is a recursion "
                        "missing its base case?", FX_MAX_CALLS);
    if (I->nframes == I->capframes) {
        I->capframes = I->capframes ? I->capframes * 2 : 32;
        I->frames = fx_xrealloc(I->frames, (size_t)I->capframes * sizeof *I->frames);
    }
    I->frames[I->nframes++] = (FxFrame){I->src, at};
    return 0;
}

static void pop_frame(FxInterp *I, const FxSource *saved)
{
    I->nframes--;
    I->src = saved;
}

/* ---- fx functions -------------------------------------------------------- */

static int param_index(const FxNode *decl, const char *name)
{
    for (int i = 0; i < decl->params.count; i++)
        if (decl->params.items[i]->name == name)
            return i;
    return -1;
}

static void unknown_kw_hint(FxInterp *I, const FxNode *decl, const char *name)
{
    const char *cands[64];
    int n = decl->params.count < 64 ? decl->params.count : 64;
    for (int i = 0; i < n; i++)
        cands[i] = decl->params.items[i]->name;
    const char *s = fx_diag_suggest(name, cands, n);
    if (s)
        fx_error_hint(I, "did you mean '%s'?", s);
}

/* Binds the given arguments into env (taking over their references).
 * Runs with the caller's source current: these errors are the caller's. */
static int bind_given(FxInterp *I, const FxFunc *f, Args *a, unsigned char *bound, FxEnv *env)
{
    const FxNode *d = f->decl;
    int np = d->params.count;
    if (a->npos > np)
        return fx_error_at(I, a->posat[np], "%s() takes %d argument%s, got %d", f->name, np,
                           np == 1 ? "" : "s", a->npos);
    for (int i = 0; i < a->npos; i++) {
        fx_env_define(env, d->params.items[i]->name, a->pos[i]);
        a->pos[i] = fx_none();
        bound[i] = 1;
    }
    for (int i = 0; i < a->nkw; i++) {
        int k = param_index(d, a->kwnames[i]);
        if (k < 0) {
            fx_error(I, a->kwat[i]->name_span, "unknown keyword argument '%s' for %s()",
                     a->kwnames[i], f->name);
            unknown_kw_hint(I, d, a->kwnames[i]);
            return -1;
        }
        if (bound[k])
            return fx_error(I, a->kwat[i]->name_span, "argument '%s' of %s() is given twice",
                            a->kwnames[i], f->name);
        fx_env_define(env, a->kwnames[i], a->kwvals[i]);
        a->kwvals[i] = fx_none();
        bound[k] = 1;
    }
    return 0;
}

/* Defaults of the parameters not given, evaluated in the callee's scope
 * (so a default may use earlier parameters). */
static int bind_defaults(FxInterp *I, const FxFunc *f, const unsigned char *bound, FxEnv *env)
{
    const FxNode *d = f->decl;
    for (int i = 0; i < d->params.count; i++) {
        const FxNode *p = d->params.items[i];
        if (bound[i] || !p->a)
            continue;
        FxValue v;
        if (fx_eval(I, p->a, env, &v))
            return -1;
        fx_env_define(env, p->name, v);
    }
    return 0;
}

static int missing_param(const FxFunc *f, const unsigned char *bound)
{
    for (int i = 0; i < f->decl->params.count; i++)
        if (!bound[i] && !f->decl->params.items[i]->a)
            return i;
    return -1;
}

static int run_body(FxInterp *I, const FxFunc *f, FxEnv *env, FxValue *out)
{
    const FxNode *body = f->decl->body;
    if (body->kind != FX_N_BLOCK)
        return fx_eval(I, body, env, out);
    int rc = fx_exec_stmts(I, body, env);
    if (rc == FX_EXEC_RETURN) {
        *out = I->ret;
        I->ret = fx_none();
        return 0;
    }
    if (rc == FX_EXEC_OK) {
        *out = fx_none();
        return 0;
    }
    return -1;
}

static int call_func(FxInterp *I, FxValue fn, Args *a, FxSpan call, FxValue *out)
{
    FxFunc *f = fx_as_func(fn);
    unsigned char bound[256] = {0};
    if (f->decl->params.count > 256)
        return fx_error(I, call, "%s() has too many parameters", f->name);
    FxEnv *env = fx_env_new(&I->heap, f->env);
    int rc = bind_given(I, f, a, bound, env);
    int miss = rc ? -1 : missing_param(f, bound);
    if (miss >= 0)
        rc = fx_error(I, call, "%s() is missing argument '%s'", f->name,
                      f->decl->params.items[miss]->name);
    const FxSource *saved = I->src;
    if (rc == 0)   /* Ctrl-C stops recursion as it stops loops */
        rc = fx_check_interrupt(I, call);
    if (rc == 0 && (rc = push_frame(I, call)) == 0) {
        I->src = f->src;
        rc = bind_defaults(I, f, bound, env);
        if (rc == 0)
            rc = run_body(I, f, env, out);
        pop_frame(I, saved);
    }
    fx_env_unref(env);
    return rc;
}

/* ---- builtins -------------------------------------------------------------- */

typedef struct Spec {
    char names[16][24];
    int  optional[16];
    int  n, star, starstar;
} Spec;

static void parse_spec(const char *p, Spec *s)
{
    memset(s, 0, sizeof *s);
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        if (p[0] == '*' && p[1] == '*') {
            s->starstar = 1;
            p += 2;
            continue;
        }
        if (p[0] == '*') {
            s->star = 1;
            p++;
            continue;
        }
        size_t k = 0;
        while (*p && *p != ',' && *p != '=' && *p != ' ' && k < 23 && s->n < 16)
            s->names[s->n][k++] = *p++;
        s->names[s->n][k] = '\0';
        if (*p == '=') {
            s->optional[s->n] = 1;
            p++;
        }
        while (*p && *p != ',')
            p++;
        if (s->n < 16)
            s->n++;
    }
}

const char *fx_param_name(const FxBuiltin *b, int i, char *buf, size_t n)
{
    Spec s;
    parse_spec(b ? b->params : "", &s);
    if (i < s.n)
        snprintf(buf, n, "%s", s.names[i]);
    else
        snprintf(buf, n, "%d", i + 1);
    return buf;
}

/* The parameter's index, -2 when any keyword is taken ("**"), -1 when the
 * builtin has no such parameter. */
int fx_builtin_param_index(const FxBuiltin *b, const char *name)
{
    Spec s;
    parse_spec(b->params, &s);
    for (int i = 0; i < s.n; i++)
        if (strcmp(s.names[i], name) == 0)
            return i;
    return s.starstar ? -2 : -1;
}

int fx_builtin_param_names(const FxBuiltin *b, const char **names, int max, char store[][24])
{
    Spec s;
    parse_spec(b->params, &s);
    int n = s.n < max ? s.n : max;
    for (int i = 0; i < n; i++) {
        memcpy(store[i], s.names[i], 24);
        names[i] = store[i];
    }
    return n;
}

static void params_hint(FxInterp *I, const FxBuiltin *b, const Spec *s, const char *kw)
{
    const char *cands[16];
    for (int i = 0; i < s->n; i++)
        cands[i] = s->names[i];
    const char *sug = kw ? fx_diag_suggest(kw, cands, s->n) : NULL;
    if (sug) {
        fx_error_hint(I, "did you mean '%s'?", sug);
        return;
    }
    FxBuf buf;
    fx_buf_init(&buf);
    for (int i = 0; i < s->n; i++)
        fx_buf_printf(&buf, "%s%s", i ? ", " : "", s->names[i]);
    if (s->n)
        fx_error_hint(I, "%s() takes %s", b->name, buf.s);
    else
        fx_error_hint(I, "%s() takes no keyword arguments", b->name);
    fx_buf_free(&buf);
}

static int bind_builtin(FxInterp *I, const FxBuiltin *b, const Spec *s, Args *a, FxCall *c)
{
    int nslots = s->n > a->npos ? s->n : a->npos;
    if (a->npos > s->n && !s->star)
        return fx_error_at(I, a->posat[s->n], "%s() takes %s%d argument%s, got %d", b->name,
                           s->n && s->optional[s->n - 1] ? "at most " : "", s->n,
                           s->n == 1 ? "" : "s", a->npos);
    c->n = nslots;
    /* one block: values, then pointers, then the given flags */
    size_t ns = (size_t)nslots + 1, nk = (size_t)a->nkw + 1;
    char *block = fx_xcalloc(1, (ns + nk) * sizeof(FxValue) + (ns + 2 * nk) * sizeof(void *) + ns);
    c->args = (FxValue *)block;
    c->kwvals = c->args + ns;
    c->at = (const FxNode **)(c->kwvals + nk);
    c->kwat = c->at + ns;
    c->kwnames = (const char **)(c->kwat + nk);
    c->given = (unsigned char *)(c->kwnames + nk);
    for (int i = 0; i < a->npos; i++) {
        c->args[i] = a->pos[i];
        c->at[i] = a->posat[i];
        c->given[i] = 1;
        a->pos[i] = fx_none();
    }
    for (int i = 0; i < a->nkw; i++) {
        int k = -1;
        for (int j = 0; j < s->n; j++)
            if (strcmp(s->names[j], a->kwnames[i]) == 0)
                k = j;
        if (k < 0 && s->starstar) {
            c->kwnames[c->nkw] = a->kwnames[i];
            c->kwat[c->nkw] = a->kwat[i];
            c->kwvals[c->nkw++] = a->kwvals[i];
            a->kwvals[i] = fx_none();
            continue;
        }
        if (k < 0) {
            fx_error(I, a->kwat[i]->name_span, "unknown keyword argument '%s' for %s()",
                     a->kwnames[i], b->name);
            params_hint(I, b, s, a->kwnames[i]);
            return -1;
        }
        if (c->given[k])
            return fx_error(I, a->kwat[i]->name_span, "argument '%s' of %s() is given twice",
                            a->kwnames[i], b->name);
        c->args[k] = a->kwvals[i];
        c->at[k] = a->kwat[i]->a;
        c->given[k] = 1;
        a->kwvals[i] = fx_none();
    }
    for (int i = 0; i < s->n; i++)
        if (!c->given[i] && !s->optional[i])
            return fx_error_at(I, c->node, "%s() is missing argument '%s'", b->name,
                               s->names[i]);
    return 0;
}

static void call_free(FxCall *c)
{
    for (int i = 0; i < c->n; i++)
        fx_unref(c->args[i]);
    for (int i = 0; i < c->nkw; i++)
        fx_unref(c->kwvals[i]);
    free(c->args);                  /* the whole block */
}

static int call_builtin(FxInterp *I, const FxBuiltin *b, Args *a, const FxNode *node,
                        FxValue *out)
{
    Spec s;
    parse_spec(b->params, &s);
    FxCall c = {0};
    c.I = I;
    c.node = node;
    c.name = b->name;
    c.bi = b;
    int rc = bind_builtin(I, b, &s, a, &c);
    if (rc == 0) {
        *out = fx_none();
        rc = b->fn(&c, out);
        if (rc == 0 && fx_check_interrupt(I, node->span)) {
            fx_unref(*out);         /* Ctrl-C during a long builtin: its */
            *out = fx_none();       /* result is dropped, the error located */
            rc = -1;
        }
    }
    call_free(&c);
    return rc;
}

/* ---- entry points ---------------------------------------------------------- */

static int dispatch(FxInterp *I, FxValue fn, Args *a, const FxNode *node, FxSpan span,
                    FxValue *out)
{
    if (fn.type == FX_FUNC)
        return call_func(I, fn, a, span, out);
    if (fn.type == FX_BUILTIN)
        return call_builtin(I, fn.as.bi, a, node, out);
    return fx_error(I, span, "%s is not a function; it cannot be called", fx_type_phrase(fn));
}

int fx_eval_call(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue fn;
    if (fx_eval(I, n->a, env, &fn))
        return -1;
    Args a;
    int rc = eval_args(I, n, env, &a);
    if (rc == 0) {
        if (fn.type != FX_FUNC && fn.type != FX_BUILTIN)
            rc = fx_error_at(I, n->a, "%s is not a function; it cannot be called",
                             fx_type_phrase(fn));
        else
            rc = dispatch(I, fn, &a, n, n->span, out);
    }
    args_free(&a);
    fx_unref(fn);
    return rc;
}

int fx_call_value(FxInterp *I, FxValue fn, const FxValue *args, int nargs, const FxNode *at,
                  FxValue *out)
{
    Args a;
    args_alloc(&a, nargs);
    a.npos = nargs;
    for (int i = 0; i < nargs; i++) {
        a.pos[i] = fx_ref(args[i]);
        a.posat[i] = at;
    }
    int rc = dispatch(I, fn, &a, at, at->span, out);
    args_free(&a);
    return rc;
}

/* Calls builtin b with the arguments written in n's items (a layer inside
 * a model block is written like a call, but its name is not a variable). */
int fx_builtin_call_node(FxInterp *I, const FxBuiltin *b, const FxNode *n, FxEnv *env,
                         FxValue *out)
{
    Args a;
    int rc = eval_args(I, n, env, &a);
    if (rc == 0)
        rc = call_builtin(I, b, &a, n, out);
    args_free(&a);
    return rc;
}
