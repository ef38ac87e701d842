fn f(x) = x / 0
print "ok two", f(1)
