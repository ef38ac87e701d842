/* The core builtins' registration: numbers and math, lists and records,
 * text and format(), each file registering its own table. */
#ifndef FX_CORE_H
#define FX_CORE_H

#include "fx.h"

void fx_core_math_init(FxInterp *I);
void fx_core_list_init(FxInterp *I);
void fx_core_text_init(FxInterp *I);
void fx_core_test_init(FxInterp *I);   /* skip, exists, env */

/* format(fmt, ...): Python's format mini-language. */
int fx_format_call(FxCall *c, FxValue *out);

#endif
