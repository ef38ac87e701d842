/* Optimizer, schedule and loss values: sgd(), adam(), adamw(), rmsprop(),
 * adagrad() with PyTorch's defaults and parameter names; the learning-rate
 * schedules step_lr(), exponential_lr(), cosine_lr(), warmup() and
 * plateau(); and the loss names (cross_entropy, mse, ...) as constants. */
#include <stdlib.h>
#include <string.h>
#include "experiment.h"

/* ---- optimizers ----------------------------------------------------------------- */

/* ", name: value" for each setting that differs from the default. */
static void setting(FxBuf *out, const char *name, double x, double dflt)
{
    char num[32];
    if (x != dflt)
        fx_buf_printf(out, ", %s: %s", name, fx_num_text(x, num));
}

static void flag(FxBuf *out, const char *name, int on)
{
    if (on)
        fx_buf_printf(out, ", %s: true", name);
}

static void optim_describe(const void *data, FxBuf *out)
{
    const RtOptimConfig *c = &((const FxOptimizer *)data)->cfg;
    RtOptimConfig d;
    char num[32];
    rt_optim_defaults(&d, c->kind);
    fx_buf_printf(out, "%s(lr: %s", rt_optim_name(c->kind), fx_num_text(c->lr, num));
    switch (c->kind) {
    case RT_OPT_SGD:
        setting(out, "momentum", c->momentum, 0);
        setting(out, "dampening", c->dampening, 0);
        flag(out, "nesterov", c->nesterov);
        break;
    case RT_OPT_ADAM: case RT_OPT_ADAMW:
        setting(out, "beta1", c->beta1, d.beta1);
        setting(out, "beta2", c->beta2, d.beta2);
        setting(out, "eps", c->eps, d.eps);
        break;
    case RT_OPT_RMSPROP:
        setting(out, "alpha", c->alpha, d.alpha);
        setting(out, "eps", c->eps, d.eps);
        setting(out, "momentum", c->momentum, 0);
        flag(out, "centered", c->centered);
        break;
    case RT_OPT_ADAGRAD:
        setting(out, "lr_decay", c->lr_decay, 0);
        setting(out, "initial_accumulator", c->initial_accumulator, 0);
        setting(out, "eps", c->eps, d.eps);
        break;
    }
    setting(out, "weight_decay", c->weight_decay, 0);   /* adamw's 0.01 is worth seeing */
    if (c->kind == RT_OPT_ADAM || c->kind == RT_OPT_ADAMW)
        flag(out, "amsgrad", c->amsgrad);
    fx_buf_puts(out, ")");
}

static int optim_field(FxInterp *I, void *data, const char *name, FxValue *out)
{
    const RtOptimConfig *c = &((FxOptimizer *)data)->cfg;
    (void)I;
    if (strcmp(name, "lr") == 0) *out = fx_num(c->lr);
    else if (strcmp(name, "weight_decay") == 0) *out = fx_num(c->weight_decay);
    else if (strcmp(name, "momentum") == 0) *out = fx_num(c->momentum);
    else if (strcmp(name, "kind") == 0) *out = fx_str_cstr(&I->heap, rt_optim_name(c->kind));
    else return 1;
    return 0;
}

static const char *const optim_fields[] = {"kind", "lr", "weight_decay", "momentum", NULL};

const FxForeignType fx_optimizer_type = {
    .name = "optimizer", .phrase = "an optimizer", .free = free, .describe = optim_describe,
    .field = optim_field, .fields = optim_fields,
};

/* Reads optional number i into *x (keeping the default) and checks x >= lo. */
static int opt_num(FxCall *c, int i, double *x, double lo)
{
    if (fx_arg_opt_num(c, i, *x, x))
        return -1;
    if (!(*x >= lo)) {
        char name[32];
        return fx_error(c->I, fx_arg_span(c, i), "%s() argument '%s' must be >= %g",
                        c->name, fx_param_name(c->bi, i, name, sizeof name), lo);
    }
    return 0;
}

