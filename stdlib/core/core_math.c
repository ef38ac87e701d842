/* Built-in math functions on numbers: exp, log, sqrt and friends. Domain
 * errors and overflow are located errors, never a silent nan or inf. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "core.h"

static int overflowed(FxCall *c, double x, double r, FxValue *out)
{
    if (isinf(r) && isfinite(x))
        return fx_error(c->I, fx_arg_span(c, 0), "%s(%g) overflows a double", c->name, x);
    *out = fx_num(r);
    return 0;
}

static int b_exp(FxCall *c, FxValue *out)
{
    double x;
    return fx_arg_num(c, 0, &x) ? -1 : overflowed(c, x, exp(x), out);
}

static int log_like(FxCall *c, FxValue *out, double (*f)(double))
{
    double x;
    if (fx_arg_num(c, 0, &x))
        return -1;
    if (!(x > 0) && !isnan(x))
        return fx_error(c->I, fx_arg_span(c, 0), "%s() of %s is undefined", c->name,
                        x == 0 ? "0" : "a negative number");
    *out = fx_num(f(x));
    return 0;
}

static int b_log(FxCall *c, FxValue *out) { return log_like(c, out, log); }
static int b_log10(FxCall *c, FxValue *out) { return log_like(c, out, log10); }
static int b_log2(FxCall *c, FxValue *out) { return log_like(c, out, log2); }

static int b_sqrt(FxCall *c, FxValue *out)
{
    double x;
    if (fx_arg_num(c, 0, &x))
        return -1;
    if (x < 0)
        return fx_error(c->I, fx_arg_span(c, 0), "sqrt() of a negative number is undefined");
    *out = fx_num(sqrt(x));
    return 0;
}

static int unary(FxCall *c, FxValue *out, double (*f)(double))
{
    double x;
    if (fx_arg_num(c, 0, &x))
        return -1;
    *out = fx_num(f(x));
    return 0;
}

static int b_abs(FxCall *c, FxValue *out) { return unary(c, out, fabs); }
static int b_floor(FxCall *c, FxValue *out) { return unary(c, out, floor); }
static int b_ceil(FxCall *c, FxValue *out) { return unary(c, out, ceil); }
static int b_sin(FxCall *c, FxValue *out) { return unary(c, out, sin); }
static int b_cos(FxCall *c, FxValue *out) { return unary(c, out, cos); }
static int b_tan(FxCall *c, FxValue *out) { return unary(c, out, tan); }
static int b_tanh(FxCall *c, FxValue *out) { return unary(c, out, tanh); }

/* round(x, digits): the decimal nearest to the double x (halves to even,
 * judged on x's exact value, as Python rounds: round(2.675, 2) is 2.67
 * because 2.675 is stored as 2.67499999...). */
static int b_round(FxCall *c, FxValue *out)
{
    double x;
    long long d;
    if (fx_arg_num(c, 0, &x) || fx_arg_opt_int(c, 1, 0, &d))
        return -1;
    if (d < -300 || d > 300)
        return fx_error(c->I, fx_arg_span(c, 1), "round() digits must be from -300 to 300");
    if (!isfinite(x)) {
        *out = fx_num(x);
        return 0;
    }
    if (d >= 0) {
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)d, x);   /* exact, ties to even */
        *out = fx_num(strtod(buf, NULL));
        return 0;
    }
    double p = pow(10, (double)-d);
    *out = fx_num(nearbyint(x / p) * p);
    return 0;
}

static int b_isnan(FxCall *c, FxValue *out)
{
    double x;
    if (fx_arg_num(c, 0, &x))
        return -1;
    *out = fx_bool(isnan(x));
    return 0;
}

static int b_isinf(FxCall *c, FxValue *out)
{
    double x;
    if (fx_arg_num(c, 0, &x))
        return -1;
    *out = fx_bool(isinf(x));
    return 0;
}

static const FxBuiltin math_builtins[] = {
    {"exp", "x", b_exp, "e to the power x"},
    {"log", "x", b_log, "natural logarithm"},
    {"log10", "x", b_log10, "base-10 logarithm"},
    {"log2", "x", b_log2, "base-2 logarithm"},
    {"sqrt", "x", b_sqrt, "square root"},
    {"abs", "x", b_abs, "absolute value"},
    {"floor", "x", b_floor, "largest whole number <= x"},
    {"ceil", "x", b_ceil, "smallest whole number >= x"},
    {"round", "x, digits=", b_round, "x rounded to `digits` decimals (halves to even)"},
    {"sin", "x", b_sin, "sine"},
    {"cos", "x", b_cos, "cosine"},
    {"tan", "x", b_tan, "tangent"},
    {"tanh", "x", b_tanh, "hyperbolic tangent"},
    {"isnan", "x", b_isnan, "whether x is nan"},
    {"isinf", "x", b_isinf, "whether x is inf or -inf"},
};

void fx_core_math_init(FxInterp *I)
{
    fx_define_builtins(I, math_builtins, (int)(sizeof math_builtins / sizeof *math_builtins));
}
