/* The interactive REPL (interp/repl.c). */
#ifndef FX_REPL_H
#define FX_REPL_H

#include <signal.h>
#include "interp.h"

/* Runs the REPL on the terminal until :quit or Ctrl-D; returns the exit
 * status. */
int fx_repl(FxInterp *I, volatile sig_atomic_t *interrupted);

#endif
