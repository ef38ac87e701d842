# Errors in a script read from stdin are located in '<stdin>'.
printf 'print "ok"\nprint 1 +\n' | "$FX" -