static int finish_optim(FxCall *c, RtOptimConfig *cfg, FxValue *out)
{
    RtError e = fx_std_rt_err(c->I);
    RtOptim *probe = rt_optim_new(cfg, 1, &e);    /* PyTorch's own checks */
    if (!probe)
        return fx_error(c->I, c->node->span, "%s", e.msg);
    rt_optim_free(probe);
    FxOptimizer *o = fx_xcalloc(1, sizeof *o);
    o->cfg = *cfg;
    *out = fx_foreign_new(&c->I->heap, &fx_optimizer_type, o);
    return 0;
}

/* sgd(lr, momentum, dampening, nesterov, weight_decay) */
static int b_sgd(FxCall *c, FxValue *out)
{
    RtOptimConfig cfg;
    rt_optim_defaults(&cfg, RT_OPT_SGD);
    cfg.lr = 0.01;
    if (opt_num(c, 0, &cfg.lr, 0) || opt_num(c, 1, &cfg.momentum, 0) ||
        opt_num(c, 2, &cfg.dampening, 0) || fx_arg_bool(c, 3, 0, &cfg.nesterov) ||
        opt_num(c, 4, &cfg.weight_decay, 0))
        return -1;
    return finish_optim(c, &cfg, out);
}

static int adam_like(FxCall *c, FxValue *out, RtOptimKind kind)
{
    RtOptimConfig cfg;
    rt_optim_defaults(&cfg, kind);
    if (opt_num(c, 0, &cfg.lr, 0) || opt_num(c, 1, &cfg.beta1, 0) ||
        opt_num(c, 2, &cfg.beta2, 0) || opt_num(c, 3, &cfg.eps, 0) ||
        opt_num(c, 4, &cfg.weight_decay, 0) || fx_arg_bool(c, 5, 0, &cfg.amsgrad))
        return -1;
    return finish_optim(c, &cfg, out);
}

static int b_adam(FxCall *c, FxValue *out) { return adam_like(c, out, RT_OPT_ADAM); }
static int b_adamw(FxCall *c, FxValue *out) { return adam_like(c, out, RT_OPT_ADAMW); }

static int b_rmsprop(FxCall *c, FxValue *out)
{
    RtOptimConfig cfg;
    rt_optim_defaults(&cfg, RT_OPT_RMSPROP);
    if (opt_num(c, 0, &cfg.lr, 0) || opt_num(c, 1, &cfg.alpha, 0) || opt_num(c, 2, &cfg.eps, 0) ||
        opt_num(c, 3, &cfg.momentum, 0) || fx_arg_bool(c, 4, 0, &cfg.centered) ||
        opt_num(c, 5, &cfg.weight_decay, 0))
        return -1;
    return finish_optim(c, &cfg, out);
}

static int b_adagrad(FxCall *c, FxValue *out)
{
    RtOptimConfig cfg;
    rt_optim_defaults(&cfg, RT_OPT_ADAGRAD);
    if (opt_num(c, 0, &cfg.lr, 0) || opt_num(c, 1, &cfg.lr_decay, 0) ||
        opt_num(c, 2, &cfg.weight_decay, 0) || opt_num(c, 3, &cfg.initial_accumulator, 0) ||
        opt_num(c, 4, &cfg.eps, 0))
        return -1;
    return finish_optim(c, &cfg, out);
}

/* ---- schedules ------------------------------------------------------------------- */

static void sched_describe(const void *data, FxBuf *out)
{
    const FxSchedule *s = data;
    char a[32], b[32];
    if (s->plateau) {
        RtPlateau d;
        rt_plateau_init(&d);
        fx_buf_printf(out, "plateau(monitor: \"%s\", factor: %s, patience: %lld",
                      rt_metric_name(s->monitor), fx_num_text(s->plat.factor, a),
                      (long long)s->plat.patience);
        setting(out, "threshold", s->plat.threshold, d.threshold);
        setting(out, "cooldown", (double)s->plat.cooldown, (double)d.cooldown);
        setting(out, "min_lr", s->plat.min_lr, d.min_lr);
        fx_buf_puts(out, ")");
        return;
    }
    switch (s->sched.kind) {
    case RT_SCHED_STEP:
        fx_buf_printf(out, "step_lr(step_size: %lld, gamma: %s)", (long long)s->sched.step_size,
                      fx_num_text(s->sched.gamma, a));
        break;
    case RT_SCHED_EXPONENTIAL:
        fx_buf_printf(out, "exponential_lr(gamma: %s)", fx_num_text(s->sched.gamma, a));
        break;
    case RT_SCHED_COSINE:
        fx_buf_printf(out, "cosine_lr(t_max: %lld, eta_min: %s)", (long long)s->sched.t_max,
                      fx_num_text(s->sched.eta_min, b));
        break;
    default:
        fx_buf_puts(out, "constant_lr()");
    }
    if (s->sched.warmup) {
        fx_buf_printf(out, " after warmup(%lld", (long long)s->sched.warmup);
        setting(out, "start_factor", s->sched.start_factor, 1.0 / 3);
        fx_buf_puts(out, ")");
    }
    if (s->per_step)
        fx_buf_puts(out, " per step");
}

