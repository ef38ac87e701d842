/* `fx compare A B [--rtol R] [--atol A]`: two saved runs or sweeps (the
 * files save and --out write) compared value by value (exp/runs_file.h),
 * the largest deviations as a table and the worst curve of both overlaid.
 * Exit status 0 within the tolerance, 1 outside it, 2 a usage error or a
 * file that cannot be read. */
#ifndef FX_PLOT_COMPARE_H
#define FX_PLOT_COMPARE_H

/* argv[0] is "compare". */
int fx_compare_main(int argc, char **argv);

#endif
