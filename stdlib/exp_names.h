/* The names the experiment statements accept: each command's options and
 * the layers of a model block. The resolver (stdlib/experiment.c) checks
 * programs against these lists; the REPL completes and explains them, so
 * this header holds no runtime type and interp/ may include it. */
#ifndef FX_EXP_NAMES_H
#define FX_EXP_NAMES_H

#include "interp.h"

/* Options each command takes, NULL-terminated (predict takes evaluate's;
 * model's are those of `model NAME(...) { ... }`). */
extern const char *const fx_train_options[];
extern const char *const fx_evaluate_options[];
extern const char *const fx_predict_options[];
extern const char *const fx_minimize_options[];
extern const char *const fx_save_options[];
extern const char *const fx_plot_options[];
extern const char *const fx_bars_options[];
extern const char *const fx_table_options[];
extern const char *const fx_summary_options[];
extern const char *const fx_model_options[];

/* The layers, as builtins: name, parameters ("units, l2=, ..."), summary. */
const FxBuiltin *fx_layer_table(int *n);

#endif
