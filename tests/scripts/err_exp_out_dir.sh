# --out into a directory that cannot be made (its parent is a file): the
# error points at the train that tried to write, and names the absolute
# path (the command line's paths are relative to the current directory).
. lib/mask_dir.sh
fx_masked --out err_exp_out_dir.fx/results err_exp_out_dir.fx
