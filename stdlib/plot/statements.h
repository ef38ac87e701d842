/* The chart statements plot, bars and table: what runs them (exp_plot.c,
 * exp_table.c), their options, and their registration (statements.c).
 * They turn fx values (lists, runs, sweeps, curve sets) into the text
 * renderer's calls (plot.h). */
#ifndef FX_PLOT_STATEMENTS_H
#define FX_PLOT_STATEMENTS_H

#include "exp/experiment.h"

int fx_exec_plot(FxInterp *I, const FxNode *n, FxEnv *env);
int fx_exec_bars(FxInterp *I, const FxNode *n, FxEnv *env);
int fx_exec_table(FxInterp *I, const FxNode *n, FxEnv *env);

extern const FxOptionDef fx_plot_options[];
extern const FxOptionDef fx_bars_options[];
extern const FxOptionDef fx_table_options[];

/* Registers plot, bars and table with the interpreter. */
void fx_plot_statements_open(FxInterp *I);

#endif
