/* `minimize f from x0, lr: 0.1, steps: 100`: gradient descent on an fx
 * function with exact derivatives, by forward-mode automatic
 * differentiation (dual numbers) over the function's expression. The
 * function must be written as one expression (fn f(x) = ...), built from
 * numbers, its parameters, other numbers in scope, + - * / ^, the math
 * builtins and calls of other such functions. The result is a record: f
 * (the value after every step, as seed 001 plots it), x (the final point),
 * path (x after every step), steps, lr, diverged. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

const FxOptionDef fx_minimize_options[] = {{"lr", 0, 0}, {"steps", 0, 0}, {"momentum", 0, 0}, {0}};

#define AD_MAX_DEPTH 64

typedef struct Dual {
    double v, d;
} Dual;

typedef struct AdScope {
    const FxNode *decl;     /* the function being differentiated */
    const Dual   *args;     /* its parameters' values */
    FxEnv        *env;      /* its closure, for other names */
    const FxSource *src;
    int           depth;
} AdScope;

static int ad_eval(FxInterp *I, const FxNode *n, const AdScope *s, Dual *out);

static int unsupported(FxInterp *I, const FxNode *n, const char *what)
{
    fx_error_at(I, n, "minimize cannot differentiate %s", what);
    fx_error_hint(I, "write f with numbers, its parameters, + - * / ^, exp, log, sqrt, sin, cos, "
                     "tan, tanh, abs, and calls of functions written fn g(x) = expression");
    return -1;
}

static int ad_name(FxInterp *I, const FxNode *n, const AdScope *s, Dual *out)
{
    for (int i = 0; i < s->decl->params.count; i++)
        if (s->decl->params.items[i]->name == n->name) {
            *out = s->args[i];
            return 0;
        }
    FxValue *v = fx_env_find(s->env, n->name);
    if (!v)
        return fx_error_at(I, n, "'%s' is not defined", n->name);
    if (v->type != FX_NUM)
        return unsupported(I, n, "a name that is not a number");
    *out = (Dual){v->as.n, 0};
    return 0;
}

static int ad_pow(FxInterp *I, const FxNode *n, Dual a, Dual b, Dual *out)
{
    if (a.v == 0 && b.v < 0)
        return fx_error_at(I, n, "division by zero: 0 to a negative power");
    double p = pow(a.v, b.v);
    double d = 0;
    if (b.d == 0) {
        d = a.d == 0 ? 0 : b.v * pow(a.v, b.v - 1) * a.d;
    } else {
        if (a.v <= 0)
            return fx_error_at(I, n, "cannot differentiate a^b with a variable exponent "
                               "at a <= 0");
        d = p * (b.d * log(a.v) + b.v * a.d / a.v);
    }
    *out = (Dual){p, d};
    return 0;
}

static int ad_binary(FxInterp *I, const FxNode *n, const AdScope *s, Dual *out)
{
    Dual a, b;
    if (ad_eval(I, n->a, s, &a) || ad_eval(I, n->b, s, &b))
        return -1;
    switch (n->op) {
    case FX_OP_ADD: *out = (Dual){a.v + b.v, a.d + b.d}; return 0;
    case FX_OP_SUB: *out = (Dual){a.v - b.v, a.d - b.d}; return 0;
    case FX_OP_MUL: *out = (Dual){a.v * b.v, a.d * b.v + a.v * b.d}; return 0;
    case FX_OP_DIV:
        if (b.v == 0)
            return fx_error_at(I, n->b, "division by zero");
        *out = (Dual){a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v)};
        return 0;
    case FX_OP_POW: return ad_pow(I, n, a, b, out);
    default: return unsupported(I, n, "a comparison or '%'");
    }
}

/* d/dx of the math builtins, by name. */
static int ad_math(FxInterp *I, const FxNode *n, const char *f, Dual x, Dual *out)
{
    double v, d;
    if (!strcmp(f, "exp")) v = exp(x.v), d = v;
    else if (!strcmp(f, "log")) {
        if (x.v <= 0)
            return fx_error_at(I, n, "log() of %s is undefined", x.v == 0 ? "0" : "a negative number");
        v = log(x.v), d = 1 / x.v;
    } else if (!strcmp(f, "sqrt")) {
        if (x.v < 0)
            return fx_error_at(I, n, "sqrt() of a negative number is undefined");
        v = sqrt(x.v), d = v > 0 ? 0.5 / v : INFINITY;
    } else if (!strcmp(f, "sin")) v = sin(x.v), d = cos(x.v);
    else if (!strcmp(f, "cos")) v = cos(x.v), d = -sin(x.v);
    else if (!strcmp(f, "tan")) v = tan(x.v), d = 1 + v * v;
    else if (!strcmp(f, "tanh")) v = tanh(x.v), d = 1 - v * v;
    else if (!strcmp(f, "abs")) v = fabs(x.v), d = x.v > 0 ? 1 : x.v < 0 ? -1 : 0;
    else return unsupported(I, n, "this built-in function");
    *out = (Dual){v, d * x.d};
    return 0;
}