const FxForeignType fx_schedule_type = {
    .name = "schedule", .phrase = "a schedule", .free = free, .describe = sched_describe,
};

static int finish_sched(FxCall *c, FxSchedule *s, int per_step_i, FxValue *out)
{
    if (per_step_i >= 0 && fx_arg_bool(c, per_step_i, 0, &s->per_step))
        return -1;
    RtError e = fx_std_rt_err(c->I);
    if (!s->plateau && rt_sched_check(&s->sched, &e))
        return fx_error(c->I, c->node->span, "%s", e.msg);
    if (s->plateau && rt_plateau_check(&s->plat, &e))
        return fx_error(c->I, c->node->span, "%s", e.msg);
    FxSchedule *copy = fx_xcalloc(1, sizeof *copy);
    *copy = *s;
    *out = fx_foreign_new(&c->I->heap, &fx_schedule_type, copy);
    return 0;
}

/* step_lr(step_size, gamma: 0.1, per_step: false) */
static int b_step_lr(FxCall *c, FxValue *out)
{
    FxSchedule s = {0};
    long long k;
    rt_sched_init(&s.sched, RT_SCHED_STEP);
    if (fx_arg_int(c, 0, &k) || fx_arg_opt_num(c, 1, 0.1, &s.sched.gamma))
        return -1;
    s.sched.step_size = k;
    return finish_sched(c, &s, 2, out);
}

static int b_exponential_lr(FxCall *c, FxValue *out)
{
    FxSchedule s = {0};
    rt_sched_init(&s.sched, RT_SCHED_EXPONENTIAL);
    if (fx_arg_num(c, 0, &s.sched.gamma))
        return -1;
    return finish_sched(c, &s, 1, out);
}

static int b_cosine_lr(FxCall *c, FxValue *out)
{
    FxSchedule s = {0};
    long long t;
    rt_sched_init(&s.sched, RT_SCHED_COSINE);
    if (fx_arg_int(c, 0, &t) || fx_arg_opt_num(c, 1, 0, &s.sched.eta_min))
        return -1;
    s.sched.t_max = t;
    return finish_sched(c, &s, 2, out);
}

/* warmup(steps, start_factor: 1/3, then: schedule) */
static int b_warmup(FxCall *c, FxValue *out)
{
    FxSchedule s = {0};
    long long w;
    rt_sched_init(&s.sched, RT_SCHED_CONSTANT);
    if (c->given[2] && c->args[2].type != FX_NONE) {
        FxValue t = c->args[2];
        int is_sched = t.type == FX_FOREIGN && fx_as_foreign(t)->type == &fx_schedule_type;
        if (!is_sched || ((FxSchedule *)fx_as_foreign(t)->data)->plateau)
            return fx_error(c->I, fx_arg_span(c, 2), "warmup() then: needs step_lr, "
                            "exponential_lr or cosine_lr, not %s",
                            is_sched ? "plateau()" : fx_type_phrase(t));
        s = *(FxSchedule *)fx_as_foreign(t)->data;
    }
    double start = 1.0 / 3;
    if (fx_arg_int(c, 0, &w) || fx_arg_opt_num(c, 1, start, &start))
        return -1;
    s.sched.warmup = w;
    s.sched.start_factor = start;
    return finish_sched(c, &s, 3, out);
}

