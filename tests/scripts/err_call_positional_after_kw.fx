# Found before anything runs: nothing is printed.
fn f(a, b) = a - b
print "not reached"
print f(a: 1, 2)