static int ad_call(FxInterp *I, const FxNode *n, const AdScope *s, Dual *out)
{
    if (n->a->kind != FX_N_NAME)
        return unsupported(I, n, "a call of a computed function");
    int argc = n->items.count;
    Dual args[16];
    if (argc > 16)
        return unsupported(I, n, "a call with more than 16 arguments");
    for (int i = 0; i < argc; i++) {
        if (n->items.items[i]->kind == FX_N_KWARG)
            return unsupported(I, n->items.items[i], "keyword arguments");
        if (ad_eval(I, n->items.items[i], s, &args[i]))
            return -1;
    }
    FxValue *fv = fx_env_find(s->env, n->a->name);
    if (fv && fv->type == FX_BUILTIN) {
        if (argc != 1)
            return unsupported(I, n, "this built-in function");
        return ad_math(I, n, fv->as.bi->name, args[0], out);
    }
    if (!fv || fv->type != FX_FUNC)
        return unsupported(I, n, "a call of something that is not a function");
    FxFunc *f = fx_as_func(*fv);
    if (f->decl->body->kind == FX_N_BLOCK || f->decl->params.count != argc)
        return unsupported(I, n, "a function with a block body or other arguments than given");
    if (s->depth >= AD_MAX_DEPTH)
        return fx_error_at(I, n, "minimize: functions call each other more than %d deep",
                           AD_MAX_DEPTH);
    AdScope inner = {f->decl, args, f->env, f->src, s->depth + 1};
    const FxSource *saved = I->src;
    I->src = f->src;
    int rc = ad_eval(I, f->decl->body, &inner, out);
    I->src = saved;
    return rc;
}

static int ad_eval(FxInterp *I, const FxNode *n, const AdScope *s, Dual *out)
{
    switch (n->kind) {
    case FX_N_NUM: *out = (Dual){n->num, 0}; return 0;
    case FX_N_NAME: return ad_name(I, n, s, out);
    case FX_N_BINARY: return ad_binary(I, n, s, out);
    case FX_N_UNARY:
        if (n->op != FX_OP_NEG || ad_eval(I, n->a, s, out))
            return n->op != FX_OP_NEG ? unsupported(I, n, "'not'") : -1;
        *out = (Dual){-out->v, -out->d};
        return 0;
    case FX_N_CALL: return ad_call(I, n, s, out);
    default: return unsupported(I, n, "this kind of expression");
    }
}

/* f and its gradient at x (k parameters). */
static int value_and_grad(FxInterp *I, FxFunc *f, const double *x, int k, double *fx,
                          double *grad)
{
    Dual args[16];
    for (int j = 0; j < k; j++) {
        for (int i = 0; i < k; i++)
            args[i] = (Dual){x[i], i == j ? 1 : 0};
        AdScope s = {f->decl, args, f->env, f->src, 0};
        Dual r;
        const FxSource *saved = I->src;
        I->src = f->src;
        int rc = ad_eval(I, f->decl->body, &s, &r);
        I->src = saved;
        if (rc)
            return -1;
        *fx = r.v;
        grad[j] = r.d;
    }
    return 0;
}

typedef struct Opts {
    double    lr, momentum;
    long long steps;
} Opts;

static int read_opts(FxInterp *I, const FxNode *n, FxEnv *env, Opts *o)
{
    o->lr = 0.1;
    o->momentum = 0;
    o->steps = 100;
    static const char *const names[] = {"lr", "momentum", "steps"};
    for (int i = 0; i < 3; i++) {
        FxValue v;
        int given;
        if (fx_eval_option(I, n, names[i], env, &v, &given))
            return -1;
        if (!given)
            continue;
        const FxNode *at = fx_option(n, names[i])->a;
        if (v.type != FX_NUM || !(v.as.n >= 0) || (i == 2 && (v.as.n != floor(v.as.n) ||
                                                              v.as.n > 1e7))) {
            fx_unref(v);
            return fx_error_at(I, at, "minimize %s: needs %s", names[i],
                               i == 2 ? "a whole number of steps up to 10,000,000"
                                      : "a number >= 0");
        }
        if (i == 0) o->lr = v.as.n;
        else if (i == 1) o->momentum = v.as.n;
        else o->steps = (long long)v.as.n;
    }
    return 0;
}

