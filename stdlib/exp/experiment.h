/* The experiment statements' shared types: model, layer, optimizer,
 * schedule, run, sweep and curve-set values, and the helpers the
 * exp_*.c files (and plot/'s statements) share. The runtime is reached
 * through rt.h only. */
#ifndef FX_EXPERIMENT_H
#define FX_EXPERIMENT_H

#include "core/std.h"
#include "data/dataset.h"
#include "fx.h"
#include "rt.h"

/* ---- layers and models ---------------------------------------------------- */

typedef struct FxLayer {
    RtLayerSpec spec;
    int         activation;   /* an `activation:` layer to add after: kind + 1, or 0 */
} FxLayer;

extern const FxForeignType fx_layer_type;

/* A model: layer specs, where each was written, and trained weights when
 * the model came out of a run (a plain `model` statement has none: every
 * training starts from fresh weights). */
typedef struct FxModel {
    char            name[64];
    int             n;
    RtLayerSpec    *layers;
    FxSpan         *spans;       /* per layer, in `src` */
    const FxSource *src;
    RtInit          init;        /* the model's default initialisation */
    RtShape         input;       /* per sample; ndim 0 = from the data */
    RtModel        *weights;     /* owned, or NULL */
} FxModel;

extern const FxForeignType fx_model_type;

FxModel *fx_value_model(FxValue v);
FxModel *fx_model_copy(const FxModel *m);     /* specs only, no weights */
FxValue  fx_model_value(FxInterp *I, FxModel *m);
void     fx_model_free(FxModel *m);
/* Builds the runtime model for per-sample `input`; a shape error points at
 * the layer that does not fit (located in the model statement). */
RtModel *fx_model_build(FxInterp *I, const FxModel *m, const RtShape *input,
                        int64_t max_batch, FxSpan at);

/* ---- optimizers and schedules ----------------------------------------------- */

typedef struct FxOptimizer {
    RtOptimConfig cfg;
} FxOptimizer;

extern const FxForeignType fx_optimizer_type;

typedef struct FxSchedule {
    RtSchedule sched;
    int        per_step;
    int        plateau;            /* reduce-on-plateau instead */
    RtPlateau  plat;
    RtMetric   monitor;
} FxSchedule;

extern const FxForeignType fx_schedule_type;

/* ---- runs ----------------------------------------------------------------- */

typedef struct FxRun {
    RtHistory  h;
    RtLossKind loss;
    int        classify;         /* accuracy is meaningful */
    int        has_val;
    FxValue    model;            /* the trained model (an FxModel with weights) */
    char       label[160];       /* "lr=0.1, batch=16" inside a sweep */
    char       status[200];      /* "ok", "stopped early at epoch 7", ... */
    double     val_only_loss;    /* closed-form fits: test loss */
    int        pruned;           /* a sweep's prune: stopped it (epochs ran) */
    int        classes;          /* the data's classes (2 for binary), 0 regression */
    int        diagnosed;        /* trained with diagnose: (or --diagnose): plots
                                    mark where its problems begin */
    int        threads;          /* the threads it trained with */
} FxRun;

/* The run's verdicts (exp_diagnose.c) with default thresholds or those of
 * `lim` (NULL: defaults); out has room for FX_DK_COUNT. */
struct FxVerdict;
struct FxDiagLimits;
int fx_run_diagnose(const FxRun *r, const struct FxDiagLimits *lim, struct FxVerdict *out);
FxValue fx_run_diagnosis(FxInterp *I, const FxRun *r);
void fx_exp_diagnose_init(FxInterp *I);
/* r.layers (exp_layers.c): the per-layer evidence, none without it; and
 * layer i's display name into buf. */
FxValue fx_run_layers(FxInterp *I, const FxRun *r);
const char *fx_run_layer_name(const FxRun *r, int i, char *buf, size_t len);
/* A list as r.layers gives, read back into epochs x layers rows (NaN
 * where a statistic is absent or none) and names, for diagnose() of a
 * record; a located error (at) for a bad one. Free with
 * fx_layer_rows_free. */
typedef struct FxLayerRows {
    int          layers;
    double      *grad_norm, *step, *dead, *saturated;
    char       (*names)[64];
    const char **name_ptrs;
} FxLayerRows;
int  fx_layer_rows_read(FxInterp *I, FxSpan at, FxValue list, int64_t epochs, FxLayerRows *r);
void fx_layer_rows_free(FxLayerRows *r);

