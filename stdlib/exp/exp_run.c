/* Run values: what `train` returns. Its fields are the per-epoch curves
 * (loss, accuracy, val_loss, val_accuracy, lr), the per-step ones
 * (batch_loss, batch_accuracy, step_loss), what happened (best_epoch,
 * stopped_early, diverged, interrupted, status, seconds) and the trained
 * model. Epochs are counted from 1 in everything a person reads. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

static void run_release(void *data)
{
    FxRun *r = data;
    fx_unref(r->model);
}

static void run_free(void *data)
{
    FxRun *r = data;
    rt_history_free(&r->h);
    free(r);
}

static void describe_curve(FxBuf *out, const char *name, const double *x, int64_t n)
{
    char a[32], b[32];
    if (!x || n == 0 || isnan(x[0]))
        return;
    fx_buf_printf(out, ", %s %s", name, fx_num_text(round(x[0] * 1e4) / 1e4, a));
    if (n > 1)
        fx_buf_printf(out, " -> %s", fx_num_text(round(x[n - 1] * 1e4) / 1e4, b));
}

static void run_describe(const void *data, FxBuf *out)
{
    const FxRun *r = data;
    const RtHistory *h = &r->h;
    fx_buf_printf(out, "run%s%s: %lld epoch%s", r->label[0] ? " " : "", r->label,
                  (long long)h->epochs, h->epochs == 1 ? "" : "s");
    describe_curve(out, "loss", h->loss, h->epochs);
    if (r->classify)
        describe_curve(out, "acc", h->accuracy, h->epochs);
    if (r->has_val) {
        describe_curve(out, "val_loss", h->val_loss, h->epochs);
        if (r->classify)
            describe_curve(out, "val_acc", h->val_accuracy, h->epochs);
    }
    fx_buf_printf(out, ", %.1f s", h->seconds);
    if (strcmp(r->status, "ok") != 0)
        fx_buf_printf(out, " (%s)", r->status);
}

static FxValue curve(FxInterp *I, const double *x, int64_t n)
{
    return x ? fx_numbers_value(I, x, (size_t)n) : fx_list_new(&I->heap, 0);
}

static int run_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    FxRun *r = data;
    RtHistory *h = &r->h;
    int has_val = r->has_val, acc = r->classify;
    if (!strcmp(name, "loss")) *out = curve(I, h->loss, h->epochs);
    else if (!strcmp(name, "accuracy") && acc) *out = curve(I, h->accuracy, h->epochs);
    else if (!strcmp(name, "val_loss") && has_val) *out = curve(I, h->val_loss, h->epochs);
    else if (!strcmp(name, "val_accuracy") && has_val && acc)
        *out = curve(I, h->val_accuracy, h->epochs);
    else if (!strcmp(name, "lr")) *out = curve(I, h->lr, h->epochs);
    else if (!strcmp(name, "batch_loss")) *out = curve(I, h->batch_loss, h->steps);
    else if (!strcmp(name, "batch_accuracy") && acc) *out = curve(I, h->batch_accuracy, h->steps);
    else if (!strcmp(name, "step_loss") && h->step_loss) *out = curve(I, h->step_loss, h->steps);
    else if (!strcmp(name, "best_epoch"))
        *out = h->best_epoch >= 0 ? fx_num((double)h->best_epoch + 1) : fx_none();
    else if (!strcmp(name, "epochs")) *out = fx_num((double)h->epochs);
    else if (!strcmp(name, "steps")) *out = fx_num((double)h->steps);
    else if (!strcmp(name, "stopped_early")) *out = fx_bool(h->stopped_early);
    else if (!strcmp(name, "restored_best")) *out = fx_bool(h->restored_best);
    else if (!strcmp(name, "diverged")) *out = fx_bool(h->diverged);
    else if (!strcmp(name, "interrupted")) *out = fx_bool(h->interrupted);
    else if (!strcmp(name, "pruned")) *out = fx_bool(r->pruned);
    else if (!strcmp(name, "seconds")) *out = fx_num(h->seconds);
    else if (!strcmp(name, "status")) *out = fx_str_cstr(&I->heap, r->status);
    else if (!strcmp(name, "label")) *out = fx_str_cstr(&I->heap, r->label);
    else if (!strcmp(name, "model")) *out = fx_ref(r->model);
    else if (!strcmp(name, "diagnosis")) *out = fx_run_diagnosis(I, r);
    else if (!strcmp(name, "layers")) *out = fx_run_layers(I, r);
    else {
        if (!strcmp(name, "val_loss") || !strcmp(name, "val_accuracy")) {
            fx_error(I, I->field_at, "the run has no %s: it was trained without validation", name);
            fx_error_hint(I, "train with validate: DATA or validation_split: 0.2");
            return -1;
        }
        if (!strcmp(name, "accuracy") || !strcmp(name, "batch_accuracy")) {
            fx_error(I, I->field_at, "the run has no %s: its loss (%s) does not classify",
                     name, rt_loss_name(r->loss));
            return -1;
        }
        if (!strcmp(name, "step_loss")) {
            fx_error(I, I->field_at, "the run has no step_loss");
            fx_error_hint(I, "train with full_loss: true to compute the loss on all the "
                             "training data after every step");
            return -1;
        }
        return 1;
    }
    return 0;
}

static const char *const run_fields[] = {
    "loss", "accuracy", "val_loss", "val_accuracy", "lr", "batch_loss", "batch_accuracy",
    "step_loss", "best_epoch", "epochs", "steps", "stopped_early", "restored_best", "diverged",
    "interrupted", "pruned", "seconds", "status", "label", "model", "diagnosis", "layers",
    NULL};

const FxForeignType fx_run_type = {
    .name = "run", .phrase = "a run", .release = run_release, .free = run_free,
    .describe = run_describe, .field = run_field, .fields = run_fields,
};

FxRun *fx_value_run(FxValue v)
{
    if (v.type == FX_FOREIGN && fx_as_foreign(v)->type == &fx_run_type)
        return fx_as_foreign(v)->data;
    return NULL;
}