static int metric_arg(FxCall *c, int i, RtMetric dflt, RtMetric *out)
{
    *out = dflt;
    if (!c->given[i])
        return 0;
    FxStr *s;
    if (fx_arg_str(c, i, &s))
        return -1;
    static const char *const names[] = {"loss", "accuracy", "val_loss", "val_accuracy"};
    for (int k = 0; k < 4; k++)
        if (strcmp(s->s, names[k]) == 0) {
            *out = (RtMetric)k;
            return 0;
        }
    fx_error(c->I, fx_arg_span(c, i), "unknown metric \"%s\"", s->s);
    const char *sug = fx_diag_suggest(s->s, names, 4);
    fx_error_hint(c->I, sug ? "did you mean \"%s\"?" : "use loss, accuracy, val_loss or "
                  "val_accuracy%s", sug ? sug : "");
    return -1;
}

/* plateau(monitor: "val_loss", factor: 0.1, patience: 10, threshold: 1e-4, cooldown: 0, min_lr: 0) */
static int b_plateau(FxCall *c, FxValue *out)
{
    FxSchedule s = {0};
    long long patience, cooldown;
    s.plateau = 1;
    rt_plateau_init(&s.plat);
    if (metric_arg(c, 0, RT_METRIC_VAL_LOSS, &s.monitor) ||
        fx_arg_opt_num(c, 1, s.plat.factor, &s.plat.factor) ||
        fx_arg_opt_int(c, 2, s.plat.patience, &patience) ||
        fx_arg_opt_num(c, 3, s.plat.threshold, &s.plat.threshold) ||
        fx_arg_opt_int(c, 4, s.plat.cooldown, &cooldown) ||
        fx_arg_opt_num(c, 5, s.plat.min_lr, &s.plat.min_lr))
        return -1;
    s.plat.patience = patience;
    s.plat.cooldown = cooldown;
    s.plat.mode_max = s.monitor == RT_METRIC_ACCURACY || s.monitor == RT_METRIC_VAL_ACCURACY;
    return finish_sched(c, &s, -1, out);
}

static const FxBuiltin optim_builtins[] = {
    {"sgd", "lr=, momentum=, dampening=, nesterov=, weight_decay=", b_sgd,
     "stochastic gradient descent (PyTorch's torch.optim.SGD; lr 0.01)"},
    {"adam", "lr=, beta1=, beta2=, eps=, weight_decay=, amsgrad=", b_adam,
     "Adam (torch.optim.Adam: lr 0.001, betas 0.9/0.999, eps 1e-8)"},
    {"adamw", "lr=, beta1=, beta2=, eps=, weight_decay=, amsgrad=", b_adamw,
     "AdamW, decoupled weight decay (torch.optim.AdamW: weight_decay 0.01)"},
    {"rmsprop", "lr=, alpha=, eps=, momentum=, centered=, weight_decay=", b_rmsprop,
     "RMSprop (torch.optim.RMSprop: lr 0.01, alpha 0.99)"},
    {"adagrad", "lr=, lr_decay=, weight_decay=, initial_accumulator=, eps=", b_adagrad,
     "Adagrad (torch.optim.Adagrad: lr 0.01)"},
    {"step_lr", "step_size, gamma=, per_step=", b_step_lr,
     "multiply the learning rate by gamma every step_size epochs (or steps)"},
    {"exponential_lr", "gamma, per_step=", b_exponential_lr,
     "multiply the learning rate by gamma every epoch (or step)"},
    {"cosine_lr", "t_max, eta_min=, per_step=", b_cosine_lr,
     "cosine annealing from lr down to eta_min over t_max epochs (or steps)"},
    {"warmup", "steps, start_factor=, then=, per_step=", b_warmup,
     "linear warm-up from start_factor * lr over `steps`, then the `then` schedule"},
    {"plateau", "monitor=, factor=, patience=, threshold=, cooldown=, min_lr=", b_plateau,
     "reduce the learning rate by factor when monitor stops improving (ReduceLROnPlateau)"},
};

void fx_exp_optim_init(FxInterp *I)
{
    fx_define_builtins(I, optim_builtins, (int)(sizeof optim_builtins / sizeof *optim_builtins));
    static const char *const losses[] = {"cross_entropy", "mse", "binary_cross_entropy", "bce"};
    for (int i = 0; i < 4; i++)
        fx_define_value(I, losses[i], fx_str_cstr(&I->heap, losses[i]));
}
