# The error names the absolute path it looked for (masked as $DIR).
. lib/mask_dir.sh
fx_masked err_exp_checkpoint.fx
