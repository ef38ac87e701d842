# exp_table_sweep_values.fx with the seconds column dropped.
"$FX" exp_table_sweep_values.fx | awk -f lib/no_seconds.awk
