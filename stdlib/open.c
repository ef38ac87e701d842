/* Opens the standard library into an interpreter, through fx.h alone: its
 * state (core/std.h), the builtins of core/, data/ and exp/, the constants
 * pi, inf, nan and args, the experiment statements and layers (exp/) and
 * the chart statements (plot/). The folders depend on each other in one
 * direction, core <- data <- exp <- plot, and only this file and main.c
 * see them all (tests/scripts/structure.sh checks it). */
#include <math.h>
#include "open.h"
#include "core/core.h"
#include "core/std.h"
#include "data/data.h"
#include "exp/experiment.h"
#include "plot/statements.h"

static void free_std(void *s) { fx_std_free(s); }

void fx_stdlib_open(FxInterp *I)
{
    fx_set_library_state(I, fx_std_new(), free_std);
    fx_core_math_init(I);
    fx_core_list_init(I);
    fx_core_text_init(I);
    fx_core_test_init(I);
    fx_core_smooth_init(I);
    fx_exp_optim_init(I);
    fx_exp_save_init(I);
    fx_exp_baseline_init(I);
    fx_exp_data_init(I);
    fx_exp_search_init(I);
    fx_exp_compare_init(I);
    fx_exp_diagnose_init(I);
    fx_exp_prune_init(I);
    fx_data_gen_init(I);
    fx_data_split_init(I);
    fx_data_csv_init(I);
    fx_data_idx_init(I);
    fx_data_reshape_init(I);
    fx_data_npy_init(I);
    fx_define_value(I, "pi", fx_num(M_PI));
    fx_define_value(I, "inf", fx_num(INFINITY));
    fx_define_value(I, "nan", fx_num(NAN));
    FxValue args = fx_list_new(&I->heap, (size_t)I->opt.nargs);
    for (int i = 0; i < I->opt.nargs; i++)
        fx_list_push_value(args, fx_str_cstr(&I->heap, I->opt.args[i]));
    fx_define_value(I, "args", args);
    fx_exp_statements_open(I);
    fx_plot_statements_open(I);
}
