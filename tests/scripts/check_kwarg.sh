# --check finds an unknown keyword argument of a builtin without running.
"$FX" --check lib/kwarg_typo.fx
