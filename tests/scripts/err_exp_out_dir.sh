# --out into a directory that cannot be made: today the error points at
# line 1, column 1 ("seed 3"), which has nothing to do with it. Expected:
# the train that tried to write (or a usage error before running).
"$FX" --out /nonexistent/fx-out err_exp_out_dir.fx
