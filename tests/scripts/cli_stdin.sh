# 'fx -' reads the script from standard input (args after it); with no
# arguments and stdin not a terminal, fx reads stdin too.
printf 'print "from stdin", args\n' | "$FX" - x y
printf 'let a = 6\nprint a * 7\n' | "$FX"
"$FX" - < lib/helpers.fx
