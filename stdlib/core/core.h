/* The core builtins' registration: numbers and math, lists and records,
 * text and format(), each file registering its own table. */
#ifndef FX_CORE_H
#define FX_CORE_H

#include <stddef.h>
#include "fx.h"

void fx_core_math_init(FxInterp *I);
void fx_core_list_init(FxInterp *I);
void fx_core_text_init(FxInterp *I);
void fx_core_test_init(FxInterp *I);   /* skip, exists, env */
void fx_core_smooth_init(FxInterp *I);

/* TensorBoard's debiased EMA of n points into out (out may be x). */
void fx_smooth_ema(const double *x, size_t n, double weight, double *out);

/* format(fmt, ...): Python's format mini-language. */
int fx_format_call(FxCall *c, FxValue *out);

#endif
