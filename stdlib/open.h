/* The standard library's one entry: opening it into an interpreter. The
 * fx program passes fx_stdlib_open to fx_main (main.c); tests pass it in
 * FxOptions.open_libs. */
#ifndef FX_STDLIB_OPEN_H
#define FX_STDLIB_OPEN_H

#include "fx.h"

void fx_stdlib_open(FxInterp *I);

#endif
