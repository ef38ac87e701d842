# --check goes on past a file it cannot read and reports the others;
# the worst status wins (2).
"$FX" --check lib/check_bad_name.fx no_such_script.fx lib/check_ok.fx
