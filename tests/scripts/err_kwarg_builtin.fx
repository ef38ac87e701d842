# An unknown keyword argument of a builtin is found before anything runs.
print "this line must not run"
print range(0, 10, stp: 2)
