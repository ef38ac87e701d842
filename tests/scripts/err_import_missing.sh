# The error names the absolute path it looked for.
. lib/mask_dir.sh
fx_masked err_import_missing.fx
