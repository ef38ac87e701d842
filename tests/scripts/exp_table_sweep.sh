# exp_table_sweep.fx with the seconds column dropped.
"$FX" exp_table_sweep.fx | awk -f lib/no_seconds.awk
