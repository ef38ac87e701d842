/* reshape(d, shape): the same samples with another per-sample shape, the
 * numbers of each sample kept in row-major (C, H, W) order as numpy's
 * reshape keeps them, so a CSV row of 64 pixels becomes a [1, 8, 8] image.
 * Also the shape argument that reshape and load_csv(shape:) share: a list
 * of sizes, one of which may be -1 (inferred). The sizes are checked
 * against the samples by the runtime's rt_shape_reshape, whose message
 * names both counts. */
#include <math.h>
#include <string.h>
#include "data.h"

int fx_data_target_shape(FxCall *c, int i, RtShape *out)
{
    char name[32];
    FxValue v = c->args[i];
    FxList *l = v.type == FX_LIST ? fx_as_list(v) : NULL;
    int64_t dims[RT_MAX_DIMS];
    int ok = l && l->n >= 1 && l->n <= RT_MAX_DIMS - 1;
    for (size_t k = 0; ok && l && k < l->n; k++) {
        double d = l->items[k].type == FX_NUM ? l->items[k].as.n : 0;
        ok = l->items[k].type == FX_NUM && d == floor(d) && (d >= 1 || d == -1) && d < 9e15;
        dims[k] = ok ? (int64_t)d : 0;
    }
    if (ok) {
        *out = rt_shape((int)l->n, dims);
        return 0;
    }
    FxBuf b;
    fx_buf_init(&b);
    if (l)
        fx_value_show(&b, v);
    fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be a list of 1 to %d sizes, whole "
             "numbers >= 1 (one may be -1), such as [1, 28, 28]; got %.80s", c->name,
             fx_param_name(c->bi, i, name, sizeof name), RT_MAX_DIMS - 1,
             l ? b.s : fx_type_phrase(v));
    fx_buf_free(&b);
    return -1;
}

int fx_dataset_reshape(FxDataset *d, const RtShape *target, RtError *err)
{
    RtShape s;
    if (rt_shape_reshape(target, rt_shape_numel(&d->shape), &s, err))
        return -1;
    d->shape = s;
    return 0;
}

static int b_reshape(FxCall *c, FxValue *out)
{
    FxDataset *d;
    RtShape target;
    if (fx_arg_dataset(c, 0, &d) || fx_data_target_shape(c, 1, &target))
        return -1;
    RtError e = fx_std_rt_err(c->I);
    FxDataset *t = fx_dataset_new(d->n, &d->shape, d->ydim, d->classes, &e);
    if (!t)
        return fx_rt_error(c->I, c->node->span, &e);
    if (fx_dataset_reshape(t, &target, &e)) {
        char sb[RT_SHAPE_STR_SIZE];
        fx_error(c->I, fx_arg_span(c, 1), "reshape() of samples of %s: %s",
                 rt_shape_str(&d->shape, sb, sizeof sb), e.msg);
        fx_dataset_free(t);
        return -1;
    }
    memcpy(t->x, d->x, (size_t)(d->n * rt_shape_numel(&d->shape)) * sizeof(float));
    memcpy(t->y, d->y, (size_t)(d->n * d->ydim) * sizeof(float));
    memcpy(t->origin, d->origin, sizeof t->origin);
    if (fx_dataset_copy_exact(t, 0, d, 0, d->n, &e)) {
        fx_dataset_free(t);
        return fx_rt_error(c->I, c->node->span, &e);
    }
    *out = fx_dataset_value(c->I, t);
    return 0;
}

static const FxBuiltin reshape_builtins[] = {
    {"reshape", "d, shape", b_reshape,
     "dataset d with samples of another shape, numbers in row-major order as numpy's reshape: "
     "reshape(d, [1, 8, 8]) of 64 features; one size may be -1"},
};

void fx_data_reshape_init(FxInterp *I)
{
    fx_define_builtins(I, reshape_builtins,
                       (int)(sizeof reshape_builtins / sizeof *reshape_builtins));
}
