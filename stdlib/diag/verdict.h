/* Diagnosis of a training run from its histories: the verdict rules
 * (diag_rules.c), their thresholds, names and remedies (diag_text.c),
 * and the verdicts as fx values and as text (diag_value.c). The rules
 * see plain arrays and know nothing of runs or the language; exp/ hands
 * them a run's history. May include core/. */
#ifndef FX_VERDICT_H
#define FX_VERDICT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "fx.h"

/* What a rule reads: per-epoch curves (NULL when absent), per-step batch
 * losses, and what kind of problem the run was. */
typedef struct FxDiagInput {
    int64_t       epochs;
    const double *loss, *accuracy, *val_loss, *val_accuracy, *lr;
    int64_t       steps;
    const double *batch_loss;
    int           classes;        /* 0: regression; 2 for binary */
    int           diverged;       /* the runtime stopped on NaN or inf ... */
    int64_t       diverged_step;  /* ... at this 1-based step */
    int64_t       val_n;          /* validation samples (0: unknown) */
    /* Per-layer evidence, epochs x layers values, epoch-major, NaN where
     * it does not apply (the runtime's RtLayerStats); layers 0: none. */
    int           layers;
    const double *grad_norm, *step, *dead, *saturated;
    int64_t       layer_batch;    /* samples of the measured step; 0 unknown */
    const char *const *layer_names;   /* "dense(64)" per layer ("" or NULL: none) */
} FxDiagInput;

/* The thresholds, by name (fx_diag_limit_names), overridable. */
enum {
    FX_DL_DIVERGE_RATIO, FX_DL_SPIKE_RATIO, FX_DL_STUCK_MARGIN, FX_DL_STUCK_GAIN,
    FX_DL_OSC_AMPLITUDE, FX_DL_OSC_RISES, FX_DL_OSC_SHARE, FX_DL_OSC_HIGH, FX_DL_OSC_LARGE,
    FX_DL_NOISE_RATIO, FX_DL_NOISE_TREND, FX_DL_UNDERFIT_FALLING,
    FX_DL_SLOW_GAIN, FX_DL_SLOW_FALLING, FX_DL_MIN_DELTA, FX_DL_PATIENCE,
    FX_DL_PLATEAU_HIGH, FX_DL_OVERFIT_EPOCHS, FX_DL_OVERFIT_RISE, FX_DL_MEMO_TRAIN,
    FX_DL_MEMO_MARGIN, FX_DL_UNDERFIT_HIGH, FX_DL_VANISH_RATIO, FX_DL_VANISH_NORM,
    FX_DL_EXPLODE_RATIO, FX_DL_DEAD_SHARE, FX_DL_DEAD_BATCH, FX_DL_SAT_SHARE, FX_DL_STEP_LOW,
    FX_DL_STEP_HIGH, FX_DL_COUNT
};

typedef struct FxDiagLimits {
    double v[FX_DL_COUNT];
} FxDiagLimits;

typedef struct FxDiagLimitDef {
    const char *name;      /* "patience" */
    double      dflt;
    const char *what;      /* one line for fx.7 and :help */
} FxDiagLimitDef;

extern const FxDiagLimitDef fx_diag_limit_defs[FX_DL_COUNT];
void fx_diag_limits_default(FxDiagLimits *l);
/* The index of a threshold's name, or -1. */
int  fx_diag_limit_index(const char *name);

typedef enum {
    FX_DK_DIVERGENCE, FX_DK_LR_TOO_HIGH, FX_DK_OSCILLATION, FX_DK_GRADIENT_NOISE,
    FX_DK_SLOW, FX_DK_PLATEAU, FX_DK_OVERFITTING, FX_DK_MEMORISATION,
    FX_DK_UNDERFITTING, FX_DK_DEAD_RELU, FX_DK_SATURATION, FX_DK_VANISHING,
    FX_DK_EXPLODING, FX_DK_STEP_SIZE, FX_DK_HEALTHY, FX_DK_COUNT
} FxDiagKind;

/* The first kind read from the per-layer evidence: the ones before it
 * read the curves only (the corpus of tests/diag/ judges those). */
enum { FX_DK_FIRST_LAYER_KIND = FX_DK_DEAD_RELU };

/* One number that fired a rule, next to its threshold: "val_loss rise
 * 0.31 > 0.05". */
typedef struct FxDiagNumber {
    const char *name;
    double      value;
    const char *op;        /* ">", "<", ">=" ... */
    double      limit;
} FxDiagNumber;

enum { FX_DIAG_MAX_NUMBERS = 4 };

typedef struct FxVerdict {
    FxDiagKind   kind;
    int64_t      epoch;    /* 1-based epoch where the evidence starts; 0 none */
    int64_t      step;     /* 1-based step; 0 none */
    int          in_layer; /* 1: the evidence is in layer `layer` ... */
    int          layer;    /* ... 0-based, as summary numbers them ... */
    char         layer_name[64];   /* ... "relu after dense(64)", or "" */
    int          n;
    FxDiagNumber num[FX_DIAG_MAX_NUMBERS];
} FxVerdict;

/* Runs every rule; writes the verdicts that fired (healthy alone when
 * none did) to out (room for FX_DK_COUNT) and returns their count. */
int fx_diagnose(const FxDiagInput *in, const FxDiagLimits *lim, FxVerdict *out);

/* The rules over the per-layer evidence (diag_layer_rules.c), for
 * fx_diagnose: each fills o and returns 1 when it fires; lim is the
 * thresholds' array. The step size rule says a step is too small only
 * when `low` (not when dead units, vanishing gradients or a learning
 * rate too high explain it). */
int fx_diag_rule_dead_relu(const FxDiagInput *in, const double *lim, FxVerdict *o);
int fx_diag_rule_saturation(const FxDiagInput *in, const double *lim, FxVerdict *o);
int fx_diag_rule_vanishing(const FxDiagInput *in, const double *lim, FxVerdict *o);
int fx_diag_rule_exploding(const FxDiagInput *in, const double *lim, FxVerdict *o);
int fx_diag_rule_step_size(const FxDiagInput *in, const double *lim, int low, FxVerdict *o);

const char *fx_diag_kind_name(FxDiagKind k);     /* "overfitting" */
const char *fx_diag_kind_title(FxDiagKind k);    /* "overfitting: ..." one line */
const char *fx_diag_remedy(FxDiagKind k);        /* the seeds' advice */

/* Verdicts as an fx record keyed by kind, each a record {kind, epoch,
 * step, layer, layer_name, evidence, numbers, remedy}; and as readable
 * lines. */
FxValue fx_diag_value(FxInterp *I, const FxVerdict *v, int n);
void    fx_diag_print(FILE *out, const char *label, const FxVerdict *v, int n);
/* The kinds as one short text ("overfitting, memorisation"). */
void    fx_diag_kinds_text(const FxVerdict *v, int n, char *buf, size_t len);

#endif
