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
} FxDiagInput;

/* The thresholds, by name (fx_diag_limit_names), overridable. */
enum {
    FX_DL_DIVERGE_RATIO, FX_DL_SPIKE_RATIO, FX_DL_STUCK_MARGIN, FX_DL_STUCK_GAIN,
    FX_DL_OSC_AMPLITUDE, FX_DL_OSC_RISES, FX_DL_OSC_SHARE, FX_DL_OSC_HIGH, FX_DL_OSC_LARGE,
    FX_DL_NOISE_RATIO, FX_DL_NOISE_TREND, FX_DL_UNDERFIT_FALLING,
    FX_DL_SLOW_GAIN, FX_DL_SLOW_FALLING, FX_DL_MIN_DELTA, FX_DL_PATIENCE,
    FX_DL_PLATEAU_HIGH, FX_DL_OVERFIT_EPOCHS, FX_DL_OVERFIT_RISE, FX_DL_MEMO_TRAIN,
    FX_DL_MEMO_MARGIN, FX_DL_UNDERFIT_HIGH, FX_DL_COUNT
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
    FX_DK_UNDERFITTING, FX_DK_HEALTHY, FX_DK_COUNT
} FxDiagKind;

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
    int          n;
    FxDiagNumber num[FX_DIAG_MAX_NUMBERS];
} FxVerdict;

/* Runs every rule; writes the verdicts that fired (healthy alone when
 * none did) to out (room for FX_DK_COUNT) and returns their count. */
int fx_diagnose(const FxDiagInput *in, const FxDiagLimits *lim, FxVerdict *out);

const char *fx_diag_kind_name(FxDiagKind k);     /* "overfitting" */
const char *fx_diag_kind_title(FxDiagKind k);    /* "overfitting: ..." one line */
const char *fx_diag_remedy(FxDiagKind k);        /* the seeds' advice */

/* Verdicts as an fx record keyed by kind, each a record {kind, epoch,
 * step, evidence, numbers, remedy}; and as readable lines. */
FxValue fx_diag_value(FxInterp *I, const FxVerdict *v, int n);
void    fx_diag_print(FILE *out, const char *label, const FxVerdict *v, int n);
/* The kinds as one short text ("overfitting, memorisation"). */
void    fx_diag_kinds_text(const FxVerdict *v, int n, char *buf, size_t len);

#endif
