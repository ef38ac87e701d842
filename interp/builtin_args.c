/* Helpers built-in functions use to read their arguments: each checks the
 * type and raises a located error naming the function and the parameter
 * ("range() argument 'step' must be a number, got a string"). Also the
 * parameter-string queries the resolver uses to check keyword arguments
 * before anything runs. */
#include <math.h>
#include <string.h>
#include "interp.h"

FxSpan fx_arg_span(FxCall *c, int i)
{
    return i < c->n && c->at[i] ? c->at[i]->span : c->node->span;
}

static int wrong(FxCall *c, int i, const char *want)
{
    char name[32];
    fx_param_name(c->bi, i, name, sizeof name);
    return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be %s, got %s", c->name,
                    name, want, fx_type_phrase(c->args[i]));
}

int fx_arg_num(FxCall *c, int i, double *out)
{
    if (c->args[i].type != FX_NUM)
        return wrong(c, i, "a number");
    *out = c->args[i].as.n;
    return 0;
}

int fx_arg_int(FxCall *c, int i, long long *out)
{
    FxValue v = c->args[i];
    if (v.type != FX_NUM)
        return wrong(c, i, "a whole number");
    if (v.as.n != floor(v.as.n) || fabs(v.as.n) > 9e15) {
        char name[32];
        fx_param_name(c->bi, i, name, sizeof name);
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be a whole number, "
                        "got %g", c->name, name, v.as.n);
    }
    *out = (long long)v.as.n;
    return 0;
}

int fx_arg_opt_num(FxCall *c, int i, double dflt, double *out)
{
    if (i >= c->n || !c->given[i] || c->args[i].type == FX_NONE) {
        *out = dflt;
        return 0;
    }
    return fx_arg_num(c, i, out);
}

int fx_arg_opt_int(FxCall *c, int i, long long dflt, long long *out)
{
    if (i >= c->n || !c->given[i] || c->args[i].type == FX_NONE) {
        *out = dflt;
        return 0;
    }
    return fx_arg_int(c, i, out);
}

int fx_arg_list(FxCall *c, int i, FxList **out)
{
    if (c->args[i].type != FX_LIST)
        return wrong(c, i, "a list");
    *out = fx_as_list(c->args[i]);
    return 0;
}

int fx_arg_str(FxCall *c, int i, FxStr **out)
{
    if (c->args[i].type != FX_STR)
        return wrong(c, i, "a string");
    *out = fx_as_str(c->args[i]);
    return 0;
}

int fx_arg_bool(FxCall *c, int i, int dflt, int *out)
{
    if (i >= c->n || !c->given[i]) {
        *out = dflt;
        return 0;
    }
    if (c->args[i].type != FX_BOOL)
        return wrong(c, i, "true or false");
    *out = c->args[i].as.b;
    return 0;
}
