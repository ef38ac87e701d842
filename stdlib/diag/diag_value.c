/* Verdicts as the language sees them (a record keyed by kind, so a script
 * asks `contains(r.diagnosis, "overfitting")` or reads
 * `r.diagnosis.overfitting.epoch`) and as the lines `diagnose` prints. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "verdict.h"

#define SET(I, r, key, v) fx_record_set((r), fx_intern_cstr(&(I)->intern, (key)), (v))

/* "early spike / first batch loss 45.2 > 3; ..." */
static void evidence(const FxVerdict *v, char *buf, size_t len)
{
    size_t at = 0;
    buf[0] = 0;
    for (int i = 0; i < v->n && at < len; i++) {
        const FxDiagNumber *d = &v->num[i];
        int w = isnan(d->limit)
            ? snprintf(buf + at, len - at, "%s%s %.4g", i ? "; " : "", d->name, d->value)
            : snprintf(buf + at, len - at, "%s%s %.4g %s %.4g", i ? "; " : "", d->name,
                       d->value, d->op, d->limit);
        if (w < 0)
            break;
        at += (size_t)w;
    }
}

static FxValue verdict_value(FxInterp *I, const FxVerdict *v)
{
    FxHeap *h = &I->heap;
    char ev[512];
    FxValue r = fx_record_new(h), nums = fx_list_new(h, (size_t)v->n);
    SET(I, r, "kind", fx_str_cstr(h, fx_diag_kind_name(v->kind)));
    SET(I, r, "title", fx_str_cstr(h, fx_diag_kind_title(v->kind)));
    SET(I, r, "epoch", v->epoch ? fx_num((double)v->epoch) : fx_none());
    SET(I, r, "step", v->step ? fx_num((double)v->step) : fx_none());
    SET(I, r, "layer", v->in_layer ? fx_num(v->layer) : fx_none());
    SET(I, r, "layer_name", v->in_layer && v->layer_name[0] ? fx_str_cstr(h, v->layer_name)
                                                             : fx_none());
    for (int i = 0; i < v->n; i++) {
        FxValue d = fx_record_new(h);
        SET(I, d, "name", fx_str_cstr(h, v->num[i].name));
        SET(I, d, "value", fx_num(v->num[i].value));
        SET(I, d, "op", fx_str_cstr(h, v->num[i].op));
        SET(I, d, "limit", isnan(v->num[i].limit) ? fx_none() : fx_num(v->num[i].limit));
        fx_list_push_value(nums, d);
    }
    SET(I, r, "numbers", nums);
    evidence(v, ev, sizeof ev);
    SET(I, r, "evidence", fx_str_cstr(h, ev));
    SET(I, r, "remedy", fx_str_cstr(h, fx_diag_remedy(v->kind)));
    return r;
}

FxValue fx_diag_value(FxInterp *I, const FxVerdict *v, int n)
{
    FxValue r = fx_record_new(&I->heap);
    for (int i = 0; i < n; i++)
        SET(I, r, fx_diag_kind_name(v[i].kind), verdict_value(I, &v[i]));
    return r;
}

void fx_diag_kinds_text(const FxVerdict *v, int n, char *buf, size_t len)
{
    size_t at = 0;
    buf[0] = 0;
    for (int i = 0; i < n && at < len; i++) {
        int w = snprintf(buf + at, len - at, "%s%s", i ? ", " : "", fx_diag_kind_name(v[i].kind));
        if (w < 0)
            break;
        at += (size_t)w;
    }
}

void fx_diag_print(FILE *out, const char *label, const FxVerdict *v, int n)
{
    char kinds[256], ev[512];
    fx_diag_kinds_text(v, n, kinds, sizeof kinds);
    fprintf(out, "diagnosis%s%s: %s\n", label[0] ? " of " : "", label, kinds);
    for (int i = 0; i < n; i++) {
        if (v[i].kind == FX_DK_HEALTHY) {
            fprintf(out, "  healthy: no rule fired\n");
            continue;
        }
        fprintf(out, "  %s", fx_diag_kind_title(v[i].kind));
        if (v[i].epoch)
            fprintf(out, ", from epoch %lld", (long long)v[i].epoch);
        if (v[i].step)
            fprintf(out, " (step %lld)", (long long)v[i].step);
        if (v[i].in_layer)
            fprintf(out, ", in layer %d%s%s", v[i].layer, v[i].layer_name[0] ? ", " : "",
                    v[i].layer_name);
        evidence(&v[i], ev, sizeof ev);
        fprintf(out, "\n    because %s\n    try: %s\n", ev, fx_diag_remedy(v[i].kind));
    }
}
