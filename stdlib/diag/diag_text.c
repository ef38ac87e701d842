/* The diagnosis's words: each threshold's name, default and meaning, each
 * verdict's name, one-line title and the remedies the seed documents give
 * for it (../shared/seeds/: 000 on learning rate and memorisation, 001 on
 * learning rate and batch size, 002 on early stopping and dropout, 003 on
 * noise, L2 and early stopping, 004 on per-batch noise). */
#include <string.h>
#include "verdict.h"

const FxDiagLimitDef fx_diag_limit_defs[FX_DL_COUNT] = {
    [FX_DL_DIVERGE_RATIO] = {"diverge_ratio", 3, "final loss above this times the first: divergence"},
    [FX_DL_SPIKE_RATIO] = {"spike_ratio", 3, "an early batch loss above this times the first: a spike"},
    [FX_DL_STUCK_MARGIN] = {"stuck_margin", 0.05, "train accuracy within this of chance: stuck"},
    [FX_DL_STUCK_GAIN] = {"stuck_gain", 0.05, "loss fell by less than this fraction: stuck"},
    [FX_DL_OSC_AMPLITUDE] = {"osc_amplitude", 0.0005, "zigzag per epoch above this fraction of the mean loss"},
    [FX_DL_OSC_RISES] = {"osc_rises", 2, "at least this many epochs whose loss rose"},
    [FX_DL_OSC_SHARE] = {"osc_share", 0.6, "at least this share of the loss's movement undone by rises"},
    [FX_DL_OSC_HIGH] = {"osc_high", 0.5, "an oscillating run ends above this fraction of its first loss"},
    [FX_DL_OSC_LARGE] = {"osc_large", 0.05, "a zigzag above this fraction of the mean loss oscillates wherever the run ends"},
    [FX_DL_NOISE_TREND] = {"noise_trend", 1, "batch noise above this times the batch loss's fall"},
    [FX_DL_UNDERFIT_FALLING] = {"underfit_falling", 0.01, "underfitting: not falling by this fraction of the first loss per epoch"},
    [FX_DL_NOISE_RATIO] = {"noise_ratio", 0.03, "batch noise above this fraction of the mean batch loss"},
    [FX_DL_SLOW_GAIN] = {"slow_gain", 0.001, "every epoch's gain below this fraction of the first loss"},
    [FX_DL_SLOW_FALLING] = {"slow_falling", 0.05, "slow: still falling by this fraction of itself per epoch"},
    [FX_DL_MIN_DELTA] = {"min_delta", 0.001, "an improvement is more than this fraction of the first loss"},
    [FX_DL_PATIENCE] = {"patience", 5, "epochs without improvement: a plateau"},
    [FX_DL_PLATEAU_HIGH] = {"plateau_high", 0.5, "a plateau counts when the best loss is above this fraction of the first"},
    [FX_DL_OVERFIT_EPOCHS] = {"overfit_epochs", 3, "epochs after the validation minimum"},
    [FX_DL_OVERFIT_RISE] = {"overfit_rise", 0.05, "mean validation loss since then above the minimum by this fraction"},
    [FX_DL_MEMO_TRAIN] = {"memo_train", 0.95, "train accuracy at least this: memorised"},
    [FX_DL_MEMO_MARGIN] = {"memo_margin", 3, "validation accuracy within this many standard errors of chance"},
    [FX_DL_UNDERFIT_HIGH] = {"underfit_high", 0.8, "both losses end above this fraction of where they started"},
    [FX_DL_VANISH_RATIO] = {"vanish_ratio", 1e-3, "first layer's gradient norm below this times the last's: vanishing"},
    [FX_DL_VANISH_NORM] = {"vanish_norm", 1e-4, "and the first layer's gradient norm below this"},
    [FX_DL_EXPLODE_RATIO] = {"explode_ratio", 70, "first layer's gradient norm above this times the last's: exploding"},
    [FX_DL_DEAD_SHARE] = {"dead_share", 0.7, "a relu layer with at least this share of dead units"},
    [FX_DL_DEAD_BATCH] = {"dead_batch", 8, "dead units are judged on a measured batch of at least this many samples"},
    [FX_DL_SAT_SHARE] = {"sat_share", 0.5, "a sigmoid or tanh layer with more than this share of saturated outputs"},
    [FX_DL_STEP_LOW] = {"step_low", 1e-5, "an effective step ||dw||/||w|| below this is too small"},
    [FX_DL_STEP_HIGH] = {"step_high", 0.1, "an effective step ||dw||/||w|| above this is too large"},
};

