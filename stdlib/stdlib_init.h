/* What the standard library adds to an interpreter: built-in functions,
 * constants, and (later) the experiment statements' state. */
#ifndef FX_STDLIB_INIT_H
#define FX_STDLIB_INIT_H

#include "interp.h"

void fx_stdlib_init(FxInterp *I);
void fx_stdlib_free(FxInterp *I);

/* Each file of builtins registers its own table. */
void fx_core_math_init(FxInterp *I);
void fx_core_list_init(FxInterp *I);
void fx_core_text_init(FxInterp *I);
void fx_data_gen_init(FxInterp *I);      /* random_images, random_data, regression, toy sets */
void fx_data_split_init(FxInterp *I);    /* split, take, normalize, concat */
void fx_data_csv_init(FxInterp *I);      /* load_csv */
void fx_data_idx_init(FxInterp *I);      /* load_idx, fashion_mnist */

/* format(fmt, ...): Python's format mini-language. */
int fx_format_call(FxCall *c, FxValue *out);

#endif
