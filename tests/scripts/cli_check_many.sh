# --check reports every file, runs none of them, and exits 1 when any has
# an error (a runtime error such as 1/0 is not found without running).
"$FX" --check lib/check_ok.fx lib/check_bad_parse.fx lib/check_ok_runtime_error.fx lib/check_bad_name.fx
