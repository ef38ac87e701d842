let x = 0.5
if 0 < x < 1 { print "inside" }
