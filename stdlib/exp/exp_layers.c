/* A run's per-layer evidence as the language sees it, r.layers: one
 * record per layer of the model, in order (r.layers[i] is layer i, as
 * summary numbers them), {layer, name, grad_norm, step, dead, saturated},
 * each statistic a per-epoch list or none where it does not apply; none
 * for the whole field when the run was trained without diagnosis. The
 * numbers are the runtime's RtLayerStats (rt.h). */
#include <math.h>
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
