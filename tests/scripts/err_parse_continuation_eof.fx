print "not run"
let x = 1 + \
