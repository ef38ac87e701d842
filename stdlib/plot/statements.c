/* Registers the chart statements plot, bars and table (fx.h's
 * FxStatementDef) and checks them before a program runs: their arguments,
 * the title after `title`, and their options.
 *
 * A new chart kind: its renderer in plot_*.c (declared in plot.h), its
 * statement in exp_*.c here, a row in statements[] below, its syntax in
 * grammar/parser.y, and fx.7. A new plot option: a row in exp_plot.c's
 * table, its reading there, and fx.7. */
#include "statements.h"

static void resolve_chart(FxResolver *R, FxNode *n)
{
    fx_resolve_items(R, n);
    fx_resolve_walk(R, n->b);
    const FxOptionDef *opts = n->kind == FX_N_PLOT ? fx_plot_options
                              : n->kind == FX_N_BARS ? fx_bars_options : fx_table_options;
    fx_resolve_options(R, n, opts, fx_node_kind_name(n->kind));
}

static const FxStatementDef statements[] = {
    {FX_N_PLOT, "plot", NULL, fx_exec_plot, resolve_chart, 0, fx_plot_options, NULL},
    {FX_N_BARS, "bars", NULL, fx_exec_bars, resolve_chart, 0, fx_bars_options, NULL},
    {FX_N_TABLE, "table", NULL, fx_exec_table, resolve_chart, 0, fx_table_options, NULL},
};

void fx_plot_statements_open(FxInterp *I)
{
    fx_register_statements(I, statements, (int)(sizeof statements / sizeof statements[0]));
}
