/* Learning-rate schedules: closed forms of PyTorch's StepLR, ExponentialLR,
 * CosineAnnealingLR and a LinearLR warm-up in front of them (SequentialLR),
 * and the stateful ReduceLROnPlateau. The caller owns the lr and hands it
 * to the optimizer (rt_optim_set_lr). Knows nothing of the fx language. */
#include <math.h>
#include <stdint.h>
#include "rt.h"

static const double PI = 3.14159265358979323846;

void rt_sched_init(RtSchedule *s, RtSchedKind kind)
{
    s->kind = kind;
    s->step_size = 1;
    s->gamma = 0.1;
    s->t_max = 1;
    s->eta_min = 0;
    s->warmup = 0;
    s->start_factor = 1.0 / 3;
}

int rt_sched_check(const RtSchedule *s, RtError *err)
{
    switch (s->kind) {
    case RT_SCHED_CONSTANT:
    case RT_SCHED_EXPONENTIAL:
        break;
    case RT_SCHED_STEP:
        if (s->step_size < 1) {
            rt_error_set(err, RT_ERR_ARG, "step schedule: step_size must be "
                         ">= 1, got %lld", (long long)s->step_size);
            return -1;
        }
        break;
    case RT_SCHED_COSINE:
        if (s->t_max < 1 || s->t_max > INT64_MAX / 2) {
            rt_error_set(err, RT_ERR_ARG, "cosine schedule: t_max must be "
                         "in [1, 2^62], got %lld", (long long)s->t_max);
            return -1;
        }
        if (!isfinite(s->eta_min)) {
            rt_error_set(err, RT_ERR_ARG, "cosine schedule: eta_min must be "
                         "finite, got %g", s->eta_min);
            return -1;
        }
        break;
    default:
        rt_error_set(err, RT_ERR_ARG, "unknown schedule kind %d",
                     (int)s->kind);
        return -1;
    }
    int decays = s->kind == RT_SCHED_STEP || s->kind == RT_SCHED_EXPONENTIAL;
    if (decays && !(isfinite(s->gamma) && s->gamma >= 0)) {
        rt_error_set(err, RT_ERR_ARG, "schedule: gamma must be a finite "
                     "number >= 0, got %g", s->gamma);
        return -1;
    }
    if (s->warmup < 0) {
        rt_error_set(err, RT_ERR_ARG, "warm-up: steps must be >= 0, got %lld",
                     (long long)s->warmup);
        return -1;
    }
    /* LinearLR's own range for start_factor: (0, 1] (0 excluded, as a
     * zero lr on the first step does nothing). */
    if (s->warmup > 0 && !(s->start_factor > 0 && s->start_factor <= 1)) {
        rt_error_set(err, RT_ERR_ARG, "warm-up: start_factor must be in "
                     "(0, 1], got %g", s->start_factor);
        return -1;
    }
    return 0;
}

/* The schedule without warm-up, t >= 0 steps after its start. */
static double main_lr(const RtSchedule *s, double base_lr, int64_t t)
{
    switch (s->kind) {
    case RT_SCHED_STEP:
        return base_lr * pow(s->gamma, (double)(t / s->step_size));
    case RT_SCHED_EXPONENTIAL:
        return base_lr * pow(s->gamma, (double)t);
    case RT_SCHED_COSINE: {
        /* Reduce t modulo the period 2*t_max first, so a huge t keeps its
         * precision; cos is periodic, so the value is the same. */
        int64_t period = 2 * s->t_max;
        double ph = (double)(t % period) / (double)s->t_max;
        return s->eta_min +
               (base_lr - s->eta_min) * (1 + cos(PI * ph)) / 2;
    }
    case RT_SCHED_CONSTANT:
    default:
        return base_lr;
    }
}

double rt_sched_lr(const RtSchedule *s, double base_lr, int64_t t)
{
    if (t < 0)
        t = 0;
    if (s->warmup > 0 && t < s->warmup)
        return base_lr * (s->start_factor + (1 - s->start_factor) *
                                            (double)t / (double)s->warmup);
    return main_lr(s, base_lr, s->warmup > 0 ? t - s->warmup : t);
}

/* ---- reduce on plateau ---- */

void rt_plateau_reset(RtPlateau *p)
{
    p->best = p->mode_max ? -INFINITY : INFINITY;
    p->num_bad_epochs = 0;
    p->cooldown_counter = 0;
    p->epochs = 0;
}

void rt_plateau_init(RtPlateau *p)
{
    p->mode_max = 0;
    p->threshold_abs = 0;
    p->factor = 0.1;
    p->patience = 10;
    p->threshold = 1e-4;
    p->cooldown = 0;
    p->min_lr = 0;
    p->eps = 1e-8;
    rt_plateau_reset(p);
}

int rt_plateau_check(const RtPlateau *p, RtError *err)
{
    if (!(p->factor >= 0 && p->factor < 1)) {
        rt_error_set(err, RT_ERR_ARG, "reduce on plateau: factor must be in "
                     "[0, 1), got %g", p->factor);
        return -1;
    }
    if (p->patience < 0 || p->cooldown < 0) {
        rt_error_set(err, RT_ERR_ARG, "reduce on plateau: patience and "
                     "cooldown must be >= 0, got %lld and %lld",
                     (long long)p->patience, (long long)p->cooldown);
        return -1;
    }
    if (!isfinite(p->threshold) || !isfinite(p->eps) ||
        !(p->min_lr >= 0) || isinf(p->min_lr)) {
        rt_error_set(err, RT_ERR_ARG, "reduce on plateau: threshold, eps "
                     "and min_lr must be finite (min_lr >= 0)");
        return -1;
    }
    return 0;
}

/* PyTorch's is_better; with NaN every comparison is false. */
static int improves(const RtPlateau *p, double a)
{
    double best = p->best, th = p->threshold;
    if (!p->mode_max)
        return p->threshold_abs ? a < best - th : a < best * (1 - th);
    return p->threshold_abs ? a > best + th : a > best * (1 + th);
}

double rt_plateau_step(RtPlateau *p, double metric, double lr)
{
    p->epochs++;
    if (improves(p, metric)) {
        p->best = metric;
        p->num_bad_epochs = 0;
    } else {
        p->num_bad_epochs++;
    }
    if (p->cooldown_counter > 0) {
        p->cooldown_counter--;
        p->num_bad_epochs = 0;   /* bad epochs in cooldown do not count */
    }
    if (p->num_bad_epochs > p->patience) {
        double reduced = fmax(lr * p->factor, p->min_lr);
        if (lr - reduced > p->eps)
            lr = reduced;
        p->cooldown_counter = p->cooldown;
        p->num_bad_epochs = 0;
    }
    return lr;
}
