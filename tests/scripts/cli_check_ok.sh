# --check of clean files prints nothing, runs nothing and exits 0; -c is
# the short form.
"$FX" --check lib/check_ok.fx lib/check_ok_runtime_error.fx lib/helpers.fx
echo "status $?"
"$FX" -c lib/check_ok.fx
echo "status $?"
