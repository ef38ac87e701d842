/* Sweep point results as bytes between a child process and the sweep
 * (exp_wire.c). */
#ifndef FX_EXP_WIRE_H
#define FX_EXP_WIRE_H

#include <stddef.h>
#include "experiment.h"

/* Appends v to b; -1 when v holds something that cannot travel, named in
 * why ("a function"). */
/* The encoding's number, hashed into every stored point's key (exp_store.c),
 * so points stored in an older encoding are stale, never misread. */
#define FX_WIRE_FORMAT "wire-3"

int fx_wire_put(FxBuf *b, FxValue v, char *why, size_t whylen);
/* Decodes the n bytes at p into a value of I's heap; -1 when they are not
 * one whole encoded value. */
int fx_wire_get(FxInterp *I, const char *p, size_t n, FxValue *out);

#endif
