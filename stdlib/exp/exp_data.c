/* dataset(x, y, classes:): a dataset from fx lists, for data computed in a
 * script (x a list of numbers or of equally long lists of numbers; y a
 * list of class indices or of targets). The generators and loaders live
 * in data/data_*.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

/* Width of one sample (1 for numbers, k for lists of k numbers); -1 and an
 * error when the rows are not all alike. */
static int64_t row_width(FxCall *c, int arg, FxList *l)
{
    int64_t w = -1;
    for (size_t i = 0; i < l->n; i++) {
        FxValue v = l->items[i];
        int64_t k = v.type == FX_NUM ? 0 : v.type == FX_LIST ? (int64_t)fx_as_list(v)->n : -2;
        if (k == -2 || (w >= 0 && k != w)) {
            fx_error(c->I, fx_arg_span(c, arg), "dataset() item %zu of %s is %s; every item must "
                     "be a number, or every item a list of the same length", i,
                     arg ? "y" : "x", fx_type_phrase(v));
            return -1;
        }
        w = k;
    }
    return w;
}

static int fill(FxCall *c, int arg, FxList *l, int64_t w, float *out)
{
    for (size_t i = 0; i < l->n; i++) {
        FxValue v = l->items[i];
        int64_t k = w == 0 ? 1 : w;
        for (int64_t j = 0; j < k; j++) {
            FxValue x = w == 0 ? v : fx_as_list(v)->items[j];
            if (x.type != FX_NUM)
                return fx_error(c->I, fx_arg_span(c, arg), "dataset() %s holds %s at item %zu",
                                arg ? "y" : "x", fx_type_phrase(x), i);
            out[(int64_t)i * k + j] = (float)x.as.n;
        }
    }
    return 0;
}

/* classes: given, or found: whole numbers >= 0 in one column, at most 1000. */
static int count_classes(FxCall *c, const float *y, int64_t n, int64_t w, int *classes)
{
    long long given = -1;
    if (fx_arg_opt_int(c, 2, -1, &given))
        return -1;
    float top = 0;
    int whole = w == 1;
    for (int64_t i = 0; i < n * w && whole; i++) {
        whole = y[i] >= 0 && y[i] == floorf(y[i]) && y[i] < 1000;
        top = y[i] > top ? y[i] : top;
    }
    if (given == 0 || (given < 0 && !whole)) {
        *classes = 0;
        return 0;
    }
    if (!whole)
        return fx_error(c->I, fx_arg_span(c, 1), "dataset() classes: needs y to hold class "
                        "indices 0, 1, 2, ...");
    *classes = given > 0 ? (int)given : (int)top + 1 < 2 ? 2 : (int)top + 1;
    if (top >= *classes)
        return fx_error(c->I, fx_arg_span(c, 1), "dataset() y holds class %g, but classes is %d",
                        (double)top, *classes);
    return 0;
}

static int b_dataset(FxCall *c, FxValue *out)
{
    FxList *x, *y;
    if (fx_arg_list(c, 0, &x) || fx_arg_list(c, 1, &y))
        return -1;
    if (x->n == 0 || x->n != y->n)
        return fx_error(c->I, c->node->span, "dataset() needs as many x as y items, at least "
                        "one (got %zu and %zu)", x->n, y->n);
    int64_t wx = row_width(c, 0, x), wy = row_width(c, 1, y);
    if (wx < 0 || wy < 0)
        return -1;
    RtShape shape = rt_shape1(wx ? wx : 1);
    RtError e = fx_std_rt_err(c->I);
    FxDataset *d = fx_dataset_new((int64_t)x->n, &shape, wy ? wy : 1, 0, &e);
    if (!d)
        return fx_rt_error(c->I, c->node->span, &e);
    if (fill(c, 0, x, wx, d->x) || fill(c, 1, y, wy, d->y) ||
        count_classes(c, d->y, d->n, d->ydim, &d->classes)) {
        fx_dataset_free(d);
        return -1;
    }
    snprintf(d->origin, sizeof d->origin, "dataset(%zu)", x->n);
    *out = fx_dataset_value(c->I, d);
    return 0;
}

static const FxBuiltin data_builtins[] = {
    {"dataset", "x, y, classes=", b_dataset,
     "a dataset from lists: x numbers or lists of numbers, y class indices or targets"},
};

void fx_exp_data_init(FxInterp *I)
{
    fx_define_builtins(I, data_builtins, 1);
}
