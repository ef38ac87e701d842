/* `fx report DIR [-o FILE]`: one self-contained HTML page over an --out
 * folder (DIR/runs.jsonl and the run files next to it): the environment,
 * every run's curves as inline SVG (plot_svg.c), the sweep table, the
 * diagnosis verdicts where the runs have them and the script's source.
 * Nothing is fetched; the page reads with JavaScript off, and a little
 * inline JavaScript sorts the table and toggles series. Exit status 0, 1
 * when the folder cannot be read or the page written, 2 a usage error. */
#ifndef FX_PLOT_REPORT_H
#define FX_PLOT_REPORT_H

/* argv[0] is "report". */
int fx_report_main(int argc, char **argv);

#endif
