print "ran"
print linspace(0, 1, num: 5)
