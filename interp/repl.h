/* The interactive REPL (interp/repl.c). */
#ifndef FX_REPL_H
#define FX_REPL_H

#include <signal.h>
#include "interp.h"

/* Runs the REPL on the terminal until :quit or Ctrl-D; returns the exit
 * status. *Ip is the interpreter: :reset frees it and puts a fresh one
 * there, which the caller frees in the end. */
int fx_repl(FxInterp **Ip, volatile sig_atomic_t *interrupted);

#endif