/* The start point: a number (k = 1) or a list of k numbers. */
static int start_point(FxInterp *I, const FxNode *n, FxValue v, int k, double *x)
{
    if (v.type == FX_NUM && k == 1) {
        x[0] = v.as.n;
        return 0;
    }
    if (v.type == FX_LIST && fx_as_list(v)->n == (size_t)k) {
        FxList *l = fx_as_list(v);
        for (int i = 0; i < k; i++) {
            if (l->items[i].type != FX_NUM)
                return fx_error_at(I, n->b, "minimize: the start point must hold numbers");
            x[i] = l->items[i].as.n;
        }
        return 0;
    }
    return fx_error_at(I, n->b, "minimize: f takes %d parameter%s, so start from %s", k,
                       k == 1 ? "" : "s", k == 1 ? "a number" : "a list of that many numbers");
}

static FxValue point_value(FxInterp *I, const double *x, int k)
{
    return k == 1 ? fx_num(x[0]) : fx_numbers_value(I, x, (size_t)k);
}

static int descend(FxInterp *I, FxFunc *f, double *x, int k, const Opts *o, FxValue rec)
{
    double vel[16] = {0}, g[16], fx = 0;
    FxValue fs = fx_list_new(&I->heap, (size_t)o->steps), path = fx_list_new(&I->heap, (size_t)o->steps);
    /* The gradient at the new point serves the next step too: one pass of
     * k derivatives per step. */
    int diverged = 0, rc = o->steps > 0 ? value_and_grad(I, f, x, k, &fx, g) : 0;
    for (long long t = 0; t < o->steps && !diverged && rc == 0; t++) {
        for (int i = 0; i < k; i++) {
            vel[i] = o->momentum * vel[i] + g[i];
            x[i] -= o->lr * vel[i];
        }
        if ((rc = value_and_grad(I, f, x, k, &fx, g)) != 0)
            break;
        fx_list_push_value(fs, fx_num(fx));
        fx_list_push_value(path, point_value(I, x, k));
        if (!isfinite(fx)) {
            diverged = 1;                 /* said even with --quiet, as train does */
            fprintf(I->out, "minimize: stopped at step %lld: f is %s\n", t + 1,
                        isnan(fx) ? "nan" : "inf");
        }
    }
    FxIntern *in = &I->intern;
    fx_record_set(rec, fx_intern_cstr(in, "f"), fs);
    fx_record_set(rec, fx_intern_cstr(in, "x"), point_value(I, x, k));
    fx_record_set(rec, fx_intern_cstr(in, "path"), path);
    fx_record_set(rec, fx_intern_cstr(in, "steps"), fx_num((double)fx_as_list(fs)->n));
    fx_record_set(rec, fx_intern_cstr(in, "lr"), fx_num(o->lr));
    fx_record_set(rec, fx_intern_cstr(in, "diverged"), fx_bool(diverged));
    return rc;
}

int fx_eval_minimize(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out)
{
    FxValue fv, start;
    Opts o;
    if (fx_eval(I, n->a, env, &fv))
        return -1;
    if (fv.type != FX_FUNC || fx_as_func(fv)->decl->body->kind == FX_N_BLOCK) {
        fx_error_at(I, n->a, "minimize needs a function written as one expression, got %s",
                    fv.type == FX_FUNC ? "a function with a block body" : fx_type_phrase(fv));
        fx_error_hint(I, "define it like: fn f(x) = x^2 - 4*x + 3");
        fx_unref(fv);
        return -1;
    }
    FxFunc *f = fx_as_func(fv);
    int k = f->decl->params.count;
    double x[16];
    int rc = -1;
    if (k < 1 || k > 16)
        fx_error_at(I, n->a, "minimize needs a function of 1 to 16 parameters");
    else if (!read_opts(I, n, env, &o) && !fx_eval(I, n->b, env, &start)) {
        if (!start_point(I, n, start, k, x)) {
            FxValue rec = fx_record_new(&I->heap);
            rc = descend(I, f, x, k, &o, rec);
            if (rc)
                fx_unref(rec);
            else
                *out = rec;
        }
        fx_unref(start);
    }
    fx_unref(fv);
    return rc;
}