extern const FxForeignType fx_run_type;
FxRun *fx_value_run(FxValue v);

/* ---- sweeps and curve sets ------------------------------------------------ */

typedef struct FxSweepPoint {
    FxValue params;     /* a record of the swept values */
    FxValue result;     /* the body's value, none when it failed */
    char   *error;      /* the failure, or NULL */
    char    label[160]; /* "lr=0.01, batch=64" */
} FxSweepPoint;

typedef struct FxSweep {
    int           n, cap;
    FxSweepPoint *pts;
} FxSweep;

extern const FxForeignType fx_sweep_type;
/* The fewest significant digits, 4 at least, that tell n numbers apart as
 * labels write them (lr=0.002154); sorts v. Tables use it too. */
int fx_sweep_digits(double *v, size_t n);
FxSweep *fx_value_sweep(FxValue v);

/* A point trained over several seeds (exp_repeat.c). */
typedef struct FxRepeats FxRepeats;
extern const FxForeignType fx_repeats_type;
FxRepeats *fx_value_repeats(FxValue v);
/* A repeats value holding the list's results, trained with seeds[i]. */
FxValue fx_repeats_new(FxInterp *I, FxValue list, const uint64_t *seeds, const char *label);
int     fx_repeats_count(const FxRepeats *r);
FxValue fx_repeats_result(const FxRepeats *r, int i);
/* One number per repeat (x has room for the count): a run metric's
 * final or best value, or the result itself when it is a number. */
int     fx_repeats_values(const FxRepeats *r, const char *metric, int best, double *x);
int     fx_repeats_final(const FxRepeats *r, const char *metric, double *mean, double *std);
/* Mean, or sample std (n - 1) when std is set, of n numbers. */
double  fx_repeats_stat(const double *x, int n, int std);

/* Several labelled values (curves or numbers): what `runs.val_loss` is. */
typedef struct FxCurves {
    int      n;
    char   **labels;
    FxValue *vals;
    FxValue *reps;       /* per point: its repeats over seeds when the
                            point has them (vals is then their mean), else
                            none; NULL when no point has */
    char     what[64];   /* the field: "val_loss" */
} FxCurves;

extern const FxForeignType fx_curves_type;
FxCurves *fx_value_curves(FxValue v);
FxValue   fx_curves_new(FxInterp *I, int n, const char *what);

/* ---- --out (exp_out.c) and the writers it shares with save (exp_save.c) ------ */

/* Checks and opens the --out folder once per invocation (making it,
 * reading its manifest, refusing another script's results); errors point
 * at `at`. 0 when there is no --out. */
int  fx_out_begin(FxInterp *I, const FxNode *at);
/* 1 when --out's manifest has a line for the stored point KEY (or, on a
 * line that names no key, for its label). */
int  fx_out_lists_point(FxInterp *I, const char *key, const char *label);
/* A finished run (or, with `error`, a failed sweep point) into --out: its
 * history files and its manifest line, with the point's params record
 * (or none) and label. */
int  fx_out_record(FxInterp *I, const FxNode *at, FxValue run, FxValue params,
                   const char *label, const char *error);
void fx_json_number(FxBuf *b, double x);     /* nan and inf as null */
void fx_json_string(FxBuf *b, const char *s);
void fx_json_value(FxBuf *b, FxValue v);     /* numbers, else the shown text */
void fx_save_history(FxBuf *b, const FxRun *r, int json);   /* one row per epoch */
int  fx_save_write(FxInterp *I, const FxNode *at, const char *path, const FxBuf *b);

/* ---- shared helpers --------------------------------------------------------- */

/* The numbers of a list of numbers (NaN allowed); NULL and an error
 * naming `what` otherwise. Caller frees. */
double *fx_list_numbers(FxInterp *I, FxValue v, FxSpan at, const char *what, size_t *n);
/* A list value of n doubles. */
FxValue fx_numbers_value(FxInterp *I, const double *x, size_t n);
/* Keyword option lookup in a command's items: the FX_N_KWARG node or NULL. */
const FxNode *fx_option(const FxNode *cmd, const char *name);
/* Evaluates option `name` of cmd (none when absent: *given = 0). */
int fx_eval_option(FxInterp *I, const FxNode *cmd, const char *name, FxEnv *env,
                   FxValue *out, int *given);