void fx_diag_limits_default(FxDiagLimits *l)
{
    for (int i = 0; i < FX_DL_COUNT; i++)
        l->v[i] = fx_diag_limit_defs[i].dflt;
}

int fx_diag_limit_index(const char *name)
{
    for (int i = 0; i < FX_DL_COUNT; i++)
        if (!strcmp(name, fx_diag_limit_defs[i].name))
            return i;
    return -1;
}

static const struct {
    const char *name, *title, *remedy;
} kinds[FX_DK_COUNT] = {
    [FX_DK_DIVERGENCE] = {"divergence", "the loss diverged (NaN, inf or far above its start)",
        "lower the learning rate (10x), clip gradients (clip:), warm up (warmup schedule)"},
    [FX_DK_LR_TOO_HIGH] = {"lr_too_high", "learning rate too high: early spikes, then stuck",
        "lower the learning rate (10x, e.g. 0.1 -> 0.001 for adam), warm up, or use a "
        "decaying schedule"},
    [FX_DK_OSCILLATION] = {"oscillation", "the loss oscillates from epoch to epoch",
        "lower the learning rate, enlarge the batch, or decay the learning rate (step or "
        "cosine schedule)"},
    [FX_DK_GRADIENT_NOISE] = {"gradient_noise", "gradient noise: batch losses scatter far "
        "about the trend (a small batch)",
        "enlarge the batch (e.g. 8 -> 64), or lower the learning rate with it; smooth the "
        "curve to read its trend"},
    [FX_DK_SLOW] = {"slow", "slow learning: training ended while the loss was still far "
        "from its floor",
        "raise the learning rate, use a smaller batch (more steps per epoch), or train for "
        "more epochs"},
    [FX_DK_PLATEAU] = {"plateau", "plateau: no improvement for `patience` epochs",
        "reduce the learning rate on plateau (schedule: plateau()), or change the optimizer "
        "(adam) or the model's capacity"},
    [FX_DK_OVERFITTING] = {"overfitting", "overfitting: validation loss rises while the "
        "training loss falls",
        "stop early (early_stopping: {monitor: \"val_loss\", restore_best: true}), add L2 "
        "(l2: 0.01) or dropout(0.5), use more data or a smaller model"},
    [FX_DK_MEMORISATION] = {"memorisation", "memorisation: training accuracy near 1, "
        "validation at chance",
        "the labels carry no signal the model can carry over: check the data and labels; "
        "regularise (L2, dropout) and use more data"},
    [FX_DK_UNDERFITTING] = {"underfitting", "underfitting: both losses high and flat",
        "a larger model (more units or layers), train longer, or raise the learning rate; "
        "check that the inputs carry the signal"},
    [FX_DK_VANISHING] = {"vanishing_gradients", "vanishing gradients: the first layers get "
        "almost no gradient",
        "use relu (or leaky_relu) instead of sigmoid or tanh in the hidden layers, fewer "
        "layers, batchnorm between them, or He / Glorot initialisation (init:)"},
    [FX_DK_EXPLODING] = {"exploding_gradients", "exploding gradients: the first layers get "
        "far more gradient than the last",
        "clip gradients (clip: 1), lower the learning rate, add batchnorm, or a smaller "
        "initialisation (init: glorot_uniform)"},
    [FX_DK_DEAD_RELU] = {"dead_relu", "dead ReLUs: most units of a relu layer output 0 for "
        "every sample",
        "lower the learning rate (a large step pushed them below 0), use leaky_relu, check "
        "the initialisation (no large negative bias), or add batchnorm before the relu"},
    [FX_DK_SATURATION] = {"saturation", "saturated activations: most sigmoid or tanh outputs "
        "sit at their limits, where the gradient is near 0",
        "normalise the inputs, use a smaller initialisation (init: glorot_uniform) or a "
        "lower learning rate, add batchnorm before the activation, or use relu"},
    [FX_DK_STEP_SIZE] = {"step_size", "step size far outside 1e-5 to 1e-1: the updates "
        "barely move the weights, or overwrite them",
        "a step below step_low: raise the learning rate (10x); above step_high: lower it "
        "(10x), warm up or clip gradients"},
    [FX_DK_HEALTHY] = {"healthy", "healthy: no rule fired", "none needed"},
};

const char *fx_diag_kind_name(FxDiagKind k) { return kinds[k].name; }
const char *fx_diag_kind_title(FxDiagKind k) { return kinds[k].title; }
const char *fx_diag_remedy(FxDiagKind k) { return kinds[k].remedy; }
