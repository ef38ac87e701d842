/* smooth(xs, weight): the debiased exponential moving average that
 * TensorBoard draws since its issue 610 fix. The running average starts
 * at 0 and is divided by 1 - weight^k after k finite points, so the first
 * points are not pulled towards zero; NaN and inf points are kept as they
 * are and skipped by the average. Also used by plot's smooth: and by the
 * diagnosis rules (fx_smooth_ema). */
#include <math.h>
#include <stdlib.h>
#include "core.h"

void fx_smooth_ema(const double *x, size_t n, double weight, double *out)
{
    double last = 0;
    int64_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i])) {
            out[i] = x[i];
            continue;
        }
        last = last * weight + (1 - weight) * x[i];
        k++;
        out[i] = last / (1 - pow(weight, (double)k));   /* weight < 1 */
    }
}

static int b_smooth(FxCall *c, FxValue *out)
{
    FxList *xs;
    double w;
    if (fx_arg_list(c, 0, &xs) || fx_arg_opt_num(c, 1, 0.6, &w))
        return -1;
    if (!(w >= 0 && w < 1))
        return fx_error(c->I, fx_arg_span(c, 1),
                        "smooth() weight must be at least 0 and below 1, got %g", w);
    double *x = malloc((xs->n ? xs->n : 1) * sizeof *x);
    if (!x)
        return fx_error(c->I, fx_arg_span(c, 0), "out of memory");
    for (size_t i = 0; i < xs->n; i++) {
        if (xs->items[i].type != FX_NUM) {
            free(x);
            return fx_error(c->I, fx_arg_span(c, 0),
                            "smooth() needs a list of numbers; item %zu is %s", i,
                            fx_type_phrase(xs->items[i]));
        }
        x[i] = xs->items[i].as.n;
    }
    fx_smooth_ema(x, xs->n, w, x);
    *out = fx_list_new(&c->I->heap, xs->n);
    for (size_t i = 0; i < xs->n; i++)
        fx_list_push_value(*out, fx_num(x[i]));
    free(x);
    return 0;
}

static const FxBuiltin smooth_builtins[] = {
    {"smooth", "xs, weight=", b_smooth,
     "TensorBoard's debiased moving average of a curve (weight 0.6 unless given)"},
};

void fx_core_smooth_init(FxInterp *I)
{
    fx_define_builtins(I, smooth_builtins, 1);
}