int fx_builtin_call_node(FxInterp *I, const FxBuiltin *b, const FxNode *n, FxEnv *env,
                         FxValue *out);

/* Statement and command entry points (exp_*.c), registered by experiment.c. */
int fx_exec_model(FxInterp *I, const FxNode *n, FxEnv *env);
int fx_exec_summary(FxInterp *I, const FxNode *n, FxEnv *env);
/* What `summary` prints of m built as rm (a table of layers, output
 * shapes and parameters, then the totals), appended to out. */
void fx_model_summary_text(const FxModel *m, RtModel *rm, FxBuf *out);
int fx_eval_train(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
int fx_eval_evaluate(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
int fx_eval_predict(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
int fx_eval_minimize(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
int fx_eval_sweep(FxInterp *I, const FxNode *n, FxEnv *env, FxValue *out);
int fx_exec_save(FxInterp *I, const FxNode *n, FxEnv *env);

/* Each statement's options (fx.h's FxOptionDef), in the file that reads
 * them; predict takes evaluate's, model's are `model NAME(...)`'s. */
extern const FxOptionDef fx_train_options[];
extern const char        fx_train_options_note[];
extern const FxOptionDef fx_evaluate_options[];
extern const FxOptionDef fx_predict_options[];
extern const FxOptionDef fx_minimize_options[];
extern const FxOptionDef fx_save_options[];
extern const FxOptionDef fx_summary_options[];
extern const FxOptionDef fx_model_options[];

/* The layers, as builtins: name, parameters ("units, l2=, ..."), summary. */
const FxBuiltin *fx_layer_table(int *n);


/* Registers the statements above and the layers (experiment.c). */
void fx_exp_statements_open(FxInterp *I);
/* Builtin registration (optimizers, schedules, losses). */
void fx_exp_optim_init(FxInterp *I);
void fx_exp_save_init(FxInterp *I);
void fx_exp_baseline_init(FxInterp *I);   /* assert_close */
void fx_exp_data_init(FxInterp *I);
/* A sweep's prune: (exp_prune.c): successive halving, or the median rule. */
typedef struct FxPruner {
    int     median;           /* 1: median(...), 0: halving(...) */
    int64_t min_epochs;       /* halving: the first rung's epochs */
    int     eta;              /* halving: each rung keeps the best 1/eta */
    int64_t warmup;           /* median: epochs never stopped in */
    int     startup;          /* median: points that finish before any stops */
    char    monitor[16];      /* "" : val_loss with validation, else loss */
} FxPruner;
/* The median rule's state while a sweep runs (std->median points at it
 * during the sweep): the finished points' curves. */
typedef struct FxMedian FxMedian;
FxMedian *fx_median_new(const FxPruner *p);
void      fx_median_free(FxMedian *m);
/* A finished point's result (a run or repeats of runs) joins the rule. */
void      fx_median_add(FxMedian *m, FxValue result);
/* After an epoch of a run in the sweep: 1 to stop it (NULL m: 0). */
int       fx_prune_median_stop(FxMedian *m, const RtEpochInfo *e, int has_val);
void      fx_exp_prune_init(FxInterp *I);
FxPruner *fx_value_pruner(FxValue v);
/* A point's result's rank at a rung (lower is better; +inf for a
 * diverged run; NaN when it is not a run or repeats of runs), and
 * whether the rung's epoch cap stopped it. */
double    fx_prune_score(FxValue result, const FxPruner *p, int *pruned);

/* compare(): Welch's t-test between two points' repeats (exp_compare.c),
 * and the distribution functions it rests on. */
void   fx_exp_compare_init(FxInterp *I);
double fx_incomplete_beta(double a, double b, double x);
double fx_t_two_sided(double t, double df);
/* Random search's distributions (exp_search.c). */
void fx_exp_search_init(FxInterp *I);

typedef struct FxDist FxDist;
extern const FxForeignType fx_dist_type;
FxDist *fx_value_dist(FxValue v);
/* One draw of d, or of a list's items each as likely, from r. */
FxValue fx_dist_draw(const FxDist *d, RtRng *r);
FxValue fx_list_draw(FxValue list, RtRng *r);

#endif
