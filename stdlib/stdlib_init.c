/* Registers the standard library: the core builtins and the constants pi,
 * inf, nan and args. */
#include <stdlib.h>
#include <math.h>
#include "experiment.h"
#include "stdlib_init.h"
#include "std.h"

void fx_stdlib_init(FxInterp *I)
{
    I->std = fx_std_new();
    fx_core_math_init(I);
    fx_core_list_init(I);
    fx_core_text_init(I);
    fx_exp_optim_init(I);
    fx_exp_save_init(I);
    fx_exp_data_init(I);
    fx_data_gen_init(I);
    fx_data_split_init(I);
    fx_data_csv_init(I);
    fx_data_idx_init(I);
    fx_define_value(I, "pi", fx_num(M_PI));
    fx_define_value(I, "inf", fx_num(INFINITY));
    fx_define_value(I, "nan", fx_num(NAN));
    FxValue args = fx_list_new(&I->heap, (size_t)I->opt.nargs);
    for (int i = 0; i < I->opt.nargs; i++)
        fx_list_push_value(args, fx_str_cstr(&I->heap, I->opt.args[i]));
    fx_define_value(I, "args", args);
}

void fx_stdlib_free(FxInterp *I)
{
    (void)I;
    fx_std_free(I->std);
    I->std = NULL;
}
