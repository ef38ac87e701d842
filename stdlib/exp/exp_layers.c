/* A run's per-layer evidence as the language sees it, r.layers: one
 * record per layer of the model, in order (r.layers[i] is layer i, as
 * summary numbers them), {layer, name, grad_norm, step, dead, saturated},
 * each statistic a per-epoch list or none where it does not apply; none
 * for the whole field when the run was trained without diagnosis. The
 * numbers are the runtime's RtLayerStats (rt.h). And back: such a list
 * read into rows for diagnose() of a record of curves. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

#define SET(I, r, key, v) fx_record_set((r), fx_intern_cstr(&(I)->intern, (key)), (v))

/* Layer i's column of an epochs x layers array, or none when no epoch
 * has a number there. */
static FxValue column(FxInterp *I, const RtHistory *h, const double *x, int i)
{
    const RtLayerStats *s = &h->layer;
    int any = 0;
    for (int64_t e = 0; x && e < h->epochs && !any; e++)
        any = !isnan(x[e * s->layers + i]);
    if (!any)
        return fx_none();
    FxValue l = fx_list_new(&I->heap, (size_t)h->epochs);
    for (int64_t e = 0; e < h->epochs; e++)
        fx_list_push_value(l, fx_num(x[e * s->layers + i]));
    return l;
}

/* Layer i's display name ("dense(64)"), into buf. */
const char *fx_run_layer_name(const FxRun *r, int i, char *buf, size_t len)
{
    const FxModel *m = fx_value_model(r->model);
    if (m && m->weights && i < rt_model_layers(m->weights))
        snprintf(buf, len, "%s", rt_model_layer_name(m->weights, i));
    else if (m && i < m->n)
        rt_layer_name(&m->layers[i], buf, len);
    else
        snprintf(buf, len, "?");
    return buf;
}

FxValue fx_run_layers(FxInterp *I, const FxRun *r)
{
    const RtHistory *h = &r->h;
    const RtLayerStats *s = &h->layer;
    if (s->layers <= 0)
        return fx_none();
    FxValue list = fx_list_new(&I->heap, (size_t)s->layers);
    for (int i = 0; i < s->layers; i++) {
        char name[64];
        FxValue rec = fx_record_new(&I->heap);
        SET(I, rec, "layer", fx_num(i));
        SET(I, rec, "name", fx_str_cstr(&I->heap, fx_run_layer_name(r, i, name, sizeof name)));
        SET(I, rec, "grad_norm", column(I, h, s->grad_norm, i));
        SET(I, rec, "step", column(I, h, s->step, i));
        SET(I, rec, "dead", column(I, h, s->dead, i));
        SET(I, rec, "saturated", column(I, h, s->saturated, i));
        fx_list_push_value(list, rec);
    }
    return list;
}

void fx_layer_rows_free(FxLayerRows *r)
{
    free(r->grad_norm);
    free(r->step);
    free(r->dead);
    free(r->saturated);
    free(r->names);
    free(r->name_ptrs);
    memset(r, 0, sizeof *r);
}

/* Layer i's statistic `key` of record rec into column i of x (epochs
 * rows of `layers`); absent or none leaves NaN. */
static int read_column(FxInterp *I, FxSpan at, FxValue rec, const char *key, int64_t epochs,
                       int layers, int i, double *x)
{
    FxValue *v = fx_record_get(rec, fx_intern_cstr(&I->intern, key));
    if (!v || v->type == FX_NONE)
        return 0;
    char what[64];
    snprintf(what, sizeof what, "layers[%d].%s", i, key);
    size_t n;
    double *col = fx_list_numbers(I, *v, at, what, &n);
    if (!col)
        return -1;
    if ((int64_t)n != epochs) {
        free(col);
        return fx_error(I, at, "diagnose(): %s has %zu epochs, loss %lld", what, n,
                        (long long)epochs);
    }
    for (int64_t e = 0; e < epochs; e++)
        x[e * layers + i] = col[e];
    free(col);
    return 0;
}

int fx_layer_rows_read(FxInterp *I, FxSpan at, FxValue list, int64_t epochs, FxLayerRows *r)
{
    memset(r, 0, sizeof *r);
    if (list.type != FX_LIST)
        return fx_error(I, at, "diagnose(): layers must be a list of records as r.layers "
                        "gives, got %s", fx_type_phrase(list));
    FxList *l = fx_as_list(list);
    if (l->n == 0 || l->n > 100000 || epochs < 1)
        return 0;
    int L = (int)l->n;
    size_t cells = (size_t)epochs * (size_t)L;
    double **arr[] = {&r->grad_norm, &r->step, &r->dead, &r->saturated};
    static const char *const keys[] = {"grad_norm", "step", "dead", "saturated"};
    for (int k = 0; k < 4; k++) {
        *arr[k] = fx_xmalloc(cells * sizeof(double));
        for (size_t j = 0; j < cells; j++)
            (*arr[k])[j] = NAN;
    }
    r->names = fx_xcalloc((size_t)L, sizeof *r->names);
    r->name_ptrs = fx_xcalloc((size_t)L, sizeof *r->name_ptrs);
    r->layers = L;
    for (int i = 0; i < L; i++) {
        FxValue rec = l->items[i];
        if (rec.type != FX_RECORD) {
            fx_error(I, at, "diagnose(): layers[%d] must be a record as r.layers gives, got %s",
                     i, fx_type_phrase(rec));
            fx_layer_rows_free(r);
            return -1;
        }
        for (int k = 0; k < 4; k++)
            if (read_column(I, at, rec, keys[k], epochs, L, i, *arr[k])) {
                fx_layer_rows_free(r);
                return -1;
            }
        FxValue *name = fx_record_get(rec, fx_intern_cstr(&I->intern, "name"));
        if (name && name->type == FX_STR)
            snprintf(r->names[i], sizeof r->names[i], "%.*s", (int)fx_as_str(*name)->len,
                     fx_as_str(*name)->s);
        r->name_ptrs[i] = r->names[i];      /* "" when not given */
    }
    return 0;
}
